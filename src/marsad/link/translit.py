"""Readable Latin keys for unknown Arabic names (see data/translit.yaml for the scheme and its limits)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from marsad.arabic import normalize_word


@lru_cache(maxsize=1)
def _scheme() -> dict:
    return yaml.safe_load(resources.files("marsad.link").joinpath("data/translit.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _name_parts() -> dict[str, str]:
    """Conventional English spellings of name words, aligned from the knowledge base's people
    (``data/name_parts.tsv``, built by ``scripts/build_name_parts.py``)."""
    text = resources.files("marsad.link").joinpath("data/name_parts.tsv").read_text("utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=65536)
def transliterate(name: str) -> str:
    """A readable Latin form of an unknown name.

    Name words the knowledge base spells in English take that spelling («حسن» → Hassan, «هاني» →
    Hani); other words get a consonant skeleton with long vowels («زاده» → Zadh), so «حسن هاني زاده»
    → ``Hassan Hani Zadh``, «الحلبوسي» → ``al-Halbousi``.
    """
    sch = _scheme()
    letters, glides = sch["letters"], sch["vowel_glides"]
    parts = _name_parts()
    words = []
    for raw in name.split():
        w = normalize_word(raw)
        if w in (sch.get("words") or {}):
            words.append(sch["words"][w].capitalize())
            continue
        prefix = ""
        if len(w) > 5 and w[0] in "وفبك" and w[1:3] == "ال":  # a proclitic before the article
            w = w[1:]
        elif len(w) > 4 and w.startswith("لل"):
            w = "ال" + w[2:]
        if w.startswith("ال") and len(w) > 3:
            prefix, w = sch["article"], w[2:]
        if w in parts:
            words.append(prefix + parts[w])
            continue
        out = []
        for i, ch in enumerate(w):
            if ch in glides and 0 < i < len(w) - 1 and w[i - 1] not in "اوي" and w[i + 1] not in "اوي":
                out.append(glides[ch])
            elif ch in glides and i == len(w) - 1 and i > 0:
                out.append(glides[ch])
            else:
                out.append(letters.get(ch, ch if ch.isascii() else ""))
        latin = "".join(out)
        words.append(prefix + latin[:1].upper() + latin[1:])
    return " ".join(w for w in words if w)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", transliterate(name).lower()).strip("_") or "unnamed"
