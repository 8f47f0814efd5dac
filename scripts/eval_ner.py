#!/usr/bin/env python
"""Score the shipped NER model on the held-out splits (development data in ../shared).

Entity-level, exact span match, conlleval-style, per type and micro:

* ANERcorp dev split (10 % of 50-sentence blocks, seed 13 — see ``train_ner.py``);
* AQMAR held-out articles (``train_ner.AQMAR_HELDOUT``; MIS0–3 read as O, as in training);
* the Wojood sample ``test.txt`` (types mapped with ``train_ner.WOJOOD_MAP``).

Usage::

    python scripts/eval_ner.py [--model PATH]

``tests/recognize/test_ner.py`` calls :func:`dev_scores` as an evaluation gate.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_ner  # noqa: E402

from marsad.recognize.ner import MODEL_PATH  # noqa: E402


def dev_scores(model: Path = MODEL_PATH) -> dict[str, dict[str, float]]:
    """Scores of ``model`` on the ANERcorp dev split."""
    _, dev = train_ner.split_anercorp(train_ner.load_anercorp())
    return train_ner.evaluate(model, dev)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    args = ap.parse_args()
    if not train_ner.DATA.is_dir():
        sys.exit(f"evaluation data not found at {train_ner.DATA}")
    print(train_ner.format_scores("ANERcorp dev (10% blocks)", dev_scores(args.model)))
    print(train_ner.format_scores("AQMAR held-out articles",
                                  train_ner.evaluate(args.model, train_ner.load_aqmar(heldout=True))))
    print(train_ner.format_scores("Wojood sample test (mapped)",
                                  train_ner.evaluate(args.model, train_ner.load_wojood(("test.txt",)))))


if __name__ == "__main__":
    main()
