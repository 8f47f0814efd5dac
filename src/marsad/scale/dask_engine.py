"""The Dask engine: the same work unit as the local engine, as Dask tasks over batches of documents.

Each task runs :func:`marsad.scale.work.analyse` on a batch of inputs inside a Dask worker process
(knowledge is loaded once per worker process and kept), and encodes there everything the client writes:
each document's full analysis as JSON and its output lines. The client writes each batch as one Parquet
partition (``OUT/parquet/documents/part-NNNNNN.parquet``: one row per document, its full analysis as
JSON) and then the same documents into the store and the JSONL files — so the cluster needs no shared
file system, the Parquet dataset is a complete, columnar copy of the run, and the client's own work per
document is writing only.

Without a scheduler address a :class:`distributed.LocalCluster` of ``workers`` single-threaded processes
is started and stopped around the run. With ``scheduler="tcp://host:8786"`` the run uses that cluster;
its workers need the same version of Marsad installed (see ``README.md``).
"""

from __future__ import annotations

import json
import logging
import shutil
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from marsad.model import Document
from marsad.scale.faults import maybe_die
from marsad.scale.resume import Fingerprint
from marsad.scale.serial import doc_from_dict, doc_to_dict, json_default
from marsad.scale.work import (
    STATE,
    WORKER_DIED,
    Item,
    Result,
    analyse_many,
    lost_document,
    results,
)

log = logging.getLogger("marsad.scale")


