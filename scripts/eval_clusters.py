"""Pairwise precision/recall of the event-clustering rule on a labelled set of gold event pairs.

The gold events of the demo corpus (``src/marsad/demo/MANIFEST.yaml``) and, when present, of the
seed articles (``../shared/seeds/gold``) are turned into contract-shaped events (actor ids, dates,
place ids, evidence) and clustered with :func:`marsad.corpus.cluster_events` exactly as the store's
events are. The labelled pairs are in ``tests/corpus/data/cluster_pairs.yaml`` (see its header):
every candidate pair is labelled, the listed ones as the same happening.

This measures the *rule*, given correct extraction; extraction errors come on top.

    .venv/bin/python scripts/eval_clusters.py [--seeds ../shared/seeds/gold] [--show]
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any

import yaml

from marsad.corpus import cluster_events
from marsad.corpus.ontology import load_ontology
from marsad.demo.manifest import iter_documents
from marsad.knowledge import load_actors

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "corpus" / "data" / "cluster_pairs.yaml"
SEEDS = ROOT.parent / "shared" / "seeds" / "gold"


def _actor(actor_id: str) -> dict[str, Any]:
    a = load_actors().get(actor_id)
    return {"id": actor_id, "country": a.country if a else None}


def _location(place_id: str | None, places: dict[str, str | None]) -> dict[str, Any] | None:
    if not place_id:
        return None
    state = load_actors().get(place_id)
    country = state.country if state is not None and state.kind == "state" else places.get(place_id)
    return {"name_en": place_id, "country": country}


def _event(eid: str, doc_id: str, e: dict[str, Any], actor: list[str], recipient: list[str],
           places: dict[str, str | None]) -> dict[str, Any]:
    date = e.get("date")
    return {"event_id": eid, "doc_id": doc_id, "type": e["type"], "actor": [_actor(a) for a in actor],
            "recipient": [_actor(a) for a in recipient], "date": str(date) if date else None,
            "date_precision": e.get("date_precision"), "location": _location(e.get("location"), places),
            "status": e.get("status"), "evidence": {"text": e.get("evidence") or ""}}


def load_gold(seeds: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Contract-shaped gold events and their documents (published date, outlet, duplicate_of)."""
    places: dict[str, str | None] = {}
    seed_files = sorted(seeds.glob("*.gold.json")) if seeds.is_dir() else []
    seed_gold = [json.loads(p.read_text("utf-8")) for p in seed_files]
    for g in seed_gold:
        places.update({p["id"]: p.get("country") for p in g.get("places") or []})
    events: list[dict[str, Any]] = []
    docs: dict[str, dict[str, Any]] = {}
    names = {}
    for entry, doc in iter_documents():
        doc_id = doc.get("id") or entry["file"].rsplit(".", 1)[0]
        names[entry["file"]] = doc_id
        docs[doc_id] = {"published": doc.get("published") or doc.get("reference_date"), "outlet": doc.get("outlet"),
                        "duplicate_of": doc.get("near_duplicate_of")}
        for i, e in enumerate(doc.get("events") or [], 1):
            events.append(_event(f"demo:{doc_id}:{i}", doc_id, e, e.get("actor") or [], e.get("recipient") or [],
                                 places))
    for d in docs.values():
        if d["duplicate_of"]:
            d["duplicate_of"] = names.get(d["duplicate_of"], d["duplicate_of"])
    for path, g in zip(seed_files, seed_gold, strict=True):
        doc_id = path.name.split(".")[0]
        docs[doc_id] = {"published": g.get("published"), "outlet": g.get("outlet") or f"seed {doc_id}"}
        for e in g["events"]:
            events.append(_event(f"seed:{doc_id}:{e['id']}", doc_id, e, e.get("actor1") or [], e.get("actor2") or [],
                                 places))
    return events, docs


def candidate_pairs(events: list[dict[str, Any]]) -> set[frozenset[str]]:
    """Different documents, same or compatible type, a participant in common, same year or undated."""
    onto = load_ontology()
    out = set()
    for a, b in itertools.combinations(events, 2):
        if a["doc_id"] == b["doc_id"] or not onto.compatible_types(a["type"], b["type"]):
            continue
        pa = {x["id"] for x in a["actor"] + a["recipient"]}
        pb = {x["id"] for x in b["actor"] + b["recipient"]}
        if not pa & pb:
            continue
        if a["date"] and b["date"] and a["date"][:4] != b["date"][:4]:
            continue
        out.add(frozenset((a["event_id"], b["event_id"])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=Path, default=SEEDS, help="folder of *.gold.json (skipped when absent)")
    ap.add_argument("--show", action="store_true", help="print the false positives and false negatives")
    args = ap.parse_args()
    events, docs = load_gold(args.seeds)
    ids = {e["event_id"] for e in events}
    labels = yaml.safe_load(PAIRS.read_text("utf-8"))
    same = {frozenset(p) for p in labels["same"] if set(p) <= ids}
    labelled = candidate_pairs(events) | same
    result = cluster_events(events, docs)
    cid = result.assignment
    predicted = {p for p in labelled if len({cid[x] for x in p}) == 1}
    tp, fp, fn = len(predicted & same), len(predicted - same), len(same - predicted)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    by_id = {e["event_id"]: e for e in events}
    print(f"{len(events)} gold events in {len(docs)} documents; {len(labelled)} labelled pairs, {len(same)} same")
    print(f"pairwise precision {precision:.3f}  recall {recall:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    multi = [c for c in result.clusters.values() if c.n_documents > 1]
    print(f"clusters spanning several documents: {len(multi)}")
    if args.show:
        for title, pairs in (("false positives", predicted - same), ("false negatives", same - predicted)):
            print(f"\n{title}:")
            for p in sorted(pairs, key=sorted):
                for x in sorted(p):
                    e = by_id[x]
                    print(f"  {x} {e['type']} {e['date']} {e['location'] and e['location']['name_en']}: "
                          f"{e['evidence']['text'][:90]}")
                print()


if __name__ == "__main__":
    main()
