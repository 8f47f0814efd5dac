"""The bounded load test machinery, run small: every request answered, figures reported."""

from __future__ import annotations

from marsad.web.loadtest import QUERIES, main, run_load
from marsad.web.server import running_server


def test_small_load_run_answers_every_request(web_db):
    with running_server(web_db) as url:
        result = run_load(url, 80, 4)
    assert result["requests"] == 80
    assert result["statuses"] == {200: 80}
    assert result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
    assert len(QUERIES) >= 8  # a mix of filters and page sizes, not one cached query


def test_load_command_exit_code_and_json(web_db, capsys):
    assert main(["--db", str(web_db), "--requests", "16", "--concurrency", "2"]) == 0
    assert '"requests": 16' in capsys.readouterr().out
