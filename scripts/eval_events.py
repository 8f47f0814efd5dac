"""Evaluate the PLOVER event extractor (marsad.events) on the development data in ../shared.

Two evaluations:

1. **Seed gold** (``shared/seeds/*.txt`` + ``shared/seeds/gold/*.gold.json``, 5 articles, 89 events).
   Mentions are built from the gold's own actor/place mention strings (so the event stage is measured
   in isolation); dates come from ``marsad.time``. A predicted event matches a gold event when the
   types agree and the predicted evidence sentence overlaps the gold evidence span (one-to-one,
   greedy). Reports type-level precision/recall/F1 and, over matched pairs, argument accuracy
   (actor, recipient: same id set; location: same place id; date: same value; status; quantities).
   With ``--end-to-end`` the same articles also go through ``marsad.pipeline`` (recogniser + time)
   and type-level P/R/F1 is reported for that run.
2. **GSR dev** (``shared/data/events/gsr_dev``, OEDA Arabic PLOVER gold standard, MIT licence):
   sentences labelled yes/no for ASSAULT and PROTEST. ``yes`` is positive, ``easy no`` and
   ``difficult no`` negative, ``ambiguous`` left out. A sentence is predicted positive when the
   extractor emits an event of that type (no mentions are given, so triggers flagged ``!actor``
   cannot fire). Reports precision/recall/F1 and sentences per second.

Usage::

    .venv/bin/python scripts/eval_events.py [--shared ../shared] [--end-to-end] [--errors]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from marsad.events import load_extractor
from marsad.model import Document, Mention

_AR = "\u0600-\u06FF"


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Occurrences of ``needle`` in ``text`` at word boundaries."""
    pat = re.compile(rf"(?<![{_AR}\w]){re.escape(needle)}(?![{_AR}\w])")
    return [m.span() for m in pat.finditer(text)]


def gold_mentions(text: str, gold: dict[str, Any]) -> list[Mention]:
    """Mentions built from the gold's mention strings, longest first, never overlapping."""
    places = {p["id"]: p for p in gold.get("places", [])}
    cands: list[tuple[int, int, str, dict | None, dict | None]] = []
    for a in gold.get("actors", []):
        ref = {"id": a["id"], "name_en": a.get("name_en"), "name_ar": a["mentions"][0] if a["mentions"] else None,
               "wikidata": a.get("wikidata"), "country": a.get("country"), "sector": None,
               "role": a.get("role_at_time"), "text": None}
        for s in a.get("mentions", []):
            for span in _find_all(text, s):
                cands.append((*span, s, ref, None))
    for p in places.values():
        loc = {"name_en": p["id"], "name_ar": p["mentions"][0] if p["mentions"] else None, "geonames_id": None,
               "country": p.get("country"), "lat": p.get("lat"), "lon": p.get("lon"), "text": None}
        for s in p.get("mentions", []):
            for span in _find_all(text, s):
                cands.append((*span, s, None, loc))
    by_span: dict[tuple[int, int], list] = {}
    for a, b, s, ref, loc in cands:
        slot = by_span.setdefault((a, b), [s, None, None])
        slot[1] = slot[1] or ref
        slot[2] = slot[2] or loc
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for (a, b), (s, ref, loc) in sorted(by_span.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), kv[0][0])):
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        extra: dict[str, Any] = {}
        if ref:
            extra["ref"] = ref
        if loc:
            extra["location"] = loc
        label = "PERS" if ref else "LOC"
        out.append(Mention(a, b, s, label=label, actor_id=ref["id"] if ref else None,
                           place_id=loc["name_en"] if loc else None, origin="gold", extra=extra))
    return sorted(out, key=lambda m: m.start)


