"""Round 21 — participants and roles found on the fourth out-of-domain dev set (general classes).

* an unknown spokesperson named after a title («المتحدثة باسم الخارجية الباكستانية ممتاز زهرة
  بلوش») is recognised, and a later bare surname is the same person;
* a hyphenated name («جينين هينيس-بلاسخارت») is one name, and a title's genitive with its place
  («رئيسة بعثة الأمم المتحدة في العراق») belongs to the person named after it;
* whoever a call comes from («تلقى … اتصالاً هاتفياً من …») is its actor;
* the one through whom a subject speaks («على لسان ممثلها») takes no part;
* an attack that befell someone («تعرّض X لهجوم») is kept;
* signatories on behalf of sides («عن الحكومة …، وعن الجبهة …»);
* unnamed sources take no part; a release is addressed to the released people's states.

Every text here was written for these tests; they run the whole pipeline.
"""

from __future__ import annotations

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides


def test_unknown_spokeswoman_is_recognised_and_her_surname_resolves(nlp):
    text = ("قالت المتحدثة باسم الخارجية الباكستانية ممتاز زهرة بلوش إن بلادها نفذت عمليات. "
            "واتهمت بلوش سلطات كابول بإيواء مسلحين.")
    (accusation,) = _events(nlp, text, "ACCUSE", "2024-03-18")
    actor, recipient = _sides(accusation)
    assert actor and actor[0] != "afghanistan"
    assert accusation["actor"][0]["text"] == "بلوش"
    assert recipient == ["afghanistan"]


def test_unknown_spokesman_stands_for_his_ministry(nlp):
    (demand,) = _events(nlp, "وطالب المتحدث باسم الخارجية الإيرانية عباس موسوي الحكومة العراقية بحماية البعثات.",
                        "REQUEST", "2019-11-30")
    assert _sides(demand) == (["iranian_foreign_ministry"], ["iraq"])


def test_hyphenated_name_after_a_title_with_a_place_is_the_actor(nlp):
    (call,) = _events(nlp, "دعت رئيسة بعثة الأمم المتحدة في العراق جينين هينيس-بلاسخارت الأطراف إلى حوار جاد.",
                      "REQUEST", "2019-11-30")
    assert _sides(call)[0] == ["jeanine_hennis_plasschaert"]
    assert "un" not in _sides(call)[1]


def test_the_caller_of_a_received_call_is_the_actor(nlp):
    (call,) = _events(nlp, "وتلقى الرئيس المصري اتصالا هاتفيا من العاهل الأردني الملك عبد الله الثاني.",
                      "CONSULT", "2023-05-01")
    assert _sides(call) == (["abdullah_ii"], ["abdel_fattah_el_sisi"])


def test_received_call_after_an_honorific_chain(nlp):
    text = ("وتلقى صاحب السمو الملكي الأمير محمد بن سلمان ولي العهد اتصالاً هاتفياً من الرئيس الأمريكي "
            "دونالد ترامب.")
    (call,) = _events(nlp, text, "CONSULT", "2019-09-16")
    assert _sides(call) == (["donald_trump"], ["mohammed_bin_salman"])


def test_a_call_made_keeps_its_caller(nlp):
    (call,) = _events(nlp, "أجرى الرئيس المصري اتصالا هاتفيا مع العاهل الأردني.", "CONSULT", "2023-05-01")
    assert _sides(call)[0] == ["abdel_fattah_el_sisi"]


def test_the_mouthpiece_is_no_recipient(nlp):
    text = "وكانت المرجعية الدينية العليا قد دعت، على لسان ممثلها السيد أحمد الصافي، البرلمان إلى إعادة النظر."
    (call,) = _events(nlp, text, "REQUEST", "2019-11-30")
    actor, recipient = _sides(call)
    assert actor == ["najaf_marjaiya"]
    assert not any(r.startswith("unresolved:") for r in recipient)


def test_an_attack_that_befell_a_state_is_kept(nlp):
    (attack,) = _events(nlp, "تعرضت السعودية لهجوم بطائرات مسيرة.", "ASSAULT", "2019-09-16")
    assert _sides(attack) == ([], ["saudi_arabia"])


