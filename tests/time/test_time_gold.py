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


def test_gold_file_is_well_formed() -> None:
    items = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 60
    for item in items:
        for d in item["dates"]:
            assert d["text"] in item["text"]
            assert d["kind"] in {"absolute", "relative", "weekday", "hijri", "duration", "vague"}


def test_gold_accuracy_floor() -> None:
    scores = _eval_module().evaluate_gold(GOLD)
    assert scores["precision"] >= 0.95
    assert scores["recall"] >= 0.95
    assert scores["value_accuracy_all"] >= 0.93


def test_seed_evidence_when_present() -> None:
    shared = ROOT.parent / "shared"
    scores = _eval_module().evaluate_seeds(shared)
    if scores is None:
        pytest.skip("../shared/seeds/gold is not present")
    assert scores["detected"] >= 0.6
