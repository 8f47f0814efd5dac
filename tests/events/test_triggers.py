"""Trigger detection: every type in a typical sentence, verb forms, light verbs, phrases, blockers."""

from __future__ import annotations

import pytest
from events_helpers import make_doc

from marsad.events.lexicon import load_lexicon
from marsad.events.text import split_words


def triggers(sentence: str) -> list[tuple[str, str | None]]:
    lex = load_lexicon()
    return [(m.trigger.type, m.trigger.mode) for m in lex.match(split_words(sentence))
            if m.trigger.type != "NONE"]


@pytest.mark.parametrize(("sentence", "type_", "mode"), [
    ("وقّع البلدان اتفاقية للتعاون في مجال الطاقة", "AGREE", "sign"),
    ("تعهدت الحكومة بإجراء انتخابات مبكرة", "AGREE", "intent"),
    ("زار وزير الخارجية العاصمة الأردنية عمّان", "CONSULT", "visit"),
    ("استقبل الملك رئيس الوزراء في القصر", "CONSULT", "host"),
    ("أجرى الرئيسان اتصالاً هاتفياً بحثا خلاله الأوضاع", "CONSULT", "phone"),
    ("انطلقت مفاوضات السلام في جنيف", "CONSULT", "negotiate"),
    ("أشاد الوزير بجهود الوساطة القطرية", "SUPPORT", "praise"),
    ("قدّم رئيس الحكومة استقالته إلى البرلمان", "CONCEDE", "resign"),
    ("يتعاون البلدان في مكافحة التهريب", "COOPERATE", None),
    ("وصلت قافلة مساعدات إنسانية إلى المدينة المحاصرة", "AID", "humanitarian"),
    ("انسحبت القوات من البلدة بعد أسابيع من المعارك", "RETREAT", "withdraw"),
    ("أفرجت السلطات عن عشرات المعتقلين", "RETREAT", "release"),
    ("أعلن الطرفان وقف إطلاق النار في المدينة", "RETREAT", "ceasefire"),
    ("طالب المجلس الحكومة بفتح تحقيق عاجل", "REQUEST", None),
    ("اتهمت الوزارة جهات خارجية بتمويل الفوضى", "ACCUSE", "accuse"),
    ("أدانت الجامعة العربية التفجير الذي وقع أمس", "ACCUSE", "disapprove"),
    ("رفضت الحكومة المقترح الأوروبي بشكل قاطع", "REJECT", None),
    ("هدد الحزب بالانسحاب من الائتلاف الحاكم", "THREATEN", None),
    ("تظاهر آلاف الطلاب أمام مبنى البرلمان", "PROTEST", "demo"),
    ("دخل المعتقلون في إضراب عن الطعام منذ أسبوع", "PROTEST", "hunger"),
    ("فرض الاتحاد الأوروبي عقوبات جديدة على شركات الطاقة", "SANCTION", "sanctions"),
    ("حشد الجيش قواته على الحدود الشمالية", "MOBILIZE", "troops"),
    ("رفعت القوات البحرية حالة التأهب القصوى", "MOBILIZE", "alert"),
    ("اعتقلت الشرطة ثلاثة مشتبه بهم في العاصمة", "COERCE", "arrest"),
    ("فرضت السلطات حظر التجول في المدينة", "COERCE", "curfew"),
    ("اختطف مسلحون صحفياً أجنبياً قرب الحدود", "COERCE", "kidnap"),
    ("شنت الطائرات الحربية غارات جوية على مواقع المسلحين", "ASSAULT", "aerial"),
    ("قصفت المدفعية أطراف البلدة", "ASSAULT", "shelling"),
    ("انفجرت عبوة ناسفة بدورية للشرطة", "ASSAULT", "explosive"),
    ("فجّر انتحاري نفسه وسط السوق", "ASSAULT", "suicide"),
    ("أطلق مجهولون النار على سيارة القاضي", "ASSAULT", "firearms"),
    ("اغتيل القيادي في الحركة أمام منزله", "ASSAULT", "assassinate"),
    ("ارتكبت الميليشيا مجزرة في القرية", "ASSAULT", "massacre"),
    ("اندلعت اشتباكات عنيفة بين الطرفين", "ASSAULT", "clash"),
])
def test_each_type_and_mode_in_a_typical_sentence(sentence, type_, mode):
    assert (type_, mode) in triggers(sentence)


@pytest.mark.parametrize("form", [
    "قصف", "قصفت", "قصفوا", "وقصفت", "فقصفوا", "يقصف", "تقصف", "يقصفون", "سيقصف", "ستقصف", "وسيقصفون",
    "قصفناها", "قصفوه", "لن يقصفوا",
])
def test_verb_forms_of_a_sound_verb(form):
    assert ("ASSAULT", "shelling") in triggers(form)


