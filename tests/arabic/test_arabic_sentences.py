"""Sentence splitting on real news phrasing."""

from __future__ import annotations

from marsad.arabic import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_terminal_punctuation_and_offsets() -> None:
    text = "  وصل الوزير إلى دمشق. هل يلتقي الأسد؟ نعم! وسيعود غدا…  "
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["وصل الوزير إلى دمشق.", "هل يلتقي الأسد؟", "نعم!", "وسيعود غدا…"]
    assert [s.index for s in sents] == [0, 1, 2, 3]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_numbers_and_dates_are_not_split() -> None:
    assert texts("ارتفع السعر 3.5 بالمئة وقتل 12.000 شخص في 12.9.2017 في حلب.") == [
        "ارتفع السعر 3.5 بالمئة وقتل 12.000 شخص في 12.9.2017 في حلب."
    ]


def test_number_at_sentence_end_splits() -> None:
    assert texts("بلغ عدد القتلى 12. وأضاف المصدر أن العدد قد يرتفع.") == [
        "بلغ عدد القتلى 12.", "وأضاف المصدر أن العدد قد يرتفع."
    ]


def test_abbreviations() -> None:
    assert texts("قال د. محمد العلي إن م. أحمد وصل (أ.ف.ب). ثم غادر.") == [
        "قال د. محمد العلي إن م. أحمد وصل (أ.ف.ب).", "ثم غادر."
    ]
    assert texts("العنوان ص.ب 1234 عمان. اتصل بنا.") == ["العنوان ص.ب 1234 عمان.", "اتصل بنا."]
    assert texts("أعلنت قوات U.S. Army وصولها. وقال مسؤول.") == ["أعلنت قوات U.S. Army وصولها.", "وقال مسؤول."]


def test_era_marker_after_a_year_can_end_a_sentence() -> None:
    assert texts("ولد عام 1950 م. وتوفي عام 2000م. ودفن في دمشق.") == [
        "ولد عام 1950 م.", "وتوفي عام 2000م.", "ودفن في دمشق."
    ]


def test_quotes_are_kept_whole() -> None:
    text = "قال الأسد: «نحن هنا. وسنبقى». وأضاف أن الحرب لن تطول."
    assert texts(text) == ["قال الأسد: «نحن هنا. وسنبقى».", "وأضاف أن الحرب لن تطول."]
    assert texts("قال: \"لن نتراجع!\" ثم غادر.") == ["قال: \"لن نتراجع!\" ثم غادر."]
    assert texts("«لن نتراجع!» قال الوزير. وغادر.") == ["«لن نتراجع!» قال الوزير.", "وغادر."]


def test_unclosed_quote_does_not_swallow_the_text() -> None:
    long_quote = "قال: «" + " ".join(["هذه جملة طويلة في اقتباس لم يغلق."] * 20)
    assert len(split_sentences(long_quote)) > 1


def test_line_breaks_and_no_empty_sentences() -> None:
    text = "عنوان الخبر\n\n\nدمشق (رويترز) - وصل الوفد.\r\n  \nالفقرة الثانية"
    assert texts(text) == ["عنوان الخبر", "دمشق (رويترز) - وصل الوفد.", "الفقرة الثانية"]
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []


def test_missing_space_after_period() -> None:
    assert texts("انتهى الاجتماع.وقال المتحدث إن الموقع www.example.com يعمل.") == [
        "انتهى الاجتماع.", "وقال المتحدث إن الموقع www.example.com يعمل."
    ]
