"""The line protocol used by ``marsad dates``."""

from __future__ import annotations

import json
from datetime import date

from marsad.time import dates_command_lines


def test_one_json_line_per_input_line() -> None:
    lines = ["التقى الوزير الرئيس الثلاثاء\n", "\n", "وصدر القرار في آذار 2016\r\n"]
    out = list(dates_command_lines(lines, date(2017, 9, 12)))
    assert len(out) == 3
    first, empty, third = (json.loads(x) for x in out)
    assert first == {"dates": [{"text": "الثلاثاء", "start": 20, "end": 28, "value": "2017-09-12",
                                "precision": "day", "kind": "weekday"}]}
    assert empty == {"dates": []}
    assert third["dates"][0]["value"] == "2016-03"
    assert "الثلاثاء" in out[0]  # ensure_ascii=False: Arabic stays readable


def test_without_reference_relative_values_are_null() -> None:
    (line,) = dates_command_lines(["وصل أمس"], None)
    assert json.loads(line)["dates"][0]["value"] is None
