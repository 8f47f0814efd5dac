"""The JSON form of a document round-trips; per-stage timing sees every stage."""

from __future__ import annotations

import json

from marsad import pipeline
from marsad.ingest import RawInput
from marsad.pipeline import Knowledge, process_raw
from marsad.scale.serial import doc_from_dict, doc_to_dict, json_default
from marsad.scale.timing import StageTimes, instrument


def test_document_round_trip(article_text):
    doc = process_raw(RawInput("mem", "record", record={"id": "x", "text": article_text,
                                                        "published": "2017-09-12"}), "x", Knowledge())
    assert doc.status == "ok" and doc.sentences and doc.mentions
    data = json.loads(json.dumps(doc_to_dict(doc), ensure_ascii=False, default=json_default))
    back = doc_from_dict(data)
    assert back.record() == doc.record()
    assert back.text == doc.text and back.sentences == doc.sentences and [m.to_dict("x") for m in back.mentions] == [m.to_dict("x") for m in doc.mentions]
    assert back.dates == doc.dates and back.events == doc.events
    assert back.tokens == []


def test_instrument_times_every_stage(article_text, monkeypatch):
    monkeypatch.setattr(pipeline, "STAGES", list(pipeline.STAGES))
    monkeypatch.setattr(pipeline, "load_document", pipeline.load_document)
    times = instrument(StageTimes())
    instrument(times)  # idempotent: no double counting
    process_raw(RawInput("mem", "record", record={"id": "x", "text": article_text}), "x", Knowledge())
    assert set(times.calls) == {"ingest"} | {name for name, _ in pipeline.STAGES}
    assert all(n == 1 for n in times.calls.values())
