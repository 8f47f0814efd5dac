"""Word lists as character-trie regexes.

Python's regex engine tries the branches of an alternation one after another at every position it
visits, so a list of a hundred words costs a hundred failed comparisons at each word of a text. A
trie factors the shared prefixes out: an ordinary word fails at its first letter or two. The regex
matches exactly the same strings, longest first, as the alternation of the words sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def trie_regex(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex (no group of its own) matching exactly ``words``, longest first, with shared prefixes
    factored out; a space inside a word matches ``space`` (by default any run of white space; pass
    ``" "`` for exactly one space, as an alternation of the escaped words would)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        branches = []
        ends_here = "" in node
        for ch in sorted(k for k in node if k):
            piece = space if ch == " " else re.escape(ch)
            branches.append(piece + render(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:  # greedy optional: the longer word is tried first
            body = f"(?:{body})?"
        return body

    return render(trie)


class AnchoredPattern:
    r"""A compiled regex searched only where one of its words stands.

    Python's regex engine tries a pattern at every position of a text; a pattern that opens with a
    look-behind and optional clitics gets no help from its first-character filter, so a document of
    2,000 characters costs 2,000 failed attempts per pattern. The patterns here read a word of a list
    with its clitics: every match starts where no letter precedes it, runs over at most ``lead``
    letters (the clitics) to one of ``words``, and no letter follows that word («وبالمجلس» + space).
    An Aho–Corasick pass (one C-level scan) finds the words' occurrences; one that a letter follows, or
    that more than ``lead`` letters precede within its word, cannot be that word of a match, and the
    start of the word holding any other is the only place a match can start. :meth:`finditer` tries
    the pattern there only and yields exactly the matches of ``pattern.finditer`` (a match found at
    a position is the same whether the search reached it or started there: look-behinds see the
    text before it). A letter is ``[^\W\d_]`` (a word character that is no digit).
    """

    __slots__ = ("pattern", "lead", "_auto")

    def __init__(self, pattern: re.Pattern[str], words: Iterable[str], lead: int) -> None:
        import ahocorasick

        self.pattern = pattern
        self.lead = lead
        auto = ahocorasick.Automaton()
        for word in words:
            if word:
                auto.add_word(word, len(word))
        self._auto = auto if len(auto) else None
        if self._auto is not None:
            auto.make_automaton()

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The non-overlapping matches in ``text``, left to right (as ``re.Pattern.finditer``)."""
        if self._auto is None:
            return
        lead, n = self.lead, len(text)
        starts: set[int] = set()
        for end, length in self._auto.iter(text):
            after = end + 1
            if after < n and _is_letter(text[after]):
                continue  # the word goes on
            at = after - length
            begin = at  # walk back over the word's letters before the occurrence, at most lead + 1
            while begin > 0 and at - begin <= lead and _is_letter(text[begin - 1]):
                begin -= 1
            if at - begin <= lead:
                starts.add(begin)
        match = self.pattern.match
        last = 0
        for pos in sorted(starts):
            if pos >= last:
                m = match(text, pos)
                if m is not None:
                    last = m.end()
                    yield m


def _is_letter(ch: str) -> bool:
    r"""``[^\W\d_]`` for one character: alphanumeric and not a decimal digit."""
    return ch.isalnum() and not ch.isdecimal()
