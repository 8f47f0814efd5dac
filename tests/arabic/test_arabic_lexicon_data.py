"""The shipped data files: they load, and the stem lexicon matches a rebuild from the corpora."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from marsad.arabic.segmentation import lexicon_size
from marsad.arabic.sentences import _abbreviation_data

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def test_lexicon_loads() -> None:
    assert lexicon_size() > 10_000


def test_abbreviations_load_normalised() -> None:
    abbrevs, eras = _abbreviation_data()
    assert "ا.ف.ب" in abbrevs and "u.s" in abbrevs
    assert "ه" in eras  # «هـ» without its tatweel


@pytest.mark.skipif(not (SHARED / "data" / "ner").is_dir(), reason="training corpora (shared/) not available")
def test_lexicon_matches_a_rebuild() -> None:
    spec = importlib.util.spec_from_file_location("build_stem_lexicon", ROOT / "scripts" / "build_stem_lexicon.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (ROOT / "src" / "marsad" / "arabic" / "data" / "stems.tsv").read_text(encoding="utf-8")
    assert module.build(SHARED) == shipped, "run scripts/build_stem_lexicon.py"
