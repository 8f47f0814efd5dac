"""Second round on missed events and wrong types: possessive force nouns, nested mentions, the
masdar reading of «دعماً», support given by a military act, purpose and agreement-content actors,
one event per place, owned deployment nouns, split verb phrases, nominal-sentence threats, and
status/date cues (analyst sources, negation over light words, scope of reported speech, «وفق ما
نقل», responsibility claims, weeks across two months, ongoing relative clauses)."""

from __future__ import annotations

from events_helpers import actor_ref, ids, make_doc, only

from marsad.events import extract_events
from marsad.events.arguments import StateIndex
from marsad.events.lexicon import load_lexicon
from marsad.events.text import norm_word
from marsad.model import Mention


def _state(iso3: str, sid: str, name: str) -> dict:
    return {"id": sid, "name_en": name, "name_ar": None, "wikidata": None, "country": iso3, "sector": "GOV",
            "role": None, "text": None}


TURKEY = _state("TUR", "turkey", "Turkey")
IRAN = _state("IRN", "iran", "Iran")
IRAQ = _state("IRQ", "iraq", "Iraq")
RUSSIA = _state("RUS", "russia", "Russia")
TURKISH_AIR = {"id": "turkish_air_force", "name_en": "Turkish Air Force", "name_ar": None, "wikidata": None,
               "country": "TUR", "sector": "MIL", "role": None, "text": None}


def _events(doc, nisba=None, states=None):
    return extract_events(doc, load_lexicon(), nisba or {}, states=states)


def _with_country(doc, surface: str, country: str, sector: str = "GOV") -> None:
    for m in doc.mentions:
        if m.text == surface:
            m.extra["ref"]["country"] = country
            m.extra["ref"]["sector"] = sector


# --- participants -------------------------------------------------------------------------------


def test_possessive_force_noun_is_the_owners_air_force():
    text = "في المقابل، نفت رئاسة الأركان التركية أن تكون مقاتلاتها قد شنت غارات على القرى الحدودية."
    doc = make_doc(text, actors={"رئاسة الأركان التركية": ("turkish_general_staff", "Turkish General Staff")})
    _with_country(doc, "رئاسة الأركان التركية", "TUR")
    states = StateIndex({"TUR": TURKEY})
    states.forces = {("مقاتلات", "TUR"): TURKISH_AIR}
    ev = only(_events(doc, states=states), "ASSAULT")
    assert ids(ev["actor"]) == ["turkish_air_force"]
    assert ev["status"] == "negated"


def test_possessive_force_noun_without_a_force_entry_falls_back_to_the_state():
    text = "وأكدت وزارة الخارجية الإيرانية أن قواتها قصفت مواقع المسلحين قرب الحدود."
    doc = make_doc(text, actors={"وزارة الخارجية الإيرانية": ("iran_mfa", "Iranian Foreign Ministry")})
    _with_country(doc, "وزارة الخارجية الإيرانية", "IRN")
    ev = only(_events(doc, states=StateIndex({"IRN": IRAN})), "ASSAULT")
    assert ids(ev["actor"]) == ["iran"]


def test_a_state_inside_a_persons_title_is_not_the_subject():
    text = "وكان الرئيس المصري عبد الفتاح السيسي إلى جانب أمير قطر تميم بن حمد قد زاروا باريس الشهر الماضي."
    doc = make_doc(text, actors={"الرئيس المصري عبد الفتاح السيسي": ("sisi", "Sisi"),
                                 "أمير قطر تميم بن حمد": ("tamim", "Tamim bin Hamad")})
    # the recogniser also marks «قطر» inside the emir's title
    s = text.index("قطر")
    doc.mentions.append(Mention(s, s + 3, "قطر", label="GPE", actor_id="qatar",
                                extra={"ref": actor_ref("qatar", "Qatar", "قطر")}))
    doc.mentions.sort(key=lambda m: m.start)
    visit = only(_events(doc), "CONSULT")
    assert "qatar" not in ids(visit["actor"]) + ids(visit["recipient"])
    assert ids(visit["actor"]) == ["sisi"]


