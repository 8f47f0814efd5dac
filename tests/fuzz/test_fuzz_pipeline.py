"""Fuzzing the whole pipeline on random Arabic-ish text: no stage fails, every offset slices, schema holds."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.ingest import RawInput
from marsad.pipeline import Knowledge, process_raw

from .strategies import ARABICISH, FUZZ_SLOW

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
STATUSES = {"asserted", "reported", "planned", "claimed", "negated"}
LABELS = {"PERS", "ORG", "LOC", "GPE", "MISC", "DATE"}
LEAD = "التقى وزير الدفاع الروسي سيرغي شويغو الرئيس السوري بشار الأسد في دمشق أمس. "


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge().warm()


@FUZZ_SLOW
@given(text=ARABICISH, published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_pipeline_never_fails_and_offsets_slice(kb: Knowledge, text: str, published: str | None) -> None:
    rec = {"id": "fz", "text": LEAD + text}
    if published:
        rec["published"] = published
    doc = process_raw(RawInput("fuzz.jsonl:1", "record", record=rec), "fz", kb)
    assert doc.status in ("ok", "rejected")
    assert doc.failed_stage in (None, "ingest"), doc.error  # a stage crash is a bug, never an answer
    if doc.status != "ok":
        return
    t = doc.text
    for s in doc.sentences:
        assert t[s.start:s.end] == s.text
    for m in doc.mentions:
        assert t[m.start:m.end] == m.text and m.label in LABELS
        json.dumps(m.to_dict(doc.doc_id), ensure_ascii=False)
    for d in doc.dates:
        assert t[d.start:d.end] == d.text
    for e in doc.events:
        json.dumps(e, ensure_ascii=False)  # an events.jsonl line can be written
        assert e["doc_id"] == "fz" and e["event_id"] and e["type"] in PLOVER and e["status"] in STATUSES
        ev = e["evidence"]
        assert t[ev["start"]:ev["end"]] == ev["text"]
        for side in ("actor", "recipient"):
            assert isinstance(e.get(side) or [], list)
        assert e.get("date_precision") in (None, "day", "month", "year")
    json.dumps(doc.record(), ensure_ascii=False)
