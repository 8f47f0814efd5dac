"""Round 36 (topics7 first sight): a state's general staff as its armed forces, private persons named
after a descriptor noun («رجل الأعمال», «الناشطة»), and an office holder's name that ends where a
known state or body begins.

Every text here was written for these tests; each rule has a control.
"""

from __future__ import annotations

from recognize_helpers import recognized


def _by_text(kb, text, published="2021-03-01"):
    return {m.text: m for m in recognized(kb, text, published)}


# --- a state's general staff -----------------------------------------------------------------

def test_general_staff_with_a_nisba_is_the_states_armed_forces(kb):
    ms = _by_text(kb, "أعلنت هيئة الأركان التركية صباح اليوم بدء عملية برية شمالي سوريا.")
    assert ms["هيئة الأركان التركية"].actor_id == "turkish_armed_forces"


def test_general_staff_presidency_with_a_feminine_nisba(kb):
    ms = _by_text(kb, "وقالت رئاسة الأركان العامة السورية في بيان إن وحداتها صدت الهجوم.")
    assert ms["رئاسة الأركان العامة السورية"].actor_id == "syrian_army"


def test_chief_of_general_staff_stays_a_person(kb):
    # control: «رئيس هيئة الأركان …» is the office holder, not the forces
    ms = _by_text(kb, "وقال رئيس هيئة الأركان التركية إن العملية ستستمر.", "2017-05-01")
    m = ms["رئيس هيئة الأركان التركية"]
    assert m.label == "PERS"
    assert m.actor_id != "turkish_armed_forces"


def test_general_staff_without_a_state_names_nobody(kb):
    # control: no nisba, no state
    ms = _by_text(kb, "التقى الوزير أعضاء هيئة الأركان في مقر الوزارة.")
    assert not any("الأركان" in t for t in ms)


# --- a descriptor noun before an unknown person's name ----------------------------------------

def test_businessman_with_a_known_first_name_is_an_unknown_person(kb):
    ms = _by_text(kb, "وأوقفت مصالح الأمن رجل الأعمال علي حداد، رئيس منتدى رؤساء المؤسسات السابق.")
    m = ms["رجل الأعمال علي حداد"]
    assert m.label == "PERS" and m.actor_id is None
    assert m.extra["ref"]["id"].startswith("unresolved:ali_")


def test_activist_name_ends_before_a_preposition(kb):
    ms = _by_text(kb, "اعتقلت الشرطة الناشط علي حداد في العاصمة فجر اليوم.")
    assert "الناشط علي حداد" in ms
    assert ms["الناشط علي حداد"].label == "PERS"


def test_descriptor_with_a_clitic_preposition(kb):
    ms = _by_text(kb, "وطالبت منظمات حقوقية بالإفراج عن الصحفي خالد درارني، المعتقل منذ مارس.")
    assert any(t.endswith("خالد درارني") and m.label == "PERS" for t, m in ms.items())


def test_descriptor_before_a_common_word_names_nobody(kb):
    # control: «علي» here is the preposition-like word in a phrase, with no name run after it
    ms = _by_text(kb, "وقال الكاتب إن على الحكومة أن تستقيل.")
    assert not any(m.label == "PERS" for m in ms.values())


def test_descriptor_without_a_name_names_nobody(kb):
    # control: the descriptor alone is not a person mention
    ms = _by_text(kb, "اعتقلت الشرطة الناشط في المنطقة الشرقية.")
    assert not any(m.label == "PERS" for m in ms.values())


def test_descriptor_before_an_unknown_first_word_names_nobody(kb):
    # control: the word after the descriptor is no first name the knowledge base knows
    ms = _by_text(kb, "وقال الصحفي المستقل البارز إن الانتخابات مزورة.")
    assert not any(m.label == "PERS" for m in ms.values())


# --- a holder's name that a known state ends ---------------------------------------------------

def test_spokesman_name_ends_at_the_object_state(kb):
    text = "في المقابل، اتهم المتحدث باسم الخارجية الإثيوبية دينا مفتي السودان باستغلال الأزمة."
    ms = _by_text(kb, text, "2021-01-10")
    title = ms["المتحدث باسم الخارجية الإثيوبية دينا مفتي"]
    assert title.label == "PERS"
    assert title.extra["ref"]["id"].startswith("unresolved:")
    assert ms["السودان"].actor_id == "sudan"


