"""Event extraction (PLOVER): filled by issue 6; until then no events are produced."""

from __future__ import annotations

from typing import Any


def load_extractor(kb: Any):  # noqa: ANN201
    return lambda doc: []
