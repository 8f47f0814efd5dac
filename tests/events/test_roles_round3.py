"""Roles round 3: participants the role assignment used to miss (issue 6).

Every sentence here was written for these tests.
"""

from __future__ import annotations

from typing import Any

from events_helpers import ids, make_doc

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon
from marsad.model import Document


def _events(doc: Document, **kw: Any) -> list[dict[str, Any]]:
    return extract_events(doc, load_lexicon(), {}, **kw)


def _of(doc: Document, type_: str, **kw: Any) -> list[dict[str, Any]]:
    return [e for e in _events(doc, **kw) if e["type"] == type_]


def test_subject_of_an_aspect_verb_is_the_actor_of_its_masdar():
    # «ستواصل دعم»: «دعم» is spelt like a perfect, but after «ستواصل» it is the masdar it governs
    text = "وأكد البيان أن أنقرة ستواصل دعم بغداد في مواجهة الإرهاب."
    doc = make_doc(text, actors={"أنقرة": ("turkey", "Turkey"), "بغداد": ("iraq", "Iraq")})
    (support,) = _of(doc, "SUPPORT")
    assert ids(support["actor"]) == ["turkey"]
    assert ids(support["recipient"]) == ["iraq"]


def test_negated_aspect_verb_keeps_its_subject_and_object():
    text = "وقال الوزير إن طهران لن تواصل دعم الفصائل المسلحة في المنطقة."
    doc = make_doc(text, actors={"الوزير": ("minister", "The minister"), "طهران": ("iran", "Iran"),
                                 "الفصائل المسلحة": ("militias", "Armed factions")})
    (support,) = _of(doc, "SUPPORT")
    assert ids(support["actor"]) == ["iran"]
    assert ids(support["recipient"]) == ["militias"]
    assert support["status"] == "negated"


def test_fronted_discourse_phrase_does_not_hide_the_subject():
    # «من جهتها،» opens the sentence: the subject of «أعلنت» still announces its own refusal
    text = "من جهتها، أعلنت الحكومة الليبية رفض أي تدخل عسكري أجنبي في البلاد."
    doc = make_doc(text, actors={"الحكومة الليبية": ("libya_gov", "Libyan government")})
    (reject,) = _of(doc, "REJECT")
    assert ids(reject["actor"]) == ["libya_gov"]


def test_fronted_phrase_then_participle_gives_the_subject():
    text = "وفي المقابل، اعتبرت الحركة أن القرار غير قانوني، مؤكدة رفضها أي حوار مع السلطة."
    doc = make_doc(text, actors={"الحركة": ("movement", "The movement")})
    (reject,) = _of(doc, "REJECT")
    assert ids(reject["actor"]) == ["movement"]


def test_relative_verb_after_an_agreement_names_its_parties():
    text = "وتوقف القتال بعد اتفاق على هدنة لمدة أسبوع، توصّل إليه وزير الخارجية المصري ونظيره القطري في القاهرة."
    doc = make_doc(text, actors={"وزير الخارجية المصري": ("eg_fm", "Egyptian foreign minister"),
                                 "ونظيره القطري": ("qa_fm", "Qatari foreign minister", "نظيره القطري")})
    (agree,) = _of(doc, "AGREE")
    assert ids(agree["actor"]) == ["eg_fm"]
    assert ids(agree["recipient"]) == ["qa_fm"]


def test_meetings_that_brought_ministers_together_have_them_as_parties():
    text = "وجاء القرار بعد اجتماعات في الرياض الأسبوع الماضي ضمت وزراء خارجية الأردن والعراق ومصر."
    doc = make_doc(text, actors={"الأردن": ("jordan", "Jordan"), "والعراق": ("iraq", "Iraq", "العراق"),
                                 "ومصر": ("egypt", "Egypt", "مصر")})
    (meet,) = _of(doc, "CONSULT")
    assert ids(meet["actor"]) == ["jordan"]
    assert ids(meet["recipient"]) == ["iraq", "egypt"]


def test_reaching_an_agreement_is_not_a_relative_clause():
    # «توصّل إلى اتفاق»: the verb's own object, not a clause about an earlier noun
    text = "وجاءت المحادثات بعد أسابيع من التوتر، توصلت خلالها الحكومة إلى اتفاق مع النقابات."
    doc = make_doc(text, actors={"الحكومة": ("gov", "Government"), "النقابات": ("unions", "Unions")})
    for ev in _of(doc, "CONSULT"):
        assert ids(ev["actor"]) != ["gov"]


def test_a_sum_of_money_is_never_a_participant():
    from marsad.model import Mention
    text = "ووقعت روسيا اتفاقية للطاقة مع تركيا بقيمة نحو 20 مليار دولار."
    doc = make_doc(text, actors={"روسيا": ("russia", "Russia")})
    s = text.index("دولار")
    # the recogniser's unlinked name for the currency
    doc.mentions.append(Mention(s, s + len("دولار"), "دولار", label="MISC"))
    doc.mentions.sort(key=lambda m: m.start)
    (agree,) = _of(doc, "AGREE")
    assert ids(agree["actor"]) == ["russia"]
    assert all(r.get("text") != "دولار" for r in agree["recipient"])


def test_forces_withdrawn_are_the_actor_of_the_withdrawal():
    # «ببدء سحب»: after a governing masdar «سحب» is the masdar, not the perfect «سَحَبَ»
    text = "وأمر الرئيس ببدء سحب جزء كبير من القوات الأمريكية المنتشرة في العراق."
    doc = make_doc(text, actors={"الرئيس": ("president", "The president"),
                                 "القوات الأمريكية": ("us_forces", "US forces")})
    (retreat,) = _of(doc, "RETREAT")
    assert ids(retreat["actor"]) == ["us_forces"]
    assert retreat["recipient"] == []


def test_place_left_after_min_is_not_the_actor():
    # «من العراق» (no part word before «من») is where they leave, not who leaves
    text = "وتحدث التقرير عن سحب من العراق خلال الصيف."
    doc = make_doc(text, actors={"العراق": ("iraq", "Iraq")})
    for ev in _of(doc, "RETREAT"):
        assert ids(ev["actor"]) != ["iraq"]


def test_announced_withdrawal_of_own_forces_after_preposition():
    text = "ورحبت الحكومة بالإعلان عن سحب القوات التركية من المنطقة الحدودية."
    doc = make_doc(text, actors={"الحكومة": ("gov", "Government"),
                                 "القوات التركية": ("tr_forces", "Turkish forces")})
    (retreat,) = _of(doc, "RETREAT")
    assert ids(retreat["actor"]) == ["tr_forces"]
