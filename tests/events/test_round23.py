"""Round 23 — participants: the right happening told with participants the reader would not name.

* a circumstantial participle after a later reporting verb («…، وقال المتحدث باسمها يحيى سريع
  …، متوعداً») belongs to that verb's clause: its actor is the named speaker, not the subject of
  the sentence's first verb;
* «وفد عسكري + nisba» is that state's armed forces, not the state;
* in the pluperfect «وكان X … قد V» the group right after the auxiliary is the subject, however
  long the words qualifying it before «قد»;
* named participants the knowledge base lacked (a state company, a national security adviser).

Every text here was written for these tests and runs the whole pipeline. Each rule has a
control: the same construction without the cue keeps the reading it had.
"""

from __future__ import annotations

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

_DAY = "2023-05-01"


def test_participle_after_a_later_speaker_takes_the_speaker(nlp):
    text = ("وشنّت جماعة الحوثي هجوماً بطائرات مسيّرة على منشأة نفطية، وقال المتحدث العسكري باسمها يحيى "
            "سريع إن الطائرات أصابت أهدافها، متوعداً السعودية بضربات جديدة.")
    (threat,) = _events(nlp, text, "THREATEN", _DAY)
    actor, recipient = _sides(threat)
    assert actor == ["yahya_saree"]
    assert recipient == ["saudi_arabia"]


def test_participle_after_the_main_speaker_keeps_the_main_subject(nlp):
    # control: the first group is itself the speaker of «قال»; a relaying agency named later
    # («نقلته وكالة …») is no subject of the participle
    text = ("وقال الحرس الثوري في بيان نقلته وكالة «تسنيم» إن قواته أطلقت صواريخ على القاعدة، "
            "محذراً الولايات المتحدة من أي رد.")
    (threat,) = _events(nlp, text, "THREATEN", _DAY)
    assert _sides(threat)[0] == ["irgc"]


def test_military_delegation_is_the_armed_forces(nlp):
    text = "ومن المنتظر أن يزور وفد عسكري روسي أنقرة الأسبوع المقبل لبحث الوضع في شمال سوريا."
    (visit,) = _events(nlp, text, "CONSULT", _DAY)
    actor, recipient = _sides(visit)
    assert actor == ["russian_armed_forces"]
    assert recipient == ["turkey"]


def test_plain_delegation_stays_the_state(nlp):
    # control: a delegation with no «عسكري» is still read as the state it comes from
    text = "ومن المنتظر أن يزور وفد روسي أنقرة الأسبوع المقبل لبحث الوضع في شمال سوريا."
    (visit,) = _events(nlp, text, "CONSULT", _DAY)
    assert _sides(visit)[0] == ["russia"]


def test_pluperfect_subject_before_a_long_qualifier(nlp):
    text = "وكان مجلس النواب الليبي المنعقد في مدينة طبرق قد دعا الشهر الماضي القوات المسلحة المصرية إلى التدخل."
    (request,) = _events(nlp, text, "REQUEST", _DAY)
    actor, recipient = _sides(request)
    assert actor == ["libya_house_of_representatives"]
    assert recipient == ["egyptian_army"]


def test_verb_subject_after_it_without_the_auxiliary(nlp):
    # control: with no «كان … قد» frame the group right after the verb is its subject
    text = "ودعا مجلس النواب الليبي القوات المسلحة المصرية إلى التدخل."
    (request,) = _events(nlp, text, "REQUEST", _DAY)
    assert _sides(request) == (["libya_house_of_representatives"], ["egyptian_army"])


def test_state_companies_sign_as_themselves(nlp):
    text = "ووقعت شركة النفط الوطنية الإيرانية وشركة «غازبروم» الروسية أمس مذكرة تفاهم لتطوير حقول الغاز."
    (deal,) = _events(nlp, text, "AGREE", _DAY)
    actor, recipient = _sides(deal)
    assert set(actor + recipient) == {"national_iranian_oil_company", "gazprom"}


def test_named_adviser_is_known(nlp):
    text = "ووقّع رضوان حسين، مستشار رئيس الوزراء الإثيوبي للأمن القومي، اتفاق السلام مع جيتاتشو رضا في بريتوريا."
    (deal,) = _events(nlp, text, "AGREE", "2022-11-03")
    assert "redwan_hussein" in _sides(deal)[0]


def test_a_leaders_men_are_his_group(nlp):
    text = "وأعلن يفغيني بريغوجين مساء السبت أن مقاتليه سيعودون إلى معسكراتهم."
    (retreat,) = _events(nlp, text, "RETREAT", "2023-06-24")
    assert _sides(retreat)[0] == ["wagner_group"]


def test_a_spokesmans_forces_stay_with_the_speaker(nlp):
    # control: a spokesman (no command office) announcing what «قواته» will do threatens himself
    text = "وقال المتحدث باسم الحوثيين محمد عبد السلام إن قواته ستواصل استهداف السفن الإسرائيلية."
    (threat,) = _events(nlp, text, "THREATEN", "2024-01-12")
    assert _sides(threat)[0] == ["mohammed_abdulsalam"]
