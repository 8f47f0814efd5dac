"""Actor, recipient, location and date assignment with hand-made mentions."""

from __future__ import annotations

from events_helpers import ids, make_doc, only

from marsad.events.arguments import date_fields
from marsad.model import TimeExpression

RUSSIA = ("russia", "Russia")
SYRIA = ("syria", "Syria")


def test_vso_actor_and_prepositional_recipient_with_location_and_date(extract):
    doc = make_doc(
        "التقى وزير الدفاع الروسي سيرغي شويغو الثلاثاء بالرئيس السوري بشار الأسد في دمشق.",
        actors={"وزير الدفاع الروسي سيرغي شويغو": ("shoigu", "Sergei Shoigu"),
                "بالرئيس السوري بشار الأسد": ("assad", "Bashar al-Assad")},
        places={"دمشق": "Damascus"},
        dates=[("الثلاثاء", "2017-09-12", "day")])
    ev = only(extract(doc), "CONSULT")
    assert ev["mode"] == "meet" and ev["cameo"] == "040"
    assert ids(ev["actor"]) == ["shoigu"]
    assert ids(ev["recipient"]) == ["assad"]
    assert ev["location"]["name_en"] == "Damascus"
    assert (ev["date"], ev["date_precision"], ev["date_text"]) == ("2017-09-12", "day", "الثلاثاء")
    assert ev["actor"][0]["text"] == "وزير الدفاع الروسي سيرغي شويغو"


def test_svo_actor_before_verb_and_direct_object(extract):
    doc = make_doc("وكانت روسيا قد قصفت مواقع تنظيم داعش قرب تدمر.",
                   actors={"روسيا": RUSSIA, "تنظيم داعش": ("isis", "Islamic State")},
                   places={"تدمر": "Palmyra"})
    ev = only(extract(doc), "ASSAULT")
    assert ids(ev["actor"]) == ["russia"]
    assert ids(ev["recipient"]) == ["isis"]
    assert ev["location"]["name_en"] == "Palmyra"


def test_coordinated_actors_form_one_group(extract):
    doc = make_doc("وقّعت روسيا وإيران اتفاقاً للتعاون العسكري مع سوريا.",
                   actors={"روسيا": RUSSIA, "وإيران": ("iran", "Iran", "إيران"), "سوريا": SYRIA})
    ev = only(extract(doc), "AGREE")
    assert ids(ev["actor"]) == ["russia", "iran"]
    assert ids(ev["recipient"]) == ["syria"]


def test_passive_with_agent_marker(extract):
    doc = make_doc("اغتيل الصحفي سمير قصير على يد مسلحين مجهولين في بيروت.",
                   actors={"الصحفي سمير قصير": ("samir_kassir", "Samir Kassir"),
                           "مسلحين مجهولين": ("unknown_gunmen", "Unknown gunmen")},
                   places={"بيروت": "Beirut"})
    ev = only(extract(doc), "ASSAULT")
    assert ev["mode"] == "assassinate"
    assert ids(ev["recipient"]) == ["samir_kassir"]
    assert ids(ev["actor"]) == ["unknown_gunmen"]
    assert ev["location"]["name_en"] == "Beirut"


def test_number_after_verb_reads_as_passive_victims(extract):
    doc = make_doc("قتل 14 جندياً من الجيش العراقي بنيران تنظيم داعش.",
                   actors={"الجيش العراقي": ("iraqi_army", "Iraqi Army"), "تنظيم داعش": ("isis", "ISIS")})
    ev = only(extract(doc), "ASSAULT")
    assert ids(ev["actor"]) == ["isis"]
    assert ids(ev["recipient"]) == ["iraqi_army"]
    assert ev["quantities"] == {"killed": 14}


