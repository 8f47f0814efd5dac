"""Score the shipped ASSAULT/PROTEST sentence classifier on a GSR directory (dev or held-out thirds).

For each type it reads ``{type}_gsr*.csv`` from ``--data`` and prints sentence-level P/R/F1
(``yes`` positive, ``easy no``/``difficult no`` negative, ``ambiguous`` left out) for:

* **rules** — the event extractor, its sentence gate off, emits an event of the type (knowledge
  base, no mentions, as in ``scripts/eval_events.py --gsr``);
* **classifier** — ``p >= thresholds[type]`` from the model data;
* **plain gate** — rules ∧ ``p >= plain_gate_thresholds[type]`` (rule events kept only when the
  model agrees);
* **system** — the event stage's gate as wired in ``marsad.events``: rule events with numbers or a
  known participant are kept anyway, the others need ``p >= gate_thresholds[type]``.

On the dev third the classifier figures are *training* figures (the model was fitted on it); the
honest dev estimate is the cross-validated one that ``scripts/train_event_classifier.py`` prints and
stores in ``models/event_sentences.json``. On the held-out thirds these figures are the real test.

Usage::

    .venv/bin/python scripts/eval_event_classifier.py [--data DIR] [--no-rules] [--errors]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from marsad.events.classifier import TYPES, gsr_rows, load_sentence_classifier, prf, rule_flags

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "gsr_dev"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--no-rules", action="store_true", help="classifier only (fast)")
    ap.add_argument("--errors", action="store_true", help="print classifier misses and false positives")
    a = ap.parse_args(argv)
    if not a.data.is_dir():
        print(f"{a.data} not found", file=sys.stderr)
        return 2
    model = load_sentence_classifier()
    for k, t in enumerate(TYPES):
        files = sorted(a.data.glob(f"{t.lower()}_gsr*.csv"))
        if not files:
            print(f"{t}: no {t.lower()}_gsr*.csv in {a.data}")
            continue
        rows = [r for f in files for r in gsr_rows(f) if r["gold"] is not None]
        texts = [r["text"] for r in rows]
        gold = np.array([r["gold"] for r in rows], dtype=bool)
        t0 = time.perf_counter()
        prob = model.scores(texts)[:, k]
        dt = time.perf_counter() - t0
        pred = prob >= model.thresholds[t]
        print(f"{t}: {int(gold.sum())} yes / {int((~gold).sum())} no from {', '.join(f.name for f in files)}")
        p, r, f1 = prf(gold, pred)
        print(f"  classifier (p >= {model.thresholds[t]}): P={p:.3f} R={r:.3f} F1={f1:.3f}  "
              f"[{len(texts) / dt:.0f} sentences/s]")
        if not a.no_rules:
            rules, sure = rule_flags(texts, t)
            p, r, f1 = prf(gold, rules)
            print(f"  rules only:                P={p:.3f} R={r:.3f} F1={f1:.3f}")
            gt = model.meta.get("plain_gate_thresholds", {}).get(t)
            if gt is not None:
                p, r, f1 = prf(gold, rules & (prob >= gt))
                print(f"  plain gate (rules ∧ p >= {gt}):  P={p:.3f} R={r:.3f} F1={f1:.3f}")
            st = model.meta.get("gate_thresholds", {}).get(t)
            if st is not None:
                p, r, f1 = prf(gold, (rules & sure) | (rules & (prob >= st)))
                print(f"  system (corroborated ∨ rules ∧ p >= {st}):  P={p:.3f} R={r:.3f} F1={f1:.3f}")
        if a.errors:
            for row, g, pr, pp in zip(rows, gold, pred, prob, strict=True):
                if g != pr:
                    print(f"    {'FN' if g else 'FP'} {pp:.2f} {row['label']}: {row['text'][:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
