"""Arabic temporal expressions: find them in text and resolve them to ISO dates.

>>> from datetime import date
>>> [d.value for d in find_dates("التقى الوزير الرئيس الثلاثاء", date(2017, 9, 12))]
['2017-09-12']
"""

from marsad.time.finder import dates_command_lines, find_dates, parse_number
from marsad.time.resolve import resolve_relative_date, resolve_weekday

__all__ = ["dates_command_lines", "find_dates", "parse_number", "resolve_relative_date", "resolve_weekday"]
