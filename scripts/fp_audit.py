"""Audit false events on everyday (non-political) Arabic news: round 29 of the event stage.

The development sets are political articles, so events the extractor invents in ordinary news
(sport, economy, culture, courts, accidents, history, science) are never measured there. This script
rebuilds sentences from the NER corpora in ``shared/data/ner`` (ANERcorp news and the AQMAR Wikipedia
articles; development use only, the package never reads them), draws a fixed seeded sample, runs the
whole pipeline on each sentence as its own document and prints every event.

Each event is keyed ``<corpus>:<sentence index>|<type>|<trigger>`` and judged in
``scripts/fp_audit_judgements.tsv`` (``key<TAB>T|F<TAB>bucket``: T = a real PLOVER event between
political/armed/state actors as the seed gold would annotate it, F = a false one). No corpus sentence
is copied there, only its index. Unjudged events are listed with ``?`` so new ones can be judged.

Usage::

    PYTHONHASHSEED=0 PYTHONPATH=src .venv/bin/python scripts/fp_audit.py [--shared ../shared]
        [--n-aner 600] [--n-aqmar 200] [--seed 29] [--context 0] [--quiet] [--unjudged]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter
from pathlib import Path

_FINAL = {".", "!", "?", "؟"}
# tokens glued to the word before / after them when the sentence text is rebuilt
_CLOSE = {".", ",", "،", "!", "?", "؟", ":", "؛", ";", ")", "»", "]"}
_OPEN = {"(", "«", "["}
JUDGEMENTS = Path(__file__).with_name("fp_audit_judgements.tsv")


def read_conll(path: Path) -> list[str]:
    """The sentences of a one-token-per-line CoNLL file (blank line or final punctuation ends one)."""
    sents: list[str] = []
    cur: list[str] = []

    def flush() -> None:
        if cur:
            text = ""
            for tok in cur:
                if not text or tok in _CLOSE or text[-1] in "(«[":
                    text += tok
                else:
                    text += " " + tok
            sents.append(text)
            cur.clear()

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        tok = line.split("\t")[0].split(" ")[0].strip() if line.strip() else ""
        if not tok:
            flush()
            continue
        cur.append(tok)
        if tok in _FINAL:
            flush()
    flush()
    return sents


def sample(shared: Path, n_aner: int, n_aqmar: int, seed: int, context: int = 0) -> list[tuple[str, str, str]]:
    """``(key prefix, sentence, preceding text)`` triples: a fixed random draw of 5–60-word sentences
    of each corpus, each with the ``context`` sentences before it in its file (the text an article
    would give the stage to fill participants from)."""
    def usable(s: str) -> bool:
        n = len(s.split())
        return 5 <= n <= 60 and bool(re.search("[\u0621-\u064a]", s))

    rng = random.Random(seed)
    aner = read_conll(shared / "data/ner/anercorp_train.conll")
    idx = [i for i, s in enumerate(aner) if usable(s)]
    def before(sents: list[str], i: int) -> str:
        return " ".join(sents[max(0, i - context):i])

    out = [(f"aner:{i}", aner[i], before(aner, i)) for i in sorted(rng.sample(idx, min(n_aner, len(idx))))]
    aq: list[tuple[str, str, str]] = []
    for p in sorted((shared / "data/ner/aqmar").glob("*.conll")):
        sents = read_conll(p)
        aq += [(f"aqmar:{p.stem}:{i}", s, before(sents, i)) for i, s in enumerate(sents) if usable(s)]
    out += sorted(rng.sample(aq, min(n_aqmar, len(aq))))
    return out


def _names(side: list[dict]) -> str:
    return ",".join(str(a.get("id") or a.get("text")) for a in side) or "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--n-aner", type=int, default=600)
    ap.add_argument("--n-aqmar", type=int, default=200)
    ap.add_argument("--seed", type=int, default=29)
    ap.add_argument("--published", default="2004-06-15", help="reference date given to every sentence")
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    ap.add_argument("--unjudged", action="store_true", help="print only events with no judgement")
    ap.add_argument("--context", type=int, default=0,
                    help="run each sentence after the N sentences before it (as in an article); "
                         "only the sampled sentence's events are counted")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "data/ner/anercorp_train.conll").exists():
        print(f"no NER corpora under {shared}/data/ner", file=sys.stderr)
        return 1

    judged: dict[str, tuple[str, str]] = {}
    if JUDGEMENTS.exists():
        with JUDGEMENTS.open(encoding="utf-8") as f:
            for row in csv.reader(f, delimiter="\t"):
                if row and not row[0].startswith("#") and len(row) >= 2:
                    judged[row[0]] = (row[1], row[2] if len(row) > 2 else "")

    from marsad import api
    nlp = api.load()
    # (the draw is the same for every --context: the sample is drawn before the context is added)
    sents = sample(shared, args.n_aner, args.n_aqmar, args.seed, args.context)
    verdicts: Counter = Counter()
    buckets: Counter = Counter()
    types: Counter = Counter()
    n_events = 0
    lost = 0
    for key, text, pre in sents:
        try:
            res = nlp(f"{pre} {text}" if pre else text, published=args.published)
        except ValueError:
            continue
        # where the sampled sentence starts in the (cleaned) text: events told before it are the context's
        start = res.text.rfind(text[:20]) if pre else 0
        end = start + len(text)
        if start < 0:
            lost += 1  # the cleaner rewrote the sentence's opening: it cannot be told from its context
            continue
        for ev in res.events:
            d = ev.to_dict()
            if not (start <= d["evidence"]["start"] < end):
                continue
            trig = (d.get("trigger") or {}).get("text", "?")
            k = f"{key}|{d['type']}|{trig}"
            v, b = judged.get(k, ("?", ""))
            n_events += 1
            verdicts[v] += 1
            types[(d["type"], v)] += 1
            if v == "F":
                buckets[b] += 1
            if args.quiet or (args.unjudged and v != "?"):
                continue
            print(f"{k}\t{v}\t{b}\n    {d['type']} [{trig}] A={_names(d['actor'])} R={_names(d['recipient'])}"
                  f"\n    {text}")
    n = len(sents) - lost
    if lost:
        print(f"({lost} sentences not found in their cleaned context, left out)")
    false = verdicts["F"]
    print(f"\nsentences {n}  events {n_events}  per 100 sentences {100 * n_events / max(n, 1):.1f}")
    print(f"judged T {verdicts['T']}  F {false}  unjudged {verdicts['?']}  "
          f"false share {false / max(verdicts['T'] + false, 1):.2f}  false per 100 sentences {100 * false / max(n, 1):.1f}")
    print("false by bucket: " + ", ".join(f"{b or '?'} {c}" for b, c in buckets.most_common()))
    print("by type (T/F/?): " + ", ".join(
        f"{t} {types[(t, 'T')]}/{types[(t, 'F')]}/{types[(t, '?')]}"
        for t in sorted({t for t, _ in types})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
