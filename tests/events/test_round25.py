"""Round 25 — roles (strict F1): general constructions that name the other side of an event.

Every text here was written for these tests and runs the whole pipeline (``marsad.load()``).
Each rule has a control that keeps the old reading where the construction is absent.
"""

from __future__ import annotations

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

_DAY = "2023-04-05"


# -- counted objects -------------------------------------------------------------------------

def test_counted_object_and_its_pronoun(nlp):
    # «عدداً من المهربين» is the object though it follows «من»; «ستة منهم» points back to it
    text = ("وقالت القيادة العامة للقوات المسلحة الأردنية إن قواتها قتلت عدداً من المهربين "
            "واعتقلت ستة منهم قرب الحدود.")
    (kill,) = _events(nlp, text, "ASSAULT", _DAY)
    (arrest,) = _events(nlp, text, "COERCE", _DAY)
    assert _sides(kill) == (["jordanian_army"], ["smugglers"])
    assert _sides(arrest) == (["jordanian_army"], ["smugglers"])


def test_count_before_a_place_is_no_object(nlp):
    # control: «عشرات في طهران» counts nobody named; the city is a place, not the one arrested
    for event in _events(nlp, "واعتقلت الشرطة عشرات في طهران.", "COERCE", _DAY):
        assert "iran" not in _sides(event)[1]


def test_members_counted_in_a_toll_are_the_victims(nlp):
    # «مقتل اثنين من عناصر حزب الله»: a count, «من» and a member noun before the body
    text = ("وأدت الغارات الإسرائيلية التي استهدفت موقعاً قرب مدينة القنيطرة فجر الأحد إلى مقتل "
            "اثنين من عناصر حزب الله.")
    (attack,) = _events(nlp, text, "ASSAULT", _DAY)
    assert _sides(attack) == (["israel"], ["hezbollah"])


# -- mediators, shared targets, meetings ---------------------------------------------------

def test_mediator_addresses_both_sides_of_the_truce(nlp):
    text = "دخل وقف لإطلاق النار بين إسرائيل وحركة حماس حيز التنفيذ صباح اليوم إثر وساطة قادتها قطر."
    (mediation,) = _events(nlp, text, "CONSULT", _DAY)
    assert _sides(mediation) == (["qatar"], ["israel", "hamas"])


def test_offer_to_mediate_alone_names_no_sides(nlp):
    # control: no joint happening in the sentence, so the mediation keeps no recipient
    for event in _events(nlp, "وعرضت الجزائر وساطتها لإنهاء الأزمة.", "CONSULT", _DAY):
        assert _sides(event)[1] == []


def test_coordinated_verb_shares_the_target(nlp):
    text = ("وكانت تركيا قد شنت هجوماً واسعاً على وحدات حماية الشعب الكردية، "
            "وسيطرت على بلدة جديدة في ريف حلب.")
    (occupation,) = _events(nlp, text, "COERCE", _DAY)
    assert _sides(occupation) == (["turkey"], ["ypg"])


def test_meeting_party_coordinated_past_a_comma(nlp):
    text = ("وبحث الجانبان الملف خلال اجتماع وزير الخارجية الروسي سيرغي لافروف، "
            "والرئيس السوري بشار الأسد في دمشق.")
    (meeting,) = _events(nlp, text, "CONSULT", _DAY)
    assert _sides(meeting) == (["sergei_lavrov"], ["bashar_al_assad"])


def test_visit_meets_the_party_of_its_purpose(nlp):
    text = "ويزور وفد عسكري روسي أنقرة الأسبوع المقبل لبحث الترتيبات الأمنية مع الجيش التركي."
    (visit,) = _events(nlp, text, "CONSULT", _DAY)
    assert _sides(visit) == (["russian_armed_forces"], ["turkish_armed_forces"])


def test_visit_without_a_party_keeps_the_host_state(nlp):
    # control: no «مع» in the purpose phrase, the host state read off the capital stays
    text = "ويزور وزير الخارجية التركي طهران الأسبوع المقبل لبحث العلاقات الثنائية."
    (visit,) = _events(nlp, text, "CONSULT", _DAY)
    assert _sides(visit)[1] == ["iran"]


def test_fronted_reception_belongs_to_the_main_subject(nlp):
    # «وخلال استقباله بوتين، أكد …»: the pronoun's owner (the host) is the main clause's subject
    text = "وخلال استقباله بوتين، أكد الرئيس الإيراني إبراهيم رئيسي أهمية التعاون بين البلدين."
    (reception,) = _events(nlp, text, "CONSULT", _DAY)
    assert _sides(reception) == (["vladimir_putin"], ["ebrahim_raisi"])


def test_fronted_reception_without_a_comma_is_left_alone(nlp):
    # control: with no comma closing the fronted phrase the rule does not guess the owner
    text = "وخلال استقباله بوتين في طهران أكد الرئيس الإيراني إبراهيم رئيسي أهمية التعاون."
    (reception,) = _events(nlp, text, "CONSULT", _DAY)
    assert _sides(reception)[1] == []


# -- aid purposes, relative clauses, civilian targets ----------------------------------------

def test_aid_goes_to_the_one_its_purpose_supports(nlp):
    text = "وتضمن الاتفاق توفير أسلحة أمريكية أكثر تطوراً لدعم الجيش الأوكراني."
    (aid,) = _events(nlp, text, "AID", _DAY)
    assert _sides(aid) == (["united_states"], ["ukrainian_armed_forces"])


