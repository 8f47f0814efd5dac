"""Document-level reading: anaphors, counterparts, appositive titles, demonyms, blocs, regions, districts."""

from __future__ import annotations

import pytest
from recognize_helpers import by_text, recognized


def mentions(kb, text, published="2017-09-12"):
    return recognized(kb, text, published)



# -- anaphors -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,anaphor,actor", [
    ("سيطر تنظيم الدولة الإسلامية على المدينة، وشكل خروجها ضربة قاصمة للتنظيم.", "للتنظيم", "isis"),
    ("نقلت وكالة رويترز عن مسؤولين قولهم ذلك، وتقول الوكالة إن الاتفاق قديم.", "الوكالة", "reuters"),
    ("وقالت حركة حماس إن الحركة لن تتراجع عن مطالبها.", "الحركة", "hamas"),
    ("انتقد قادة حزب الله القرار، وقال الحزب في بيان إنه يرفضه.", "الحزب", "hezbollah"),
])
def test_anaphor_takes_the_nearest_matching_antecedent(kb, text, anaphor, actor):
    ms = by_text(mentions(kb, text))
    assert anaphor in ms, list(ms)
    assert ms[anaphor].actor_id == actor and ms[anaphor].origin == "anaphor"


def test_anaphor_without_antecedent_is_not_a_mention(kb):
    ms = by_text(mentions(kb, "أعلن المتحدث أن الحركة سترد على الهجوم في الوقت المناسب."))
    assert "الحركة" not in ms


def test_anaphor_with_a_nisba_needs_an_antecedent_of_that_state(kb):
    # «الوزارة الروسية» must not reach back to the Iranian ministry named before it.
    ms = by_text(mentions(kb, "وقالت وزارة الخارجية الإيرانية إن الوزارة الروسية لم تعلق."))
    assert "الوزارة الروسية" not in ms


# -- counterparts, regimes, appositive titles ---------------------------------------------------
def test_counterpart_is_the_same_office_in_the_other_state(kb):
    ms = by_text(mentions(kb, "نقل شويغو رسالة تهنئة للرئيس بشار الاسد من نظيره الروسي بمناسبة كسر الحصار."))
    assert ms["نظيره الروسي"].actor_id == "vladimir_putin"
    assert ms["نظيره الروسي"].extra["role"] == "president"


def test_counterpart_of_a_named_minister(kb):
    ms = by_text(mentions(kb, "بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره الإيراني الملف النووي.",
                          published="2016-02-04"))
    assert ms["نظيره الإيراني"].actor_id == "mohammad_javad_zarif"


def test_regime_of_a_titled_head_of_state_is_the_state(kb):
    ms = mentions(kb, "تساند الطائرات الروسية نظام الرئيس السوري بشار الأسد في الحرب.")
    spans = {(m.text, m.actor_id) for m in ms}
    assert ("نظام الرئيس السوري بشار الأسد", "syria") in spans
    assert ("الرئيس السوري بشار الأسد", "bashar_al_assad") in spans


def test_title_after_a_name_describes_that_person(kb):
    ms = by_text(mentions(kb, "سيقوم بها ألكسندر نوفاك نائب رئيس الوزراء الروسي للقاء المسؤولين الإيرانيين.",
                          published="2022-05-09"))
    assert ms["ألكسندر نوفاك"].actor_id == "alexander_novak"
    assert ms["نائب رئيس الوزراء الروسي"].actor_id == "alexander_novak"


def test_title_after_a_name_of_another_office_stays_apart(kb):
    # Lavrov was never Syria's foreign minister: the title is not his description.
    ms = by_text(mentions(kb, "التقى لافروف وزير الخارجية السوري وليد المعلم في موسكو."))
    assert ms["لافروف"].actor_id == "sergei_lavrov"
    assert ms["وزير الخارجية السوري وليد المعلم"].actor_id != "sergei_lavrov"