def test_accusative_masdar_after_a_military_act_is_military_aid_by_its_owner():
    text = "وجاء التدخل التركي في شمال العراق دعماً للقوات المحلية هناك."
    doc = make_doc(text, actors={"للقوات المحلية": ("local_forces", "Local forces")})
    ev = only(_events(doc, nisba={norm_word("التركي"): TURKEY}), "AID")
    assert ev["mode"] == "military"
    assert ids(ev["actor"]) == ["turkey"]
    assert ids(ev["recipient"]) == ["local_forces"]


def test_dual_perfect_spelling_before_li_is_the_masdar():
    text = "خرج سكان المدينة في مسيرة حاشدة دعما للمعتقلين في السجون."
    doc = make_doc(text, actors={"للمعتقلين": ("detainees", "Detainees")})
    sup = [e for e in extract_events(doc, load_lexicon(), {}, keep_features=True) if e["trigger"]["text"] == "دعما"]
    # «دعما» = "they both supported" as a verb; before «لـ» it is the masdar «دعماً»
    assert sup and sup[0]["type"] == "SUPPORT" and sup[0]["_features"]["verbal"] == 0.0
    assert "detainees" in ids(sup[0]["recipient"])


def test_purpose_phrase_takes_the_forces_named_before_it():
    text = "ونقلت الوكالة أن الجيش العراقي حشد آلاف الجنود قرب الموصل، استعداداً لهجوم واسع على المسلحين."
    doc = make_doc(text, actors={"الجيش العراقي": ("iraqi_army", "Iraqi Army")})
    attacks = [e for e in _events(doc) if e["type"] == "ASSAULT"]
    assert attacks and ids(attacks[0]["actor"]) == ["iraqi_army"]
    assert attacks[0]["status"] == "planned"


def test_what_an_agreement_provides_for_is_done_by_its_parties_and_planned():
    text = "وقالت المصادر إن الاتفاق الإيراني العراقي يتضمن إنشاء غرفة عمليات مشتركة في بغداد."
    doc = make_doc(text, places={"بغداد": "Baghdad"})
    coop = only(_events(doc, nisba={norm_word("الإيراني"): IRAN, norm_word("العراقي"): IRAQ}), "COOPERATE")
    assert set(ids(coop["actor"] + coop["recipient"])) == {"iran", "iraq"}
    assert coop["status"] == "planned"


def test_owned_deployment_noun_takes_the_group_before_it():
    text = "وتحدث السكان عن وصول القوات الروسية إلى المنطقة واستقرارها في منبج وتل رفعت."
    doc = make_doc(text, actors={"القوات الروسية": ("russian_armed_forces", "Russian Armed Forces")},
                   places={"منبج": "Manbij", "تل رفعت": "Tell Rifaat"})
    mob = [e for e in _events(doc) if e["type"] == "MOBILIZE"]
    # one deployment per place (gold convention), both by the Russian forces
    assert sorted(e["location"]["name_en"] for e in mob) == ["Manbij", "Tell Rifaat"]
    assert all(ids(e["actor"]) == ["russian_armed_forces"] for e in mob)


def test_stability_is_not_a_deployment():
    text = "وأكد الوزير أن القوات المسلحة حريصة على الاستقرار في المنطقة."
    doc = make_doc(text, actors={"القوات المسلحة": ("armed_forces", "Armed forces")})
    assert not [e for e in _events(doc) if e["type"] == "MOBILIZE"]


def test_one_strike_event_per_coordinated_place():
    text = "شنت الطائرات الحربية الروسية غارات على معرة النعمان وسراقب."
    doc = make_doc(text, actors={"الطائرات الحربية الروسية": ("russian_air_force", "Russian Air Force")},
                   places={"معرة النعمان": "Maarat al-Numan", "سراقب": "Saraqib"})
    strikes = [e for e in _events(doc) if e["type"] == "ASSAULT"]
    assert sorted(e["location"]["name_en"] for e in strikes) == ["Maarat al-Numan", "Saraqib"]


def test_verb_phrase_split_by_its_subject():
    text = "ورفع الجيش الأردني حالة التأهب على الحدود الشمالية."
    doc = make_doc(text, actors={"الجيش الأردني": ("jordanian_army", "Jordanian Army")})
    mob = only(_events(doc), "MOBILIZE")
    assert ids(mob["actor"]) == ["jordanian_army"]


