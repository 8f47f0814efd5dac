"""Round 35 — roles that generalise: grammatical constructions that name (or exclude) a side.

Every text here was written for these tests and runs the whole pipeline (``marsad.load()``): the
recogniser's mentions matter. Each rule has a control where the construction is absent and the
old reading stays.
"""

from __future__ import annotations

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

_DAY = "2023-05-01"


# -- a supporter is on the side of the one supported ---------------------------------------------

def test_supporter_is_not_the_target_of_the_attack(nlp):
    text = ("وتواصل قوات سوريا الديمقراطية مدعومة بطائرات التحالف الدولي هجوماً على مواقع تنظيم داعش "
            "شرقي دير الزور.")
    (attack,) = _events(nlp, text, "ASSAULT", _DAY)
    assert _sides(attack) == (["sdf"], ["isis"])
    # control: the support itself still goes from the coalition to the SDF
    (aid,) = _events(nlp, text, "AID", _DAY)
    assert _sides(aid) == (["us_led_coalition"], ["sdf"])


def test_supporter_alone_after_the_attack_is_no_target(nlp):
    text = "وتواصل قوات سوريا الديمقراطية هجوماً مدعومة بطائرات التحالف الدولي."
    for attack in _events(nlp, text, "ASSAULT", _DAY):
        assert _sides(attack)[0] == ["sdf"]
        assert not _sides(attack)[1]


def test_protecting_police_are_no_target(nlp):
    # «بحماية الشرطة»: the police are on the settlers' side
    text = "واقتحم مستوطنون إسرائيليون المسجد الأقصى بحماية الشرطة الإسرائيلية."
    for attack in _events(nlp, text, "ASSAULT", _DAY):
        assert "israel_police" not in _sides(attack)[1]


# -- a meeting «بدعوة من X» is convened by X ------------------------------------------------------

_MEETING = "عُقد في عمّان أمس اجتماع خماسي بين وزراء خارجية مصر والعراق والسعودية والأردن وسوريا"


def test_inviter_convenes_the_joint_meeting(nlp):
    text = _MEETING + "، بدعوة من وزير الخارجية الأردني أيمن الصفدي."
    (meeting,) = _events(nlp, text, "CONSULT", _DAY)
    actor, recipient = _sides(meeting)
    assert actor == ["ayman_safadi"]
    assert "sameh_shoukry" in recipient and "faisal_mekdad" in recipient
    assert "ayman_safadi" not in recipient and "jordan" not in recipient


def test_without_invitation_the_first_party_is_the_actor(nlp):
    # control: the joint-happening convention (first party actor, the others recipients)
    (meeting,) = _events(nlp, _MEETING + ".", "CONSULT", _DAY)
    actor, recipient = _sides(meeting)
    assert actor == ["sameh_shoukry"]
    assert "ayman_safadi" in recipient


# -- a request answered by the clause's act -------------------------------------------------------

def test_answered_request_was_made_to_the_one_who_acts(nlp):
    text = "وأكد الكرملين أن نشر القوات الروسية في كازاخستان جاء بناءً على طلب رسمي كازاخستاني."
    (request,) = _events(nlp, text, "REQUEST", _DAY)
    assert _sides(request) == (["kazakhstan"], ["russian_armed_forces"])


def test_plain_request_keeps_its_own_addressee(nlp):
    # control: «طلب من X»: X is asked; no answering word, no change
    (request,) = _events(nlp, "وطالبت روسيا الولايات المتحدة بسحب قواتها من سوريا.", "REQUEST", _DAY)
    assert _sides(request) == (["russia"], ["united_states"])


# -- a speech act addressed to the state whose nisba qualifies its object ------------------------

def test_rejected_statement_of_a_state(nlp):
    text = "ورفضت الخارجية الإيرانية البيان الأمريكي بشأن برنامجها النووي."
    (rejection,) = _events(nlp, text, "REJECT", _DAY)
    assert _sides(rejection) == (["iranian_foreign_ministry"], ["united_states"])


def test_criticised_policy_past_the_subject(nlp):
    # VSO: the nisba in the subject («التركي») is the speaker's own; the object's is the addressee's
    text = "وانتقد وزير الخارجية الفرنسي سياسة الاستيطان الإسرائيلية في الضفة الغربية."
    (criticism,) = _events(nlp, text, "ACCUSE", _DAY)
    assert _sides(criticism)[1] == ["israel"]


def test_nisba_in_a_place_phrase_is_no_addressee(nlp):
    # control: «في الشؤون اللبنانية» is where the interference happens, not who is addressed
    for rejection in _events(nlp, "ورفضت الخارجية الإيرانية التدخل في الشؤون اللبنانية.", "REJECT", _DAY):
        assert "lebanon" not in _sides(rejection)[1]


