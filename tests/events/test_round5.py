"""Fifth round: out-of-domain recall (protests, arrests, summons, patrols, readiness, ties).

Arrests split by their subject («ألقت قوات الأمن القبض على …»), summoning another state's envoy
(ACCUSE addressed to that state; recalling one's own envoy is not), protests (people protest, a
state named with them is protested against; «احتجاجاً على» after another act is its motive),
joint patrols and restored ties (COOPERATE), raised readiness (MOBILIZE), blocked sites (COERCE).
Every sentence here was written for these tests.
"""

from __future__ import annotations

from events_helpers import actor_ref, ids, make_doc, only

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon


def _events(doc, states=None):
    return extract_events(doc, load_lexicon(), {}, states=states)


def _types(events):
    return [e["type"] for e in events]


# --- COERCE ----------------------------------------------------------------------------------------


def test_an_arrest_split_by_its_subject_keeps_the_arresting_force():
    text = "ألقت قوات الأمن القبض على ثلاثة مهربين قرب الحدود الشرقية."
    doc = make_doc(text, actors={"قوات الأمن": ("security_forces", "security forces")})
    ev = only(_events(doc), "COERCE")
    assert ev["mode"] == "arrest" and ids(ev["actor"]) == ["security_forces"]


def test_blocking_an_app_is_a_restriction_but_a_no_confidence_vote_is_not():
    text = "وحجبت السلطات الإيرانية تطبيق «تلغرام» بعد يومين من الاحتجاجات."
    doc = make_doc(text, actors={"السلطات الإيرانية": ("iran", "Iran")})
    ev = only(_events(doc), "COERCE")
    assert ev["mode"] == "restrict" and ids(ev["actor"]) == ["iran"]
    text = "صوّت البرلمان الكويتي على حجب الثقة عن وزير المالية."
    doc = make_doc(text, actors={"البرلمان الكويتي": ("kuwait_parliament", "National Assembly")})
    assert "COERCE" not in _types(_events(doc))


# --- summoning envoys ------------------------------------------------------------------------------


def test_summoning_an_envoy_is_disapproval_of_his_state():
    text = "استدعت وزارة الخارجية المغربية سفير هولندا لديها على خلفية التصريحات الأخيرة."
    doc = make_doc(text, actors={"وزارة الخارجية المغربية": ("morocco_mfa", "Moroccan Foreign Ministry"),
                                 "سفير هولندا": ("office:ambassador:NLD", "ambassador of the Netherlands")})
    states = {"NLD": actor_ref("netherlands", "Netherlands", "هولندا")}
    ev = only(_events(doc, states), "ACCUSE")
    assert ids(ev["actor"]) == ["morocco_mfa"] and ids(ev["recipient"]) == ["netherlands"]


def test_recalling_ones_own_ambassador_or_the_reserve_is_no_summons():
    text = "استدعت الجزائر سفيرها في باريس للتشاور."
    doc = make_doc(text, actors={"الجزائر": ("algeria", "Algeria")}, places={"باريس": "Paris"})
    assert "ACCUSE" not in _types(_events(doc))
    text = "استدعى الجيش الإسرائيلي آلاف جنود الاحتياط."
    doc = make_doc(text, actors={"الجيش الإسرائيلي": ("israeli_army", "Israeli army")})
    assert "ACCUSE" not in _types(_events(doc))


# --- PROTEST ---------------------------------------------------------------------------------------


def test_a_state_named_with_protests_is_protested_against():
    text = "احتجاجات تونس تتواصل لليوم الثالث على التوالي."
    doc = make_doc(text, actors={"تونس": ("tunisia", "Tunisia")})
    states = {"TUN": actor_ref("tunisia", "Tunisia", "تونس")}
    ev = only(_events(doc, states), "PROTEST")
    assert ids(ev["actor"]) == ["protesters"] and ids(ev["recipient"]) == ["tunisia"]


def test_going_out_in_thousands_is_a_protest_by_protesters():
    text = "خرج آلاف المحتجين إلى شوارع الرباط مساء أمس للمطالبة بخفض الأسعار."
    doc = make_doc(text, places={"الرباط": "Rabat"})
    ev = only(_events(doc), "PROTEST")
    assert ids(ev["actor"]) == ["protesters"]


def test_a_protest_with_nobody_named_is_by_protesters():
    text = "وتظاهر طلاب الجامعات في عدة مدن أمس."
    ev = only(_events(make_doc(text)), "PROTEST")
    assert ids(ev["actor"]) == ["protesters"]


def test_in_protest_after_another_act_is_its_motive_not_a_protest():
    text = "استدعت وزارة الخارجية المغربية سفير هولندا احتجاجاً على التصريحات الأخيرة."
    doc = make_doc(text, actors={"وزارة الخارجية المغربية": ("morocco_mfa", "Moroccan Foreign Ministry"),
                                 "سفير هولندا": ("office:ambassador:NLD", "ambassador of the Netherlands")})
    events = _events(doc, {"NLD": actor_ref("netherlands", "Netherlands", "هولندا")})
    assert _types(events) == ["ACCUSE"]


# --- COOPERATE / MOBILIZE --------------------------------------------------------------------------


def test_a_joint_patrol_is_military_cooperation_of_both_forces():
    text = "سيّرت القوات الأمريكية والعراقية دوريات مشتركة قرب الموصل."
    doc = make_doc(text, actors={"القوات الأمريكية": ("us_army", "US forces"), "والعراقية": ("iraq", "Iraq")},
                   places={"الموصل": "Mosul"})
    ev = only(_events(doc), "COOPERATE")
    assert ev["mode"] == "military" and ids(ev["actor"]) == ["us_army"]


def test_restoring_diplomatic_ties_is_cooperation():
    text = "أعلنت القاهرة والدوحة استئناف العلاقات الدبلوماسية بعد قطيعة دامت سنوات."
    doc = make_doc(text, actors={"القاهرة": ("egypt", "Egypt"), "والدوحة": ("qatar", "Qatar")})
    ev = only(_events(doc), "COOPERATE")
    assert ids(ev["actor"]) == ["egypt"]


def test_raising_readiness_is_an_alert():
    text = "أعلن الجيش الأردني رفع درجة الجاهزية على الحدود الشمالية."
    doc = make_doc(text, actors={"الجيش الأردني": ("jordan_armed_forces", "Jordan Armed Forces")})
    ev = only(_events(doc), "MOBILIZE")
    assert ev["mode"] == "alert" and ids(ev["actor"]) == ["jordan_armed_forces"]
