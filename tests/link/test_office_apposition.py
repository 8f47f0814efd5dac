"""An office noun and its complement before a name describe that person (coref ``_office_appositions``)."""

from __future__ import annotations

import re

from marsad.arabic import normalize
from marsad.link import Linker
from marsad.link.coref import Coreference
from marsad.model import Mention

_LINKER = Linker(None, None)


def _m(text: str, s: str, label: str, actor: str | None = None, origin: str = "gazetteer") -> Mention:
    at = text.index(s)
    extra = {"ref": {"id": actor}} if actor else {"ref": _LINKER.unresolved_ref(s, label)}
    return Mention(at, at + len(s), s, label=label, actor_id=actor, origin=origin, extra=extra)


def _run(text: str, mentions: list[Mention]) -> list[Mention]:
    nt = normalize(text)
    known = {"ali_akbar_velayati": ("علي أكبر ولايتي",), "ali_khamenei": ("علي خامنئي",)}
    return Coreference(lambda a: known.get(a), lambda _w: False)(text, nt.text, nt.to_original, mentions)


def _person(ms: list[Mention], actor: str) -> Mention:
    return next(m for m in ms if m.actor_id == actor)


def test_office_with_a_genitive_name_before_a_comma_describes_the_next_name() -> None:
    text = "يزور مستشار خامنئي في الشؤون الدولية، علي أكبر ولايتي، العاصمة الروسية."
    ms = _run(text, [_m(text, "خامنئي", "PERS", "ali_khamenei"),
                     _m(text, "علي أكبر ولايتي", "PERS", "ali_akbar_velayati")])
    assert _person(ms, "ali_akbar_velayati").text == "مستشار خامنئي في الشؤون الدولية، علي أكبر ولايتي"
    assert _person(ms, "ali_khamenei").text == "خامنئي"  # the genitive is not the person described


def test_a_construct_chain_through_an_organisation_reaches_the_name() -> None:
    text = "وأفادت الوكالة أن رئيس مركز الدراسات الاستراتيجية في مجلس تشخيص مصلحة النظام ولايتي بحث مع بوتين."
    ms = _run(text, [_m(text, "مجلس تشخيص مصلحة النظام", "ORG", "expediency_council"),
                     _m(text, "ولايتي", "PERS", "ali_akbar_velayati")])
    assert _person(ms, "ali_akbar_velayati").text.startswith("رئيس مركز الدراسات")


def test_a_rank_after_the_comma_and_an_unknown_person() -> None:
    text = "أكدت مواقع إيرانية مقتل قائد لواء 21 المدرع في الحرس الثوري، العقيد محسن قاجاريان في معارك حلب."
    ms = _run(text, [_m(text, "الحرس الثوري", "ORG", "irgc"), _m(text, "محسن قاجاريان", "PERS", origin="ner")])
    person = next(m for m in ms if m.label == "PERS")
    assert person.text.startswith("قائد لواء 21") and person.text.endswith("محسن قاجاريان")
    assert person.extra["ref"]["name_en"] == "Mohsen Ghajarian"


def test_a_verb_or_a_genitive_alone_ends_the_description() -> None:
    # «رئيس الوزراء قال …»: a verb breaks the chain; «مستشار خامنئي» alone is no apposition
    text = "وقال رئيس الوزراء إن علي أكبر ولايتي سيزور موسكو. والتقى مستشار خامنئي بوفد روسي."
    ms = _run(text, [_m(text, "علي أكبر ولايتي", "PERS", "ali_akbar_velayati"),
                     _m(text, "خامنئي", "PERS", "ali_khamenei")])
    assert [m.text for m in ms] == ["علي أكبر ولايتي", "خامنئي"]
    assert not re.search("رئيس", _person(ms, "ali_akbar_velayati").text)


def test_a_particle_or_a_coordinated_name_is_no_description() -> None:
    # «قال مسؤول إن روسيا وبوتين …»: «إن» ends the complement; «وبوتين» is a second name joined by «و»
    text = "قال مسؤول إن روسيا وبوتين تبحث التعاون. وقال مسؤول روسي وبوتين إن الاتفاق قريب."
    known = {"vladimir_putin": ("فلاديمير بوتين", "بوتين")}
    ms = [_m(text, "روسيا", "GPE", "russia")]
    at = text.index("وبوتين", text.index("."))
    ms += [_m(text, "وبوتين", "PERS", "vladimir_putin"),
           Mention(at, at + 6, "وبوتين", label="PERS", actor_id="vladimir_putin", origin="gazetteer",
                   extra={"ref": {"id": "vladimir_putin"}})]
    nt = normalize(text)
    out = Coreference(lambda a: known.get(a), lambda _w: False)(text, nt.text, nt.to_original, ms)
    assert [m.text for m in out if m.label == "PERS"] == ["وبوتين", "وبوتين"]
