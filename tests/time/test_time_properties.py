"""find_dates never crashes and its offsets always slice the text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.time import find_dates

WORDS = ["أمس", "اليوم", "الثلاثاء", "يوم", "قبل", "أسبوعين", "منذ", "عام", "2014", "١٢", "أيلول", "سبتمبر", "/",
         "(", ")", "محرم", "1437", "هـ", "مطلع", "الشهر", "الماضي", "المقبل", "سوف", "سيزور", "ـ", "ً", "،", ".",
         "في", "غضون", "شهرين", "12-9-2017", "۲۰۱۶", "الربع", "الأول", "من", "العام", "آب", "بعد", "غد", "و"]
arabic_text = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=80)
latin_text = st.text(max_size=80)
phrase = st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join)
# Whole calendar: shifting near date.min/date.max or outside hijridate's range must not raise.
refs = st.one_of(st.none(), st.dates(), st.dates(min_value=date(1930, 1, 1), max_value=date(2070, 12, 31)))


def check(text: str, ref: date | None) -> None:
    for d in find_dates(text, ref):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start:d.end] == d.text
        assert d.kind in {"absolute", "relative", "weekday", "hijri", "duration", "vague"}
        assert d.precision in {None, "day", "week", "month", "year", "interval"}
        if d.value is not None:
            assert d.precision is not None


@settings(max_examples=300, deadline=None)
@given(st.one_of(arabic_text, latin_text, phrase), refs)
def test_never_crashes_and_offsets_slice(text: str, ref: date | None) -> None:
    check(text, ref)


@settings(max_examples=200, deadline=None)
@given(phrase, phrase, refs)
def test_embedding_in_mixed_text(a: str, b: str, ref: date | None) -> None:
    check(f"Reuters: {a} — ({b}) 2017.", ref)
