"""Tokens, their offsets and their stems' offsets in the original text."""

from __future__ import annotations

import pytest

from marsad.arabic import split_sentences, tokenize

pytestmark = pytest.mark.usefixtures("base_lexicon")


def by_text(text: str) -> dict:
    return {t.text: t for t in tokenize(text)}


def stem_as_written(text: str, tok) -> str:
    return text[tok.stem_start:tok.stem_end]


def test_clitic_stem_spans_in_the_original() -> None:
    text = "وإيران لروسيا بدمشق، والأسد وشويغو بالرئيس السوري للحكومة"
    toks = by_text(text)
    assert stem_as_written(text, toks["وإيران"]) == "إيران"
    assert toks["وإيران"].prefixes == ("و",) and toks["وإيران"].stem == "ايران"
    assert stem_as_written(text, toks["لروسيا"]) == "روسيا"
    assert stem_as_written(text, toks["بدمشق"]) == "دمشق"
    assert stem_as_written(text, toks["والأسد"]) == "الأسد"
    assert stem_as_written(text, toks["وشويغو"]) == "شويغو"
    assert stem_as_written(text, toks["بالرئيس"]) == "رئيس"
    assert stem_as_written(text, toks["للحكومة"]) == "حكومة"
    assert toks["للحكومة"].norm == "للحكومه"
    assert toks["،"].stem == "،" and toks["،"].prefixes == ()


def test_suffix_and_future_prefix_spans() -> None:
    text = "سيزور الوزير قواتُها"
    toks = by_text(text)
    assert stem_as_written(text, toks["سيزور"]) == "يزور"
    assert toks["قواتُها"].suffixes == ("ها",)
    assert stem_as_written(text, toks["قواتُها"]) == "قواتُ"  # the damma stays with its letter


def test_tatweel_diacritics_persian_letters_and_digits() -> None:
    text = "روســيا قُتِلَ في موسکو عام ٢٠١٧ (۱۳۹۵ هـ) مع ولایتي"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["روســيا", "قُتِلَ", "في", "موسکو", "عام", "٢٠١٧", "(", "۱۳۹۵", "هـ", ")",
                                      "مع", "ولایتي"]
    norms = {t.text: t.norm for t in toks}
    assert norms["روســيا"] == "روسيا"
    assert norms["قُتِلَ"] == "قتل"
    assert norms["موسکو"] == "موسكو"
    assert norms["٢٠١٧"] == "2017" and norms["۱۳۹۵"] == "1395"
    assert norms["ولایتي"] == "ولايتي"


def test_numbers_punctuation_and_latin() -> None:
    text = "قمة G20 في 12.9.2017، وارتفع 3.5%!! عام 2017م"
    assert [t.text for t in tokenize(text)] == ["قمة", "G20", "في", "12.9.2017", "،", "وارتفع", "3.5", "%!!",
                                                "عام", "2017", "م"]


def test_start_offset_for_a_sentence_slice() -> None:
    text = "عنوان\nوصل الوفد إلى بغداد. واجتمع بالرئيس."
    for sent in split_sentences(text):
        for tok in tokenize(sent.text, sent.start):
            assert text[tok.start:tok.end] == tok.text
            assert sent.start <= tok.stem_start <= tok.stem_end <= sent.end
    toks = tokenize(split_sentences(text)[2].text, split_sentences(text)[2].start)
    assert text[toks[1].stem_start:toks[1].stem_end] == "رئيس"
