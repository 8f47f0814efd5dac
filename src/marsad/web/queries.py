"""Read-only queries behind the web API: parameterised SQL over the DuckDB store.

Every value coming from a request is passed as a bound parameter (``?``); the only strings
formatted into SQL are fixed fragments chosen in this module. The store is opened with
``read_only=True`` and each request works on its own cursor, so concurrent requests (FastAPI
runs sync endpoints in a thread pool) never share a DuckDB connection object.
"""

from __future__ import annotations

import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import yaml

from marsad.web.spans import event_spans

# Contract enumerations (CONTRACT.md): used to reject bad filter values with a clear 422.
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
STATUSES = ("asserted", "reported", "planned", "claimed", "negated")
GRANULARITIES = ("week", "month", "year")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

# Search that ignores Arabic spelling variants: الاسد finds الأسد, a vowelled query finds unvowelled
# text. The needle is folded in Python, then turned into an RE2 pattern where each foldable letter
# matches all its variants and diacritics may sit between letters. Matching the stored text with
# that pattern is 5-20x faster in DuckDB than folding every stored row with translate()/regexp_replace().
_FOLD_FROM = "أإآٱةى"
_FOLD_TO = "ااااهي"
_FOLD_TABLE = str.maketrans(_FOLD_FROM, _FOLD_TO)
_MARKS = "\u064b-\u0652\u0670\u0640"  # tashkeel, dagger alef, tatweel
_MARKS_RE = re.compile(f"[{_MARKS}]")
_VARIANTS = {"ا": "[اأإآٱ]", "ه": "[هة]", "ي": "[يى]"}


def fold(text: str) -> str:
    """Fold a search string: unify alef/ta-marbuta/alef-maqsura, drop diacritics, lower-case."""
    return _MARKS_RE.sub("", text.translate(_FOLD_TABLE)).lower().strip()


def search_pattern(needle: str) -> str:
    """A case-insensitive RE2 pattern matching ``needle`` in unfolded Arabic or Latin text."""
    parts = []
    for ch in fold(needle):
        if ch.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
        else:
            parts.append(_VARIANTS.get(ch) or re.escape(ch))
    return "(?i)" + f"[{_MARKS}]*".join(parts)


def _matches(column: str) -> str:
    """SQL test of a fixed column expression against a bound search pattern."""
    return f"regexp_matches(coalesce({column}, ''), ?)"


@lru_cache(maxsize=1)
def quad_of_type() -> dict[str, str]:
    """PLOVER type → quad class, read from the event stage's ontology file (one source of truth)."""
    try:
        text = resources.files("marsad.events").joinpath("data/plover.yaml").read_text("utf-8")
        return {t: str(v.get("quad")) for t, v in (yaml.safe_load(text).get("types") or {}).items()}
    except (FileNotFoundError, ModuleNotFoundError, AttributeError, yaml.YAMLError):
        return {}


class StoreError(RuntimeError):
    """The file is not a readable Marsad store."""


