"""Within-document coreference of people (marsad.link.coref), on hand-built mentions (no NER model)."""

from __future__ import annotations

import re

import pytest

from marsad.arabic import normalize
from marsad.link import Linker
from marsad.link.coref import Coreference, name_words, strip_proclitic
from marsad.model import Mention

_LINKER = Linker(None, None)  # unresolved_ref needs no knowledge base


def _ner(text: str, name: str, nth: int = 0) -> Mention:
    """An NER person mention of the ``nth`` occurrence of ``name``, as the recogniser makes it."""
    m = list(re.finditer(re.escape(name), text))[nth]
    return Mention(m.start(), m.end(), name, label="PERS", origin="ner",
                   extra={"ref": _LINKER.unresolved_ref(name, "PERS")})


def run(text: str, mentions: list[Mention], common: set[str] = frozenset(),
        known: dict[str, tuple[str, ...]] | None = None) -> list[Mention]:
    nt = normalize(text)
    coref = Coreference(lambda a: (known or {}).get(a), lambda w: w in common)
    return coref(text, nt.text, nt.to_original, mentions)


def ids(ms: list[Mention]) -> dict[str, str]:
    return {m.text: (m.actor_id or m.extra["ref"]["id"]) for m in ms}


def test_name_words_and_proclitics() -> None:
    assert name_words("«هاني زاده»-") == ("هاني", "زاده")
    assert ("هاني", "زاده") in strip_proclitic(name_words("لهاني زاده"))
    assert ("شكيبايي",) in strip_proclitic(name_words("وشكيبائي"))


def test_surname_repeat_with_a_clitic_takes_the_introduction_id() -> None:
    text = ("وقال المحلل حسن هاني زاده إن الزيارة مهمة. وأوضح هاني زاده أن المباحثات طويلة، "
            "والكلام لهاني زاده.")
    ms = run(text, [_ner(text, "حسن هاني زاده"), _ner(text, "هاني زاده", 1), _ner(text, "لهاني زاده")])
    got = ids(ms)
    assert got["هاني زاده"] == got["لهاني زاده"] == got["المحلل حسن هاني زاده"]
    assert {m.extra["ref"]["name_en"] for m in ms} == {_LINKER.unresolved_ref("حسن هاني زاده", "PERS")["name_en"]}


def test_a_bare_surname_the_model_missed_becomes_a_mention() -> None:
    text = "وصف المحلل السياسي مهدي شكيبائي الانسحاب بأنه متوقع. وقرأ شكيبائي الزيارة بوصفها رسالة."
    ms = run(text, [_ner(text, "مهدي شكيبائي")])
    repeat = [m for m in ms if m.text == "شكيبائي"]
    assert repeat and repeat[0].origin == "coref"
    assert repeat[0].extra["ref"]["id"] == ms[0].extra["ref"]["id"]


def test_persian_letters_fold_to_the_arabic_introduction() -> None:
    # ی/ي and ک/ك: the repeat is written with Arabic letters, the introduction with Persian ones.
    text = "أوضح القيادي حسین کنعاني مقدم أن موسكو لم تنسحب. ووصف كنعاني مقدم التعاون بأنه استراتيجي."
    ms = run(text, [_ner(text, "حسین کنعاني مقدم")])
    got = ids(ms)
    assert got["كنعاني مقدم"] == got[next(t for t in got if "حسین" in t)]


def test_a_verb_swallowed_by_the_model_is_trimmed() -> None:
    text = "قال حسين كنعاني إن الانسحاب جزئي. ووصف كنعاني التعاون بأنه وثيق."
    ms = run(text, [_ner(text, "حسين كنعاني"), _ner(text, "ووصف كنعاني")])
    repeat = next(m for m in ms if m.start > text.index("."))
    assert repeat.text == "كنعاني" and repeat.extra["ref"]["id"] == ms[0].extra["ref"]["id"]


def test_common_word_surnames_and_particles_are_not_scanned() -> None:
    text = ("قال عزيز النصر إن الحرب طويلة. ويأمل الجيش في النصر قريبا. "
            "وأكد عبد الوحيد أن الطريق الوحيد هو الحوار.")
    ms = run(text, [_ner(text, "عزيز النصر"), _ner(text, "عبد الوحيد")], common={"نصر"})
    assert [m.text for m in ms] == ["عزيز النصر", "عبد الوحيد"]


def test_a_surname_two_people_share_is_left_alone() -> None:
    text = "التقى محمد كنعاني وأحمد كنعاني في بيروت. وقال كنعاني إن اللقاء مثمر."
    ms = run(text, [_ner(text, "محمد كنعاني"), _ner(text, "أحمد كنعاني")])
    assert len(ms) == 2


def test_a_surname_before_the_introduction_is_not_linked() -> None:
    text = "وقال شكيبائي إن الزيارة مهمة. وكان المحلل مهدي شكيبائي قد توقعها."
    ms = run(text, [_ner(text, "شكيبائي"), _ner(text, "مهدي شكيبائي")])
    assert ms[0].extra["ref"]["id"] != ms[1].extra["ref"]["id"]


