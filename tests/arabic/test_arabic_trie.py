"""The trie regex matches what the longest-first alternation of its words matches."""

import re

from marsad.arabic.trie import trie_regex

WORDS = ["سوريا", "سور", "سوري", "الامارات", "الامم", "تل", "تلال", "ايران", "ايرلندا"]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def test_same_matches_as_the_alternation_in_running_text() -> None:
    text = "زار سوريا وسوريين ثم الامم المتحدة وتلال ايرلندا بعد ايران والامارات وتل"
    for pattern in (r"({})", r"(?<!\w)[وب]?({})(?!\w)", r"({})(?=\s)"):
        trie = re.compile(pattern.format(trie_regex(WORDS)))
        alt = re.compile(pattern.format(_alternation(WORDS)))
        assert [m.span(1) for m in trie.finditer(text)] == [m.span(1) for m in alt.finditer(text)]


def test_longest_word_first_then_backs_off_to_a_shorter_one() -> None:
    pattern = re.compile(f"(?:{trie_regex(WORDS)})(?= )")
    assert pattern.match("سوريا ").group() == "سوريا"
    assert pattern.match("سوري ").group() == "سوري"
    assert pattern.match("سورن ") is None


def test_a_space_in_a_phrase_matches_any_white_space() -> None:
    assert re.fullmatch(trie_regex(["تل ابيب"]), "تل \n ابيب")
