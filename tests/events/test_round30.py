"""Round 30 — participants from context, and small cue requests.

Every text here was written for these tests and runs the whole pipeline (the recogniser's
mentions matter: who is named, where). Each context rule has a control where the context is
missing or says otherwise.
"""

from __future__ import annotations

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

_DAY = "2023-05-01"

# -- a claim of an attack told before takes its target; the claimant's threat too ----------------

_ARAMCO = ("تعرّضت منشآت شركة أرامكو السعودية في بقيق فجر السبت لهجوم بطائرات مسيّرة. "
           "وتبنّت جماعة الحوثي الهجوم، وقال المتحدث العسكري باسمها يحيى سريع إن عشر طائرات شاركت "
           "فيه، متوعداً بتوسيع بنك الأهداف.")


def test_claim_kept_apart_takes_the_claimed_attacks_target(nlp):
    attacks = _events(nlp, _ARAMCO, "ASSAULT", _DAY)
    claimed = [a for a in attacks if _sides(a)[0] == ["houthis"]]
    assert len(claimed) == 1 and _sides(claimed[0])[1] == ["saudi_arabia"]
    assert claimed[0]["status"] == "claimed"
    # the attack as first told (no attacker) stays a record of its own
    assert any(not _sides(a)[0] and _sides(a)[1] == ["saudi_arabia"] for a in attacks)


def test_threat_after_a_claim_in_the_same_sentence_is_addressed_to_the_target(nlp):
    (threat,) = _events(nlp, _ARAMCO, "THREATEN", _DAY)
    assert _sides(threat) == (["yahya_saree"], ["saudi_arabia"])


def test_claim_of_a_toll_takes_the_victims(nlp):
    text = ("قُتل 14 شخصاً مساء أمس في انفجار سيارة مفخخة في حي الزهراء بمدينة حمص. "
            "وأعلن تنظيم داعش مسؤوليته عن التفجير.")
    attacks = _events(nlp, text, "ASSAULT", _DAY)
    assert (["isis"], ["civilians"]) in [_sides(a) for a in attacks]


# -- a threat naming a told attack again -----------------------------------------------------------

def test_threat_to_resume_the_operation_told_before(nlp):
    text = ("أطلقت تركيا عملية عسكرية ضد قوات سوريا الديمقراطية في شمال سوريا. "
            "وشنّت طائرات روسية غارات على مواقع لهيئة تحرير الشام في إدلب. "
            "وهدّد الرئيس التركي رجب طيب أردوغان باستئناف العملية.")
    (threat,) = _events(nlp, text, "THREATEN", _DAY)
    # the Russian raids, told last, are another pair's: the «العملية» threatened is Turkey's
    assert _sides(threat) == (["recep_tayyip_erdogan"], ["sdf"])


# -- condemnations -----------------------------------------------------------------------------------

def test_betrayal_is_a_condemnation(nlp):
    text = "وصف الرئيس الروسي فلاديمير بوتين تمرد مجموعة فاغنر بأنه خيانة."
    (accuse,) = _events(nlp, text, "ACCUSE", _DAY)
    assert _sides(accuse) == (["vladimir_putin"], ["wagner_group"])


def test_condemned_strikes_named_after_the_subject(nlp):
    text = ("شنّت الطائرات الأمريكية والبريطانية ضربات جوية على مواقع الحوثيين في اليمن. "
            "وندّد المتحدث باسم الخارجية الإيرانية ناصر كنعاني بالضربات.")
    (accuse,) = _events(nlp, text, "ACCUSE", _DAY)
    assert _sides(accuse) == (["nasser_kanaani"], ["united_states", "united_kingdom"])


def test_generic_noun_for_the_attack_accuses_its_maker(nlp):
    text = ("شنّت القوات الباكستانية غارات على مناطق في ولاية خوست شرقي أفغانستان. "
            "وقال المتحدث باسم حكومة طالبان ذبيح الله مجاهد إن ثمانية أشخاص قتلوا، واصفاً العملية "
            "بأنها انتهاك لسيادة أفغانستان.")
    (accuse,) = _events(nlp, text, "ACCUSE", _DAY)
    assert _sides(accuse) == (["zabihullah_mujahid"], ["pakistan_army"])


