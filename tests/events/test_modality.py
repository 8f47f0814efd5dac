"""Status (reported / planned / claimed / negated / asserted) and source."""

from __future__ import annotations

import pytest
from events_helpers import make_doc, only

TASS = {"وكالة تاس": ("tass", "TASS")}


@pytest.mark.parametrize(("sentence", "type_", "status"), [
    ("قصفت الطائرات مواقع المسلحين في ريف إدلب.", "ASSAULT", "asserted"),
    ("سيزور الرئيس موسكو الشهر المقبل.", "CONSULT", "planned"),
    ("من المقرر أن يعقد الوزراء اجتماعاً في عمّان.", "CONSULT", "planned"),
    ("تعتزم الحكومة توقيع اتفاقية مع الصندوق.", "AGREE", "planned"),
    ("وسوف تنسحب القوات من المدينة.", "RETREAT", "withdraw_planned"),
    ("ربما تستهدف الزيارة ترتيب وجود عسكري دائم.", "CONSULT", "claimed"),
    ("يرجح محللون أن الهجوم جاء رداً على الاغتيال.", "ASSAULT", "claimed"),
    ("لم تنسحب القوات من البلدة حتى الآن.", "RETREAT", "negated"),
    ("لن يلتقي الرئيس نظيره الأمريكي.", "CONSULT", "negated"),
    ("نفت الوزارة أن تكون طائراتها قصفت المستشفى.", "ASSAULT", "negated"),
])
def test_status_cues(extract, sentence, type_, status):
    events = [e for e in extract(make_doc(sentence)) if e["type"] == type_]
    assert events, sentence
    expected = "planned" if status == "withdraw_planned" else status
    assert events[0]["status"] == expected


def test_reported_with_named_source_after_preposition(extract):
    doc = make_doc("انسحبت القوات الروسية من 30 نقطة عسكرية، وفق وكالة تاس.",
                   actors={"القوات الروسية": ("russian_forces", "Russian forces"), **TASS})
    ev = only(extract(doc), "RETREAT")
    assert ev["status"] == "reported"
    assert ev["source"] == "TASS"
    assert [a["id"] for a in ev["actor"]] == ["russian_forces"]
    assert ev["quantities"] == {"military_positions": 30}


def test_reported_with_reporting_verb_and_complementizer(extract):
    doc = make_doc("وقالت وكالة تاس إن الجيش السوري استعاد السيطرة على المدينة.",
                   actors={**TASS, "الجيش السوري": ("syrian_army", "Syrian Army")})
    ev = only(extract(doc), "ASSAULT")
    assert ev["status"] == "reported" and ev["source"] == "TASS"
    assert [a["id"] for a in ev["actor"]] == ["syrian_army"]


def test_unnamed_source_text_is_used(extract):
    ev = only(extract(make_doc("وقال مصدر عسكري إن الطائرات شنت غارات على البلدة.")), "ASSAULT")
    assert ev["status"] == "reported"
    assert ev["source"] == "مصدر عسكري"


def test_speech_act_by_the_actor_stays_asserted(extract):
    doc = make_doc("اتهمت وكالة تاس واشنطن بتسليح المعارضة.",
                   actors={**TASS, "واشنطن": ("usa", "United States")})
    ev = [e for e in extract(doc) if e["type"] == "ACCUSE"][0]
    assert ev["status"] == "asserted"
    assert [a["id"] for a in ev["actor"]] == ["tass"]
    assert [a["id"] for a in ev["recipient"]] == ["usa"]
