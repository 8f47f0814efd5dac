"""Exports of the store for the tools analysts already use.

* ``plover-jsonl`` — one POLECAT-style record per event (type, mode, actors with names and ids,
  date, location, source text, outlet, cluster).
* ``acled-csv`` — ACLED column names where a counterpart exists, types mapped by ``data/acled.yaml``.
* ``parquet`` — a flat table of events written by DuckDB ``COPY``.
* ``geojson`` — a FeatureCollection of the events that have coordinates.
* ``graphml`` — the actor network of :func:`marsad.store.query.graph` (``.json`` for the same as JSON).

Every writer takes the same filters as :func:`marsad.store.query.query_events` and returns the
number of records written. ``canonical=True`` keeps one event per cluster (its canonical event),
which is what a count of happenings needs.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from marsad.corpus.ontology import load_acled_mapping, load_ontology
from marsad.store import query as Q

FORMATS = ("plover-jsonl", "acled-csv", "parquet", "geojson", "graphml")
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
                 "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location", "latitude",
                 "longitude", "geo_precision", "source", "notes", "fatalities")
# Marsad columns appended after ACLED's, so nothing the analyst may need to trace back is lost.
ACLED_EXTRA = ("marsad_event_id", "plover_type", "plover_mode", "status", "cluster_id")
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def _events(con: duckdb.DuckDBPyConnection, filters: dict[str, Any]) -> list[dict[str, Any]]:
    return Q.query_events(con, full=True, **filters)


def _cluster_outlets(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    try:
        rows = con.execute("SELECT c.cluster_id, list_distinct(list(d.outlet)) FROM events e"
                           " JOIN documents d ON d.doc_id = e.doc_id JOIN clusters c ON c.cluster_id = e.cluster_id"
                           " WHERE d.outlet IS NOT NULL GROUP BY c.cluster_id").fetchall()
    except duckdb.CatalogException:  # a store written before clusters existed
        return {}
    return {cid: sorted(o for o in outlets if o) for cid, outlets in rows}


def _cluster_stats(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    try:
        return {r[0]: (r[1], r[2]) for r in con.execute(
            "SELECT cluster_id, n_documents, n_outlets FROM clusters").fetchall()}
    except duckdb.CatalogException:
        return {}


# --- PLOVER / POLECAT-style JSONL --------------------------------------------------------------------------
def _participant(a: dict[str, Any]) -> dict[str, Any]:
    return {"id": a.get("id"), "name": a.get("name_en") or a.get("name_ar") or a.get("text"),
            "name_ar": a.get("name_ar"), "country": a.get("country"), "sector": a.get("sector"),
            "wikidata": a.get("wikidata"), "text": a.get("text")}


def plover_record(row: dict[str, Any], stats: dict[str, tuple[int, int]]) -> dict[str, Any]:
    """The POLECAT-style record of one event row of :func:`query_events` (``full=True``)."""
    rec = row["record"]
    loc = rec.get("location") or None
    quad = load_ontology().quad.get(rec.get("type") or "")
    n_docs, n_outlets = stats.get(row.get("cluster_id") or "", (1, 1))
    return {
        "event_id": rec["event_id"], "event_type": rec.get("type"), "event_mode": rec.get("mode"),
        "quad_class": quad, "cameo": rec.get("cameo"),
        "event_date": rec.get("date"), "date_precision": rec.get("date_precision"), "date_text": rec.get("date_text"),
        "story_date": row["published"].isoformat() if row.get("published") else None,
        "actors": [_participant(a) for a in rec.get("actor") or []],
        "recipients": [_participant(a) for a in rec.get("recipient") or []],
        "location": ({"name": loc.get("name_en") or loc.get("name_ar"), "name_ar": loc.get("name_ar"),
                      "country": loc.get("country"), "geonameid": loc.get("geonames_id"), "lat": loc.get("lat"),
                      "lon": loc.get("lon"), "text": loc.get("text")} if loc else None),
        "status": rec.get("status"), "attributed_to": rec.get("source"), "quantities": rec.get("quantities") or {},
        "source_text": (rec.get("evidence") or {}).get("text"),
        "source_offsets": [(rec.get("evidence") or {}).get("start"), (rec.get("evidence") or {}).get("end")],
        "doc_id": rec.get("doc_id"), "outlet": row.get("outlet"), "url": row.get("url"), "title": row.get("title"),
        "cluster_id": row.get("cluster_id"), "cluster_documents": n_docs, "cluster_outlets": n_outlets,
        "confidence": rec.get("confidence"), "language": "ar", "schema": "marsad.plover-export/1",
    }


def export_plover_jsonl(con: duckdb.DuckDBPyConnection, out: Path, **filters: Any) -> int:
    stats = _cluster_stats(con)
    rows = _events(con, filters)
    with open(out, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(plover_record(row, stats), ensure_ascii=False, default=str) + "\n")
    return len(rows)


# --- ACLED-style CSV ---------------------------------------------------------------------------------------------
def acled_type(plover_type: str | None, mode: str | None) -> tuple[str, str] | None:
    """``(event_type, sub_event_type)`` for a PLOVER type and mode, or None if ACLED does not code it."""
    mapping = load_acled_mapping()
    if not plover_type or plover_type in mapping.get("not_exported", ()):
        return None
    for rule in mapping["types"].get(plover_type, ()):
        if not rule.get("modes") or (mode and mode in rule["modes"]):
            return rule["event_type"], rule["sub_event_type"]
    return None


def _country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    try:
        from marsad.knowledge import load_actors
        st = load_actors().state(iso3)
    except Exception:  # noqa: BLE001 - the ISO code is an acceptable stand-in
        st = None
    return st.name_en if st else iso3


def _names(parts: list[dict[str, Any]]) -> list[str]:
    return [p.get("name_en") or p.get("name_ar") or p.get("text") or p.get("id") or "" for p in parts]


# ACLED records what happened: planned, claimed (opinion) and denied events are left out unless the caller
# asks for a status explicitly.
ACLED_DEFAULT_STATUSES = ("asserted", "reported")


def export_acled_csv(con: duckdb.DuckDBPyConnection, out: Path, **filters: Any) -> int:
    """Write the events ACLED has a category for; returns how many rows were written.

    Without a ``status`` filter only asserted and reported events are written (ACLED codes happenings,
    not plans, opinions or denials).
    """
    if not filters.get("status"):
        filters = {**filters, "status": list(ACLED_DEFAULT_STATUSES)}
    mapping = load_acled_mapping()
    precision = mapping["time_precision"]
    outlets = _cluster_outlets(con) if filters.get("canonical") else {}
    counters: dict[str, int] = {}
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(ACLED_COLUMNS + ACLED_EXTRA)
        for row in _events(con, filters):
            rec = row["record"]
            kind = acled_type(rec.get("type"), rec.get("mode"))
            if kind is None:
                continue
            loc = rec.get("location") or {}
            day = row.get("date_lo")
            if day is None:
                continue  # neither an event date nor a publication date: ACLED rows need a date
            notes = (rec.get("evidence") or {}).get("text") or ""
            if not rec.get("date"):
                notes = f"[date: publication date of the report] {notes}"
            elif rec.get("date_precision") == "year":
                notes = f"[date: year only, {rec['date']}] {notes}"
            iso = loc.get("country") or ""
            counters[iso or "XXX"] = counters.get(iso or "XXX", 0) + 1
            actors, recipients = _names(rec.get("actor") or []), _names(rec.get("recipient") or [])
            is_country = bool(loc) and (loc.get("name_en") or "") == _country_name(loc.get("country"))
            geo = "" if not loc else (3 if is_country else (1 if loc.get("lat") is not None else 2))
            source = "; ".join(outlets.get(row.get("cluster_id") or "", [])) or (row.get("outlet") or "")
            w.writerow([
                f"{iso or 'XXX'}{counters[iso or 'XXX']}", day.isoformat(), day.year,
                precision.get(rec.get("date_precision") or "", 3) if rec.get("date") else 3,
                kind[0], kind[1], actors[0] if actors else "", "; ".join(actors[1:]),
                recipients[0] if recipients else "", "; ".join(recipients[1:]), _country_name(iso), "",
                loc.get("name_en") or loc.get("name_ar") or "", loc.get("lat") if loc.get("lat") is not None else "",
                loc.get("lon") if loc.get("lon") is not None else "", geo, source, notes,
                int((rec.get("quantities") or {}).get("killed") or 0),
                rec["event_id"], rec.get("type"), rec.get("mode") or "", rec.get("status") or "",
                row.get("cluster_id") or ""])
            n += 1
    return n


# --- Parquet -----------------------------------------------------------------------------------------------------
def export_parquet(con: duckdb.DuckDBPyConnection, out: Path, **filters: Any) -> int:
    """A flat events table (one row per event, participants as lists) written by DuckDB COPY."""
    where, params = Q._where(con, **filters)  # noqa: SLF001 - same filters as the query surface
    quad_sql, quad_params = Q._quad_values()  # noqa: SLF001
    select = f"""
    WITH ev0 AS ({Q._BASE}), ev AS (SELECT * FROM ev0{where}), quad AS ({quad_sql}),
    parts AS (SELECT event_id,
                     list(actor_id ORDER BY position) FILTER (WHERE side = 'actor') AS actor_ids,
                     list(coalesce(name_en, name_ar, text) ORDER BY position) FILTER (WHERE side = 'actor')
                         AS actor_names,
                     list(actor_id ORDER BY position) FILTER (WHERE side = 'recipient') AS recipient_ids,
                     list(coalesce(name_en, name_ar, text) ORDER BY position) FILTER (WHERE side = 'recipient')
                         AS recipient_names
              FROM event_actors GROUP BY event_id)
    SELECT ev.event_id, ev.doc_id, ev.cluster_id, ev.type, ev.mode, ev.cameo, quad.quad AS quad_class,
           ev.date, ev.date_precision, ev.date_text, ev.date_lo, ev.date_hi, ev.status, ev.source,
           parts.actor_ids, parts.actor_names, parts.recipient_ids, parts.recipient_names,
           ev.location_name_en, ev.location_name_ar, ev.location_country, ev.geonames_id, ev.lat, ev.lon,
           CAST(ev.quantities AS VARCHAR) AS quantities,
           TRY_CAST(json_extract_string(ev.quantities, '$.killed') AS INTEGER) AS killed,
           ev.evidence_text, ev.evidence_start, ev.evidence_end, ev.confidence,
           ev.outlet, ev.published, ev.title, ev.url
    FROM ev LEFT JOIN parts ON parts.event_id = ev.event_id LEFT JOIN quad ON quad.type = ev.type
    ORDER BY ev.date_lo NULLS LAST, ev.event_id"""
    target = str(out).replace("'", "''")
    con.execute(f"COPY ({select}) TO '{target}' (FORMAT PARQUET)", params + quad_params)
    return con.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchone()[0]


# --- GeoJSON -----------------------------------------------------------------------------------------------------
def export_geojson(con: duckdb.DuckDBPyConnection, out: Path, **filters: Any) -> int:
    """A FeatureCollection of the events whose location has coordinates (RFC 7946: [lon, lat])."""
    features = []
    for row in _events(con, filters):
        if row.get("lat") is None or row.get("lon") is None:
            continue
        rec = row["record"]
        features.append({
            "type": "Feature", "id": rec["event_id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {
                "event_id": rec["event_id"], "type": rec.get("type"), "mode": rec.get("mode"),
                "date": rec.get("date"), "date_precision": rec.get("date_precision"), "status": rec.get("status"),
                "actors": _names(rec.get("actor") or []), "recipients": _names(rec.get("recipient") or []),
                "location": row.get("location_name_en") or row.get("location_name_ar"),
                "country": row.get("location_country"), "geonames_id": row.get("geonames_id"),
                "evidence": (rec.get("evidence") or {}).get("text"), "doc_id": rec.get("doc_id"),
                "outlet": row.get("outlet"), "cluster_id": row.get("cluster_id"),
            }})
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False, default=str)
    return len(features)


# --- GraphML / JSON network ----------------------------------------------------------------------------------------
_GRAPHML_TYPES = {bool: "boolean", int: "int", float: "double", str: "string"}


def write_graphml(g: dict[str, list[dict[str, Any]]], out: Path) -> None:
    """Write ``{"nodes", "edges"}`` as a directed GraphML graph (attributes declared as ``<key>``s)."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    keys: dict[tuple[str, str], str] = {}
    for domain, items, skip in (("node", g["nodes"], {"id"}), ("edge", g["edges"], {"source", "target"})):
        for item in items:
            for name, value in item.items():
                if name in skip or value is None or (domain, name) in keys:
                    continue
                kid = f"{domain[0]}_{name}"
                keys[(domain, name)] = kid
                ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": kid, "for": domain, "attr.name": name,
                                                             "attr.type": _GRAPHML_TYPES.get(type(value), "string")})
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "marsad", "edgedefault": "directed"})

    def data(parent: ET.Element, domain: str, item: dict[str, Any], skip: set[str]) -> None:
        for name, value in item.items():
            if name in skip or value is None:
                continue
            el = ET.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": keys[(domain, name)]})
            el.text = str(value).lower() if isinstance(value, bool) else str(value)

    for node in g["nodes"]:
        data(ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": node["id"]}), "node", node, {"id"})
    for i, edge in enumerate(g["edges"]):
        el = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge",
                           {"id": f"e{i}", "source": edge["source"], "target": edge["target"]})
        data(el, "edge", edge, {"source", "target"})
    ET.indent(root)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)


