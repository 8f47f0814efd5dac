"""Light clitic segmentation of Arabic words, checked against a stem lexicon.

A word is read as ``[و|ف] [ب|ك|ل|س] [ال] STEM [pronoun]`` over its *normalised* form. Rules alone would
destroy names (فلسطين → ف+لسطين, كمال → ك+مال), so every analysis is checked against a lexicon of known
stems (``data/stems.tsv``, built from annotated corpora by ``scripts/build_stem_lexicon.py``, plus
``data/stems_extra.txt`` and whatever later stages register with :func:`add_stems`):

1. a word that is itself in the lexicon is never split (فلسطين, بغداد, لبنان, and any registered name);
2. otherwise the analysis with the longest stem found in the lexicon wins (ties: more frequent stem, then
   more clitics: للجنه = ل + ال + لجنه). A pronoun suffix or «ك» needs a stem seen at least twice, and a
   stem beginning with ل after a ل needs three sightings (stray corpus forms such as «لتدخلات» exist);
3. otherwise only the safe rules apply: the article with its prepositions (وال، بال، لل، …) before at least
   three letters and the conjunction و before at least three letters. ف, ب, ك, ل, س and pronoun suffixes are
   only stripped when the remaining stem is known, because many foreign names begin or end with those
   letters (فلاديمير، فيينا، إيرنا).

The possessive «ي» is never stripped (a final ي is nearly always a nisba adjective or a name in news text),
and «ني» only after nothing but a conjunction. Three clitics never leave a two-letter stem.

Segmentation works on the normalised word *with ta marbuta kept* (:func:`segmentation_key`): a final «ة»
can never be the pronoun «ه», which saves وحدة, دولة, شرطة from being read as وحد+ه, دول+ه, شرط+ه.
Returned stems are folded (ة → ه) like every lexicon key.

Stems are at least two letters long, so «بل» or «لن» are never cut. When a pronoun follows a ta marbuta
written as ت (حكومتها), the stem is given in its lexicon form ending in ه (حكومه).

The article stays part of the stem when the whole form with ال is in the lexicon (a name such as «الاسد»
registered by the gazetteer, or a corpus word whose bare form is rare, such as «الجزائر»); otherwise it is
split off (بالرئيس → ب + ال + رئيس). Consumers that match names should try the stem both with and
without «ال» (see :attr:`Segmentation.definite`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.arabic.normalization import normalize_word, segmentation_key

MIN_STEM = 2
CONJUNCTIONS: tuple[str, ...] = ("و", "ف")
# (surface in the normalised word, morphemes, condition on the stem's first letter or None)
PREFIX_GROUPS: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    ("", (), None),
    ("ب", ("ب",), None),
    ("ك", ("ك",), None),
    ("ل", ("ل",), None),
    ("س", ("س",), "يتنا"),  # future particle, only before an imperfective verb prefix
    ("ال", ("ال",), None),
    ("بال", ("ب", "ال"), None),
    ("كال", ("ك", "ال"), None),
    ("لل", ("ل", "ال"), None),  # li + al-: the alef of the article is not written
    ("ل", ("ل", "ال"), "ل"),  # li + al- + a stem beginning with lam: للجنه = ل + ال + لجنه
)
STRONG_SUFFIXES: tuple[str, ...] = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه", "ك")
# «ني» (object «me») ends many names (روحاني، الثاني): stripped only before a known stem of three letters
# or more, after nothing but a conjunction, and never when ta marbuta must be restored. The possessive «ي»
# («my») is not stripped at all: in news text a final ي is nearly always a nisba adjective or a name
# (القومي، العالمي، جنوبي، ولايتي), and «my» only occurs in quotations.
WEAK_SUFFIXES: tuple[str, ...] = ("ني",)
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


@dataclass(frozen=True, slots=True)
class Segmentation:
    """One analysis of a word: ``prefixes + stem + suffixes``.

    ``prefix_len`` and ``suffix_len`` are how many characters of the *normalised* word the clitics
    occupy (للحكومه: prefixes ``("ل", "ال")`` occupy 2 characters), so callers can locate the stem.
    """

    prefixes: tuple[str, ...]
    stem: str
    suffixes: tuple[str, ...]
    prefix_len: int = 0
    suffix_len: int = 0

    @property
    def definite(self) -> bool:
        """True if the article was split off (the name may be listed with «ال»)."""
        return "ال" in self.prefixes


# --- the lexicon ---------------------------------------------------------------------------------------------

_lexicon: dict[str, int] | None = None
_added: set[str] = set()


def _read_data(name: str) -> str:
    return resources.files("marsad.arabic").joinpath("data", name).read_text(encoding="utf-8")


def _load_lexicon() -> dict[str, int]:
    global _lexicon
    if _lexicon is None:
        lex: dict[str, int] = {}
        for line in _read_data("stems.tsv").splitlines():
            if not line or line.startswith("#"):
                continue
            stem, _, count = line.partition("\t")
            lex[stem] = int(count or 1)
        for line in _read_data("stems_extra.txt").splitlines():
            word = line.split("#", 1)[0].strip()
            if word:
                key = normalize_word(word)
                lex[key] = max(lex.get(key, 0), 1)
        for key in _added:
            lex[key] = max(lex.get(key, 0), 1)
        _lexicon = lex
    return _lexicon


def in_lexicon(word: str) -> bool:
    """Is the normalised form of ``word`` a known stem?"""
    return normalize_word(word) in _load_lexicon()


def add_stems(words: Iterable[str]) -> int:
    """Register known stems (actor and place names, …) so they are never split.

    Each item is normalised; multi-word names are split on whitespace and every word of at least two
    letters is registered. Returns how many new stems were added. Clears the segmentation cache.
    """
    lex = _load_lexicon()
    added = 0
    for item in words:
        for word in normalize_word(item).split():
            if len(word) >= MIN_STEM and word not in lex:
                lex[word] = 1
                _added.add(word)
                added += 1
    if added:
        _segment_norm.cache_clear()
        token_analysis.cache_clear()
        TOKEN_PARTS.clear()
    return added


def lexicon_size() -> int:
    """Number of stems currently known."""
    return len(_load_lexicon())


# --- segmentation --------------------------------------------------------------------------------------------

def fold(word: str) -> str:
    """Fold ta marbuta into ha, turning a segmentation key into a lexicon key."""
    return word.replace("ة", "ه")


def candidates(word: str) -> list[Segmentation]:
    """Every analysis the clitic rules allow for a segmentation key (the whole word first).

    Stems are returned as they appear in the key (not folded). The stem of an analysis with a pronoun suffix after ``ت`` is given both as written and with ``ه``
    (the ta marbuta it stands for). Used by :func:`segment` and by the lexicon build script.
    """
    out = [Segmentation((), word, (), 0, 0)]
    n = len(word)
    conj_options = [("", ())] + [(c, (c,)) for c in CONJUNCTIONS if word.startswith(c)]
    for conj, conj_m in conj_options:
        for surface, morphs, cond in PREFIX_GROUPS:
            pre = conj + surface
            if not word.startswith(pre):
                continue
            pre_m = conj_m + morphs
            has_article = "ال" in morphs
            for suf in ("",) + STRONG_SUFFIXES + WEAK_SUFFIXES:
                if suf and (has_article or not word.endswith(suf)):
                    continue  # the article and a pronoun suffix exclude each other
                if not pre_m and not suf:
                    continue
                stem = word[len(pre): n - len(suf)]
                if len(stem) < MIN_STEM or stem == "ال" or (cond is not None and stem[0] not in cond):
                    continue
                suf_m = (suf,) if suf else ()
                out.append(Segmentation(pre_m, stem, suf_m, len(pre), len(suf)))
                if suf and stem.endswith("ت") and len(stem) > MIN_STEM:
                    out.append(Segmentation(pre_m, stem[:-1] + "ه", suf_m, len(pre), len(suf)))
    return out


def _fallback_ok(seg: Segmentation) -> bool:
    """Analyses allowed for a word whose stem is unknown: article groups and و before 3+ letters."""
    if seg.suffixes:
        return False
    morphs = seg.prefixes
    if morphs and morphs[0] in CONJUNCTIONS:
        conj, rest = morphs[0], morphs[1:]
    else:
        conj, rest = "", morphs
    if rest:
        return "ال" in rest and len(seg.stem) >= MIN_STEM + 1
    return conj == "و" and len(seg.stem) >= 3


@lru_cache(maxsize=100_000)
def _segment_norm(word: str) -> Segmentation:
    folded = fold(word)
    whole = Segmentation((), folded, (), 0, 0)
    if len(word) <= MIN_STEM or _ARABIC_LETTER.match(word) is None:
        return whole
    lex = _load_lexicon()
    if folded in lex:
        return whole
    best: Segmentation | None = None
    best_key: tuple[int, int, int] = (-1, -1, 0)
    fallback: Segmentation | None = None
    for seg in candidates(word)[1:]:
        stem = fold(seg.stem)
        count = lex.get(stem, 0)
        if count:
            if seg.suffixes and seg.suffixes[0] in WEAK_SUFFIXES and (
                len(stem) < 3
                or any(p not in CONJUNCTIONS for p in seg.prefixes)
                or word[seg.prefix_len:len(word) - seg.suffix_len] != seg.stem
            ):
                continue  # ني: «يعطيني», «ويعطيني»; never «ولايتني» → و + ل + ايت + ني
            if count < 2 and (seg.suffixes or "ك" in seg.prefixes):
                continue  # a stem seen once is too weak to cut «إيرنا» or «كنعاني»
            if seg.prefix_len and word[seg.prefix_len - 1] == "ل" and seg.stem[0] == "ل" and count < 3:
                continue  # للجنه = ل + ال + لجنه needs a well-attested stem, not a stray «لتدخلات»
            if len(stem) < 3 and len(seg.prefixes) + len(seg.suffixes) >= 3:
                continue  # three clitics around a two-letter stem is more likely a name
            key = (len(word) - seg.prefix_len - seg.suffix_len, count, len(seg.prefixes))
            if key > best_key:
                best, best_key = seg, key
        elif best is None and _fallback_ok(seg):
            if fallback is None or seg.prefix_len > fallback.prefix_len:
                fallback = seg
    chosen = best or fallback
    if chosen is None:
        return whole
    return Segmentation(chosen.prefixes, fold(chosen.stem), chosen.suffixes, chosen.prefix_len, chosen.suffix_len)


def segment(word: str) -> Segmentation:
    """Split a word into proclitics, stem and enclitic pronoun (see the module docstring).

    The word is normalised first (ta marbuta kept for the analysis, folded in the returned stem);
    the result is cached per normalised word type.
    """
    return segment_key(segmentation_key(word))


def segment_key(key: str) -> Segmentation:
    """:func:`segment` for a word that is already a :func:`segmentation_key` (used by the tokenizer)."""
    return _segment_norm(key)


@lru_cache(maxsize=200_000)
def token_analysis(key: str) -> tuple[str, Segmentation]:
    """``(fold(key), segment_key(key))`` in one cached lookup per word type (the tokenizer's hot path)."""
    return fold(key), _segment_norm(key)


# (norm, stem, prefixes, suffixes, prefix_len, suffix_len) per token string, for the tokenizer's hot
# path: one dictionary probe and one tuple per token instead of calls into the cached Segmentation.
# Cleared by add_stems (a new stem changes segmentations).
TOKEN_PARTS: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...], int, int]] = {}
_TOKEN_PARTS_MAX = 200_000


def token_parts(key: str, is_word: bool) -> tuple[str, str, tuple[str, ...], tuple[str, ...], int, int]:
    """``(norm, stem, prefixes, suffixes, prefix_len, suffix_len)`` of a token string, cached in
    :data:`TOKEN_PARTS`: a word's :func:`token_analysis`, or the string itself for a number or
    punctuation (whichever a string is does not depend on where it occurs)."""
    if len(TOKEN_PARTS) >= _TOKEN_PARTS_MAX:
        TOKEN_PARTS.clear()  # bounded memory on endless streams; refills quickly
    if is_word:
        folded, seg = token_analysis(key)
        parts = (folded, seg.stem, seg.prefixes, seg.suffixes, seg.prefix_len, seg.suffix_len)
    else:
        parts = (key, key, (), (), 0, 0)
    TOKEN_PARTS[key] = parts
    return parts
