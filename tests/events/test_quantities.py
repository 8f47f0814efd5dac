"""Numbers attached to events: killed, wounded, arrested, fighters, troops, positions."""

from __future__ import annotations

import pytest
from events_helpers import make_doc

from marsad.events.lexicon import load_lexicon
from marsad.events.quantities import find_quantities
from marsad.events.text import split_words


def quantities(sentence: str) -> dict[str, int]:
    return {q.key: q.value for q in find_quantities(split_words(sentence), load_lexicon())}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("قُتل 14 شخصاً في الانفجار", {"killed": 14}),
    ("أعلن الجيش مقتل 13 عنصراً من التنظيم", {"killed": 13}),
    ("أسفر الهجوم عن سقوط 20 قتيلاً و35 جريحاً", {"killed": 20, "wounded": 35}),
    ("أسفر القصف عن مقتل ١٢ مدنياً", {"killed": 12}),  # Arabic-Indic digits
    ("أصيب ثلاثة أشخاص بجروح", {"wounded": 3}),
    ("اعتقلت الشرطة 25 متظاهراً", {"arrested": 25}),
    ("تم تحضير نحو 3 آلاف مقاتل من الحزب", {"fighters": 3000}),
    ("نشرت الوزارة 500 جندي على الحدود", {"troops": 500}),
    ("انسحبت القوات من نحو 30 نقطة عسكرية", {"military_positions": 30}),
    ("مقتل أكثر من 14 مقاتلاً خلال 24 ساعة", {"killed": 14}),
    ("قتل عشرات المدنيين في القصف", {}),  # vague amounts are omitted
    ("استمر الحصار ثلاث سنوات", {}),  # a number of years counts nothing
    ("التقى الوزير 5 أشخاص", {}),  # people with no casualty word
])
def test_quantity_patterns(sentence, expected):
    assert quantities(sentence) == expected


def test_quantity_goes_to_a_compatible_event(extract):
    events = extract(make_doc("قُتل 14 شخصاً في غارة جوية استهدفت سوقاً شعبياً."))
    assault = [e for e in events if e["type"] == "ASSAULT"]
    assert assault and assault[0]["quantities"] == {"killed": 14}
