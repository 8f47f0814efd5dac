"""Words of a sentence in normalised form, with offsets into the document, and clitic candidates.

The event stage does its own light tokenisation so that it works with or without the Arabic layer's
tokens: the sentence is normalised once (:func:`marsad.arabic.normalize.normalize`, which keeps a map
back to the original offsets; in the pipeline, a slice of the document's normalisation) and cut into
words with one regex. Clitics are not segmented here; instead each word offers its clitic-stripped
candidates (:func:`clitic_candidates`), cached per word type, and the lexicon decides which reading
exists.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, islice
from operator import attrgetter

from marsad.arabic import NormalizedText, normalize, normalize_word

# (the normaliser's own definitions: the characters it deletes or expands, and the marks a span ending
# on a letter takes with it)
from marsad.arabic.normalization import _TRAILING_CHARS, _TRAILING_MARKS_RE, changes_offsets

# Letters (Arabic, Latin) and digits with their separators; everything else is a gap.
_WORD = r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+"
_WORD_RE = re.compile(_WORD, re.UNICODE)
# Splitting on the words (captured) gives the gaps and the words in turn, starting and ending with a gap.
_SPLIT_RE = re.compile("(" + _WORD + ")", re.UNICODE)
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


# ``map(norm_of, words)``: the words' normalised forms at C level (for set tests over a sentence).
norm_of: Callable[[Word], str] = attrgetter("norm")
_END = attrgetter("end")


def word_after(words: list[Word], offset: int) -> int | None:
    """Index of the first of ``words`` (a sentence's, in text order) that ends after ``offset``, or
    None: a binary search where a scan from the start costs a step per word, for each date and
    trigger that asks."""
    k = bisect_right(words, offset, key=_END)
    return words[k].index if k < len(words) else None


# norm_word's answers per string: the passes normalise the same mention texts and cue words again
# and again (a dictionary read costs a fraction of the translate, strip and replace).
_NORM_WORDS: dict[str, str] = {}


def norm_word(word: str) -> str:
    """Normalised form of a lexicon word (same rules as the text)."""
    got = _NORM_WORDS.get(word)
    if got is None:
        got = normalize_word(word).replace(" ", "")
        if len(_NORM_WORDS) < 200_000:
            _NORM_WORDS[word] = got
    return got


def split_words(text: str, offset: int = 0, document: str | None = None,
                keep: Callable[[list[str]], bool] | None = None) -> list[Word]:
    """Normalise ``text`` (a sentence) and cut it into :class:`Word` objects with document offsets.

    ``document``, when given, is the text ``text`` was sliced from at ``offset``: the sentence is then
    read off the document's normalisation (the normaliser maps each character on its own), which the
    pipeline's recogniser has already made — :func:`marsad.arabic.normalize` remembers the last
    document — so a sentence is not normalised again. The words are the same either way.

    ``keep``, when given, is asked first with the sentence's normalised words: when it says no, no
    :class:`Word` is made and the result is empty (a sentence the caller has nothing to do with).
    """
    if document is not None and document.startswith(text, offset):
        end = offset + len(text)
        nt = _document_normalized(document)
        idx = nt.index
        if idx is None:  # nothing deleted or expanded: normalised offsets are the original ones
            return _cut(nt.text[offset:end], None, offset, keep)
        ns = bisect_left(idx, offset)  # the sentence's first and past-the-end normalised characters
        ne = bisect_left(idx, end, ns)
        if not changes_offsets(document, offset, end):  # none in this sentence: offsets shift
            return _cut(nt.text[ns:ne], None, offset, keep)
        return _cut(nt.text[ns:ne], None, 0, keep, (nt, ns, end))
    nt = normalize(text)
    # Without deleted characters the normalised offsets are the original ones (no per-word mapping).
    return _cut(nt.text, nt.span_mapper(), offset, keep)


def normalized_text(text: str, offset: int, document: str) -> str:
    """The normalised form of ``text``, a slice of ``document`` at ``offset`` (as :func:`split_words`
    reads it: off the document's normalisation); ``normalize(text).text`` when it is not that slice."""
    if not document.startswith(text, offset):
        return normalize(text).text
    end = offset + len(text)
    nt = _document_normalized(document)
    idx = nt.index
    if idx is None:
        return nt.text[offset:end]
    ns = bisect_left(idx, offset)
    return nt.text[ns:bisect_left(idx, end, ns)]


# The last document split_words read, and its normalisation: one tuple, swapped whole (thread-safe).
_last_document: list[tuple[str | None, NormalizedText | None]] = [(None, None)]


def _document_normalized(document: str) -> NormalizedText:
    last = _last_document[0]
    if last[0] is document and last[1] is not None:
        return last[1]
    nt = normalize(document)
    _last_document[0] = (document, nt)
    return nt


def _cut(ntext: str, mapper: Callable[[int, int], tuple[int, int]] | None, shift: int,
         keep: Callable[[list[str]], bool] | None = None,
         sliced: tuple[NormalizedText, int, int] | None = None) -> list[Word]:
    """The words of a normalised sentence; ``mapper`` maps a normalised span to the original one
    (None: the same), then ``shift`` is added (``keep``: see :func:`split_words`). ``sliced``, instead
    of a mapper: ``(document normalisation, ns, limit)``, for the words of the slice starting at ``ns``
    (what ``slice_mapper(ns, limit)`` gives, mapped for all words at once: :func:`_map_slice`)."""
    parts = _SPLIT_RE.split(ntext)  # gap, word, gap, word, …, gap
    n = len(parts) // 2
    if not n:
        return []
    norms = parts[1::2]
    if keep is not None and not keep(norms):
        return []
    # offsets from the running length, at C level: bounds[2i] and bounds[2i + 1] are word i's span
    bounds = list(accumulate(map(len, parts)))
    starts, ends = bounds[0:2 * n:2], bounds[1::2]
    if sliced is not None:
        starts, ends = _map_slice(sliced, starts, ends)
    elif mapper is not None:
        starts, ends = zip(*map(mapper, starts, ends), strict=True)  # type: ignore[assignment]
    if shift:
        starts, ends = map(shift.__add__, starts), map(shift.__add__, ends)  # type: ignore[assignment]
    words = list(map(Word, norms, starts, ends, range(n)))
    # the usual gap is one space: only the others have punctuation to look at
    gaps = parts[0:2 * n:2]
    clause, hard_set = _CLAUSE_PUNCT, _HARD_PUNCT
    for i in compress(range(1, n), map(" ".__ne__, islice(gaps, 1, None))):
        gap = gaps[i]
        if not clause.isdisjoint(gap):
            w = words[i]
            w.breaks_before, w.hard_before, w.punct = True, not hard_set.isdisjoint(gap), gap.replace(" ", "")
    return words


def _map_slice(sliced: tuple[NormalizedText, int, int], starts: list[int],
               ends: list[int]) -> tuple[list[int], list[int]]:
    """:meth:`NormalizedText.slice_mapper` applied to every word span of a slice, the lookups at C
    level: a word starts where its first character came from and ends after its last one's source,
    taking the marks that follow it there (up to the limit) along, as the mapper does."""
    nt, ns, limit = sliced
    idx, original = nt.index, nt.original
    assert idx is not None
    starts = list(map(idx.__getitem__, map(ns.__add__, starts)))
    ends = list(map((1).__add__, map(idx.__getitem__, map((ns - 1).__add__, ends))))
    trailing = _TRAILING_CHARS
    for k in [k for k, e in enumerate(ends) if e < limit and original[e] in trailing]:
        ends[k] = _TRAILING_MARKS_RE.match(original, ends[k], limit).end()  # type: ignore[union-attr]
    return starts, ends


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
