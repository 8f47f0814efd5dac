"""find_dates on real phrases, one parametrised test per phrase family.

The reference date is Tuesday 12 September 2017 unless a case says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest
from hijridate import Hijri

from marsad.time import find_dates

REF = date(2017, 9, 12)  # a Tuesday


def only(text: str, ref: date | None = REF):
    found = find_dates(text, ref)
    assert len(found) == 1, [(d.text, d.value) for d in found]
    d = found[0]
    assert text[d.start:d.end] == d.text
    return d


@pytest.mark.parametrize(
    ("sentence", "span", "value", "precision"),
    [
        ("أعلن الجيش في 12 أيلول/سبتمبر 2017 استعادة الطريق", "12 أيلول/سبتمبر 2017", "2017-09-12", "day"),
        ("صدر البيان بتاريخ 12-9-2017", "12-9-2017", "2017-09-12", "day"),
        ("في الوثيقة المؤرخة 2017/09/12", "2017/09/12", "2017-09-12", "day"),
        ("وصل الموفد في ١٢ أيلول ٢٠١٧", "١٢ أيلول ٢٠١٧", "2017-09-12", "day"),
        ("انعقد المؤتمر في ۲۰ يناير ۲۰۱۶", "۲۰ يناير ۲۰۱۶", "2016-01-20", "day"),
        ("جرى التبادل في ٢٣/٥/٢٠١٦ عند المعبر", "٢٣/٥/٢٠١٦", "2016-05-23", "day"),
        ("وجرت الانتخابات في أيلول (سبتمبر) 2016", "أيلول (سبتمبر) 2016", "2016-09", "month"),
        ("وبدأ التدخل في سبتمبر/أيلول 2015", "سبتمبر/أيلول 2015", "2015-09", "month"),
        ("وبدأت الحملة في آذار 2016", "آذار 2016", "2016-03", "month"),
        ("انسحبت القوات في أغسطُس 2014", "أغسطُس 2014", "2014-08", "month"),
        ("تأسس التحالف في يوليه 2014", "يوليه 2014", "2014-07", "month"),
        ("وسقطت المدينة في تموز 2012", "تموز 2012", "2012-07", "month"),
        ("وجرت المحادثات في كانون الأول/ديسمبر 2016", "كانون الأول/ديسمبر 2016", "2016-12", "month"),
        ("وأعلن في تشرين الثاني 2015", "تشرين الثاني 2015", "2015-11", "month"),
        ("وأعلنت الرئاسة في أفريل 2019 تعديلا", "أفريل 2019", "2019-04", "month"),
        ("وقعت الحكومة الاتفاق في 5 جويلية 2015", "5 جويلية 2015", "2015-07-05", "day"),
        ("أعلنت الوزارة في 3 فيفري 2020", "3 فيفري 2020", "2020-02-03", "day"),
        ("وغادر السفير في جوان 2018", "جوان 2018", "2018-06", "month"),
        ("وقع الهجوم في شهر آب 2013", "شهر آب 2013", "2013-08", "month"),
        ("وتوفي في 28 تشرين الأول 2015 م", "28 تشرين الأول 2015 م", "2015-10-28", "day"),
        ("وفي الأول من أيلول 2016 بدأت الهدنة", "الأول من أيلول 2016", "2016-09-01", "day"),
        ("وشهدت البلاد احتجاجات عام 2014", "عام 2014", "2014", "year"),
        ("وفي 2015 تراجعت القوات", "2015", "2015", "year"),
        ("عامَ ٢٠١٤م", "عامَ ٢٠١٤م", "2014", "year"),
    ],
)
def test_absolute_dates(sentence: str, span: str, value: str, precision: str) -> None:
    d = only(sentence, ref=None)  # absolute dates need no reference date
    assert (d.text, d.value, d.precision, d.kind) == (span, value, precision, "absolute")


def test_since_year_is_a_duration_starting_then() -> None:
    d = only("ويشارك الحزب في المعارك منذ عام 2014")
    assert (d.text, d.value, d.precision, d.kind) == ("منذ عام 2014", "2014", "year", "duration")


@pytest.mark.parametrize(
    "sentence",
    ["وقتل نحو 2000 مقاتل في المعارك", "والمدنيون بأمس الحاجة إلى المساعدات", "ومارس الوفد ضغوطاً كبيرة",
     "وفي اليوم التالي انسحب المسلحون", "وهو أب لثلاثة أطفال", "وجرى تبادل الرسائل بين الاثنين",
     "وقال الوزير إن العلاقات قوية", "ويبلغ عدد سكان المدينة 1500 نسمة"],
)
def test_not_dates(sentence: str) -> None:
    assert find_dates(sentence, REF) == []


# --- Hijri ----------------------------------------------------------------------------

def test_hijri_day_converted_with_hijridate() -> None:
    d = only("ووقع الهجوم في 15 محرم 1437 هـ وفق البيان")
    expected = date(*Hijri(1437, 1, 15).to_gregorian().datetuple())
    assert (d.text, d.value, d.precision, d.kind) == ("15 محرم 1437 هـ", expected.isoformat(), "day", "hijri")
    assert d.value == "2015-10-28"  # Umm al-Qura; some calendars print 29 October


def test_hijri_with_diacritics_and_indic_digits() -> None:
    d = only("في ١٥ مُحَرَّم ١٤٣٧هـ", ref=None)
    assert d.value == "2015-10-28" and d.kind == "hijri"


def test_last_ramadan_is_an_interval() -> None:
    d = only("وتوقفت المفاوضات في رمضان الماضي")
    assert (d.text, d.value, d.precision, d.kind) == ("رمضان الماضي", "2017-05-27/2017-06-24", "interval", "hijri")


def test_hijri_month_name_alone_is_not_a_date() -> None:
    assert find_dates("والتقى رمضان قديروف الرئيس", REF) == []


# --- deictic words ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("وقالت الوزارة إن الغارات استهدفت أمس مواقع", "أمس", "2017-09-11"),
        ("ويعقد الوزراء اليوم اجتماعا", "اليوم", "2017-09-12"),
        ("اندلعت الاشتباكات أول أمس", "أول أمس", "2017-09-10"),
        ("اندلعت الاشتباكات أمس الأول", "أمس الأول", "2017-09-10"),
        ("اندلعت الاشتباكات أول من أمس", "أول من أمس", "2017-09-10"),
        ("وسيعقد الاجتماع غداً في عمّان", "غداً", "2017-09-13"),
        ("وتستأنف المحادثات بعد غد", "بعد غد", "2017-09-14"),
        ("وسقطت قذائف على الحي الليلة", "الليلة", "2017-09-12"),
        ("وقصفت الطائرات فجر اليوم مواقع", "فجر اليوم", "2017-09-12"),
        ("واستقبل الرئيس المبعوث مساء أمس", "مساء أمس", "2017-09-11"),
        ("وصرح المتحدث صباح اليوم", "صباح اليوم", "2017-09-12"),
        ("ووصل الوزير وأمس التقى نظيره", "وأمس", "2017-09-11"),
        ("وكان قد وصل بالأمس", "بالأمس", "2017-09-11"),
        ("والتقى الأسد المرشد أمس الاثنين", "أمس الاثنين", "2017-09-11"),
        ("وأُعلن اليومَ الثلاثاء", "اليومَ الثلاثاء", "2017-09-12"),
    ],
)
def test_deictic_words(sentence: str, span: str, value: str) -> None:
    d = only(sentence)
    assert (d.text, d.value, d.precision, d.kind) == (span, value, "day", "relative")


def test_yawm_before_a_weekday_is_not_today() -> None:
    d = only("وانطلقت الجولة يوم الثلاثاء الماضي")
    assert (d.text, d.kind, d.value) == ("يوم الثلاثاء الماضي", "weekday", "2017-09-05")


def test_relative_without_reference_has_no_value() -> None:
    d = only("وصل الوفد أمس", ref=None)
    assert (d.value, d.precision, d.kind) == (None, None, "relative")


# --- weekdays --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("التقى وزير الدفاع الرئيس في دمشق الثلاثاء", "الثلاثاء", "2017-09-12"),
        ("وكان الوزير قد زار أنقرة يوم الجمعة الماضي", "يوم الجمعة الماضي", "2017-09-08"),
        ("ومن المقرر أن يصل الوفد الأحد المقبل", "الأحد المقبل", "2017-09-17"),
        ("ويصوت البرلمان يوم الأحد القادم", "يوم الأحد القادم", "2017-09-17"),
        ("واجتمع مجلس الأمن السبت لمناقشة الوضع", "السبت", "2017-09-09"),
        ("ومن المقرر أن يلتقي الوزيران السبت في جنيف", "السبت", "2017-09-16"),
        ("وسيزور الرئيس موسكو الخميس", "الخميس", "2017-09-14"),
        ("سوف يعقد الاجتماع الأحد", "الأحد", "2017-09-17"),
        ("ويعتزم الوفد السفر الأربعاء", "الأربعاء", "2017-09-13"),
        ("وسيطرت القوات على البلدة الأحد", "الأحد", "2017-09-10"),
        ("وأفرج عن المعتقلين مساء الخميس", "مساء الخميس", "2017-09-07"),
        ("وأصدر القاضي حكمه الأربعاء الماضي", "الأربعاء الماضي", "2017-09-06"),
    ],
)
def test_weekdays(sentence: str, span: str, value: str) -> None:
    d = only(sentence)
    assert (d.text, d.value, d.precision, d.kind) == (span, value, "day", "weekday")


def test_future_cue_in_another_clause_does_not_count() -> None:
    d = find_dates("وسيزور الوزير موسكو، وكان قد التقى نظيره الأحد", REF)[-1]
    assert d.value == "2017-09-10"


# --- relative spans ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "span", "value", "precision", "kind"),
    [
        ("وأعلنت الوكالة قبل أسبوعين مقتل عناصر", "قبل أسبوعين", "2017-08-29", "week", "relative"),
        ("واندلعت المواجهات منذ ثلاثة أيام", "منذ ثلاثة أيام", "2017-09-09", "day", "relative"),
        ("وأعلنت الهدنة قبل عشرة أيام", "قبل عشرة أيام", "2017-09-02", "day", "relative"),
        ("وقتل الجنود قبل 3 أيام", "قبل 3 أيام", "2017-09-09", "day", "relative"),
        ("وحدث ذلك قبل أربع وعشرين ساعة", "قبل أربع وعشرين ساعة", "2017-09-11", "day", "relative"),
        ("وعاد السفير قبل شهرين", "قبل شهرين", "2017-07", "month", "relative"),
        ("وأعلنت الطوارئ منذ عامين", "منذ عامين", "2015", "year", "relative"),
        ("وبدأ الانتشار منذ نحو شهر", "منذ نحو شهر", "2017-08", "month", "relative"),
        ("ووعدت بزيادة الرواتب بعد ثلاثة أشهر", "بعد ثلاثة أشهر", "2017-12", "month", "relative"),
        ("وزار الوفد المنطقة الأسبوع الماضي", "الأسبوع الماضي", "2017-09-02/2017-09-08", "interval", "relative"),
        ("وتعقد القمة الشهر المقبل", "الشهر المقبل", "2017-10", "month", "relative"),
        ("وارتفع العدد العام الماضي", "العام الماضي", "2016", "year", "relative"),
        ("وتراجع العدد للعام الماضي", "للعام الماضي", "2016", "year", "relative"),
        ("وتتواصل المعارك هذا العام", "هذا العام", "2017", "year", "relative"),
        ("وشنت الطائرات غارات خلال الأيام الماضية", "خلال الأيام الماضية", "2017-09-03/2017-09-12",
         "interval", "vague"),
        ("وتعهدت الحكومة بفتح الطريق في غضون شهرين", "في غضون شهرين", "2017-09-12/2017-11-12",
         "interval", "duration"),
        ("واستمر الحصار لأكثر من ثلاث سنوات", "لأكثر من ثلاث سنوات", "2014-09-12/2017-09-12",
         "interval", "duration"),
        ("وقتل جنود قبل أيام", "قبل أيام", "2017-09-03/2017-09-10", "interval", "vague"),
        ("خلال الأشهر الستة الماضية", "خلال الأشهر الستة الماضية", "2017-03-12/2017-09-12", "interval", "duration"),
    ],
)
def test_relative_spans(sentence: str, span: str, value: str, precision: str, kind: str) -> None:
    d = only(sentence)
    assert (d.text, d.value, d.precision, d.kind) == (span, value, precision, kind)


def test_offset_counted_from_another_event_has_no_value() -> None:
    d = only("وجاء الاجتماع بعد يومين من خطاب الرئيس")
    assert (d.text, d.value) == ("بعد يومين", None)


def test_year_after_since_is_not_a_span() -> None:
    # «منذ عام 2014» must not be read as «a year ago» followed by a stray 2014.
    assert [d.text for d in find_dates("منذ عام 2014 وحتى اليوم", REF)] == ["منذ عام 2014", "اليوم"]


# --- parts of months and years ---------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "ref", "span", "value", "kind"),
    [
        ("وتسلم الجيش الأسلحة مطلع 2016", REF, "مطلع 2016", "2016-01-01/2016-04-30", "absolute"),
        ("ووصل الجنود أواخر سبتمبر الماضي", date(2015, 10, 6), "أواخر سبتمبر الماضي",
         "2015-09-21/2015-09-30", "relative"),
        ("وانسحبت الفصائل أواخر أيلول", date(2017, 10, 20), "أواخر أيلول", "2017-09-21/2017-09-30", "relative"),
        ("وتراجعت الأسعار في الربع الأول من العام", REF, "الربع الأول من العام",
         "2017-01-01/2017-03-31", "relative"),
        ("وتبدأ المرحلة الثانية منتصف الشهر المقبل", REF, "منتصف الشهر المقبل",
         "2017-10-11/2017-10-20", "relative"),
        ("وانتهت المهلة نهاية الشهر الماضي", REF, "نهاية الشهر الماضي", "2017-08-21/2017-08-31", "relative"),
        ("وصدر القرار مطلع الشهر", REF, "مطلع الشهر", "2017-09-01/2017-09-10", "relative"),
        ("وتوفي في أوائل كانون الثاني 2015", REF, "أوائل كانون الثاني 2015", "2015-01-01/2015-01-10", "absolute"),
        ("وتنتهي الولاية في النصف الثاني من العام المقبل", REF, "النصف الثاني من العام المقبل",
         "2018-07-01/2018-12-31", "relative"),
    ],
)
def test_parts_of_periods(sentence: str, ref: date, span: str, value: str, kind: str) -> None:
    d = only(sentence, ref)
    assert (d.text, d.value, d.precision, d.kind) == (span, value, "interval", kind)


def test_ordinal_month_of_a_war_is_not_this_month() -> None:
    assert find_dates("منذ بداية الشهر الثاني من الحرب", REF) == []


# --- month named without a year -------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "ref", "value"),
    [
        ("وكان قد زار موسكو في يوليو الماضي", date(2015, 10, 6), "2015-07"),
        ("وكان قد زار موسكو في أيلول الماضي", date(2015, 9, 20), "2014-09"),
        ("وتجري الانتخابات في أيار المقبل", date(2017, 9, 12), "2018-05"),
        ("وجرت الانتخابات في آذار من العام الماضي", date(2017, 9, 12), "2016-03"),
        ("وبدأت المعركة في يونيو", date(2017, 9, 12), "2017-06"),
        ("وبدأت المعركة في نوفمبر", date(2017, 9, 12), "2016-11"),
    ],
)
def test_month_without_year(sentence: str, ref: date, value: str) -> None:
    d = only(sentence, ref)
    assert (d.value, d.precision, d.kind) == (value, "month", "relative")


def test_never_pads_month_or_year() -> None:
    values = [d.value for d in find_dates("في آذار 2016 ثم عام 2014", REF)]
    assert values == ["2016-03", "2014"]


def test_several_expressions_in_order_with_offsets() -> None:
    text = "التقى الوزير أمس الاثنين نظيره، بعد زيارة في 12 آب 2017 وقبل أسبوعين من القمة."
    found = find_dates(text, REF)
    assert [d.text for d in found] == ["أمس الاثنين", "12 آب 2017", "وقبل أسبوعين"]
    assert all(text[d.start:d.end] == d.text for d in found)


@pytest.mark.parametrize("ref", [date(1900, 1, 1), date(2090, 1, 1), date.min, date.max])
def test_reference_outside_supported_calendar_range(ref: date) -> None:
    found = find_dates("رمضان الماضي وبعد غد والشهر المقبل وفي 12 أيلول 2017", ref)
    assert [d.text for d in found] == ["رمضان الماضي", "وبعد غد", "والشهر المقبل", "12 أيلول 2017"]
    assert found[-1].value == "2017-09-12"


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("وتبدأ الوقفة عند الخامسة مساء غد الخميس", "مساء غد الخميس", "2017-09-13"),
        ("وانفجرت سيارة مفخخة في 3 الشهر الحالي", "في 3 الشهر الحالي", "2017-09-03"),
        ("وعقدت الجلسة في 20 من الشهر الماضي", "في 20 من الشهر الماضي", "2017-08-20"),
    ],
)
def test_day_of_relative_month_and_bare_ghad(sentence: str, span: str, value: str) -> None:
    d = only(sentence)
    assert (d.text, d.value, d.precision) == (span, value, "day")
