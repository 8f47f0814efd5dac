#!/usr/bin/env python3
"""Build ``src/marsad/arabic/data/stems.tsv``, the stem lexicon of the clitic segmenter.

Development-time only: reads the annotated corpora in ``shared/data`` (not needed at run time).

Every word of the corpora is normalised with ta marbuta kept (:func:`segmentation_key`, as the segmenter
sees it) and counted. A word type is kept as a stem unless some clitic analysis of it (:func:`marsad.arabic.segmentation.candidates`)
explains it by a stem that is common enough in the same corpora:

* with the article (ال, وال, بال, لل …): the bare stem must occur at least ``ARTICLE_RATIO`` times as
  often as the word — definite forms are usually *more* frequent than bare ones, while a name such as
  «الجزائر» or «الاسد» has a rare bare form and stays whole;
* with only the conjunction و/ف: the stem must occur at least ``CONJ_RATIO`` times as often — «وقال»
  is common, but «قال» is more so;
* with any other clitic: the stem must occur at least ``CLITIC_RATIO`` times as often as the word —
  «بايران» is rare next to «ايران», but «كمال» is not explained by «مال»;
* a word seen only once is explained by any stem seen at all after the article or a conjunction
  (the commonest clitics: «والتدخلات» by «تدخلات»);
* and never when the word is mostly tagged as a name in the NER corpora while the stem is mostly not
  (وليد is not و + ل + يد, فراس is not ف + راس).

Usage::

    python scripts/build_stem_lexicon.py [--shared ../shared] [--out src/marsad/arabic/data/stems.tsv]
    python scripts/build_stem_lexicon.py --check   # exit 1 if the shipped file differs from a rebuild
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from marsad.arabic.normalization import segmentation_key
from marsad.arabic.segmentation import MIN_STEM, candidates, fold

ARTICLE_RATIO = 0.1
CONJ_RATIO = 0.05
CLITIC_RATIO = 3.0
MIN_COUNT = 1
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "marsad" / "arabic" / "data" / "stems.tsv"
_WORD = re.compile("[\u0621-\u064a]+")
SOURCES = (
    "ANERcorp train (Benajiba et al.; CAMeL Lab split) CC BY-SA 4.0",
    "AQMAR Arabic Wikipedia NER (CMU) CC BY-SA 3.0",
    "Wojood sample (SinaLab) MIT",
    "Arabic PLOVER event GSR dev sentences (Open Event Data Alliance) MIT",
)


def default_shared() -> Path:
    for cand in (ROOT.parent / "shared", Path("/work/shared")):
        if (cand / "data" / "ner").is_dir():
            return cand
    return ROOT.parent / "shared"


def conll_tokens(path: Path) -> Iterator[tuple[str, str | None]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            token, _, tag = line.rstrip("\n").partition("\t")
            token = token.strip()
            if token:
                yield token, tag.strip() or "O"


def corpus_tokens(shared: Path) -> Iterator[tuple[str, str | None]]:
    """(token, NER tag) pairs; the tag is None for untagged text."""
    ner = shared / "data" / "ner"
    yield from conll_tokens(ner / "anercorp_train.conll")
    for path in sorted((ner / "aqmar").glob("*.conll")):
        yield from conll_tokens(path)
    for path in sorted((ner / "wojood_sample").glob("*_flat_firsttag.conll")):
        yield from conll_tokens(path)
    csv.field_size_limit(1 << 28)
    for path in sorted((shared / "data" / "events" / "gsr_dev").glob("*_gsr_dev.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for token in row.get("text", "").split():
                    yield token, None


class Counts:
    """Word frequencies (by segmentation key and folded) and how often each word is tagged as a name."""

    def __init__(self, shared: Path) -> None:
        self.raw: Counter[str] = Counter()
        self.folded: Counter[str] = Counter()
        self.tagged: Counter[str] = Counter()
        self.named: Counter[str] = Counter()
        for token, tag in corpus_tokens(shared):
            for word in _WORD.findall(segmentation_key(token)):
                self.raw[word] += 1
                key = fold(word)
                self.folded[key] += 1
                if tag is not None:
                    self.tagged[key] += 1
                    if tag != "O":
                        self.named[key] += 1

    def name_ratio(self, key: str) -> float | None:
        tagged = self.tagged.get(key, 0)
        return self.named.get(key, 0) / tagged if tagged else None


def explained(word: str, count: int, counts: Counts) -> bool:
    """Is ``word`` a clitic form of a stem that is common enough to stand for it?"""
    word_names = counts.name_ratio(fold(word))
    for seg in candidates(word)[1:]:
        stem = fold(seg.stem)
        stem_count = counts.folded.get(stem, 0)
        if not stem_count:
            continue
        stem_names = counts.name_ratio(stem)
        if word_names is not None and stem_names is not None and word_names >= 0.5 > stem_names + 0.3:
            continue  # a name whose rest is an ordinary word: وليد is not و + ل + يد
        if "ال" in seg.prefixes:
            ratio, floor, hapax = ARTICLE_RATIO, 2, True
        elif seg.prefixes in (("و",), ("ف",)) and not seg.suffixes:
            ratio, floor, hapax = CONJ_RATIO, 3, True
        else:
            ratio, floor, hapax = CLITIC_RATIO, 3, False
        if stem_count >= max(floor, ratio * count) or (hapax and count == 1):
            return True
    return False


def build(shared: Path) -> str:
    counts = Counts(shared)
    stems: Counter[str] = Counter()
    for w, c in counts.raw.items():
        if c >= MIN_COUNT and len(w) >= MIN_STEM and not explained(w, c, counts):
            stems[fold(w)] += c
    kept = sorted(stems.items(), key=lambda wc: (-wc[1], wc[0]))
    header = [
        "# Stem lexicon for marsad.arabic.segmentation: normalised stem <TAB> corpus frequency.",
        "# Generated by scripts/build_stem_lexicon.py — do not edit by hand; add words to stems_extra.txt.",
        f"# Rules: article ratio {ARTICLE_RATIO}, conjunction ratio {CONJ_RATIO}, clitic ratio {CLITIC_RATIO},"
        f" min count {MIN_COUNT}.",
        *(f"# Source: {s}" for s in SOURCES),
    ]
    return "\n".join(header + [f"{w}\t{c}" for w, c in kept]) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared/ folder with data/ner")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = ap.parse_args(argv)
    shared = args.shared or default_shared()
    if not (shared / "data" / "ner").is_dir():
        print(f"no corpora under {shared}/data/ner", file=sys.stderr)
        return 2
    text = build(shared)
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print("stem lexicon up to date" if same else f"{args.out} differs from a rebuild")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({text.count(chr(10)) - len(SOURCES) - 3} stems)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
