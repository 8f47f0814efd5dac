"""Opt-in per-stage timing, for benchmarks.

:func:`instrument` wraps the stages in :data:`marsad.pipeline.STAGES` (and ingest) with timers, in
place, so the pipeline module itself carries no timing code. Times are per process: instrument before
forking workers if they should be timed too, and read :data:`TIMES` in the process that ran the stages.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps
from typing import Any


@dataclass
class StageTimes:
    """Accumulated wall time and call count per stage name."""

    seconds: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, seconds: float, calls: int = 1) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        self.calls[name] = self.calls.get(name, 0) + calls

    @contextmanager
    def timed(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - t0)

    def reset(self) -> None:
        self.seconds.clear()
        self.calls.clear()

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {k: {"seconds": v, "calls": self.calls.get(k, 0)} for k, v in self.seconds.items()}


TIMES = StageTimes()
_MARK = "__marsad_timed__"


def _timed(name: str, fn: Callable[..., Any], times: StageTimes) -> Callable[..., Any]:
    if getattr(fn, _MARK, False):
        return fn

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            times.add(name, time.perf_counter() - t0)

    setattr(wrapper, _MARK, True)
    return wrapper


def instrument(times: StageTimes = TIMES) -> StageTimes:
    """Time every pipeline stage and ingest from now on in this process (idempotent); returns ``times``."""
    from marsad import pipeline
    pipeline.STAGES[:] = [(name, _timed(name, fn, times)) for name, fn in pipeline.STAGES]
    pipeline.load_document = _timed("ingest", pipeline.load_document, times)
    # NER tagged ahead for a batch of documents is part of the recognise stage's time
    pipeline.prepare_recognize = _timed("recognize", pipeline.prepare_recognize, times)
    return times