def test_known_person_surname_not_in_the_knowledge_base() -> None:
    text = "استقبل الرئيس عبد الفتاح السيسي الوفد. وقال السيسي إن مصر تدعم الحل."
    first = Mention(text.index("عبد"), text.index(" الوفد"), "عبد الفتاح السيسي", label="PERS",
                    actor_id="abdel_fattah_el_sisi", extra={"ref": {"id": "abdel_fattah_el_sisi"}})
    ms = run(text, [first], known={"abdel_fattah_el_sisi": ("عبد الفتاح السيسي",)})
    assert [m.actor_id for m in ms] == ["abdel_fattah_el_sisi", "abdel_fattah_el_sisi"]
    assert ms[1].text == "السيسي"


def test_description_joins_the_name_and_refers_back_later() -> None:
    text = ("من جانبه، أوضح القيادي السابق في الحرس الثوري، حسين كنعاني مقدم، أن الانسحاب جزئي. "
            "وقال القيادي السابق في الحرس الثوري إن الردع ممكن.")
    ms = run(text, [_ner(text, "حسين كنعاني مقدم")])
    intro, later = ms
    assert intro.text.startswith("القيادي السابق في الحرس الثوري، حسين")
    assert later.text == "القيادي السابق في الحرس الثوري"
    assert later.extra["ref"]["id"] == intro.extra["ref"]["id"]


def test_commentator_description_refers_to_the_nearest_commentator() -> None:
    text = ("وصف المحلل السياسي مهدي شكيبائي الانسحاب بأنه متوقع. "
            "ويعتقد الباحث الإيراني أن تعزيز القوات ينسجم مع ذلك.")
    ms = run(text, [_ner(text, "مهدي شكيبائي")])
    assert [m.text for m in ms] == ["المحلل السياسي مهدي شكيبائي", "الباحث الإيراني"]
    assert ms[1].extra["ref"]["id"] == ms[0].extra["ref"]["id"]


@pytest.mark.parametrize("text", [
    "ويعتقد الباحث الإيراني أن تعزيز القوات ينسجم مع ذلك.",  # nobody introduced as a commentator
    "وصف مهدي شكيبائي الانسحاب بأنه متوقع. ويعتقد الباحث الإيراني أن ذلك صحيح.",  # introduced without one
])
def test_bare_description_without_a_described_person_is_not_a_mention(text) -> None:
    ms = [_ner(text, "مهدي شكيبائي")] if "شكيبائي" in text else []
    assert all(m.text != "الباحث الإيراني" for m in run(text, ms))


def _known(text: str, name: str, actor: str) -> Mention:
    s = text.index(name)
    return Mention(s, s + len(name), name, label="PERS", actor_id=actor, extra={"ref": {"id": actor}})


_SABAH = {"sabah_al_ahmad": ("صباح الأحمد الجابر الصباح", "الشيخ صباح الأحمد")}


@pytest.mark.parametrize("repeat", ["الشيخ صباح", "صباح"])
def test_first_name_repeat_takes_the_known_person(repeat: str) -> None:
    text = f"استقبل أمير الكويت الشيخ صباح الأحمد الجابر الصباح الوفد. وقال {repeat} إن الكويت تدعم الحوار."
    first = _known(text, "الشيخ صباح الأحمد الجابر الصباح", "sabah_al_ahmad")
    ms = run(text, [first, _ner(text, repeat, nth=-1)], known=_SABAH)
    assert [m.actor_id for m in ms] == ["sabah_al_ahmad", "sabah_al_ahmad"]


def test_first_name_shared_by_two_people_is_left() -> None:
    text = ("التقى الشيخ صباح الأحمد الجابر الصباح الشيخ صباح الخالد الحمد الصباح. "
            "وقال الشيخ صباح إن الكويت تدعم الحوار.")
    ms = run(text, [_known(text, "الشيخ صباح الأحمد الجابر الصباح", "sabah_al_ahmad"),
                    _known(text, "الشيخ صباح الخالد الحمد الصباح", "sabah_al_khalid"),
                    _ner(text, "الشيخ صباح", nth=-1)],
             known={**_SABAH, "sabah_al_khalid": ("صباح الخالد الحمد الصباح",)})
    assert ms[-1].actor_id is None


def test_first_name_of_an_unknown_person_is_not_enough() -> None:
    # a surname repeat links an unknown person; a first name alone («حسن») is too common to
    text = "قال المحلل السياسي حسن هاني زاده إن الاتفاق صامد. وأضاف حسن أن المفاوضات مستمرة."
    ms = run(text, [_ner(text, "حسن هاني زاده"), _ner(text, "حسن", nth=1)])
    assert ms[-1].text == "حسن" and ms[-1].extra.get("coref") is None
