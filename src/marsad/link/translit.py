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


@lru_cache(maxsize=65536)
def transliterate(name: str) -> str:
    """«حسن نصر الله» → "hasan"-like keys: ``hsn nsr allh``; «الحلبوسي» → ``al-hlbusi``."""
    sch = _scheme()
    letters, glides = sch["letters"], sch["vowel_glides"]
    words = []
    for raw in name.split():
        w = normalize_word(raw)
        if w in (sch.get("words") or {}):
            words.append(sch["words"][w])
            continue
        prefix = ""
        if w.startswith("ال") and len(w) > 3:
            prefix, w = sch["article"], w[2:]
        out = []
        for i, ch in enumerate(w):
            if ch in glides and 0 < i < len(w) - 1 and w[i - 1] not in "اوي" and w[i + 1] not in "اوي":
                out.append(glides[ch])
            elif ch in glides and i == len(w) - 1 and i > 0:
                out.append(glides[ch])
            else:
                out.append(letters.get(ch, ch if ch.isascii() else ""))
        words.append(prefix + "".join(out))
    return " ".join(w for w in words if w)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", transliterate(name).lower()).strip("_") or "unnamed"