def build_doc(txt: Path, gold: dict[str, Any], with_mentions: bool = True) -> Document:
    from marsad.arabic import split_sentences
    from marsad.time import find_dates
    text = txt.read_text("utf-8")
    doc = Document(doc_id=txt.stem[:3], source=str(txt), text=text, published=gold.get("published"))
    doc.sentences = split_sentences(text)
    for i, s in enumerate(doc.sentences):
        s.index = i
    ref = date.fromisoformat(doc.published) if doc.published else None
    doc.dates = find_dates(text, ref)
    if with_mentions:
        doc.mentions = gold_mentions(text, gold)
    return doc


def gold_events(text: str, gold: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for e in gold["events"]:
        spans = _find_all(text, e["evidence"]) or [(text.find(e["evidence"]), text.find(e["evidence"])
                                                   + len(e["evidence"]))]
        out.append({**e, "span": spans[0]})
    return out


def match(preds: list[dict], golds: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching by type and evidence overlap (largest overlap first)."""
    pairs = []
    for pi, p in enumerate(preds):
        ps, pe = p["evidence"]["start"], p["evidence"]["end"]
        for gi, g in enumerate(golds):
            gs, ge = g["span"]
            ov = min(pe, ge) - max(ps, gs)
            if p["type"] == g["type"] and ov > 0:
                pairs.append((ov, pi, gi))
    used_p, used_g, out = set(), set(), []
    for _, pi, gi in sorted(pairs, reverse=True):
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((preds[pi], golds[gi]))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def eval_seeds(shared: Path, extractor, end_to_end: bool, show_errors: bool) -> None:
    seeds = shared / "seeds"
    files = sorted(seeds.glob("*.txt"))
    tot = Counter()
    args = Counter()
    per_type = defaultdict(Counter)
    e2e = Counter()
    kb = None
    if end_to_end:
        from marsad.pipeline import Knowledge, process_document
        kb = Knowledge().warm()
    for txt in files:
        gold = json.loads((seeds / "gold" / f"{txt.stem}.gold.json").read_text("utf-8"))
        doc = build_doc(txt, gold)
        golds = gold_events(doc.text, gold)
        preds = extractor(doc)
        pairs = match(preds, golds)
        tot["pred"] += len(preds)
        tot["gold"] += len(golds)
        tot["tp"] += len(pairs)
        for g in golds:
            per_type[g["type"]]["gold"] += 1
        for p in preds:
            per_type[p["type"]]["pred"] += 1
        for p, g in pairs:
            per_type[g["type"]]["tp"] += 1
            pa = {a["id"] for a in p["actor"]}
            pr = {a["id"] for a in p["recipient"]}
            args["actor"] += pa == set(g["actor1"])
            args["actor_overlap"] += bool(pa & set(g["actor1"])) or (not pa and not g["actor1"])
            args["recipient"] += pr == set(g["actor2"])
            args["location"] += ((p["location"] or {}).get("name_en")) == g["location"]
            args["date"] += p["date"] == g["date"]
            args["status"] += p["status"] == g["status"]
            args["quantities"] += p["quantities"] == (g["quantities"] or {})
        if show_errors:
            matched_g = {id(g) for _, g in pairs}
            matched_p = {id(p) for p, _ in pairs}
            for g in golds:
                if id(g) not in matched_g:
                    print(f"  MISS {txt.stem[:3]} {g['id']} {g['type']}: {g['evidence'][:90]}")
            for p in preds:
                if id(p) not in matched_p:
                    print(f"  FP   {txt.stem[:3]} {p['type']}/{p['mode']} «{p['trigger']['text']}»: "
                          f"{p['evidence']['text'][:90]}")
        if kb is not None:
            d2 = Document(doc_id=doc.doc_id, source=doc.source, text=doc.text, published=doc.published)
            process_document(d2, kb)
            pairs2 = match(d2.events, golds)
            e2e["pred"] += len(d2.events)
            e2e["gold"] += len(golds)
            e2e["tp"] += len(pairs2)
            e2e["actor"] += sum(bool({a["id"] for a in p["actor"]} & set(g["actor1"])) for p, g in pairs2)
    p, r, f = prf(tot["tp"], tot["pred"], tot["gold"])
    print(f"Seed gold ({len(files)} docs, {tot['gold']} events), gold mentions: "
          f"pred={tot['pred']} tp={tot['tp']}  P={p:.3f} R={r:.3f} F1={f:.3f}")
    n = max(tot["tp"], 1)
    print("  argument accuracy over matched events: " + ", ".join(
        f"{k}={v / n:.2f}" for k, v in sorted(args.items())))
    for t, c in sorted(per_type.items()):
        tp_, pp, gg = c["tp"], c["pred"], c["gold"]
        print(f"    {t:10s} gold={gg:3d} pred={pp:3d} tp={tp_:3d}")
    if kb is not None:
        p, r, f = prf(e2e["tp"], e2e["pred"], e2e["gold"])
        print(f"Seed gold, end to end (marsad.pipeline recogniser + time): pred={e2e['pred']} tp={e2e['tp']} "
              f"P={p:.3f} R={r:.3f} F1={f:.3f}; actor-id overlap on matched={e2e['actor'] / max(e2e['tp'], 1):.2f}")


def eval_gsr(shared: Path, extractor, show_errors: bool) -> None:
    from marsad.arabic import split_sentences
    base = shared / "data" / "events" / "gsr_dev"
    total_sents, total_time = 0, 0.0
    for event_type, name in (("ASSAULT", "assault_gsr_dev.csv"), ("PROTEST", "protest_gsr_dev.csv")):
        path = base / name
        if not path.exists():
            print(f"GSR {event_type}: {path} missing")
            continue
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        c = Counter()
        for row in rows:
            label = row["label"].strip()
            if label == "ambiguous":
                c["ambiguous"] += 1
                continue
            gold = label == "yes"
            text = row["text"]
            doc = Document(doc_id=row["id"], source="gsr", text=text)
            doc.sentences = split_sentences(text)
            t0 = time.perf_counter()
            events = extractor(doc)
            total_time += time.perf_counter() - t0
            total_sents += 1
            pred = any(e["type"] == event_type for e in events)
            c[(gold, pred)] += 1
            # stricter reading: the sentence states that it happened (not planned, hedged or denied)
            happened = any(e["type"] == event_type and e["status"] in ("asserted", "reported") for e in events)
            c[("h", gold, happened)] += 1
            if show_errors and gold != pred:
                trig = [e["trigger"]["text"] for e in events if e["type"] == event_type]
                print(f"  {'FN' if gold else 'FP'} {event_type} {trig} {text[:110]}")
        tp, fp, fn = c[(True, True)], c[(False, True)], c[(True, False)]
        p, r, f = prf(tp, tp + fp, tp + fn)
        print(f"GSR dev {event_type}: {tp + fn} yes / {c[(False, False)] + fp} no ({c['ambiguous']} ambiguous left out): "
              f"TP={tp} FP={fp} FN={fn}  P={p:.3f} R={r:.3f} F1={f:.3f}")
        tp, fp, fn = c[("h", True, True)], c[("h", False, True)], c[("h", True, False)]
        p, r, f = prf(tp, tp + fp, tp + fn)
        print(f"    counting only asserted/reported events: TP={tp} FP={fp} FN={fn}  P={p:.3f} R={r:.3f} F1={f:.3f}")
    if total_sents:
        print(f"Speed: {total_sents} sentences in {total_time:.2f}s = {total_sents / total_time:.0f} sentences/s "
              "(extractor only, one process)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--end-to-end", action="store_true", help="also run marsad.pipeline on the seed articles")
    ap.add_argument("--errors", action="store_true", help="print misses and false positives")
    a = ap.parse_args(argv)
    if not a.shared.is_dir():
        print(f"{a.shared} not found", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    extractor = load_extractor(None)
    print(f"Lexicon load: {time.perf_counter() - t0:.2f}s")
    eval_seeds(a.shared, extractor, a.end_to_end, a.errors)
    eval_gsr(a.shared, extractor, a.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
