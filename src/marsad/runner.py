"""``marsad run``: stream inputs through the pipeline into the contract files and the store."""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO

from marsad.ingest import DEFAULT_MAX_BYTES, RawInput, count_inputs, iter_inputs
from marsad.model import Document
from marsad.pipeline import Knowledge, process_document
from marsad.scale.ahead import IngestAhead
from marsad.scale.pool import supervised_map
from marsad.scale.resume import Fingerprint, known_fingerprints, restore
from marsad.scale.work import (
    Item,
    Lines,
    Outcome,
    Result,
    analyse_many,
    encode_lines,
    init_worker,
    lost_document,
    outcome,
    work_chunk,
    work_items,
)
from marsad.store import Store
from marsad.store.rows import StoreRows, concat, rows_for

log = logging.getLogger("marsad.run")
# Documents per store transaction: a DuckDB commit and each INSERT carry a fixed cost, so bigger batches
# cost the parent process less (64 → 256: a fifth less store time); an interrupted run still commits them.
BATCH = 256
# With workers, the batch waiting when the last result arrives is written alone, with a core idle
# (its commit waits for the disk too). So once every input has been handed to the workers and at most
# TAIL documents are still being analysed, the batch is written early, while they finish: the last
# batch then holds at most TAIL documents. (A transaction costs ~12 ms of fixed CPU, so writing the
# whole tail in small batches instead cost the parent about as much as it saved.)
TAIL = 16
ENGINES = ("local", "dask")
# Documents analysed together (one NER batch, one task of a worker process).
CHUNK = 8
# Knowledge attributes (cached properties) whose presence means the knowledge is already loaded: then
# there is no wait to fill by ingesting ahead.
_LOADED = frozenset({"recognizer", "event_extractor"})


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
    skipped: int = 0  # already in the store unchanged: restored from it, not re-analysed
    event_types: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    rejections: list[tuple[str, str]] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # wall time of the runner's own phases
    # CPU time of this process's main thread per phase: the runner's own phases, and "engine" (the
    # analysis when it runs here; with workers, loading the knowledge they inherit and receiving
    # their results). With workers this is the serial share that competes with them for the cores.
    cpu: dict[str, float] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return self.processed + self.rejected


class _Tracked:
    """An iterator that counts the items taken from it and records when it is exhausted: a lazy
    engine has then taken every input, and ``taken`` minus the results received are still in flight."""

    def __init__(self, items: Iterable[Item]) -> None:
        self._items = iter(items)
        self.exhausted = False
        self.taken = 0

    def __iter__(self) -> Iterator[Item]:
        return self

    def __next__(self) -> Item:
        try:
            item = next(self._items)
        except StopIteration:
            self.exhausted = True
            raise
        self.taken += 1
        return item


def _unique_ids(raws: Iterable[RawInput]) -> Iterator[tuple[RawInput, str]]:
    seen: dict[str, int] = {}
    for raw in raws:
        base = raw.default_id or "doc"
        n = seen.get(base, 0) + 1
        seen[base] = n
        yield raw, base if n == 1 else f"{base}~{n}"


def _analysed(items: Iterable[Item], *, workers: int = 1, kb: Knowledge | None = None,
              known: frozenset[Fingerprint] = frozenset(), engine: str = "local",
              scheduler: str | None = None, parquet_dir: Path | None = None,
              ahead: bool = False) -> Iterator[Result]:
    """A :class:`~marsad.scale.work.Result` per input, in input order, from the chosen engine.

    ``ahead``: the inputs can be read again by another process (files, not stdin), so a pool may
    ingest the first ones while it loads the knowledge (:mod:`marsad.scale.ahead`)."""
    if engine == "dask":
        from marsad.scale.dask_engine import dask_stream
        yield from dask_stream(items, parquet_dir=parquet_dir or Path("marsad-output/parquet"),
                               scheduler=scheduler, workers=workers, known=known)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    kb = kb or Knowledge()
    if workers <= 1:
        items = iter(items)
        while group := list(islice(items, CHUNK)):
            for doc, skipped in analyse_many(group, kb, known):
                yield Result(outcome(doc), skipped, doc)
        return
    yield from _pool(work_chunk, items, workers, kb, known, ahead=ahead)


