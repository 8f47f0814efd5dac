"""Office titles read through the body they name, title forms that belong to one state, and the
document-level readings of «القوات الحكومية», bracketed short names and noun homographs of names."""

from __future__ import annotations

import pytest
from recognize_helpers import recognized


def mentions(kb, text, published="2017-09-12"):
    return recognized(kb, text, published)


def title(ms, start):
    return next(m for m in ms if m.text.startswith(start) and m.label == "PERS")


# -- «رئيس» / «قائد» + a state body: the body's class names the office ------------------------------
@pytest.mark.parametrize("text,published,actor,office,of", [
    # parliament: the chair is the speaker (stored under the state)
    ("قال رئيس مجلس النواب الليبي إن الانتخابات ستجري في موعدها.", "2021-05-01", "aguila_saleh", "speaker", "LBY"),
    # a government: its head is a prime minister (a rival government's is stored under the body itself)
    ("قال رئيس حكومة الوحدة الوطنية الليبية إن الانتخابات ستجري.", "2022-05-01", "abdul_hamid_dbeibeh",
     "prime_minister", "libya_gnu"),
    # an army: «رئيس أركان» + the army is the state's chief of staff, «قائد» + the army its commander
    ("قال رئيس أركان الجيش الإسرائيلي إن الهجوم فشل.", "2017-09-12", "gadi_eisenkot", "chief_of_staff", "ISR"),
    ("قال قائد الجيش اللبناني إن الهجوم فشل.", "2017-09-12", "joseph_aoun", "army_commander", "LBN"),
    ("أكد رئيس أركان الجيش العراقي أن القوات جاهزة.", "2021-09-12", "abdul_amir_yarallah", "chief_of_staff", "IRQ"),
])
def test_title_of_a_state_body(kb, text, published, actor, office, of):
    m = title(mentions(kb, text, published), text.split()[1])
    assert (m.actor_id, m.extra["role"], m.extra["country"]) == (actor, office, of)


def test_body_keeps_its_own_holder_first(kb):
    # The Presidential Council's chair is stored under the council: that reading is kept.
    m = title(mentions(kb, "قال رئيس المجلس الرئاسي الليبي إن الهجوم مرفوض.", "2022-05-01"), "رئيس")
    assert m.actor_id == "mohamed_al_menfi"


def test_rival_authority_is_not_read_as_the_state(kb):
    # The LNA has no parent state: its commander is Haftar, never Libya's army commander.
    m = title(mentions(kb, "قال قائد الجيش الوطني الليبي إن الهجوم بدأ."), "قائد")
    assert (m.actor_id, m.extra["country"]) == ("khalifa_haftar", "lna")


def test_commander_in_chief_is_not_the_army_commander(kb):
    # «القائد العام للقوات المسلحة» is a style of the head of state or government, not the chief of staff.
    ms = mentions(kb, "وجه القائد العام للقوات المسلحة العراقية بفتح تحقيق.", "2024-02-10")
    m = title(ms, "القائد العام")
    assert m.actor_id != "abdul_amir_yarallah"


def test_unknown_holder_keeps_the_state_office(kb):
    # Sudan's chief of staff is not in the knowledge base: the office is the state's, not the army's.
    m = title(mentions(kb, "قال رئيس أركان الجيش السوداني إن المعارك مستمرة.", "2021-09-12"), "رئيس")
    assert m.actor_id is None and m.extra["ref"]["id"] == "office:chief_of_staff:SDN"


def test_named_person_gets_the_body_class_role(kb):
    m = title(mentions(kb, "قال رئيس مجلس النواب الليبي عقيلة صالح إن الانتخابات ستجري.", "2021-05-01"), "رئيس")
    assert (m.actor_id, m.extra["role"], m.extra["country"]) == ("aguila_saleh", "speaker", "LBY")


# -- title forms restricted to one state (titles.yaml countries_by_form) ----------------------------
def test_single_state_form_without_the_state(kb):
    ms = mentions(kb, "قال رئيس مجلس السيادة الانتقالي إن الحوار مستمر.", "2021-05-01")
    m = title(ms, "رئيس")
    assert (m.actor_id, m.extra["country"]) == ("abdel_fattah_al_burhan", "SDN")
    # the body named inside the title is a mention of its own
    assert any(o.actor_id == "sudan_sovereignty_council" and o.text == "مجلس السيادة الانتقالي" for o in ms)


