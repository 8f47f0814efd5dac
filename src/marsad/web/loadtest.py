"""A bounded load test of the API on loopback: N requests, C at a time, p50/p95 latency.

    python -m marsad.web.loadtest --db marsad-output/marsad.duckdb --requests 2000 --concurrency 8

The server runs in this process (uvicorn in a thread) and the clients are threads using the
standard library, so the figures include HTTP parsing and JSON encoding, as a browser would see.
The requests cycle through a fixed list of realistic ``/api/events`` queries (filters, pages).
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from marsad.web.server import running_server

QUERIES = (
    "/api/events",
    "/api/events?limit=500",
    "/api/events?type=ASSAULT,COERCE&limit=100",
    "/api/events?from=2017-01-01&to=2019-12-31",
    "/api/events?q=%D8%AF%D9%85%D8%B4%D9%82",  # دمشق
    "/api/events?place=damascus",
    "/api/events?status=reported&offset=50",
    "/api/events?country=SYR&limit=20",
)


def _percentile(sorted_ms: Sequence[float], q: float) -> float:
    if not sorted_ms:
        return float("nan")
    k = min(len(sorted_ms) - 1, max(0, round(q * (len(sorted_ms) - 1))))
    return sorted_ms[k]


def run_load(base_url: str, n_requests: int, concurrency: int, paths: Sequence[str] = QUERIES) -> dict[str, Any]:
    """Send ``n_requests`` GETs with ``concurrency`` workers (one keep-alive connection each)."""
    parts = urlsplit(base_url)
    local = threading.local()
    counter = iter(range(n_requests))
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: dict[int, int] = {}

    def one(_: int) -> None:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        with lock:
            i = next(counter)
        path = paths[i % len(paths)]
        t0 = time.perf_counter()
        conn.request("GET", path)
        resp = conn.getresponse()
        body = resp.read()
        ms = (time.perf_counter() - t0) * 1000
        if resp.status == 200:
            json.loads(body)  # the client would parse it too
        with lock:
            latencies.append(ms)
            statuses[resp.status] = statuses.get(resp.status, 0) + 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, range(n_requests)))
    wall = time.perf_counter() - t0
    lat = sorted(latencies)
    return {"requests": len(lat), "concurrency": concurrency, "seconds": round(wall, 2),
            "rps": round(len(lat) / wall, 1), "p50_ms": round(_percentile(lat, 0.50), 1),
            "p95_ms": round(_percentile(lat, 0.95), 1), "max_ms": round(lat[-1], 1) if lat else None,
            "statuses": statuses}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True, type=Path)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    args = ap.parse_args(argv)
    with running_server(args.db) as url:
        result = run_load(url, args.requests, args.concurrency)
    print(json.dumps(result))
    return 0 if set(result["statuses"]) == {200} else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
