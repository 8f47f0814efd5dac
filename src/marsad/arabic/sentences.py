"""Sentence splitting with offsets into the original text.

Boundaries are line breaks and runs of ``. ! ? ؟ …``. Punctuation closed by a quote or bracket
(«لن نتراجع!» قال الوزير) ends the quotation, not the sentence, so it is no boundary when text follows
on the same line; a period after the closing quote («…».) is. A period is not a boundary inside a number or date (3.5, 12.000, 12.9.2017), after an
abbreviation or initial (د. ، ص.ب ، أ.ف.ب ، U.S.; list in ``data/abbreviations.yaml``), or before a Latin
letter or digit with no space between (www.example.com). A boundary inside an open quotation or
bracket is ignored unless the quotation has run for more than :data:`MAX_QUOTE_SPAN` characters, which
means it was never closed or quotes several sentences.

Only the events (punctuation, quotes, line breaks) are visited in Python; the text between them is
skipped by the regex engine.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from marsad.arabic.normalization import normalize_word
from marsad.knowledge.cache import load_yaml
from marsad.model import Sentence

MAX_QUOTE_SPAN = 400

_EVENTS = re.compile(
    r"(?P<nl>\r\n|[\n\r\u2028\u2029\x0b\x0c\x85])"
    r"|(?P<term>[.!?\u061f\u2026\u203c\u2047\u2048\u2049]+)(?P<close>[\u00bb\u201d\")\]]*)"
    r"|(?P<open>[\u00ab\u201c(\[])"
    r"|(?P<shut>[\u00bb\u201d)\]])"
    r"|(?P<straight>\")"
)
_PREV_TOKEN = re.compile(r"[^\s\u00ab\u201c\"(\[]*\Z")
_NUMBER_BEFORE = re.compile(r"\d\s*\Z")
_LEADING_DIGITS = re.compile(r"^\d+")
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)*[^\W\d_]\Z")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9.,]")
_OPENERS = "\u00ab\u201c\"(["
_STRIP = re.compile(r"\S(?:.*\S)?", re.S)


@lru_cache(maxsize=1)
def _abbreviation_data() -> tuple[frozenset[str], frozenset[str]]:
    # the C parser through the on-disk cache, as the knowledge files are (start-up time)
    data = load_yaml(resources.files("marsad.arabic").joinpath("data", "abbreviations.yaml"))
    abbrevs = frozenset(normalize_word(str(a)).lower() for a in data.get("abbreviations", []))
    eras = frozenset(normalize_word(str(a)).lower() for a in data.get("era_markers", []))
    return abbrevs, eras


def _blocks_split(text: str, term_start: int) -> bool:
    """Does the word before the period at ``term_start`` make it a non-final period?"""
    window = text[max(0, term_start - 40):term_start]
    m = _PREV_TOKEN.search(window)
    token = m.group() if m else ""
    if not token:
        return False
    abbrevs, eras = _abbreviation_data()
    key = normalize_word(token).lower()
    if _LEADING_DIGITS.match(key):  # «12.» or «2017م.»: a number, perhaps glued to an era marker
        return False
    if key in eras and _NUMBER_BEFORE.search(window[: len(window) - len(token)]):
        return False
    return key in abbrevs or _INITIALS.match(key) is not None


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets slice the original text.

    Leading and trailing whitespace is excluded from each span; empty sentences are never returned.
    """
    bounds: list[int] = []  # end offsets of sentence pieces
    opens: list[int] = []  # positions of open quotes/brackets on the current line
    straight_open = -1  # position of an open straight double quote, or -1
    n = len(text)
    for m in _EVENTS.finditer(text):
        kind = m.lastgroup
        if kind == "nl":
            bounds.append(m.start())
            opens.clear()
            straight_open = -1
        elif kind == "open":
            opens.append(m.start())
        elif kind == "shut":
            if opens:
                opens.pop()
        elif kind == "straight":
            straight_open = -1 if straight_open >= 0 else m.start()
        else:  # a run of terminal punctuation, perhaps followed by closing quotes/brackets
            for ch in m.group("close"):
                if ch == '"':
                    straight_open = -1
                elif opens:
                    opens.pop()
            end = m.end()
            term = m.group("term")
            if m.group("close") and end < n and text[end] in " \t":
                continue  # «لن نتراجع!» قال الوزير: the quote ends, the sentence goes on
            if term == "." and end < n and not text[end].isspace():
                nxt = text[end]
                if _LATIN_OR_DIGIT.match(nxt) or not (nxt.isalpha() or nxt in _OPENERS):
                    continue  # 3.5, 12.9.2017, U.S., www.example.com, or a period before other punctuation
                if _blocks_split(text, m.start()):
                    continue  # أ.ف.ب
            elif term == "." and _blocks_split(text, m.start()):
                continue
            oldest = min(opens[0] if opens else n, straight_open if straight_open >= 0 else n)
            if oldest < n:
                if m.start() - oldest <= MAX_QUOTE_SPAN:
                    continue
                opens.clear()
                straight_open = -1
            bounds.append(end)
    bounds.append(n)
    out: list[Sentence] = []
    start = 0
    for end in bounds:
        if end > start:
            sm = _STRIP.search(text, start, end)
            if sm is not None:
                out.append(Sentence(sm.start(), sm.end(), sm.group(), len(out)))
        start = max(start, end)
    return out
