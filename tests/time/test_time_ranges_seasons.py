"""Year ranges, decades, seasons, bare durations, nights and parts of weeks.

The reference date is Tuesday 12 September 2017 unless a case says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.time import find_dates

REF = date(2017, 9, 12)  # a Tuesday


def found(text: str, ref: date | None = REF) -> list[tuple]:
    out = find_dates(text, ref)
    for d in out:
        assert text[d.start:d.end] == d.text
    return [(d.text, d.value, d.precision, d.kind) for d in out]


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("وعاش الآلاف في المخيمات بين عامي 2011 و2014", "بين عامي 2011 و2014", "2011-01-01/2014-12-31"),
        ("وخاضت البلاد حربا أهلية (1936 - 1939)", "1936 - 1939", "1936-01-01/1939-12-31"),
        ("وتضاعف الإنتاج خلال الفترة من 2005 إلى 2010", "من 2005 إلى 2010", "2005-01-01/2010-12-31"),
        ("وأجريت الانتخابات في عامي 2014 و2015", "عامي 2014 و2015", "2014-01-01/2015-12-31"),
        ("وحكم البلاد بين 1969-2011", "بين 1969-2011", "1969-01-01/2011-12-31"),
        ("وتوقف الدوري في موسم 2019/2020", "2019/2020", "2019-01-01/2020-12-31"),
    ],
)
def test_year_ranges_are_one_interval(sentence: str, span: str, value: str) -> None:
    assert found(sentence, None) == [(span, value, "interval", "absolute")]


def test_two_years_joined_by_wa_are_two_years_unless_consecutive() -> None:
    assert found("وأجريت انتخابات في عامي 2012 و2016") == [
        ("عامي 2012", "2012", "year", "absolute"), ("و2016", "2016", "year", "absolute")]


@pytest.mark.parametrize(
    "sentence",
    ["وقتل 2012 وأصيب 2016 جريحا", "وبلغ عدد النازحين 1990 - 2500 شخص", "ووصل عدد النازحين إلى 2017 شخصا"],
)
def test_counts_are_not_year_ranges(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "span", "value", "kind"),
    [
        ("وتغيرت خريطة التحالفات في التسعينيات", "التسعينيات", "1990-01-01/1999-12-31", "absolute"),
        ("وتعود جذور الأزمة إلى السبعينات", "السبعينات", "1970-01-01/1979-12-31", "absolute"),
        ("وهاجر الآلاف في ثمانينيات القرن الماضي", "ثمانينيات القرن الماضي", "1980-01-01/1989-12-31", "relative"),
        ("وازدهرت الصناعة في الستينيات من القرن العشرين", "الستينيات من القرن العشرين",
         "1960-01-01/1969-12-31", "absolute"),
    ],
)
def test_decades(sentence: str, span: str, value: str, kind: str) -> None:
    assert found(sentence) == [(span, value, "interval", kind)]


def test_century_counted_from_reference_needs_one() -> None:
    assert found("وهاجر الآلاف في ثمانينيات القرن الماضي", None) == [
        ("ثمانينيات القرن الماضي", None, None, "relative")]


@pytest.mark.parametrize(
    ("sentence", "ref", "span", "value", "kind"),
    [
        ("وشنت القوات هجوما صيف 2016", REF, "صيف 2016", "2016-06-01/2016-08-31", "absolute"),
        ("ووصل النزوح ذروته في شتاء 2014", REF, "شتاء 2014", "2013-12-01/2014-02-28", "absolute"),
        ("وانطلقت الاحتجاجات في ربيع 2011", REF, "ربيع 2011", "2011-03-01/2011-05-31", "absolute"),
        ("وتراجع تدفق المهاجرين خلال الصيف الماضي", REF, "الصيف الماضي", "2017-06-01/2017-08-31", "relative"),
        ("وتراجع تدفق المهاجرين خلال الصيف الماضي", date(2017, 7, 1), "الصيف الماضي",
         "2016-06-01/2016-08-31", "relative"),
        ("وتتوقع المنظمة أزمة في الشتاء المقبل", REF, "الشتاء المقبل", "2017-12-01/2018-02-28", "relative"),
        ("وتعقد القمة هذا الصيف", date(2019, 3, 20), "هذا الصيف", "2019-06-01/2019-08-31", "relative"),
        ("وجرى الحوار في خريف العام الماضي", REF, "خريف العام الماضي", "2016-09-01/2016-11-30", "relative"),
    ],
)
def test_seasons(sentence: str, ref: date, span: str, value: str, kind: str) -> None:
    assert found(sentence, ref) == [(span, value, "interval", kind)]


@pytest.mark.parametrize("sentence", ["وأكد أن مطالب الربيع العربي قائمة", "وتعقد القمة في الصيف",
                                      "وتوفي في 3 ربيع الأول 1440 هـ"])
def test_season_words_without_year_or_modifier(sentence: str) -> None:
    assert all(kind != "absolute" or "ربيع الأول" in text for text, _, _, kind in found(sentence))
    assert not any(value and value.startswith("2017-03") for _, value, _, _ in found(sentence))


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("واستمرت المعارك ثلاثة أيام قبل أن تنسحب القوات", "ثلاثة أيام"),
        ("ودامت الهدنة 72 ساعة فقط", "72 ساعة"),
        ("وقضت المحكمة بالسجن عشر سنوات على المتهم", "عشر سنوات"),
        ("واستمر حصار المدينة أكثر من عامين", "أكثر من عامين"),
        ("واستغرقت المفاوضات أسبوعا كاملا", "أسبوعا"),
        ("وتستمر الهدنة يومين", "يومين"),
    ],
)
def test_bare_durations_have_no_place_in_time(sentence: str, span: str) -> None:
    assert found(sentence) == [(span, None, None, "duration")]


@pytest.mark.parametrize("sentence", ["وكان الرجل البالغ من العمر 45 عاما يقود السيارة",
                                      "وتضم القافلة ثلاثة أيام من المؤن"])
def test_counts_of_units_without_a_duration_cue_are_ignored(sentence: str) -> None:
    assert found(sentence) == []


def test_spans_with_a_preposition_keep_their_interval() -> None:
    assert found("واستمر الحصار لأكثر من ثلاث سنوات على المدينة") == [
        ("لأكثر من ثلاث سنوات", "2014-09-12/2017-09-12", "interval", "duration")]


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("وقصفت المدفعية القرية ليلة الجمعة", "ليلة الجمعة", "2017-09-07/2017-09-08"),
        ("وشهدت المدينة ليل الخميس الجمعة اشتباكات", "ليل الخميس الجمعة", "2017-09-07/2017-09-08"),
        ("ومن المقرر أن تبدأ الهدنة ليلة السبت", "ليلة السبت", "2017-09-15/2017-09-16"),
    ],
)
def test_a_named_night_is_the_evening_before_and_the_day(sentence: str, span: str, value: str) -> None:
    assert found(sentence) == [(span, value, "interval", "weekday")]


def test_last_night_is_yesterday() -> None:
    assert found("واستهدفت غارات ليلة أمس مواقع للمسلحين") == [("ليلة أمس", "2017-09-11", "day", "relative")]


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("ووصل المبعوث إلى دمشق مطلع الأسبوع", "مطلع الأسبوع", "2017-09-09/2017-09-11"),
        ("وزار الوزير الجبهة نهاية الأسبوع الماضي", "نهاية الأسبوع الماضي", "2017-09-07/2017-09-08"),
        ("وتنطلق المفاوضات منتصف الأسبوع المقبل", "منتصف الأسبوع المقبل", "2017-09-18/2017-09-20"),
        ("وتصل المساعدات في الأسبوع الأول من الشهر المقبل", "الأسبوع الأول من الشهر المقبل",
         "2017-10-01/2017-10-07"),
        ("وقتل العشرات في الأسبوع الأخير من آب الماضي", "الأسبوع الأخير من آب الماضي", "2017-08-25/2017-08-31"),
    ],
)
def test_parts_of_weeks_and_weeks_of_months(sentence: str, span: str, value: str) -> None:
    assert found(sentence) == [(span, value, "interval", "relative")]


@pytest.mark.parametrize(
    ("sentence", "span", "value", "precision"),
    [
        ("وتراجعت الصادرات خلال الشهر الحالي", "خلال الشهر الحالي", "2017-09", "month"),
        ("ويتوقع أن يرتفع النمو العام الجاري", "العام الجاري", "2017", "year"),
        ("وتتواصل المعارك هذا العام", "هذا العام", "2017", "year"),
        ("وتراجعت حدة القصف خلال الأسبوعين الماضيين", "خلال الأسبوعين الماضيين", "2017-08-29/2017-09-12",
         "interval"),
        ("وتضاعف عدد اللاجئين خلال العقد الماضي", "خلال العقد الماضي", "2007-09-12/2017-09-12", "interval"),
    ],
)
def test_current_and_dual_periods(sentence: str, span: str, value: str, precision: str) -> None:
    (text, got_value, got_precision, _), = found(sentence)
    assert (text, got_value, got_precision) == (span, value, precision)


def test_day_ordinals_beyond_ten() -> None:
    assert found("واندلعت الثورة في الخامس عشر من آذار 2011", None) == [
        ("الخامس عشر من آذار 2011", "2011-03-15", "day", "absolute")]
