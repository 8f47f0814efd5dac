"""Round 31 (topics6 first sight): the document's country read from its places, weak one-word
aliases after possessive titles, a verb glued to a surname, alliance names that stand for two
actors, two sides of one country, month names read as places, and new knowledge-base actors.

Every text here was written for these tests; each rule has a control.
"""

from __future__ import annotations

from recognize_helpers import recognized


def _ids(kb, text, span, published):
    """Actor ids of the mentions whose text is ``span``, in order."""
    return [m.actor_id for m in recognized(kb, text, published) if m.text == span]


# --- the document's main state counted from its places ---------------------------------------

_HOMS = ("دخلت صباح اليوم أولى الحافلات إلى أحياء حمص القديمة، بموجب تفاهم رعته موسكو وأنقرة. "
         "وقال سكان من حمص إن القصف توقف منذ الفجر في أحياء حمص المحاصرة. ")


def test_government_forces_belong_to_the_country_of_the_places(kb):
    # the wire names only the brokers as states; the story is set in Syrian towns
    text = _HOMS + "ونفى مصدر عسكري أن تكون القوات الحكومية قد خرقت الهدنة."
    assert _ids(kb, text, "القوات الحكومية", "2016-12-15") == ["syrian_army"]


def test_government_forces_of_the_named_state_stay_its_own(kb):
    # control: a story about Turkey names Turkey often enough; its forces are Turkey's
    text = ("قالت تركيا إن قواتها ستبقى على الحدود. وأكدت أنقرة أن تركيا لن تنسحب. "
            "وذكرت وسائل إعلام تركية أن القوات الحكومية عززت مواقعها.")
    assert _ids(kb, text, "القوات الحكومية", "2016-12-15") != ["syrian_army"]


def test_weak_opposition_alias_counts_in_a_story_set_in_syrian_towns(kb):
    text = _HOMS + "واتهمت فصائل المعارضة الميليشيات بعرقلة خروج الجرحى."
    assert _ids(kb, text, "فصائل المعارضة", "2016-12-15") == ["syrian_opposition"]


# --- a weak one-word alias after a possessive title ------------------------------------------

def test_function_word_after_a_possessive_title_is_no_name(kb):
    # «حتى» reads as «حتي» (Nassif Hitti's weak alias) once ى is folded
    text = "ولم تستدعِ أنقرة سفيرها حتى مساء أمس."
    ms = recognized(kb, text, "2023-01-30")
    assert not any(m.actor_id == "nassif_hitti" for m in ms)


def test_weak_alias_after_a_possessive_title_of_its_holder(kb):
    # control: Hitti was Lebanon's foreign minister in May 2020
    text = "وقال لبنان على لسان وزير خارجيته حتي إن الحكومة ملتزمة بالإصلاحات."
    assert any(m.actor_id == "nassif_hitti" for m in recognized(kb, text, "2020-05-01"))


# --- a verb glued to the surname of a person named before ------------------------------------

def test_verb_before_a_named_persons_surname(kb):
    text = ("استقبل الرئيس التونسي رئيس حكومة الوفاق الليبية فايز السرّاج في قرطاج. "
            "من جانبه، طالب السرّاج بوقف الهجوم على العاصمة.")
    ms = recognized(kb, text, "2019-05-02")
    assert not any(m.text.startswith("طالب") for m in ms)
    assert sum(m.actor_id == "fayez_al_sarraj" for m in ms) == 2


def test_known_first_name_before_a_shared_surname_stays_a_name(kb):
    # control: «ماهر» is a first name the knowledge base knows; «ماهر الأسد» is not Bashar
    text = "وقال الرئيس السوري بشار الأسد إن الجيش سيواصل عملياته. وتفقد ماهر الأسد قطعات الفرقة الرابعة."
    ms = recognized(kb, text, "2018-03-01")
    assert not any(m.actor_id == "bashar_al_assad" and m.text.startswith("ماهر") for m in ms)
    assert not any(m.text == "الأسد" and m.start > text.index("ماهر") for m in ms)


# --- settled names of alliances ---------------------------------------------------------------

def test_shiite_duo_is_hezbollah_and_amal(kb):
    text = "وحمّل الثنائي الشيعي حزب القوات اللبنانية مسؤولية سقوط الضحايا."
    assert _ids(kb, text, "الثنائي الشيعي", "2021-10-15") == ["hezbollah", "amal"]


def test_shiite_duo_after_a_preposition(kb):
    text = "وقالت مصادر مقربة من الثنائي الشيعي إن الوزراء لن يحضروا الجلسة."
    assert _ids(kb, text, "الثنائي الشيعي", "2021-10-15") == ["hezbollah", "amal"]


