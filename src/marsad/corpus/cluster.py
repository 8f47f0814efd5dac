"""Event clusters: events in different documents that describe one happening share a ``cluster_id``.

The rule (see README.md in this folder for the reasoning and the measured precision/recall):

Two events of *different documents* are **compatible** when all of these hold —

* same PLOVER type, or a pair listed in ``data/ontology.yaml`` ``compatible_types``;
* same polarity: a denial (``status == "negated"``) is never merged with a report that it happened,
  nor a plan (``planned``) with a report of the deed;
* their dates overlap once widened by the precision's slack (a day-precise date ±1 day; a month or
  year is its whole period; an undated event is placed in the 30 days before its report);
* compatible locations (either unknown, the same place, or one is the other's country).

Compatible events are **linked** when there is positive evidence that they are the same happening:

1. near-identical evidence sentences (word Jaccard ≥ 0.6: the syndicated sentence), or
2. at least one shared participant (actor or recipient id, sides ignored: «A met B» = «B met A»)
   and either a tight date (both day-precise, within the slack), the same place, or ≥ 2 shared
   participants; events whose participants are known on both sides and disjoint are not linked;
3. neither has linked participants, both are day-precise within slack and at the same place.

Links are merged strongest first (single link), but two groups are only merged when *every* pair
across them stays compatible (complete link on the hard constraints), so one loose link cannot chain
a Tuesday raid into last month's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlparse

from marsad.arabic import normalize_word
from marsad.corpus import linking
from marsad.corpus.dedup import evidence_hashes, unpack_evidence
from marsad.corpus.ontology import Ontology, load_ontology

EVIDENCE_SAME = 0.6  # evidence word Jaccard above which two sentences are the same (syndicated) sentence
MAX_BLOCK = 5000  # blocks larger than this are only swept by date, never compared all-against-all
MAX_SENTENCE_BLOCK = 200  # a sentence shared by more events than this is boilerplate, not a syndicated report
_STATUS_RANK = {"asserted": 0, "reported": 1, "claimed": 2, "planned": 3, "negated": 4}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(slots=True)
class _Event:
    idx: int
    event_id: str
    doc_id: str
    type: str | None
    group: str
    lo: int | None  # date interval as proleptic ordinals (None: unknown)
    hi: int | None
    precision: str | None
    date: str | None
    slack: int
    loc_key: str | None
    loc_country: str | None
    loc_is_country: bool
    ids: frozenset[str]
    wide_ids: frozenset[str]  # ids plus the organisations they belong to
    words: frozenset[int]
    sentence_keys: tuple[int, ...]
    negated: bool
    status: str | None
    confidence: float
    published: int | None
    family: str
    outlet_key: str
    summary: tuple[str | None, ...]  # type, date, date_precision, location name_en and country
    sig: int = -1  # id of what compatible() reads (see _signature), filled by _prepare


@dataclass
class Cluster:
    """One happening: its events, the documents and outlets reporting it, and its canonical event."""

    cluster_id: str
    canonical_event_id: str
    event_ids: list[str]
    doc_ids: list[str]
    outlets: list[str]
    n_independent: int  # documents that are not near-copies of each other
    type: str | None = None
    date: str | None = None
    date_precision: str | None = None
    location_name_en: str | None = None
    location_country: str | None = None

    @property
    def n_events(self) -> int:
        return len(self.event_ids)

    @property
    def n_documents(self) -> int:
        return len(self.doc_ids)

    @property
    def n_outlets(self) -> int:
        return len(self.outlets)


@dataclass
class Clustering:
    """``assignment``: event_id → cluster_id for every event; ``clusters`` by id."""

    assignment: dict[str, str] = field(default_factory=dict)
    clusters: dict[str, Cluster] = field(default_factory=dict)


# -- turning contract events into comparable records ------------------------------------------------------
def parse_date(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The interval a contract date denotes: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``YYYY-Www`` or ``a/b``."""
    if not value:
        return None
    value = str(value).strip()
    if "/" in value:
        a, b = parse_date(value.split("/", 1)[0]), parse_date(value.split("/", 1)[1])
        return (a[0], b[1]) if a and b else None
    try:
        if len(value) == 10:
            d = dt.date.fromisoformat(value)
            return d, d
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            first = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if len(value) == 4:
            y = int(value)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if len(value) == 8 and value[4:6] == "-W":
            start = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return start, start + dt.timedelta(days=6)
    except ValueError:
        return None
    return None


