"""Build ``src/marsad/link/data/name_parts.tsv``: conventional English spellings of Arabic name words.

Unknown people (unresolved actors) get a Latin ``name_en`` by transliteration; unvowelled Arabic
(«حسن») gives only a consonant skeleton ("hsn"), while news writes "Hassan". The knowledge base
already pairs hundreds of Arabic names with their English spellings, so this script aligns them
word by word — only where the Arabic and English names have the same number of words after the
article is attached — and keeps, for each normalised Arabic word, the English spelling seen most
often (ties: alphabetical), when that spelling is at least a third of the word's sightings; a pair
whose English word cannot start with the Arabic word's first letter (``initials`` in
``translit.yaml``) is a misalignment and is skipped.

Run after editing the people/organisation files: ``python scripts/build_name_parts.py``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from marsad.arabic import normalize_word

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ROOT / "src" / "marsad" / "knowledge" / "actors"
OUT = ROOT / "src" / "marsad" / "link" / "data" / "name_parts.tsv"
SCHEME = ROOT / "src" / "marsad" / "link" / "data" / "translit.yaml"
_LATIN_WORD = re.compile(r"^[A-Za-z'-]+$")


def _pairs(name_ar: str, name_en: str, initials: dict[str, str]) -> list[tuple[str, str]]:
    ar = name_ar.split()
    en = [w for w in re.split(r"[\s]+", name_en.replace("ʻ", "'").replace("’", "'")) if w]
    if len(ar) != len(en) or not all(_LATIN_WORD.match(w) for w in en):
        return []
    out = []
    for a, e in zip(ar, en, strict=True):
        key = normalize_word(a)
        if key.startswith("ال") and e.lower().startswith(("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ar-",
                                                             "an-", "ath-", "adh-", "ag-")):
            key, e = key[2:], e.split("-", 1)[1]
        elif key.startswith("ال") or "-" in e:
            continue
        if len(key) >= 2 and e and e[0].upper() in initials.get(key[0], ""):
            out.append((key, e[0].upper() + e[1:]))
    return out


def main() -> None:
    initials = yaml.safe_load(SCHEME.read_text("utf-8"))["initials"]
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for path in sorted(ACTORS.glob("*.yaml")):
        for actor in yaml.safe_load(path.read_text("utf-8")) or []:
            if actor.get("kind") != "person":
                continue
            names_en = [actor.get("name_en") or "", *(actor.get("aliases_en") or [])]
            for name_ar in {actor.get("name_ar") or "", *(actor.get("aliases_ar") or [])}:
                for name_en in names_en:
                    for key, word in _pairs(name_ar, name_en, initials):
                        seen[key][word] += 1
    rows = []
    for key in sorted(seen):
        (best, n), total = min(seen[key].items(), key=lambda kv: (-kv[1], kv[0])), sum(seen[key].values())
        if n * 3 >= total:  # the plurality spelling, unless spellings are spread thin
            rows.append(f"{key}\t{best}")
    header = ("# Arabic name word (normalised) -> conventional English spelling, aligned from the knowledge\n"
              "# base's people by scripts/build_name_parts.py (do not edit by hand; edit the people files).\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} name words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
