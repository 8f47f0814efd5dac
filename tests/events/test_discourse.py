"""Round 11 — participants across sentences (marsad.events.discourse) and back-references.

A verb that opens a sentence with no subject of its own takes the subject of the sentence before
when it agrees with it («أعلنت الوزارة …. وقصفت مواقع …»); a new overt subject, a passive or a
disagreeing verb stops it. «الجانبان» stands for the two sides of the last meeting, «معه» for the
other side of the actor's last event, «الجامعة» for the Arab League named before. Every text here
was written for these tests; they run the whole pipeline (recogniser, time, events).
"""

from __future__ import annotations

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides


def test_a_subjectless_verb_takes_the_previous_subject(nlp):
    text = ("أعلنت وزارة الدفاع الروسية انتهاء المناورات في البحر الأسود. "
            "وقصفت مواقع للمسلحين في ريف إدلب الجنوبي.")
    (attack,) = _events(nlp, text, "ASSAULT")
    assert attack["trigger"]["text"] == "وقصفت"
    assert _sides(attack)[0] == ["russian_defence_ministry"]


def test_a_light_verb_with_diacritics_carries_it_too(nlp):
    text = "أعلنت وزارة الدفاع التركية انتهاء العملية. وشنّت غارات جوية على مواقع في شمال العراق."
    (attack,) = _events(nlp, text, "ASSAULT")
    assert _sides(attack)[0] == ["turkish_defence_ministry"]


def test_a_masculine_verb_does_not_take_a_feminine_subject(nlp):
    # «وقصف» cannot have «وزارة الدفاع» as its subject: nobody is carried, and the attack with no
    # participant is not reported
    text = ("أعلنت وزارة الدفاع الروسية انتهاء المناورات في البحر الأسود. "
            "وقصف مواقع للمسلحين في ريف إدلب الجنوبي.")
    assert all("russian_defence_ministry" not in _sides(e)[0] for e in _events(nlp, text, "ASSAULT"))


def test_an_unnamed_overt_subject_stops_the_carry(nlp):
    # «مسلحون» (nominative plural) is the subject of «وقصف»: Lavrov did not shell anything
    text = "وصل وزير الخارجية الروسي سيرغي لافروف إلى دمشق أمس. وقصف مسلحون مواقع للجيش في إدلب."
    assert all("sergei_lavrov" not in _sides(e)[0] for e in _events(nlp, text, "ASSAULT"))


def test_a_new_speaker_starts_a_new_chain(nlp):
    text = ("قال وزير الخارجية الإيراني حسين أمير عبد اللهيان إن بلاده تريد الحوار. "
            "وقالت وزارة الخارجية الأمريكية إن واشنطن تدرس العرض. "
            "ودعت إلى وقف التصعيد في المنطقة.")
    (request,) = _events(nlp, text, "REQUEST")
    assert _sides(request)[0] == ["us_state_department"]


def test_the_chain_runs_through_a_subjectless_speech_verb(nlp):
    # «وأضاف أن …» keeps the speaker of «قال …»; «كما دعا إلى …» is still his
    text = ("قال المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني إن طهران ترفض الاتهامات. "
            "وأضاف أن بلاده لن تسمح بأي عدوان. كما دعا إلى وقف التصعيد في المنطقة.")
    (request,) = _events(nlp, text, "REQUEST")
    assert _sides(request)[0] == ["nasser_kanaani"]


def test_a_passive_takes_no_subject_from_before(nlp):
    text = ("أعلن الجيش الإسرائيلي انتهاء العملية العسكرية في جنين. "
            "واغتيل خلال العملية قائد ميداني في حركة الجهاد الإسلامي.")
    killings = [e for e in _events(nlp, text, "ASSAULT") if e["trigger"]["text"] == "واغتيل"]
    assert all(not e["actor"] for e in killings)


def test_the_two_sides_of_the_meeting(nlp):
    text = ("التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الإيراني حسين أمير عبد اللهيان في بكين. "
            "واتفق الجانبان على استئناف العلاقات الدبلوماسية.")
    (agree,) = _events(nlp, text, "AGREE")
    assert _sides(agree) == (["faisal_bin_farhan"], ["hossein_amir_abdollahian"])


def test_a_pronoun_after_the_trigger_is_the_one_met(nlp):
    # the actor is carried from the meeting sentence, the recipient is «معه», the one he met
    text = ("التقى وزير الدفاع الروسي سيرغي شويغو الرئيس السوري بشار الأسد في دمشق. "
            "ووقّع معه اتفاقية للتعاون العسكري.")
    (agree,) = _events(nlp, text, "AGREE")
    assert _sides(agree) == (["sergei_shoigu"], ["bashar_al_assad"])


def test_the_league_named_before_suspends_a_member(nlp):
    text = ("اجتمع وزراء الخارجية العرب في مقر جامعة الدول العربية بالقاهرة أمس. "
            "ويذكر أن الجامعة علّقت عضوية سوريا عام 2011.")
    (sanction,) = _events(nlp, text, "SANCTION")
    assert _sides(sanction) == (["arab_league"], ["syria"])


def test_a_counterpart_after_the_verb_is_the_one_met_by_the_carried_subject(nlp):
    # «نظيره» is the verb's object: Zarif met Lavrov, not Lavrov someone
    text = ("وصل وزير الخارجية الإيراني محمد جواد ظريف إلى موسكو أمس. "
            "والتقى نظيره الروسي سيرغي لافروف في مقر الخارجية.")
    meetings = [_sides(e) for e in _events(nlp, text, "CONSULT", published="2019-05-10")]
    assert (["mohammad_javad_zarif"], ["sergei_lavrov"]) in meetings


def test_a_counterpart_after_an_overt_subject_is_read_as_before(nlp):
    # the second sentence names its own subject: nothing is carried from the first
    text = ("وصل وزير الخارجية الإيراني محمد جواد ظريف إلى موسكو أمس. "
            "والتقى الرئيس السوري بشار الأسد نظيره الروسي في سوتشي.")
    meetings = [_sides(e) for e in _events(nlp, text, "CONSULT", published="2019-05-10")]
    assert all("mohammad_javad_zarif" not in actor for actor, _ in meetings[1:])
    assert any(actor == ["bashar_al_assad"] for actor, _ in meetings)
