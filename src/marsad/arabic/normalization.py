"""Orthographic normalisation of Arabic text for matching, with a map back to the original offsets.

Every rule maps one original character to zero or one normalised character (the only exception are
Arabic presentation-form ligatures such as «ﻻ», which expand to two letters), so the whole text is
normalised as one ``str.translate`` would (done faster, see ``_translate``) and the offset map only has to
be built around the characters that are deleted or expanded. Those are found with one compiled regex; text without any of them gets
an identity map at no cost.

Choices that are not obvious:

* ``ؤ → و`` and ``ئ → ي``: names are spelt both with and without the hamza seat (فائز/فايز, عائشة/عايشة,
  فؤاد/فواد), so dropping the hamza onto its carrier letter is what makes such names meet. The price is that
  the Egyptian/Levantine seat variation (مسئول/مسؤول) does not meet — a rarer case for names.
* ``گ → ك``: the Persian/Kurdish gaf is a kaf with an extra stroke; Persian keyboards type «ک» for kaf and
  Iraqi/Kurdish Arabic text falls back to «ك» for /g/. «ج» would only follow the Egyptian pronunciation.
* ``ة → ه`` (optional, on by default): the two are confused at the end of words in news text.
* Zero-width space (U+200B) becomes an ordinary space rather than being deleted, because writers use it as a
  word boundary; the other invisible controls (ZWJ, ZWNJ, LRM, RLM, ALM, bidi embeddings, BOM, soft hyphen) are
  deleted. Non-breaking and other Unicode spaces become U+0020.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# --- the rules ---------------------------------------------------------------------------------------------

_ONE_TO_ONE: dict[str, str] = {
    # alef variants
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0672": "\u0627", "\u0673": "\u0627", "\u0675": "\u0627",
    # alef maqsura and Persian/Urdu/Pashto yeh
    "\u0649": "\u064a", "\u06cc": "\u064a", "\u06d0": "\u064a", "\u06cd": "\u064a", "\u06ce": "\u064a",
    "\u06d2": "\u064a",
    # hamza on a seat → the seat (see module docstring)
    "\u0624": "\u0648", "\u0626": "\u064a",
    # kaf variants: Persian keheh, swash kaf, gaf (see module docstring)
    "\u06a9": "\u0643", "\u06aa": "\u0643", "\u06af": "\u0643",
    # other Persian/Urdu/Maghrebi letters → nearest Arabic letter
    "\u067e": "\u0628",  # پ
    "\u0686": "\u062c",  # چ
    "\u0698": "\u0632",  # ژ
    "\u06a4": "\u0641",  # ڤ
    "\u06a8": "\u0642",  # ڨ (Maghrebi /g/)
    "\u06be": "\u0647", "\u06c0": "\u0647", "\u06c1": "\u0647", "\u06c2": "\u0647", "\u06d5": "\u0647",
    # digits
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    "\u066b": ".", "\u066c": ",", "\u066a": "%",  # Arabic decimal/thousands separators, percent sign
    # quotes
    "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2039": '"', "\u203a": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    # spaces
    "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ",
    "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ",
    "\u3000": " ", "\u200b": " ",
}

# Ranges of combining marks that are dropped: harakat, shadda, sukun, superscript alef, honorific and
# Quranic annotation marks. They attach to the letter before them, which matters for ``to_original``.
_MARK_RANGES = (
    (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06DC), (0x06DF, 0x06E4),
    (0x06E7, 0x06E8), (0x06EA, 0x06ED), (0x08D3, 0x08E1), (0x08E3, 0x08FF),
)
_MARKS = "".join(chr(c) for lo, hi in _MARK_RANGES for c in range(lo, hi + 1))
# Invisible formatting characters and the tatweel (kashida), which only stretches a word.
_INVISIBLE = "\u0640\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" \
             "\ufeff\u00ad\u06dd\u08e2"
_DELETED = _MARKS + _INVISIBLE
_TA_MARBUTA = "\u0629\u06c3"


def _build_tables() -> tuple[dict[int, str | None], dict[int, str | None], str]:
    base: dict[int, str | None] = {ord(k): v for k, v in _ONE_TO_ONE.items()}
    for ch in _DELETED:
        base[ord(ch)] = None
    expanding: list[str] = []
    # Arabic presentation forms (contextual glyph codepoints, as found in text extracted from PDFs):
    # fold them with NFKC and then apply the rules above. Forms that fold to several words (ﷺ, ﷽)
    # are left alone so that one original character never becomes several tokens.
    base_no_tm = dict(base)
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        folded = unicodedata.normalize("NFKC", ch)
        if folded == ch:
            continue
        out = folded.translate(base_no_tm)
        if not out:
            base[cp] = None
        elif len(out) == 1:
            base[cp] = out
        elif out.isalpha():
            base[cp] = out
            expanding.append(ch)
    with_tm = dict(base)
    for ch in _TA_MARBUTA:
        with_tm[ord(ch)] = "\u0647"
    # Presentation forms of ta marbuta (U+FE93/FE94) follow the ta-marbuta switch too.
    for cp in (0xFE93, 0xFE94):
        with_tm[cp] = "\u0647"
        base[cp] = "\u0629"
    return with_tm, base, "".join(expanding)


_TABLE_TM, _TABLE_KEEP_TM, _EXPANDING = _build_tables()  # _EXPANDING: for tests and docs

# ``str.translate`` with a dict looks every character of a non-ASCII text up in the table (~15 ns each).
# The characters news text actually changes are few, and a dozen of them make nearly all changes: each
# is swapped with ``str.replace`` (a C-level scan), and the rest — runs of any other changed character —
# are translated where a regex finds them. The result is the same as ``translate`` because the table
# is idempotent (what a character becomes is left as it is), which _fast_translation checks.
_FREQUENT_CHANGES = "\u0629\u0623\u0625\u0649\u0626\u00ab\u00bb\u064b\u0624\u0622\u064f\u06cc"


def _fast_translation(table: dict[int, str | None]) -> tuple[tuple[tuple[str, str], ...], re.Pattern[str]] | None:
    changed = {chr(k): v or "" for k, v in table.items() if (v or "") != chr(k)}
    if any(ch in changed for out in changed.values() for ch in out):
        return None  # not idempotent: translate the text in one pass
    pairs = tuple((ch, changed[ch]) for ch in _FREQUENT_CHANGES if ch in changed)
    rest = "".join(sorted(ch for ch in changed if ch not in _FREQUENT_CHANGES))
    return pairs, re.compile("[" + re.escape(rest) + "]+")


_FAST = {True: _fast_translation(_TABLE_TM), False: _fast_translation(_TABLE_KEEP_TM)}


def _translate(text: str, ta_marbuta: bool) -> str:
    """``text.translate`` of the ta-marbuta setting's table (see _FREQUENT_CHANGES)."""
    table = _TABLE_TM if ta_marbuta else _TABLE_KEEP_TM
    fast = _FAST[ta_marbuta]
    if fast is None or len(text) < 64:  # short strings: one translate call is cheaper
        return text.translate(table)
    pairs, rest = fast
    for ch, rep in pairs:
        text = text.replace(ch, rep)
    if rest.search(text) is not None:
        text = rest.sub(lambda m: m.group().translate(table), text)
    return text
