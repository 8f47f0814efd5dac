"""Removal of scraped boilerplate from plain-text articles.

Rules are data (``data/boilerplate.yaml``); this module only compiles and applies them.
Written by hand because the HTML boilerplate removers (trafilatura, jusText) need markup,
and scraped plain text has none left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from marsad.knowledge.cache import load_yaml


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    line: re.Pattern[str]
    inline: re.Pattern[str]
    tail_heading: re.Pattern[str]
    meta: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def load_rules() -> BoilerplateRules:
    raw = load_yaml(resources.files("marsad.ingest").joinpath("data/boilerplate.yaml"))  # C parser, cached
    meta = {k: [re.compile(p, re.IGNORECASE) for p in v] for k, v in (raw.get("meta") or {}).items()}
    return BoilerplateRules(
        line=_alternation(raw["line"]),
        inline=_alternation(raw["inline"]),
        tail_heading=_alternation(raw["tail_heading"]),
        meta=meta,
    )


_SENTENCE_END = re.compile(r"[.!?؟…]\s*$")


@dataclass(slots=True)
class CleanResult:
    text: str
    removed_chars: int
    meta: dict[str, str]


def clean_text(text: str, *, read_meta: bool = True, tail_scan_lines: int = 40) -> CleanResult:
    """Strip boilerplate lines, inline junk and a trailing related-headlines block.

    Metadata lines (``المصدر:``, ``نشر في:``, ``First Published:``, dated bylines) are removed and
    returned in ``meta`` (only the first of each kind, only within the first and last few lines,
    where scrapers put them); a dateline («دمشق – 2018/08/27») is read but kept.
    ``removed_chars`` counts every non-whitespace character taken away.
    """
    rules = load_rules()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta: dict[str, str] = {}
    kept: list[str] = []
    removed = 0
    n = len(lines)

    # A related-headlines block: a heading near the end followed only by short, headline-like lines.
    tail_start = n
    for i in range(max(0, n - tail_scan_lines), n):
        if rules.tail_heading.fullmatch(lines[i].strip()):
            rest = [ln.strip() for ln in lines[i + 1:] if ln.strip()]
            if all(len(ln) < 160 and not _SENTENCE_END.search(ln) or rules.line.fullmatch(ln) for ln in rest):
                tail_start = i
                break

    for i, line in enumerate(lines[:tail_start]):
        s = line.strip()
        if not s:
            kept.append("")
            continue
        if read_meta and (i < 8 or i > n - 8):
            hit = _match_meta(rules, s, meta)
            if hit == "removed":
                removed += _visible(s)
                continue
        if rules.line.fullmatch(s):
            removed += _visible(s)
            continue
        cleaned = rules.inline.sub("", line)
        if cleaned != line:
            removed += _visible(line) - _visible(cleaned)
            if not cleaned.strip():
                continue
            cleaned = re.sub(r"[ \t]{2,}", " ", cleaned)
        kept.append(cleaned.rstrip())
    removed += sum(_visible(ln) for ln in lines[tail_start:])
    removed += _drop_headline_tail(kept)

    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    return CleanResult(out, removed, meta)


_MIN_TAIL_HEADLINES = 3


def _drop_headline_tail(kept: list[str]) -> int:
    """Remove an unlabelled related-headlines list at the end of the text (in place).

    Scraped pages often end with the site's other headlines and no heading: three or more short
    lines in a row with no sentence-ending punctuation, after the last real paragraph. Returns the
    number of visible characters removed.
    """
    end = len(kept)
    while end and not kept[end - 1].strip():
        end -= 1
    i = end
    while i and (not kept[i - 1].strip() or (len(kept[i - 1].strip()) < 120
                                              and not _SENTENCE_END.search(kept[i - 1].strip())
                                              and not kept[i - 1].strip().endswith((":", "،", ",")))):
        i -= 1
    headlines = [ln for ln in kept[i:end] if ln.strip()]
    if len(headlines) < _MIN_TAIL_HEADLINES or i == 0:
        return 0
    removed = sum(_visible(ln) for ln in kept[i:])
    del kept[i:]
    return removed


def _match_meta(rules: BoilerplateRules, line: str, meta: dict[str, str]) -> str | None:
    """Read a metadata line into ``meta``; say whether the line is "removed" or "kept"."""
    for key, patterns in rules.meta.items():
        for pat in patterns:
            m = pat.fullmatch(line)
            if m:
                keep = key.endswith("_keep")
                meta.setdefault(key.removesuffix("_keep"), m.group("value").strip())
                return "kept" if keep else "removed"
    return None


def _visible(s: str) -> int:
    return sum(1 for ch in s if not ch.isspace())
