"""Roles round 2: recipients, targets and places (issue 6, strict F1 and location accuracy).

Every sentence here was written for these tests.
"""

from __future__ import annotations

from typing import Any

from events_helpers import actor_ref, ids, make_doc, place_ref

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon
from marsad.model import Document, Mention


def _events(doc: Document) -> list[dict[str, Any]]:
    return extract_events(doc, load_lexicon(), {})


def _of(doc: Document, type_: str) -> list[dict[str, Any]]:
    return [e for e in _events(doc) if e["type"] == type_]


def test_conjunction_on_a_preposition_word_still_governs_the_place():
    # «وفي الموصل،»: the و is the conjunction; the place is still governed by في
    text = "وفي الموصل، التقى وزير الدفاع العراقي قائد العمليات المشتركة، أمس."
    doc = make_doc(text, actors={"وزير الدفاع العراقي": ("iq_mod", "Iraqi defence minister"),
                                 "قائد العمليات المشتركة": ("jo_cmd", "Joint operations commander")},
                   places={"الموصل": "Mosul"})
    (meet,) = _of(doc, "CONSULT")
    assert ids(meet["actor"]) == ["iq_mod"]
    assert ids(meet["recipient"]) == ["jo_cmd"]
    assert meet["location"]["name_en"] == "Mosul"


def test_statement_takes_no_place_from_an_earlier_clause():
    # the accusation is made somewhere unstated: Idlib is where the soldiers were killed
    text = "وقُتل جنود في قصف على مواقعهم جنوبي إدلب، اتهمت أنقرة دمشق بتنفيذه."
    doc = make_doc(text, actors={"أنقرة": ("turkey", "Turkey"), "دمشق": ("syria", "Syria")},
                   places={"إدلب": "Idlib"})
    (accuse,) = _of(doc, "ACCUSE")
    assert ids(accuse["actor"]) == ["turkey"]
    assert accuse["location"] is None


def test_speech_act_with_no_venue_has_no_place():
    text = "وحذّرت طهران واشنطن من أي تصعيد في الخليج."
    doc = make_doc(text, actors={"طهران": ("iran", "Iran"), "واشنطن": ("usa", "United States")},
                   places={"الخليج": "Persian Gulf"})
    (warn,) = [e for e in _events(doc) if e["type"] in ("THREATEN", "ACCUSE", "REQUEST")]
    assert warn["location"] is None


def test_statement_in_a_fronted_place_phrase_is_placed_there():
    text = "وفي عمّان، التقى الوزير الإيراني نظيره الأردني، وحذّر من توسع الحرب."
    doc = make_doc(text, actors={"الوزير الإيراني": ("ir_fm", "Iranian foreign minister"),
                                 "نظيره الأردني": ("jo_fm", "Jordanian foreign minister")},
                   places={"عمّان": "Amman"})
    events = _events(doc)
    warn = next(e for e in events if e["type"] == "THREATEN")
    assert warn["location"]["name_en"] == "Amman"
    meet = next(e for e in events if e["type"] == "CONSULT")
    assert meet["location"]["name_en"] == "Amman"


def _with_city(doc: Document, surface: str, state: str, name_en: str) -> Document:
    """Add a capital named as an actor (metonym) that is also a gazetteer place."""
    s = doc.text.index(surface)
    ref = actor_ref(state, state.title(), surface)
    loc = place_ref(name_en, surface)
    doc.mentions = sorted([*doc.mentions, Mention(s, s + len(surface), surface, label="GPE", actor_id=state,
                                                  place_id="gn:1", extra={"ref": ref, "location": loc})],
                          key=lambda m: m.start)
    return doc


def test_host_city_is_the_venue_and_the_first_party_the_actor():
    text = "استضافت الدوحة أمس قمة ثلاثية جمعت أمير قطر والرئيس التركي والرئيس الإيراني."
    doc = _with_city(make_doc(text, actors={"أمير قطر": ("tamim", "Tamim bin Hamad"),
                                            "الرئيس التركي": ("erdogan", "Erdogan"),
                                            "الرئيس الإيراني": ("raisi", "Raisi")}),
                     "الدوحة", "qatar", "Doha")
    host = next(e for e in _events(doc) if e["type"] == "CONSULT" and e["mode"] == "host")
    assert host["location"]["name_en"] == "Doha"
    assert ids(host["actor"]) == ["tamim"]
    assert "erdogan" in ids(host["recipient"])


def test_city_after_a_summit_noun_is_its_venue():
    text = "وتناولت قمة الرياض ملف الحرب في السودان."
    doc = _with_city(make_doc(text), "الرياض", "saudi_arabia", "Riyadh")
    for e in _of(doc, "CONSULT"):
        assert "saudi_arabia" not in ids(e["actor"])


def test_topic_of_a_joint_happening_is_not_the_other_party():
    text = "وتجري روسيا والولايات المتحدة مشاورات مكثفة للتوصل إلى تفاهم على وقف القتال، يستثني تنظيم داعش."
    doc = make_doc(text, actors={"روسيا": ("russia", "Russia"), "والولايات المتحدة": ("usa", "United States", "الولايات المتحدة"),
                                 "تنظيم داعش": ("isis", "ISIS")})
    talks = next(e for e in _events(doc) if e["type"] == "CONSULT")
    assert ids(talks["actor"]) == ["russia"]
    assert ids(talks["recipient"]) == ["usa"]


def test_the_name_ali_is_not_a_topic_preposition():
    text = "التقى وزير الخارجية الروسي، أمس في موسكو، علي لاريجاني مستشار المرشد الإيراني."
    doc = make_doc(text, actors={"وزير الخارجية الروسي": ("lavrov", "Sergei Lavrov"),
                                 "علي لاريجاني": ("larijani", "Ali Larijani")})
    (meet,) = _of(doc, "CONSULT")
    assert ids(meet["recipient"]) == ["larijani"]


def test_city_is_preferred_to_the_country_that_holds_it():
    text = "وكان الرئيس السوري قد زار طهران، والتقى المرشد الأعلى، في ثاني زيارة له إلى إيران."
    doc = make_doc(text, actors={"الرئيس السوري": ("assad", "Bashar al-Assad"),
                                 "المرشد الأعلى": ("khamenei", "Ali Khamenei")})
    tehran, iran = text.index("طهران"), text.index("إيران")
    doc.mentions = sorted([
        *doc.mentions,
        # the capital as the visit's object is read as the state (a metonym) and as the place
        Mention(tehran, tehran + 5, "طهران", label="GPE", actor_id="iran", place_id="gn:112931",
                extra={"ref": actor_ref("iran", "Iran", "طهران"),
                       "location": dict(place_ref("Tehran", "طهران"), country="IRN")}),
        Mention(iran, iran + 5, "إيران", label="GPE", actor_id="iran", place_id="country:IRN",
                extra={"ref": actor_ref("iran", "Iran", "إيران"),
                       "location": dict(place_ref("Iran", "إيران"), country="IRN")}),
    ], key=lambda m: m.start)
    meet = next(e for e in _events(doc) if e["type"] == "CONSULT" and ids(e["recipient"]) == ["khamenei"])
    assert meet["location"]["name_en"] == "Tehran"
