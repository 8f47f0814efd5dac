"""Round 27 — expressions that point back to the last date the text named.

* «في السابع عشر من الشهر نفسه», «وفي العام ذاته», «في ذات الشهر», «العام التالي»: the month or
  year of the last date named before (no value, and no expression, when none was named);
* «وبعد ساعات/يومين» in a past report: counted from the last day named, not from the reference
  date (which would put the happening after the report); a future clause still counts from the
  reference date;
* «استمرت طوال اليوم»: the whole of the day being told, not the reference day.

Every text here was written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.time import find_dates

REF = date(2019, 11, 1)  # a Friday


def _values(text: str, ref: date | None = REF) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, ref)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("وبدأت العملية في التاسع من تشرين الأول، وتوصل الطرفان إلى اتفاق في السابع عشر من الشهر نفسه.",
         [("التاسع من تشرين الأول", "2019-10-09"), ("السابع عشر من الشهر نفسه", "2019-10-17")]),
        ("وقعت الهجمات في آذار 2016، وفي الشهر ذاته أعلنت الحكومة حالة الطوارئ.",
         [("آذار 2016", "2016-03"), ("وفي الشهر ذاته", "2016-03")]),
        ("وانسحبت القوات عام 2014، وفي العام التالي عادت إلى المدينة.",
         [("عام 2014", "2014"), ("وفي العام التالي", "2015")]),
        ("اجتمع الوزيران في 3 أيار 2018، ثم التقيا ثانية في ذات العام.",
         [("3 أيار 2018", "2018-05-03"), ("في ذات العام", "2018")]),
        ("وزار الوفد أنقرة مطلع الشهر الماضي، وعاد إليها في أواخر الشهر نفسه.",
         [("مطلع الشهر الماضي", "2019-10-01/2019-10-10"), ("أواخر الشهر نفسه", "2019-10-21/2019-10-31")]),
    ],
)
def test_the_same_month_or_year_is_that_of_the_last_date_named(sentence, expected):
    assert _values(sentence) == expected


def test_the_same_month_with_no_month_named_before_is_no_date():
    # never the reference month: the text points back to something it did not date
    assert _values("وفي الشهر نفسه أعلنت الحكومة حالة الطوارئ.") == []
    # a year alone does not give a month
    assert _values("وقعت الهجمات عام 2016، وفي الشهر نفسه أعلنت الحكومة الطوارئ.") == [("عام 2016", "2016")]


def test_hours_later_in_a_past_report_is_the_day_just_told():
    text = "ومساء السبت 24 حزيران، انتهت المحادثات مع قائد المجموعة. وبعد ساعات أعلن أن مقاتليه سيعودون إلى معسكراتهم."
    found = _values(text, date(2023, 6, 26))
    assert found[-1] == ("وبعد ساعات", "2023-06-24")


def test_days_later_in_a_past_report_counts_from_the_day_just_told():
    found = _values("اجتمع الطرفان في 20 حزيران، وبعد يومين أعلنت الحكومة الاتفاق.", date(2023, 6, 26))
    assert found == [("20 حزيران", "2023-06-20"), ("وبعد يومين", "2023-06-22")]


def test_a_later_point_in_a_future_clause_counts_from_the_reference_date():
    found = _values("اجتمع الطرفان في 20 حزيران، وسيزور الوزير دمشق بعد يومين.", date(2023, 6, 26))
    assert found[-1] == ("بعد يومين", "2023-06-28")
    # no day named before: the reference date, as before («ووعدت بزيادة الرواتب بعد ثلاثة أشهر»)
    assert _values("ووعدت الحكومة بزيادة الرواتب بعد ثلاثة أشهر", date(2017, 9, 12)) == [
        ("بعد ثلاثة أشهر", "2017-12")]


def test_all_day_is_the_day_being_told_not_today():
    text = "ومساء السبت، أعلن المكتب أنه أجرى محادثات استمرت طوال اليوم مع قائد المجموعة."
    assert _values(text, date(2023, 6, 26)) == [("ومساء السبت", "2023-06-24"), ("اليوم", "2023-06-24")]
    # with no day named before it is still the reference day
    assert _values("واستمرت الاشتباكات طوال اليوم في الحي", date(2023, 6, 26)) == [("اليوم", "2023-06-26")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an ordinal day of a Hijri month, as of a Gregorian one
        ("وأعلنت الوزارة في العاشر من رمضان عن حملة جديدة", [("العاشر من رمضان", "2023-04-01")]),
        ("وصل الحجاج في الثامن من ذي الحجة 1444", [("الثامن من ذي الحجة 1444", "2023-06-26")]),
        # «few» between a plural unit and its modifier
        ("وتصاعدت الاشتباكات خلال الأيام القليلة الماضية في ريف إدلب",
         [("خلال الأيام القليلة الماضية", "2023-06-17/2023-06-26")]),
        ("وتراجعت الأسعار في الأشهر القليلة الماضية", [("في الأشهر القليلة الماضية", "2022-09-26/2023-06-26")]),
    ],
)
def test_more_day_and_window_forms(sentence, expected):
    assert _values(sentence, date(2023, 6, 26)) == expected


@pytest.mark.parametrize(
    "sentence",
    ["وانتقل المصنع إلى مدينة العاشر من رمضان", "وأغلقت الشرطة جسر 6 أكتوبر أمام السيارات",
     "وتحتفل مصر بذكرى حرب السادس من أكتوبر"],
)
def test_a_day_and_month_naming_a_place_or_war_is_no_date(sentence):
    assert _values(sentence, date(2023, 6, 26)) == []


def test_the_same_month_skips_a_year_named_alone():
    text = ("وزار الوزير دمشق في الثامن عشر من نيسان، في أول زيارة منذ اندلاع النزاع عام 2011. وسبقت ذلك "
            "اجتماعات في جدة منتصف الشهر نفسه.")
    assert _values(text, date(2023, 5, 8))[-1] == ("منتصف الشهر نفسه", "2023-04-11/2023-04-20")


def test_that_day_is_the_day_told_before_even_the_start_of_a_since_span():
    text = ("وتشنّ الجماعة منذ 19 نوفمبر الماضي هجمات على السفن، وكانت قد استولت في ذلك اليوم على سفينة "
            "الشحن «غالاكسي ليدر».")
    assert _values(text, date(2024, 1, 12)) == [("منذ 19 نوفمبر الماضي", "2023-11-19"),
                                                 ("في ذلك اليوم", "2023-11-19")]
    # «في ذلك اليوم» with no day named before is no date (never today); «ذلك الشهر» as «الشهر نفسه»
    assert _values("وكانت قد استولت في ذلك اليوم على سفينة", date(2024, 1, 12)) == []
    assert _values("وقعت الهجمات في آذار 2019، وفي ذلك الشهر أعلنت الحكومة الطوارئ.") == [
        ("آذار 2019", "2019-03"), ("وفي ذلك الشهر", "2019-03")]


def test_the_night_before_last():
    assert _values("وقعت الاشتباكات الليلة قبل الماضية في الحي", date(2023, 6, 26)) == [
        ("الليلة قبل الماضية", "2023-06-24")]


def test_that_as_an_object_before_today_is_no_back_reference():
    # «وأكد ذلك اليوم الأربعاء»: «ذلك» is what was confirmed, «اليوم الأربعاء» is today
    assert _values("وقعت الهجمات أمس، وأكد ذلك اليوم الأربعاء وزير الدفاع", date(2023, 6, 28)) == [
        ("أمس", "2023-06-27"), ("اليوم الأربعاء", "2023-06-28")]
    assert _values("وقعت الهجمات أمس، وفي تلك الليلة أعلن الجيش حظر التجول", date(2023, 6, 28)) == [
        ("أمس", "2023-06-27"), ("وفي تلك الليلة", "2023-06-27")]
