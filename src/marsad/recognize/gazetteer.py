"""A compiled gazetteer over normalised Arabic text, tolerant of proclitics.

Keys (aliases, place names, titles, nisba adjectives) are normalised once and compiled into one
Aho–Corasick automaton (pyahocorasick), so a document is scanned in a single C-level pass whatever
the size of the knowledge base. A hit counts only at word boundaries; before the key we accept the
proclitic chains Arabic attaches to nouns (و ف + ب ك ل + ال, and لل for ل+ال), so «وإيران»,
«لروسيا», «بدمشق», «والأسد», «للحكومة السورية» all find their key while the mention keeps its
clitics, as written. Hand-written because no maintained library does clitic-aware gazetteer
matching for Arabic.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

import ahocorasick

from marsad.arabic import normalize_word

# Quotation marks (the normalised text writes every style as ") that may split a name: those next to
# a non-letter are left out, those between two letters become a space. Both patterns begin with the
# quote itself and look back from after it («(?<!\w")» = no word character before the quote), so
# the regex engine jumps from quote to quote instead of trying a lookbehind at every character.
_LOOSE_QUOTE = re.compile(r'"(?:(?!\w)|(?<!\w"))')
_GLUED_QUOTE = re.compile(r'"(?<=\w")(?=\w)')
# A proclitic chain before a key: conjunction, then preposition, then article.
_PREFIX = re.compile(r"(?:[وف])?(?:[بك]?ال|لل|[بكل])?")
_PREFIX_MAX = 4


def _word_start(norm: str, key_start: int) -> int | None:
    """Where the word holding a key that starts at ``key_start`` begins, when only proclitics
    (:data:`_PREFIX`) stand before the key in it; None otherwise."""
    if key_start == 0 or not norm[key_start - 1].isalnum():
        return key_start
    return _clitic_start(norm, key_start)


def _clitic_start(norm: str, key_start: int) -> int | None:
    """:func:`_word_start` for a key that does not begin its word (about a third of the hits)."""
    # The clitics are letters, so only the start of the word holding the key can begin them: walk
    # back to it (at most _PREFIX_MAX letters) instead of trying every position.
    lo = key_start - _PREFIX_MAX if key_start > _PREFIX_MAX else 0
    s = key_start - 1
    while s > lo and norm[s - 1].isalnum():
        s -= 1
    if s > 0 and norm[s - 1].isalnum():
        return None  # the word starts further back than any clitic run
    return s if _PREFIX.fullmatch(norm, s, key_start) else None
_START = attrgetter("start")  # sort/bisect key (C-level, unlike a lambda)
_ORDER = attrgetter("order")
# Hit.order = start * _ORDER_SCALE - length sorts as (start, -length) while a hit is shorter than this
_ORDER_SCALE = 1 << 20


@dataclass(frozen=True, slots=True)
class Entry:
    """What a key means. ``kind``: actor | place | title | nisba | head | place_cue."""

    kind: str
    ref: str  # actor id, place id, office name, or state actor id for nisba
    label: str = "MISC"
    weak: bool = False  # a risky one-word alias: usable only with supporting context


@dataclass(slots=True)
class Hit:
    start: int  # in normalised text, including the proclitics
    key_start: int
    end: int
    entries: tuple[Entry, ...]
    prefix: str
    title: bool = False  # some entry is a title (see _prefer_whole_names)
    actor: bool = False  # some entry is an actor
    # kind → the last entry of that kind (what the recogniser reads first); shared by every hit of
    # the key, so read only. None: not computed (see :attr:`kinds`)
    kinds_: dict[str, Entry] | None = None
    order: int = 0  # leftmost, then longest first: start * _ORDER_SCALE - length (see _leftmost_longest)

    @property
    def kinds(self) -> dict[str, Entry]:
        """``{e.kind: e for e in entries}``, computed once per key (read only)."""
        if self.kinds_ is None:
            self.kinds_ = {e.kind: e for e in self.entries}
        return self.kinds_

    @property
    def length(self) -> int:
        return self.end - self.key_start


def normalize_key(phrase: str) -> str:
    return " ".join(normalize_word(w) for w in phrase.split())


class Gazetteer:
    def __init__(self, pairs: Iterable[tuple[str, Entry]]) -> None:
        table: dict[str, list[Entry]] = {}
        for phrase, entry in pairs:
            key = normalize_key(phrase)
            if len(key) < 2:
                continue
            bucket = table.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
        # A key written with the article also keeps the nisba reading of its bare form: «السوداني» is
        # a weak alias of a person (al-Sudani) *and* «ال» + the adjective «سوداني» (Sudan); without this
        # the exact key would hide the adjective («وزير الخارجية السوداني»).
        for key, bucket in table.items():
            if key.startswith("ال") and key[2:] in table:
                bucket.extend(e for e in table[key[2:]] if e.kind == "nisba" and e not in bucket)
        self.size = len(table)
        auto = ahocorasick.Automaton()
        for key, entries in table.items():
            kinds = {e.kind for e in entries}
            title, actor = "title" in kinds, "actor" in kinds
            # the value: (key length, ل variant, entries, has a title, has an actor, entries by kind)
            kinds_of = {e.kind: e for e in entries}
            auto.add_word(key, (len(key), False, tuple(entries), title, actor, kinds_of))
            if key.startswith("ال") and len(key) > 3:
                # ل + ال is written لل: «للحكومة» holds «لحكومه», reachable only after a ل prefix.
                lam = key[1:]
                if lam not in table:
                    auto.add_word(lam, (len(lam), True, tuple(entries), title, actor, kinds_of))
        auto.make_automaton()
        self._auto = auto
        self._table = {k: tuple(v) for k, v in table.items()}

    def lookup(self, phrase: str) -> tuple[Entry, ...]:
        """Entries of an exact phrase (normalised here), without clitics."""
        return self._table.get(normalize_key(phrase), ())

    def find(self, norm: str, cuts: list[tuple[int, int]] | None = None) -> list[Hit]:
        """All boundary-respecting hits in the normalised text, longest first where they overlap.

        Names are often quoted in part — «حركة «الشباب»», «تنظيم «القاعدة»» — so where the text has
        quotes it is also scanned with them left out, and a name found only that way (one that spans a
        quote) is kept with its offsets mapped back.

        ``cuts`` (sorted, disjoint ``(start, end)`` spans of ``norm``) are words the scan skips: a name
        written with an inserted complement («وزارة الخارجية [والمغتربين] السورية») is found whole, its
        hit spanning the complement.
        """
        if cuts:
            return self._find_cut(norm, cuts)
        if '"' not in norm:
            return _leftmost_longest(_prefer_whole_names(self._scan(norm)))
        # One scan of the text with its quotes left out (a quote between two letters becomes a space,
        # so no two words are glued); hits are mapped back to the text as written.
        removed = [m.start() for m in _LOOSE_QUOTE.finditer(norm)]
        if not removed:
            stripped = _GLUED_QUOTE.sub(" ", norm)  # same length: offsets need no mapping
            return _leftmost_longest(_prefer_whole_names(self._scan(stripped)))
        at = [pos - i for i, pos in enumerate(removed)]  # removal points in the stripped text's coordinates
        stripped = _GLUED_QUOTE.sub(" ", _LOOSE_QUOTE.sub("", norm))
        return _leftmost_longest(_prefer_whole_names(self._scan(stripped, at)))

    def _find_cut(self, norm: str, cuts: list[tuple[int, int]]) -> list[Hit]:
        """:meth:`find` on ``norm`` with the ``cuts`` spans left out (and quotes, as there)."""
        pieces, cut_at, pos, removed = [], [], 0, 0
        for s, e in cuts:
            pieces.append(norm[pos:s])
            cut_at.extend([s - removed] * (e - s))  # removal points in the cut text's coordinates
            removed += e - s
            pos = e
        pieces.append(norm[pos:])
        text = "".join(pieces)
        quotes = [m.start() for m in _LOOSE_QUOTE.finditer(text)] if '"' in text else []
        if quotes:
            # both removals as one list of points in the final text's coordinates
            q_at = [p - i for i, p in enumerate(quotes)]
            cut_at = [p - bisect_left(quotes, p) for p in cut_at]
            text = _LOOSE_QUOTE.sub("", text)
            cut_at = sorted(cut_at + q_at)
        if '"' in text:
            text = _GLUED_QUOTE.sub(" ", text)
        return _leftmost_longest(_prefer_whole_names(self._scan(text, cut_at)))

    def _scan(self, norm: str, at: list[int] | None = None) -> list[Hit]:
        """Hits in ``norm``; with ``at`` (removal points, see :meth:`find`) their offsets are mapped
        back to the text before the removals."""
        hits: list[Hit] = []
        append = hits.append
        n = len(norm)
        for end, (length, lam_variant, entries, title, actor, kinds) in self._auto.iter(norm):
            end += 1  # the automaton reports the last character
            if end < n:
                after = norm[end]
                if after.isalnum() and not after.isdigit():
                    # A digit right after a name numbers it («جنيف3», «أستانا2»): Arabic words hold none.
                    continue
            key_start = end - length
            if key_start == 0 or not norm[key_start - 1].isalnum():
                start = key_start  # the key begins a word (most hits): no proclitic to look for
                prefix = ""
            else:
                found = _clitic_start(norm, key_start)
                if found is None:
                    continue  # the word starts further back than any clitic run, or is no clitic run
                start = found
                prefix = norm[start:key_start]
            if lam_variant:
                if not prefix.endswith("ل"):
                    continue
                prefix = prefix[:-1] + "ل"
            elif actor and prefix.endswith(("ال", "لل")):
                # A person's name takes the article only where the knowledge base writes it so
                # («السيسي»); glued to an article, a bare alias is a common word: «الرئيسي» (main) is
                # not Raisi, «السلام» (peace) not Salam, «المؤدي» not Modi.
                kept = tuple(e for e in entries if not (e.kind == "actor" and e.label == "PERS"))
                if not kept:
                    continue
                if len(kept) != len(entries):
                    entries, actor = kept, any(e.kind == "actor" for e in kept)
                    title = any(e.kind == "title" for e in kept)
                    kinds = None  # computed when read
            if at is not None:
                k = bisect_left(at, end)  # removal points before the end
                if k and at[k - 1] >= start:  # one inside the hit: its parts shift by different counts
                    start, key_start = start + bisect_right(at, start), key_start + bisect_right(at, key_start)
                else:  # (most hits) none inside: everything shifts by the same count
                    start, key_start = start + k, key_start + k
                end += k
            append(Hit(start, key_start, end, entries, prefix, title, actor, kinds,
                       start * _ORDER_SCALE + start - end))
        return hits


def _prefer_whole_names(hits: list[Hit]) -> list[Hit]:
    """Drop a title that swallows the start of a name («قائد فيلق|القدس» when «قائد» + «فيلق القدس» reads).

    Longest-first would keep the long title form and leave a wrong remainder; when a shorter title at
    the same start ends right where a name begins, and that name runs past the long title, the short
    title and the whole name are the reading.
    """
    titles = [h for h in hits if h.title]
    if not titles:
        return hits
    names = [h for h in hits if h.actor]
    if not names:
        return hits
    # For each title, the earliest end of another title at the same start («قائد» for «قائد فيلق»):
    # "some shorter title ends before the name begins" is then one comparison per name.
    by_start: dict[int, list[Hit]] = {}
    for t in titles:
        by_start.setdefault(t.start, []).append(t)
    # The names by start: those starting inside a title (after the shorter title's end) are a range.
    names.sort(key=_START)
    name_starts = [a.start for a in names]
    drop: set[int] = set()
    for t in titles:
        other_end = min((t2.end for t2 in by_start[t.start] if t2 is not t), default=None)
        if other_end is None:
            continue
        lo = bisect_left(name_starts, max(other_end, t.start + 1))
        hi = bisect_left(name_starts, t.end, lo)
        if any(a.end > t.end for a in names[lo:hi]):
            drop.add(id(t))
    return [h for h in hits if id(h) not in drop]


def _leftmost_longest(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=_ORDER)  # (start, -length) as one integer: no key tuple built per hit
    out: list[Hit] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            out.append(h)
            last_end = h.end
        elif out and h.end > out[-1].end and h.start == out[-1].start:
            out[-1] = h
            last_end = h.end
    return out
