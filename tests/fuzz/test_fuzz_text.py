"""Fuzzing the Arabic text layer: sentences and tokens always slice the text they came from."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic import normalize, split_sentences, tokenize

from .strategies import ANY_TEXT, FUZZ, FUZZ_SLOW, NOISE, WORDS


def _check_offsets(text: str) -> None:
    last_end = 0
    for s in split_sentences(text):
        assert 0 <= s.start <= s.end <= len(text) and text[s.start:s.end] == s.text
        assert s.start >= last_end  # sentences do not overlap and come in order
        last_end = s.end
        for t in tokenize(s.text, start=s.start):
            assert s.start <= t.start < t.end <= s.end and text[t.start:t.end] == t.text
            assert t.start <= t.stem_start <= t.stem_end <= t.end


@FUZZ
@given(ANY_TEXT)
def test_sentences_and_tokens_slice_the_text(text: str) -> None:
    _check_offsets(text)
    nt = normalize(text)
    s, e = nt.to_original(0, len(nt.text))
    assert 0 <= s <= e <= len(text)


@FUZZ_SLOW
@given(st.integers(2_000, 60_000), st.sampled_from(WORDS + NOISE))
def test_huge_line_without_sentence_end(n: int, piece: str) -> None:
    _check_offsets((piece + " ") * (n // (len(piece) + 1) + 1))