def available() -> bool:
    """True when ``dask.distributed`` can be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def _worker_kb() -> Any:
    if STATE.kb is None:
        from marsad.pipeline import Knowledge
        STATE.kb = Knowledge().warm()  # also tunes the garbage collector (pipeline.tune_gc)
    return STATE.kb


def warm_worker() -> bool:
    """Load knowledge in a Dask worker process (run on every worker before the first batch)."""
    _worker_kb()
    return True


Row = tuple[str, Result]  # the document's full analysis as JSON (its Parquet row), what the client writes


def analyse_batch(items: list[Item], known: frozenset[Fingerprint]) -> list[Row]:
    """A Dask task: analyse a batch of inputs.

    Everything that is per document is done here, in the worker, not in the client: the JSON of the
    full analysis (the Parquet row), the output lines, the store rows and the counts of the run's
    summary (see :func:`marsad.scale.work.work_chunk`). The client then only writes.
    """
    kb = _worker_kb()
    for _, doc_id in items:
        maybe_die(doc_id)  # test-only hook, a no-op unless its environment variable is set
    analysed = analyse_many(items, kb, known)
    texts = [json.dumps(doc_to_dict(doc), ensure_ascii=False, default=json_default) for doc, _ in analysed]
    return list(zip(texts, results(analysed), strict=True))


def _lost_row(item: Item) -> Row:
    result = lost_document(item)
    assert result.doc is not None
    return json.dumps(doc_to_dict(result.doc), ensure_ascii=False, default=json_default), result


def _write_partition(path: Path, first_seq: int, rows: list[Row], con: Any = None) -> None:
    """Write one batch's documents as the Parquet file ``path``.

    ``con``: an in-memory DuckDB connection to use (the run keeps one: opening a connection costs
    about four times as much as writing a partition through it); without it one is opened here.
    """
    import duckdb
    own = con is None
    if own:
        con = duckdb.connect()
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE part (seq BIGINT, doc_id VARCHAR, status VARCHAR,"
                    " content_sha256 VARCHAR, n_events INTEGER, skipped BOOLEAN, document JSON)")
        done = [r.outcome for _, r in rows]
        columns = [list(range(first_seq, first_seq + len(rows))), [o.doc_id for o in done],
                   [o.status for o in done], [o.content_sha256 for o in done],
                   [len(o.event_types) for o in done], [r.skipped for _, r in rows],
                   [text for text, _ in rows]]
        # one INSERT of unnested columns: executemany row by row is slow in DuckDB
        con.execute("INSERT INTO part SELECT * FROM (SELECT " + ", ".join(
            f"unnest(?::{t}[])" for t in ("BIGINT", "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "BOOLEAN", "JSON"))
            + ")", columns)
        tmp = path.with_suffix(".parquet.tmp")
        con.execute(f"COPY part TO '{_sql_str(tmp)}' (FORMAT PARQUET)")
        con.execute("DROP TABLE part")
        tmp.replace(path)  # a partition is either complete or absent
    finally:
        if own:
            con.close()


def read_partition(path: Path) -> Iterator[tuple[Document, bool]]:
    """The documents of one Parquet partition, in input order."""
    import duckdb
    con = duckdb.connect()
    try:
        rows = con.execute("SELECT document, skipped FROM read_parquet(?) ORDER BY seq", [str(path)]).fetchall()
    finally:
        con.close()
    for document, skipped in rows:
        yield doc_from_dict(json.loads(document)), bool(skipped)


def _one_by_one(client: Any, chunk: list[Item], known: Any, attempts: int = 2) -> list[Row]:
    """Re-run a batch whose task kept killing workers one input at a time, to find the culprit.

    The scheduler already retried the batch (``distributed.scheduler.allowed-failures`` times). Inputs are
    now submitted one by one and awaited, so that a dead worker can only be blamed on the input it was
    running; an input that still fails ``attempts`` times is listed as rejected, the others are analysed.
    """
    from distributed import KilledWorker
    log.warning("a batch of %d inputs kept killing Dask workers; retrying them one by one", len(chunk))
    rows: list[Row] = []
    for item in chunk:
        for attempt in range(attempts):
            try:
                rows.extend(client.submit(analyse_batch, [item], known, pure=False).result())
                break
            except KilledWorker:
                if attempt + 1 == attempts:
                    log.error("%s: %s", WORKER_DIED, item[0].source)
                    rows.append(_lost_row(item))
    return rows


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")


# Dask's background work, set for the LocalCluster a run starts itself. Its scheduler and nannies share
# the client's process and, with the workers, a few cores: event-loop ticks every 20 ms, a nanny's
# memory poll every 100 ms, work stealing every 100 ms (the batches are alike: nothing to steal) and
# each worker's statistical profiler sampling its task every 10 ms took measurably from the analysis.
_QUIET = {"distributed.admin.tick.interval": "1s", "distributed.admin.system-monitor.interval": "2s",
          "distributed.worker.memory.monitor-interval": "1s", "distributed.scheduler.work-stealing": False,
          "distributed.worker.profile.enabled": False}


def _local_cluster(local_cluster: Any, workers: int) -> Any:
    """A LocalCluster of ``workers`` single-threaded processes, with less background work (:data:`_QUIET`)."""
    import dask

    with dask.config.set(_QUIET):
        return local_cluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                             dashboard_address=None, silence_logs=logging.ERROR)


def dask_stream(items: Iterable[Item], *, parquet_dir: Path, scheduler: str | None = None, workers: int = 2,
                batch: int = 16, known: frozenset[Fingerprint] = frozenset(),
                window: int | None = None) -> Iterator[Result]:
    """Analyse ``items`` on a Dask cluster; yield a :class:`~marsad.scale.work.Result` per input, in
    input order.

    At most ``window`` batches are in flight, so inputs are read lazily and memory stays bounded.
    """
    import duckdb
    from distributed import Client, KilledWorker, LocalCluster

    parts = parquet_dir / "documents"
    if parts.exists():
        shutil.rmtree(parts)  # partitions describe this run only
    parts.mkdir(parents=True)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = _local_cluster(LocalCluster, workers)
        client = Client(cluster)
    part_con = duckdb.connect()  # one connection writes every partition
    part_con.execute("SET threads = 1")  # the workers have the cores
    try:
        client.run(warm_worker)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        # Four batches per worker in flight: results are taken in input order, so a worker whose
        # batches finished early must still have queued work while the client waits for an earlier one.
        window = window or 4 * n_workers
        known_f = client.scatter(known, broadcast=True) if known else known
        source = iter(items)
        pending: deque[tuple[int, list[Item], Any]] = deque()
        seq = 0

        def fill() -> None:
            nonlocal seq
            while len(pending) < window:
                chunk = list(islice(source, batch))
                if not chunk:
                    return
                pending.append((seq, chunk, client.submit(analyse_batch, chunk, known_f, pure=False)))
                seq += len(chunk)

        fill()
        n = 0
        while pending:
            first, chunk, fut = pending.popleft()
            try:
                rows = fut.result()
            except KilledWorker:
                rows = _one_by_one(client, chunk, known_f)
            fut.release()
            fill()  # the workers get the next batch before the client writes this one
            path = parts / f"part-{n:06d}.parquet"
            n += 1
            _write_partition(path, first, rows, part_con)
            # The results as analysed, not read back from the partition: the same content
            # (tests/scale checks that every engine writes the same files) without a JSON round trip.
            for _, result in rows:
                yield result
    finally:
        part_con.close()
        client.close()
        if cluster is not None:
            cluster.close()
