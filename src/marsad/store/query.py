"""Read-side queries over the store: events, actors, clusters, the actor network and time series.

Every function takes a DuckDB connection (``Store.con``, read-only is fine) and returns plain rows
(dicts), so the CLI, the web API and the Python API share one parameterised-SQL surface. Values
from the caller never reach SQL text: they are bound as parameters.

Dates: an event's own date (``YYYY-MM-DD``/``YYYY-MM``/``YYYY``) is an interval; an event without
one is placed at its report's publication date. ``start``/``end`` keep events whose interval
overlaps ``[start, end]``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import duckdb

from marsad.arabic import normalize_word

__all__ = [
    "EVENT_COLUMNS", "DateRange", "actor_ids", "count_events", "event", "graph", "parse_day", "query_clusters", "query_events",
    "timeline", "top_actors",
]

Connection = duckdb.DuckDBPyConnection
DateRange = tuple[dt.date | None, dt.date | None]

# --- date intervals in SQL --------------------------------------------------------------------------------
_LO = ("CASE WHEN regexp_full_match(split_part({c}, '/', 1), '\\d{{4}}-\\d{{2}}-\\d{{2}}') "
       "THEN TRY_CAST(split_part({c}, '/', 1) AS DATE) "
       "WHEN regexp_full_match(split_part({c}, '/', 1), '\\d{{4}}-\\d{{2}}') "
       "THEN TRY_CAST(split_part({c}, '/', 1) || '-01' AS DATE) "
       "WHEN regexp_full_match(split_part({c}, '/', 1), '\\d{{4}}') "
       "THEN TRY_CAST(split_part({c}, '/', 1) || '-01-01' AS DATE) END")
_HI = ("CASE WHEN regexp_full_match(split_part({c}, '/', -1), '\\d{{4}}-\\d{{2}}-\\d{{2}}') "
       "THEN TRY_CAST(split_part({c}, '/', -1) AS DATE) "
       "WHEN regexp_full_match(split_part({c}, '/', -1), '\\d{{4}}-\\d{{2}}') "
       "THEN last_day(TRY_CAST(split_part({c}, '/', -1) || '-01' AS DATE)) "
       "WHEN regexp_full_match(split_part({c}, '/', -1), '\\d{{4}}') "
       "THEN TRY_CAST(split_part({c}, '/', -1) || '-12-31' AS DATE) END")

# The base relation every event query starts from: events + their document + the effective interval.
_BASE = f"""
SELECT e.*, d.published, d.outlet, d.title, d.url, d.duplicate_of,
       coalesce({_LO.format(c='e.date')}, d.published) AS date_lo,
       coalesce({_HI.format(c='e.date')}, d.published) AS date_hi
FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
"""

EVENT_COLUMNS = ("event_id", "doc_id", "type", "mode", "cameo", "date", "date_precision", "date_text", "status",
                 "source", "location_name_en", "location_name_ar", "location_country", "geonames_id", "lat", "lon",
                 "evidence_text", "evidence_start", "evidence_end", "confidence", "cluster_id", "published",
                 "outlet", "title", "url")


def parse_day(value: str | dt.date | None, *, end: bool = False) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → a day (the first day, or with ``end`` the last one).

    Raises ``ValueError`` with a readable message for anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            return dt.date.fromisoformat(s)
        if re.fullmatch(r"\d{4}-\d{2}", s):
            y, m = int(s[:4]), int(s[5:])
            first = dt.date(y, m, 1)
            return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)) if end else first
        if re.fullmatch(r"\d{4}", s):
            return dt.date(int(s), 12, 31) if end else dt.date(int(s), 1, 1)
    except ValueError:
        pass
    raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")


# --- Arabic-insensitive matching in SQL ----------------------------------------------------------------
@lru_cache(maxsize=1)
def _fold_table() -> tuple[str, str]:
    """``translate()`` arguments that fold Arabic spelling variants the way ``normalize_word`` does.

    Built from the public normaliser once: every character it maps to one other character goes
    to the first string with its image in the second; characters it deletes come last (unpaired,
    so ``translate`` drops them).
    """
    pairs: list[tuple[str, str]] = []
    deleted: list[str] = []
    for cp in list(range(0x0600, 0x0700)) + list(range(0x08A0, 0x0900)) + list(range(0x200B, 0x2010)):
        ch = chr(cp)
        if ch.isspace():
            continue
        out = normalize_word(ch)
        if out == ch:
            continue
        if out == "":
            deleted.append(ch)
        elif len(out) == 1:
            pairs.append((ch, out))
    return "".join(a for a, _ in pairs) + "".join(deleted), "".join(b for _, b in pairs)


def _fold_sql(column: str) -> str:
    return f"lower(translate({column}, ?, ?))"


def _fold(text: str) -> str:
    return " ".join(normalize_word(w) for w in text.split()).lower()


# --- actors ---------------------------------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-_'’.]+", _fold(text)) if w]


def _contains_words(name: str, query: list[str]) -> bool:
    words = _words(name)
    n = len(query)
    return any(words[i:i + n] == query for i in range(len(words) - n + 1))


def _kb_actor_ids(query: str) -> set[str]:
    """Actor ids of the knowledge base whose id, name or alias (Arabic or English) contains the query words."""
    try:
        from marsad.knowledge import load_actors
        index = load_actors()
    except Exception:  # noqa: BLE001 - the KB is an aid here; stored names are the fallback
        return set()
    q = _words(query)
    if not q:
        return set()
    if query in index.by_id:
        return {query}
    hits: set[str] = set()
    for actor in index.all():
        names = (actor.name_en, actor.name_ar, *actor.aliases_ar, *actor.aliases_en, actor.id.replace("_", " "))
        if any(_contains_words(n, q) for n in names if n):
            hits.add(actor.id)
    return hits


def actor_ids(con: Connection, query: str) -> tuple[list[str], list[str]]:
    """Resolve an actor query (id, Arabic or English name or alias) to ``(actor ids, unlinked mention texts)``.

    The knowledge base is asked first (so «شويغو» and «Shoigu» reach the same id); the stored
    participants are then matched by name and mention text, and any id found there is added too,
    which is how actors outside the knowledge base are found. Mentions without an id come back as
    texts so the caller can match them as written.
    """
    ids = _kb_actor_ids(query)
    q = _words(query)
    texts: list[str] = []
    if not q:
        return sorted(ids), texts
    rows = con.execute("SELECT DISTINCT actor_id, name_en, name_ar, text FROM event_actors").fetchall()
    for actor_id, name_en, name_ar, text in rows:
        if actor_id and actor_id in ids:
            continue
        if (actor_id == query or any(n and _contains_words(n, q) for n in (name_en, name_ar, text))):
            if actor_id:
                ids.add(actor_id)
            elif text:
                texts.append(text)
    return sorted(ids), sorted(set(texts))


# --- events ---------------------------------------------------------------------------------------------------
def _as_list(value: str | Sequence[str] | None, upper: bool = False) -> list[str] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    out = [p.strip() for item in items for p in str(item).split(",") if p.strip()]
    return [p.upper() for p in out] if upper else out


def _where(con: Connection, *, actor: str | None = None, type: str | Sequence[str] | None = None,  # noqa: A002
           start: str | dt.date | None = None, end: str | dt.date | None = None, place: str | None = None,
           country: str | None = None, status: str | Sequence[str] | None = None, q: str | None = None,
           cluster: str | None = None, doc: str | None = None, canonical: bool = False
           ) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        ids, texts = actor_ids(con, actor)
        clauses.append("event_id IN (SELECT event_id FROM event_actors WHERE actor_id IN (SELECT unnest(?))"
                       " OR (actor_id IS NULL AND text IN (SELECT unnest(?))))")
        params += [ids, texts]
    types = _as_list(type, upper=True)
    if types:
        clauses.append("type IN (SELECT unnest(?))")
        params.append(types)
    lo, hi = parse_day(start), parse_day(end, end=True)
    if lo:
        clauses.append("date_hi >= ?")
        params.append(lo)
    if hi:
        clauses.append("date_lo <= ?")
        params.append(hi)
    if place:
        frm, to = _fold_table()
        clauses.append(f"(lower(location_name_en) = lower(?) OR {_fold_sql('location_name_ar')} = ?"
                       " OR CAST(geonames_id AS VARCHAR) = ?)")
        params += [place.strip(), frm, to, _fold(place), place.strip()]
    if country:
        clauses.append("location_country = ?")
        params.append(country.strip().upper())
    statuses = _as_list(status)
    if statuses:
        clauses.append("status IN (SELECT unnest(?))")
        params.append([s.lower() for s in statuses])
    if q:
        frm, to = _fold_table()
        clauses.append(f"({_fold_sql('evidence_text')} LIKE ? OR {_fold_sql('title')} LIKE ?)")
        like = "%" + _fold(q).replace("\\", "").replace("%", "").replace("_", "") + "%"
        params += [frm, to, like, frm, to, like]
    if cluster:
        clauses.append("cluster_id = ?")
        params.append(cluster)
    if doc:
        clauses.append("doc_id = ?")
        params.append(doc)
    if canonical:
        clauses.append("(cluster_id IS NULL OR event_id IN (SELECT canonical_event_id FROM clusters))")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def query_events(con: Connection, actor: str | None = None, type: str | Sequence[str] | None = None,  # noqa: A002
                 start: str | dt.date | None = None, end: str | dt.date | None = None, place: str | None = None,
                 country: str | None = None, status: str | Sequence[str] | None = None, q: str | None = None,
                 limit: int | None = None, offset: int = 0, *, cluster: str | None = None, doc: str | None = None,
                 canonical: bool = False, full: bool = False) -> list[dict[str, Any]]:
    """Events matching every given filter, oldest first; each row has :data:`EVENT_COLUMNS` plus
    ``actors``/``recipients`` (lists of names) and, with ``full``, ``record`` (the contract dict)."""
    where, params = _where(con, actor=actor, type=type, start=start, end=end, place=place, country=country,
                           status=status, q=q, cluster=cluster, doc=doc, canonical=canonical)
    sql = (f"WITH ev AS ({_BASE}) SELECT {', '.join(EVENT_COLUMNS)}, date_lo, date_hi, record FROM ev{where}"
           " ORDER BY date_lo NULLS LAST, event_id")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    rows = _rows(con.execute(sql, params))
    for row in rows:
        rec = json.loads(row.pop("record")) if row.get("record") else {}
        for side, key in (("actor", "actors"), ("recipient", "recipients")):
            row[key] = [a.get("name_en") or a.get("name_ar") or a.get("text") or a.get("id")
                        for a in rec.get(side) or []]
            row[side + "_ids"] = [a.get("id") for a in rec.get(side) or []]
        if full:
            row["record"] = rec
    return rows


def count_events(con: Connection, **filters: Any) -> int:
    """How many events :func:`query_events` would return without ``limit`` (for paging)."""
    where, params = _where(con, **filters)
    return con.execute(f"WITH ev AS ({_BASE}) SELECT count(*) FROM ev{where}", params).fetchone()[0]


def event(con: Connection, event_id: str) -> dict[str, Any] | None:
    """One event's contract record (with ``cluster_id``), or None."""
    row = con.execute("SELECT record, cluster_id FROM events WHERE event_id = ?", [event_id]).fetchone()
    if not row:
        return None
    rec = json.loads(row[0])
    rec["cluster_id"] = row[1]
    return rec


