"""The scale options of ``marsad run``: --workers, --engine, --scheduler, --resume/--reprocess."""

from __future__ import annotations

from typer.testing import CliRunner

from marsad.cli import app

from .conftest import read_outputs

runner = CliRunner()


def test_bad_engine_and_scheduler_are_usage_errors(demo_dir, tmp_path):
    assert runner.invoke(app, ["run", str(demo_dir), "--out", str(tmp_path), "--engine", "spark"]).exit_code == 2
    res = runner.invoke(app, ["run", str(demo_dir), "--out", str(tmp_path), "--scheduler", "tcp://h:8786"])
    assert res.exit_code == 2


def test_workers_then_resume_then_reprocess(demo_dir, tmp_path, clean_run):
    args = ["run", str(demo_dir), "--out", str(tmp_path), "--quiet"]
    for extra in (["--workers", "2"], [], ["--reprocess"]):
        res = runner.invoke(app, args + extra)
        assert res.exit_code == 0, res.output
        assert read_outputs(tmp_path) == clean_run
