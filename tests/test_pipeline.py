"""Pipeline-level behaviour: stage failures isolate one document; dates and outlets inferred honestly."""

from __future__ import annotations

import pytest

from marsad import pipeline
from marsad.model import Document
from marsad.pipeline import Knowledge, process_document


@pytest.fixture(scope="module")
def kb():
    return Knowledge()


def test_a_failing_stage_rejects_only_its_document(kb, monkeypatch):
    def boom(doc, kb):
        raise RuntimeError("simulated failure")
    monkeypatch.setattr(pipeline, "STAGES", [*pipeline.STAGES[:2], ("time", boom), *pipeline.STAGES[3:]])
    doc = process_document(Document("d", "d", text="قالت روسيا إن قواتها انسحبت من حلب أمس."), kb)
    assert doc.status == "rejected" and doc.failed_stage == "time"
    assert "simulated failure" in doc.error and doc.events == [] and doc.mentions == []


def test_publication_date_is_inferred_from_the_latest_full_date(kb):
    text = "في 3 آذار 2016 وقعت الهجمات. وقال المتحدث يوم 12 أيلول 2017 إن القوات انسحبت أمس."
    doc = process_document(Document("d", "d", text=text), kb)
    assert doc.published == "2017-09-12" and doc.published_basis == "inferred"
    assert any(d.text == "أمس" and d.value == "2017-09-11" for d in doc.dates)


def test_no_full_date_means_no_publication_date(kb):
    doc = process_document(Document("d", "d", text="قال المتحدث إن القوات انسحبت أمس من المدينة في آذار."), kb)
    assert doc.published is None and doc.record()["published_basis"] is None


def test_outlet_from_a_standalone_line_not_from_a_source_in_a_sentence(kb):
    text = "روسيا تسحب قواتها\n\nرويترز\n\nقالت وزارة الدفاع إن القوات انسحبت من سوريا أمس."
    assert process_document(Document("d", "d", text=text), kb).outlet == "رويترز"
    text2 = "روسيا تسحب قواتها\n\nنقلت وكالة رويترز عن مصادر أن القوات انسحبت من سوريا أمس."
    assert process_document(Document("d", "d", text=text2), kb).outlet is None
