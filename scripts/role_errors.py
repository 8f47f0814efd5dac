"""List and classify the dev events matched leniently but not strictly (wrong actor or recipient).

Dev sets only: the seed gold, the demo manifest and the odd-numbered (development) half of
``eval/topics*``. The even-numbered files of ``eval/topics*`` are held out: this script never
reads them and stops if one reaches it.

For every gold event in a lenient pair that has no strict pair, it prints the gold and predicted
actor/recipient, the predicted trigger and mode, and the evidence sentence, with one class:

* ``swapped``: the gold actor is among the predicted recipients and the gold recipient among the
  predicted actors;
* ``actor->recipient`` / ``recipient->actor``: one gold participant given in the other role;
* ``actor missing`` / ``wrong actor``: no predicted actor, or none that is the gold actor
  (``same country``: the predicted actor is a body or person of the gold actor's state, e.g. a
  spokesman or ministry for its state);
* ``recipient missing`` / ``wrong recipient``: no predicted recipient, or none that is the gold
  recipient; each split by whether the gold recipient is named in the sentence (``in sentence``)
  or only elsewhere in the article (``from context``).

Each pair also gets one finer bucket (round 25), the first that fits:

* ``other sentence``: the gold evidence and the predicted evidence do not overlap (the matcher
  paired the gold with a record of another sentence; no role rule in the predicted sentence fixes
  it);
* ``list split``: gold actor and recipient are both among the predicted actors, or both among the
  predicted recipients (a coordinated list, «بين X وY», kept in one role);
* ``consult symmetric``: a CONSULT/AGREE/COOPERATE whose gold actor is a predicted recipient (the
  gold orders the two sides of a joint happening otherwise);
* ``person vs state``: a predicted participant of the gold's country in the wrong role slot (a
  person for his state, a state for its person, office or forces);
* ``target unnamed``: the gold recipient has no mention in the sentence (a back-reference,
  «الجماعة», «هذه القوات», or the gold's reading of the context);
* ``target named``: it has one, and the role assignment missed or mislabelled it.

``--ablate NAME`` (round 35) replaces one role repair of :mod:`marsad.events.roles` that the
event stage calls (``ABLATABLE``) by a no-op before the run, so that what a rule changes on the dev
sets can be counted (compare the strict count and the classes with a run without it).

Usage::

    PYTHONHASHSEED=0 PYTHONPATH=src .venv/bin/python scripts/role_errors.py [--shared ../shared]
        [--only seeds|demo|topics|topics2|…|topics7] [--quiet] [--ablate nisba_targets]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_events import (  # noqa: E402 - the evaluation script's own loaders
    DEMO_ID_MAP,
    SEED_ID_MAP,
    TOPIC_SETS,
    _gold_documents,
    run_doc,
    topics_gold,
)

from marsad.eval.events import GoldDoc, _overlap, actor_matches, load_gold, match_events  # noqa: E402
from marsad.model import Document  # noqa: E402
from marsad.pipeline import Knowledge  # noqa: E402


def _held_out(path: str) -> bool:
    """Whether ``path`` is an even-numbered (held-out) article of eval/topics*."""
    p = Path(path)
    return p.parent.name in TOPIC_SETS and p.name[:2].isdigit() and int(p.name[:2]) % 2 == 0


def _names(refs: list[dict[str, Any]]) -> list[str]:
    return [str(r.get("id") or r.get("text")) for r in refs or []]


def _has(ids: list[str], actors: dict[str, dict[str, Any]], refs: list[dict[str, Any]]) -> bool:
    return any(actor_matches(g, actors, r) for g in ids for r in refs or [])


def _in_span(ids: list[str], actors: dict[str, dict[str, Any]], doc: Document, start: int, end: int) -> bool:
    """Whether a mention inside [start, end) denotes one of the gold ids."""
    refs = [{"id": m.actor_id, "text": m.text} for m in doc.mentions if start <= m.start and m.end <= end]
    return _has(ids, actors, refs)


def _country(kb: Knowledge, actor_id: str | None) -> str | None:
    a = kb.actors.get(actor_id) if actor_id else None
    return None if a is None else (a.country or a.iso3)


def classify(g: dict[str, Any], p: dict[str, Any], actors: dict[str, dict[str, Any]], doc: Document,
             kb: Knowledge) -> str:
    """One class name for a lenient-but-not-strict pair (see the module docstring)."""
    pa, pr = p.get("actor") or [], p.get("recipient") or []
    a_ok = not g["actor1"] or _has(g["actor1"], actors, pa)
    r_ok = not g["actor2"] or _has(g["actor2"], actors, pr)
    ev = p.get("evidence") or {}
    where = "in sentence" if g["actor2"] and _in_span(g["actor2"], actors, doc, ev.get("start", 0),
                                                       ev.get("end", 0)) else "from context"
    if not a_ok and not r_ok and _has(g["actor1"], actors, pr) and _has(g["actor2"], actors, pa):
        return "swapped"
    if not a_ok:
        if _has(g["actor1"], actors, pr):
            return "actor->recipient"
        if not pa:
            return "actor missing"
        gc = {_country(kb, x) for x in g["actor1"]} - {None}
        pc = {_country(kb, r.get("id")) for r in pa} - {None}
        return "wrong actor (same country)" if gc & pc else "wrong actor"
    if _has(g["actor2"], actors, pa):
        return "recipient->actor"
    if not pr:
        return f"recipient missing, {where}"
    return f"wrong recipient, {where}"


JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

# Role repairs the event stage imports from marsad.events.roles, each with a no-op of the same
# signature (what the stage would do without the repair).
ABLATABLE: dict[str, Any] = {
    "split_joint_parties": lambda etype, actor, recipient, *a, **k: (actor, recipient),
    "relative_parties": lambda *a, **k: None,
    "split_meetings": lambda events: events,
    "fold_visits": lambda events: events,
    "exposed_subject": lambda *a, **k: None,
    "invitation_host": lambda *a, **k: None,
    "nisba_targets": lambda *a, **k: None,
    "mouthpieces": lambda *a, **k: set(),
    "behalf_signatories": lambda *a, **k: None,
    "released_nationals": lambda *a, **k: None,
    "coordinated_object": lambda m, words, groups, main, actor_group, actor, recipient, *a, **k: (actor, recipient),
    "fronted_opener": lambda *a, **k: 0,
}


def ablate(name: str) -> None:
    """Replace the role repair ``name`` by its no-op wherever the event stage imported it."""
    import marsad.events.arguments as arguments
    import marsad.events.extract as extract

    for module in (extract, arguments):
        if hasattr(module, name):
            setattr(module, name, ABLATABLE[name])


def bucket(c: str, g: dict[str, Any], p: dict[str, Any], actors: dict[str, dict[str, Any]], kb: Knowledge) -> str:
    """The finer round-25 bucket of a classed pair (see the module docstring)."""
    if not _overlap(g, p):
        return "other sentence"
    pa, pr = p.get("actor") or [], p.get("recipient") or []
    a1, a2 = g["actor1"], g["actor2"]
    if a1 and a2 and ((_has(a1, actors, pa) and _has(a2, actors, pa)) or (_has(a1, actors, pr) and _has(a2, actors, pr))):
        return "list split"
    if g["type"] in JOINT_TYPES and c in ("swapped", "actor->recipient"):
        return "consult symmetric"
    gold_c = {_country(kb, x) for x in (a1 if "actor" in c and "recipient" not in c else a2)} - {None}
    pred_c = {_country(kb, r.get("id")) for r in (pa if "actor" in c and "recipient" not in c else pr)} - {None}
    if gold_c & pred_c:
        return "person vs state"
    return "target named" if c.endswith("in sentence") or c in ("swapped", "actor->recipient",
                                                                 "recipient->actor") else "target unnamed"


def dev_sets(shared: Path, only: str | None) -> list[tuple[str, dict[str, GoldDoc], list[str]]]:
    out = []
    if only in (None, "seeds") and (shared / "seeds" / "gold").is_dir():
        seeds = shared / "seeds"
        out.append(("seeds", load_gold(seeds / "gold", SEED_ID_MAP), [str(p) for p in sorted(seeds.glob("*.txt"))]))
    if only in (None, "demo"):
        from marsad.demo.manifest import article_paths
        manifest = Path(__file__).resolve().parents[1] / "src" / "marsad" / "demo" / "MANIFEST.yaml"
        out.append(("demo", load_gold(manifest, DEMO_ID_MAP), [str(p) for p in article_paths()]))
    for name in TOPIC_SETS:
        if only in (None, name):
            gold, paths = topics_gold("dev", name)
            out.append((f"{name}-dev", gold, paths))
    for name, _, paths in out:
        bad = [p for p in paths if _held_out(p)]
        if bad:
            raise SystemExit(f"refusing held-out files in {name}: {bad}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--only", choices=("seeds", "demo", *TOPIC_SETS), default=None)
    ap.add_argument("--quiet", action="store_true", help="the class table only")
    ap.add_argument("--ablate", choices=sorted(ABLATABLE), default=None,
                    help="run with this role repair replaced by a no-op (round 35)")
    a = ap.parse_args(argv)
    if a.ablate:
        ablate(a.ablate)
    kb = Knowledge().warm()
    classes: Counter = Counter()
    buckets: Counter = Counter()
    by_type: Counter = Counter()
    n_len = n_strict = 0
    for name, gold, paths in dev_sets(a.shared, a.only):
        for key, doc in _gold_documents(paths, gold):
            gd = gold[key]
            if gd.published:
                doc.published = gd.published
            preds = run_doc(doc, kb)
            lenient = match_events(gd.events, preds, gd.actors)
            strict_g = {i for i, _ in match_events(gd.events, preds, gd.actors, strict=True)}
            n_len += len(lenient)
            n_strict += len(strict_g)
            for i, j in lenient:
                if i in strict_g:
                    continue
                g, p = gd.events[i], preds[j]
                c = classify(g, p, gd.actors, doc, kb)
                classes[c] += 1
                b = bucket(c, g, p, gd.actors, kb)
                buckets[b] += 1
                by_type[(g["type"], c.split(",")[0])] += 1
                if not a.quiet:
                    print(f"[{c} | {b}] {name} {key} {g['id'] or ''} {g['type']} "
                          f"gold {g['actor1']}->{g['actor2']} | pred {_names(p.get('actor'))}->"
                          f"{_names(p.get('recipient'))} «{(p.get('trigger') or {}).get('text', '')}» "
                          f"{p.get('mode') or ''}")
                    print(f"     {(p.get('evidence') or {}).get('text', '')[:240]}")
                    if _overlap_text(g) != _overlap_text(p):
                        print(f"     gold: {g['evidence'][:240]}")
    print(f"\nlenient pairs {n_len}, strict {n_strict}, lenient-not-strict {n_len - n_strict} "
          f"(classified {sum(classes.values())})")
    for c, n in classes.most_common():
        print(f"  {n:4d}  {c}")
    print("buckets (round 25):")
    for b, n in buckets.most_common():
        print(f"  {n:4d}  {b}")
    print("by type:")
    for (t, c), n in sorted(by_type.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {n:4d}  {t:10s} {c}")
    return 0


def _overlap_text(e: dict[str, Any]) -> str:
    ev = e.get("evidence")
    return (ev.get("text") if isinstance(ev, dict) else ev) or ""


if __name__ == "__main__":
    sys.exit(main())