def export_graph(con: duckdb.DuckDBPyConnection, out: Path, start: Any = None, end: Any = None,
                 **options: Any) -> int:
    """The actor network of ``[start, end]`` as GraphML (``.graphml``/``.xml``) or JSON (other suffixes)."""
    g = Q.graph(con, start, end, **options)
    if Path(out).suffix.lower() in (".graphml", ".xml"):
        write_graphml(g, Path(out))
    else:
        with open(out, "w", encoding="utf-8") as fh:
            json.dump(g, fh, ensure_ascii=False, indent=1, default=str)
    return len(g["edges"])


def _graphml(con: duckdb.DuckDBPyConnection, out: Path, **filters: Any) -> int:
    opts = {k: v for k, v in filters.items() if k in ("start", "end", "type") and v is not None}
    g = Q.graph(con, **opts)
    write_graphml(g, Path(out))
    return len(g["edges"])


WRITERS: dict[str, Callable[..., int]] = {
    "plover-jsonl": export_plover_jsonl, "acled-csv": export_acled_csv, "parquet": export_parquet,
    "geojson": export_geojson, "graphml": _graphml,
}


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: Path, **filters: Any) -> int:
    """Write the store in format ``fmt`` (one of :data:`FORMATS`) to ``out``; returns the record count."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return WRITERS[fmt](con, Path(out), **{k: v for k, v in filters.items() if v not in (None, False)})