def _pool(fn: Callable[[list[Item]], list], items: Iterable[Item], workers: int, kb: Knowledge,
          known: frozenset[Fingerprint], *, ahead: bool = False) -> Iterator:
    """``fn`` over chunks of ``items`` in a supervised pool of ``workers`` processes, results in order."""
    forking = sys.platform.startswith("linux")
    # While the knowledge loads below, a helper ingests the first inputs on the otherwise idle core.
    helper = IngestAhead.start(items) if forking and ahead and kb.__dict__.keys().isdisjoint(_LOADED) else None
    # Warm once here: forked workers inherit the loaded knowledge instead of each loading it again.
    initargs = (kb.warm(), known) if forking else (None, known)
    if helper is not None:
        items = helper.merge(items)
    # CHUNK documents per task and 16 tasks per worker in flight (128 documents each): the workers keep
    # going while the parent writes a batch to the store.
    yield from supervised_map(fn, items, workers=workers, chunk=CHUNK, window=workers * 16,
                              initializer=init_worker, initargs=initargs, on_lost=lost_document, batched=True)


def process_stream(raws: Iterable[RawInput], *, workers: int = 1, kb: Knowledge | None = None) -> Iterator[Document]:
    """Documents in input order, processed in this process or a supervised pool of ``workers``.

    From a pool (``workers`` > 1) documents come back as the output files need them: without tokens,
    time expressions and the mentions' working ``extra`` (:func:`marsad.scale.work.trim`); the
    events already hold everything those gave them.
    """
    if workers <= 1:
        for result in _analysed(_unique_ids(raws), kb=kb):
            yield result.doc  # type: ignore[misc] - analysed here: the document is at hand
        return
    for result in _pool(work_items, _unique_ids(raws), workers, kb or Knowledge(), frozenset()):
        yield result.doc if isinstance(result, Result) else result[0]  # a lost input is a Result


