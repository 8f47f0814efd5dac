"""Marsad (مرصد): Arabic news → a sourced, queryable record of political and military events.

The library surface (the ``marsad`` command is a thin layer over it):

- :func:`load` → a :class:`Pipeline`; ``pipeline(text, published=…)`` → a :class:`Result` with
  ``.events`` (:class:`Event`, with :class:`ActorRef` and :class:`Place`), ``.mentions``, ``.dates``,
  ``.sentences``, each carrying character offsets into ``.text``; ``pipeline.pipe(texts, workers=N)``.
- :func:`run` → process files/folders into the contract files and the store, as ``marsad run`` does.
- :func:`open_store` → query a store as pandas DataFrames (``events``, ``actors``, ``graph``,
  ``documents``).
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("marsad")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"

# Names are imported on first use so that ``import marsad`` stays cheap.
_EXPORTS = {
    "load": "marsad.api", "Pipeline": "marsad.api", "Result": "marsad.api", "Event": "marsad.api",
    "ActorRef": "marsad.api", "Place": "marsad.api", "Evidence": "marsad.api",
    "run": "marsad.runner", "open_store": "marsad.frames",
}
__all__ = ["__version__", *sorted(_EXPORTS)]

if TYPE_CHECKING:  # pragma: no cover
    from marsad.api import ActorRef, Event, Evidence, Pipeline, Place, Result, load  # noqa: F401
    from marsad.frames import open_store  # noqa: F401
    from marsad.runner import run  # noqa: F401


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'marsad' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
