"""Shared fixtures for the scale tests: one clean single-process run of the demo corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.runner import run

OUTPUTS = ("documents", "events", "mentions")


def read_outputs(out: Path) -> dict[str, str]:
    return {name: (out / f"{name}.jsonl").read_text("utf-8") for name in OUTPUTS}


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def clean_run(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The contract files of a fresh one-worker run on the demo corpus (the reference)."""
    out = tmp_path_factory.mktemp("clean")
    summary = run([str(demo_dir)], out, quiet=True, resume=False)
    assert summary.processed > 0 and summary.events > 0
    return read_outputs(out)
