"""The trie regex matches what the longest-first alternation of its words matches."""

import re

from marsad.arabic.trie import AnchoredPattern, trie_regex

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


def test_a_literal_space_matches_one_space_only() -> None:
    assert re.fullmatch(trie_regex(["تل ابيب"], space=" "), "تل ابيب")
    assert re.fullmatch(trie_regex(["تل ابيب"], space=" "), "تل  ابيب") is None


TEXT = ("قال المحلل السياسي إن والمحلل العسكري وللمحللين رأيا، وبالمجلس الوطني ومجلس الأمن "
        "والمجلس والمجالس ثم المحلل 3مجلس مجلس3 ومجلس_ كالمجلس، فالمحلل")


def test_anchored_pattern_finds_what_finditer_finds() -> None:
    # patterns of the kind it is for: no letter before the match, clitics, a word, no letter after it
    words = ["محلل", "محلل سياسي", "مجلس"]
    letter = r"[^\W\d_]"
    for lead, pattern in ((3, r"(?<!\w)[وف]?ال(" + trie_regex(words, space=" ") + r")(?!\w)"),
                          (4, rf"(?<!{letter})(?:[وف]?[بل]?ال|[وف]?لل)(" + trie_regex(words, space=" ")
                           + rf")(?!{letter})"),
                          (1, rf"(?<!{letter})[وف]?(" + trie_regex(words, space=" ") + rf")(?!{letter})"),
                          (2, r"(?<!\S)[وف]?(?:[بل])?(" + trie_regex(words, space=" ") + r") (\w+)")):
        compiled = re.compile(pattern)
        anchored = AnchoredPattern(compiled, words, lead=lead)
        expected = [(m.span(), m.group(1)) for m in compiled.finditer(TEXT)]
        assert expected  # the text holds matches of every pattern
        assert [(m.span(), m.group(1)) for m in anchored.finditer(TEXT)] == expected


def test_anchored_pattern_look_behind_sees_the_text_before_the_word() -> None:
    # «ومجلس» inside «الومجلس»-like runs must not match where a letter precedes the clitic
    compiled = re.compile(r"(?<![^\W\d_])[وف]?(مجلس)")
    anchored = AnchoredPattern(compiled, ["مجلس"], lead=1)
    text = "اومجلس ومجلس مجلس"
    assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in compiled.finditer(text)] \
        == [(7, 12), (13, 17)]


def test_anchored_pattern_without_words_finds_nothing() -> None:
    assert list(AnchoredPattern(re.compile("x"), [], lead=0).finditer("x")) == []
