"""GSR dev sentences through the full pipeline's event stage and the sentence classifier.

Each GSR sentence becomes a one-sentence document and runs through ``marsad.pipeline`` (text,
recogniser, time, events), so rule events get the mentions they would get in production. Prints
sentence-level P/R/F1 for ASSAULT and PROTEST (``yes`` positive, both no's negative, ambiguous left
out) for:

* **pipeline** — the pipeline as shipped emits an event of the type (its event stage gates rule
  ASSAULT/PROTEST events with the classifier, keeping those with numbers or a known participant);
* **rules** — the same stages with the event stage's sentence gate switched off;
* **classifier** — ``p >= thresholds[type]``;
* **plain gate** — a rule event of the type with ``p >= plain_gate_thresholds[type]``, no exception.

The classifier lines are in-sample on the dev third (the model was trained on it); the honest
cross-validated figures are in ``src/marsad/events/models/MODEL_CARD.md``.

plus sentences per second for the pipeline and for the classifier.

Usage::

    .venv/bin/python benchmarks/gsr_sentences.py [--data DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from marsad.events import load_extractor
from marsad.events.classifier import TYPES, gsr_rows, load_sentence_classifier, prf
from marsad.model import Document
from marsad.pipeline import STAGES, Knowledge, process_document

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "gsr_dev"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="first N labelled sentences per type (0 = all)")
    a = ap.parse_args(argv)
    if not a.data.is_dir():
        print(f"{a.data} not found", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    kb = Knowledge().warm()
    print(f"pipeline knowledge load {time.perf_counter() - t0:.2f}s")
    t0 = time.perf_counter()
    model = load_sentence_classifier()
    print(f"classifier load {time.perf_counter() - t0:.3f}s")
    ungated = load_extractor(kb, sentence_gate=False)
    for k, t in enumerate(TYPES):
        files = sorted(a.data.glob(f"{t.lower()}_gsr*.csv"))
        rows = [r for f in files for r in gsr_rows(f) if r["gold"] is not None]
        if a.limit:
            rows = rows[:a.limit]
        if not rows:
            print(f"{t}: no data in {a.data}")
            continue
        texts = [r["text"] for r in rows]
        gold = np.array([r["gold"] for r in rows], dtype=bool)
        t0 = time.perf_counter()
        shipped, rules = [], []
        for r in rows:
            doc = process_document(Document(doc_id=r["id"], source="gsr", text=r["text"]), kb)
            shipped.append(any(e["type"] == t for e in doc.events))
        pipe_dt = time.perf_counter() - t0
        for r in rows:
            doc = Document(doc_id=r["id"], source="gsr", text=r["text"])
            for name, stage in STAGES:
                if name != "events":
                    stage(doc, kb)
            rules.append(any(e["type"] == t for e in ungated(doc)))
        rules_arr = np.array(rules, dtype=bool)
        t0 = time.perf_counter()
        prob = model.scores(texts)[:, k]
        clf_dt = time.perf_counter() - t0
        print(f"{t}: {int(gold.sum())} yes / {int((~gold).sum())} no")
        lines = [("pipeline (as shipped)", np.array(shipped, dtype=bool)), ("rules (no gate)", rules_arr),
                 (f"classifier p>={model.thresholds[t]}", prob >= model.thresholds[t])]
        gt = model.meta.get("plain_gate_thresholds", {}).get(t)
        if gt is not None:
            lines.append((f"plain gate rules∧p>={gt}", rules_arr & (prob >= gt)))
        for name, pred in lines:
            p, r, f1 = prf(gold, pred)
            print(f"  {name:24s} P={p:.3f} R={r:.3f} F1={f1:.3f}")
        print(f"  speed: pipeline {len(rows) / pipe_dt:.0f} sentences/s, "
              f"classifier {len(rows) / clf_dt:.0f} sentences/s (cold word cache)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
