"""Round 32 — the event side of topics6's first-sight errors, as general classes.

Every sentence here was written for these tests (none is copied from the dev articles) and runs the
whole pipeline. Each rule has a control where the same words must keep their old reading.
"""

from __future__ import annotations

from events_helpers import lexicon_triggers as _lexicon
from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

_DAY = "2022-03-10"


def _types(nlp, text: str) -> set[str]:
    return {e.type for e in nlp(text, published=_DAY).events}


# -- an accusing participle before «بالـ» is passive: loaded with, accused of ------------------------

def test_loaded_with_explosives_accuses_nobody(nlp):
    text = "أسقطت الدفاعات الجوية السعودية طائرة مسيّرة محمّلة بالمتفجرات أطلقتها جماعة الحوثي نحو جازان."
    assert _events(nlp, text, "ACCUSE", _DAY) == []
    text = "وأعلن الجيش العراقي أن شاحنة صغيرة محمّلة بالمتفجرات انفجرت قرب حاجز في الرمادي."
    assert _events(nlp, text, "ACCUSE", _DAY) == []


def test_blaming_participle_still_accuses(nlp):
    text = "ونفت وزارة الخارجية الإيرانية أي علاقة لها بالهجوم، محمّلةً إسرائيل المسؤولية عنه."
    accusations = _events(nlp, text, "ACCUSE", _DAY)
    assert accusations and "israel" in _sides(accusations[0])[1]


def test_a_name_after_the_participle_is_no_by_phrase(nlp):
    # «باكو» begins with «ب» but is the accused, not a «بـ» phrase
    text = "ونفى رئيس الوزراء الأرمني نيكول باشينيان ذلك، متهماً باكو بالسعي إلى التصعيد."
    accusations = _events(nlp, text, "ACCUSE", _DAY)
    assert any("azerbaijan" in _sides(a)[1] for a in accusations)


# -- receiving the wounded is aid, not hosting a guest ----------------------------------------------

def test_receiving_the_wounded_is_aid():
    assert ("AID", "humanitarian", "سيستقبل الجرحى") in _lexicon("وأعلن أن الأردن سيستقبل الجرحى في مستشفياته.")


def test_receiving_a_minister_is_still_a_meeting():
    assert any(t == "CONSULT" for t, _, _ in _lexicon("استقبل الملك وزير الخارجية الأمريكي في عمّان."))


def test_own_country_after_a_reporting_participle_is_the_speakers(nlp):
    text = ("وقال الرئيس التركي رجب طيب أردوغان إنه بحث هاتفياً مع نظيره الروسي فلاديمير بوتين الوضع في "
            "المدينة، مؤكداً أن بلاده ستستقبل الجرحى في مستشفياتها.")
    (aid,) = _events(nlp, text, "AID", _DAY)
    assert "turkey" in _sides(aid)[0] and "russia" not in _sides(aid)[0]


# -- missions opened and suspended ------------------------------------------------------------------

def test_opening_an_embassy_is_diplomatic_cooperation():
    assert any(t == "COOPERATE" for t, _, _ in _lexicon("وافق البرلمان على فتح سفارة في تل أبيب."))


def test_suspending_the_mission_is_a_sanction():
    assert any(t == "SANCTION" for t, _, _ in _lexicon("وقررت الحكومة تعليق عمل البعثة في العاصمة."))
    assert any(t == "SANCTION" for t, _, _ in _lexicon("وبدأت الوزارة إجلاء موظفي السفارة وعائلاتهم."))


# -- declining an invitation ------------------------------------------------------------------------

def test_declining_to_take_part_is_a_rejection(nlp):
    text = "أما الجزائر فقد اعتذرت، الأحد، عن المشاركة في القمة التي دعت إليها فرنسا."
    assert _events(nlp, text, "REJECT", _DAY)
    assert not _events(nlp, text, "SUPPORT", _DAY)


def test_an_apology_for_words_stays_an_apology(nlp):
    text = "اعتذر وزير الخارجية الإيطالي عن تصريحاته بشأن ليبيا."
    assert not _events(nlp, text, "REJECT", _DAY)


# -- a meeting «دعا إليه» someone is one he convenes -------------------------------------------------

def test_a_conference_called_by_someone_is_hosted_by_him(nlp):
    text = "افتُتح في باريس أمس مؤتمر دولي حول لبنان دعا إليه الرئيس الفرنسي إيمانويل ماكرون."
    meetings = _events(nlp, text, "CONSULT", _DAY)
    assert any("emmanuel_macron" in _sides(e)[0] for e in meetings)
    assert not _events(nlp, text, "REQUEST", _DAY)


def test_a_solution_called_for_stays_a_request():
    found = _lexicon("ورحب الوزير بالحل السياسي الذي دعت إليه الأمم المتحدة.")
    assert any(t == "REQUEST" for t, _, _ in found)


# -- the survivor of an attack is its target --------------------------------------------------------

def test_who_survives_an_assassination_attempt_is_its_target(nlp):
    text = "نجا رئيس الوزراء العراقي مصطفى الكاظمي فجر أمس من محاولة اغتيال بطائرة مسيّرة."
    (attack,) = _events(nlp, text, "ASSAULT", _DAY)
    assert _sides(attack) == ([], ["mustafa_al_kadhimi"])


