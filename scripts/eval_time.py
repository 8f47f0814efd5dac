#!/usr/bin/env python
"""Evaluate marsad.time.find_dates.

1. ``tests/time/data/time_gold.jsonl`` (hand-written sentences with expected values, each in a
   ``group``): span precision/recall (a prediction matches a gold expression when they overlap),
   exact-value accuracy over matched pairs and over all gold expressions, and **case exactness** by
   group: a case (one sentence) is exact when every gold expression is found with the same value and
   precision and nothing else is found (a NOT-date case is exact when nothing is found).
2. ``../shared/seeds/gold/*.gold.json`` (event dates with ``date_evidence``), when present:
   is there an expression overlapping the evidence, and does its value agree with the
   gold date at the gold's precision? Skipped cleanly when absent.
3. ``../shared/data/ner/wojood_sample/*_flat_firsttag.conll`` DATE spans, when present:
   detection precision/recall (values are not annotated there).
4. ``--speed``: sentences per second on the GSR dev sentences (or the gold sentences repeated).

Usage: ``.venv/bin/python scripts/eval_time.py [--shared ../shared] [--speed] [-v]``
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

from marsad.time import find_dates

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "time" / "data" / "time_gold.jsonl"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _ref(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def evaluate_gold(path: Path = GOLD, verbose: bool = False) -> dict[str, float]:
    """Scores on the hand-written gold sentences (used by the test gate too).

    Besides the expression-level scores, ``cases``/``cases_exact`` count sentences whose whole
    output is right, and ``by_group`` gives ``(cases, exact)`` per group of the table.
    """
    n_gold = n_pred = matched_gold = matched_pred = value_ok = exact_span = kind_ok = 0
    n_cases = n_cases_exact = 0
    by_group: dict[str, list[int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text, ref = item["text"], _ref(item["ref"])
        preds = find_dates(text, ref)
        golds = []
        for g in item["dates"]:
            start = text.index(g["text"])
            golds.append((start, start + len(g["text"]), g))
        n_gold += len(golds)
        n_pred += len(preds)
        used: set[int] = set()
        case_ok = True
        for gs, ge, g in golds:
            hit = next((i for i, p in enumerate(preds) if i not in used and _overlap((gs, ge), (p.start, p.end))),
                       None)
            if hit is None:
                case_ok = False
                if verbose:
                    print(f"MISS  {item['id']} {g['text']!r} in {text!r}")
                continue
            used.add(hit)
            p = preds[hit]
            matched_gold += 1
            exact_span += (p.start, p.end) == (gs, ge)
            kind_ok += p.kind == g["kind"]
            if p.value == g["value"] and p.precision == g["precision"]:
                value_ok += 1
            else:
                case_ok = False
                if verbose:
                    print(f"VALUE {item['id']} {g['text']!r}: got {p.value} {p.precision}, "
                          f"want {g['value']} {g['precision']}")
            if verbose and p.kind != g["kind"]:
                print(f"KIND  {item['id']} {g['text']!r}: got {p.kind}, want {g['kind']}")
            if verbose and (p.start, p.end) != (gs, ge):
                print(f"SPAN  {item['id']} got {p.text!r}, want {g['text']!r}")
        matched_pred += len(used)
        if len(used) < len(preds):
            case_ok = False
        if verbose:
            for i, p in enumerate(preds):
                if i not in used:
                    print(f"EXTRA {item['id']} {p.text!r} -> {p.value} in {text!r}")
        n_cases += 1
        n_cases_exact += case_ok
        counts = by_group.setdefault(item.get("group", "ungrouped"), [0, 0])
        counts[0] += 1
        counts[1] += case_ok
    precision = matched_pred / n_pred if n_pred else 1.0
    recall = matched_gold / n_gold if n_gold else 1.0
    return {
        "cases": n_cases, "cases_exact": n_cases_exact,
        "case_accuracy": n_cases_exact / n_cases if n_cases else 0.0,
        "gold": n_gold, "predicted": n_pred,
        "precision": precision, "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "value_accuracy_matched": value_ok / matched_gold if matched_gold else 0.0,
        "value_accuracy_all": value_ok / n_gold if n_gold else 0.0,
        "exact_span": exact_span / matched_gold if matched_gold else 0.0,
        "kind_accuracy": kind_ok / matched_gold if matched_gold else 0.0,
        "by_group": {group: tuple(counts) for group, counts in sorted(by_group.items())},
    }


def _truncate(value: str | None, precision: str) -> str | None:
    """A predicted value seen at the gold's precision (an interval only if both ends agree)."""
    if value is None:
        return None
    width = {"day": 10, "month": 7, "year": 4}.get(precision, 10)
    if "/" in value:
        a, b = value.split("/")
        return a[:width] if a[:width] == b[:width] else None
    return value[:width] if len(value) >= width else None