def test_an_attack_that_befell_an_army_is_kept(nlp):
    (attack,) = _events(nlp, "تعرض الجيش السوري لهجوم في إدلب.", "ASSAULT", "2020-02-01")
    assert _sides(attack)[1] == ["syrian_army"]


def test_signatories_on_behalf_of_two_sides(nlp):
    text = ("ووقع الاتفاق عن الجانب السوداني وزير الخارجية علي الصادق، وعن الجانب الإثيوبي وزير الخارجية "
            "تاي أتسكي سيلاسي.")
    (deal,) = _events(nlp, text, "AGREE", "2023-05-01")
    actor, recipient = _sides(deal)
    assert "ali_al_sadiq" in actor and "taye_atske_selassie" in recipient


def test_a_signatory_with_a_long_title_is_not_swallowed_by_the_other(nlp):
    text = ("ووقّع الاتفاق عن الحكومة مستشار رئيس الوزراء للأمن القومي رضوان حسين، وعن الجبهة المتحدث "
            "باسمها جيتاتشو رضا.")
    (deal,) = _events(nlp, text, "AGREE", "2022-11-03")
    actor, recipient = _sides(deal)
    assert recipient == ["getachew_reda"] and actor and actor != ["getachew_reda"]


def test_unnamed_sources_are_no_recipient(nlp):
    text = "كما أطلقت حماس سراح عشرة عمال تايلانديين، في خطوة قالت مصادر مطلعة إنها جاءت بعد اتصالات."
    for event in _events(nlp, text, "RETREAT", "2023-11-25"):
        assert "anonymous_sources" not in _sides(event)[1]


def test_a_release_is_addressed_to_the_released_peoples_states(nlp):
    (release,) = _events(nlp, "كما أطلقت حماس سراح عشرة عمال تايلانديين وعامل فلبيني خارج إطار الاتفاق.",
                         "RETREAT", "2023-11-25")
    assert _sides(release) == (["hamas"], ["thailand", "philippines"])


def test_released_hostages_named_by_an_accusative_nisba(nlp):
    (release,) = _events(nlp, "وأفرجت حماس مساء أمس عن 13 محتجزاً إسرائيلياً سُلّموا إلى اللجنة الدولية للصليب الأحمر.",
                         "RETREAT", "2023-11-25")
    assert _sides(release) == (["hamas"], ["israel"])


def test_an_attack_that_befell_a_site_with_a_date_set_off_by_commas(nlp):
    text = "تعرّضت معامل شركة أرامكو السعودية في بقيق، فجر السبت الماضي، لهجوم بطائرات مسيّرة أدى إلى اندلاع حرائق."
    (attack,) = _events(nlp, text, "ASSAULT", "2019-09-16")
    assert _sides(attack)[1] == ["saudi_arabia"]


def test_a_lone_comma_still_ends_the_exposure_clause(nlp):
    text = "تعرض الرئيس لانتقادات واسعة، وشنت الطائرات هجوما على مواقع المسلحين."
    for attack in _events(nlp, text, "ASSAULT", "2019-09-16"):
        assert not attack["recipient"] or attack["recipient"][0]["text"] != "الرئيس"


def test_a_named_crossing_is_no_participant(nlp):
    (closure,) = _events(nlp, "أفادت مصادر محلية بأن السلطات الباكستانية أغلقت معبر غلام خان أمام حركة الشاحنات.",
                         "COERCE", "2024-03-18")
    actor, recipient = _sides(closure)
    assert actor == ["pakistan"]
    assert not any(r.startswith("unresolved:") for r in recipient)


def test_the_army_alone_is_the_main_states_and_its_aircraft_strike(nlp):
    text = ("أعلنت قوات الدعم السريع سيطرتها على ود مدني في السودان. وكان الطيران الحربي التابع للجيش قد شنّ "
            "مساء السبت غارات على تجمعات للدعم السريع قرب جسر حنتوب.")
    attacks = _events(nlp, text, "ASSAULT", "2023-12-19")
    assert any(_sides(a) == (["sudanese_armed_forces"], ["rsf"]) for a in attacks)


