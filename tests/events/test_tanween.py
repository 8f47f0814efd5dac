"""Words that look like triggers but are not: tanween marks a noun or adjective (never a finite
verb), a named thing is no event («مناطق خفض التصعيد»), «أي هجوم» is a kind of act, and «لبحث
الهجوم» is what a meeting discusses."""

from __future__ import annotations


def _types(nlp, text: str) -> list[tuple[str, str | None]]:  # noqa: ANN001
    return [(e.type, e.mode) for e in nlp(text, published="2020-01-03").events]


def test_adjective_spelled_like_a_verb_is_no_trigger(nlp) -> None:  # noqa: ANN001
    # «سافراً» (blatant) is spelled like «سافرا» (the two travelled)
    text = ("وقال رئيس الوزراء العراقي عادل عبد المهدي إن الضربة تمثل «خرقاً سافراً» لشروط وجود القوات "
            "الأمريكية في العراق.")
    assert ("CONSULT", "visit") not in _types(nlp, text)


def test_the_verb_without_tanween_still_triggers(nlp) -> None:  # noqa: ANN001
    text = "سافر وزير الخارجية العراقي فؤاد حسين إلى طهران أمس."
    assert ("CONSULT", "visit") in _types(nlp, text)


def test_participles_keep_tanween(nlp) -> None:  # noqa: ANN001
    text = "وصل وزير الخارجية الإيراني إلى بغداد، متهماً الولايات المتحدة بزعزعة استقرار المنطقة."
    assert any(t == "ACCUSE" for t, _ in _types(nlp, text))


def test_named_de_escalation_zones_are_no_ceasefire(nlp) -> None:  # noqa: ANN001
    zones = "وصل وفد عسكري روسي إلى أنقرة لبحث ترتيبات مناطق خفض التصعيد في إدلب مع الجانب التركي."
    assert ("RETREAT", "ceasefire") not in _types(nlp, zones)
    agreed = "واتفق الجانبان الروسي والتركي على خفض التصعيد في إدلب."
    assert ("RETREAT", "ceasefire") in _types(nlp, agreed)


def _events(nlp, text: str) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(e.type, e.status) for e in nlp(text, published="2019-10-01").events]


def test_any_attack_is_no_attack(nlp) -> None:  # noqa: ANN001
    text = "وخلال استقباله أردوغان، أكد خامنئي رفض إيران أي هجوم عسكري في شمال سوريا."
    got = _events(nlp, text)
    assert not any(t == "ASSAULT" for t, _ in got)
    assert any(t == "REJECT" for t, _ in got)  # the rejection itself stays


def test_denied_any_act_stays_negated(nlp) -> None:  # noqa: ANN001
    assert ("CONSULT", "negated") in _events(nlp, "ولم يحدث أي اتصال مباشر بين أنقرة ودمشق خلال الأيام الماضية.")
    light = "نفت وزارة الدفاع الروسية أن تكون طائراتها قد شنت أي غارات على خان شيخون."
    assert ("ASSAULT", "negated") in _events(nlp, light)


def test_attack_discussed_is_not_a_new_attack(nlp) -> None:  # noqa: ANN001
    text = ("شنت جماعة الحوثي هجوماً بطائرات مسيرة على أبوظبي. "
            "وطلبت الإمارات عقد جلسة طارئة لمجلس الأمن الدولي لبحث الهجوم.")
    events = nlp(text, published="2022-01-18").events
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and [a.id for a in attacks[0].actor] == ["houthis"]
    assert any(e.type == "REQUEST" for e in events)


def test_declaring_war_in_words_is_no_attack(nlp) -> None:  # noqa: ANN001
    assert not any(t == "ASSAULT" for t, _ in _types(nlp, "ووصف الرئيس اللبناني ميشال عون ما حدث بأنه «بمثابة إعلان حرب»."))
    campaign = "وأكدت الخارجية الروسية في بيان أن موسكو ستواصل دعم دمشق في «الحرب على الإرهاب»."
    assert not any(t == "ASSAULT" for t, _ in _types(nlp, campaign))
    assert any(t == "ASSAULT" for t, _ in _types(nlp, "وأعلنت روسيا الحرب على أوكرانيا فجر الخميس."))


def test_a_loaded_car_accuses_nobody(nlp) -> None:  # noqa: ANN001
    text = "وقال مصدر أمني إن السيارة كانت محملة بنحو 150 كيلوغراماً من المواد المتفجرة."
    assert not any(t == "ACCUSE" for t, _ in _types(nlp, text))
