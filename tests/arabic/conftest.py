"""Shared fixtures for the Arabic text layer tests."""

from __future__ import annotations

import pytest

from marsad.arabic import segmentation as segment_module


@pytest.fixture
def base_lexicon(monkeypatch: pytest.MonkeyPatch):
    """Run a test against the shipped lexicon only, and put back whatever other tests had registered."""
    monkeypatch.setattr(segment_module, "_lexicon", None)
    monkeypatch.setattr(segment_module, "_added", set())
    segment_module._segment_norm.cache_clear()
    yield
    segment_module._segment_norm.cache_clear()
