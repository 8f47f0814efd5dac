"""Property tests: every offset produced by the Arabic layer slices the original text exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic import normalize, normalize_word, split_sentences, tokenize
from marsad.arabic.normalization import _EXPANDING

_PIECES = (
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةؤئٱیکگپچژڤھ")
    + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u06d6")  # harakat, tatweel
    + ["\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u200b", "\u00a0", "\u0301"]  # invisibles, combining
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789abcXYZ")
    + list(".!?؟…،؛:«»“”\"'()[]-%") + [" ", " ", " ", "\n", "\r\n", "\t"]
    + ["😀", "🇸🇾", "ﻻ", "ﷲ", "ﷺ", "\U0001f3fd"]
    + ["وإيران", "بالرئيس", "للحكومة", "د.", "3.5", "12.9.2017", "أ.ف.ب", "U.S."]
)
TEXT = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=60).map("".join),
    st.text(max_size=80),
)
SETTINGS = settings(max_examples=200, deadline=None)


@SETTINGS
@given(TEXT, st.data())
def test_to_original_slices_the_source(text: str, data: st.DataObject) -> None:
    nt = normalize(text)
    assert nt.index is None or len(nt.index) == len(nt.text)
    assert normalize(text, ta_marbuta=False).to_original(0, len(nt.text)) == nt.to_original(0, len(nt.text))
    i = data.draw(st.integers(0, len(nt.text)))
    j = data.draw(st.integers(i, len(nt.text)))
    s, e = nt.to_original(i, j)
    assert 0 <= s <= e <= len(text)
    if i == j:
        assert s == e
        return
    renormalised = normalize(text[s:e]).text
    if any(ch in _EXPANDING for ch in text[s:e]):
        assert nt.text[i:j] in renormalised  # a span may cut a ligature's expansion
    else:
        assert renormalised == nt.text[i:j]


@SETTINGS
@given(TEXT, st.integers(0, 10_000))
def test_token_offsets(text: str, shift: int) -> None:
    tokens = tokenize(text, shift)
    prev_end = shift
    for tok in tokens:
        assert tok.text and text[tok.start - shift:tok.end - shift] == tok.text
        assert prev_end <= tok.start < tok.end
        assert tok.start <= tok.stem_start <= tok.stem_end <= tok.end
        assert tok.norm == normalize_word(tok.text)
        prev_end = tok.end
    if not any(ch in _EXPANDING for ch in text):
        # every normalised non-space character belongs to some token
        covered = "".join(normalize(t.text).text for t in tokens)
        assert covered == "".join(normalize(text).text.split())


@SETTINGS
@given(TEXT)
def test_sentence_offsets(text: str) -> None:
    sents = split_sentences(text)
    prev_end = 0
    covered = 0
    for k, sent in enumerate(sents):
        assert sent.index == k
        assert sent.text and sent.text == sent.text.strip()
        assert text[sent.start:sent.end] == sent.text
        assert prev_end <= sent.start < sent.end
        prev_end = sent.end
        covered += sum(1 for ch in sent.text if not ch.isspace())
    assert covered == sum(1 for ch in text if not ch.isspace())
