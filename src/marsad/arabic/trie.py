"""Word lists as character-trie regexes.

Python's regex engine tries the branches of an alternation one after another at every position it
visits, so a list of a hundred words costs a hundred failed comparisons at each word of a text. A
trie factors the shared prefixes out: an ordinary word fails at its first letter or two. The regex
matches exactly the same strings, longest first, as the alternation of the words sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_regex(words: Iterable[str]) -> str:
    """A regex (no group of its own) matching exactly ``words``, longest first, with shared prefixes
    factored out; a space inside a word matches any run of white space."""
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
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + render(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:  # greedy optional: the longer word is tried first
            body = f"(?:{body})?"
        return body

    return render(trie)