def test_complaint_forum_is_not_the_accused(nlp):
    text = ("ودان رئيس الحكومة اللبنانية نجيب ميقاتي «الاعتداء الإسرائيلي»، مؤكداً أن لبنان سيتقدم "
            "بشكوى عاجلة إلى مجلس الأمن الدولي.")
    accusations = {e["trigger"]["text"]: _sides(e) for e in _events(nlp, text, "ACCUSE", _DAY)}
    assert accusations["بشكوى"] == (["lebanon"], ["israel"])  # not the Security Council
    assert accusations["ودان"] == (["najib_mikati"], ["israel"])


def test_complaint_after_a_condemned_attack_told_before(nlp):
    text = ("قتل جنديان إسرائيليان في هجوم شنته حركة حماس على موقع عسكري. ودان رئيس الوزراء "
            "الإسرائيلي بنيامين نتنياهو الهجوم، مؤكداً أن إسرائيل ستتقدم بشكوى إلى مجلس الأمن الدولي.")
    accusations = {e["trigger"]["text"]: _sides(e) for e in _events(nlp, text, "ACCUSE", _DAY)}
    assert accusations["ودان"] == (["benjamin_netanyahu"], ["hamas"])
    assert accusations["بشكوى"] == (["israel"], ["hamas"])


# -- the state of a place ---------------------------------------------------------------------------

def test_strike_on_a_place_is_aimed_at_its_state_when_named(nlp):
    text = ("شنّت إسرائيل فجر أمس غارة جوية على مطار دمشق الدولي. "
            "وقالت وزارة الخارجية السورية إن الغارة انتهاك لسيادة سوريا.")
    attacks = [_sides(a) for a in _events(nlp, text, "ASSAULT", _DAY)]
    assert (["israel"], ["syria"]) in attacks


def test_strike_on_a_place_of_a_state_never_named_has_no_target(nlp):
    text = "شنّت إسرائيل فجر أمس غارة جوية على مطار دمشق الدولي."
    (attack,) = _events(nlp, text, "ASSAULT", _DAY)
    assert _sides(attack) == (["israel"], [])


def test_protest_is_addressed_to_the_state_where_it_happens(nlp):
    text = ("خرج آلاف المتظاهرين أمس في ساحة التحرير وسط بغداد. "
            "وقالت مصادر أمنية في العراق إن الاحتجاجات امتدت إلى مدن الجنوب.")
    protests = _events(nlp, text, "PROTEST", _DAY)
    assert protests and all(_sides(p)[1] == ["iraq"] for p in protests)


def test_protest_in_a_state_never_named_has_no_recipient(nlp):
    text = "خرج آلاف المتظاهرين أمس في ساحة التحرير وسط بغداد."
    (protest,) = _events(nlp, text, "PROTEST", _DAY)
    assert _sides(protest)[1] == []


# -- meetings with a pronoun -----------------------------------------------------------------------

def test_host_with_an_object_pronoun_met_the_visitor(nlp):
    text = ("وصل وزير الخارجية الإيراني حسين أمير عبد اللهيان إلى دمشق أمس. "
            "واستقبله الرئيس السوري بشار الأسد في قصر الشعب.")
    hosts = [_sides(e) for e in _events(nlp, text, "CONSULT", _DAY) if e["trigger"]["text"] == "واستقبله"]
    assert hosts == [(["bashar_al_assad"], ["hossein_amir_abdollahian"])]


def test_meeting_noun_with_bihi_met_the_visitor(nlp):
    text = ("وصل رئيس الوزراء العراقي محمد شياع السوداني إلى طهران. "
            "وأكد المرشد الإيراني علي خامنئي خلال لقائه به دعم بلاده للعراق.")
    meetings = [_sides(e) for e in _events(nlp, text, "CONSULT", _DAY) if e["trigger"]["text"] == "لقائه"]
    assert meetings == [(["ali_khamenei"], ["mohammed_shia_al_sudani"])]