def run(inputs: list[str], out_dir: str | Path, *, db_path: str | Path | None = None, workers: int = 1,
        quiet: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[str] | None = None,
        engine: str = "local", scheduler: str | None = None, resume: bool = True,
        published: str | None = None) -> RunSummary:
    """Run the pipeline on ``inputs``; write the contract files into ``out_dir`` and update the store.

    ``engine`` is ``local`` (this process, or a pool of ``workers`` processes) or ``dask`` (a LocalCluster
    of ``workers`` processes, or the cluster at ``scheduler``). With ``resume`` (the default) documents
    already in the store unchanged are restored from it instead of analysed again; every input is still
    listed in ``documents.jsonl``. Output files are written incrementally; if the run is interrupted the
    documents analysed so far are committed to the store, and running again completes the outputs.
    ``published`` (``YYYY-MM-DD``) is the publication date of documents that state none
    (``published_basis: "given"``).
    """
    out_dir = Path(out_dir)
    db_path = Path(db_path) if db_path is not None else None
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    db_path = db_path or out_dir / "marsad.duckdb"
    summary = RunSummary(out_dir=out_dir, db_path=db_path)
    t0 = time.perf_counter()
    total = count_inputs(inputs)
    if any(p.lower().endswith((".jsonl", ".ndjson")) for p in inputs):
        total = None
    if published is not None:
        published = date.fromisoformat(published).isoformat()  # ValueError for a bad date
    raws = iter_inputs(inputs, stdin=stdin, max_bytes=max_bytes, published=published)
    closing: _Background | None = None
    with ExitStack() as stack:
        store = Store.open(db_path)
        stack.callback(lambda: closing is None and store.close())  # closed here unless closing already
        if workers > 1 or engine == "dask":
            # While the workers use every core, DuckDB's own threads would only compete with them for it.
            store.con.execute("SET threads = 1")
        known = known_fingerprints(store) if resume else frozenset()
        files = {name: stack.enter_context(open(out_dir / f"{name}.jsonl", "w", encoding="utf-8"))
                 for name in ("documents", "events", "mentions")}
        progress = stack.enter_context(_progress(quiet, total))
        # The batch for the store, in input order: (document, its events' JSON) when this process has
        # the document, else (rows, index) — a worker's rows for its chunk and the document's place in them.
        batch: list[tuple[Document, dict[str, str]] | tuple[StoreRows, int]] = []
        new_shas: set[str] = set()
        local_kb: Knowledge | None = None

        def flush() -> None:
            t = _now()
            store.write_rows(_batch_rows(batch))
            batch.clear()
            _add(summary, "store", t)

        items = _Tracked(_unique_ids(raws))
        tail_written = False
        stream = _analysed(items, workers=workers, known=known, engine=engine, scheduler=scheduler,
                           ahead=stdin is None and "-" not in inputs,
                           parquet_dir=out_dir / "parquet")
        parallel = workers > 1 or engine == "dask"
        try:
            while True:
                t = _now()
                result = next(stream, None)
                _add(summary, "engine", t, wall=False)
                if result is None:
                    break
                doc, skipped, lines, done = result.doc, result.skipped, result.lines, result.outcome
                if parallel and summary.documents == 1:
                    # The cross-document pass's modules and data are loaded while the workers run, not
                    # after them when one core would sit idle.
                    import marsad.corpus
                    marsad.corpus.warm()
                if skipped and doc is not None:
                    t = _now()
                    if not restore(store, doc):  # gone since the run started (same text under another id)
                        local_kb = local_kb or Knowledge()
                        doc, skipped, lines = process_document(doc, local_kb), False, None
                    done = outcome(doc)
                    _add(summary, "restore", t)
                t = _now()
                _account(summary, done)
                summary.skipped += skipped
                if doc is not None:
                    encoded = _write_lines(files, doc, lines)
                else:
                    _write_encoded(files, lines)  # type: ignore[arg-type] - a worker's result has its lines
                _add(summary, "write", t)
                # A restored document is rewritten only when this run also wrote its text under another id,
                # so that the store ends as a clean run leaves it (the later document wins).
                if not skipped or done.content_sha256 in new_shas:
                    if doc is not None:
                        batch.append((doc, encoded))
                    else:
                        batch.append((result.rows, result.index))  # type: ignore[arg-type]
                    if done.content_sha256:
                        new_shas.add(done.content_sha256)
                tail = (parallel and not tail_written and items.exhausted
                        and items.taken - summary.documents <= TAIL)  # the last results are in flight
                if tail or len(batch) >= BATCH:
                    tail_written = tail_written or tail
                    flush()
                progress.advance()
        finally:
            # Interrupted (Ctrl-C) or not: commit what was analysed, so that a re-run resumes after it.
            stream.close()
            flush()
        from marsad.corpus import finalize_deferred
        store.con.execute("RESET threads")  # the cross-document pass has the machine to itself
        t = _now()
        cross, write = finalize_deferred(store)
        # The write (DuckDB rewriting every event record) stays here: run in the closing thread while
        # this one annotated, it took twice as long and the run's tail grew (1.05-1.18 s of wall on
        # 2,000 bench documents against 0.99-1.03 s written here; issue 9).
        write()
        _add(summary, "finalize", t)
        # Closing checkpoints the store: mostly writing and syncing the file, during which DuckDB lets
        # Python run — so the output files are annotated meanwhile rather than after it.
        closing = _Background(store.close)
    assert closing is not None  # the block ends by starting it (or raises)
    try:
        t = _now()
        _annotate(out_dir / "documents.jsonl", "doc_id", {k: {"duplicate_of": d.duplicate_of, "similarity": d.similarity}
                                                          for k, d in cross.duplicates.items()})
        _annotate(out_dir / "events.jsonl", "event_id", {k: {"cluster_id": c} for k, c in cross.clusters.items()})
        _add(summary, "annotate", t)
    finally:
        t = _now()
        closing.join()  # the store is closed (and any error closing it raised) before run() returns
        _add(summary, "close", t)
    summary.seconds = time.perf_counter() - t0
    return summary