def test_ready_to_respond_is_a_threat_by_the_subject_before_it():
    text = "وشدد المتحدث على أن الحرس الثوري جاهز للرد على أي اعتداء."
    doc = make_doc(text, actors={"الحرس الثوري": ("irgc", "IRGC")})
    threat = only(_events(doc), "THREATEN")
    assert ids(threat["actor"]) == ["irgc"]


def test_group_ending_the_previous_clause_is_not_the_subject_of_a_vso_verb():
    text = "وسقطت القذائف على بلدة كفرنبل، واتهمت دمشق أنقرة بدعم المسلحين."
    doc = make_doc(text, actors={"كفرنبل": ("kafranbel", "Kafr Nabl"), "دمشق": ("syria", "Syria"),
                                 "أنقرة": ("turkey", "Turkey")})
    acc = only(_events(doc), "ACCUSE")
    assert ids(acc["actor"]) == ["syria"]
    assert ids(acc["recipient"]) == ["turkey"]


def test_own_units_are_not_the_target_of_a_withdrawal():
    text = "وسحبت القوات الأمريكية وحداتها من قاعدة التنف."
    doc = make_doc(text, actors={"القوات الأمريكية": ("us_forces", "US forces")})
    _with_country(doc, "القوات الأمريكية", "USA", "MIL")
    ev = only(_events(doc, states=StateIndex({"USA": _state("USA", "united_states", "United States")})), "RETREAT")
    assert ids(ev["actor"]) == ["us_forces"]
    assert ev["recipient"] == []


# --- status --------------------------------------------------------------------------------------


def test_analyst_reading_is_claimed():
    text = "وقال حسن علي، الباحث في الشؤون العسكرية، إن الجيش الروسي قصف مخازن الأسلحة قرب حمص."
    doc = make_doc(text, actors={"حسن علي": ("hasan_ali", "Hasan Ali"),
                                 "الجيش الروسي": ("russian_armed_forces", "Russian Armed Forces")})
    assert only(_events(doc), "ASSAULT")["status"] == "claimed"


def test_negation_reaches_over_light_words():
    text = "ولم يحدث أي لقاء بين وزير الخارجية التركي ونظيره السوري منذ سنوات."
    doc = make_doc(text, actors={"وزير الخارجية التركي": ("tr_fm", "Turkish FM"),
                                 "ونظيره السوري": ("sy_fm", "Syrian FM")})
    assert only(_events(doc), "CONSULT")["status"] == "negated"


def test_a_new_main_clause_leaves_the_reported_speech():
    text = "وقال الوزير إن بلاده تدعم الحل السياسي، فيما قصفت المدفعية التركية قرى في ريف حلب."
    doc = make_doc(text, actors={"الوزير": ("minister", "Minister"),
                                 "المدفعية التركية": ("turkish_army", "Turkish Army")})
    ev = only(_events(doc), "ASSAULT")
    assert ev["status"] == "asserted"


def test_wafq_ma_naqal_names_the_source():
    text = "والتقى الرئيس العراقي السفير الإيراني في بغداد، وفق ما نقلت وكالة الأنباء العراقية."
    doc = make_doc(text, actors={"الرئيس العراقي": ("iraq_president", "President of Iraq"),
                                 "السفير الإيراني": ("iran_ambassador", "Iranian ambassador"),
                                 "وكالة الأنباء العراقية": ("ina", "Iraqi News Agency")},
                   places={"بغداد": "Baghdad"})
    ev = only(_events(doc), "CONSULT")
    assert ev["status"] == "reported"
    assert ev["source"] == "Iraqi News Agency"


def test_claim_of_responsibility_is_claimed():
    text = "وأعلن تنظيم مسلح مسؤوليته عن التفجير الذي استهدف حافلة للجنود."
    doc = make_doc(text, actors={"تنظيم مسلح": ("armed_group", "Armed group")})
    ev = [e for e in _events(doc) if e["type"] == "ASSAULT"]
    assert ev and ev[0]["status"] == "claimed"


# --- dates ---------------------------------------------------------------------------------------


def test_present_relative_clause_is_dated_to_the_publication_month():
    text = "وتطرق التقرير إلى الهجمات التي تشنها القوات الحكومية على معاقل المتمردين."
    doc = make_doc(text, actors={"القوات الحكومية": ("gov_forces", "Government forces")})
    doc.published = "2021-03-14"
    ev = only(_events(doc), "ASSAULT")
    assert ev["date"] == "2021-03" and ev["date_precision"] == "month"