@dataclass(slots=True)
class EventFilter:
    """Filters shared by /api/events, /api/map, /api/graph and /api/timeline (all optional)."""

    actor: str | None = None
    types: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    country: str | None = None
    status: str | None = None
    q: str | None = None
    doc: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """``WHERE …`` over the ``events e`` alias (joined with ``documents d``), with its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append("e.event_id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)")
            params.append(self.actor)
        if self.types:
            clauses.append("e.type IN (SELECT unnest(?))")
            params.append(list(self.types))
        # An event's date may be a day, a month or a year: it matches when its period overlaps
        # [from, to]. ISO strings compare correctly; '-31' is a safe upper bound for any month.
        if self.date_from:
            clauses.append("e.date IS NOT NULL AND (CASE length(e.date) WHEN 4 THEN e.date || '-12-31' "
                           "WHEN 7 THEN e.date || '-31' ELSE left(e.date, 10) END) >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("e.date IS NOT NULL AND (CASE length(e.date) WHEN 4 THEN e.date || '-01-01' "
                           "WHEN 7 THEN e.date || '-01' ELSE left(e.date, 10) END) <= ?")
            params.append(self.date_to)
        if self.place:
            if self.place.isdigit():
                clauses.append("e.geonames_id = ?")
                params.append(int(self.place))
            else:
                clauses.append(f"({_matches('e.location_name_ar')} OR {_matches('e.location_name_en')})")
                params += [search_pattern(self.place)] * 2
        if self.country:
            clauses.append("e.location_country = ?")
            params.append(self.country.upper())
        if self.status:
            clauses.append("e.status = ?")
            params.append(self.status)
        if self.q:
            clauses.append(f"({_matches('e.evidence_text')} OR {_matches('d.title')})")
            params += [search_pattern(self.q)] * 2
        if self.doc:
            clauses.append("e.doc_id = ?")
            params.append(self.doc)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_FROM = " FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id"


def _period_start(expr: str = "e.date") -> str:
    return (f"CAST(CASE length({expr}) WHEN 4 THEN {expr} || '-01-01' WHEN 7 THEN {expr} || '-01' "
            f"ELSE left({expr}, 10) END AS DATE)")


class ReadStore:
    """A read-only view of a Marsad store for the web API."""

    def __init__(self, path: str | Path, workers: int = 4) -> None:
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"no store at {path} (run `marsad run … --db {path}` first)")
        try:
            self._con = duckdb.connect(str(path), read_only=True)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {path} read-only: {exc}") from exc
        tables = {r[0] for r in self._con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        missing = {"documents", "events", "event_actors", "mentions"} - tables
        if missing:
            self._con.close()
            raise StoreError(f"{path} is not a Marsad store (missing tables: {', '.join(sorted(missing))})")
        self.path = path
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="marsad-store")
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()

    def close(self) -> None:
        self.pool.shutdown(wait=True)
        with self._lock:
            for cur in self._cursors:
                cur.close()
            self._cursors.clear()
        self._con.close()

    def _cur(self) -> duckdb.DuckDBPyConnection:
        """One cursor per thread: DuckDB connections must not be used from two threads at once."""
        cur = getattr(self._local, "cur", None)
        if cur is None:
            with self._lock:
                cur = self._con.cursor()
                self._cursors.append(cur)
            self._local.cur = cur
        return cur

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cur = self._cur().execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    # -- events ------------------------------------------------------------------------------
    def events(self, flt: EventFilter, limit: int, offset: int) -> dict[str, Any]:
        """``{"items": [...], "total": N, "limit", "offset"}`` for one page of matching events."""
        return json.loads(self.events_json(flt, limit, offset))

    def events_json(self, flt: EventFilter, limit: int, offset: int) -> str:
        """The same page, as JSON text built from the stored records without decoding them: a page of
        500 events is served in a fraction of the time a decode/re-encode round trip takes."""
        # Late materialisation: sort and page on the narrow columns first, then fetch the JSON
        # records of that page only (sorting rows that carry the full record is ~3x slower).
        where, params = flt.where()
        source = _FROM if flt.q else " FROM events e"  # the documents join is only needed to search titles
        page = self._cur().execute(
            "SELECT e.event_id, count(*) OVER () AS total" + source + where +
            " ORDER BY e.date DESC NULLS LAST, e.doc_id, e.evidence_start, e.event_id LIMIT ? OFFSET ?",
            params + [limit, offset]).fetchall()
        if page:
            total = page[0][1]
        else:
            total = self._cur().execute("SELECT count(*)" + source + where, params).fetchone()[0]
        order = [r[0] for r in page]
        rows = {r[0]: r for r in self._cur().execute(
            "SELECT e.event_id, e.record::VARCHAR, e.type, d.title, d.outlet, d.published" + _FROM +
            " WHERE e.event_id IN (SELECT unnest(?))", [order]).fetchall()} if order else {}
        quads = quad_of_type()
        items = []
        for event_id in order:
            _, record, type_, title, outlet, published = rows[event_id]
            extra = json.dumps({"quad": quads.get(type_ or ""), "doc_title": title, "doc_outlet": outlet,
                                "doc_published": published.isoformat() if published else None},
                               ensure_ascii=False)
            record = (record or "").rstrip()
            if record.startswith("{") and record.endswith("}"):
                # splice the display fields into the stored object: '{…}' + '{"quad": …}' → '{…, "quad": …}'
                inner = record[1:-1].strip()
                items.append("{" + inner + ("," if inner else "") + extra[1:])
            else:  # not an object (never written by Store): decode and re-encode
                items.append(json.dumps({**json.loads(record or "{}"), **json.loads(extra)}, ensure_ascii=False))
        return (f'{{"items":[{",".join(items)}],"total":{int(total)},"limit":{int(limit)},'
                f'"offset":{int(offset)}}}')

    def points(self, flt: EventFilter, cap: int) -> dict[str, Any]:
        """Slim rows for the map: events that have coordinates."""
        where, params = flt.where()
        where = (where + " AND" if where else " WHERE") + " e.lat IS NOT NULL AND e.lon IS NOT NULL"
        total = self._cur().execute("SELECT count(*)" + _FROM + where, params).fetchone()[0]
        rows = self._rows("SELECT e.event_id, e.type, e.date, e.lat, e.lon, e.location_name_ar AS place_ar,"
                          " e.location_name_en AS place_en" + _FROM + where +
                          " ORDER BY e.date DESC NULLS LAST, e.event_id LIMIT ?", params + [cap])
        quads = quad_of_type()
        for r in rows:
            r["quad"] = quads.get(r["type"] or "")
        return {"items": rows, "total": int(total), "truncated": total > len(rows)}

    def event(self, event_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT e.record, d.doc_id, d.title, d.outlet, d.published, d.url, d.source, d.text"
                          + _FROM + " WHERE e.event_id = ?", [event_id])
        if not rows:
            return None
        row = rows[0]
        ev = json.loads(row["record"])
        text = row["text"] or ""
        mentions = self._rows("SELECT start_char AS start, end_char AS \"end\", text, label, actor_id, place_id"
                              " FROM mentions WHERE doc_id = ? ORDER BY start_char", [row["doc_id"]])
        spans, evidence = event_spans(ev, text, mentions)
        return {
            "event": ev,
            "quad": quad_of_type().get(ev.get("type") or ""),
            "evidence": evidence,
            "spans": spans,
            "document": {
                "doc_id": row["doc_id"], "title": row["title"], "outlet": row["outlet"],
                "published": row["published"].isoformat() if row["published"] else None,
                "url": row["url"], "source": row["source"], "text": text,
            },
        }

    # -- documents ---------------------------------------------------------------------------
    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT doc_id, source, status, error, title, outlet, published, published_basis, url,"
                          " language, n_sentences, n_events, content_sha256, duplicate_of, similarity, text"
                          " FROM documents WHERE doc_id = ?", [doc_id])
        if not rows:
            return None
        doc = rows[0]
        if doc["published"] is not None:
            doc["published"] = doc["published"].isoformat()
        doc["events"] = self._rows(
            "SELECT event_id, type, status, date, evidence_start AS start, evidence_end AS \"end\""
            " FROM events WHERE doc_id = ? ORDER BY evidence_start, event_id", [doc_id])
        doc["mentions"] = self._rows(
            "SELECT start_char AS start, end_char AS \"end\", text, label, actor_id, place_id"
            " FROM mentions WHERE doc_id = ? ORDER BY start_char", [doc_id])
        return doc

    # -- actors ------------------------------------------------------------------------------
    def actors(self, search: str | None, limit: int, offset: int) -> dict[str, Any]:
        where = " WHERE actor_id IS NOT NULL"
        params: list[Any] = []
        if search:
            where += f" AND ({_matches('actor_id')} OR {_matches('name_en')} OR {_matches('name_ar')})"
            params += [search_pattern(search)] * 3
        base = (" FROM event_actors" + where + " GROUP BY actor_id")
        total = self._cur().execute("SELECT count(*) FROM (SELECT actor_id" + base + ")", params).fetchone()[0]
        items = self._rows(
            "SELECT actor_id AS id, any_value(name_en) AS name_en, any_value(name_ar) AS name_ar,"
            " any_value(country) AS country, any_value(sector) AS sector,"
            " count(DISTINCT event_id) AS n_events,"
            " count(DISTINCT event_id) FILTER (WHERE side = 'actor') AS as_actor,"
            " count(DISTINCT event_id) FILTER (WHERE side = 'recipient') AS as_recipient"
            + base + " ORDER BY n_events DESC, id LIMIT ? OFFSET ?", params + [limit, offset])
        return {"items": items, "total": int(total)}

    # -- network -----------------------------------------------------------------------------
    def graph(self, flt: EventFilter, max_nodes: int) -> dict[str, Any]:
        """Directed actor → recipient edges with counts per quad class."""
        where, params = flt.where()
        rows = self._rows(
            "WITH ev AS (SELECT e.event_id, e.type" + _FROM + where + ")"
            " SELECT a.actor_id AS source, r.actor_id AS target, ev.type, count(DISTINCT ev.event_id) AS n"
            " FROM ev JOIN event_actors a ON a.event_id = ev.event_id AND a.side = 'actor'"
            " JOIN event_actors r ON r.event_id = ev.event_id AND r.side = 'recipient'"
            " WHERE a.actor_id IS NOT NULL AND r.actor_id IS NOT NULL AND a.actor_id <> r.actor_id"
            " GROUP BY ALL", params)
        quads = quad_of_type()
        edges: dict[tuple[str, str], dict[str, Any]] = {}
        degree: dict[str, int] = {}
        for r in rows:
            key = (r["source"], r["target"])
            edge = edges.setdefault(key, {"source": key[0], "target": key[1], "n_events": 0,
                                          "cooperation": 0, "conflict": 0, "types": {}})
            n = int(r["n"])
            edge["n_events"] += n
            edge["types"][r["type"]] = edge["types"].get(r["type"], 0) + n
            quad = quads.get(r["type"] or "", "")
            if quad.endswith("cooperation"):
                edge["cooperation"] += n
            elif quad.endswith("conflict"):
                edge["conflict"] += n
            for node in key:
                degree[node] = degree.get(node, 0) + n
        keep = set(sorted(degree, key=lambda k: (-degree[k], k))[:max_nodes])
        names = {}
        if keep:
            names = {r["id"]: r for r in self._rows(
                "SELECT actor_id AS id, any_value(name_en) AS name_en, any_value(name_ar) AS name_ar,"
                " any_value(country) AS country FROM event_actors WHERE actor_id IN (SELECT unnest(?))"
                " GROUP BY actor_id", [sorted(keep)])}
        nodes = [{**names.get(k, {"id": k, "name_en": None, "name_ar": None, "country": None}),
                  "n_events": degree[k]} for k in sorted(keep, key=lambda k: (-degree[k], k))]
        kept_edges = [e for e in edges.values() if e["source"] in keep and e["target"] in keep]
        kept_edges.sort(key=lambda e: (-e["n_events"], e["source"], e["target"]))
        return {"nodes": nodes, "edges": kept_edges, "truncated": len(keep) < len(degree)}

    # -- timeline ----------------------------------------------------------------------------
    def timeline(self, flt: EventFilter, granularity: str) -> dict[str, Any]:
        """Event counts per period and type. Events dated more coarsely than the granularity are not
        spread over invented periods: they are counted in ``imprecise`` instead."""
        fine_enough = {"year": "length(e.date) >= 4", "month": "length(e.date) >= 7",
                       "week": "length(e.date) >= 10"}[granularity]
        base_where, params = flt.where()
        conj = base_where + " AND" if base_where else " WHERE"
        where = conj + " e.date IS NOT NULL"
        bucket = f"strftime(date_trunc('{granularity}', {_period_start()}), '%Y-%m-%d')"
        rows = self._rows(
            f"SELECT {bucket} AS period, e.type, count(*) AS n" + _FROM + where + f" AND {fine_enough}"
            " GROUP BY ALL ORDER BY period, e.type", params)
        imprecise = self._cur().execute(
            "SELECT count(*)" + _FROM + where + f" AND NOT ({fine_enough})", params).fetchone()[0]
        undated = self._cur().execute(
            "SELECT count(*)" + _FROM + conj + " e.date IS NULL", params).fetchone()[0]
        periods = sorted({r["period"] for r in rows})
        if granularity == "month":
            periods = [p[:7] for p in periods]
            for r in rows:
                r["period"] = r["period"][:7]
        elif granularity == "year":
            periods = [p[:4] for p in periods]
            for r in rows:
                r["period"] = r["period"][:4]
        series: dict[str, list[int]] = {}
        index = {p: i for i, p in enumerate(periods)}
        for r in rows:
            series.setdefault(r["type"], [0] * len(periods))[index[r["period"]]] += int(r["n"])
        return {"granularity": granularity, "periods": periods, "series": series,
                "rows": [{"period": r["period"], "type": r["type"], "n": int(r["n"])} for r in rows],
                "imprecise": int(imprecise), "undated": int(undated)}

    # -- overview ----------------------------------------------------------------------------
    def meta(self) -> dict[str, Any]:
        cur = self._cur()
        n_docs, n_events = cur.execute(
            "SELECT (SELECT count(*) FROM documents WHERE status = 'ok'), (SELECT count(*) FROM events)").fetchone()
        dmin, dmax = cur.execute("SELECT min(left(date, 10)), max(left(date, 10)) FROM events").fetchone()
        by_type = dict(cur.execute("SELECT type, count(*) FROM events GROUP BY type").fetchall())
        quads = quad_of_type()
        return {
            "documents": int(n_docs), "events": int(n_events), "date_min": dmin, "date_max": dmax,
            "types": [{"type": t, "quad": quads.get(t), "n": int(by_type.get(t, 0))} for t in EVENT_TYPES],
            "statuses": list(STATUSES), "quads": list(QUADS),
        }