# -- demonyms, plural and bloc adjectives, unnamed sources --------------------------------------
@pytest.mark.parametrize("phrase,actor", [
    ("للروس", "russia"), ("والأتراك", "turkey"), ("الإيرانيين", "iran"), ("والسوريين", "syria"),
])
def test_peoples_name_their_state(kb, phrase, actor):
    ms = by_text(mentions(kb, f"قدم سليماني شرحا وافيا {phrase} حيال الوضع في المنطقة."))
    assert ms[phrase].actor_id == actor and ms[phrase].label == "GPE"


def test_singular_nisba_alone_is_not_a_mention(kb):
    ms = by_text(mentions(kb, "وصلت الأزمة الأوكرانية إلى مرحلة جديدة."))
    assert not any(m.actor_id == "ukraine" for m in ms.values())


def test_bloc_adjectives_after_an_agent_noun(kb):
    ms = mentions(kb, "ردا على الدعم الأميركي والأوروبي لكييف وعلى التدخلات الغربية في المنطقة.")
    ids = {(m.text, m.actor_id) for m in ms}
    assert ("الدعم الأميركي والأوروبي", "united_states") in ids
    assert ("الدعم الأميركي والأوروبي", "european_countries") in ids
    assert ("التدخلات الغربية", "western_countries") in ids


def test_bloc_adjective_is_not_a_direction(kb):
    ms = mentions(kb, "تقدمت القوات نحو الشمال الغربي من المدينة.")
    assert not any(m.actor_id == "western_countries" for m in ms)


def test_agent_nouns_with_two_nisbas(kb):
    ms = mentions(kb, "سبقتها اتصالات روسية إيرانية رفيعة المستوى.")
    assert {m.actor_id for m in ms} >= {"russia", "iran"}


def test_unnamed_source_of_a_state_and_its_anaphor(kb):
    ms = by_text(mentions(kb, "كشف مصدر إيراني مقرب من الحرس الثوري عن الزيارة. وأضاف المصدر أن الأسد التقى خامنئي."))
    assert ms["مصدر إيراني"].actor_id == "anonymous_sources"
    assert ms["المصدر"].actor_id == "anonymous_sources"


# -- weak aliases of bodies, by the document's main country -------------------------------------
def test_weak_body_alias_counts_in_a_document_about_its_country(kb):
    text = ("قالت دمشق إن سوريا ستواصل الحرب، وأكدت الحكومة السورية تقدم القوات النظامية في ريف حلب "
            "بعد خطاب ألقاه الأسد أمام مجلس الشعب.")
    ms = by_text(mentions(kb, text))
    assert ms["القوات النظامية"].actor_id == "syrian_army"
    assert ms["مجلس الشعب"].actor_id == "syrian_peoples_assembly"


def test_weak_body_alias_needs_its_country(kb):
    ms = by_text(mentions(kb, "قالت القاهرة إن مصر ترفض التدخل، وتقدمت القوات النظامية في سيناء."))
    assert "القوات النظامية" not in ms


# -- places ---------------------------------------------------------------------------------------
def test_coordinated_names_after_a_place_cue_are_places(kb):
    ms = by_text(mentions(kb, "تحدث عن التعاون الإيراني الروسي في العراق وسوريا."))
    assert ms["وسوريا"].place_id == "country:SYR"


def test_both_and_list_is_not_a_place(kb):
    ms = by_text(mentions(kb, "الروابط بين دمشق وكل من طهران وموسكو تزداد."))
    assert ms["طهران"].actor_id == "iran" and ms["وموسكو"].actor_id == "russia"


@pytest.mark.parametrize("phrase,name_en", [
    ("شمال سوريا", "Northern Syria"), ("جنوبي سوريا", "Southern Syria"), ("الشرق الأوسط", "Middle East"),
    ("الساحل السوري", "Syrian coast"), ("الأراضي الفلسطينية المحتلة", "Occupied Palestinian territories"),
])
def test_regions(kb, phrase, name_en):
    ms = by_text(mentions(kb, f"تصاعد التوتر في {phrase} خلال الأسبوع."))
    assert ms[f"{phrase}"].extra["location"]["name_en"] == name_en


def test_a_numbered_round_keeps_its_place(kb):
    ms = by_text(mentions(kb, "يأتي ذلك للتأثير على نتائج مؤتمر «جنيف3» ومفاوضات أستانا."))
    assert ms["جنيف"].extra["location"]["name_en"] == "Geneva"