# --- actors, clusters -----------------------------------------------------------------------------------------
def top_actors(con: Connection, n: int | None = 20, start: str | dt.date | None = None,
               end: str | dt.date | None = None, type: str | Sequence[str] | None = None,  # noqa: A002
               country: str | None = None) -> list[dict[str, Any]]:
    """Actors by number of events (as actor or recipient); one row per actor id, busiest first."""
    where, params = _where(con, type=type, start=start, end=end)
    if country:
        extra, params2 = " AND p.country = ?", [country.strip().upper()]
    else:
        extra, params2 = "", []
    sql = f"""
    WITH ev AS ({_BASE}), sel AS (SELECT event_id, date_lo, date_hi FROM ev{where})
    SELECT p.actor_id, any_value(p.name_en) AS name_en, any_value(p.name_ar) AS name_ar,
           any_value(p.country) AS country, count(DISTINCT p.event_id) AS n_events,
           count(DISTINCT p.event_id) FILTER (WHERE p.side = 'actor') AS n_as_actor,
           count(DISTINCT p.event_id) FILTER (WHERE p.side = 'recipient') AS n_as_recipient,
           min(sel.date_lo) AS first_date, max(sel.date_hi) AS last_date
    FROM event_actors p JOIN sel ON sel.event_id = p.event_id
    WHERE p.actor_id IS NOT NULL AND NOT starts_with(p.actor_id, 'unresolved:'){extra}
    GROUP BY p.actor_id ORDER BY n_events DESC, p.actor_id"""
    params += params2
    if n is not None:
        sql += " LIMIT ?"
        params.append(int(n))
    return _rows(con.execute(sql, params))