def test_spokesman_followed_directly_by_the_state_takes_no_name(kb):
    # control: no name words between the title and the state
    text = "اتهم المتحدث باسم الخارجية الإثيوبية السودان باستغلال الأزمة."
    ms = _by_text(kb, text, "2021-01-10")
    assert "المتحدث باسم الخارجية الإثيوبية" in ms
    assert ms["السودان"].actor_id == "sudan"


# --- a verbal noun glued to a name, and a name coordinated after it ------------------------------

def test_verbal_noun_before_a_name_is_not_part_of_it(kb):
    text = "ودعا ناشطون إلى مسيرات للمطالبة برحيل بن صالح وبلعيز والوزير الأول نور الدين بدوي."
    ms = _by_text(kb, text, "2019-04-03")
    assert not any("برحيل" in t for t, m in ms.items() if m.label == "PERS")
    assert "بن صالح" in ms and ms["بن صالح"].label == "PERS"
    assert "بلعيز" in ms and ms["بلعيز"].label == "PERS"


def test_name_starting_with_ba_keeps_its_first_word(kb):
    # control: «بلقاسم» is a name word, not «ب» + a common word
    ms = _by_text(kb, "والتقى الوفد بلقاسم محمد صالح في العاصمة.", "2019-04-03")
    assert not any(t == "محمد صالح" for t in ms)


# --- «مصالح الأمن»: the Maghrebi name of the security services ---------------------------------

_ALGIERS = ("الجزائر - قال التلفزيون الجزائري إن الحكومة الجزائرية عقدت اجتماعا في الجزائر العاصمة. "
            "وأكدت الجزائر أن الانتخابات ستجرى في موعدها. ")


def test_security_services_of_the_documents_state(kb):
    ms = _by_text(kb, _ALGIERS + "وأوقفت مصالح الأمن ثلاثة أشخاص في وهران.", "2019-04-03")
    m = ms["مصالح الأمن"]
    assert m.actor_id is not None
    assert kb.recognizer.linker.actor_country(m.actor_id) == "DZA"


def test_interests_of_a_state_are_no_security_body(kb):
    # control: «مصالح» alone («مصالح البلدين») is "interests", no actor
    ms = _by_text(kb, _ALGIERS + "وقال الوزير إن الاتفاق يخدم مصالح البلدين.", "2019-04-03")
    assert not any(t.startswith("مصالح") for t in ms)


# --- a force noun coordinated with a nisba-qualified group --------------------------------------

def test_forces_coordinated_with_a_qualified_group_share_its_state(kb):
    text = "ففي الخامس عشر من ديسمبر، نصبت قوات وميليشيات إثيوبية كميناً لدورية تابعة للجيش السوداني."
    ms = _by_text(kb, text, "2021-01-10")
    assert ms["قوات"].actor_id == "ethiopian_army"


def test_forces_before_a_coordinated_state_name_stay_unread(kb):
    # control: «قوات» followed by «و» + a plain name (no nisba-qualified head) gains no state
    text = "وصلت قوات وخبراء من مصر إلى الحدود."
    ms = _by_text(kb, text, "2021-01-10")
    assert "قوات" not in ms


# --- the public prosecution as the state acting ------------------------------------------------

def test_bare_prosecution_is_the_documents_state(kb):
    ms = _by_text(kb, _ALGIERS + "كما أصدرت النيابة قراراً بمنع عدد من المسؤولين من السفر.", "2019-04-03")
    assert ms["النيابة"].actor_id == "algeria"


def test_military_prosecution_is_not_the_government(kb):
    # control: a definite adjective after it names another body
    ms = _by_text(kb, _ALGIERS + "واستدعت النيابة العامة العسكرية ضابطين.", "2019-04-03")
    assert not any(t.startswith("النيابة") for t in ms)


def test_a_tagged_unknown_name_takes_its_descriptor(kb):
    ms = _by_text(kb, "والتقى الوفد بالصحفية سارة أحمد في القاهرة.")
    m = ms["الصحفية سارة أحمد"]
    assert m.label == "PERS" and m.actor_id is None


def test_a_known_person_does_not_take_the_descriptor(kb):
    # control: a knowledge-base person keeps the mention of the name alone
    ms = _by_text(kb, "وقال القيادي في حركة حماس محمود الزهار إن الحركة لن تتراجع.")
    assert ms["محمود الزهار"].actor_id == "mahmoud_al_zahar"
