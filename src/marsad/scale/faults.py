"""Test-only fault injection: make a worker process die abruptly on a chosen document.

Nothing here runs unless the environment variable :data:`KILL_ON` is set, and it only ever acts inside
a worker process (the supervised pool and Dask workers call :func:`maybe_die`; the single-process path
never does). The tests use it to check that a SIGKILLed worker loses no document.

- ``MARSAD_TEST_KILL_WORKER_ON=<doc_id>``: the worker processing that document SIGKILLs itself.
- ``MARSAD_TEST_KILL_MARKER=<path>``: only the first time — the marker file is created atomically
  and its existence disarms the hook; without it the document kills its worker every time.
"""

from __future__ import annotations

import os
import signal

KILL_ON = "MARSAD_TEST_KILL_WORKER_ON"
MARKER = "MARSAD_TEST_KILL_MARKER"


def maybe_die(doc_id: str) -> None:
    """SIGKILL the current process if the test hook targets ``doc_id`` (a no-op otherwise)."""
    target = os.environ.get(KILL_ON)
    if not target or target != doc_id:
        return
    marker = os.environ.get(MARKER)
    if marker:
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
    os.kill(os.getpid(), signal.SIGKILL)