def test_noun_trigger_genitive_agent_and_destination(extract):
    doc = make_doc("جاءت زيارة الرئيس الروسي إلى طهران بعد أشهر من التحضير.",
                   actors={"الرئيس الروسي": ("putin", "Vladimir Putin")}, places={"طهران": "Tehran"})
    ev = only(extract(doc), "CONSULT")
    assert ev["mode"] == "visit"
    assert ids(ev["actor"]) == ["putin"]
    assert ev["location"]["name_en"] == "Tehran"


def test_patient_noun_takes_its_genitive_as_recipient(extract):
    doc = make_doc("أعلنت الشرطة اعتقال الناشط علاء عبد الفتاح في القاهرة.",
                   actors={"الشرطة": ("egypt_police", "Egyptian police"),
                           "الناشط علاء عبد الفتاح": ("alaa", "Alaa Abd El-Fattah")},
                   places={"القاهرة": "Cairo"})
    ev = only(extract(doc), "COERCE")
    assert ids(ev["recipient"]) == ["alaa"]
    assert ids(ev["actor"]) == ["egypt_police"]  # the light verb أعلن gives the subject


def test_light_verb_gives_subject_of_noun_trigger(extract):
    doc = make_doc("شنت الطائرات الإسرائيلية غارات على مطار دمشق الدولي.",
                   actors={"الطائرات الإسرائيلية": ("israeli_air_force", "Israeli Air Force")},
                   places={"مطار دمشق الدولي": "Damascus International Airport"})
    ev = only(extract(doc), "ASSAULT")
    assert ev["mode"] == "aerial"
    assert ids(ev["actor"]) == ["israeli_air_force"]
    assert ev["location"]["name_en"] == "Damascus International Airport"


def test_between_splits_actor_and_recipient(extract):
    doc = make_doc("عقدت محادثات بين روسيا وتركيا في أنقرة.",
                   actors={"روسيا": RUSSIA, "وتركيا": ("turkey", "Turkey", "تركيا")}, places={"أنقرة": "Ankara"})
    ev = only(extract(doc), "CONSULT")
    assert ids(ev["actor"]) == ["russia"]
    assert ids(ev["recipient"]) == ["turkey"]


def test_no_date_in_sentence_means_null_not_publication_date(extract):
    doc = make_doc("زار الوزير بغداد.", actors={"الوزير": ("minister", "Minister")}, places={"بغداد": "Baghdad"})
    doc.published = "2020-01-01"
    ev = only(extract(doc), "CONSULT")
    assert ev["date"] is None and ev["date_precision"] is None


def test_unlinked_name_is_kept_with_null_id(extract):
    from marsad.model import Document, Mention
    text = "هاجم مسلحون حاجزاً للجيش."
    m = Mention(text.index("مسلحون"), text.index("مسلحون") + len("مسلحون"), "مسلحون", label="ORG")
    ev = only(extract(Document("u", "t", text=text, mentions=[m])), "ASSAULT")
    assert ev["actor"][0]["id"] is None and ev["actor"][0]["text"] == "مسلحون"


def _t(value: str, precision: str) -> TimeExpression:
    return TimeExpression(0, 1, "x", value=value, precision=precision, kind="relative")


def test_date_precision_mapping():
    assert date_fields(_t("2016-05", "month"))[:2] == ("2016-05", "month")
    assert date_fields(_t("2015", "year"))[:2] == ("2015", "year")
    # a week inside one month → that month; one across months → the month of most of its days
    # (its middle day), never a made-up day
    assert date_fields(_t("2015-09-07", "week"))[:2] == ("2015-09", "month")
    assert date_fields(_t("2015-09-28", "week"))[:2] == ("2015-10", "month")
    assert date_fields(_t("2015-09-25", "week"))[:2] == ("2015-09", "month")
    assert date_fields(_t("2022-04-30/2022-05-06", "interval"))[:2] == ("2022-05", "month")
    # a longer interval across months stays at the year
    assert date_fields(_t("2015-09-20/2015-10-20", "interval"))[:2] == ("2015", "year")
    assert date_fields(_t("2015-03-01/2015-03-10", "interval"))[:2] == ("2015-03", "month")
    assert date_fields(None) == (None, None, None)
