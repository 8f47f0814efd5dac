"""The fast control-character counts equal the plain per-character definitions."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from marsad.ingest import encoding


def _bad_chars(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") and ch not in "\t\n\r\f")


@given(st.text(alphabet=st.characters(codec=None), max_size=200)
       | st.text(alphabet="روسياإيران\u064b\u0640\x00\x07\x7f\x85\ue000\U000f0000\U0001f600\u0378\t\n\r\f ",
                 max_size=200))
def test_bad_character_count(text: str) -> None:
    fast = len(encoding._bad_bmp().findall(text))
    fast += sum(unicodedata.category(ch) in encoding._BAD_CATEGORIES for ch in encoding._ASTRAL.findall(text))
    assert fast == _bad_chars(text)


@given(st.binary(max_size=300))
def test_control_byte_count(data: bytes) -> None:
    expected = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    assert len(data.translate(None, encoding._NOT_CONTROL)) == expected