class _Background:
    """``fn()`` in a thread; :meth:`join` waits for it and raises what it raised."""

    def __init__(self, fn: Callable[[], object]) -> None:
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(fn,), name="marsad-background")
        self.thread.start()

    def _run(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except BaseException as exc:  # handed to the thread that joins
            self.error = exc

    def join(self) -> None:
        self.thread.join()
        if self.error is not None:
            raise self.error


def _now() -> tuple[float, float]:
    return time.perf_counter(), time.thread_time()


def _add(summary: RunSummary, name: str, since: tuple[float, float], *, wall: bool = True) -> None:
    """Add the wall and main-thread CPU time since ``since`` (:func:`_now`) to phase ``name``."""
    if wall:
        summary.phases[name] = summary.phases.get(name, 0.0) + time.perf_counter() - since[0]
    summary.cpu[name] = summary.cpu.get(name, 0.0) + time.thread_time() - since[1]


def _annotate(path: Path, key: str, updates: dict[str, dict]) -> None:
    """Fill fields known only once the whole run is in the store (duplicates, event clusters).

    Lines are edited as text where that gives exactly what ``json.dumps`` of the updated record
    would (a field that is ``null`` or absent at the top level), else decoded and re-encoded: the
    events file of a large run is rewritten in a fraction of the time. This runs after the analysis
    with one core busy, so the common line (the key's value has no escape, nothing nested before
    it) is read with ``str.find``; any other line is decoded.
    """
    if not updates:
        return
    marker = f'"{key}": "'
    values: dict[tuple[str, type, object], str] = {}  # (field, type, value) → JSON text: cluster ids repeat
    fields: dict[str, str] = {}  # field → its key as written, «"field": »
    tmp = path.with_suffix(".jsonl.tmp")
    with open(path, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
        out: list[str] = []  # written in blocks: one write (and UTF-8 encoding) per line cost a third
        for line in src:
            if len(out) >= 2048:
                dst.write("".join(out))
                out.clear()
            i = line.find(marker)
            j = line.find('"', i + len(marker)) if i > 0 else -1
            value = line[i + len(marker):j] if j > 0 else None
            # A quote not preceded by a backslash is not inside a string, so «"key": "» is that key;
            # at the top level when nothing opens before it; and a value without a backslash is its own text.
            if (value is not None and line[i - 1] != "\\" and "\\" not in value
                    and "{" not in line[1:i] and "[" not in line[1:i]):
                upd = updates.get(value)
            else:  # anything else: decode the line (rare: Marsad writes the key first, or after "schema")
                found = json.loads(line).get(key)
                upd = updates.get(found) if isinstance(found, str) else None
            if not upd:
                out.append(line)
                continue
            # The common case inline (a call per line was a third of the time): every field is new,
            # so json.dumps would append them in order before the closing brace.
            parts = []
            for k, v in upd.items():
                name = fields.get(k)
                if name is None:
                    name = fields[k] = f'"{k}": '
                if name in line:
                    break
                parts.append(name + _value_json(k, v, values))
            else:
                if line.endswith("}\n") and not line.startswith("{}"):
                    out.append(f"{line[:-2]}, {', '.join(parts)}}}\n")
                    continue
            out.append(_patched(line, upd, values))
        dst.write("".join(out))
    tmp.replace(path)


def _patched(line: str, upd: dict, values: dict[tuple[str, type, object], str] | None = None) -> str:
    """``line`` (one JSON object) with the top-level fields of ``upd`` set (``values`` caches the
    fields' JSON text by value; by type too, as ``1 == 1.0 == True`` are written differently)."""
    text = line.rstrip("\n")
    for k, v in upd.items():
        # Inside a JSON string a quote is escaped, so «"k": » can only be a key: when it occurs
        # nowhere, the field is new and json.dumps would put it last.
        field = f'"{k}": '
        if field not in text and text.endswith("}"):
            value = _value_json(k, v, values)
            text = f"{text[:-1]}, {field}{value}}}" if text != "{}" else f"{{{field}{value}}}"
        else:
            rec = json.loads(text)
            rec.update(upd)
            return json.dumps(rec, ensure_ascii=False) + "\n"
    return text + "\n"


def _value_json(k: str, v: object, values: dict[tuple[str, type, object], str] | None) -> str:
    """``json.dumps(v, ensure_ascii=False)``; a plain ASCII string (a cluster or document id) is
    written by hand, as json.dumps writes it, and other values are cached in ``values``."""
    if type(v) is str and v.isascii() and v.isprintable() and '"' not in v and "\\" not in v:
        return f'"{v}"'  # printable ASCII without quote or backslash: nothing json.dumps would escape
    if values is None:
        return json.dumps(v, ensure_ascii=False)
    try:
        return values[(k, type(v), v)]
    except KeyError:
        value = values[(k, type(v), v)] = json.dumps(v, ensure_ascii=False)
        return value
    except TypeError:  # an unhashable value (a list or a dict)
        return json.dumps(v, ensure_ascii=False)


def _batch_rows(batch: list[tuple[Document, dict[str, str]] | tuple[StoreRows, int]]) -> StoreRows:
    """The store rows of a batch, in order: runs of documents at hand become rows here, runs of one
    worker chunk's documents become a slice of the rows the worker built."""
    parts: list[StoreRows] = []
    i = 0
    while i < len(batch):
        head = batch[i][0]
        j = i + 1
        if isinstance(head, StoreRows):
            first = batch[i][1]
            while j < len(batch) and batch[j][0] is head and batch[j][1] == first + (j - i):
                j += 1
            parts.append(head.slice(first, first + j - i))
        else:
            while j < len(batch) and not isinstance(batch[j][0], StoreRows):
                j += 1
            docs = [d for d, _ in batch[i:j]]
            encoded = {k: v for _, ej in batch[i:j] for k, v in ej.items()}  # type: ignore[union-attr]
            parts.append(rows_for(docs, encoded))  # type: ignore[arg-type]
        i = j
    return concat(parts) if parts else StoreRows()


def _account(s: RunSummary, done: Outcome) -> None:
    if done.status == "ok":
        s.processed += 1
    else:
        s.rejected += 1
        s.rejections.append((done.source, done.error or ""))
        log.info("rejected %s (stage %s): %s", done.source, done.failed_stage or "ingest", done.error)
    s.events += len(done.event_types)
    s.mentions += done.n_mentions
    s.sentences += done.n_sentences
    for t in done.event_types:
        s.event_types[t] += 1
    for a in done.actors:
        s.actors[a] += 1


def _write_lines(files: dict[str, IO[str]], doc: Document, lines: Lines | None = None) -> dict[str, str]:
    """Write the document's lines (``lines``: as encoded by a worker process, else encoded here);
    return its event records' JSON text by event_id (for the store)."""
    lines = lines or encode_lines(doc)
    _write_encoded(files, lines)
    return dict(lines[1])


def _write_encoded(files: dict[str, IO[str]], lines: Lines) -> None:
    doc_line, events, mentions = lines
    files["documents"].write(doc_line)
    if events:
        files["events"].write("".join([text + "\n" for _, text in events]))
    if mentions:
        files["mentions"].write(mentions)


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
