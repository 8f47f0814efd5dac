"""Readable Latin keys for unknown Arabic names (see data/translit.yaml for the scheme and its limits)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from marsad.arabic import normalize_word

# Letters that stand for consonants in a skeleton (long vowels, alef and hamza carriers excepted).
_VOWEL_LETTERS = frozenset("اويىءآأإ")


@lru_cache(maxsize=1)
def _scheme() -> dict:
    return yaml.safe_load(resources.files("marsad.link").joinpath("data/translit.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _persian() -> dict:
    """translit.yaml ``persian`` with its word lists normalised."""
    raw = _scheme().get("persian") or {}
    return {
        "only": frozenset(raw.get("letters_only") or ""),
        "letters": dict(raw.get("letters") or {}),
        "markers": frozenset(normalize_word(w) for w in raw.get("marker_words") or ()),
        # longest ending first, so that «زاده» is tried before a shorter one inside it
        "suffixes": sorted(((normalize_word(k), v) for k, v in (raw.get("suffixes") or {}).items()),
                           key=lambda kv: -len(kv[0])),
        "min_stem": int(raw.get("min_stem", 3)),
        "words": {normalize_word(k): v for k, v in (raw.get("words") or {}).items()},
    }


@lru_cache(maxsize=1)
def _name_parts() -> dict[str, str]:
    """Conventional English spellings of name words, aligned from the knowledge base's people
    (``data/name_parts.tsv``, built by ``scripts/build_name_parts.py``)."""
    text = resources.files("marsad.link").joinpath("data/name_parts.tsv").read_text("utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


def name_part_words() -> frozenset[str]:
    """The normalised Arabic name words of the knowledge base's people (``data/name_parts.tsv``):
    a word here is a name, whatever else it may spell."""
    return _name_part_keys()


@lru_cache(maxsize=1)
def _name_part_keys() -> frozenset[str]:
    return frozenset(_name_parts())


def _persian_suffix(w: str) -> tuple[str, str] | None:
    """(stem, romanised ending) when ``w`` (normalised, no article) ends like a Persian surname."""
    per = _persian()
    for ending, latin in per["suffixes"]:
        if w.endswith(ending) and len(w) - len(ending) >= per["min_stem"]:
            return w[:-len(ending)], latin
    return None


def is_persian_name(name: str) -> bool:
    """Whether a name reads as Persian: a Persian-only letter («پ», «گ»), a compound-surname word
    («زاده», «مقدم») or a word with a Persian surname ending («قاجاريان», «شكيبائي»), not after the
    Arabic article («الطائي» is Arabic)."""
    per = _persian()
    if any(ch in per["only"] for ch in name):
        return True
    for raw in name.split():
        w = normalize_word(raw)
        if w in per["markers"] or (not w.startswith("ال") and _persian_suffix(w) is not None):
            return True
    return False


def _skeleton(w: str, raw: str, persian: bool) -> str:
    """Consonants and long vowels of one normalised word (no article), in Latin.

    ``raw`` is the word as written, to tell Persian letters that normalisation folds («پ» → «ب»).
    Word-final «ه»/«ة» after a consonant is a vowel («بشارة» → …a, Persian «زاده» → …eh), and a
    word that starts with two consonants gets an «a» between them («شكيب» → Shakib, not Shkib):
    unvowelled Arabic hides the short vowel, and Latin names seldom start with a cluster.
    """
    sch = _scheme()
    letters, glides = sch["letters"], sch["vowel_glides"]
    per = _persian() if persian else None
    kept = [c for c in raw if normalize_word(c)]
    originals = kept if len(kept) == len(w) else list(w)
    out: list[str] = []
    for i, ch in enumerate(w):
        orig = originals[i]
        if per is not None and orig in per["letters"]:
            out.append(per["letters"][orig])
        elif per is not None and ch in per["letters"]:
            out.append(per["letters"][ch])
        elif ch in glides and 0 < i < len(w) - 1 and w[i - 1] not in "اوي" and w[i + 1] not in "اوي":
            out.append(glides[ch])
        elif ch in glides and i == len(w) - 1 and i > 0:
            out.append(glides[ch])
        elif ch == "ه" and i == len(w) - 1 and i > 0 and w[i - 1] not in _VOWEL_LETTERS:
            out.append("eh" if persian else "a")
        else:
            out.append(letters.get(ch, ch if ch.isascii() else ""))
        if i == 0 and len(w) > 2 and ch not in _VOWEL_LETTERS and w[1] not in _VOWEL_LETTERS \
                and ch != "ع" and w[1] != "ع":
            out.append("a")
    return "".join(out)


def _word(w: str, raw: str, persian: bool) -> str:
    """One normalised name word (no article) in Latin: a conventional spelling when one is known,
    else a Persian stem + ending, else a skeleton."""
    parts = _name_parts()
    if persian:
        per = _persian()
        if w in per["words"]:
            return per["words"][w]
    if w in parts:
        return parts[w]
    if persian:
        split = _persian_suffix(w)
        if split is not None:
            stem, ending = split
            head = _persian()["words"].get(stem) or parts.get(stem) or _skeleton(stem, raw[:len(stem)], True)
            return head[:1].upper() + head[1:] + ending
    latin = _skeleton(w, raw, persian)
    return latin[:1].upper() + latin[1:]


@lru_cache(maxsize=65536)
def transliterate(name: str) -> str:
    """A readable Latin form of an unknown name.

    Name words the knowledge base spells in English take that spelling («حسن» → Hassan, «هاني» →
    Hani); other words get a consonant skeleton with long vowels. A Persian name (see
    :func:`is_persian_name`) is romanised the Persian way: «حسن هاني زاده» → ``Hassan Hani Zadeh``,
    «حسين كنعاني مقدم» → ``Hossein Kanaani Moghaddam``, «محسن قاجاريان» → ``Mohsen Ghajarian``;
    «الحلبوسي» → ``al-Halbousi``.
    """
    sch = _scheme()
    persian = is_persian_name(name)
    words = []
    for raw in name.split():
        w = normalize_word(raw)
        if w in (sch.get("words") or {}):
            words.append(sch["words"][w].capitalize())
            continue
        prefix = ""
        if len(w) > 5 and w[0] in "وفبك" and w[1:3] == "ال":  # a proclitic before the article
            w, raw = w[1:], raw[1:]
        elif len(w) > 4 and w.startswith("لل"):
            w, raw = "ال" + w[2:], raw[:1] + raw[2:]
        if w.startswith("ال") and len(w) > 3:
            prefix, w, raw = sch["article"], w[2:], raw[2:]
        words.append(prefix + _word(w, raw, persian))
    return " ".join(w for w in words if w)


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", transliterate(name).lower()).strip("_") or "unnamed"
