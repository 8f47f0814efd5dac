"""The supervised pool on its own: order, resubmission after a SIGKILL, isolation of a poison item."""

from __future__ import annotations

import os
import signal

import pytest

from marsad.scale.pool import supervised_map

_ENV = "MARSAD_TEST_POOL_KILL"  # "<item>:<marker path or empty>"


def _square_or_die(x: int) -> int:
    spec = os.environ.get(_ENV, "")
    if spec:
        target, _, marker = spec.partition(":")
        if int(target) == x:
            if not marker:
                os.kill(os.getpid(), signal.SIGKILL)
            try:
                os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
                os.kill(os.getpid(), signal.SIGKILL)
            except FileExistsError:
                pass
    return x * x


def test_results_in_input_order_and_lazy():
    consumed = []

    def source():
        for i in range(50):
            consumed.append(i)
            yield i

    it = supervised_map(_square_or_die, source(), workers=2, chunk=3, window=2)
    first = next(it)
    assert first == 0
    assert len(consumed) <= 2 * 3 + 3  # only the window was read, not the whole input
    assert [first, *it] == [i * i for i in range(50)]


def test_killed_worker_chunks_are_resubmitted(tmp_path, monkeypatch):
    marker = tmp_path / "once"
    monkeypatch.setenv(_ENV, f"17:{marker}")
    assert list(supervised_map(_square_or_die, range(40), workers=2, chunk=2)) == [i * i for i in range(40)]
    assert marker.exists()


def test_poison_item_is_handed_to_on_lost(monkeypatch):
    monkeypatch.setenv(_ENV, "5:")
    lost = []

    def on_lost(item: int, reason: str) -> int:
        lost.append(item)
        return -1

    out = list(supervised_map(_square_or_die, range(12), workers=2, chunk=3, on_lost=on_lost))
    assert lost == [5]
    assert out == [-1 if i == 5 else i * i for i in range(12)]


def test_poison_item_without_on_lost_raises(monkeypatch):
    monkeypatch.setenv(_ENV, "2:")
    with pytest.raises(RuntimeError, match="worker process died"):
        list(supervised_map(_square_or_die, range(4), workers=2, chunk=1))


def test_chunk_refused_by_a_broken_pool_is_resubmitted_without_blame(monkeypatch):
    # A worker can die between two results; the pool then refuses the next chunk handed to it. That
    # chunk must wait for the restart like the others — not stop the run, nor count as having broken it.
    import concurrent.futures.process as cfp

    import marsad.scale.pool as pool_mod

    calls = {"n": 0}
    submit = cfp.ProcessPoolExecutor.submit

    def refuse_fifth(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 5:
            raise cfp.BrokenProcessPool("a worker died")
        return submit(self, *args, **kwargs)

    isolated = []
    real_isolated = pool_mod._isolated

    def record_isolated(fn, items, *args, **kwargs):  # type: ignore[no-untyped-def]
        isolated.append(list(items))
        return real_isolated(fn, items, *args, **kwargs)

    monkeypatch.setattr(cfp.ProcessPoolExecutor, "submit", refuse_fifth)
    monkeypatch.setattr(pool_mod, "_isolated", record_isolated)
    out = list(supervised_map(_square_or_die, range(20), workers=2, chunk=2, window=3, max_attempts=1))
    assert out == [i * i for i in range(20)]
    assert calls["n"] > 10 and isolated == []


def test_result_pipe_is_widened():
    import fcntl
    from concurrent.futures import ProcessPoolExecutor

    from marsad.scale.pool import RESULT_PIPE_BYTES, _context, _widen_result_pipe

    pool = ProcessPoolExecutor(max_workers=1, mp_context=_context())
    try:
        _widen_result_pipe(pool)
        assert fcntl.fcntl(pool._result_queue._writer.fileno(), 1032) >= RESULT_PIPE_BYTES  # F_GETPIPE_SZ
    finally:
        pool.shutdown()
