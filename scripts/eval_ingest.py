#!/usr/bin/env python3
"""Ingest against gold: boilerplate removed, evidence kept, title/outlet/publication date found.

Seeds (../shared/seeds/gold: `boilerplate`, `events[].evidence`, `title`, `outlet`, `published`) and the
demo manifest (src/marsad/demo/MANIFEST.yaml). Usage: python scripts/eval_ingest.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from marsad.demo import manifest
from marsad.ingest import iter_inputs, load_document
from marsad.pipeline import Knowledge, process_document


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args()
    kb = Knowledge()
    gold_dir = args.shared / "seeds" / "gold"
    if gold_dir.is_dir():
        bp_total = bp_removed = ev_total = ev_kept = 0
        fields = {"title": [0, 0], "outlet": [0, 0], "published": [0, 0]}
        for f in sorted(gold_dir.glob("*.gold.json")):
            gold = json.loads(f.read_text(encoding="utf-8"))
            (raw,) = list(iter_inputs([str(args.shared / "seeds" / gold["doc"])]))
            doc = process_document(load_document(raw, Path(gold["doc"]).stem), kb)
            bp_total += len(gold["boilerplate"])
            bp_removed += sum(b not in doc.text for b in gold["boilerplate"])
            ev_total += len(gold["events"])
            ev_kept += sum(e["evidence"] in doc.text for e in gold["events"])
            for k in fields:
                if gold.get(k):
                    fields[k][1] += 1
                    fields[k][0] += getattr(doc, k) == gold[k]
        print(f"SEEDS boilerplate strings removed {bp_removed}/{bp_total}; event evidence sentences kept "
              f"{ev_kept}/{ev_total}")
        print("SEEDS " + ", ".join(f"{k} right {r}/{n}" for k, (r, n) in fields.items())
              + " (a publication date the gold inferred from world knowledge cannot be found in the text)")
    else:
        print(f"no seed gold at {gold_dir}; skipping the seeds")
    fields = {"title": [0, 0], "outlet": [0, 0], "published": [0, 0]}
    bp_total = bp_removed = 0
    for entry, gdoc in manifest.iter_documents():
        path = manifest.corpus_dir() / entry["file"]
        docs = {load_document(r, r.default_id).doc_id: (r, load_document(r, r.default_id))
                for r in iter_inputs([str(path)])}
        did = gdoc.get("id") or path.stem
        raw, doc = docs.get(did) or next(iter(docs.values()))
        for k in fields:
            if gdoc.get(k):
                fields[k][1] += 1
                fields[k][0] += str(getattr(doc, k)) == str(gdoc[k])
        for b in gdoc.get("boilerplate") or entry.get("boilerplate") or []:
            bp_total += 1
            bp_removed += b not in doc.text
    print("DEMO " + ", ".join(f"{k} right {r}/{n}" for k, (r, n) in fields.items())
          + f"; boilerplate strings removed {bp_removed}/{bp_total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