def evaluate_seeds(shared: Path, verbose: bool = False) -> dict[str, float] | None:
    files = sorted(glob.glob(str(shared / "seeds" / "gold" / "*.gold.json")))
    if not files:
        return None
    total = detected = value_ok = 0
    for path in files:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        text_path = shared / "seeds" / gold["doc"]
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8", errors="replace")
        ref = _ref(gold["published"])
        seen = set()
        for event in gold["events"]:
            evidence, value, precision = event.get("date_evidence"), event.get("date"), event.get("date_precision")
            if not evidence or not value or (evidence, value) in seen:
                continue
            seen.add((evidence, value))
            start = text.find(evidence)
            if start < 0:
                continue
            total += 1
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            span = (start - line_start, start - line_start + len(evidence))
            preds = [p for p in find_dates(text[line_start:line_end], ref) if _overlap(span, (p.start, p.end))]
            if preds:
                detected += 1
            ok = any(_truncate(p.value, precision) == value for p in preds)
            value_ok += ok
            if verbose:
                got = [(p.text, p.value) for p in preds]
                print(f"{'OK  ' if ok else 'FAIL'} {gold['doc'][:3]} {evidence!r} want {value} ({precision}) got {got}")
    return {"evidence": total, "detected": detected / total if total else 0.0,
            "value_accuracy": value_ok / total if total else 0.0}


def _wojood_sentences(path: str) -> list[tuple[str, list[tuple[int, int]]]]:
    sentences, tokens, tags = [], [], []

    def flush() -> None:
        if not tokens:
            return
        text, spans, offsets, pos = "", [], [], 0
        for tok in tokens:
            offsets.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        text = " ".join(tokens)
        current: list[int] | None = None
        for (s, e), tag in zip(offsets, tags, strict=True):
            if tag == "B-DATE" or (tag == "I-DATE" and current is None):
                if current:
                    spans.append(tuple(current))
                current = [s, e]
            elif tag == "I-DATE":
                current[1] = e
            else:
                if current:
                    spans.append(tuple(current))
                current = None
        if current:
            spans.append(tuple(current))
        sentences.append((text, spans))
        tokens.clear()
        tags.clear()

    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts:
            flush()
            continue
        tokens.append(parts[0])
        tags.append(parts[-1])
    flush()
    return sentences


def evaluate_wojood(shared: Path) -> dict[str, float] | None:
    files = sorted(glob.glob(str(shared / "data" / "ner" / "wojood_sample" / "*_flat_firsttag.conll")))
    if not files:
        return None
    n_gold = n_pred = hit_gold = hit_pred = 0
    for path in files:
        for text, golds in _wojood_sentences(path):
            preds = [(p.start, p.end) for p in find_dates(text)]
            n_gold += len(golds)
            n_pred += len(preds)
            hit_gold += sum(any(_overlap(g, p) for p in preds) for g in golds)
            hit_pred += sum(any(_overlap(g, p) for g in golds) for p in preds)
    precision = hit_pred / n_pred if n_pred else 0.0
    recall = hit_gold / n_gold if n_gold else 0.0
    return {"gold": n_gold, "predicted": n_pred, "precision": precision, "recall": recall}


def speed(shared: Path) -> dict[str, float]:
    sentences: list[str] = []
    for path in sorted(glob.glob(str(shared / "data" / "events" / "gsr_dev" / "*.csv"))):
        with open(path, encoding="utf-8") as f:
            sentences += [row["text"] for row in csv.DictReader(f) if row.get("text")]
    source = "gsr_dev"
    if not sentences:
        source = "time_gold x50"
        sentences = [json.loads(x)["text"] for x in GOLD.read_text(encoding="utf-8").splitlines()] * 50
    ref = date(2017, 9, 12)
    find_dates("تهيئة", ref)  # compile outside the timing
    t0 = time.perf_counter()
    found = sum(len(find_dates(s, ref)) for s in sentences)
    elapsed = time.perf_counter() - t0
    chars = sum(map(len, sentences))
    return {"source": source, "sentences": len(sentences), "chars": chars, "expressions": found,
            "seconds": elapsed, "sentences_per_s": len(sentences) / elapsed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("MARSAD_SHARED", str(ROOT.parent / "shared")))
    parser.add_argument("--speed", action="store_true", help="also measure sentences/s")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    shared = Path(args.shared)

    def show(title: str, scores: dict | None) -> None:
        if scores is None:
            print(f"{title}: skipped (data absent)")
            return
        print(title + ": " + ", ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                       for k, v in scores.items()))

    gold = evaluate_gold(verbose=args.verbose)
    groups = gold.pop("by_group")
    show("time_gold", gold)
    for group, (cases, exact) in groups.items():
        print(f"  {group:<15} {exact:>3}/{cases:<3} exact ({exact / cases:.0%})")
    show("seeds date_evidence", evaluate_seeds(shared, verbose=args.verbose))
    show("wojood DATE detection", evaluate_wojood(shared))
    if args.speed:
        show("speed", speed(shared))
    return 0


if __name__ == "__main__":
    sys.exit(main())
