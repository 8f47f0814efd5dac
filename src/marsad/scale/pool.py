"""A supervised process pool that loses nothing when a worker dies.

``multiprocessing.Pool`` hangs or silently drops tasks when a worker is SIGKILLed (out-of-memory
killer, a segfault in a C extension). :func:`supervised_map` uses
:class:`concurrent.futures.ProcessPoolExecutor`, which reports such a death as ``BrokenProcessPool``;
every chunk not yet finished is then resubmitted to a fresh pool. A chunk that has broken the pool
``max_attempts`` times is re-run one item at a time in a single-worker pool of its own, so that an item
that kills its worker every time (a "poison" input) is identified exactly and handed to ``on_lost``
instead of stopping the run — while every other item is still processed normally.

Results are yielded in input order, and at most ``window`` chunks are in flight, so the input
iterable is consumed lazily.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Any, Generic, TypeVar

log = logging.getLogger("marsad.scale")
WORKER_DIED = "the worker process died while processing this input (killed or crashed)"
T = TypeVar("T")
R = TypeVar("R")


def _run_chunk(fn: Callable[..., Any], items: list[T], batched: bool = False) -> list[R]:
    return fn(items) if batched else [fn(x) for x in items]


@dataclass
class _Chunk(Generic[T]):
    items: list[T]
    future: Future | None = None
    attempts: int = 0
    submitted: bool = True  # False: the pool was already broken when it was handed over (not its fault)


def _context() -> Any:
    # fork: workers inherit the parent's warmed knowledge (copy-on-write) and start in milliseconds.
    return mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def supervised_map(fn: Callable[[T], R], items: Iterable[T], *, workers: int = 2, chunk: int = 8,
                   window: int | None = None, initializer: Callable[..., None] | None = None,
                   initargs: tuple[Any, ...] = (), max_attempts: int = 2,
                   on_lost: Callable[[T, str], R] | None = None, batched: bool = False) -> Iterator[R]:
    """``map(fn, items)`` over ``workers`` processes, in order, surviving worker deaths.

    ``fn`` must be a module-level function (it is pickled by name). ``on_lost(item, reason)`` supplies
    the result for an item that killed its worker even when run alone; without it the error is raised.
    With ``batched``, ``fn`` takes a whole chunk (a list of items) and returns their results in order.
    """
    ctx = _context()
    window = window or workers * 4
    source = iter(items)

    def new_pool() -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=initializer,
                                   initargs=initargs)
        _widen_result_pipe(pool)
        return pool

    pool = new_pool()
    pending: deque[_Chunk[T]] = deque()

    def fill() -> None:
        while len(pending) < window:
            batch = list(islice(source, chunk))
            if not batch:
                return
            try:
                pending.append(_Chunk(batch, pool.submit(_run_chunk, fn, batch, batched)))
            except BrokenProcessPool as exc:
                # A worker died since the last result: the pool refuses new work. The chunk waits in
                # line with a failed future; reaching it restarts the pool, which resubmits it.
                failed: Future = Future()
                failed.set_exception(exc)
                pending.append(_Chunk(batch, failed, submitted=False))

    try:
        fill()
        while pending:
            head = pending[0]
            if head.future is None:  # isolated after repeated breakage: one item at a time, alone
                pending.popleft()
                yield from _isolated(fn, head.items, ctx, initializer, initargs, on_lost, batched)
                fill()
                continue
            try:
                results = head.future.result()
            except BrokenProcessPool:
                pool = _restart(pool, pending, new_pool, fn, max_attempts, batched)
                continue
            pending.popleft()
            yield from results
            fill()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


# Linux: fcntl F_SETPIPE_SZ. A worker's result (a chunk's output lines and store rows, ~350 kB for 8
# documents) is written to a pipe of 64 kB by default, so the worker waited, idle, until the parent's
# result thread — competing with the workers for the cores — had read most of it.
_F_SETPIPE_SZ = 1031
RESULT_PIPE_BYTES = 1 << 20


def _widen_result_pipe(pool: ProcessPoolExecutor) -> None:
    """Let the pool's result pipe hold a few whole results (an optimisation only: left as it is where
    the platform or the executor's internals do not allow it)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import fcntl
        writer = pool._result_queue._writer  # type: ignore[attr-defined]
        fcntl.fcntl(writer.fileno(), _F_SETPIPE_SZ, RESULT_PIPE_BYTES)
    except (AttributeError, OSError, ValueError):
        log.debug("could not widen the result pipe", exc_info=True)


def _restart(pool: ProcessPoolExecutor, pending: deque[_Chunk[T]], new_pool: Callable[[], ProcessPoolExecutor],
             fn: Callable[..., Any], max_attempts: int, batched: bool = False) -> ProcessPoolExecutor:
    """Replace a broken pool and resubmit every chunk that did not finish."""
    wait_futures([c.future for c in pending if c.future is not None])  # a broken pool fails them all promptly
    pool.shutdown(wait=False, cancel_futures=True)
    fresh = new_pool()
    lost = 0
    for c in pending:
        f = c.future
        if f is None or (not f.cancelled() and f.exception() is None):
            continue  # finished before the breakage (or already isolated): keep its results
        c.attempts += c.submitted  # a chunk refused by the broken pool did not break it
        c.submitted = True
        lost += len(c.items)
        if c.attempts >= max_attempts:
            c.future = None
        else:
            c.future = fresh.submit(_run_chunk, fn, c.items, batched)
    log.warning("a worker process died; resubmitting %d unfinished item(s) to a fresh pool", lost)
    return fresh


def _isolated(fn: Callable[..., Any], items: list[T], ctx: Any, initializer: Callable[..., None] | None,
              initargs: tuple[Any, ...], on_lost: Callable[[T, str], R] | None,
              batched: bool = False) -> Iterator[R]:
    solo: ProcessPoolExecutor | None = None
    try:
        for item in items:
            if solo is None:
                solo = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=initializer,
                                           initargs=initargs)
            try:
                (result,) = solo.submit(_run_chunk, fn, [item], batched).result()
            except BrokenProcessPool as exc:
                solo.shutdown(wait=False, cancel_futures=True)
                solo = None
                reason = WORKER_DIED
                if on_lost is None:
                    raise RuntimeError(reason) from exc
                log.error("%s: %r", reason, item)
                result = on_lost(item, reason)
            yield result
    finally:
        if solo is not None:
            solo.shutdown(wait=False, cancel_futures=True)
