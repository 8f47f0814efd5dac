"""Round 37 — the event side of topics7's first-sight errors, as general classes.

Every sentence here was written for these tests (none is copied from the dev articles) and runs the
whole pipeline or the lexicon. Each rule has a control where similar words keep their old reading.
"""

from __future__ import annotations

from events_helpers import lexicon_triggers as _lexicon
from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

_DAY = "2021-02-10"


def _types(nlp, text: str) -> set[str]:
    return {e.type for e in nlp(text, published=_DAY).events}


# -- an ambush laid: «كميناً» (tanween on a noun ending in «ين») governed by «نصب» ---------------------

def test_laying_an_ambush_is_an_attack_by_who_laid_it(nlp):
    text = "ونصب مسلحون كميناً لقافلة عسكرية قرب الحدود الليلة الماضية."
    (ambush,) = _events(nlp, text, "ASSAULT", _DAY)
    assert ambush["trigger"]["text"] == "كميناً"
    assert _sides(ambush)[0] == ["gunmen"]


def test_the_ambush_noun_takes_tanween():
    assert ("ASSAULT", None, "نصب مسلحون كمينا") in _lexicon("نصب مسلحون كمينا لدورية الجيش.")


def test_setting_up_tents_is_no_attack(nlp):
    assert "ASSAULT" not in _types(nlp, "ونصبت البلدية خياماً للنازحين في ساحة المدينة.")


# -- a base or a state hosting troops holds no meeting ---------------------------------------------

def test_hosting_troops_is_no_meeting(nlp):
    text = "وسقطت الصواريخ قرب قاعدة التنف التي تستضيف قوات أميركية في سوريا."
    assert "CONSULT" not in _types(nlp, text)


def test_hosting_a_minister_is_still_a_meeting(nlp):
    text = "واستضافت الدوحة أمس وزير الخارجية الإيراني في زيارة رسمية."
    assert "CONSULT" in _types(nlp, text)


# -- the spark of a war is a prospect ------------------------------------------------------------

def test_a_spark_of_war_in_a_question_is_no_attack(nlp):
    text = "هل يصبح سد النهضة شرارة حرب بين القاهرة وأديس أبابا؟"
    assert "ASSAULT" not in _types(nlp, text)


def test_a_war_waged_is_still_an_attack(nlp):
    text = "وشنت إسرائيل حرباً على غزة استمرت أحد عشر يوماً."
    assert "ASSAULT" in _types(nlp, text)


# -- a comma and a clause opener end a light verb's reach -------------------------------------------

def test_a_light_verb_does_not_govern_a_noun_past_kama():
    found = _lexicon("ولم تعلن الحكومة موقفها، كما لم يحدد موعد جديد لاجتماع اللجنة.")
    assert ("CONSULT", "meet", "لاجتماع") in found


def test_a_light_verb_still_governs_past_a_parenthesis():
    found = _lexicon("وعقد الوزيران، أمس الأحد في عمّان، اجتماعاً مطولاً.")
    assert any(t == "CONSULT" and text.startswith("وعقد") for t, _, text in found)


# -- reinforcements moved, a general call to arms ----------------------------------------------------

def test_moving_reinforcements_is_mobilising(nlp):
    text = "وردّ الجيش السوداني بتحريك تعزيزات كبيرة إلى الحدود الشرقية."
    (mob,) = _events(nlp, text, "MOBILIZE", _DAY)
    assert _sides(mob)[0] == ["sudanese_armed_forces"]


def test_a_general_call_to_arms_is_mobilising(nlp):
    text = "وأعلنت الحكومة الإثيوبية النفير العام في إقليم أمهرة."
    assert "MOBILIZE" in _types(nlp, text)


def test_moving_a_lawsuit_is_no_mobilising(nlp):
    text = "وقررت النيابة تحريك الدعوى العمومية ضد المسؤولين عن الحادث."
    assert "MOBILIZE" not in _types(nlp, text)


# -- a statement as the subject: the party after it is the object ----------------------------------

def test_the_party_after_a_statement_is_not_the_actor(nlp):
    text = "وطالب البيان إسرائيل بوقف العمليات العسكرية في القطاع فوراً."
    requests = _events(nlp, text, "REQUEST", _DAY)
    assert all("israel" not in _sides(r)[0] for r in requests)


def test_a_named_speaker_still_asks(nlp):
    text = "وطالب الرئيس المصري إسرائيل بوقف العمليات العسكرية في القطاع فوراً."
    (req,) = _events(nlp, text, "REQUEST", _DAY)
    assert "israel" in _sides(req)[1] and "israel" not in _sides(req)[0]


# -- a purpose request («لمطالبة X»): the main subject asks X ---------------------------------------

def test_a_purpose_request_is_the_main_subjects(nlp):
    text = "واستدعت وزارة الخارجية المصرية السفير الإثيوبي في القاهرة لمطالبة إثيوبيا بوقف ملء السد."
    (req,) = _events(nlp, text, "REQUEST", _DAY)
    actor, recipient = _sides(req)
    assert actor == ["egyptian_foreign_ministry"] and recipient == ["ethiopia"]


