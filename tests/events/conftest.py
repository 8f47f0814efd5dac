"""Fixtures for the event tests (helpers live in events_helpers.py)."""

from __future__ import annotations

import pytest

from marsad.events import load_extractor


@pytest.fixture(scope="session")
def extract():
    """The pipeline's event stage, compiled once for the session."""
    return load_extractor(None)
