"""Fixtures for the event tests (helpers live in events_helpers.py)."""

from __future__ import annotations

import pytest

import marsad
from marsad.events import load_extractor


@pytest.fixture(scope="session")
def extract():
    """The rule-based event stage (without the sentence-classifier gate), compiled once."""
    return load_extractor(None, sentence_gate=False)


@pytest.fixture(scope="session")
def gated_extract():
    """The event stage as the pipeline runs it, with the sentence-classifier gate."""
    return load_extractor(None)


@pytest.fixture(scope="session")
def nlp():
    """The whole pipeline, loaded once (for tests that need the recogniser's mentions)."""
    return marsad.load()
