"""Shared fixtures of the recogniser tests: the shipped knowledge, loaded once."""

from __future__ import annotations

import pytest

from marsad.pipeline import Knowledge


@pytest.fixture(scope="session")
def kb() -> Knowledge:
    return Knowledge()