def test_a_toll_told_next_belongs_to_the_attack(nlp):
    text = ("نجا رئيس الوزراء العراقي مصطفى الكاظمي فجر أمس من محاولة اغتيال بطائرة مسيّرة. "
            "وأفاد مصدر أمني بأن ثلاثة من حراسه أصيبوا بجروح.")
    attacks = _events(nlp, text, "ASSAULT", _DAY)
    assert attacks and all(_sides(a)[1] == ["mustafa_al_kadhimi"] for a in attacks)


def test_an_attempt_with_its_maker_keeps_the_maker(nlp):
    text = "أحبطت قوات الأمن العراقية محاولة اغتيال استهدفت محافظ البصرة."
    for a in _events(nlp, text, "ASSAULT", _DAY):
        assert "iraqi_security_forces" not in _sides(a)[1]


# -- warnings, prospects, topics of talks, respected regimes ---------------------------------------

def test_a_warning_of_atrocities_is_no_threat(nlp):
    text = "وطالب الأمين العام للأمم المتحدة بحماية المدنيين، محذراً من فظائع قد ترتكب في المدينة."
    assert not _events(nlp, text, "THREATEN", _DAY)


def test_a_warning_to_a_state_is_still_a_threat(nlp):
    text = "وحذّرت إيران الولايات المتحدة من أي هجوم على أراضيها."
    assert _events(nlp, text, "THREATEN", _DAY)


def test_talks_that_open_the_way_to_negotiations_are_a_prospect(nlp):
    text = "ويرى محللون أن الانسحاب قد يفتح الباب أمام مفاوضات جديدة بين روسيا وتركيا."
    assert not _events(nlp, text, "CONSULT", _DAY)


def test_the_topic_of_talks_is_no_cooperation(nlp):
    text = "وعقد وزيرا خارجية مصر والأردن جلسة مباحثات تناولت التنسيق في الملف الفلسطيني."
    assert not _events(nlp, text, "COOPERATE", _DAY)
    assert _events(nlp, text, "CONSULT", _DAY)


def test_respecting_an_embargo_imposes_none(nlp):
    text = "وتعهدت روسيا وتركيا ومصر في البيان الختامي باحترام حظر توريد الأسلحة إلى ليبيا."
    assert not _events(nlp, text, "SANCTION", _DAY)
    assert _events(nlp, text, "AGREE", _DAY)


def test_imposing_an_embargo_is_still_a_sanction(nlp):
    text = "وفرض مجلس الأمن حظر توريد الأسلحة على ليبيا."
    assert _events(nlp, text, "SANCTION", _DAY)


# -- condemnations after a plain «أن» clause, «لن تسمح» -------------------------------------------

def test_a_deal_called_null_and_void_is_condemned(nlp):
    text = "واعتبرت وزارة الخارجية التركية في بيان مساء أمس أن الاتفاق البحري باطل ولا قيمة له."
    assert _events(nlp, text, "ACCUSE", _DAY)


def test_considering_without_condemning_words_accuses_nobody(nlp):
    text = "واعتبرت وزارة الخارجية التركية في بيان مساء أمس أن الاتفاق خطوة مهمة للمنطقة."
    assert not _events(nlp, text, "ACCUSE", _DAY)


def test_will_not_allow_is_a_threat():
    assert any(t == "THREATEN" for t, _, _ in _lexicon("وأكدت أنقرة أنها لن تسمح بأي أعمال تنقيب في المنطقة."))


# -- lexicon: the masdar «التظاهر», plural calls, ambulances --------------------------------------

def test_masdar_of_demonstrating():
    assert any(t == "PROTEST" for t, _, _ in _lexicon("توجه المئات إلى وسط المدينة للتظاهر ضد الحكومة."))


def test_plural_calls_are_phone_calls():
    assert any(t == "CONSULT" for t, _, _ in _lexicon("إثر اتصالات أجراها الرئيس الفرنسي مع الطرفين."))


def test_an_ambulance_fired_on_is_a_civilian_target(nlp):
    text = "تعرضت سيارة إسعاف لإطلاق نار عند مدخل مدينة جنين صباح اليوم."
    attacks = _events(nlp, text, "ASSAULT", _DAY)
    assert attacks and "civilians" in _sides(attacks[0])[1]


# -- a longer reach for condemning words; a negated copula's subject -------------------------------

def test_regarding_a_long_object_as_a_threat_is_criticism(nlp):
    text = "واعتبرت طهران تعاظم التعاون العسكري بين أذربيجان وإسرائيل تهديداً لأمنها القومي."
    assert _events(nlp, text, "ACCUSE", _DAY)


def test_the_subject_of_a_negated_copula_happened(nlp):
    text = "لم يكن الهجوم الذي استهدف سفارة أذربيجان في طهران يوم الجمعة حادثاً عابراً."
    attacks = _events(nlp, text, "ASSAULT", _DAY)
    assert attacks and all(a["status"] != "negated" for a in attacks)


def test_a_negated_act_after_a_copula_stays_negated(nlp):
    text = "وقال المتحدث إنه لم تكن هناك أي غارات إسرائيلية على المطار يوم الجمعة."
    attacks = _events(nlp, text, "ASSAULT", _DAY)
    assert attacks and all(a["status"] == "negated" for a in attacks)
