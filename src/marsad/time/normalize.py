"""Normalisation used by the temporal matcher: a thin layer over :mod:`marsad.arabic`.

The matcher works on the folded text (no diacritics or tatweel, one alef, ASCII digits,
ta marbuta as ha…) and maps every match back through ``to_original`` so that offsets
slice the caller's raw text. Vocabulary words are folded with the same rules, so the
data file can be written in ordinary spelling.
"""

from __future__ import annotations

from marsad.arabic.normalization import NormalizedText, normalize, normalize_word

__all__ = ["NormalizedText", "normalize_with_offsets", "normalize_word"]


def normalize_with_offsets(text: str) -> NormalizedText:
    """Fold ``text`` for matching and keep the offset map back to it."""
    return normalize(text)
