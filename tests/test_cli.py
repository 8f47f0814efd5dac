"""The command line as a user meets it: exit codes, --help, and every input accounted for."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from marsad import __version__
from marsad.cli import app

runner = CliRunner()


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_version():
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and __version__ in res.output


@pytest.mark.parametrize("command", ["run", "demo", "dates", "ner"])
def test_every_command_has_help(command):
    res = runner.invoke(app, [command, "--help"])
    assert res.exit_code == 0 and "Usage" in res.output


def test_bad_usage_exits_2():
    assert runner.invoke(app, ["run"]).exit_code == 2
    assert runner.invoke(app, ["run", "x", "--workers", "0"]).exit_code == 2
    assert runner.invoke(app, ["no-such-command"]).exit_code == 2
    assert runner.invoke(app, ["dates", "--ref", "12/09/2017"], input="أمس\n").exit_code == 2


def test_run_accounts_for_every_bad_input(bad_inputs, tmp_path):
    folder, expect = bad_inputs
    out = tmp_path / "out"
    res = runner.invoke(app, ["run", str(folder), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    docs = _jsonl(out / "documents.jsonl")
    by_source = {d["source"].replace(str(folder) + "/", ""): d for d in docs}
    assert set(by_source) == set(expect)
    for name, status in expect.items():
        assert by_source[name]["status"] == status, (name, by_source[name]["error"])
    assert f"{sum(v == 'ok' for v in expect.values())} processed" in res.output
    assert f"{sum(v == 'rejected' for v in expect.values())} rejected" in res.output
    assert (out / "marsad.duckdb").exists()


def test_outputs_slice_the_cleaned_text(demo_dir, tmp_path):
    out = tmp_path / "out"
    res = runner.invoke(app, ["run", str(demo_dir), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    from marsad.store import Store
    with Store.open(out / "marsad.duckdb", read_only=True) as store:
        texts = dict(store.con.execute("SELECT doc_id, text FROM documents WHERE status = 'ok'").fetchall())
    docs = _jsonl(out / "documents.jsonl")
    assert docs and all(d["status"] == "ok" for d in docs), [d["error"] for d in docs if d["error"]]
    assert all(d["n_sentences"] > 0 for d in docs)
    for m in _jsonl(out / "mentions.jsonl"):
        assert texts[m["doc_id"]][m["start"]:m["end"]] == m["text"]
    for e in _jsonl(out / "events.jsonl"):
        ev = e["evidence"]
        assert texts[e["doc_id"]][ev["start"]:ev["end"]] == ev["text"]


def test_rerun_keeps_one_row_per_document(demo_dir, tmp_path):
    out = tmp_path / "out"
    for _ in range(2):
        assert runner.invoke(app, ["run", str(demo_dir), "--out", str(out), "--quiet"]).exit_code == 0
    from marsad.store import Store
    with Store.open(out / "marsad.duckdb", read_only=True) as store:
        n_docs = store.counts()["documents"]
    assert n_docs == len(_jsonl(out / "documents.jsonl"))


def test_stdin_jsonl(tmp_path, article_text):
    line = json.dumps({"id": "s1", "text": article_text, "published": "2017-09-12"}, ensure_ascii=False)
    res = runner.invoke(app, ["run", "-", "--out", str(tmp_path), "--quiet"], input=line + "\n")
    assert res.exit_code == 0, res.output
    (doc,) = _jsonl(tmp_path / "documents.jsonl")
    assert doc["doc_id"] == "s1" and doc["status"] == "ok" and doc["published"] == "2017-09-12"


def test_demo_says_where_to_look(tmp_path):
    res = runner.invoke(app, ["demo", "--out", str(tmp_path / "demo")])
    assert res.exit_code == 0, res.output
    assert "Results are in" in res.output and (tmp_path / "demo" / "events.jsonl").exists()


def test_published_option_dates_documents_that_state_none(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("زار وزير الدفاع الروسي سيرغي شويغو دمشق أمس والتقى الرئيس السوري بشار الأسد.\n",
                       encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text("شويغو في دمشق\nنشر في: 12/09/2017\n\nزار وزير الدفاع الروسي سيرغي شويغو دمشق أمس.\n",
                     encoding="utf-8")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "a", "text": "زار وزير الخارجية الروسي سيرغي لافروف طهران أمس والتقى نظيره الإيراني.", "published": "2019-05-02"},
                                ensure_ascii=False) + "\n"
                     + json.dumps({"id": "b", "text": "زار وزير الخارجية الروسي سيرغي لافروف طهران أمس والتقى نظيره الإيراني."}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(app, ["run", str(tmp_path), "--out", str(out), "-q", "--published", "2017-09-13"])
    assert res.exit_code == 0, res.output
    docs = {d["doc_id"]: d for d in _jsonl(out / "documents.jsonl") if d["status"] == "ok"}
    got = {k: (d["published"], d["published_basis"]) for k, d in docs.items()}
    assert got == {"undated": ("2017-09-13", "given"), "dated": ("2017-09-12", "stated"),
                   "a": ("2019-05-02", "given"), "b": ("2017-09-13", "given")}
    # «أمس» resolves against the given date
    events = [e for e in _jsonl(out / "events.jsonl") if e["doc_id"] == "undated"]
    assert events and events[0]["date"] == "2017-09-12"


def test_published_option_must_be_a_date(tmp_path):
    res = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--published", "13/09/2017"])
    assert res.exit_code == 2
