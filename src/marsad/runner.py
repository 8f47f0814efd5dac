"""``marsad run``: stream inputs through the pipeline into the contract files and the store."""

from __future__ import annotations

import json
import logging
import multiprocessing as mp
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from marsad.ingest import DEFAULT_MAX_BYTES, RawInput, count_inputs, iter_inputs
from marsad.model import Document
from marsad.pipeline import Knowledge, process_raw
from marsad.store import Store

log = logging.getLogger("marsad.run")
BATCH = 64


@dataclass
class RunSummary:
    out_dir: Path
    db_path: Path
    processed: int = 0
    rejected: int = 0
    events: int = 0
    mentions: int = 0
    sentences: int = 0
    seconds: float = 0.0
    event_types: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    rejections: list[tuple[str, str]] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.processed + self.rejected


def _unique_ids(raws: Iterable[RawInput]) -> Iterator[tuple[RawInput, str]]:
    seen: dict[str, int] = {}
    for raw in raws:
        base = raw.default_id or "doc"
        n = seen.get(base, 0) + 1
        seen[base] = n
        yield raw, base if n == 1 else f"{base}~{n}"


_WORKER_KB: Knowledge | None = None


def _init_worker() -> None:
    global _WORKER_KB
    _WORKER_KB = Knowledge().warm()


def _work(item: tuple[RawInput, str]) -> Document:
    assert _WORKER_KB is not None
    return process_raw(item[0], item[1], _WORKER_KB)


def process_stream(raws: Iterable[RawInput], *, workers: int = 1, kb: Knowledge | None = None) -> Iterator[Document]:
    """Documents in input order, processed in this process or a pool of ``workers``."""
    items = _unique_ids(raws)
    if workers <= 1:
        kb = kb or Knowledge()
        for raw, doc_id in items:
            yield process_raw(raw, doc_id, kb)
        return
    ctx = mp.get_context("fork") if sys.platform != "win32" else mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        yield from pool.imap(_work, items, chunksize=4)


def run(inputs: list[str], out_dir: Path, *, db_path: Path | None = None, workers: int = 1,
        quiet: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[str] | None = None) -> RunSummary:
    out_dir.mkdir(parents=True, exist_ok=True)
    db_path = db_path or out_dir / "marsad.duckdb"
    summary = RunSummary(out_dir=out_dir, db_path=db_path)
    t0 = time.perf_counter()
    total = count_inputs(inputs)
    if any(p.lower().endswith((".jsonl", ".ndjson")) for p in inputs):
        total = None
    raws = iter_inputs(inputs, stdin=stdin, max_bytes=max_bytes)
    with ExitStack() as stack:
        store = stack.enter_context(Store.open(db_path))
        files = {name: stack.enter_context(open(out_dir / f"{name}.jsonl", "w", encoding="utf-8"))
                 for name in ("documents", "events", "mentions")}
        progress = stack.enter_context(_progress(quiet, total))
        batch: list[Document] = []
        for doc in process_stream(raws, workers=workers):
            _account(summary, doc)
            _write_lines(files, doc)
            batch.append(doc)
            if len(batch) >= BATCH:
                store.write(batch)
                batch.clear()
            progress.advance()
        store.write(batch)
        from marsad.corpus import finalize
        cross = finalize(store)
    _annotate(out_dir / "documents.jsonl", "doc_id",
              {k: {"duplicate_of": d.duplicate_of, "similarity": d.similarity} for k, d in cross.duplicates.items()})
    _annotate(out_dir / "events.jsonl", "event_id", {k: {"cluster_id": c} for k, c in cross.clusters.items()})
    summary.seconds = time.perf_counter() - t0
    return summary


def _annotate(path: Path, key: str, updates: dict[str, dict]) -> None:
    """Fill fields known only once the whole run is in the store (duplicates, event clusters)."""
    if not updates:
        return
    tmp = path.with_suffix(".jsonl.tmp")
    with open(path, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
        for line in src:
            rec = json.loads(line)
            upd = updates.get(rec.get(key))
            if upd:
                rec.update(upd)
                line = json.dumps(rec, ensure_ascii=False) + "\n"
            dst.write(line)
    tmp.replace(path)


def _account(s: RunSummary, doc: Document) -> None:
    if doc.status == "ok":
        s.processed += 1
    else:
        s.rejected += 1
        s.rejections.append((doc.source, doc.error or ""))
        log.info("rejected %s (stage %s): %s", doc.source, doc.failed_stage or "ingest", doc.error)
    s.events += len(doc.events)
    s.mentions += len(doc.mentions)
    s.sentences += len(doc.sentences)
    for e in doc.events:
        s.event_types[e.get("type")] += 1
        for a in e.get("actor") or []:
            s.actors[a.get("name_en") or a.get("id")] += 1


def _write_lines(files: dict[str, IO[str]], doc: Document) -> None:
    files["documents"].write(json.dumps(doc.record(), ensure_ascii=False) + "\n")
    for e in doc.events:
        files["events"].write(json.dumps(e, ensure_ascii=False) + "\n")
    for m in doc.mentions:
        files["mentions"].write(json.dumps(m.to_dict(doc.doc_id), ensure_ascii=False) + "\n")


class _progress:
    """A rich progress bar on stderr (docs/s, ETA), or nothing with --quiet."""

    def __init__(self, quiet: bool, total: int | None) -> None:
        self.bar = None
        if quiet:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        self.bar = Progress(SpinnerColumn(), TextColumn("marsad run"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                            TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("docs", total=total, rate="")
        self.t0 = time.perf_counter()
        self.n = 0

    def __enter__(self) -> _progress:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()

    def advance(self) -> None:
        if self.bar:
            self.n += 1
            rate = self.n / max(time.perf_counter() - self.t0, 1e-9)
            self.bar.update(self.task, advance=1, rate=f"{rate:.1f} docs/s")