def test_front_with_a_nisba_is_that_country(kb):
    ms = by_text(mentions(kb, "عقب نقل القوات الروسية إلى الجبهة الأوكرانية."))
    assert ms["الجبهة الأوكرانية"].place_id == "country:UKR"


@pytest.mark.parametrize("text,phrase,country", [
    ("انفجار ضخم يهز منطقة #المنيل وسط القاهرة", "المنيل", "EGY"),
    ("اندلاع حريق بمعهد الأورام بالمنيل", "بالمنيل", "EGY"),
    ("أضرار كبيرة في مستشفى الروم في الاشرفية", "الاشرفية", "LBN"),
    ("زحام في #مدينة_نصر بعد الحادث", "مدينة_نصر", "EGY"),
])
def test_city_districts(kb, text, phrase, country):
    ms = by_text(mentions(kb, text))
    assert ms[phrase].extra["location"]["country"] == country


def test_persian_letters_fold(kb):
    ms = by_text(mentions(kb, "تحدث ولایتي في موسکو عن التعاون في سوریا."))
    assert ms["موسکو"].extra["location"]["name_en"] == "Moscow"


# -- counterparts with clitics, feminine, and without a nisba ----------------------------------
@pytest.mark.parametrize("text,span,actor", [
    ("التقى وزير الخارجية الروسي سيرغي لافروف ونظيره السوري في موسكو.", "ونظيره السوري", "faisal_mekdad"),
    ("وجه وزير الخارجية الإيراني رسالة لنظيره الروسي.", "لنظيره الروسي", "sergei_lavrov"),
    ("اتصلت وزيرة الخارجية الفرنسية بنظيرتها الألمانية.", "بنظيرتها الألمانية", "annalena_baerbock"),
])
def test_counterpart_with_a_clitic_or_feminine(kb, text, span, actor):
    ms = by_text(mentions(kb, text, published="2023-11-20"))
    assert ms[span].actor_id == actor and ms[span].extra["role"] == "foreign_minister"


@pytest.mark.parametrize("text,actor,country", [
    ("زار وزير الخارجية الروسي سيرغي لافروف تركيا حيث التقى نظيره في أنقرة.", "hakan_fidan", "TUR"),
    ("التقى وزير الخارجية التركي في موسكو نظيره.", "sergei_lavrov", "RUS"),
])
def test_counterpart_without_nisba_is_in_the_other_state_of_the_sentence(kb, text, actor, country):
    ms = by_text(mentions(kb, text, published="2023-11-20"))
    assert ms["نظيره"].actor_id == actor and ms["نظيره"].extra["country"] == country


def test_counterpart_without_nisba_and_several_other_states_is_no_mention(kb):
    ms = by_text(mentions(kb, "التقى وزير الخارجية التركي نظيره في موسكو بحضور ممثلين عن إيران.",
                          published="2023-11-20"))
    assert "نظيره" not in ms


def test_counterpart_followed_by_a_name_is_that_person(kb):
    ms = by_text(mentions(kb, "التقى وزير الخارجية الروسي سيرغي لافروف نظيره فيصل المقداد في موسكو.",
                          published="2023-11-20"))
    assert ms["نظيره"].actor_id == "faisal_mekdad"


# -- an office + a state's name, with clitics ---------------------------------------------------
@pytest.mark.parametrize("text,span,actor,state", [
    ("أكد لافروف ووزير خارجية إيران أن الاتفاق قائم.", "ووزير خارجية إيران", "hossein_amir_abdollahian", "iran"),
    ("وقال لوزير دفاع روسيا إن الأمر محسوم.", "لوزير دفاع روسيا", "sergei_shoigu", "russia"),
])
def test_office_with_a_state_name_and_clitics(kb, text, span, actor, state):
    ms = by_text(mentions(kb, text, published="2023-11-20"))
    assert ms[span].actor_id == actor
    assert ms[span.split()[-1]].actor_id == state  # the state inside the title is a mention of its own
