"""Train the ASSAULT/PROTEST sentence classifier (``marsad.events.classifier``) on the GSR dev third.

Data: ``shared/data/events/gsr_dev/{assault,protest}_gsr_dev.csv`` — the OEDA Arabic PLOVER gold
standard (MIT licence), sentences labelled ``yes`` / ``easy no`` / ``difficult no`` / ``ambiguous``
with annotator accept/reject counts. This is all the labelled data there is, so:

1. **Cross-validation is the reported figure.** Stratified k-fold (default 5, seed 13, repeated
   over ``--repeats`` seeds). Each outer fold picks its decision threshold by an inner k-fold on its
   own training part, so the reported P/R/F1 never sees the test fold (nested CV). Ambiguous
   sentences are only ever used for training, never scored.
2. **The rules-only baseline** (the event extractor with its sentence gate switched off, given the
   knowledge base as ``scripts/eval_events.py --gsr`` does: a sentence is positive when it emits an
   event of the type), the **gate** combination (rules ∧ p ≥ t, t chosen the same nested way) and
   the **system** as ``marsad.events`` wires the gate today: rule events that name a
   known participant (``marsad.events.corroborated``) are kept whatever p says (corroborated ∨ (rules ∧ p ≥ t)).
3. **The shipped model is trained on all of it**; its thresholds are the best-F1 thresholds of the
   out-of-fold probabilities (pooled over repeats).

Model: per type, the mean of two class-balanced L2 logistic regressions (``fit_logistic``; NumPy +
SciPy, no scikit-learn), one on the annotators' acceptance share (soft label), one on the GSR label.

Usage::

    .venv/bin/python scripts/train_event_classifier.py [--data DIR] [--out DIR] [--repeats 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from marsad.events.classifier import (
    MEMBERS,
    MODEL_DIR,
    TYPES,
    best_threshold,
    build_vocab,
    cross_validate,
    design_matrix,
    fit_logistic,
    gsr_rows,
    member_targets,
    prf,
    rule_flags,
    save_model,
    sentence_features,
)

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "gsr_dev"


def gsr_file(data: Path, type_: str) -> Path:
    """The GSR CSV of a type in ``data`` (``assault_gsr_dev.csv`` or any ``assault_gsr*.csv``)."""
    exact = data / f"{type_.lower()}_gsr_dev.csv"
    if exact.exists():
        return exact
    found = sorted(data.glob(f"{type_.lower()}_gsr*.csv"))
    if not found:
        raise FileNotFoundError(f"no {type_.lower()}_gsr*.csv in {data}")
    return found[0]


def rule_predictions(rows: list[dict[str, Any]], type_: str) -> tuple[np.ndarray, np.ndarray]:
    """Rule flags (:func:`marsad.events.classifier.rule_flags`) for the labelled rows."""
    return rule_flags([r["text"] for r in rows if r["gold"] is not None], type_)


def _fmt(p: float, r: float, f: float) -> dict[str, float]:
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3)}


def evaluate_type(rows: list[dict[str, Any]], rules: tuple[np.ndarray, np.ndarray] | None, folds: int,
                  seeds: list[int], c: float, members: tuple[str, ...] = MEMBERS) -> dict[str, Any]:
    """Nested-CV scores (mean and per seed), the rules baseline and pooled-OOF thresholds for one type."""
    per_seed: list[dict[str, Any]] = []
    probs, golds = [], []
    hit, sure = rules if rules is not None else (None, None)
    for seed in seeds:
        cv = cross_validate(rows, k=folds, seed=seed, c=c, rules=hit, corroborated=sure, members=members)
        g = cv["gold"]
        entry = {"seed": seed, "classifier": _fmt(*prf(g, cv["pred"])),
                 "classifier_at_0.5": _fmt(*prf(g, cv["prob"] >= 0.5)),
                 "inner_thresholds": cv["inner_thresholds"]}
        if rules is not None:
            entry["gate"] = _fmt(*prf(g, cv["gated"]))
            entry["system"] = _fmt(*prf(g, cv["system"]))
        per_seed.append(entry)
        probs.append(cv["prob"])
        golds.append(g)
    gold = golds[0]
    mean = {k: {m: round(float(np.mean([s[k][m] for s in per_seed])), 3) for m in ("P", "R", "F1")}
            for k in per_seed[0] if isinstance(per_seed[0][k], dict)}
    sd = {k: round(float(np.std([s[k]["F1"] for s in per_seed])), 3)
          for k in per_seed[0] if isinstance(per_seed[0][k], dict)}
    pooled_gold = np.concatenate(golds)
    pooled_prob = np.concatenate(probs)
    out: dict[str, Any] = {
        "n_yes": int(gold.sum()), "n_no": int((~gold).sum()),
        "n_ambiguous": sum(1 for r in rows if r["gold"] is None),
        "cv_mean": mean, "cv_f1_sd": sd, "cv_per_seed": per_seed,
        "threshold": best_threshold(pooled_gold, pooled_prob),
    }
    if hit is not None and sure is not None:
        out["rules"] = _fmt(*prf(gold, hit))
        out["rules_corroborated"] = _fmt(*prf(gold, hit & sure))
        hits = np.tile(hit, len(seeds))
        out["gate_threshold"] = best_threshold(pooled_gold, pooled_prob, hits)
        out["system_threshold"] = best_threshold(pooled_gold, pooled_prob, hits, np.tile(hit & sure, len(seeds)))
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="directory with the GSR CSVs")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="where to write the model")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--repeats", type=int, default=3, help="CV repetitions with seeds seed, seed+100, …")
    ap.add_argument("--c", type=float, default=10.0, help="inverse L2 strength")
    ap.add_argument("--no-rules", action="store_true", help="skip the rules baseline and gate")
    ap.add_argument("--no-cv", action="store_true", help="only fit the shipped model (keeps old CV figures out)")
    ap.add_argument("--members", default=",".join(MEMBERS),
                    help=f"ensemble members, comma-separated, from {MEMBERS} (CV comparison)")
    a = ap.parse_args(argv)
    if not a.data.is_dir():
        print(f"{a.data} not found", file=sys.stderr)
        return 2
    t_start = time.perf_counter()
    seeds = [a.seed + 100 * i for i in range(a.repeats)]
    members = tuple(m.strip() for m in a.members.split(",") if m.strip())
    files = {t: gsr_file(a.data, t) for t in TYPES}
    rows = {t: gsr_rows(files[t]) for t in TYPES}
    report: dict[str, Any] = {}
    if not a.no_cv:
        for t in TYPES:
            t0 = time.perf_counter()
            rules = None if a.no_rules else rule_predictions(rows[t], t)
            report[t] = evaluate_type(rows[t], rules, a.folds, seeds, a.c, members)
            r = report[t]
            print(f"{t}: {r['n_yes']} yes / {r['n_no']} no ({r['n_ambiguous']} ambiguous, train only); "
                  f"{a.folds}-fold nested CV × {len(seeds)} seeds ({time.perf_counter() - t0:.0f}s)")
            for name in r["cv_mean"]:
                m = r["cv_mean"][name]
                print(f"  {name:18s} P={m['P']:.3f} R={m['R']:.3f} F1={m['F1']:.3f} (sd {r['cv_f1_sd'][name]:.3f})")
            if "rules" in r:
                for name, key in (("rules only", "rules"), ("rules corroborated", "rules_corroborated")):
                    m = r[key]
                    print(f"  {name:18s} P={m['P']:.3f} R={m['R']:.3f} F1={m['F1']:.3f}")
                print(f"  thresholds (pooled OOF): classifier {r['threshold']}, gate {r['gate_threshold']}, "
                      f"system {r['system_threshold']}")
            else:
                print(f"  threshold (pooled OOF): {r['threshold']}")
    # The shipped model: one vocabulary/IDF over both files, one coefficient vector per type.
    t0 = time.perf_counter()
    docs = {t: [sentence_features(r["text"]) for r in rows[t]] for t in TYPES}
    vocab, idf = build_vocab([d for t in TYPES for d in docs[t]])
    n_m = len(members)
    weights = np.zeros((len(vocab), len(TYPES) * n_m))
    bias = np.zeros(len(TYPES) * n_m)
    for k, t in enumerate(TYPES):
        x = design_matrix(docs[t], vocab, idf)
        for m, member in enumerate(members):
            weights[:, k * n_m + m], bias[k * n_m + m] = fit_logistic(x, member_targets(rows[t], member), a.c)
    fit_seconds = time.perf_counter() - t0
    old: dict[str, Any] = {}
    old_path = a.out / "event_sentences.json"
    if a.no_cv and old_path.exists():
        old = json.loads(old_path.read_text(encoding="utf-8"))
    thresholds = {t: report[t]["threshold"] if t in report else old.get("thresholds", {}).get(t, 0.5)
                  for t in TYPES}
    # The event stage's gate keeps corroborated events whatever p says, so its threshold is the one
    # that is best for that decision («system»), not for the plain rules ∧ p ≥ t gate.
    gate = {t: report[t].get("system_threshold") if t in report else old.get("gate_thresholds", {}).get(t)
            for t in TYPES}
    plain_gate = {t: report[t].get("gate_threshold") if t in report else
                  old.get("plain_gate_thresholds", {}).get(t) for t in TYPES}
    meta = {
        "name": "marsad event sentence classifier",
        "types": list(TYPES),
        "thresholds": thresholds,
        "gate_thresholds": gate,
        "plain_gate_thresholds": plain_gate,
        "threshold_note": "thresholds: p >= t marks the sentence as reporting the type (best CV F1). "
                          "gate_thresholds: keep a rule-extracted event of the type only if p >= t, "
                          "events with a known participant being kept anyway (marsad.events.corroborated). "
                          "plain_gate_thresholds: the same without that exception.",
        "members": list(members),
        "model": {"kind": "mean of class-balanced L2 logistic regressions, one per target: "
                          "soft (annotator share) and hard (GSR label)",
                  "C": a.c, "features": "binary word/stem/char 3-5-gram/stem-bigram, IDF, L2-normalised",
                  "min_df": 2},
        "training": {"data": {t: {"file": files[t].name, "sha256": sha256(files[t]), "rows": len(rows[t])}
                              for t in TYPES},
                     "source": "openeventdata arabic_event_gsr (MIT), dev third",
                     "fit_seconds": round(fit_seconds, 1),
                     "total_seconds": round(time.perf_counter() - t_start, 1),
                     "command": "python scripts/train_event_classifier.py"},
        "cv": report or old.get("cv", {}),
        "cv_protocol": {"folds": a.folds, "seeds": seeds, "nested_threshold": True},
    }
    npz, js = save_model(a.out, vocab, weights, idf, bias, meta)
    print(f"Wrote {npz} ({npz.stat().st_size / 1e6:.2f} MB, {len(vocab)} features) and {js}; "
          f"final fit {fit_seconds:.1f}s, total {time.perf_counter() - t_start:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
