"""Deployments without a sender, dates shared between records of one happening, light-verb agents."""

from __future__ import annotations

from events_helpers import ids, make_doc, only

IRANIAN_FORCES = ("iranian_forces", "Iranian forces")
HEZBOLLAH = ("hezbollah", "Hezbollah")
TURKEY = ("turkey", "Turkey")
RUSSIA = ("russia", "Russia")
ASSAD = ("bashar_al_assad", "Bashar al-Assad")
KHAMENEI = ("ali_khamenei", "Ali Khamenei")


def test_deployed_troops_after_a_masdar_are_the_actor(extract):
    text = "ويشمل الاتفاق نشر المئات من الجنود الإيرانيين في ريف حلب."
    ev = only(extract(make_doc(text, {"الجنود الإيرانيين": IRANIAN_FORCES})), "MOBILIZE")
    assert ids(ev["actor"]) == ["iranian_forces"] and ev["recipient"] == []


def test_forces_that_settle_somewhere_are_the_actor(extract):
    # «استقر» needs a military word nearby: «نقاط» sits six words after the verb
    text = "وقال إن مقاتلي حزب الله استقروا منذ نحو شهر في 3 نقاط عسكرية قرب المدينة."
    ev = only(extract(make_doc(text, {"حزب الله": HEZBOLLAH})), "MOBILIZE")
    assert ids(ev["actor"]) == ["hezbollah"]


def test_sending_reinforcements_as_a_masdar(extract):
    text = "وأعلنت أنقرة عن إرسال تعزيزات عسكرية إلى الحدود."
    ev = only(extract(make_doc(text, {"أنقرة": TURKEY})), "MOBILIZE")
    assert ids(ev["actor"]) == ["turkey"]


def test_sending_aid_is_not_a_deployment(extract):
    text = "وقالت الوزارة إن إرسال المساعدات الإنسانية إلى غزة مستمر."
    assert not [e for e in extract(make_doc(text)) if e["type"] == "MOBILIZE"]


def test_undated_restatement_takes_the_date_of_the_happening(extract):
    # two meetings of one visit (different recipients, so two records); the date is named once
    text = ("وبحث الأسد مع رئيسي العلاقات الثنائية. "
            "وكان الرئيس السوري قد التقى أمس خامنئي في طهران.")
    doc = make_doc(text, {"الأسد": ASSAD, "الرئيس السوري": ASSAD, "خامنئي": KHAMENEI,
                          "رئيسي": ("ebrahim_raisi", "Ebrahim Raisi")}, dates=[("أمس", "2022-05-08", "day")])
    events = [e for e in extract(doc) if e["type"] == "CONSULT"]
    assert len(events) == 2 and all(e["date"] == "2022-05-08" for e in events)


def test_planned_event_does_not_take_a_past_date(extract):
    text = "التقى الأسد أمس خامنئي في طهران. ومن المقرر أن يلتقي الرئيس السوري بوتين في موسكو."
    doc = make_doc(text, {"الأسد": ASSAD, "خامنئي": KHAMENEI, "الرئيس السوري": ASSAD,
                          "بوتين": ("vladimir_putin", "Vladimir Putin")}, dates=[("أمس", "2022-05-08", "day")])
    planned = [e for e in extract(doc) if e["status"] == "planned"]
    assert planned and all(e["date"] is None for e in planned)


def test_name_faisal_is_not_a_verb(extract):
    # «فيصل» spells ف+يصل («and he arrives»): read as a verb it cut the light verb يعقد off its noun
    text = ("ومن المقرر أن يعقد وزيرا الخارجية السعودي الأمير فيصل بن فرحان والإيراني حسين أمير "
            "عبد اللهيان اجتماعاً في بكين.")
    doc = make_doc(text, {"الأمير فيصل بن فرحان": ("faisal_bin_farhan", "Faisal bin Farhan"),
                          "حسين أمير عبد اللهيان": ("hossein_amir_abdollahian", "Hossein Amir-Abdollahian")})
    ev = only(extract(doc), "CONSULT")
    assert ev["status"] == "planned" and ev["trigger"]["text"] == "اجتماعاً"
    assert ids(ev["actor"]) == ["faisal_bin_farhan"] and ids(ev["recipient"]) == ["hossein_amir_abdollahian"]


def test_light_verb_without_subject_leaves_the_nisba_mention_as_agent(extract):
    text = "وأكد أن التنسيق الروسي وصل إلى أعلى مستوياته."
    doc = make_doc(text, {"التنسيق الروسي": RUSSIA})
    ev = only(extract(doc), "COOPERATE")
    assert ids(ev["actor"]) == ["russia"]
