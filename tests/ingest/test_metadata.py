import pytest

from marsad.ingest.metadata import guess_title, parse_stated_date


@pytest.mark.parametrize("value,expected", [
    ("2017-09-12", "2017-09-12"),
    ("2017-09-12T10:30:00+03:00", "2017-09-12"),
    ("12/09/2017 10:30", "2017-09-12"),
    ("2017/09/12", "2017-09-12"),
    ("١٢/٠٩/٢٠١٧", "2017-09-12"),
    ("31/02/2017", None),
    ("1402/03/28 - 2023/06/18", "2023-06-18"),  # Solar Hijri first, then Gregorian
    ("12/09/1445", None),  # a Hijri year is not read as a Gregorian one
    ("", None),
    (None, None),
])
def test_numeric_publication_dates(value, expected):
    assert parse_stated_date(value) == expected


def test_title_is_a_short_first_line_only():
    assert guess_title("روسيا وإيران تبحثان التنسيق\nنص الخبر.") == "روسيا وإيران تبحثان التنسيق"
    assert guess_title("قال الرئيس إن المحادثات كانت مثمرة.\nنص") is None
