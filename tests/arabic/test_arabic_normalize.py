"""Normalisation rules and the offset map, on real phrases."""

from __future__ import annotations

import pytest

from marsad.arabic import normalize, normalize_word, segmentation_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد إبراهيم آل ٱلله", "احمد ابراهيم ال الله"),  # alef variants
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("الحكومة", "الحكومه"),  # ta marbuta folded by default
        ("موسکو", "موسكو"),  # Persian keheh
        ("ولایتي", "ولايتي"),  # Persian yeh
        ("گیلان", "كيلان"),  # gaf → kaf
        ("پاکستان", "باكستان"),
        ("چابهار", "جابهار"),
        ("ژنو", "زنو"),
        ("ڤيينا", "فيينا"),
        ("رئيس مسؤول", "رييس مسوول"),  # hamza seats fall onto their carriers
        ("روســيا", "روسيا"),  # tatweel
        ("قُتِلَ", "قتل"),  # harakat
        ("٢٠١٧", "2017"),
        ("۱۳۹۵", "1395"),
        ("«قال» “لا” „x‟ ‹y›", '"قال" "لا" "x" "y"'),
        ("إيران\u200cو\u200fروسيا\ufeff", "ايرانوروسيا"),  # ZWNJ, RLM, BOM deleted
        ("دمشق\u00a0اليوم", "دمشق اليوم"),  # NBSP → space
        ("ﻻ", "لا"),  # presentation-form ligature
        ("بغداد، دمشق؛ لماذا؟", "بغداد، دمشق؛ لماذا؟"),  # Arabic punctuation kept
    ],
)
def test_rules(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_ta_marbuta_switch() -> None:
    assert normalize("وحدة عسكرية", ta_marbuta=False).text == "وحدة عسكرية"
    assert normalize("وحدة عسكرية").text == "وحده عسكريه"
    assert segmentation_key("الحكومة") == "الحكومة"
    assert normalize_word(" الحكومة ") == "الحكومه"


def test_identity_map_when_nothing_is_deleted() -> None:
    nt = normalize("وزير الدفاع الروسي سيرغي شويغو")
    assert nt.index is None
    assert nt.to_original(6, 12) == (6, 12)


def test_to_original_over_diacritics_and_tatweel() -> None:
    raw = "قال إنّ روســيا قُتِلَ"
    nt = normalize(raw)
    assert nt.text == "قال ان روسيا قتل"
    i = nt.text.index("روسيا")
    s, e = nt.to_original(i, i + len("روسيا"))
    assert raw[s:e] == "روســيا"
    i = nt.text.index("قتل")
    s, e = nt.to_original(i, i + 3)
    assert raw[s:e] == "قُتِلَ"  # the final fatha belongs to the last letter
    i = nt.text.index("ان")
    assert raw[slice(*nt.to_original(i, i + 2))] == "إنّ"


def test_to_original_empty_and_bad_spans() -> None:
    raw = "قُتِلَ"
    nt = normalize(raw)
    assert nt.to_original(1, 1) == (2, 2)
    assert nt.to_original(3, 3) == (6, 6)
    with pytest.raises(ValueError):
        nt.to_original(2, 5)


def test_ligature_maps_to_its_source_character() -> None:
    raw = "ﻻ بد"
    nt = normalize(raw)
    assert nt.text == "لا بد"
    assert nt.to_original(0, 1) == (0, 1)
    assert nt.to_original(1, 2) == (0, 1)
    assert raw[slice(*nt.to_original(3, 5))] == "بد"


def _reference(text: str, table: dict) -> tuple[str, list[int]]:
    """The normalisation as its definition states it: each character translated on its own, and each
    output character's source offset."""
    out, index = [], []
    for k, ch in enumerate(text):
        rep = table.get(ord(ch), ch) if ord(ch) in table else ch
        rep = rep or ""
        out.append(rep)
        index.extend([k] * len(rep))
    return "".join(out), index


def test_long_text_normalises_as_one_translate_and_maps_every_character() -> None:
    from marsad.arabic.normalization import _TABLE_KEEP_TM, _TABLE_TM

    # a document-sized text (the fast paths start at 256 characters) with marks, tatweel, hamza seats,
    # Persian letters, a presentation-form ligature «ﻻ», Arabic-Indic digits and guillemets
    text = ("قالَ وزيرُ الخارجيةِ الإيرانيُّ «محمد جواد ظریف» إنّ المفاوضاتِ ستُستأنفُ قريباً في مسقط، "
            "وأكّد مسئولٌ عراقيّ أنّ الهجومَ وقعَ يوم ١٥ آذار في مدينةِ الموصـــل، ﻻ في أربيل. ") * 6
    assert len(text) > 256
    for ta_marbuta, table in ((True, _TABLE_TM), (False, _TABLE_KEEP_TM)):
        nt = normalize(text + str(ta_marbuta), ta_marbuta=ta_marbuta)  # a new string: not the memo
        expected, index = _reference(text + str(ta_marbuta), table)
        assert nt.text == expected == (text + str(ta_marbuta)).translate(table)
        assert list(nt.index) == index
    assert "ظریف" not in normalize(text).text and "ظريف" in normalize(text).text