def test_one_word_form_needs_its_state_in_the_document(kb):
    ms = mentions(kb, "قال المرشد إن إيران لن تتراجع عن برنامجها.")
    assert title(ms, "المرشد").actor_id == "ali_khamenei"
    # in a document about Egypt «المرشد» (the Brotherhood's guide, say) is not Iran's supreme leader
    ms = mentions(kb, "قال المرشد إن مصر تواجه أزمة اقتصادية.")
    assert not any(m.text == "المرشد" for m in ms)


def test_form_shared_by_two_states_reads_the_documents_state(kb):
    ms = mentions(kb, "قال المستشار إن ألمانيا وافقت على الخطة. وأكدت برلين أن ألمانيا ستدعمها.", "2022-09-12")
    m = title(ms, "المستشار")
    assert (m.actor_id, m.extra["country"]) == ("olaf_scholz", "DEU")


# -- a risky one-word alias after a title -----------------------------------------------------------
def test_weak_alias_after_a_title_must_hold_the_office(kb):
    ms = mentions(kb, "قال الرئيس عباس إن المفاوضات متوقفة.")
    assert title(ms, "الرئيس").actor_id == "mahmoud_abbas"
    ms = mentions(kb, "قال رئيس البرلمان العربي إن القمة ناجحة.", "2021-09-12")
    assert not any(m.actor_id == "nabil_elaraby" for m in ms)


# -- «ولايتي»: the dual noun after «في» is not Velayati ---------------------------------------------
def test_dual_noun_after_fi_is_not_the_person(kb):
    ms = mentions(kb, "تخوض القوات هجوما واسعا في ولايتي هيرشبيلي وجلمدغ وسط الصومال.")
    assert not any(m.actor_id == "ali_akbar_velayati" for m in ms)


@pytest.mark.parametrize("text", [
    "التقى ولايتي الوزير الروسي في موسكو.",
    "قال مستشار المرشد الإيراني علي أكبر ولايتي إن الاتفاق صامد.",
    "اجتمع الرئيس في علي أكبر ولايتي بعد ظهر اليوم.",  # a full name after «في» is still the person
])
def test_velayati_still_found(kb, text):
    assert any(m.actor_id == "ali_akbar_velayati" for m in mentions(kb, text))


# -- bracketed short names ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,short,actor", [
    ("أعلنت قوات الأمم المتحدة المؤقتة في لبنان (يونيفيل) أن دورية تعرضت لهجوم.", "يونيفيل", "unifil"),
    ("أعلنت قوات سوريا الديمقراطية (قسد) أنها سيطرت على القرية.", "قسد", "sdf"),
    ("قالت منظمة الصحة العالمية (WHO) إن الوباء ينتشر.", "WHO", "who"),
])
def test_bracketed_short_name_is_the_organisation(kb, text, short, actor):
    ms = {m.text: m for m in mentions(kb, text)}
    assert ms[short].actor_id == actor and ms[short].label == "ORG"


def test_bracketed_number_is_not_a_name(kb):
    ms = mentions(kb, "أعلنت قوات سوريا الديمقراطية (2019) أنها سيطرت على القرية.")
    assert not any(m.text == "2019" for m in ms)


def test_bare_unifil_alias(kb):
    assert any(m.actor_id == "unifil" for m in mentions(kb, "قالت يونيفيل إن الوضع هادئ."))


# -- «القوات الحكومية»: the forces of the state the document is about ------------------------------
def test_government_forces_of_the_documents_state(kb):
    ms = mentions(kb, "سيطرت القوات الحكومية على بلدة في الصومال. وقال وزير الدفاع الصومالي إن الصومال ستنتصر.")
    assert {m.text: m for m in ms}["القوات الحكومية"].actor_id == "somali_national_army"
    ms = mentions(kb, "قصفت القوات الحكومية مدينة حلب وقالت دمشق إن سوريا ستواصل العمليات.")
    assert {m.text: m for m in ms}["القوات الحكومية"].actor_id == "syrian_army"


def test_government_forces_with_a_nisba(kb):
    ms = {m.text: m for m in mentions(kb, "اشتبكت القوات الحكومية السورية مع المسلحين قرب الحدود التركية.")}
    assert ms["القوات الحكومية السورية"].actor_id == "syrian_army"


def test_government_forces_without_a_state(kb):
    assert not any(m.text == "القوات الحكومية" for m in mentions(kb, "تقدمت القوات الحكومية نحو المدينة."))
