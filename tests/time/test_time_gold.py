"""Accuracy gate on the hand-written gold sentences (tests/time/data/time_gold.jsonl).

The floors sit a little under the current scores so that a regression fails while a
small, deliberate change of convention can be made by updating the gold file.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).parent / "data" / "time_gold.jsonl"


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_time", ROOT / "scripts" / "eval_time.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GROUPS = {"absolute", "numeric", "digits", "hijri", "deictic", "weekday", "relative_span", "period",
          "month_relative", "parts", "year", "year_range", "decade", "season", "duration", "vague", "not_date",
          "no_ref"}


def test_gold_file_is_well_formed() -> None:
    items = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 170
    assert len({item["id"] for item in items}) == len(items)
    assert len({item["text"] for item in items}) == len(items)
    assert {item["group"] for item in items} == GROUPS
    for item in items:
        for d in item["dates"]:
            assert d["text"] in item["text"]
            assert d["kind"] in {"absolute", "relative", "weekday", "hijri", "duration", "vague"}
            assert d["precision"] in {None, "day", "week", "month", "year", "interval"}
            assert (d["value"] is None) == (d["precision"] is None)


def test_gold_accuracy_floor() -> None:
    scores = _eval_module().evaluate_gold(GOLD)
    assert scores["precision"] >= 0.95
    assert scores["recall"] >= 0.95
    assert scores["value_accuracy_all"] >= 0.93
    assert scores["case_accuracy"] >= 0.95  # the acceptance bar of issue 5


def test_every_group_is_mostly_exact() -> None:
    for group, (cases, exact) in _eval_module().evaluate_gold(GOLD)["by_group"].items():
        assert exact / cases >= 0.85, group


def test_seed_evidence_when_present() -> None:
    shared = ROOT.parent / "shared"
    scores = _eval_module().evaluate_seeds(shared)
    if scores is None:
        pytest.skip("../shared/seeds/gold is not present")
    assert scores["detected"] >= 0.6
