"""A relative period followed by «من» + something that is not a month or year is still that period."""

from datetime import date

import pytest

from marsad.time import find_dates

REF = date(2017, 9, 13)


@pytest.mark.parametrize("text,value", [
    ("بعد أن تمكن الجيش الأسبوع الماضي من كسر الحصار", "2017-09-02/2017-09-08"),
    ("وأعلن الشهر الماضي من جهته أن المحادثات فشلت", "2017-08"),
    ("في الأسبوع الأخير من آب 2016 وصلت التعزيزات", "2016-08-25/2016-08-31"),
])
def test_period_then_min(text, value):
    assert [d.value for d in find_dates(text, REF)] == [value]