def test_blamed_party_between_light_verb_and_noun(nlp):
    # «حمّل X "العدو الإسرائيلي" المسؤولية»: the object of the light verb stands before its noun
    text = 'وحمّل حزب الله "العدو الإسرائيلي" المسؤولية عن التفجيرات في لبنان.'
    (blame,) = _events(nlp, text, "ACCUSE", _DAY)
    assert _sides(blame) == (["hezbollah"], ["israel"])


def test_blame_with_no_one_named_has_no_recipient(nlp):
    # control: the subject's own nisba is never the one blamed
    for blame in _events(nlp, "وحمّلت الحكومة اللبنانية المسؤولية عن التفجيرات.", "ACCUSE", _DAY):
        assert _sides(blame)[1] == []


# -- an envoy recalled «من X»; a protest motive names no participant ------------------------------

def test_envoy_recalled_from_a_state(nlp):
    (recall,) = _events(nlp, "وسحبت المغرب سفيرها من ألمانيا.", "SANCTION", _DAY)
    assert _sides(recall) == (["morocco"], ["germany"])


def test_protest_motive_is_not_the_recipient(nlp):
    text = "وسحبت الجزائر سفيرها من فرنسا احتجاجاً على تصريحات الرئيس الفرنسي إيمانويل ماكرون."
    (recall,) = _events(nlp, text, "SANCTION", _DAY)
    assert _sides(recall) == (["algeria"], ["france"])


# -- a reciprocal verb splits its subject into the two sides -------------------------------------

def test_exchange_of_fire_has_two_sides(nlp):
    text = "وتبادلت القوات الهندية والقوات الباكستانية إطلاق النار في كشمير."
    (clash,) = _events(nlp, text, "ASSAULT", _DAY)
    actor, recipient = _sides(clash)
    assert actor == ["india"] and recipient == ["pakistan_army"]


def test_coordinated_attackers_stay_together(nlp):
    # control: no reciprocal verb, the coordinated subject attacks together
    (attack,) = _events(nlp, "وشنت القوات الروسية والقوات السورية غارات على إدلب.", "ASSAULT", _DAY)
    assert _sides(attack)[0] == ["russian_armed_forces", "syrian_army"]


# -- «على يد» marks a passive verb ---------------------------------------------------------------

def test_agent_after_ala_yad_makes_the_verb_passive(nlp):
    text = "واعتُقل رئيس الوزراء السابق عمران خان على يد الشرطة الباكستانية في إسلام آباد."
    (arrest,) = _events(nlp, text, "COERCE", _DAY)
    actor, recipient = _sides(arrest)
    assert recipient == ["imran_khan"]
    assert "imran_khan" not in actor and actor


def test_min_qabl_as_earlier_is_no_agent(nlp):
    # control: «كما حدث من قبل» is "as before"; the active reading stays
    (attack,) = _events(nlp, "وهاجمت قوات الأمن المحتجين كما حدث من قبل في بغداد.", "ASSAULT", _DAY)
    assert _sides(attack)[1] == ["protesters"]
    assert "protesters" not in _sides(attack)[0]


# -- ships and installations named by a state nisba ---------------------------------------------

def test_tanker_of_a_state_is_its_target(nlp):
    text = "وأعلنت جماعة الحوثي استهداف ناقلة نفط بريطانية في خليج عدن."
    (attack,) = _events(nlp, text, "ASSAULT", _DAY)
    assert _sides(attack) == (["houthis"], ["united_kingdom"])


def test_ship_without_a_flag_has_no_target(nlp):
    # control: no nisba, no state
    for attack in _events(nlp, "وأعلنت جماعة الحوثي استهداف سفينة في البحر الأحمر.", "ASSAULT", _DAY):
        assert _sides(attack)[1] == []


# -- a condemned attack's maker; «تابعة لـ» of a noun in between ----------------------------------

_SCHOOL = "وأدانت السعودية القصف الإسرائيلي لمدرسة تابعة للأونروا في غزة."


def test_condemnation_of_an_attack_addresses_its_maker(nlp):
    (condemnation,) = _events(nlp, _SCHOOL, "ACCUSE", _DAY)
    assert _sides(condemnation) == (["saudi_arabia"], ["israel"])


def test_owner_of_the_target_is_not_the_attacker(nlp):
    # «تابعة للأونروا» qualifies the school after «لـ», not the shelling
    (attack,) = _events(nlp, _SCHOOL, "ASSAULT", _DAY)
    assert _sides(attack) == (["israel"], ["unrwa"])


