"""The store as DataFrames: ``marsad.open_store(path).events(actor="Shoigu")`` and friends.

DuckDB hands results to pandas (or Arrow) column by column, so nothing is copied row by row in
Python; the filters are the same as ``marsad events`` and the HTTP API (:mod:`marsad.store.query`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from marsad.store import query

__all__ = ["StoreFrames", "open_store"]


class StoreFrames:
    """Read-only DataFrame views over one Marsad store."""

    def __init__(self, path: str | Path) -> None:
        if not Path(path).exists():
            raise FileNotFoundError(f"no Marsad store at {path}")
        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=True)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> StoreFrames:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _out(self, sql: str, params: list[Any] | None, as_arrow: bool) -> Any:
        rel = self.con.sql(sql, params=params or None)
        return rel.to_arrow_table() if as_arrow else rel.df()

    def events(self, *, as_arrow: bool = False, **filters: Any) -> Any:
        """Events with the filters of ``marsad events``: actor (Arabic or English name, or id), type, start,
        end, place, country, status, q. One row per event; ``record`` holds the contract JSON."""
        where, params = query._where(self.con, **filters)
        sql = (f"WITH ev AS ({query._BASE}) SELECT * EXCLUDE (date_lo, date_hi) FROM ev{where} "
               "ORDER BY date_lo NULLS LAST, event_id")
        return self._out(sql, params, as_arrow)

    def participants(self, *, as_arrow: bool = False) -> Any:
        """One row per (event, actor or recipient): the link table, for pivots and networks."""
        return self._out("SELECT * FROM event_actors ORDER BY event_id, side, position", None, as_arrow)

    def actors(self, top: int | None = None, *, as_arrow: bool = False) -> Any:
        """Actors by number of events (as actor or recipient), busiest first."""
        import pandas as pd
        df = pd.DataFrame(query.top_actors(self.con, n=top))
        return _arrow(df) if as_arrow else df

    def graph(self, start: str | None = None, end: str | None = None, *, as_arrow: bool = False) -> Any:
        """Edges of the actor network in a period (weights and PLOVER quad classes)."""
        import pandas as pd
        df = pd.DataFrame(query.graph(self.con, start, end)["edges"])
        return _arrow(df) if as_arrow else df

    def documents(self, *, with_text: bool = False, as_arrow: bool = False) -> Any:
        """One row per input document (documents.jsonl), optionally with the cleaned text."""
        cols = "*" if with_text else "* EXCLUDE (text)"
        return self._out(f"SELECT {cols} FROM documents ORDER BY doc_id", None, as_arrow)


def _arrow(df: Any) -> Any:
    import pyarrow as pa
    return pa.Table.from_pandas(df, preserve_index=False)


def open_store(path: str | Path) -> StoreFrames:
    """Open a store written by ``marsad run`` (read-only)."""
    return StoreFrames(path)