def test_a_duo_of_anything_else_is_left_alone(kb):
    # control: «الثنائي» alone names no alliance
    text = "وقدّم الثنائي الغنائي حفلاً في بيروت مساء السبت."
    assert not any(m.actor_id in ("hezbollah", "amal") for m in recognized(kb, text, "2021-10-15"))


# --- the two sides: two persons of one country, a mediator reporting them ---------------------

_LIBYA = ("لم يلتقِ رئيس المجلس الرئاسي فايز السرّاج وقائد الجيش الوطني الليبي خليفة حفتر في موسكو. ")


def test_envoy_reporting_what_the_two_sides_did_is_not_one_of_them(kb):
    text = _LIBYA + "وأعلن المبعوث الأممي غسان سلامة أن الطرفين وافقا على تمديد الهدنة."
    assert _ids(kb, text, "الطرفين", "2020-01-14") == ["fayez_al_sarraj", "khalifa_haftar"]


def test_a_party_speaking_for_both_sides_stays_one_of_them(kb):
    # control: the speaker before «إن» is a party, not a mediator
    text = ("استقبل الرئيس عبد الفتاح السيسي الرئيس التركي رجب طيب أردوغان في القاهرة. "
            "وقال السيسي إن الجانبين اتفقا على تعزيز التجارة.")
    assert set(_ids(kb, text, "الجانبين", "2024-02-15")) == {"abdel_fattah_el_sisi", "recep_tayyip_erdogan"}


# --- a month name inside a date is no place ---------------------------------------------------

def test_month_name_in_parentheses_is_no_place(kb):
    text = "القاهرة، الجمعة 7 أغسطس (آب) 2020: وقّع البلدان الاتفاق."
    assert not any(m.text == "آب" and m.label in ("LOC", "GPE") for m in recognized(kb, text, "2020-08-07"))


def test_place_outside_a_date_is_kept(kb):
    # control: the Yemeni city named as a place
    text = "وقصفت الطائرات مواقع في محافظة إب وسط اليمن أمس."
    assert any(m.place_id for m in recognized(kb, text, "2020-08-07") if "إب" in m.text)


# --- new knowledge-base actors --------------------------------------------------------------

def test_nuland_is_a_person_not_the_capital_of_seychelles(kb):
    text = "والتقت فيكتوريا نولاند رئيس الجمهورية في قصر بعبدا."
    ms = recognized(kb, text, "2021-10-14")
    assert [m.actor_id for m in ms if m.text == "فيكتوريا نولاند"] == ["victoria_nuland"]
    assert not any(m.actor_id == "seychelles" for m in ms)


def test_geagea_and_bitar(kb):
    text = "ودعا سمير جعجع إلى ترك القاضي طارق البيطار يكمل تحقيقه."
    ms = recognized(kb, text, "2021-10-14")
    ids = {m.actor_id for m in ms}
    assert {"samir_geagea", "tarek_bitar"} <= ids


def test_azerbaijani_foreign_ministry_and_parliament(kb):
    text = "ورحبت الخارجية الأذربيجانية بقرار البرلمان الأذربيجاني فتح سفارة في تل أبيب."
    assert _ids(kb, text, "الخارجية الأذربيجانية", "2022-11-18") == ["azerbaijani_foreign_ministry"]
    assert _ids(kb, text, "البرلمان الأذربيجاني", "2022-11-18") == ["azerbaijani_parliament"]


# --- «لحزبه»: the body the person named before leads ----------------------------------------

def test_his_party_is_the_party_he_leads(kb):
    text = "ونفى رئيس حزب القوات اللبنانية سمير جعجع أن يكون لحزبه أي دور في الاشتباكات."
    assert _ids(kb, text, "لحزبه", "2021-10-15") == ["lebanese_forces"]


def test_his_party_after_a_person_who_leads_none_is_no_mention(kb):
    # control: the prime minister leads a state, not a party named «حزب …» in the knowledge base
    text = "وقال رئيس الحكومة نجيب ميقاتي إن حزبه لن يشارك في الجلسة."
    assert _ids(kb, text, "حزبه", "2021-10-15") == []


# --- armed men loyal to a commander ----------------------------------------------------------

def test_groups_loyal_to_a_commander_are_his_army(kb):
    text = ("وقال قائد الجيش الوطني الليبي خليفة حفتر إن قواته تتقدم. "
            "وأغلقت مجموعات موالية لحفتر موانئ النفط في الشرق.")
    assert _ids(kb, text, "مجموعات موالية لحفتر", "2020-01-20") == ["lna"]


def test_a_word_before_a_commander_without_loyalty_stays_a_person(kb):
    # control: «زيارة لحفتر» is a visit to him, not his men
    text = "وقال قائد الجيش الوطني الليبي خليفة حفتر إن قواته تتقدم. وأجرى الوفد زيارة لحفتر في الرجمة."
    assert any(m.actor_id == "khalifa_haftar" and m.text == "لحفتر" for m in recognized(kb, text, "2020-01-20"))


