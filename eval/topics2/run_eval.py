"""Score Marsad's event extraction on this development set (same matching as scripts/eval_events.py).

Run from the repository root: ``.venv/bin/python eval/topics2/run_eval.py [--errors]``. Each article
gets its manifest ``reference_date`` as publication date. The actors of ``IDS.yaml`` (not in the
knowledge base) are attached to every gold document, so a predicted actor matches them by English
name or Arabic mention, as for the seed gold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def main(argv: list[str] | None = None) -> int:
    """Run the pipeline on the twelve articles and print the report."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="print misses, false positives, wrong dates/statuses")
    ap.add_argument("--dump", type=Path, default=None, help="write predictions (JSONL) here")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "scripts"))
    from eval_events import eval_set  # the project's evaluation loop (ingest + pipeline + scoring)

    from marsad.eval.events import load_gold
    from marsad.pipeline import Knowledge

    manifest = yaml.safe_load((HERE / "MANIFEST.yaml").read_text("utf-8"))
    gold = load_gold(HERE / "MANIFEST.yaml")
    extra = yaml.safe_load((HERE / "IDS.yaml").read_text("utf-8"))["actors"]
    for doc in gold.values():
        for actor in extra:
            doc.actors[actor["id"]] = actor
    paths = [str(HERE / entry["file"]) for entry in manifest["files"]]
    if a.dump is not None and a.dump.exists():
        a.dump.unlink()
    eval_set("topics2", gold, paths, Knowledge().warm(), a.errors, a.dump)
    return 0


if __name__ == "__main__":
    sys.exit(main())
