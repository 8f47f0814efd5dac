"""Eighth iteration: clause attachment (coordinated verbs, «أن» + noun, relative «قام بها»,
«إلى جانب»), masdar readings of verb homographs, quoted names inside a light-verb clause, the
light verbs «تبنى/شارك», one span naming two states, the speaker of a participle, and a
person speaking for «بلاده»."""

from __future__ import annotations

from events_helpers import ids, make_doc, only

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon

IRAN = {"id": "iran", "name_en": "Iran", "name_ar": "إيران", "wikidata": None, "country": "IRN",
        "sector": "GOV", "role": None, "text": None}


def _events(doc, **kw):
    return extract_events(doc, load_lexicon(), {}, **kw)


def test_coordinated_meeting_keeps_its_object_before_a_later_comma_phrase():
    text = ("وكان الرئيس السوري بشار الأسد قد زار طهران قبل يومين، والتقى المرشد علي خامنئي والرئيس "
            "إبراهيم رئيسي، في ثاني زيارة له إلى إيران.")
    doc = make_doc(text, actors={"الرئيس السوري بشار الأسد": ("assad", "Assad"), "طهران": ("iran", "Iran"),
                                 "المرشد علي خامنئي": ("khamenei", "Khamenei"),
                                 "والرئيس إبراهيم رئيسي": ("raisi", "Raisi", "إبراهيم رئيسي"), "إيران": ("iran", "Iran")})
    meet = [e for e in _events(doc) if e["type"] == "CONSULT" and e["mode"] == "meet"]
    assert len(meet) == 1
    assert ids(meet[0]["actor"]) == ["assad"]
    assert ids(meet[0]["recipient"]) == ["khamenei", "raisi"]


def test_noun_right_after_complementizer_is_not_the_speakers():
    text = "وأعلن المندوب الروسي لدى الأمم المتحدة أن اتفاقاً جرى التوصل إليه لإجلاء المقاتلين."
    doc = make_doc(text, actors={"المندوب الروسي": ("russian_envoy", "Russian envoy"),
                                 "الأمم المتحدة": ("un", "UN")})
    # before: the light verb «أعلن» reached over «أن» and made the envoy the agreement's party
    assert not any("russian_envoy" in ids(e["actor"]) for e in _events(doc) if e["type"] == "AGREE")


def test_one_span_naming_two_states_gives_both_sides():
    text = "وتقول الوكالة إن التنسيق الروسي الإيراني بلغ أعلى مستوياته في سوريا."
    doc = make_doc(text, actors={"التنسيق الروسي الإيراني": ("russia", "Russia")})
    # the recogniser marks the same span for both states
    extra = doc.mentions[0]
    from marsad.model import Mention
    doc.mentions.append(Mention(extra.start, extra.end, extra.text, label="GPE", actor_id="iran",
                                extra={"ref": dict(extra.extra["ref"], id="iran", name_en="Iran")}))
    coop = only(_events(doc), "COOPERATE")
    assert ids(coop["actor"]) == ["russia"]
    assert ids(coop["recipient"]) == ["iran"]


def test_visit_in_a_relative_clause_with_the_pronoun_on_the_preposition():
    text = "جاءت القمة بعد أيام من زيارة قام بها وزير الدفاع الروسي إلى العاصمة الإيرانية."
    doc = make_doc(text, actors={"وزير الدفاع الروسي": ("shoigu", "Sergei Shoigu")})
    visit = only(_events(doc), "CONSULT")
    assert ids(visit["actor"]) == ["shoigu"]


def test_perfect_after_a_present_verb_is_a_masdar():
    text = "وتقول الوكالة إن الاتفاق لدعم الأسد يشمل نشر المئات من الجنود الإيرانيين في سوريا."
    doc = make_doc(text, actors={"الأسد": ("assad", "Assad"), "الجنود الإيرانيين": ("iranian_forces", "Iranian forces")})
    mob = only(_events(doc), "MOBILIZE")
    assert ids(mob["actor"]) == ["iranian_forces"]


def test_quoted_name_inside_a_light_verb_clause():
    text = "وأعلن تنظيم «داعش» مسؤوليته عن التفجير في بيان على مواقع التواصل الاجتماعي."
    doc = make_doc(text, actors={"داعش": ("isis", "ISIS")})
    attack = only(_events(doc), "ASSAULT")
    assert ids(attack["actor"]) == ["isis"]


def test_claiming_an_attack_names_its_actor():
    text = "تبنت جماعة الحوثيين الهجوم الذي استهدف منشأتين نفطيتين في السعودية."
    doc = make_doc(text, actors={"جماعة الحوثيين": ("houthis", "Houthis")})
    attack = [e for e in _events(doc) if e["type"] == "ASSAULT"]
    assert attack and ids(attack[0]["actor"]) == ["houthis"]


def test_companion_after_ila_janib_is_not_the_subject():
    text = ("وكان عبد الفتاح السيسي والعاهل الأردني عبد الله الثاني إلى جانب ولي عهد أبوظبي قد زاروا "
            "موسكو الشهر الماضي.")
    doc = make_doc(text, actors={"عبد الفتاح السيسي": ("sisi", "Sisi"),
                                 "والعاهل الأردني عبد الله الثاني": ("abdullah", "Abdullah II", "عبد الله الثاني"),
                                 "ولي عهد أبوظبي": ("mbz", "Mohammed bin Zayed"), "موسكو": ("russia", "Russia")})
    visit = only(_events(doc), "CONSULT")
    assert "sisi" in ids(visit["actor"])


def test_participle_subject_is_the_speaker():
    text = "وقال لافروف إن روسيا تدعم العودة الكاملة إلى الاتفاق، داعياً واشنطن إلى رفع العقوبات."
    doc = make_doc(text, actors={"لافروف": ("lavrov", "Sergey Lavrov"), "روسيا": ("russia", "Russia"),
                                 "واشنطن": ("usa", "United States")})
    request = only(_events(doc), "REQUEST")
    assert ids(request["actor"]) == ["lavrov"]
    assert ids(request["recipient"]) == ["usa"]


def test_person_speaking_for_his_country_is_named_with_it():
    text = "وقال روحاني في المؤتمر الصحفي إن بلاده ستواصل دعم الحكومة السورية."
    doc = make_doc(text, actors={"روحاني": ("rouhani", "Hassan Rouhani"), "الحكومة السورية": ("syria", "Syria")})
    doc.mentions[0].extra["ref"]["country"] = "IRN"
    support = only(_events(doc, states={"IRN": IRAN}), "SUPPORT")
    assert ids(support["actor"]) == ["iran", "rouhani"]
    assert ids(support["recipient"]) == ["syria"]
