"""Fifth iteration: precision rules (agreements referred back to, cooperation as a purpose)."""

from __future__ import annotations

from events_helpers import ids, make_doc

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon

ACTORS = {"مصر": ("egypt", "Egypt"), "الأردن": ("jordan", "Jordan"), "العراق": ("iraq", "Iraq"),
          "تونس": ("tunisia", "Tunisia"), "الجزائر": ("algeria", "Algeria")}


def _events(text: str, etype: str) -> list[dict]:
    actors = {k: v for k, v in ACTORS.items() if k in text}
    return [e for e in extract_events(make_doc(text, actors=actors), load_lexicon(), {}) if e["type"] == etype]


def test_welcoming_the_agreement_is_not_a_second_agreement():
    # the later name («العراق») would otherwise become the actor of a second, spurious agreement
    text = ("وقّعت مصر والأردن اتفاقاً للتبادل التجاري في عمّان. "
            "ورحّب الأمين العام للجامعة العربية بالاتفاق، فيما قال العراق إنه يدرس الانضمام إليه.")
    agree = _events(text, "AGREE")
    assert len(agree) == 1
    assert "egypt" in ids(agree[0]["actor"]) + ids(agree[0]["recipient"])


def test_definite_agreement_noun_alone_still_counts():
    # with no earlier agreement in the article, «الاتفاق» is the only mention of it: kept
    text = "ورحّب العراق بالاتفاق بين مصر والأردن."
    assert _events(text, "AGREE")


def test_cooperation_as_purpose_of_another_noun_is_not_cooperation():
    text = "ووقّعت تونس والجزائر اتفاقيات للتعاون في مجال الطاقة."
    assert _events(text, "COOPERATE") == []
    assert _events(text, "AGREE")


def test_cooperation_verb_still_counts():
    text = "وتعاونت تونس والجزائر في ضبط الحدود المشتركة."
    assert _events(text, "COOPERATE")


def test_visit_referred_back_is_not_a_new_visit():
    # «الزيارة» after the meeting was reported: the name after it is the topic, not a visitor
    text = ("التقى وزير خارجية مصر نظيره الأردني في عمّان. "
            "وأشار إلى أن الزيارة تعكس رغبة العراق في تهدئة الحدود.")
    consult = _events(text, "CONSULT")
    assert len(consult) == 1
    assert ids(consult[0]["actor"]) == ["egypt"]


def test_article_never_takes_a_possessive_event_noun():
    # «التفاوضي» is the adjective (negotiating), not «تفاوض» + «ي» (my negotiation)
    from marsad.events.text import split_words
    lex = load_lexicon()
    words = split_words("وعاد المسار التفاوضي بين مصر والأردن إلى الواجهة.", 0)
    assert not [m for m in lex.match(words) if m.trigger.type == "CONSULT"]
    words = split_words("وبدأت مفاوضاتهم في القاهرة.", 0)
    assert lex.noun(words[1].norm) is not None  # a possessive without the article still counts


def test_ministry_is_not_a_visit():
    # «وزارة» spells و + زار + ـه («and he visited him»), but is the ministry
    text = "وقال متحدث باسم وزارة الخارجية في مصر إن الأردن شريك أساسي."
    assert _events(text, "CONSULT") == []


def test_reaching_a_level_or_amount_is_not_an_arrival():
    text = "وقال العراق إن التنسيق مع الأردن وصل إلى أعلى مستوياته."
    assert _events(text, "CONSULT") == []
    text = "ووقّعت مصر والأردن عقوداً قد تصل قيمتها إلى ثلاثة مليارات دولار."
    assert _events(text, "CONSULT") == []
    # a visitor who arrives is still a visit
    assert _events("ووصل وزير خارجية مصر إلى الأردن في زيارة رسمية.", "CONSULT")


def test_never_trigger_name_lieberman():
    # «ليبرمان» spells ل + يبرم + ان («to conclude», AGREE/sign), but is a surname
    from marsad.events.text import split_words
    words = split_words("وهدد وزير الدفاع أفيغدور ليبرمان بالرد.", 0)
    assert not [m for m in load_lexicon().match(words) if m.trigger.type == "AGREE"]


def test_headline_meeting_in_the_country_merges_with_the_meeting_in_its_capital():
    # headline «في الأردن», body «في عمّان»: one meeting, placed in the city
    text = ("سامح شكري يلتقي الملك عبد الله لبحث الحدود في الأردن. "
            "والتقى وزير الخارجية المصري العاهل الأردني في عمّان أمس.")
    doc = make_doc(text, actors={"سامح شكري": ("sameh_shoukry", "Sameh Shoukry"),
                                 "وزير الخارجية المصري": ("sameh_shoukry", "Sameh Shoukry"),
                                 "الملك عبد الله": ("abdullah_ii", "Abdullah II"),
                                 "العاهل الأردني": ("abdullah_ii", "Abdullah II")},
                   places={"عمّان": "Amman"})
    for m in doc.mentions:
        if m.label == "LOC":
            m.extra["location"].update(country="JOR", lat=31.95, lon=35.93, geonames_id=250441)
    jordan = {"name_en": "Jordan", "name_ar": "الأردن", "geonames_id": None, "country": "JOR", "lat": None,
              "lon": None, "text": "الأردن"}
    start = text.index("في الأردن") + 3
    from marsad.model import Mention
    doc.mentions.append(Mention(start, start + len("الأردن"), "الأردن", label="LOC", place_id="Jordan",
                                extra={"location": jordan}))
    doc.mentions.sort(key=lambda m: m.start)
    consult = [e for e in extract_events(doc, load_lexicon(), {}) if e["type"] == "CONSULT"]
    assert len(consult) == 1
    assert consult[0]["location"]["name_en"] == "Amman"


def test_what_is_asked_for_is_not_a_happening():
    text = "ودعت مصر الأردن إلى رفع العقوبات المفروضة على العراق."
    assert _events(text, "REQUEST")
    assert _events(text, "RETREAT") == []


def test_what_is_threatened_is_not_a_happening():
    text = "وهددت أنقرة بشن هجوم على «وحدات حماية الشعب» في منبج."
    doc = make_doc(text, actors={"أنقرة": ("turkey", "Turkey"), "وحدات حماية الشعب": ("ypg", "YPG")})
    events = extract_events(doc, load_lexicon(), {})
    assert [e["type"] for e in events] == ["THREATEN"]
    # the same attack, reported as done, is an event
    doc = make_doc("وشنت أنقرة هجوماً على «وحدات حماية الشعب» في منبج.",
                   actors={"أنقرة": ("turkey", "Turkey"), "وحدات حماية الشعب": ("ypg", "YPG")})
    assert [e["type"] for e in extract_events(doc, load_lexicon(), {})] == ["ASSAULT"]


def test_popular_mobilization_is_a_name():
    text = "وقال قيادي في الحشد الشعبي إن العراق لن يتراجع."
    assert _events(text, "MOBILIZE") == []
