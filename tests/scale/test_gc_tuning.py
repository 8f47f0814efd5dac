"""Processes that analyse documents raise the collector's youngest-generation threshold, once, and
never lower a threshold set higher or touch a disabled collector."""

from __future__ import annotations

import gc

import pytest

from marsad import pipeline


@pytest.fixture
def fresh_gc(monkeypatch: pytest.MonkeyPatch):
    saved, enabled = gc.get_threshold(), gc.isenabled()
    monkeypatch.setattr(pipeline, "_gc_tuned", False)
    yield
    gc.set_threshold(*saved)
    (gc.enable if enabled else gc.disable)()


def test_the_default_threshold_is_raised(fresh_gc) -> None:
    gc.set_threshold(700, 10, 10)
    pipeline.tune_gc()
    assert gc.get_threshold() == (pipeline.GC_GEN0_THRESHOLD, 10, 10)


def test_a_higher_threshold_is_kept(fresh_gc) -> None:
    gc.set_threshold(50_000, 20, 20)
    pipeline.tune_gc()
    assert gc.get_threshold() == (50_000, 20, 20)


def test_a_disabled_collector_is_left_alone(fresh_gc) -> None:
    gc.set_threshold(700, 10, 10)
    gc.disable()
    pipeline.tune_gc()
    assert not gc.isenabled() and gc.get_threshold() == (700, 10, 10)


def test_analysing_documents_tunes_the_process(fresh_gc) -> None:
    from marsad.ingest import RawInput
    from marsad.scale.work import analyse_many
    gc.set_threshold(700, 10, 10)
    raw = RawInput(source="a.txt", kind="txt", data="قال وزير الخارجية إن المحادثات ستستأنف في جنيف الأسبوع المقبل.".encode())
    [(doc, skipped)] = analyse_many([(raw, "a")], pipeline.Knowledge())
    assert doc.status == "ok" and not skipped
    assert gc.get_threshold()[0] == pipeline.GC_GEN0_THRESHOLD