def test_the_army_before_a_definite_adjective_is_left_alone(nlp):
    # «الجيش الوطني» names another force: the bare-army reading stays out
    text = "أعلنت قوات الدعم السريع سيطرتها على ود مدني في السودان. وهاجم الجيش الوطني مواقع في المدينة."
    for attack in _events(nlp, text, "ASSAULT", "2023-12-19"):
        assert "sudanese_armed_forces" not in _sides(attack)[0]


def test_a_coordinated_accusation_continues_the_main_subject(nlp):
    text = ('وأكد وزير الخارجية الأمريكي مايك بومبيو أنه "لا دليل" على أن الهجوم انطلق من اليمن، '
            'واتهم إيران مباشرة بالوقوف وراءه.')
    (accusation,) = _events(nlp, text, "ACCUSE", "2019-09-16")
    assert _sides(accusation) == (["mike_pompeo"], ["iran"])


def test_a_coordinated_verb_with_its_own_subject_and_object_keeps_them(nlp):
    text = ("ودانت طهران الاعتداء بشدة، وطالب المتحدث باسم الخارجية الإيرانية عباس موسوي الحكومة العراقية "
            "بحماية البعثات.")
    (demand,) = _events(nlp, text, "REQUEST", "2019-11-30")
    assert _sides(demand) == (["iranian_foreign_ministry"], ["iraq"])


def test_a_capital_after_its_kind_and_adjectives_is_the_place_not_a_party(nlp):
    text = ("وقّعت الحكومة الإثيوبية والجبهة الشعبية لتحرير تيغراي، مساء أمس الأربعاء في العاصمة الجنوب "
            "أفريقية بريتوريا، اتفاقاً لوقف الأعمال العدائية.")
    (deal,) = _events(nlp, text, "AGREE", "2022-11-03")
    assert _sides(deal) == (["ethiopia"], ["tplf"])


def test_protesters_storming_a_consulate_riot_against_its_state(nlp):
    text = "وفي النجف، اقتحم محتجون غاضبون ليلة الأربعاء مبنى القنصلية الإيرانية وأضرموا النار فيه."
    assert not _events(nlp, text, "ASSAULT", "2019-11-30")
    riots = _events(nlp, text, "PROTEST", "2019-11-30")
    assert riots and riots[0]["mode"] == "riot"
    assert _sides(riots[0]) == (["protesters"], ["iran"])


def test_an_agreement_named_after_its_venue_has_no_party_from_it(nlp):
    assert not _events(nlp, "اتفاق بريتوريا.. وقف الأعمال العدائية في تيغراي", "AGREE", "2022-11-03")
    (deal,) = _events(nlp, "وقعت روسيا وتركيا اتفاق سوتشي حول إدلب.", "AGREE", "2019-10-23")
    assert _sides(deal) == (["russia"], ["turkey"])


def test_a_threat_whose_content_names_a_state(nlp):
    text = "وتبنت جماعة الحوثي الهجوم، متوعدة بتوسيع بنك الأهداف داخل السعودية."
    (threat,) = _events(nlp, text, "THREATEN", "2019-09-16")
    assert _sides(threat) == (["houthis"], ["saudi_arabia"])


def test_a_vowed_response_far_after_the_vow_is_its_content(nlp):
    text = ('وتوعّد الرئيس الباكستاني آصف علي زرداري يوم السبت خلال تشييع القتلى بأن بلاده "سترد بقوة" '
            'على كل من يعبر حدودها.')
    assert not _events(nlp, text, "ASSAULT", "2024-03-18")
    assert _events(nlp, text, "THREATEN", "2024-03-18")


def test_displaced_people_shot_at_are_civilians(nlp):
    text = "في المقابل، اتهمت حماس الجيش الإسرائيلي بإطلاق النار على نازحين حاولوا العودة إلى مدينة غزة."
    attacks = _events(nlp, text, "ASSAULT", "2023-11-25")
    assert any(_sides(a) == (["israeli_army"], ["civilians"]) for a in attacks)


def test_consent_of_a_capital_keeps_it_as_the_one_agreeing(nlp):
    text = "وقضت الهيئة بأن تركيا خالفت الاتفاقية حين سمحت بالتصدير من دون موافقة بغداد."
    deals = _events(nlp, text, "AGREE", "2023-03-25")
    assert deals and all("iraq" in _sides(deal)[0] for deal in deals)
