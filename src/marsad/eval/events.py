"""Score predicted events against gold event annotations (issue 6 matching).

Gold comes in either of two formats:

* **seed gold**: a folder of ``*.gold.json`` files (``{"doc", "published", "actors": [{"id",
  "name_en", "wikidata", "mentions"}], "events": [{"type", "actor1", "actor2", "date",
  "date_evidence", "status", "core", "evidence", …}]}``);
* **demo manifest**: a ``MANIFEST.yaml`` (``marsad.demo-manifest/1``: files → documents → events
  with ``actor``/``recipient`` id lists and ``date_text``), or a folder holding one.

Predictions are a ``marsad run --out`` folder (``documents.jsonl`` + ``events.jsonl``) or, for
scripts, plain lists of contract event dicts per document.

Matching (one-to-one within a document, maximum cardinality):

* **lenient**: same PLOVER type and at least one gold actor (``actor1``; ``actor2`` when the gold
  has no actor1) equals some predicted actor *or* recipient;
* **strict**: same type, a gold actor1 equals a predicted actor and — when the gold names a
  recipient — a gold actor2 equals a predicted recipient (gold with no actor1: a gold actor2
  equals a predicted recipient).

A gold actor equals a predicted actor object by id, by Wikidata QID, by English name, or by
Arabic mention (the predicted mention text is one of the gold actor's listed strings, compared
after normalisation and with a leading conjunction/preposition clitic removed). A gold event
with no participants at all matches on type alone. Among maximum matchings, pairs whose
evidence sentences overlap are preferred.

Over lenient pairs the report gives date accuracy (only where the gold names the date words:
``date_evidence``/``date_text`` not null; the value must be equal), status accuracy and location
accuracy; ``core`` recall is the share of gold events marked ``core`` that are matched.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from marsad.arabic import normalize_word

__all__ = [
    "EventScore", "GoldDoc", "actor_matches", "load_gold", "load_predictions", "match_events",
    "reliability", "score", "score_document",
]


@dataclass
class GoldDoc:
    """One gold document: its events (normalised field names) and what is known of its actors."""

    key: str
    events: list[dict[str, Any]]
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    published: str | None = None
    text: str | None = None


def _ar(s: str | None) -> str:
    return normalize_word(s or "").replace(" ", "")


def _ar_keys(s: str | None) -> set[str]:
    """Normalised Arabic string, plus the forms without a leading و/ف and ب/ل/ك clitic."""
    w = _ar(s)
    out = {w}
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
        out.add(w)
    if len(w) > 3 and w[0] in "بلك":
        out.add(w[1:])
        if w.startswith("لل"):
            out.add("ال" + w[2:])
    return {x for x in out if x}


def _en(s: str | None) -> str:
    """Comparable key of an English name or id: letters and digits, accents dropped («Tehrān» = tehran)."""
    decomposed = unicodedata.normalize("NFKD", (s or "").lower())
    return re.sub(r"[^a-z0-9]", "", decomposed)


def _gold_event(e: dict[str, Any]) -> dict[str, Any]:
    """Seed and manifest events under one set of names."""
    return {
        "type": e["type"],
        "actor1": list(e.get("actor1", e.get("actor")) or []),
        "actor2": list(e.get("actor2", e.get("recipient")) or []),
        "date": None if e.get("date") is None else str(e["date"]),
        "date_text": e.get("date_evidence", e.get("date_text")),
        "status": e.get("status"),
        "location": e.get("location"),
        "core": e.get("core"),
        "evidence": e.get("evidence") or "",
        "id": e.get("id"),
    }


def _load_seed_file(path: Path) -> GoldDoc:
    g = json.loads(path.read_text("utf-8"))
    key = Path(g.get("doc") or path.name.replace(".gold.json", "")).stem
    actors = {a["id"]: a for a in g.get("actors", [])}
    return GoldDoc(key, [_gold_event(e) for e in g.get("events", [])], actors, g.get("published"))


def _load_manifest(path: Path) -> list[GoldDoc]:
    m = yaml.safe_load(path.read_text("utf-8"))
    out = []
    for entry in m.get("files", []):
        for d in entry.get("documents", []):
            key = str(d.get("id") or Path(entry["file"]).stem)
            out.append(GoldDoc(key, [_gold_event(e) for e in d.get("events") or []], {},
                               d.get("reference_date") or d.get("published")))
    return out


def load_gold(path: str | Path, id_map: dict[str, list[str] | str] | None = None) -> dict[str, GoldDoc]:
    """Gold documents by key (file stem or JSONL id) from a seed-gold folder or a demo manifest.

    ``id_map`` lists other ids under which a gold actor id counts as matched (the gold and the
    knowledge base may spell one actor's id differently: ``usa`` / ``united_states``).
    """
    p = Path(path)
    if p.is_file():
        docs = _load_manifest(p) if p.suffix in (".yaml", ".yml") else [_load_seed_file(p)]
    elif (p / "MANIFEST.yaml").is_file() and not any(p.glob("*.gold.json")):
        docs = _load_manifest(p / "MANIFEST.yaml")
    else:
        docs = [_load_seed_file(f) for f in sorted(p.glob("*.gold.json"))]
    if not docs:
        raise FileNotFoundError(f"no gold found in {p} (expected *.gold.json files or MANIFEST.yaml)")
    for gid, others in (id_map or {}).items():
        extra = [others] if isinstance(others, str) else list(others)
        for d in docs:
            d.actors.setdefault(gid, {"id": gid}).setdefault("same_as", []).extend(extra)
    return {d.key: d for d in docs}


def _doc_keys(doc: dict[str, Any]) -> list[str]:
    """Keys under which a ``documents.jsonl`` line may be known to the gold."""
    keys = [str(doc.get("doc_id") or "")]
    src = str(doc.get("source") or "")
    if src:
        name = src.rsplit("/", 1)[-1]
        keys.append(Path(name.split(":", 1)[0]).stem if ":" in name else Path(name).stem)
    return [k for k in keys if k]


def load_predictions(path: str | Path, gold_keys: Iterable[str] = ()) -> dict[str, list[dict[str, Any]]]:
    """Predicted events per gold key from a ``marsad run --out`` folder.

    A document is filed under its ``doc_id`` unless that is unknown to the gold and its source
    file's stem is known (``marsad run`` may number documents differently from the gold).
    """
    p = Path(path)
    known = set(gold_keys)
    doc_key: dict[str, str] = {}
    docs_file = p / "documents.jsonl"
    if docs_file.is_file():
        for line in docs_file.read_text("utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                keys = _doc_keys(d)
                doc_key[str(d["doc_id"])] = next((k for k in keys if k in known), keys[0])
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    ev_file = p / "events.jsonl"
    if not ev_file.is_file():
        raise FileNotFoundError(f"{ev_file} not found")
    for line in ev_file.read_text("utf-8").splitlines():
        if line.strip():
            e = json.loads(line)
            did = str(e.get("doc_id"))
            out[doc_key.get(did, did)].append(e)
    return dict(out)


def actor_matches(gold_id: str, gold_actors: dict[str, dict[str, Any]], pred: dict[str, Any]) -> bool:
    """Whether a predicted actor object denotes the gold actor (id, QID, English name, Arabic mention)."""
    if pred.get("id") and pred["id"] == gold_id:
        return True
    info = gold_actors.get(gold_id)
    if not info:
        return False
    if pred.get("id") and pred["id"] in info.get("same_as", ()):
        return True
    if info.get("wikidata") and pred.get("wikidata") == info["wikidata"]:
        return True
    if info.get("name_en") and _en(pred.get("name_en")) == _en(info["name_en"]):
        return True
    mentions = _mention_keys(tuple(info.get("mentions") or ()))
    return bool(mentions and _ar_keys(pred.get("text")) & mentions)


@lru_cache(maxsize=4096)
def _mention_keys(mentions: tuple[str, ...]) -> frozenset[str]:
    """All normalised forms of a gold actor's listed strings (cached: the gold is read-only)."""
    return frozenset(k for s in mentions for k in _ar_keys(s))


def _any(gold_ids: list[str], actors: dict[str, dict[str, Any]], preds: list[dict[str, Any]]) -> bool:
    return any(actor_matches(g, actors, p) for g in gold_ids for p in preds)


def _lenient(g: dict[str, Any], p: dict[str, Any], actors: dict[str, dict[str, Any]]) -> bool:
    if g["type"] != p["type"]:
        return False
    who = g["actor1"] or g["actor2"]
    if not who:
        return True
    return _any(who, actors, list(p.get("actor") or []) + list(p.get("recipient") or []))


def _strict(g: dict[str, Any], p: dict[str, Any], actors: dict[str, dict[str, Any]]) -> bool:
    if g["type"] != p["type"]:
        return False
    if g["actor1"] and not _any(g["actor1"], actors, list(p.get("actor") or [])):
        return False
    return not g["actor2"] or _any(g["actor2"], actors, list(p.get("recipient") or []))


def _overlap(g: dict[str, Any], p: dict[str, Any]) -> bool:
    gt = _ar(g.get("evidence"))
    pt = _ar((p.get("evidence") or {}).get("text"))
    return bool(gt and pt) and (gt in pt or pt in gt)


def match_events(golds: list[dict[str, Any]], preds: list[dict[str, Any]], actors: dict[str, dict[str, Any]],
                 strict: bool = False) -> list[tuple[int, int]]:
    """Maximum one-to-one matching ``[(gold index, pred index)]``; evidence-overlapping pairs first."""
    ok = _strict if strict else _lenient
    edges: list[list[int]] = []
    for g in golds:
        cands = [j for j, p in enumerate(preds) if ok(g, p, actors)]
        cands.sort(key=lambda j: (not _overlap(g, preds[j]), j))
        edges.append(cands)
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    # First pass: overlapping pairs only, so they are kept; then complete to a maximum matching.
    pref = [[j for j in e if _overlap(golds[i], preds[j])] for i, e in enumerate(edges)]
    full, edges = edges, pref
    for i in range(len(golds)):
        augment(i, set())
    edges = full
    matched = set(owner.values())
    for i in range(len(golds)):
        if i not in matched:
            augment(i, set())
    return sorted((i, j) for j, i in owner.items())


@dataclass
class EventScore:
    """Counts behind every figure of the report; add documents with :meth:`add`."""

    counts: Counter = field(default_factory=Counter)
    per_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    matched_conf: list[tuple[float, bool]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def prf(self, kind: str = "lenient") -> tuple[float, float, float]:
        tp, n_pred, n_gold = self.counts[f"tp_{kind}"], self.counts["pred"], self.counts["gold"]
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def rate(self, name: str) -> float | None:
        n = self.counts[f"{name}_n"]
        return self.counts[f"{name}_ok"] / n if n else None

    def summary(self) -> dict[str, Any]:
        lp, lr, lf = self.prf("lenient")
        sp, sr, sf = self.prf("strict")
        return {
            "documents": self.counts["docs"], "gold": self.counts["gold"], "pred": self.counts["pred"],
            "lenient": {"tp": self.counts["tp_lenient"], "precision": lp, "recall": lr, "f1": lf},
            "strict": {"tp": self.counts["tp_strict"], "precision": sp, "recall": sr, "f1": sf},
            "core_recall": self.rate("core"), "core_n": self.counts["core_n"],
            "date_accuracy": self.rate("date"), "date_n": self.counts["date_n"],
            "status_accuracy": self.rate("status"), "status_n": self.counts["status_n"],
            "location_accuracy": self.rate("location"), "location_n": self.counts["location_n"],
        }


def _place_key(loc: Any) -> set[str]:
    if not loc:
        return set()
    if isinstance(loc, str):
        return {_en(loc)}
    return {_en(loc.get(k)) for k in ("id", "name_en") if loc.get(k)}


def score_document(score: EventScore, gold: GoldDoc, preds: list[dict[str, Any]], errors: bool = False) -> None:
    """Add one document's matches to ``score``."""
    golds = gold.events
    c = score.counts
    c["docs"] += 1
    c["gold"] += len(golds)
    c["pred"] += len(preds)
    pairs = match_events(golds, preds, gold.actors)
    strict_pairs = match_events(golds, preds, gold.actors, strict=True)
    c["tp_lenient"] += len(pairs)
    c["tp_strict"] += len(strict_pairs)
    for g in golds:
        score.per_type[g["type"]]["gold"] += 1
        if g.get("core"):
            c["core_n"] += 1
    for p in preds:
        score.per_type[p["type"]]["pred"] += 1
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    for i, j in pairs:
        g, p = golds[i], preds[j]
        score.per_type[g["type"]]["tp"] += 1
        if g.get("core"):
            c["core_ok"] += 1
        if g.get("date_text"):
            c["date_n"] += 1
            c["date_ok"] += str(p.get("date")) == str(g["date"])
        if g.get("status"):
            c["status_n"] += 1
            c["status_ok"] += p.get("status") == g["status"]
        c["location_n"] += 1
        c["location_ok"] += (_place_key(p.get("location")) & _place_key(g["location"])) != set() or \
            (not p.get("location") and not g["location"])
        if errors and g.get("date_text") and str(p.get("date")) != str(g["date"]):
            score.errors.append(f"DATE {gold.key} {g['id'] or ''} {g['type']} gold={g['date']} "
                                f"«{g['date_text']}» pred={p.get('date')} «{p.get('date_text')}»")
        if errors and g.get("status") and p.get("status") != g["status"]:
            score.errors.append(f"STATUS {gold.key} {g['id'] or ''} {g['type']} gold={g['status']} "
                                f"pred={p.get('status')}: {g['evidence'][:80]}")
    for j, p in enumerate(preds):
        conf = p.get("confidence")
        if isinstance(conf, (int, float)):
            score.matched_conf.append((float(conf), j in matched_p))
    if errors:
        for i, g in enumerate(golds):
            if i not in matched_g:
                score.errors.append(f"MISS {gold.key} {g['id'] or ''} {g['type']} {g['actor1']}->{g['actor2']}"
                                    f"{' core' if g.get('core') else ''}: {g['evidence'][:90]}")
        for j, p in enumerate(preds):
            if j not in matched_p:
                who = [a.get("id") or a.get("text") for a in p.get("actor") or []]
                rec = [a.get("id") or a.get("text") for a in p.get("recipient") or []]
                trig = (p.get("trigger") or {}).get("text", "")
                score.errors.append(f"FP   {gold.key} {p['type']} «{trig}» {who}->{rec}: "
                                    f"{(p.get('evidence') or {}).get('text', '')[:90]}")


def score(gold: dict[str, GoldDoc], pred: dict[str, list[dict[str, Any]]], errors: bool = False) -> EventScore:
    """Score every gold document (a gold document with no predictions counts all its events as missed).

    Predicted documents unknown to the gold are ignored: the gold defines the evaluation set.
    """
    out = EventScore()
    for key, g in gold.items():
        score_document(out, g, pred.get(key, []), errors)
    return out


def reliability(pairs: list[tuple[float, bool]], bins: Iterable[float] = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
                ) -> list[tuple[float, float, int, float | None, float | None]]:
    """Reliability table ``[(lo, hi, n, mean confidence, share correct)]`` of predicted events."""
    edges = list(bins)
    rows = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        sel = [(c, ok) for c, ok in pairs if lo <= c < hi]
        n = len(sel)
        rows.append((lo, min(hi, 1.0), n, sum(c for c, _ in sel) / n if n else None,
                     sum(ok for _, ok in sel) / n if n else None))
    return rows


def format_report(s: EventScore, title: str = "events") -> str:
    """Human-readable report of an :class:`EventScore`."""
    m = s.summary()

    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    lines = [
        f"{title}: {m['documents']} documents, gold={m['gold']} pred={m['pred']}",
        f"  lenient  tp={m['lenient']['tp']:4d}  P={m['lenient']['precision']:.3f} "
        f"R={m['lenient']['recall']:.3f} F1={m['lenient']['f1']:.3f}",
        f"  strict   tp={m['strict']['tp']:4d}  P={m['strict']['precision']:.3f} "
        f"R={m['strict']['recall']:.3f} F1={m['strict']['f1']:.3f}",
        f"  core recall={pct(m['core_recall'])} (n={m['core_n']})  date accuracy={pct(m['date_accuracy'])} "
        f"(n={m['date_n']})  status accuracy={pct(m['status_accuracy'])} (n={m['status_n']})  "
        f"location accuracy={pct(m['location_accuracy'])} (n={m['location_n']})",
        "  per type (gold/pred/tp): " + ", ".join(
            f"{t} {c['gold']}/{c['pred']}/{c['tp']}" for t, c in sorted(s.per_type.items())),
        "  reliability (confidence bin: n, mean conf, share matched):",
    ]
    for lo, hi, n, mc, acc in reliability(s.matched_conf):
        if n:
            lines.append(f"    [{lo:.1f}, {hi:.1f}) n={n:4d} conf={mc:.2f} matched={acc:.2f}")
    return "\n".join(lines)
