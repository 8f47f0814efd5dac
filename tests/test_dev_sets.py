"""The out-of-domain development sets in eval/ stay valid: gold evidence verbatim in the articles,
well-formed dates, known types, and ids that exist in the knowledge base (or the set's IDS.yaml)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[1] / "eval"
SETS = sorted(p.parent for p in EVAL.glob("*/MANIFEST.yaml"))


def _checker():
    spec = importlib.util.spec_from_file_location("check_manifest", EVAL / "check_manifest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("folder", SETS, ids=[p.name for p in SETS])
def test_dev_set_manifest_is_valid(folder: Path) -> None:
    problems, types, _statuses = _checker().check(folder)
    assert problems == []
    assert sum(types.values()) >= 100  # twelve articles of 8–12 events each


def test_all_seven_sets_are_found() -> None:
    assert [p.name for p in SETS] == ["topics", "topics2", "topics3", "topics4", "topics5", "topics6", "topics7"]