def test_owner_right_after_the_noun_still_owns_it(nlp):
    # control: «قافلة مساعدات إنسانية تابعة للأمم المتحدة»: the convoy is the UN's
    (aid,) = _events(nlp, "واستهدفت غارة قافلة مساعدات إنسانية تابعة للأمم المتحدة.", "AID", _DAY)
    assert _sides(aid)[0] == ["un"]


def test_condemned_attack_without_maker_names_no_one(nlp):
    # control: an attack with no maker gives the condemnation no recipient
    for condemnation in _events(nlp, "وأدانت مصر الهجوم الإرهابي على كنيسة في سيناء.", "ACCUSE", _DAY):
        assert _sides(condemnation)[1] == []


# -- a meeting after «حيث» following a visit told by a noun --------------------------------------

def test_meeting_after_a_visit_noun_has_the_visitor_as_actor(nlp):
    text = ("وتزامن ذلك مع زيارة وزير الخارجية الأمريكي أنتوني بلينكن إلى القاهرة، حيث التقى الرئيس "
            "عبد الفتاح السيسي في قصر الاتحادية.")
    meetings = _events(nlp, text, "CONSULT", _DAY)
    assert any(_sides(e) == (["antony_blinken"], ["abdel_fattah_el_sisi"]) for e in meetings)
    assert not any(_sides(e)[0] == ["abdel_fattah_el_sisi"] for e in meetings)


def test_meeting_after_a_visit_verb_is_unchanged(nlp):
    # control: with a verb before «حيث» its subject was already the visitor
    text = "ووصل وزير الخارجية الأمريكي أنتوني بلينكن إلى القاهرة، حيث التقى الرئيس عبد الفتاح السيسي."
    meetings = _events(nlp, text, "CONSULT", _DAY)
    assert any(_sides(e) == (["antony_blinken"], ["abdel_fattah_el_sisi"]) for e in meetings)


# -- the forces a struck site hosts -------------------------------------------------------------

def test_struck_base_hosting_forces_targets_them(nlp):
    text = "وأطلقت فصائل عراقية مسلحة صواريخ على قاعدة حرير الجوية في أربيل، التي تستضيف قوات أمريكية."
    (attack,) = _events(nlp, text, "ASSAULT", _DAY)
    assert _sides(attack)[1] == ["us_forces"]


def test_hosting_verb_with_no_party_names_no_target(nlp):
    # control: «تضم مئات المدنيين» names no actor group; the civilians come from the generic list
    (attack,) = _events(nlp, "وقصف الجيش التركي قرية تضم مئات المدنيين.", "ASSAULT", _DAY)
    assert _sides(attack) == (["turkish_armed_forces"], ["civilians"])


# -- a show of force by a state's border --------------------------------------------------------

def test_exercise_near_a_border_is_aimed_at_its_state(nlp):
    (drill,) = _events(nlp, "وأجرى الجيش الروسي مناورات عسكرية واسعة قرب الحدود الأوكرانية.", "MOBILIZE", _DAY)
    assert _sides(drill) == (["russian_armed_forces"], ["ukraine"])


def test_exercise_in_a_named_region_has_no_state_target(nlp):
    # control: no state nisba after the place noun
    (drill,) = _events(nlp, "وأجرى الجيش الروسي مناورات عسكرية واسعة في شبه جزيرة القرم.", "MOBILIZE", _DAY)
    assert _sides(drill)[1] == []


# -- an indefinite force noun with a qualifier before its nisba ---------------------------------

def test_warplanes_with_a_qualifier_are_the_air_force(nlp):
    (attack,) = _events(nlp, "شنت طائرات حربية روسية غارات على مواقع في ريف إدلب.", "ASSAULT", _DAY)
    assert _sides(attack)[0] == ["russian_air_force"]


def test_bare_state_nisba_subject_stays_the_state(nlp):
    # control: a head that is no force noun («وفد») keeps the state
    (visit,) = _events(nlp, "وزار وفد سعودي طهران أمس.", "CONSULT", _DAY)
    assert _sides(visit)[0] == ["saudi_arabia"]


# -- the other side between a light verb's subject and its noun ---------------------------------

def test_meeting_partner_before_the_meeting_noun(nlp):
    (meeting,) = _events(nlp, "وعقد أردوغان مع بوتين اجتماعاً مغلقاً في موسكو.", "CONSULT", _DAY)
    assert _sides(meeting) == (["recep_tayyip_erdogan"], ["vladimir_putin"])


