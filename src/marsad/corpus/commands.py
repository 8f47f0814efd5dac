"""CLI commands over the store (events, actors, graph, timeline, export): registered on the main app.

All of them open the store read-only and exit with code 2 (bad usage) on a missing store, a bad
date or an unknown event type, with a message saying what was expected.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

DEFAULT_DB = Path("marsad-output/marsad.duckdb")
EVIDENCE_WIDTH = 90


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    plover_jsonl = "plover-jsonl"
    acled_csv = "acled-csv"
    parquet = "parquet"
    geojson = "geojson"
    graphml = "graphml"


class Level(StrEnum):
    actor = "actor"
    country = "country"


DbOpt = Annotated[Path, typer.Option("--db", help="The DuckDB store written by `marsad run`.")]
FromOpt = Annotated[str | None, typer.Option("--from", help="Start: YYYY, YYYY-MM or YYYY-MM-DD.")]
ToOpt = Annotated[str | None, typer.Option("--to", help="End (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.")]
TypeOpt = Annotated[str | None, typer.Option("--type", "-t", help="PLOVER type(s), comma-separated (ASSAULT,COERCE).")]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"marsad: {message}", err=True)
    return typer.Exit(2)


@contextmanager
def _open(db: Path):  # noqa: ANN202 - a context manager of a DuckDB connection
    import duckdb
    if not db.is_file():
        raise _fail(f"no store at {db} (run `marsad run … --out DIR` first, or pass --db DIR/marsad.duckdb)")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise _fail(f"cannot open {db}: {exc}") from exc
    try:
        yield con
    finally:
        con.close()


def _check_dates(start: str | None, end: str | None) -> None:
    from marsad.store.query import parse_day
    for flag, value in (("--from", start), ("--to", end)):
        try:
            parse_day(value)
        except ValueError as exc:
            raise _fail(f"{flag}: {exc}") from exc
    if start and end and parse_day(start) > parse_day(end, end=True):
        raise _fail(f"--from {start} is after --to {end}")


def _check_types(types: str | None) -> None:
    if not types:
        return
    from marsad.corpus.ontology import load_ontology
    known = load_ontology().types
    bad = [t for t in (p.strip().upper() for p in types.split(",")) if t and t not in known]
    if bad:
        raise _fail(f"unknown event type {', '.join(bad)}; PLOVER types are {', '.join(known)}")


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _emit(rows: list[dict[str, Any]], fmt: OutputFormat, columns: list[str], table: Any) -> None:
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps([{k: _jsonable(v) for k, v in r.items()} for r in rows],
                                    ensure_ascii=False, indent=1) + "\n")
    elif fmt is OutputFormat.csv:
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for r in rows:
            w.writerow(["; ".join(map(str, v)) if isinstance(v, list) else _jsonable(v) for v in
                        (r.get(c) for c in columns)])
    else:
        from rich.console import Console
        Console(width=max(160, Console().width)).print(table)


def _shorten(text: str | None, width: int = EVIDENCE_WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def register(app: typer.Typer) -> None:
    """Add this package's commands to ``app``."""

    @app.command()
    def events(
        db: DbOpt = DEFAULT_DB,
        actor: Annotated[str | None, typer.Option("--actor", "-a", help="Actor id or name, Arabic or English.")] = None,
        type_: TypeOpt = None,
        start: FromOpt = None,
        end: ToOpt = None,
        place: Annotated[str | None, typer.Option("--place", help="Place name (Arabic/English) or GeoNames id.")] = None,
        country: Annotated[str | None, typer.Option("--country", help="ISO3 code of the event's location.")] = None,
        status: Annotated[str | None, typer.Option("--status", help="asserted,reported,planned,claimed,negated")] = None,
        q: Annotated[str | None, typer.Option("--q", help="Text in the evidence sentence or headline.")] = None,
        canonical: Annotated[bool, typer.Option("--canonical", help="One event per cluster.")] = False,
        limit: Annotated[int, typer.Option("--limit", min=0, help="At most this many rows (0: all).")] = 100,
        offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
        fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    ) -> None:
        """Events of the store matching every filter (oldest first)."""
        from rich.table import Table

        from marsad.store.query import count_events, query_events
        _check_dates(start, end)
        _check_types(type_)
        filters = dict(actor=actor, type=type_, start=start, end=end, place=place, country=country, status=status,
                       q=q, canonical=canonical)
        with _open(db) as con:
            rows = query_events(con, limit=limit or None, offset=offset, **filters)
            total = count_events(con, **filters) if fmt is OutputFormat.table else len(rows)
        for r in rows:
            r.pop("date_lo", None)
            r.pop("date_hi", None)
        table = Table(title=f"{len(rows)} of {total} events", show_lines=False)
        for col in ("date", "type", "actor → recipient", "place", "status", "evidence", "event_id"):
            table.add_column(col, overflow="fold" if col == "evidence" else "ellipsis")
        for r in rows:
            who = ", ".join(map(str, r["actors"])) + (" → " + ", ".join(map(str, r["recipients"]))
                                                      if r["recipients"] else "")
            table.add_row(r["date"] or (f"({r['published']})" if r.get("published") else ""), r["type"] or "",
                          who, r["location_name_en"] or r["location_name_ar"] or "", r["status"] or "",
                          _shorten(r["evidence_text"]), r["event_id"])
        columns = ["event_id", "doc_id", "date", "date_precision", "type", "mode", "actors", "actor_ids",
                   "recipients", "recipient_ids", "location_name_en", "location_country", "lat", "lon", "status",
                   "source", "evidence_text", "evidence_start", "evidence_end", "confidence", "cluster_id",
                   "outlet", "published"]
        _emit(rows, fmt, columns, table)

    @app.command()
    def actors(
        db: DbOpt = DEFAULT_DB,
        top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many actors.")] = 20,
        start: FromOpt = None,
        end: ToOpt = None,
        type_: TypeOpt = None,
        fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    ) -> None:
        """The actors taking part in the most events."""
        from rich.table import Table

        from marsad.store.query import top_actors
        _check_dates(start, end)
        _check_types(type_)
        with _open(db) as con:
            rows = top_actors(con, top, start=start, end=end, type=type_)
        table = Table(title=f"top {len(rows)} actors")
        for col in ("actor", "name", "الاسم", "country", "events", "as actor", "as recipient", "first", "last"):
            table.add_column(col)
        for r in rows:
            table.add_row(r["actor_id"], r["name_en"] or "", r["name_ar"] or "", r["country"] or "",
                          str(r["n_events"]), str(r["n_as_actor"]), str(r["n_as_recipient"]),
                          str(r["first_date"] or ""), str(r["last_date"] or ""))
        _emit(rows, fmt, ["actor_id", "name_en", "name_ar", "country", "n_events", "n_as_actor", "n_as_recipient",
                          "first_date", "last_date"], table)

    @app.command()
    def graph(
        db: DbOpt = DEFAULT_DB,
        start: FromOpt = None,
        end: ToOpt = None,
        out: Annotated[Path, typer.Option("--out", "-o", help="FILE.graphml or FILE.json")] = Path("marsad-graph.graphml"),
        level: Annotated[Level, typer.Option("--level", help="Nodes are actors or their countries.")] = Level.actor,
        min_events: Annotated[int, typer.Option("--min-events", min=1, help="Drop lighter edges.")] = 1,
        include_negated: Annotated[bool, typer.Option("--include-negated", help="Keep denied events.")] = False,
        type_: TypeOpt = None,
    ) -> None:
        """The actor network of a period: edges weighted and signed by PLOVER quad class."""
        from marsad.corpus.export import export_graph
        _check_dates(start, end)
        _check_types(type_)
        if out.suffix.lower() not in (".graphml", ".xml", ".json"):
            raise _fail(f"--out must end in .graphml or .json, got {out.name}")
        with _open(db) as con:
            n = export_graph(con, out, start, end, level=level.value, min_events=min_events,
                             include_negated=include_negated, type=type_)
        typer.echo(f"marsad: {n} edges → {out}", err=True)

    @app.command()
    def timeline(
        actor: Annotated[str, typer.Option("--actor", "-a", help="Actor id/name (ISO3 with --level country).")],
        other: Annotated[str | None, typer.Option("--with", help="Only events between --actor and this one.")] = None,
        db: DbOpt = DEFAULT_DB,
        start: FromOpt = None,
        end: ToOpt = None,
        granularity: Annotated[str, typer.Option("--by", help="day|week|month|quarter|year")] = "month",
        level: Annotated[Level, typer.Option("--level")] = Level.actor,
        fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    ) -> None:
        """Cooperation vs conflict per period for an actor or an actor pair (e.g. RUS --with IRN)."""
        from rich.table import Table

        from marsad.store.query import timeline as series
        _check_dates(start, end)
        if granularity not in ("day", "week", "month", "quarter", "year"):
            raise _fail(f"--by must be day, week, month, quarter or year, got {granularity!r}")
        with _open(db) as con:
            rows = series(con, actor, other, granularity, start, end, level=level.value)
        cols = ["period", "n_events", "cooperation", "conflict", "verbal_cooperation", "material_cooperation",
                "verbal_conflict", "material_conflict"]
        table = Table(title=f"{actor}{' – ' + other if other else ''} by {granularity}")
        for c in cols:
            table.add_column(c)
        for r in rows:
            table.add_row(*(str(r[c]) for c in cols))
        _emit(rows, fmt, cols, table)

    @app.command()
    def export(
        fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
        out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
        db: DbOpt = DEFAULT_DB,
        start: FromOpt = None,
        end: ToOpt = None,
        type_: TypeOpt = None,
        actor: Annotated[str | None, typer.Option("--actor", "-a")] = None,
        canonical: Annotated[bool, typer.Option("--canonical", help="One event per cluster (deduplicated).")] = False,
    ) -> None:
        """Export the store: plover-jsonl, acled-csv, parquet, geojson or graphml."""
        from marsad.corpus.export import export as write
        _check_dates(start, end)
        _check_types(type_)
        out.parent.mkdir(parents=True, exist_ok=True)
        with _open(db) as con:
            n = write(con, fmt.value, out, start=start, end=end, type=type_, actor=actor, canonical=canonical)
        what = "edges" if fmt is ExportFormat.graphml else "records"
        typer.echo(f"marsad: {n} {what} → {out}", err=True)
