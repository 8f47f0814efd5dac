"""Twelfth round: halting flows, recalling one's own envoys, columns on the move, forces leaving.

Trigger families seen missing on the third out-of-domain set, in their clitic, passive, negated and
future forms; a phrase split by its subject whose rest is a whole mention («سفيرها»); dates counted
from the last day named. Every sentence here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from events_helpers import ids, make_doc
from events_helpers import lexicon_triggers as _triggers

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon
from marsad.model import Document


def _events(doc: Document) -> list[dict[str, Any]]:
    return extract_events(doc, load_lexicon(), {})


def _of(doc: Document, type_: str) -> list[dict[str, Any]]:
    return [e for e in _events(doc) if e["type"] == type_]


@pytest.mark.parametrize(("text", "type_", "mode"), [
    # halting a flow: oil pumped, exports, supplies, aid (verb split from its object by a date)
    ("وكانت أنقرة قد أوقفت في الصيف الماضي ضخ النفط عبر الأنابيب", "SANCTION", "discontinue"),
    ("وستوقف الشركة ضخ الغاز إلى الجارة الشمالية", "SANCTION", "discontinue"),
    ("وأعلنت موسكو وقف صادرات القمح إلى الدول المجاورة", "SANCTION", "discontinue"),
    ("وقررت الحكومة تعليق تصدير الإسمنت لمدة شهرين", "SANCTION", "discontinue"),
    ("وقطعت الدولة إمدادات الكهرباء عن الإقليم", "SANCTION", "discontinue"),
    ("وجمّدت واشنطن مساعداتها العسكرية للبلاد", "SANCTION", "discontinue"),
    # recalling its own envoys, with the subject between the verb and the envoy
    ("واستدعت الرباط سفيرها لدى مدريد للتشاور", "SANCTION", "relations"),
    ("وقررت الخارجية استدعاء سفرائها في العواصم الثلاث", "SANCTION", "relations"),
    ("فسحبت الدولتان سفيرها من العاصمة", "SANCTION", "relations"),
    # readiness, standby forces, columns on the move
    ("ووضعت قيادة الجيش وحداتها في حالة تأهب على الحدود", "MOBILIZE", "alert"),
    ("وقرر القادة تفعيل القوة الاحتياطية للمجموعة", "MOBILIZE", "troops"),
    ("ودخلت أرتال من المدرعات إلى البلدة صباحاً", "MOBILIZE", "troops"),
    ("وتقدم رتل من المقاتلين نحو العاصمة", "MOBILIZE", "troops"),
    # the last troops leaving, a mission ended, fighters back to their barracks
    ("وغادر آخر جندي أجنبي القاعدة الجوية أمس", "RETREAT", "withdraw"),
    ("وأنهت القوات الدولية مهمتها في البلاد", "RETREAT", "withdraw"),
    ("وقال القائد إن مقاتليه سيعودون إلى ثكناتهم خلال ساعات", "RETREAT", "withdraw"),
])
def test_new_triggers_are_found_with_their_type_and_mode(text: str, type_: str, mode: str | None):
    assert (type_, mode) in {(t, m) for t, m, _ in _triggers(text)}, _triggers(text)


@pytest.mark.parametrize("text", [
    # arrest stays an arrest; a column's advance halted is no new movement; a minister's trip ends
    "وأوقفت الشرطة ثلاثة مطلوبين في الحي",
    "وأفضت المحادثات إلى وقف تقدم الرتل قبل العاصمة",
    "وغادر وزير الخارجية العاصمة بعد انتهاء زيارته",
    "وعاد الوزير إلى بلاده مساء أمس",
])
def test_near_misses_are_not_the_new_types(text: str):
    found = [(t, m, s) for t, m, s in _triggers(text)
             if (t, m) in (("SANCTION", "discontinue"), ("MOBILIZE", "troops"), ("RETREAT", "withdraw"))]
    assert found == []


def test_police_arrest_keeps_its_reading():
    assert ("COERCE", "arrest") in {(t, m) for t, m, _ in _triggers("وأوقفت الشرطة ثلاثة مطلوبين في الحي")}


def test_recalled_envoy_split_by_its_subject_is_a_sanction_against_the_host():
    text = "واستدعت الرباط سفيرها من مدريد، وأبلغت السفير الإسباني بعدم العودة."
    doc = make_doc(text, actors={"الرباط": ("morocco", "Morocco"), "سفيرها": ("office:ambassador:MAR", "Ambassador"),
                                 "مدريد": ("spain", "Spain")})
    sanctions = _of(doc, "SANCTION")
    assert sanctions and sanctions[0]["mode"] == "relations"
    assert ids(sanctions[0]["actor"]) == ["morocco"]


def test_halting_oil_pumping_is_not_an_arrest():
    text = "وكانت أنقرة قد أوقفت في الصيف الماضي ضخ النفط القادم من الإقليم."
    doc = make_doc(text, actors={"أنقرة": ("turkey", "Turkey")})
    events = _events(doc)
    assert [e["type"] for e in events] == ["SANCTION"]
    assert ids(events[0]["actor"]) == ["turkey"]


def test_negated_and_future_halts_keep_their_status():
    negated = make_doc("ولم توقف الحكومة ضخ النفط رغم الضغوط.", actors={"الحكومة": ("gov", "Government")})
    assert [e["status"] for e in _of(negated, "SANCTION")] == ["negated"]
    future = make_doc("وستوقف الحكومة ضخ النفط الشهر المقبل.", actors={"الحكومة": ("gov", "Government")})
    assert [e["status"] for e in _of(future, "SANCTION")] == ["planned"]


def test_participle_after_a_denial_is_the_deniers_own_accusation():
    text = ("ونفى رئيس الوزراء أن يكون لجيش بلاده أي قوات في الإقليم، مؤكداً أن حكومته لم تشارك في الاتفاق، "
            "ومتهماً الحكومة المجاورة بالسعي إلى تهجير السكان.")
    doc = make_doc(text, actors={"رئيس الوزراء": ("pm", "Prime minister"),
                                 "الحكومة المجاورة": ("neighbour_gov", "Neighbouring government")})
    accusations = _of(doc, "ACCUSE")
    assert accusations and accusations[0]["status"] == "asserted"
    assert ids(accusations[0]["actor"]) == ["pm"]


def test_what_the_denial_governs_stays_negated():
    text = "ونفى المتحدث باسم الجيش أن تكون القوات الحكومية قد قصفت المخيم."
    doc = make_doc(text, actors={"المتحدث باسم الجيش": ("army_spokesman", "Army spokesman"),
                                 "القوات الحكومية": ("gov_forces", "Government forces")})
    assert [e["status"] for e in _of(doc, "ASSAULT")] == ["negated"]


@pytest.mark.parametrize(("text", "gunmen"), [
    ("لم يكن أكثر المراقبين تشاؤماً يتوقع أن يرى المسلحين يسيطرون على مقر القيادة في المدينة.", "المسلحين"),
    ("ولم يتخيل أحد أن تقتحم المجموعة المسلحة مبنى البرلمان بهذه السهولة.", "المجموعة المسلحة"),
])
def test_what_nobody_expected_is_told_as_having_happened(text: str, gunmen: str):
    doc = make_doc(text, actors={gunmen: ("gunmen", "Gunmen")})
    found = [e for e in _events(doc) if e["type"] in ("COERCE", "ASSAULT")]
    assert found and all(e["status"] == "asserted" for e in found), [(e["type"], e["status"]) for e in found]


def test_an_expectation_not_denied_stays_planned():
    text = "ويتوقع أن يسيطر المسلحون على مقر القيادة خلال أيام."
    doc = make_doc(text, actors={"المسلحون": ("gunmen", "Gunmen")})
    assert [e["status"] for e in _of(doc, "COERCE")] == ["planned"]


def test_a_military_command_is_a_source_for_its_forces_acts():
    text = "وقالت القيادة العامة للقوات المسلحة إن قواتها قتلت عدداً من المهربين على الحدود."
    doc = make_doc(text, actors={"قواتها": ("army", "Army")})
    attacks = _of(doc, "ASSAULT")
    assert attacks and attacks[0]["status"] == "reported"
    assert "القيادة" in (attacks[0]["source"] or "")


def test_the_last_few_days_across_two_months_are_the_month_of_most_of_them():
    from marsad.events.arguments import date_fields
    from marsad.model import TimeExpression
    window = TimeExpression(0, 19, "خلال الأيام الماضية", value="2019-10-24/2019-11-02", precision="interval",
                            kind="vague")
    assert date_fields(window)[:2] == ("2019-10", "month")
    month = TimeExpression(0, 12, "الشهر الماضي", value="2019-09-20/2019-10-19", precision="interval", kind="relative")
    assert date_fields(month)[:2] == ("2019", "year")  # a longer span stays the year