def query_clusters(con: Connection, min_documents: int = 1, limit: int | None = 50,
                   offset: int = 0) -> list[dict[str, Any]]:
    """Event clusters, most corroborated first (``n_outlets``, then ``n_documents``)."""
    sql = ("SELECT * FROM clusters WHERE n_documents >= ? ORDER BY n_outlets DESC, n_documents DESC, cluster_id")
    params: list[Any] = [int(min_documents)]
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return _rows(con.execute(sql, params))


# --- the actor network ------------------------------------------------------------------------------------------
def _quad_values() -> tuple[str, list[Any]]:
    """A ``(type, quad, weight)`` VALUES relation built from the ontology data, as SQL plus parameters."""
    from marsad.corpus.ontology import load_ontology
    onto = load_ontology()
    rows = [(t, q, onto.weights[q]) for t, q in onto.quad.items()]
    sql = "SELECT * FROM (VALUES " + ", ".join("(?, ?, ?)" for _ in rows) + ") AS quad(type, quad, weight)"
    return sql, [v for r in rows for v in r]


def _pairs_sql(con: Connection, start: Any, end: Any, level: str, include_negated: bool,
               type: Any = None) -> tuple[str, list[Any]]:  # noqa: A002
    """Directed (source, target) participant pairs per happening, with its quad class and weight."""
    if level not in ("actor", "country"):
        raise ValueError("level must be 'actor' or 'country'")
    where, params = _where(con, start=start, end=end, type=type)
    if not include_negated:
        where += (" AND " if where else " WHERE ") + "coalesce(status, '') <> 'negated'"
    node = "actor_id" if level == "actor" else "country"
    quad_sql, quad_params = _quad_values()
    sql = f"""
    WITH ev AS ({_BASE}), sel AS (SELECT event_id, type, date_lo, coalesce(cluster_id, event_id) AS happening
                                  FROM ev{where}),
    quad AS ({quad_sql}),
    pairs AS (
        SELECT DISTINCT a.{node} AS source, r.{node} AS target, sel.happening, sel.date_lo, q.quad, q.weight
        FROM sel JOIN quad q ON q.type = sel.type
        JOIN event_actors a ON a.event_id = sel.event_id AND a.side = 'actor'
        JOIN event_actors r ON r.event_id = sel.event_id AND r.side = 'recipient'
        WHERE a.{node} IS NOT NULL AND r.{node} IS NOT NULL AND a.{node} <> r.{node}
          AND NOT starts_with(a.{node}, 'unresolved:') AND NOT starts_with(r.{node}, 'unresolved:'))"""
    return sql, params + quad_params


def graph(con: Connection, start: str | dt.date | None = None, end: str | dt.date | None = None, *,
          level: str = "actor", include_negated: bool = False, min_events: int = 1,
          type: str | Sequence[str] | None = None) -> dict[str, list[dict[str, Any]]]:  # noqa: A002
    """The actor network of a period: ``{"nodes": [...], "edges": [...]}``.

    Edges are directed actor → recipient and count *happenings* (event clusters), so one story
    syndicated by ten outlets is one event. ``weight`` sums the quad weights of ``data/ontology.yaml``
    (cooperation positive, conflict negative, material twice verbal); per-quad counts are given too.
    ``level="country"`` merges actors into their countries. Denied (negated) events are left out
    unless ``include_negated``.
    """
    base, params = _pairs_sql(con, start, end, level, include_negated, type)
    edges = _rows(con.execute(base + """
    SELECT source, target, count(DISTINCT happening) AS n_events, sum(weight) AS weight,
           count(DISTINCT happening) FILTER (WHERE quad = 'verbal_cooperation') AS verbal_cooperation,
           count(DISTINCT happening) FILTER (WHERE quad = 'material_cooperation') AS material_cooperation,
           count(DISTINCT happening) FILTER (WHERE quad = 'verbal_conflict') AS verbal_conflict,
           count(DISTINCT happening) FILTER (WHERE quad = 'material_conflict') AS material_conflict,
           CAST(min(date_lo) AS VARCHAR) AS first_date, CAST(max(date_lo) AS VARCHAR) AS last_date
    FROM pairs GROUP BY source, target HAVING count(DISTINCT happening) >= ?
    ORDER BY n_events DESC, source, target""", params + [int(min_events)]))
    for e in edges:
        e["weight"] = int(e["weight"] or 0)
        e["cooperation"] = e["verbal_cooperation"] + e["material_cooperation"]
        e["conflict"] = e["verbal_conflict"] + e["material_conflict"]
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    return {"nodes": _nodes(con, ids, level, edges), "edges": edges}