def test_meeting_partner_after_the_noun_unchanged(nlp):
    # control: the usual order, «مع» after the noun
    (meeting,) = _events(nlp, "وعقد أردوغان اجتماعاً مغلقاً مع بوتين في موسكو.", "CONSULT", _DAY)
    assert _sides(meeting) == (["recep_tayyip_erdogan"], ["vladimir_putin"])


# -- the subject of the next clause, and a party listed «من جهة أخرى», are no recipients ---------

def test_subject_of_a_coordinated_clause_is_no_recipient(nlp):
    text = ("غير أن طهران رفضت أي اتهام لها بالتورط في الهجوم، ونفى المتحدث باسم الخارجية الإيرانية "
            "ناصر كنعاني أي دور لبلاده.")
    (rejection,) = _events(nlp, text, "REJECT", _DAY)
    assert _sides(rejection) == (["iran"], [])


def test_object_before_a_coordinated_clause_is_kept(nlp):
    # control: the object named before the comma is still the recipient
    (rejection,) = _events(nlp, "ورفضت إيران الاتهامات الأمريكية، وقالت إنها لا أساس لها.", "REJECT", _DAY)
    assert _sides(rejection) == (["iran"], ["united_states"])


def test_party_on_the_other_hand_is_no_target(nlp):
    text = ("وجاء ذلك وسط هجوم شنته قوات سوريا الديمقراطية من جهة، وقوات الجيش السوري من جهة أخرى، "
            "على تنظيم داعش.")
    (attack,) = _events(nlp, text, "ASSAULT", _DAY)
    assert _sides(attack)[0] == ["sdf"]
    assert "syrian_army" not in _sides(attack)[1]


# -- sanctions on a state's nationals; the author of a proposal agreed to -----------------------

def test_expelled_diplomats_name_their_state(nlp):
    (expulsion,) = _events(nlp, "وأعلنت فرنسا طرد دبلوماسيين روسيين.", "SANCTION", _DAY)
    assert _sides(expulsion) == (["france"], ["russia"])


def test_sanctions_on_a_states_companies(nlp):
    (sanction,) = _events(nlp, "وفرضت الولايات المتحدة عقوبات على شركات صينية.", "SANCTION", _DAY)
    assert _sides(sanction) == (["united_states"], ["china"])


def test_agreement_to_a_proposal_has_its_author_as_other_side(nlp):
    (agreement,) = _events(nlp, "وأعلنت الحكومة الإثيوبية موافقتها على مقترح الاتحاد الأفريقي.", "AGREE", _DAY)
    assert _sides(agreement) == (["ethiopia"], ["african_union"])


def test_topic_of_an_agreement_is_no_party(nlp):
    # control: «على استئناف العلاقات» is the topic; the parties are the coordinated subject
    (agreement,) = _events(nlp, "واتفقت السعودية وإيران على استئناف العلاقات.", "AGREE", _DAY)
    assert _sides(agreement) == (["saudi_arabia"], ["iran"])


# -- «خلال لقائه X» after the subject; hamza nouns with a pronoun -------------------------------

def test_meeting_noun_with_pronoun_after_the_subject(nlp):
    (meeting,) = _events(nlp, "وشدد أمير قطر خلال لقائه الرئيس الإيراني على أهمية الحوار.", "CONSULT", _DAY)
    assert _sides(meeting)[0] == ["tamim_bin_hamad"]
    assert len(_sides(meeting)[1]) == 1 and _sides(meeting)[1] != ["tamim_bin_hamad"]


def test_fronted_meeting_noun_unchanged(nlp):
    # control: fronted before the main clause, the owner is the subject after the comma (round 25)
    text = "وخلال استقباله الرئيس التركي، أكد المرشد الإيراني علي خامنئي رفض بلاده أي هجوم."
    meetings = _events(nlp, text, "CONSULT", _DAY)
    assert meetings and all("ali_khamenei" in _sides(e)[0] + _sides(e)[1] for e in meetings)


# -- «بين» + an unnamed noun + two state nisbas --------------------------------------------------

def test_talks_between_two_delegations_named_by_nisbas(nlp):
    (talks,) = _events(nlp, "وجرت مباحثات بين الوفدين السعودي والإيراني في بغداد.", "CONSULT", _DAY)
    assert _sides(talks) == (["saudi_arabia"], ["iran"])


def test_one_nisba_after_bayn_names_no_pair(nlp):
    # control: one state only («بين الوفد السعودي ومسؤولين») is no pair of sides
    for talks in _events(nlp, "وجرت مباحثات بين الوفد السعودي ومسؤولين في بغداد.", "CONSULT", _DAY):
        assert "iran" not in _sides(talks)[0] + _sides(talks)[1]