# --- Iran-backed militias named without the article -----------------------------------------

def test_indefinite_iran_backed_militias(kb):
    text = "واتهمت فصائل المعارضة ميليشيات مدعومة من إيران بإطلاق النار على القوافل."
    assert _ids(kb, text, "ميليشيات مدعومة من إيران", "2016-12-15") == ["iran_backed_militias"]


# --- a deputy is not the office's holder -----------------------------------------------------

def test_deputy_foreign_minister_is_not_the_minister(kb):
    text = "والتقى نائب وزير الخارجية الروسي الرئيس اللبناني في بعبدا."
    ms = recognized(kb, text, "2021-10-14")
    assert not any(m.actor_id == "sergei_lavrov" for m in ms)
    assert [m.actor_id for m in ms if m.text == "نائب وزير الخارجية الروسي"] == ["russian_foreign_ministry"]


def test_the_minister_himself_is_still_the_holder(kb):
    # control: no modifier before the title
    text = "والتقى وزير الخارجية الروسي الرئيس اللبناني في بعبدا."
    assert any(m.actor_id == "sergei_lavrov" for m in recognized(kb, text, "2021-10-14"))


def test_adviser_named_after_the_complement_is_that_person(kb):
    text = "ووقّع الاتفاق عن الحكومة مستشار رئيس الوزراء للأمن القومي رضوان حسين في بريتوريا."
    ms = recognized(kb, text, "2022-11-03")
    assert any(m.actor_id == "redwan_hussein" for m in ms)
    assert not any(m.actor_id == "abiy_ahmed" for m in ms)


# --- a known person after «وكيل/مساعد + a body» holds a post in it ---------------------------

def test_under_secretary_of_a_ministry_named_before_her_name(kb):
    text = "ووصلت وكيلة وزارة الخارجية الأميركية فيكتوريا نولاند إلى القاهرة مساء أمس."
    ms = recognized(kb, text, "2022-03-09")
    (nuland,) = [m for m in ms if m.actor_id == "victoria_nuland"]
    assert nuland.text.startswith("وكيلة")


def test_body_then_a_person_without_a_modifier_stays_apart(kb):
    # control: «بيان الخارجية الأميركية» is no post; the person's mention keeps its own span
    text = "وأكدت وزارة الخارجية الأميركية أن فيكتوريا نولاند ستزور كييف."
    ms = recognized(kb, text, "2014-02-06")
    assert [m.text for m in ms if m.actor_id == "victoria_nuland"] == ["فيكتوريا نولاند"]


# --- «البلدين»: a state named as the topic of talks is not one of them ------------------------

_SIGNING = ("وقّع وزير الخارجية المصري سامح شكري ونظيره اليوناني نيكوس دندياس اتفاقاً في القاهرة. "
            "وعقد الوزيران جلسة مباحثات تناولت التنسيق في ملفي {topic} وشرق المتوسط. ")


def test_topic_state_is_not_one_of_the_two_countries(kb):
    text = _SIGNING.format(topic="ليبيا") + "وقال شكري إن الاتفاق يتيح للبلدين استغلال الثروات."
    assert set(_ids(kb, text, "للبلدين", "2020-08-07")) == {"egypt", "greece"}


def test_state_named_as_a_party_is_one_of_the_two_countries(kb):
    # control: the state named as an actor (not after «ملف») is still a candidate
    text = ("استقبلت مصر وفداً من ليبيا في القاهرة. "
            "وقال المتحدث إن البلدين اتفقا على فتح المعابر.")
    assert set(_ids(kb, text, "البلدين", "2020-08-07")) == {"egypt", "libya"}


# --- «كل منهما»: each of the two named before, not the subject of its own clause ---------------

def test_each_of_the_two_is_the_pair_named_before(kb):
    text = ("لم يلتقِ رئيس المجلس الرئاسي فايز السرّاج وقائد الجيش الوطني الليبي خليفة حفتر في برلين، "
            "واكتفت المستشارة الألمانية أنغيلا ميركل بلقاء كل منهما على حدة.")
    assert _ids(kb, text, "كل منهما", "2020-01-20") == ["fayez_al_sarraj", "khalifa_haftar"]


def test_each_of_the_two_with_one_party_before_is_left_alone(kb):
    # control: only the subject of its own clause is named: no pair to refer to
    text = "واستقبلت المستشارة الألمانية أنغيلا ميركل الوفدين، والتقت كل منهما على حدة."
    assert _ids(kb, text, "كل منهما", "2020-01-20") == []