@lru_cache(maxsize=100_000)
def _with_parents(actor_id: str) -> frozenset[str]:
    """The actor and the organisations it belongs to (quds_force → irgc → iran), from the knowledge base."""
    from marsad.knowledge import load_actors

    return frozenset((actor_id, *(a.id for a in load_actors().ancestors(actor_id))))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, frozenset[str]]:
    """ISO3 → lower-cased names and ids of that state (a location with one of them is country-level)."""
    from marsad.knowledge import load_actors

    out: dict[str, set[str]] = defaultdict(set)
    for actor in load_actors().all():
        if actor.kind == "state" and actor.country:
            out[actor.country] |= {actor.id.casefold(), actor.name_en.casefold(), normalize_word(actor.name_ar),
                                   *(a.casefold() for a in actor.aliases_en),
                                   *(normalize_word(a) for a in actor.aliases_ar)}
    return {k: frozenset(v) for k, v in out.items()}


def _location(loc: Mapping[str, Any] | None) -> tuple[str | None, str | None, bool]:
    if not loc:
        return None, None, False
    name = (loc.get("name_en") or "").casefold() or normalize_word(loc.get("name_ar") or "") or None
    key = f"gn:{loc['geonames_id']}" if loc.get("geonames_id") else name
    country = loc.get("country")
    is_country = bool(country and name and name in _country_names().get(country, ()))
    if is_country:
        key = f"country:{country}"
    return key, country, is_country


def _outlet_key(doc: Mapping[str, Any], doc_id: str) -> str:
    if doc.get("outlet"):
        return " ".join(str(doc["outlet"]).split()).casefold()
    if doc.get("url"):
        host = urlparse(str(doc["url"])).netloc.lower()
        if host:
            return host.removeprefix("www.")
    return f"doc:{doc_id}"


