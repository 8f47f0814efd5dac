"""Seventh round: who is actor and who is recipient (strict matching).

Circumstantial support («بدعم عسكري تركي») goes to the clause's subject; a detached object pronoun
(«متهمة إياها») points back; the genitive of an apposition («حليفة دمشق») and the speaker's own
state («رفض أنقرة») are never the recipient; a direction («باتجاه الغرب») names nobody; an elided
force noun («القوات الروسية والتركية») is the other state's force; two offices of one person
(«رئيس الحركة ورئيس البرلمان … فلان») give that person. Every sentence here was written for these
tests.
"""

from __future__ import annotations

from typing import Any

from events_helpers import actor_ref, ids, make_doc, only

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon
from marsad.model import Document, Mention


def _events(doc: Document, **kw: Any) -> list[dict[str, Any]]:
    return extract_events(doc, load_lexicon(), {}, **kw)


def _mention(text: str, surface: str, aid: str, label: str, country: str | None = None,
             sector: str | None = None) -> Mention:
    s = text.index(surface)
    ref = actor_ref(aid, aid, surface)
    ref["country"], ref["sector"] = country, sector
    return Mention(s, s + len(surface), surface, label=label, actor_id=aid, extra={"ref": ref})


def test_circumstantial_military_support_goes_to_the_clause_subject():
    text = "وتواصل قوات الحكومة الليبية تقدمها نحو المدينة، بدعم عسكري مصري."
    doc = make_doc(text, actors={"قوات الحكومة الليبية": ("libyan_gov_forces", "Libyan government forces")})
    nisba = {"مصري": actor_ref("egypt", "Egypt", "مصر")}
    ev = only(extract_events(doc, load_lexicon(), nisba), "AID")
    assert ids(ev["actor"]) == ["egypt"] and ids(ev["recipient"]) == ["libyan_gov_forces"]


def test_detached_object_pronoun_points_back_to_the_party_named_before():
    text = "وقطعت البحرين علاقاتها مع قطر، متهمة إياها بالتقارب مع إيران."
    doc = make_doc(text, actors={"البحرين": ("bahrain", "Bahrain"), "قطر": ("qatar", "Qatar"),
                                 "إيران": ("iran", "Iran")})
    ev = only(_events(doc), "ACCUSE")
    assert ids(ev["actor"]) == ["bahrain"] and ids(ev["recipient"]) == ["qatar"]


def test_the_genitive_of_an_apposition_is_not_the_recipient():
    text = "وزودت موسكو، حليفة طهران منذ سنوات، الجيش الإيراني بمنظومات دفاع جوي."
    doc = make_doc(text, actors={"موسكو": ("russia", "Russia"), "طهران": ("iran", "Iran"),
                                 "الجيش الإيراني": ("iranian_army", "Iranian army")})
    ev = only(_events(doc), "AID")
    assert ids(ev["actor"]) == ["russia"] and ids(ev["recipient"]) == ["iranian_army"]


def test_the_speakers_own_state_is_not_the_one_rejected():
    text = "وجدد الرئيس الإيراني رفض طهران مشاركة الوكالة الذرية في التحقيق."
    doc = Document(doc_id="t", source="test", text=text, mentions=[
        _mention(text, "الرئيس الإيراني", "iran_president", "PERS", "IRN", "GOV"),
        _mention(text, "طهران", "iran", "GPE", "IRN", "GOV"),
        _mention(text, "الوكالة الذرية", "iaea", "ORG", None, "IGO"),
    ])
    ev = only(_events(doc), "REJECT")
    assert ids(ev["actor"]) == ["iran_president"] and ids(ev["recipient"]) == ["iaea"]


def test_a_direction_is_not_a_recipient_and_an_elided_force_noun_names_the_other_force():
    text = "سيّرت القوات الروسية والتركية دورية مشتركة انطلقت باتجاه الغرب."
    doc = Document(doc_id="t", source="test", text=text, mentions=[
        _mention(text, "القوات الروسية", "russian_armed_forces", "ORG", "RUS", "MIL"),
        _mention(text, "والتركية", "turkey", "GPE", "TUR", "GOV"),
        _mention(text, "الغرب", "western_countries", "ORG"),
    ])
    turkish = actor_ref("turkish_armed_forces", "Turkish Armed Forces", "القوات التركية")
    russian = actor_ref("russian_armed_forces", "Russian Armed Forces", "القوات الروسية")
    forces = {("قوات", "TUR"): turkish, ("قوات", "RUS"): russian}
    ev = only(_events(doc, forces=forces), "COOPERATE")
    assert ids(ev["actor"]) == ["russian_armed_forces"]
    assert ids(ev["recipient"]) == ["turkish_armed_forces"]


def test_two_offices_before_a_name_give_the_person():
    text = "اعتقلت الشرطة رئيس الحزب ورئيس البرلمان السابق كمال الهادي في منزله."
    doc = Document(doc_id="t", source="test", text=text, mentions=[
        _mention(text, "الشرطة", "police", "ORG", None, "MIL"),
        _mention(text, "رئيس الحزب", "office:president:party", "PERS"),
        _mention(text, "كمال الهادي", "kamal_al_hadi", "PERS"),
    ])
    ev = only(_events(doc), "COERCE")
    assert ids(ev["actor"]) == ["police"] and ids(ev["recipient"]) == ["kamal_al_hadi"]


def test_the_pronoun_on_an_arrest_masdar_with_its_agent_named_is_the_one_arrested():
    text = "وكانت الناشطة سلمى قد أصيبت بعد يومين من توقيفها على يد الشرطة."
    doc = make_doc(text, actors={"الناشطة سلمى": ("salma", "Salma"), "الشرطة": ("police", "police")})
    ev = only(_events(doc), "COERCE")
    assert ids(ev["actor"]) == ["police"] and ids(ev["recipient"]) == ["salma"]


def test_the_party_opening_a_threats_content_is_the_one_threatened():
    text = "وأعلن قائد الجماعة شن هجوم جديد، مهدداً بأن السعودية «ستكون الهدف التالي»."
    doc = make_doc(text, actors={"قائد الجماعة": ("group_leader", "group leader"),
                                 "السعودية": ("saudi_arabia", "Saudi Arabia")})
    ev = only(_events(doc), "THREATEN")
    assert ids(ev["actor"]) == ["group_leader"] and ids(ev["recipient"]) == ["saudi_arabia"]


def test_a_threat_whose_content_opens_with_the_speakers_own_forces_names_no_recipient():
    text = "وهدد قائد الجماعة بأن عمليات الجماعة «ستتسع»."
    doc = make_doc(text, actors={"قائد الجماعة": ("group_leader", "group leader")})
    ev = only(_events(doc), "THREATEN")
    assert ev["recipient"] == []
