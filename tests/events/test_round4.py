"""Fourth round: where statements and attacks happen, and who they are about.

A statement's place is only one fronted before it; a kind of place between a locative
preposition and the name («في العاصمة مقديشو», «بمدينة حمص») keeps the preposition; the light verb
«ردّ» with «بـ» («ردّ الجيش بقصف»); surrender is CONCEDE; a condemned attack names the accused and
a threatened attack the threatened; «طلب من X»; quotation marks do not cut a preposition from its
name; an owned advance under a light verb («تواصل تقدمها»). Every sentence here was written for
these tests.
"""

from __future__ import annotations

from events_helpers import ids, make_doc, only

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon


def _events(doc):
    return extract_events(doc, load_lexicon(), {})


# --- places -----------------------------------------------------------------------------------------


def test_a_statement_is_not_placed_where_its_topic_is():
    text = "واتهم وزير الخارجية سامي الكرمي إسرائيل بإرسال طائرات مسيرة إلى جنوب لبنان."
    doc = make_doc(text, actors={"سامي الكرمي": ("karmi", "Sami al-Karmi"), "إسرائيل": ("israel", "Israel")},
                   places={"جنوب لبنان": "South Lebanon"})
    ev = only(_events(doc), "ACCUSE")
    assert ev["location"] is None and ids(ev["recipient"]) == ["israel"]


def test_a_fronted_place_locates_a_statement():
    text = "في عمّان، حذّر وزير الخارجية سامي الكرمي إسرائيل من أي تصعيد."
    doc = make_doc(text, actors={"سامي الكرمي": ("karmi", "Sami al-Karmi"), "إسرائيل": ("israel", "Israel")},
                   places={"عمّان": "Amman"})
    events = _events(doc)
    threat = only(events, "THREATEN")
    assert threat["location"]["name_en"] == "Amman"


def test_a_kind_of_place_keeps_the_preposition():
    text = "قُتل سبعة أشخاص في هجوم شنته حركة الشباب في العاصمة مقديشو أمس."
    doc = make_doc(text, actors={"حركة الشباب": ("al_shabaab", "al-Shabaab")}, places={"مقديشو": "Mogadishu"})
    ev = only(_events(doc), "ASSAULT")
    assert ev["location"]["name_en"] == "Mogadishu"


def test_a_kind_of_place_with_a_glued_preposition():
    text = "فجّرت حركة الشباب سيارة مفخخة بمدينة بيدوا."
    doc = make_doc(text, actors={"حركة الشباب": ("al_shabaab", "al-Shabaab")}, places={"بيدوا": "Baidoa"})
    ev = only(_events(doc), "ASSAULT")
    assert ev["location"]["name_en"] == "Baidoa"


# --- lexicon ----------------------------------------------------------------------------------------


def test_responding_with_shelling_is_an_attack_by_the_responder():
    text = "وردّ الجيش الإسرائيلي بقصف مدفعي على أطراف بلدة كفركلا."
    doc = make_doc(text, actors={"الجيش الإسرائيلي": ("israeli_army", "Israel Defense Forces")})
    ev = only(_events(doc), "ASSAULT")
    assert ids(ev["actor"]) == ["israeli_army"]


def test_a_response_to_a_killing_does_not_make_the_responder_the_killer():
    text = "وقال الحرس الثوري إن العملية جاءت رداً على مقتل القائد سليم الحداد."
    doc = make_doc(text, actors={"الحرس الثوري": ("irgc", "IRGC"), "سليم الحداد": ("haddad", "Salim al-Haddad")})
    killings = [e for e in _events(doc) if e["type"] == "ASSAULT" and "irgc" in ids(e["actor"])
                and "haddad" in ids(e["recipient"])]
    assert not killings


def test_surrender_is_concede():
    text = "وأفادت الشرطة بأن عشرات من مقاتلي حركة الشباب استسلموا للجيش الصومالي."
    doc = make_doc(text, actors={"حركة الشباب": ("al_shabaab", "al-Shabaab")})
    events = _events(doc)
    assert ids(only(events, "CONCEDE")["actor"]) == ["al_shabaab"]
    assert not [e for e in events if e["type"] == "RETREAT"]


def test_an_owned_advance_under_a_light_verb_is_an_attack():
    text = "وتواصل القوات العراقية تقدمها نحو مدينة القائم بدعم من الطيران."
    doc = make_doc(text, actors={"القوات العراقية": ("iraqi_army", "Iraqi Army")})
    ev = only(_events(doc), "ASSAULT")
    assert ids(ev["actor"]) == ["iraqi_army"]


def test_the_progress_of_talks_is_no_attack():
    text = "وأشاد الوزير سامي الكرمي بالتقدم في المحادثات."
    doc = make_doc(text, actors={"سامي الكرمي": ("karmi", "Sami al-Karmi")})
    assert not [e for e in _events(doc) if e["type"] == "ASSAULT"]


# --- roles ------------------------------------------------------------------------------------------


def test_condemning_an_attack_accuses_its_perpetrator():
    text = "ودان رئيس الحكومة سامي الكرمي «الاعتداء الإسرائيلي» على البلدة."
    doc = make_doc(text, actors={"سامي الكرمي": ("karmi", "Sami al-Karmi"),
                                 "الإسرائيلي": ("israel", "Israel")})
    ev = only(_events(doc), "ACCUSE")
    assert ids(ev["actor"]) == ["karmi"] and ids(ev["recipient"]) == ["israel"]


def test_a_condemned_attack_told_before_names_the_accused():
    text = ("فجّرت حركة الشباب سيارة مفخخة قرب وزارة التعليم. "
            "ووصف الرئيس حسن عمر الهجوم بأنه «وحشي وجبان».")
    doc = make_doc(text, actors={"حركة الشباب": ("al_shabaab", "al-Shabaab"), "حسن عمر": ("omar", "Hassan Omar")})
    ev = only(_events(doc), "ACCUSE")
    assert ids(ev["actor"]) == ["omar"] and ids(ev["recipient"]) == ["al_shabaab"]


def test_a_threatened_attack_names_the_threatened():
    text = "وجدد الرئيس رجب طيب أردوغان تهديده بشن عملية عسكرية ضد «وحدات حماية الشعب»."
    doc = make_doc(text, actors={"رجب طيب أردوغان": ("erdogan", "Recep Tayyip Erdogan"),
                                 "وحدات حماية الشعب": ("ypg", "YPG")})
    ev = only(_events(doc), "THREATEN")
    assert ids(ev["actor"]) == ["erdogan"] and ids(ev["recipient"]) == ["ypg"]


def test_the_one_asked_follows_min():
    text = "ونفى الوزير أن يكون الرئيس فلاديمير بوتين قد طلب من طهران سحب قواتها."
    doc = make_doc(text, actors={"فلاديمير بوتين": ("putin", "Vladimir Putin"), "طهران": ("iran", "Iran")})
    ev = only(_events(doc), "REQUEST")
    assert ids(ev["actor"]) == ["putin"] and ids(ev["recipient"]) == ["iran"]
