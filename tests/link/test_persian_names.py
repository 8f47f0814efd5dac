"""Persian names in Arabic news: romanised the Persian way, compound surnames kept whole."""

from __future__ import annotations

import re

from marsad.arabic import normalize
from marsad.link import Linker
from marsad.link.coref import Coreference
from marsad.link.translit import is_persian_name, transliterate
from marsad.model import Mention

_LINKER = Linker(None, None)


def test_persian_names_take_persian_spellings() -> None:
    assert transliterate("حسن هاني زاده") == "Hassan Hani Zadeh"
    assert transliterate("حسين كنعاني مقدم") == "Hossein Kanaani Moghaddam"
    assert transliterate("محسن قاجاريان") == "Mohsen Ghajarian"
    assert transliterate("مهدي شكيبائي") == "Mahdi Shakibaei"
    # Persian letters (ی ک) read like their Arabic forms; «پ» marks the name as Persian
    assert transliterate("حسین کنعاني مقدم") == transliterate("حسين كنعاني مقدم")
    assert transliterate("علي رحيم پور").endswith("Pour")


def test_arabic_names_keep_arabic_spellings() -> None:
    assert not is_persian_name("حسين الطائي")  # an ending after the article is Arabic
    assert not is_persian_name("سفيان")          # too short a stem before «يان»
    assert transliterate("حسين الحسيني").startswith("Hussein ")
    # final ة/ه after a consonant is a vowel, and an initial consonant cluster takes one
    assert transliterate("بشارة") == "Bashara"


def _ner(text: str, name: str, nth: int = 0) -> Mention:
    m = list(re.finditer(re.escape(name), text))[nth]
    return Mention(m.start(), m.end(), name, label="PERS", origin="ner",
                   extra={"ref": _LINKER.unresolved_ref(name, "PERS")})


def _run(text: str, mentions: list[Mention]) -> list[Mention]:
    nt = normalize(text)
    return Coreference(lambda _a: None, lambda _w: False)(text, nt.text, nt.to_original, mentions)


def test_the_second_half_of_a_compound_surname_joins_the_name() -> None:
    # the model stops before «مقدم» (also a common word) in both the introduction and the repeat
    text = "وقال القيادي حسين كنعاني مقدم إن موسكو باقية. وأضاف كنعاني مقدم أن التعاون مستمر."
    ms = _run(text, [_ner(text, "حسين كنعاني"), _ner(text, "كنعاني", 1)])
    assert [m.text for m in ms] == ["القيادي حسين كنعاني مقدم", "كنعاني مقدم"]
    assert {m.extra["ref"]["name_en"] for m in ms} == {"Hossein Kanaani Moghaddam"}
    assert ms[0].extra["ref"]["id"] == ms[1].extra["ref"]["id"]


def test_a_construct_after_the_word_is_not_a_surname() -> None:
    # «مقدم البرنامج»: the programme's presenter, not a surname
    text = "وقال سامر كنعاني مقدم البرنامج إن الحلقة المقبلة عن إيران."
    ms = _run(text, [_ner(text, "سامر كنعاني")])
    assert ms[0].text == "سامر كنعاني"
