#!/usr/bin/env python3
"""Actor- and place-mention recall on the seed gold, and location-mention recall on IDRISI.

Usage: python scripts/eval_mentions.py [--shared ../shared] [--misses]
Needs the developer data in ../shared (not shipped with Marsad).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from marsad.eval import MentionScore, score_actor_mentions, score_place_mentions
from marsad.ingest import iter_inputs
from marsad.model import Document
from marsad.pipeline import Knowledge, process_document, process_raw


def seeds(shared: Path, kb: Knowledge, show_misses: bool) -> None:
    def english_names(actor_id: str) -> list[str]:
        actor = kb.actors.by_id.get(actor_id)
        return [actor.name_en, *actor.aliases_en] if actor else []

    gold_dir = shared / "seeds" / "gold"
    actors, places = MentionScore(), MentionScore()
    supported = predicted = 0
    unsupported: list[str] = []
    unknown = [0, 0]  # gold mentions of actors the KB does not know; … carrying their introduction's id
    for gold_file in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        (raw,) = list(iter_inputs([str(shared / "seeds" / gold["doc"])]))
        doc = process_raw(raw, Path(gold["doc"]).stem, kb)
        if not doc.published and gold.get("published"):
            # Most seeds do not state their date; the gold's (inferred) date is used then, so that this
            # measures recognition and linking, not publication-date inference.
            doc = process_document(Document(doc.doc_id, doc.source, text=doc.text, published=gold["published"]), kb)
        a = score_actor_mentions(doc.text, gold["actors"], doc.mentions, english_names)
        p = score_place_mentions(doc.text, gold["places"], doc.mentions)
        actors.add(a)
        for n_mentions, n_clustered in _unknown_clusters(doc, gold["actors"], kb):
            unknown[0] += n_mentions
            unknown[1] += n_clustered
        places.add(p)
        # Precision proxy: a predicted mention is "supported" when it overlaps an occurrence of any gold
        # actor/place string (the gold lists each referring string once, so this is lenient).
        spans = [(m.start(), m.end()) for g in gold["actors"] + gold["places"] for s in g.get("mentions") or []
                 for m in re.finditer(re.escape(s), doc.text)]
        preds = [m for m in doc.mentions if m.label != "DATE"]
        predicted += len(preds)
        supported += sum(any(m.start < b and a < m.end for a, b in spans) for m in preds)
        unsupported.extend(m.text for m in preds if not any(m.start < b and a < m.end for a, b in spans))
        print(f"{gold_file.name[:20]:22} actors found {a.found}/{a.total} linked {a.linked}/{a.total}   "
              f"places found {p.found}/{p.total} linked {p.linked}/{p.total}")
    print(f"SEEDS actor mentions: found recall {actors.found_recall:.3f}, linked recall {actors.linked_recall:.3f} "
          f"(n={actors.total})")
    print(f"SEEDS mentions of people the KB does not know: {unknown[1]}/{unknown[0]} carry the id given at the "
          f"person's first mention (within-document coreference; the linked recall above cannot credit them)")
    print(f"SEEDS place mentions: found recall {places.found_recall:.3f}, linked recall {places.linked_recall:.3f} "
          f"(n={places.total})")
    print(f"SEEDS predicted mentions supported by a gold string (precision proxy): {supported / max(predicted, 1):.3f} "
          f"(n={predicted})")
    if show_misses:
        print("  unsupported predictions:", "، ".join(unsupported))
        for kind, score in (("actor", actors), ("place", places)):
            for ident, s in score.misses:
                print(f"  miss {kind} {ident}: {s}")


def _unknown_clusters(doc: Document, gold_actors: list[dict], kb: Knowledge) -> list[tuple[int, int]]:
    """For each gold person the knowledge base does not know: (its gold strings, how many of them overlap a
    predicted mention whose reference id is the unresolved id predicted at the actor's first occurrence)."""
    out = []
    preds = [m for m in doc.mentions if (m.extra.get("ref") or {}).get("unresolved")]
    for actor in gold_actors:
        if actor["id"] in kb.actors.by_id or not actor.get("mentions") or actor.get("type") != "person":
            continue
        spans = {s: [(m.start(), m.end()) for m in re.finditer(re.escape(s), doc.text)] for s in actor["mentions"]}
        first = min((sp for v in spans.values() for sp in v), default=None)
        intro = next((m.extra["ref"]["id"] for m in preds if first and m.start < first[1] and first[0] < m.end), None)
        clustered = sum(any(m.extra["ref"]["id"] == intro and m.start < b and a < m.end for a, b in v for m in preds)
                        for v in spans.values()) if intro else 0
        out.append((len(spans), clustered))
    return out


def idrisi(shared: Path, kb: Knowledge) -> None:
    base = shared / "data" / "geo" / "idrisi" / "LMR" / "data" / "AR" / "gold-random-json"
    toponym_types = {"CTRY", "STAT", "CITY", "CONT", "NBHD", "ISL", "CNTY", "TOWN", "DIST"}
    found = total = found_all = total_all = 0
    for f in sorted(base.glob("*/dev.jsonl")) + sorted(base.glob("*/train.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            doc = process_document(Document("t", "idrisi", text=rec["text"]), kb)
            for lm in rec.get("location_mentions") or []:
                s, e = lm["startIdx"], lm["endIdx"]
                hit = any(m.start < e and s < m.end and m.label in ("LOC", "GPE") for m in doc.mentions)
                total_all += 1
                found_all += hit
                if lm["type"] in toponym_types:
                    total += 1
                    found += hit
    print(f"IDRISI location mentions (toponyms {sorted(toponym_types)}): recall {found / max(total, 1):.3f} "
          f"(n={total}); all types incl. points of interest: {found_all / max(total_all, 1):.3f} (n={total_all})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--misses", action="store_true", help="list the gold mentions that were missed")
    args = ap.parse_args()
    if not (args.shared / "seeds").is_dir():
        print(f"no developer data at {args.shared}", file=sys.stderr)
        return 2
    kb = Knowledge()
    seeds(args.shared, kb, args.misses)
    idrisi(args.shared, kb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