@pytest.mark.parametrize("form", ["التقى", "التقت", "التقوا", "التقيا", "والتقى", "يلتقي", "تلتقي", "سيلتقي",
                                  "يلتقون", "التقاه", "لم يلتق"])
def test_verb_forms_of_a_defective_verb(form):
    assert ("CONSULT", "meet") in triggers(form)


@pytest.mark.parametrize("form", ["زار", "زارت", "زاروا", "زرنا", "يزور", "تزور", "سيزور", "ستزور", "وزار",
                                  "يزورون"])
def test_verb_forms_of_a_hollow_verb(form):
    assert ("CONSULT", "visit") in triggers(form)


@pytest.mark.parametrize("form", ["شنت الطائرات غارة", "تشن القوات هجوماً", "شنوا هجمات", "سيشن الجيش هجوماً"])
def test_doubled_light_verb_with_its_noun(form):
    assert any(t == "ASSAULT" for t, _ in triggers(form))


@pytest.mark.parametrize("form", ["أُصيب", "أصيبت", "أصيبوا", "اغتيل", "اغتيلت", "استشهد"])
def test_passive_forms(form):
    assert any(t == "ASSAULT" for t, _ in triggers(form))


@pytest.mark.parametrize(("phrase", "type_"), [
    ("الزيارة", "CONSULT"), ("بزيارة", "CONSULT"), ("وزيارته", "CONSULT"), ("للاجتماع", "CONSULT"),
    ("والمحادثات", "CONSULT"), ("لقاءً", "CONSULT"), ("هجوماً", "ASSAULT"), ("بالغارات", "ASSAULT"),
    ("الانسحاب", "RETREAT"), ("اتفاقاً", "AGREE"), ("التظاهرات", "PROTEST"), ("واعتقال", "COERCE"),
    ("الانتشار العسكري", "MOBILIZE"), ("بدعم", "SUPPORT"), ("الاتهامات", "ACCUSE"), ("تهديدات", "THREATEN"),
    ("العقوبات", "SANCTION"), ("إدانة", "ACCUSE"), ("رفض", "REJECT"),
])
def test_nominal_triggers_with_clitics_and_case_endings(phrase, type_):
    assert type_ in [t for t, _ in triggers(phrase)]


def test_longer_phrase_wins_over_its_words():
    # «وقف إطلاق النار» is a ceasefire, not a shooting
    assert triggers("أعلن وقف إطلاق النار") == [("RETREAT", "ceasefire")]
    assert ("AID", "military") in triggers("قدمت روسيا دعماً عسكرياً للجيش")


@pytest.mark.parametrize("sentence", [
    "قوات الدعم السريع تسيطر على المدينة",
    "حلقت طائرات مسيرة فوق المنطقة",
    "اجتمع وزراء مجلس التعاون الخليجي",
])
def test_blocking_phrases(sentence):
    found = triggers(sentence)
    assert ("SUPPORT", None) not in found
    assert not any(t == "PROTEST" for t, _ in found)
    assert not any(t == "COOPERATE" for t, _ in found)


@pytest.mark.parametrize("sentence", [
    "هناك خلافات كثيرة بين الطرفين",  # هناك is not «هنأ + ك»
    "وصل الوفد إلى لندن مساء أمس",  # لندن is not «ل + ن + دن» of أدان
    "ارتفع عدد السكان إلى اثنين مليون",  # اثنين is not a form of أثنى
])
def test_function_words_are_not_triggers(sentence):
    found = triggers(sentence)
    assert not any(t in ("SUPPORT", "ACCUSE") for t, _ in found), found


def test_military_context_required_for_ambiguous_verbs(extract):
    published = extract(make_doc("نشرت الصحيفة مقالاً عن الاقتصاد."))
    deployed = extract(make_doc("نشرت روسيا قوات إضافية قرب الحدود."))
    assert not any(e["type"] == "MOBILIZE" for e in published)
    assert any(e["type"] == "MOBILIZE" for e in deployed)


def test_weak_trigger_needs_an_actor(extract):
    assert not extract(make_doc("وصل عدد الزوار إلى مليون."))
    doc = make_doc("وصل وزير الخارجية الإيراني إلى لندن.",
                   actors={"وزير الخارجية الإيراني": ("iran_fm", "Iranian Foreign Minister")},
                   places={"لندن": "London"})
    ev = extract(doc)
    assert [(e["type"], e["mode"]) for e in ev] == [("CONSULT", "visit")]
    assert ev[0]["location"]["name_en"] == "London"