# Characters whose output length is not one: the reason the offset map exists.
_SPECIAL_RE = re.compile(
    "[" + re.escape("".join(sorted(chr(c) for c, v in _TABLE_TM.items() if v is None or len(v) != 1))) + "]+"
)
# What a span ending on a letter also takes with it: the marks, tatweel and joiners written after that letter.
_TRAILING_MARKS_RE = re.compile("[" + _MARKS + "\u0640\u200c\u200d]+")
_TRAILING_CHARS = frozenset(_MARKS + "\u0640\u200c\u200d")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised string plus the map from its characters back to the original text.

    ``index[j]`` is the offset in ``original`` of the character that produced ``text[j]``; it is ``None``
    when no character was deleted or expanded (then offsets are identical and the original holds no
    combining mark, tatweel or joiner, which are all deleted characters).
    """

    text: str
    original: str
    index: array | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``text[start:end]`` to ``(s, e)`` so that ``original[s:e]`` is its exact source.

        The span is widened over combining marks (harakat), tatweel and joiners that directly follow its
        last letter, since they belong to that letter («هـ», «قُتِلَ»). An empty span maps to an empty span at the corresponding position.
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span ({start}, {end}) outside normalised text of length {n}")
        idx = self.index
        if idx is None:
            # No character was deleted, so the original holds no mark, tatweel or joiner either
            # (all of them are deleted characters): the span is its own source.
            return start, end
        s = idx[start] if start < n else len(self.original)
        if end == start:
            return s, s
        e = idx[end - 1] + 1
        if e < len(self.original) and self.original[e] in _TRAILING_CHARS:  # (a regex call only then)
            e = _TRAILING_MARKS_RE.match(self.original, e).end()  # type: ignore[union-attr]
        return s, e

    def span_mapper(self) -> Callable[[int, int], tuple[int, int]] | None:
        """:meth:`to_original` for non-empty in-range spans as a fast local function, or None when
        offsets are identical (no character was deleted or expanded: use the span as it is).

        For tokenizers that map every word of a sentence; the caller guarantees ``0 <= start < end <= len``.
        """
        if self.index is None:
            return None
        return self.slice_mapper(0, len(self.original))

    def slice_mapper(self, ns: int, limit: int) -> Callable[[int, int], tuple[int, int]]:
        """:meth:`span_mapper` for the slice of the normalised text that starts at ``ns`` (spans are
        relative to it) and whose source ends at ``limit`` in the original: the marks after a word's
        last letter are taken up to ``limit`` only — as they are when that passage (a sentence of a
        document) is normalised on its own. Needs :attr:`index` (something was deleted or expanded)."""
        idx = self.index
        assert idx is not None, "offsets are the original ones: no mapper needed"
        original = self.original
        trailing = _TRAILING_CHARS
        trailing_match = _TRAILING_MARKS_RE.match

        def mapper(start: int, end: int) -> tuple[int, int]:
            e = idx[ns + end - 1] + 1
            if e < limit and original[e] in trailing:
                e = trailing_match(original, e, limit).end()  # type: ignore[union-attr]
            return idx[ns + start], e

        return mapper

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text


def changes_offsets(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether normalising ``text[start:end]`` deletes or expands characters (so that normalised
    offsets differ from the original ones)."""
    return _SPECIAL_RE.search(text, start, len(text) if end is None else end) is not None


