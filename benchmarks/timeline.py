"""Where a multi-worker ``marsad run`` spends its wall time: a per-process timeline.

``python benchmarks/timeline.py CORPUS [--workers 2] [--repeat 1] [--json out.json]`` runs
:func:`marsad.runner.run` in this process with every worker task timed, and prints:

- each worker's first task start, last task end, busy and idle seconds (the gaps between its tasks),
  CPU seconds, copy-on-write page faults (``minflt``) during its tasks and pickled result bytes;
- the tasks' sizes over the run, and the tail: from the first worker's last task to the last one's;
- the parent's marks: listing and knowledge load before the first task, the time it blocked waiting
  for a result, the store writes, the cross-document pass and the annotation at the end;
- the parent's CPU for all its threads (``getrusage``: the pool's result thread unpickles) next to
  the main thread's (``RunSummary.cpu``).

Nothing in the package is changed for this: the worker function and a few parent calls are wrapped
here before the pool forks (the wrappers keep the originals' names, so tasks still pickle by name).
Workers append one JSON line per task to a file of their own, read back after the run.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import pickle
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_TRACE_DIR: Path | None = None
_ORIG: dict[str, Any] = {}
_MARKS: list[tuple[str, float, float]] = []  # the parent's (phase, start, end), of the current run


def _worker_fn(orig: Any) -> Any:
    @functools.wraps(orig)
    def traced(items: list) -> list:
        ru0 = resource.getrusage(resource.RUSAGE_SELF)
        c0 = time.process_time()
        t0 = time.perf_counter()  # CLOCK_MONOTONIC: comparable between processes
        out = orig(items)
        t1 = time.perf_counter()
        c1 = time.process_time()
        ru1 = resource.getrusage(resource.RUSAGE_SELF)
        nbytes = len(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
        rec = {"pid": os.getpid(), "t0": t0, "t1": t1, "cpu": c1 - c0, "n": len(items),
               "minflt": ru1.ru_minflt - ru0.ru_minflt, "majflt": ru1.ru_majflt - ru0.ru_majflt,
               "bytes": nbytes, "first": items[0][1] if items else None,
               "nvcsw0": ru0.ru_nvcsw, "nvcsw1": ru1.ru_nvcsw}
        with open(_TRACE_DIR / f"worker-{os.getpid()}.jsonl", "a", encoding="utf-8") as fh:  # type: ignore[operator]
            rec["t_traced"] = time.perf_counter()  # the tracer's own cost is not counted as idle
            fh.write(json.dumps(rec) + "\n")
        return out

    return traced


def _install(marks: list[tuple[str, float, float]] = _MARKS) -> None:
    """Wrap the worker function and the parent's phases (idempotent)."""
    import marsad.corpus
    import marsad.runner
    import marsad.scale.work
    from marsad.store import Store

    if _ORIG:
        return
    _ORIG["work_chunk"] = marsad.scale.work.work_chunk
    traced = _worker_fn(_ORIG["work_chunk"])
    marsad.scale.work.work_chunk = traced
    marsad.runner.work_chunk = traced

    def mark(name: str, fn: Any) -> Any:
        @functools.wraps(fn)
        def wrapper(*a: Any, **k: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                marks.append((name, t0, time.perf_counter()))
        return wrapper

    Store.write_rows = mark("store", Store.write_rows)  # type: ignore[method-assign]
    marsad.corpus.finalize_deferred = mark("finalize", marsad.corpus.finalize_deferred)
    marsad.runner._annotate = mark("annotate", marsad.runner._annotate)
    marsad.runner.count_inputs = mark("count_inputs", marsad.runner.count_inputs)
    from marsad.pipeline import Knowledge
    Knowledge.warm = mark("knowledge", Knowledge.warm)  # type: ignore[method-assign]
    orig_analysed = marsad.runner._analysed

    @functools.wraps(orig_analysed)
    def analysed(*a: Any, **k: Any) -> Any:
        gen = orig_analysed(*a, **k)
        while True:
            t0 = time.perf_counter()
            try:
                r = next(gen)
            except StopIteration:
                marks.append(("wait", t0, time.perf_counter()))
                return
            marks.append(("wait", t0, time.perf_counter()))
            yield r

    marsad.runner._analysed = analysed


def _machine_busy() -> float:
    """CPU seconds the whole machine has spent busy (``/proc/stat``): what other processes took meanwhile."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def measure(corpus: str, workers: int) -> dict[str, Any]:
    """Run once on ``corpus`` with ``workers`` processes; the timeline's figures."""
    global _TRACE_DIR
    from marsad.runner import run
    marks = _MARKS
    marks.clear()
    _install()
    with tempfile.TemporaryDirectory(prefix="marsad-timeline-") as tmp:
        _TRACE_DIR = Path(tmp) / "trace"
        _TRACE_DIR.mkdir()
        ru0 = resource.getrusage(resource.RUSAGE_SELF)
        ch0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        busy0 = _machine_busy()
        t0 = time.perf_counter()
        summary = run([corpus], Path(tmp) / "out", quiet=True, resume=False, workers=workers)
        t_end = time.perf_counter()
        ru1 = resource.getrusage(resource.RUSAGE_SELF)
        ch1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        busy = _machine_busy() - busy0
        tasks = [json.loads(line) for p in sorted(_TRACE_DIR.glob("worker-*.jsonl"))
                 for line in p.read_text(encoding="utf-8").splitlines()]
    out = _figures(summary, tasks, marks, t0, t_end, ru0, ru1, ch0, ch1, workers)
    out["others_cpu"] = busy - out["parent_cpu_all_threads"] - out["children_cpu_reaped"]
    return out


def _figures(summary: Any, tasks: list[dict], marks: list[tuple[str, float, float]], t0: float, t_end: float,
             ru0: Any, ru1: Any, ch0: Any, ch1: Any, workers: int) -> dict[str, Any]:
    by_pid: dict[int, list[dict]] = {}
    for t in tasks:
        by_pid.setdefault(t["pid"], []).append(t)
    per_worker = []
    for pid, ts in sorted(by_pid.items()):
        ts.sort(key=lambda t: t["t0"])
        gaps = [b["t0"] - a["t_traced"] for a, b in zip(ts, ts[1:], strict=False)]
        # voluntary context switches between tasks: blocking on the result pipe or an empty task queue
        blocks = sum(b["nvcsw0"] - a["nvcsw1"] for a, b in zip(ts, ts[1:], strict=False))
        per_worker.append({"pid": pid, "tasks": len(ts), "docs": sum(t["n"] for t in ts),
                           "first_start": ts[0]["t0"] - t0, "last_end": ts[-1]["t1"] - t0,
                           "busy": sum(t["t1"] - t["t0"] for t in ts), "idle_between": sum(gaps),
                           "max_gap": max(gaps, default=0.0), "blocks_between": blocks, "cpu": sum(t["cpu"] for t in ts),
                           "minflt": sum(t["minflt"] for t in ts), "majflt": sum(t["majflt"] for t in ts),
                           "bytes": sum(t["bytes"] for t in ts),
                           "minflt_first_task": ts[0]["minflt"]})
    phases: dict[str, float] = {}
    spans: dict[str, tuple[float, float]] = {}
    for name, a, b in marks:
        phases[name] = phases.get(name, 0.0) + b - a
        s = spans.get(name)
        spans[name] = (min(a, s[0]) if s else a, max(b, s[1]) if s else b)
    ends = sorted(w["last_end"] for w in per_worker)
    tail = ends[-1] - ends[0] if len(ends) > 1 else 0.0
    durations = [t["t1"] - t["t0"] for t in tasks]
    out = {
        "workers": workers, "wall": t_end - t0, "summary_seconds": summary.seconds,
        "documents": summary.documents, "sentences": summary.sentences,
        "load_avg": os.getloadavg(),
        "parent_cpu_all_threads": (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime),
        "parent_cpu_main_thread": dict(summary.cpu),
        "parent_minflt": ru1.ru_minflt - ru0.ru_minflt,
        "children_cpu_reaped": (ch1.ru_utime + ch1.ru_stime) - (ch0.ru_utime + ch0.ru_stime),
        "workers_detail": per_worker,
        "tail_after_first_worker_done": tail,
        "first_task_start": min((w["first_start"] for w in per_worker), default=None),
        "last_task_end": max(ends, default=None),
        "after_last_task": (t_end - t0) - max(ends, default=0.0),
        "task_seconds": {"n": len(durations), "mean": statistics.mean(durations) if durations else 0,
                         "max": max(durations, default=0),
                         "last_5": [round(t["t1"] - t["t0"], 3) for t in sorted(tasks, key=lambda t: t["t0"])[-5:]]},
        "task_sizes": sorted({t["n"] for t in tasks}),
        "bytes_per_task": statistics.mean([t["bytes"] for t in tasks]) if tasks else 0,
        "parent_marks": {k: round(v, 3) for k, v in phases.items()},
        "parent_spans": {k: (round(a - t0, 3), round(b - t0, 3)) for k, (a, b) in spans.items()},
    }
    return out


def _print(r: dict[str, Any]) -> None:
    print(f"workers={r['workers']} wall={r['wall']:.2f}s docs={r['documents']} sentences={r['sentences']} "
          f"load={tuple(round(x, 2) for x in r['load_avg'])}")
    print(f"  parent CPU all threads {r['parent_cpu_all_threads']:.2f}s; main thread "
          + ", ".join(f"{k} {v:.2f}" for k, v in r["parent_cpu_main_thread"].items())
          + f" (sum {sum(r['parent_cpu_main_thread'].values()):.2f}); parent minflt {r['parent_minflt']}")
    print(f"  reaped children CPU {r['children_cpu_reaped']:.2f}s; other processes on the machine meanwhile "
          f"{r['others_cpu']:.2f}s")
    for w in r["workers_detail"]:
        print(f"  worker {w['pid']}: {w['tasks']} tasks / {w['docs']} docs, first start {w['first_start']:.2f}s, "
              f"last end {w['last_end']:.2f}s, busy {w['busy']:.2f}s, idle between {w['idle_between']:.2f}s "
              f"(max gap {w['max_gap']:.3f}, {w['blocks_between']} blocking waits), cpu {w['cpu']:.2f}s, minflt {w['minflt']} "
              f"(first task {w['minflt_first_task']}), bytes {w['bytes'] / 1e6:.1f} MB")
    if r["workers_detail"]:  # a one-worker run analyses in this process: no tasks
        print(f"  first task starts at {r['first_task_start']:.2f}s; tail (one worker idle) "
              f"{r['tail_after_first_worker_done']:.2f}s; after the last task {r['after_last_task']:.2f}s")
        print(f"  tasks {r['task_seconds']}; sizes {r['task_sizes']}; bytes/task {r['bytes_per_task'] / 1e3:.0f} kB")
    print(f"  parent marks {r['parent_marks']}")
    print(f"  parent spans {r['parent_spans']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--narrow-pipe", action="store_true",
                    help="leave the result pipe at the system's 64 kB (to compare with the widened one)")
    ap.add_argument("--no-ahead", action="store_true", help="no ingest-ahead helper (to compare with it)")
    args = ap.parse_args()
    if args.no_ahead:
        from marsad.scale.ahead import IngestAhead
        IngestAhead.start = classmethod(lambda cls, items, limit=0: None)  # type: ignore[method-assign,assignment]
    if args.narrow_pipe:
        import marsad.scale.pool
        marsad.scale.pool._widen_result_pipe = lambda pool: None
    import logging
    logging.basicConfig(level=logging.ERROR)
    runs = []
    for _ in range(args.repeat):
        r = measure(args.corpus, args.workers)
        _print(r)
        runs.append(r)
        sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(runs, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