def test_host_without_a_pronoun_takes_no_visitor(nlp):
    text = ("وصل وزير الخارجية الإيراني حسين أمير عبد اللهيان إلى دمشق أمس. "
            "واستقبل الرئيس السوري بشار الأسد وفداً برلمانياً.")
    hosts = [_sides(e) for e in _events(nlp, text, "CONSULT", _DAY) if e["trigger"]["text"] == "واستقبل"]
    assert all("hossein_amir_abdollahian" not in r for _, r in hosts)


# -- subjects: a fronted topic, a pluperfect clause ------------------------------------------------

def test_fronted_topic_is_the_subject(nlp):
    (accuse,) = _events(nlp, "أما لافروف فاتهم واشنطن بعرقلة الحل السياسي.", "ACCUSE", _DAY)
    assert _sides(accuse) == (["sergei_lavrov"], ["united_states"])


def test_fronted_topic_with_a_title_is_the_subject(nlp):
    text = "أما وزارة الخارجية التركية فدعت إسرائيل إلى وقف عملياتها العسكرية."
    (request,) = _events(nlp, text, "REQUEST", _DAY)
    assert _sides(request) == (["turkish_foreign_ministry"], ["israel"])


def test_pluperfect_subject_over_a_closer_group(nlp):
    text = "وكان خامنئي عند لقائه بوتين قد أشاد بمواقف روسيا في سوريا."
    (praise,) = _events(nlp, text, "SUPPORT", _DAY)
    assert _sides(praise)[0] == ["ali_khamenei"]


# -- motive, support, receipt ------------------------------------------------------------------------

def test_killing_answered_is_not_the_strikes_victim(nlp):
    text = "وقصفت إيران قاعدة عين الأسد بالصواريخ رداً على مقتل سليماني."
    attacks = _events(nlp, text, "ASSAULT", _DAY)
    assert ["iran"] in [_sides(a)[0] for a in attacks]
    assert all("qasem_soleimani" not in _sides(a)[1] for a in attacks if _sides(a)[0] == ["iran"])


def test_toll_of_the_strike_itself_is_still_its_victims(nlp):
    text = "وقصفت الطائرات الإسرائيلية مواقع في غزة، ما أدى إلى مقتل خمسة أشخاص."
    (attack,) = _events(nlp, text, "ASSAULT", _DAY)
    assert _sides(attack)[1] == ["civilians"]


def test_standing_by_names_the_one_supported(nlp):
    text = "وأكد وزير الخارجية الإيراني أن بلاده ستواصل الوقوف إلى جانب سوريا في مواجهة الإرهاب."
    (support,) = _events(nlp, text, "SUPPORT", _DAY)
    assert _sides(support)[1] == ["syria"]


def test_received_aid_offered_by_a_state(nlp):
    text = "وتسلّم الجيش اللبناني المساعدات العسكرية المقدمة من الولايات المتحدة."
    (aid,) = _events(nlp, text, "AID", _DAY)
    assert _sides(aid) == (["united_states"], ["lebanese_army"])


# -- status cues -------------------------------------------------------------------------------------

def test_talks_that_led_to_no_agreement(nlp):
    for text in ("وقالت الخارجية إن المحادثات لم تسفر عن أي اتفاق.",
                 "وقالت الخارجية إن المحادثات لم تُفضِ إلى اتفاق على وقف إطلاق النار."):
        (agree,) = _events(nlp, text, "AGREE", _DAY)
        assert agree["status"] == "negated", text


def test_denial_participle_negates_the_act(nlp):
    text = ("وقال المتحدث باسم وزارة الدفاع الروسية إن الجيش الروسي يواصل عملياته، نافياً أن تكون "
            "الطائرات الروسية قد قصفت المستشفى في إدلب.")
    (attack,) = _events(nlp, text, "ASSAULT", _DAY)
    assert attack["status"] == "negated"


def test_ordered_deployment_is_planned(nlp):
    ordered = _events(nlp, "وأمر الرئيس الروسي فلاديمير بوتين بنشر قوات إضافية على الحدود مع أوكرانيا.",
                      "MOBILIZE", _DAY)
    done = _events(nlp, "ونشر الرئيس الروسي فلاديمير بوتين قوات إضافية على الحدود مع أوكرانيا.",
                   "MOBILIZE", _DAY)
    assert [e["status"] for e in ordered] == ["planned"]
    assert [e["status"] for e in done] == ["asserted"]
