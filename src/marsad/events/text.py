"""Words of a sentence in normalised form, with offsets into the document, and clitic candidates.

The event stage does its own light tokenisation so that it works with or without the Arabic layer's
tokens: the sentence is normalised once (:func:`marsad.arabic.normalize.normalize`, which keeps a map
back to the original offsets) and cut into words with one regex. Clitics are not segmented here;
instead each word offers its clitic-stripped candidates (:func:`clitic_candidates`), cached per word
type, and the lexicon decides which reading exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic import normalize, normalize_word

# Letters (Arabic, Latin) and digits with their separators; everything else is a gap.
_WORD = r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+"
_WORD_RE = re.compile(_WORD, re.UNICODE)
# The text before each word (lazily, so the word found is the one _WORD_RE finds next) and the word.
_GAP_WORD_RE = re.compile(r"(.*?)(" + _WORD + ")", re.UNICODE | re.DOTALL)
# Punctuation in the gap between two words that ends a clause; the "hard" set ends a sentence-like unit.
_CLAUSE_PUNCT = frozenset("،,;؛:.!?؟()[]{}\"«»—–-\n|")
_HARD_PUNCT = frozenset(";؛:.!?؟\n")


@dataclass(slots=True)
class Word:
    """One word: normalised text, original document offsets, and whether a clause break precedes it."""

    norm: str
    start: int
    end: int
    index: int
    breaks_before: bool = False
    hard_before: bool = False
    punct: str = ""  # punctuation in the gap before the word (spaces removed)


def norm_word(word: str) -> str:
    """Normalised form of a lexicon word (same rules as the text)."""
    return normalize_word(word).replace(" ", "")


def split_words(text: str, offset: int = 0) -> list[Word]:
    """Normalise ``text`` (a sentence) and cut it into :class:`Word` objects with document offsets."""
    nt = normalize(text)
    # Without deleted characters the normalised offsets are the original ones (no per-word mapping).
    to_original = nt.span_mapper()
    words: list[Word] = []
    append = words.append
    clause, hard_set = _CLAUSE_PUNCT, _HARD_PUNCT
    pos = 0
    i = 0
    # (gap, word) pairs in one C-level pass: the offsets follow from the lengths
    for gap, w in _GAP_WORD_RE.findall(nt.text):
        a = pos + len(gap)
        pos = b = a + len(w)
        if to_original is not None:
            a, b = to_original(a, b)
        if i and gap != " " and not clause.isdisjoint(gap):  # the usual gap: no punctuation to look at
            append(Word(w, a + offset, b + offset, i, True, not hard_set.isdisjoint(gap), gap.replace(" ", "")))
        else:
            append(Word(w, a + offset, b + offset, i))
        i += 1
    return words


@lru_cache(maxsize=200_000)
def clitic_candidates(word: str) -> tuple[tuple[str, str], ...]:
    """``(stem, proclitics)`` readings of a normalised word, least stripped first.

    Proclitics follow the Arabic order conjunction (و/ف) + preposition (ب/ل/ك) + article (ال);
    «لل» is ل + ال. A reading must leave at least three letters, so short words such as «بين» or
    «لقي» are never taken apart.
    """
    out: list[tuple[str, str]] = []
    conj_readings = [("", word)]
    if len(word) > 3 and word[0] in "وف":
        conj_readings.append((word[0], word[1:]))
    for conj, r in conj_readings:
        prep_readings = [("", r)]
        if len(r) > 3 and r[0] in "بلك":
            prep_readings.append((r[0], r[1:]))
        if len(r) > 4 and r.startswith("لل"):
            prep_readings.append(("لل", r[2:]))
        for prep, r2 in prep_readings:
            out.append((r2, conj + prep))
            if len(r2) > 4 and r2.startswith("ال"):
                out.append((r2[2:], conj + prep + "ال"))
    seen: set[str] = set()
    uniq = []
    for stem, pre in sorted(out, key=lambda x: len(x[1])):
        if stem not in seen:
            seen.add(stem)
            uniq.append((stem, pre))
    return tuple(uniq)


@lru_cache(maxsize=200_000)
def match_keys(word: str) -> frozenset[str]:
    """Keys a word can match in a phrase: its clitic-stripped stems, also without tanween alif."""
    keys = set()
    for stem, _ in clitic_candidates(word):
        keys.add(stem)
        if len(stem) > 3 and stem.endswith("ا") and not stem.endswith("اا"):
            keys.add(stem[:-1])
    return frozenset(keys)


def phrase_key(word: str) -> str:
    """The key a lexicon phrase word is matched by: its most stripped clitic reading."""
    w = norm_word(word)
    return clitic_candidates(w)[-1][0]