def test_relative_antecedent_past_an_auxiliary(nlp):
    # «الطائرات الروسية التي باتت تقصف مواقع المعارضة»: the planes strike, the opposition is hit
    text = ("وتقدمت المعارضة بعد تراجع القوات الحكومية أمام الطائرات الروسية التي باتت تقصف "
            "مواقع المعارضة السورية يومياً.")
    (strike,) = _events(nlp, text, "ASSAULT", _DAY)
    assert _sides(strike) == (["russian_air_force"], ["syrian_opposition"])


def test_residential_quarters_are_civilian_targets(nlp):
    (shelling,) = _events(nlp, "وقصفت قوات الدعم السريع الأحياء السكنية في مدينة الفاشر.",
                          "ASSAULT", _DAY)
    assert _sides(shelling) == (["rsf"], ["civilians"])


# -- knowledge ---------------------------------------------------------------------------------

def test_baloch_group_and_saudi_adviser_are_known(nlp):
    (accusation,) = _events(nlp, "واتهم الحرس الثوري جماعة جيش العدل بتنفيذ الهجوم.", "ACCUSE", _DAY)
    assert _sides(accusation) == (["irgc"], ["jaish_al_adl"])
    text = "ووقع الاتفاق مستشار الأمن الوطني السعودي مساعد بن محمد العيبان ونظيره الإيراني علي شمخاني."
    (deal,) = _events(nlp, text, "AGREE", _DAY)
    assert _sides(deal) == (["musaed_al_aiban"], ["ali_shamkhani"])




# -- state assets, demonstratives, motives -------------------------------------------------------

def test_attack_on_a_state_company_targets_its_state(nlp):
    text = "وشنت جماعة الحوثيين هجوماً بطائرات مسيّرة على منشأة نفطية تابعة لشركة أرامكو في جدة."
    (attack,) = _events(nlp, text, "ASSAULT", "2022-03-26")
    assert _sides(attack) == (["houthis"], ["saudi_arabia"])


def test_state_company_as_speaker_stays_the_company(nlp):
    # control: only an attack's target is read as the state; the company acting is itself
    doc = nlp("وأعلنت شركة أرامكو السعودية استئناف الإنتاج ورفضت الاتهامات.", published="2019-09-16")
    assert "saudi_aramco" in {m.actor_id for m in doc.mentions}
    for event in doc.events:
        assert "saudi_arabia" not in _sides(event.to_dict())[0]


def test_demonstrative_points_back_to_the_forces(nlp):
    text = ("أعلنت قوات الدعم السريع سيطرتها على المدينة. وقال المتحدث باسم الخارجية الأمريكية إن "
            "الوضع خطير، داعياً هذه القوات إلى وقف تقدمها فوراً.")
    (request,) = _events(nlp, text, "REQUEST", "2023-12-19")
    assert _sides(request) == (["us_state_department"], ["rsf"])


def test_bare_forces_noun_is_no_back_reference(nlp):
    # control: without the demonstrative, «القوات» alone is not read as the forces named before
    text = ("أعلنت قوات الدعم السريع سيطرتها على المدينة. ودعا المتحدث باسم الخارجية الأمريكية "
            "إلى وقف القتال، داعياً القوات إلى الانسحاب.")
    for event in _events(nlp, text, "REQUEST", "2023-12-19"):
        assert "rsf" not in _sides(event)[1]


def test_motive_names_no_target(nlp):
    # «رداً على هجمات حزب الله»: what the shelling answers, not whom it hit
    text = "قصفت القوات الإسرائيلية بلدات في جنوب لبنان رداً على هجمات حزب الله."
    shelling = [e for e in _events(nlp, text, "ASSAULT", _DAY) if e["trigger"]["text"] == "قصفت"]
    assert shelling and "hezbollah" not in _sides(shelling[0])[1]


def test_target_before_the_motive_is_kept(nlp):
    # control: the target named before any motive stays
    text = "قصفت القوات الإسرائيلية مواقع لحزب الله في جنوب لبنان."
    (shelling,) = _events(nlp, text, "ASSAULT", _DAY)
    assert _sides(shelling) == (["israeli_army"], ["hezbollah"])


def test_rank_between_title_and_name_is_one_person(nlp):
    # «وزير الدفاع الإيراني العميد أمير حاتمي ونظيره السوري العماد علي عبد الله أيوب»: each rank joins a
    # title to its holder's name, so the signatories are two people and the nisba after the
    # agreement noun is not the other party
    text = ("ووقّع وزير الدفاع الإيراني العميد أمير حاتمي ونظيره السوري العماد علي عبد الله أيوب، "
            "أمس في طهران، اتفاقية تشمل تحديث الصناعات العسكرية السورية.")
    (deal,) = _events(nlp, text, "AGREE", "2019-03-18")
    assert _sides(deal) == (["amir_hatami"], ["ali_abdullah_ayyoub"])


def test_praised_aid_went_to_the_praisers_state(nlp):
    text = ("وقال مصدر سوري إن موسكو ستواصل دعم الحكومة السورية. وأشاد الرئيس السوري بشار الأسد "
            "بالدعم الذي قدمته القوات الجوية الروسية منذ عام 2015.")
    (aid,) = _events(nlp, text, "AID", "2017-09-13")
    assert _sides(aid) == (["russian_air_force"], ["syria"])


def test_praise_of_own_side_aid_names_no_recipient(nlp):
    # control: a Russian praising the Russian air force's support gives it no Russian recipient
    text = ("وقال مصدر روسي إن موسكو ستواصل دعم الحكومة السورية. وأشاد وزير الدفاع الروسي سيرغي شويغو "
            "بالدعم الذي قدمته القوات الجوية الروسية منذ عام 2015.")
    (aid,) = _events(nlp, text, "AID", "2017-09-13")
    assert _sides(aid)[1] == []