def normalize(text: str, *, ta_marbuta: bool = True) -> NormalizedText:
    """Normalise ``text`` for matching and keep a map back to original offsets.

    Unifies alef variants, alef maqsura, hamza seats, Persian/Urdu letters, (optionally) ta marbuta,
    digits, quote styles and Unicode spaces; removes diacritics, tatweel and invisible controls.
    """
    last = _LAST[ta_marbuta]
    if last is not None and last.original is text:
        # The recogniser and the date finder both normalise the whole document: the second call is
        # answered from the first (same string object; the result is immutable).
        return last
    table = _TABLE_TM if ta_marbuta else _TABLE_KEEP_TM
    out = _translate(text, ta_marbuta)
    if _SPECIAL_RE.search(text) is None:
        if len(text) >= _MEMO_MIN:
            _LAST[ta_marbuta] = NormalizedText(out, text, None)
            return _LAST[ta_marbuta]
        return NormalizedText(out, text, None)
    result = NormalizedText(out, text, _offset_index(text, table))
    if len(text) >= _MEMO_MIN:
        _LAST[ta_marbuta] = result
    return result


def _offset_index(text: str, table: dict[int, str | None]) -> array:
    """For each character of the normalised text, the offset of the original character it comes from:
    every original offset repeated as many times as its character yields (0 when deleted, more when
    expanded). Long texts repeat with numpy (a Python loop over the text cost more than the rest of
    normalisation); only the special characters are visited one by one."""
    if len(text) < 256:
        index = array("i")
        pos = 0
        for m in _SPECIAL_RE.finditer(text):
            a = m.start()
            if a > pos:
                index.extend(range(pos, a))
            for k, ch in enumerate(m.group(), a):
                rep = table.get(ord(ch))
                if rep:
                    index.extend([k] * len(rep))
            pos = m.end()
        if pos < len(text):
            index.extend(range(pos, len(text)))
        return index
    import numpy as np  # loaded on first use: the text stage's short sentences never need it

    counts = np.ones(len(text), dtype=np.intp)
    for m in _SPECIAL_RE.finditer(text):
        for k, ch in enumerate(m.group(), m.start()):
            rep = table.get(ord(ch))
            counts[k] = len(rep) if rep else 0
    index = array("i")
    index.frombytes(np.repeat(np.arange(len(text), dtype=np.int32), counts).tobytes())
    return index


# The last document-sized result per ta-marbuta setting (see normalize); words and short sentences are
# cheap to normalise again and would only churn it. News articles are mostly 1,000-3,000 characters,
# so the bar is low: at 2,000 most documents were normalised twice (recogniser, then date finder).
_LAST: dict[bool, NormalizedText | None] = {True: None, False: None}
_MEMO_MIN = 256


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """Normalised key of a single word (ta marbuta folded), for lexicons and gazetteers."""
    return word.translate(_TABLE_TM).strip()


def segmentation_key(word: str) -> str:
    """Normalised form of a word with ta marbuta kept: the clitic segmenter needs to tell ة from ه."""
    return word.translate(_TABLE_KEEP_TM).strip()
