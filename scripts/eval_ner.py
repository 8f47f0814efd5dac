#!/usr/bin/env python
"""Score the shipped NER model on the held-out splits (development data in ../shared).

Entity-level, exact span match, conlleval-style, per type and micro:

* ANERcorp dev split (10 % of 50-sentence blocks, seed 13 — see ``train_ner.py``);
* AQMAR held-out articles (``train_ner.AQMAR_HELDOUT``; MIS0–3 read as O, as in training);
* the Wojood sample ``test.txt`` (types mapped with ``train_ner.WOJOOD_MAP``).

Usage::

    python scripts/eval_ner.py [--model PATH]
    python scripts/eval_ner.py --bench     # load time and tokens/s (CPU time, one process)

``tests/recognize/test_ner.py`` calls :func:`dev_scores` and :func:`heldout_scores` as evaluation gates.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_ner  # noqa: E402

from marsad.recognize.ner import MODEL_PATH  # noqa: E402


def dev_scores(model: Path = MODEL_PATH) -> dict[str, dict[str, float]]:
    """Scores of ``model`` on the ANERcorp dev split."""
    _, dev = train_ner.split_anercorp(train_ner.load_anercorp())
    return train_ner.evaluate(model, dev)


def trained_on_dev(model: Path = MODEL_PATH) -> bool:
    """Whether ``model`` was trained with the ANERcorp dev blocks (``--split none``, its metadata says)."""
    meta = model.with_suffix(".json")
    if not meta.is_file():
        return False
    return json.loads(meta.read_text("utf-8")).get("params", {}).get("split") == "none"


def heldout_scores(model: Path = MODEL_PATH) -> dict[str, dict[str, dict[str, float]]]:
    """Scores of ``model`` on the two sets no shipped model was trained on: AQMAR held-out articles
    and the Wojood sample test."""
    return {"aqmar": train_ner.evaluate(model, train_ner.load_aqmar(heldout=True)),
            "wojood": train_ner.evaluate(model, train_ner.load_wojood(("test.txt",)))}


def bench(model: Path) -> None:
    """Load time and tagging speed (CPU time) of ``tag_sentences`` over the ANERcorp text.

    Two passes: the first builds every form's cached scores, the second finds them cached.
    """
    t0 = time.process_time()
    tagger = train_ner.load_tagger(model)
    load = time.process_time() - t0
    sents = [s[0] for s in train_ner.load_anercorp()]
    n = sum(map(len, sents))
    size = sum(p.stat().st_size for p in model.parent.glob(model.stem + ".*"))
    print(f"model {model.parent} ({size / 1e6:.1f} MB): load {load:.2f} s CPU")
    for name in ("first pass", "warm"):
        t0 = time.process_time()
        tagger.tag_sentences(sents)
        dt = time.process_time() - t0
        print(f"  {name}: {n} tokens in {dt:.2f} s CPU = {n / dt / 1e3:.1f}k tokens/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=MODEL_PATH)
    ap.add_argument("--bench", action="store_true", help="measure load time and tokens/s instead")
    args = ap.parse_args()
    if not train_ner.DATA.is_dir():
        sys.exit(f"evaluation data not found at {train_ner.DATA}")
    if args.bench:
        bench(args.model)
        return
    print(train_ner.format_scores("ANERcorp dev (10% blocks)", dev_scores(args.model)))
    if trained_on_dev(args.model):
        print("  ^ this model was trained on the dev blocks too (train_ner.py --split none): the dev line is a\n"
              "    training-set score, not an estimate. The estimate is the same settings trained without dev\n"
              "    (MODEL_CARD.md, 'Rebuild'); AQMAR and Wojood below are held out from both.")
    held = heldout_scores(args.model)
    print(train_ner.format_scores("AQMAR held-out articles", held["aqmar"]))
    print(train_ner.format_scores("Wojood sample test (mapped)", held["wojood"]))


if __name__ == "__main__":
    main()
