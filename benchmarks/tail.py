"""Measure the serial tail of ``marsad run`` (cross-document pass, annotation, store close) repeatedly.

One run with workers on CORPUS is snapshotted just before its cross-document pass (the store file,
the prepared signatures and the output files as they are then); the tail is then replayed from the
snapshot ``--repeat`` times in fresh processes, each reporting the main thread's CPU, the process's
CPU and the wall time of finalize, annotate and close. On a shared machine the replays are steadier
than whole runs, and the outputs of every replay are compared with those of the run (byte for byte).

    python benchmarks/tail.py CORPUS --workers 2 --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = ("documents", "events", "mentions")


def snapshot(corpus: str, workers: int, snap: Path) -> None:
    """Run on ``corpus``, keeping the store and the files as they are before the cross-document pass."""
    import marsad.corpus
    import marsad.runner

    run_dir = snap / "run"
    deferred = marsad.corpus.finalize_deferred

    def keep(store):  # type: ignore[no-untyped-def]
        store.con.execute("CHECKPOINT")
        shutil.copy(store.path, snap / "pre.duckdb")
        with open(snap / "prepared.pkl", "wb") as f:
            pickle.dump(store.prepared, f)
        return deferred(store)

    annotate = marsad.runner._annotate

    def keep_file(path: Path, key: str, updates: dict) -> None:
        shutil.copy(path, snap / f"pre_{path.stem}.jsonl")
        annotate(path, key, updates)

    marsad.corpus.finalize_deferred = keep
    marsad.runner._annotate = keep_file
    marsad.runner.run([corpus], run_dir, workers=workers, quiet=True)
    shutil.copy(run_dir / "mentions.jsonl", snap / "pre_mentions.jsonl")


def replay(snap: Path, dest: Path) -> dict[str, float]:
    """The runner's tail on a copy of the snapshot (as ``marsad.runner.run`` does it)."""
    import marsad.corpus
    import marsad.runner
    from marsad.store import Store

    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(snap / "pre.duckdb", dest / "marsad.duckdb")
    for name in NAMES:
        shutil.copy(snap / f"pre_{name}.jsonl", dest / f"{name}.jsonl")
    marsad.corpus.warm()  # done while the workers run
    store = Store.open(dest / "marsad.duckdb")
    with open(snap / "prepared.pkl", "rb") as f:
        store.prepared = pickle.load(f)
    out: dict[str, float] = {}
    p0 = time.process_time()
    t, c = time.perf_counter(), time.thread_time()
    cross, write = marsad.corpus.finalize_deferred(store)
    write()
    out["finalize_cpu"], out["finalize_wall"] = time.thread_time() - c, time.perf_counter() - t
    closing = marsad.runner._Background(store.close)
    t, c = time.perf_counter(), time.thread_time()
    marsad.runner._annotate(dest / "documents.jsonl", "doc_id", {
        k: {"duplicate_of": d.duplicate_of, "similarity": d.similarity} for k, d in cross.duplicates.items()})
    marsad.runner._annotate(dest / "events.jsonl", "event_id", {k: {"cluster_id": v} for k, v in cross.clusters.items()})
    out["annotate_cpu"], out["annotate_wall"] = time.thread_time() - c, time.perf_counter() - t
    t = time.perf_counter()
    closing.join()
    out["close_wall"] = time.perf_counter() - t
    out["process_cpu"] = time.process_time() - p0
    return out


def _digest(folder: Path, prefix: str = "") -> list[str]:
    return [hashlib.sha256((folder / f"{prefix}{n}.jsonl").read_bytes()).hexdigest() for n in NAMES]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--replay", type=Path, help=argparse.SUPPRESS)  # internal: one replay of this snapshot
    args = ap.parse_args()
    if args.replay:
        dest = args.replay / "replay"
        shutil.rmtree(dest, ignore_errors=True)
        print(json.dumps(replay(args.replay, dest)))
        return
    if not args.corpus:
        ap.error("CORPUS is required")
    with tempfile.TemporaryDirectory(prefix="marsad-tail-") as tmp:
        snap = Path(tmp)
        snapshot(args.corpus, args.workers, snap)
        runs = []
        for _ in range(args.repeat):
            done = subprocess.run([sys.executable, __file__, "--replay", str(snap)], check=True,
                                  capture_output=True, text=True)
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            same = _digest(snap / "replay") == _digest(snap / "run")
            print("  ".join(f"{k} {v:.3f}" for k, v in runs[-1].items()), "| outputs same as the run:", same)
        print("median", "  ".join(f"{k} {statistics.median(r[k] for r in runs):.3f}" for k in runs[0]))


if __name__ == "__main__":
    main()