def test_a_plain_request_verb_keeps_its_subject(nlp):
    text = "وطالبت مصر إثيوبيا بوقف ملء السد قبل التوصل إلى اتفاق."
    (req,) = _events(nlp, text, "REQUEST", _DAY)
    assert _sides(req) == (["egypt"], ["ethiopia"])


# -- what is asked to stop is no new act ----------------------------------------------------------

def test_support_asked_to_stop_is_no_support(nlp):
    text = "وطالبت أنقرة واشنطن بوقف دعم الوحدات الكردية في شمال سوريا."
    assert "SUPPORT" not in _types(nlp, text)


def test_support_announced_is_still_support(nlp):
    text = "وأكدت واشنطن دعم الوحدات الكردية في حربها على تنظيم الدولة."
    assert "SUPPORT" in _types(nlp, text)


# -- cancelling an agreement; a travel ban ---------------------------------------------------------

def test_cancelling_an_agreement_is_a_rejection(nlp):
    assert "REJECT" in _types(nlp, "وأعلنت الحكومة الليبية إلغاء الاتفاقية البحرية مع تركيا.")
    assert "REJECT" in _types(nlp, "وألغت مصر الاتفاقية الموقعة مع إسرائيل.")


def test_cancelling_a_concert_is_no_rejection(nlp):
    assert "REJECT" not in _types(nlp, "وأعلنت البلدية إلغاء الحفل بسبب سوء الأحوال الجوية.")


def test_a_travel_ban_is_coercion():
    assert ("COERCE", "ban", "مُنع من السفر") in _lexicon("وقد مُنع من السفر منذ شهرين.")
    assert any(t == "COERCE" for t, _, _ in _lexicon("وفرضت السلطات حظر السفر على عدد من المسؤولين."))


def test_rain_keeping_farmers_from_work_is_no_ban():
    assert not any(t == "COERCE" for t, _, _ in _lexicon("ومنعت الأمطار المزارعين من العمل في الحقول."))


# -- «أقدم على» and «جرى» govern the act's masdar ------------------------------------------------------

def test_undertaking_an_arrest_is_the_arrest(nlp):
    text = "وأقدمت الشرطة الإيرانية على اعتقال ثلاثة ناشطين في طهران."
    (arrest,) = _events(nlp, text, "COERCE", _DAY)
    assert arrest["trigger"]["text"] == "اعتقال"


def test_what_moscow_undertook_is_no_withdrawal(nlp):
    text = "وقال محلل إن ما أقدمت عليه موسكو لا يعني انسحاباً كاملاً من المنطقة."
    assert "RETREAT" not in _types(nlp, text)


# -- a meeting asked to be held is no meeting held -------------------------------------------------

def test_a_meeting_asked_for_is_not_held(nlp):
    text = "وطلبت بريطانيا عقد اجتماع طارئ لمجلس الأمن الدولي لبحث الأزمة."
    assert "CONSULT" not in _types(nlp, text)
    assert "REQUEST" in _types(nlp, text)


def test_a_meeting_held_is_still_a_meeting(nlp):
    text = "وعقد مجلس الأمن الدولي اجتماعاً طارئاً لبحث الأزمة بطلب من بريطانيا."
    assert "CONSULT" in _types(nlp, text)


# -- «…، أعلن في ختامه …»: an act announced at the end of the meeting is the meeting holder's ---------

def test_an_act_announced_at_the_end_of_a_meeting_is_the_holders(nlp):
    text = "والتقى الرئيس الفرنسي نظيره التونسي في باريس، أعلن في ختامه رفضه أي تدخل خارجي في ليبيا."
    (rej,) = _events(nlp, text, "REJECT", _DAY)
    assert _sides(rej)[0] == ["emmanuel_macron"]


def test_a_bare_verb_after_a_comma_without_the_time_head_takes_no_subject(nlp):
    text = "والتقى الرئيس الفرنسي نظيره التونسي في باريس، أعلن في بيان رفضه أي تدخل خارجي في ليبيا."
    assert all(_sides(r)[0] != ["emmanuel_macron"] for r in _events(nlp, text, "REJECT", _DAY))


# -- «قبيل القصف»: a definite act after a sequence word is no light verb's object -------------------

def test_an_attack_named_to_date_a_notice_is_not_the_receivers(nlp):
    text = "وأكدت وزارة الدفاع العراقية أنها تلقت إخطاراً رسمياً من الجانب التركي قبيل القصف."
    attacks = _events(nlp, text, "ASSAULT", _DAY)
    assert all("iraqi_defence_ministry" not in _sides(a)[0] for a in attacks)


def test_a_light_verb_still_governs_a_noun_after_a_time_phrase():
    found = _lexicon("وشنت الطائرات الإسرائيلية بعد منتصف الليل الغارات على مواقع في دمشق.")
    assert any(t == "ASSAULT" and text.startswith("وشنت") for t, _, text in found)