def _nodes(con: Connection, ids: list[str], level: str, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    degree: dict[str, int] = {}
    for e in edges:
        for k in (e["source"], e["target"]):
            degree[k] = degree.get(k, 0) + e["n_events"]
    names: dict[str, tuple[str | None, str | None, str | None]] = {}
    if level == "actor" and ids:
        for actor_id, name_en, name_ar, country in con.execute(
                "SELECT actor_id, any_value(name_en), any_value(name_ar), any_value(country) FROM event_actors"
                " WHERE actor_id IN (SELECT unnest(?)) GROUP BY actor_id", [ids]).fetchall():
            names[actor_id] = (name_en, name_ar, country)
    elif ids:
        try:
            from marsad.knowledge import load_actors
            kb = load_actors()
            for iso in ids:
                st = kb.state(iso)
                names[iso] = (st.name_en, st.name_ar, iso) if st else (iso, None, iso)
        except Exception:  # noqa: BLE001 - names are decoration; the ISO code stands in
            pass
    return [{"id": i, "name_en": names.get(i, (i, None, None))[0] or i, "name_ar": names.get(i, (None,) * 3)[1],
             "country": names.get(i, (None,) * 3)[2], "n_events": degree.get(i, 0)} for i in ids]


_GRANULARITY = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}


def timeline(con: Connection, actor: str, other: str | None = None, granularity: str = "month",
             start: str | dt.date | None = None, end: str | dt.date | None = None, *, level: str = "actor",
             include_negated: bool = False) -> list[dict[str, Any]]:
    """Cooperation vs conflict per period for ``actor`` (with ``other``: for that pair, both directions).

    ``actor``/``other`` are resolved like ``query_events(actor=…)`` at ``level="actor"``; at
    ``level="country"`` they are ISO3 codes (``RUS``, ``IRN``). Counts are happenings (clusters).
    """
    if granularity not in _GRANULARITY:
        raise ValueError(f"granularity must be one of {', '.join(_GRANULARITY)}")
    base, params = _pairs_sql(con, start, end, level, include_negated)

    def ids_of(name: str) -> list[str]:
        return [name.strip().upper()] if level == "country" else (actor_ids(con, name)[0] or [name])

    a_ids = ids_of(actor)
    cond = "(source IN (SELECT unnest(?)) OR target IN (SELECT unnest(?)))"
    cparams: list[Any] = [a_ids, a_ids]
    if other:
        b_ids = ids_of(other)
        cond = ("((source IN (SELECT unnest(?)) AND target IN (SELECT unnest(?))) OR "
                "(source IN (SELECT unnest(?)) AND target IN (SELECT unnest(?))))")
        cparams = [a_ids, b_ids, b_ids, a_ids]
    rows = _rows(con.execute(base + f"""
    SELECT CAST(date_trunc('{_GRANULARITY[granularity]}', date_lo) AS DATE) AS period,
           count(DISTINCT happening) AS n_events,
           count(DISTINCT happening) FILTER (WHERE quad = 'verbal_cooperation') AS verbal_cooperation,
           count(DISTINCT happening) FILTER (WHERE quad = 'material_cooperation') AS material_cooperation,
           count(DISTINCT happening) FILTER (WHERE quad = 'verbal_conflict') AS verbal_conflict,
           count(DISTINCT happening) FILTER (WHERE quad = 'material_conflict') AS material_conflict
    FROM pairs WHERE date_lo IS NOT NULL AND {cond}
    GROUP BY period ORDER BY period""", params + cparams))
    for r in rows:
        r["period"] = r["period"].isoformat()
        r["cooperation"] = r["verbal_cooperation"] + r["material_cooperation"]
        r["conflict"] = r["verbal_conflict"] + r["material_conflict"]
    return rows