def _ordinal(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.toordinal()
    span = parse_date(str(value)[:10])
    return span[0].toordinal() if span else None


# What _prepare reads of one event, as a plain tuple: from a contract record (:func:`core`) or straight
# from the store's columns (:func:`marsad.corpus.mark_clusters`), so that the cross-document pass need not
# decode every stored JSON record. Fields: event_id, doc_id, type, date, date_precision, status,
# location name_en, name_ar, geonames_id, country, evidence text, confidence, participant ids (actors then
# recipients, in order).
EventCore = tuple[str, str, str | None, str | None, str | None, str | None, str | None, str | None, Any,
                  str | None, str | None, float | None, tuple[str, ...]]


def core(e: Mapping[str, Any]) -> EventCore:
    """The :data:`EventCore` of a contract event record."""
    loc = e.get("location")
    if not isinstance(loc, Mapping):
        loc = {}
    ids = tuple(a["id"] for side in ("actor", "recipient") for a in (e.get(side) or ())
                if isinstance(a, Mapping) and a.get("id"))
    return (e["event_id"], e.get("doc_id") or "", e.get("type"), e.get("date"), e.get("date_precision"),
            e.get("status"), loc.get("name_en"), loc.get("name_ar"), loc.get("geonames_id"), loc.get("country"),
            (e.get("evidence") or {}).get("text"), e.get("confidence"), ids)


def _prepare(events: Iterable[EventCore], documents: Mapping[str, Mapping[str, Any]],
             onto: Ontology, prepared: Mapping[str, bytes] | None = None) -> list[_Event]:
    """The comparable form of each event. ``prepared``: evidence text → :func:`evidence_hashes`, for
    the texts already hashed (in the worker processes, as the events were made)."""
    out: list[_Event] = []
    groups: dict[str | None, str] = {}
    seen_text: dict[str, tuple[frozenset[int], tuple[int, ...]]] = {}
    # Copies of a story repeat dates, places and participants: each distinct value is worked out once.
    spans: dict[Any, tuple[int, int] | None] = {}
    places: dict[tuple, tuple[str | None, str | None, bool]] = {}
    wides: dict[frozenset[str], frozenset[str]] = {}
    participants: dict[tuple[str, ...], tuple[frozenset[str], frozenset[str]]] = {}
    sig_ids: dict[tuple, int] = {}
    doc_info: dict[str, tuple[int | None, str, str]] = {}
    window, slacks, type_group = onto.undated_window_days, onto.date_slack_days, onto.type_group
    for i, (event_id, doc_id, etype, date, date_precision, status, name_en, name_ar, gn, country, evidence,
            confidence, actor_ids) in enumerate(events):
        doc_id = doc_id or ""
        info = doc_info.get(doc_id)
        if info is None:
            doc = documents.get(doc_id) or {}
            info = doc_info[doc_id] = (_ordinal(doc.get("published")), doc.get("duplicate_of") or doc_id,
                                       _outlet_key(doc, doc_id))
        published = info[0]
        if date in spans:
            span = spans[date]
        else:
            d = parse_date(date)
            span = spans[date] = (d[0].toordinal(), d[1].toordinal()) if d else None
        if span:
            lo, hi = span
        elif published is not None:  # undated: a report is about recent (or, if planned, coming) days
            lo, hi = (published, published + window) if status == "planned" else (published - window, published)
        else:
            lo = hi = None
        precision = date_precision if span else None
        pk = (name_en, name_ar, gn, country)
        place = places.get(pk)
        if place is None:
            place = places[pk] = _location({"name_en": name_en, "name_ar": name_ar, "geonames_id": gn,
                                            "country": country})
        people = participants.get(actor_ids := tuple(actor_ids))
        if people is None:
            ids = frozenset(a for a in actor_ids if not str(a).startswith("unresolved:"))
            wide = wides.get(ids)
            if wide is None:
                wide = wides[ids] = frozenset().union(*(_with_parents(a) for a in ids)) if ids else frozenset()
            people = participants[actor_ids] = (ids, wide)
        evidence = evidence or ""
        hashed = seen_text.get(evidence)
        if hashed is None:  # copies of a story repeat their sentences: hash each text once
            packed = prepared.get(evidence) if prepared is not None else None  # hashed where the event was made
            hashed = seen_text[evidence] = unpack_evidence(packed or evidence_hashes(evidence))
        group = groups.get(etype)
        if group is None:
            group = groups[etype] = type_group(etype)
        slack = slacks.get(precision or "", 0)
        negated = status == "negated"
        # Signatures as small integers (one per distinct signature, see _signature): pairs of them key
        # the decisions of cluster_events, and hashing two ints is far cheaper than two 9-field tuples.
        sig_key = (etype, negated, status == "planned", lo, hi, slack, place[0], place[1], place[2])
        sig = sig_ids.get(sig_key)
        if sig is None:
            sig = sig_ids[sig_key] = len(sig_ids)
        # positional, in the fields' order: keywords cost a good share of building 100,000s of events
        out.append(_Event(
            i, event_id, doc_id, etype, group, lo, hi, precision, str(date) if span else None, slack,
            place[0], place[1], place[2], people[0], people[1], hashed[0], hashed[1], negated, status,
            float(confidence or 0.0), published, info[1], info[2],
            # only what _summarise reads: a full record per event held until the end was most of
            # the cross-document pass's memory on large runs
            (etype, date, date_precision, name_en, country), sig))
    return out


# -- the rule --------------------------------------------------------------------------------------------
def _dates_overlap(a: _Event, b: _Event) -> bool:
    if a.lo is None or b.lo is None:
        return True
    s = max(a.slack, b.slack)
    return a.lo <= b.hi + s and b.lo <= a.hi + s


def _places_compatible(a: _Event, b: _Event) -> bool:
    if a.loc_key is None or b.loc_key is None or a.loc_key == b.loc_key:
        return True
    if a.loc_is_country and a.loc_country == b.loc_country:
        return True
    return b.loc_is_country and b.loc_country == a.loc_country


def compatible(a: _Event, b: _Event, onto: Ontology) -> bool:
    """The hard constraints: type, polarity (denied / planned / happened), date window, place."""
    return (onto.compatible_types(a.type, b.type) and a.negated == b.negated
            and (a.status == "planned") == (b.status == "planned")
            and _dates_overlap(a, b) and _places_compatible(a, b))


def _signature(e: _Event) -> tuple:
    """Everything :func:`compatible` reads of an event."""
    return (e.type, e.negated, e.status == "planned", e.lo, e.hi, e.slack, e.loc_key, e.loc_country,
            e.loc_is_country)


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    if a is b:  # copies of a story share one set per evidence text (see _prepare)
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def link_strength(a: _Event, b: _Event, onto: Ontology, *, compatible_known: bool = False) -> float | None:
    """How sure we are that ``a`` and ``b`` are one happening (None: they are not linked).

    ``compatible_known``: the caller has already checked :func:`compatible`.
    """
    if a.doc_id == b.doc_id or not (compatible_known or compatible(a, b, onto)):
        return None
    sim = _jaccard(a.words, b.words)
    if sim >= EVIDENCE_SAME:
        return 3.0 + sim
    tight = (a.precision == "day" and b.precision == "day" and a.lo is not None and b.lo is not None
             and abs(a.lo - b.lo) <= max(a.slack, b.slack))
    same_place = a.loc_key is not None and a.loc_key == b.loc_key
    shared = len(a.wide_ids & b.wide_ids)
    if a.ids and b.ids and (not shared or (a.wide_ids - b.wide_ids and b.wide_ids - a.wide_ids)):
        return None  # both know who took part, and each names someone the other does not
    if shared:
        coarse = a.precision in (None, "year") or b.precision in (None, "year")
        same_period = a.date is not None and a.date == b.date and a.precision in ("day", "week", "month")
        if (tight or (same_place and not a.loc_is_country) or (shared >= 2 and not coarse)
                or (same_period and same_place)):
            return 2.0 + 0.1 * shared + sim
        return None
    if tight and same_place and not a.loc_is_country:
        return 1.0 + sim
    return None


def _blocks(evs: list[_Event]) -> dict[tuple[str, str, Any], list[_Event]]:
    """Candidate groups: same type group and (a participant, a place, a document family or a sentence)."""
    blocks: dict[tuple[str, str, Any], list[_Event]] = defaultdict(list)
    families: dict[str, int] = defaultdict(int)
    for e in evs:
        families[e.family] += 1
    for e in evs:
        for actor_id in e.ids:
            blocks[("a", e.group, actor_id)].append(e)
        if e.loc_key and not e.loc_is_country:
            blocks[("l", e.group, e.loc_key)].append(e)
        if families[e.family] > 1:
            blocks[("f", e.group, e.family)].append(e)
        for k in e.sentence_keys:
            blocks[("s", e.group, k)].append(e)
    return blocks


def _candidate_pairs(evs: list[_Event]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for key, members in _blocks(evs).items():
        if len(members) < 2 or (key[0] == "s" and len(members) > MAX_SENTENCE_BLOCK):
            continue
        dated = sorted((e for e in members if e.lo is not None), key=lambda e: e.lo)
        undated = [e for e in members if e.lo is None]
        # sweep: once an event starts after i's end (plus the widest slack), no later one can overlap i
        # (indices, not slices: a block of many copies of one story would copy its tail for every event)
        n = len(dated)
        los = [e.lo for e in dated]
        for i, a in enumerate(dated):
            limit, doc, ai = a.hi + 7, a.doc_id, a.idx
            for k in range(i + 1, n):
                if los[k] > limit:
                    break
                b = dated[k]
                if doc != b.doc_id:
                    bi = b.idx
                    pairs.add((ai, bi) if ai < bi else (bi, ai))
        if undated and len(members) <= MAX_BLOCK:
            for a in undated:
                for b in members:
                    if a is not b and a.doc_id != b.doc_id:
                        pairs.add((a.idx, b.idx) if a.idx < b.idx else (b.idx, a.idx))
    return pairs


def cluster_events(events: Iterable[Mapping[str, Any]], documents: Mapping[str, Mapping[str, Any]] | None = None,
                   onto: Ontology | None = None) -> Clustering:
    """Cluster contract event dicts. ``documents``: doc_id → ``{published, outlet, url, duplicate_of}``."""
    return cluster_cores(map(core, events), documents, onto)


def cluster_cores(events: Iterable[EventCore], documents: Mapping[str, Mapping[str, Any]] | None = None,
                  onto: Ontology | None = None, evidence: Mapping[str, bytes] | None = None) -> Clustering:
    """:func:`cluster_events` over :data:`EventCore` tuples (what the store's columns give directly).
    ``evidence``: the evidence texts already hashed (text → :func:`marsad.corpus.dedup.evidence_hashes`)."""
    onto = onto or load_ontology()
    evs = _prepare(events, documents or {}, onto, evidence)
    # Events that agree on everything compatible() reads are interchangeable for it: each pair of
    # signatures is decided once (copies of one story share signatures), and in the complete-linkage
    # check below each cluster keeps one event per distinct signature.
    decided: dict[tuple[int, int], bool] = {}
    # The links, strongest first: the rule of compatible() and link_strength() evaluated over arrays
    # of all candidate pairs at once (see marsad.corpus.linking).
    pi, pj = linking.candidate_pairs(evs, _blocks(evs), MAX_BLOCK, MAX_SENTENCE_BLOCK)
    _, li, lj = linking.links(evs, pi, pj, onto, _jaccard, EVIDENCE_SAME)
    parent = list(range(len(evs)))
    # members and kinds of the groups merged so far (a root missing here is one event alone)
    members: dict[int, list[int]] = {}
    kinds: dict[int, dict[int, int]] = {}

    def all_compatible(ra: int, rb: int) -> bool:
        for sa, a in (kinds.get(ra) or {evs[ra].sig: ra}).items():
            for sb, b in (kinds.get(rb) or {evs[rb].sig: rb}).items():
                ok = decided.get((sa, sb))
                if ok is None:
                    ok = decided[(sa, sb)] = compatible(evs[a], evs[b], onto)
                if not ok:
                    return False
        return True

    for ri, rj in zip(li.tolist(), lj.tolist(), strict=True):
        # the roots of both events (union-find with path halving, inline: a call per link costs more)
        while parent[ri] != ri:
            parent[ri] = ri = parent[parent[ri]]
        while parent[rj] != rj:
            parent[rj] = rj = parent[parent[rj]]
        if ri == rj:
            continue
        # two events still alone are compatible: that is why they are linked
        if (ri in kinds or rj in kinds) and not all_compatible(ri, rj):
            continue
        if len(members.get(ri) or (ri,)) < len(members.get(rj) or (rj,)):
            ri, rj = rj, ri
        parent[rj] = ri
        members.setdefault(ri, [ri]).extend(members.pop(rj, None) or (rj,))
        kind = kinds.setdefault(ri, {evs[ri].sig: ri})
        for sig, k in (kinds.pop(rj, None) or {evs[rj].sig: rj}).items():
            kind.setdefault(sig, k)
    # groups in the order of their first event's index, as when every event started in a dict of its own
    return _summarise(evs, [members.get(r) or [r] for r in range(len(evs)) if parent[r] == r])


def _summarise(evs: list[_Event], groups: list[list[int]]) -> Clustering:
    far = dt.date.max.toordinal()
    out = Clustering()
    for group in groups:
        if len(group) == 1:  # most events stand alone: their own summary, without the sorting below
            e = evs[group[0]]
            cid = "c-" + hashlib.sha1(e.event_id.encode("utf-8")).hexdigest()[:12]
            etype, date, precision, loc_name, loc_country = e.summary
            out.clusters[cid] = Cluster(
                cluster_id=cid, canonical_event_id=e.event_id, event_ids=[e.event_id], doc_ids=[e.doc_id],
                outlets=[e.outlet_key], n_independent=1, type=etype, date=date, date_precision=precision,
                location_name_en=loc_name, location_country=loc_country)
            out.assignment[e.event_id] = cid
            continue
        items = [evs[i] for i in group]
        first = min(items, key=lambda e: (e.published if e.published is not None else far, e.doc_id, e.event_id))
        canon = min(items, key=lambda e: (_STATUS_RANK.get(e.status or "", 5), _PRECISION_RANK.get(e.precision or "", 4),
                                          e.loc_key is None, -len(e.ids), -e.confidence,
                                          e.published if e.published is not None else far, e.event_id))
        cid = "c-" + hashlib.sha1(first.event_id.encode("utf-8")).hexdigest()[:12]
        etype, date, precision, loc_name, loc_country = canon.summary
        cluster = Cluster(
            cluster_id=cid, canonical_event_id=canon.event_id,
            event_ids=sorted(e.event_id for e in items),
            doc_ids=sorted({e.doc_id for e in items}),
            outlets=sorted({e.outlet_key for e in items}),
            n_independent=len({e.family for e in items}),
            type=etype, date=date, date_precision=precision, location_name_en=loc_name,
            location_country=loc_country)
        out.clusters[cid] = cluster
        for e in items:
            out.assignment[e.event_id] = cid
    return out
