"""``make bench``: end-to-end throughput, memory, start-up and per-stage time of ``marsad run``.

Generates (or reuses) a corpus of replicated/perturbed demo articles, then measures in fresh child
processes, one configuration each:

- ``floor``   read + decode + clean + sentence split + tokenise only (the cost no configuration can beat)
- ``local1``  ``marsad run --workers 1`` with per-stage timing
- ``local2``  ``marsad run --workers 2``
- ``dask2``   ``marsad run --engine dask --workers 2`` (a LocalCluster; skipped without dask.distributed)
- ``startup`` importing the pipeline and loading all knowledge and models

Peak RSS is sampled every 50 ms over the child and all its descendants (psutil when installed, else
``getrusage``). Results go to ``benchmarks/RESULTS.md`` (a table plus the machine) and
``benchmarks/results.json``. Usage: ``python benchmarks/bench.py [--docs 2000] [--only local1,floor]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONFIGS = ("startup", "floor", "local1", "local2", "dask2")
TARGET_SENT_PER_S = 2000.0
TARGET_SPEEDUP = 1.8
TARGET_RSS_MB = 500.0
TARGET_STARTUP_S = 2.0


# -- child side ------------------------------------------------------------------------------
class RssSampler:
    """Peak memory, sampled in a thread: largest RSS of any process, and total PSS of the process tree.

    RSS is cheap to read (``statm``) and is read every ``interval``; PSS walks every mapping of a process
    (``smaps``, ~4 ms of CPU for a 400 MB process) and is read every ``pss_every`` samples, as is the
    list of descendants. Reading PSS of three processes 20 times a second took about a third of a core
    from the run being measured — none from one worker, which leaves a core idle, but a share of two
    workers' cores: the sampler itself lowered the two-worker speed-up.
    """

    def __init__(self, interval: float = 0.05, pss_every: int = 20) -> None:
        self.interval = interval
        self.pss_every = pss_every
        self.peak_total = 0
        self.peak_process = 0
        self.cpu = 0.0  # the sampler's own CPU time
        self._n = 0
        self._procs: list[Any] = []
        self._stop = threading.Event()
        try:
            import psutil
            self._proc = psutil.Process()
        except ImportError:
            self._proc = None
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _sample(self, full: bool = False) -> None:
        if self._proc is None:
            return
        full = full or self._n % self.pss_every == 0
        self._n += 1
        if full or not self._procs:
            self._procs = [self._proc]
            try:
                self._procs += self._proc.children(recursive=True)
            except Exception:
                pass
        rss, pss = [], []
        for p in self._procs:
            try:
                # pss: shared (copy-on-write) pages split between the processes
                mi = p.memory_full_info() if full else p.memory_info()
            except Exception:
                continue
            rss.append(mi.rss)
            pss.append(getattr(mi, "pss", mi.rss))
        if rss:
            if full:
                self.peak_total = max(self.peak_total, sum(pss))
            self.peak_process = max(self.peak_process, max(rss))

    def _loop(self) -> None:
        while not self._stop.is_set():
            t = time.thread_time()
            self._sample()
            self.cpu += time.thread_time() - t
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample(full=True)
        # getrusage knows the true peaks of this process and of reaped children, even between samples.
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        self.peak_process = max(self.peak_process, own, kids)
        self.peak_total = max(self.peak_total, self.peak_process)


def _child(mode: str, corpus: Path, result: Path) -> None:
    import logging
    logging.basicConfig(level=logging.ERROR)
    out: dict[str, Any] = {"mode": mode}
    if mode == "startup":
        t0 = time.perf_counter()
        from marsad.pipeline import Knowledge
        t1 = time.perf_counter()
        Knowledge().warm()
        t2 = time.perf_counter()
        out.update(import_s=t1 - t0, warm_s=t2 - t1, seconds=t2 - t0,
                   rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    elif mode == "floor":
        from marsad.ingest import iter_inputs
        from marsad.pipeline import load_document, text_stage
        docs = sentences = 0
        with RssSampler() as rss:
            t0 = time.perf_counter()
            for i, raw in enumerate(iter_inputs([str(corpus)])):
                doc = load_document(raw, f"d{i}")
                docs += 1
                if doc.status == "ok":
                    text_stage(doc, None)  # type: ignore[arg-type] - the text stage needs no knowledge
                    sentences += len(doc.sentences)
            out["seconds"] = time.perf_counter() - t0
        out.update(documents=docs, sentences=sentences, peak_rss_total=rss.peak_total,
                   peak_rss_process=rss.peak_process)
    else:
        from marsad.runner import run
        from marsad.scale.timing import TIMES, instrument
        kwargs: dict[str, Any] = {"local1": {"workers": 1}, "local2": {"workers": 2},
                                  "dask2": {"workers": 2, "engine": "dask"}}[mode]
        if mode == "local1":
            instrument()
        self0, kids0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        with tempfile.TemporaryDirectory(prefix=f"marsad-bench-{mode}-") as tmp, RssSampler() as rss:
            summary = run([str(corpus)], Path(tmp), quiet=True, resume=False, **kwargs)
        # every thread of this process (the pool's result thread too), and the worker processes it reaped
        out.update(cpu_parent_all=_cpu(resource.RUSAGE_SELF) - self0 - rss.cpu,
                   cpu_workers=_cpu(resource.RUSAGE_CHILDREN) - kids0, cpu_sampler=rss.cpu)
        out.update(seconds=summary.seconds, documents=summary.documents, processed=summary.processed,
                   rejected=summary.rejected, sentences=summary.sentences, events=summary.events,
                   mentions=summary.mentions, phases=summary.phases, cpu=getattr(summary, "cpu", {}), stages=TIMES.as_dict(),
                   peak_rss_total=rss.peak_total, peak_rss_process=rss.peak_process)
    result.write_text(json.dumps(out, indent=1), encoding="utf-8")


def _cpu(who: int) -> float:
    ru = resource.getrusage(who)
    return ru.ru_utime + ru.ru_stime


def _machine_busy() -> float | None:
    """CPU seconds the whole machine has been busy (``/proc/stat``), to tell what other processes took."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


# -- parent side -----------------------------------------------------------------------------
def _machine(load_before: str) -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines()
                      if ln.startswith("MemTotal")))
        mem = f"{kb / 1048576:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    commit = ""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True,
                               text=True, timeout=10).stdout.strip()
        commit += " (+ uncommitted changes)" if dirty else ""
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        import duckdb
        duck = duckdb.__version__
    except ImportError:
        duck = "?"
    try:
        import distributed
        dask_v = distributed.__version__
    except ImportError:
        dask_v = "not installed"
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": mem,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "duckdb": duck, "dask.distributed": dask_v, "commit": commit or "?",
            "load average (1 min) before / after": f"{load_before} / {_load()}",
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "?"


def _run_child(mode: str, corpus: Path, timeout: float) -> dict[str, Any] | None:
    with tempfile.TemporaryDirectory() as tmp:
        res = Path(tmp) / "r.json"
        busy0, kids0 = _machine_busy(), _cpu(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        # the LocalCluster's scheduler and nannies log every start and stop at INFO through dask's own
        # logging config; the bench reports its figures, not those lines
        env = {**os.environ, "DASK_LOGGING__DISTRIBUTED": "error"}
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", mode,
                               "--corpus", str(corpus), "--result", str(res)], cwd=ROOT, timeout=timeout,
                              env=env)
        wall = time.perf_counter() - t0
        if proc.returncode != 0 or not res.exists():
            print(f"  {mode}: failed (exit {proc.returncode})", file=sys.stderr)
            return None
        data = json.loads(res.read_text(encoding="utf-8"))
        data["process_wall_s"] = wall
        # CPU of the configuration's process and all its descendants, and what the rest of the machine
        # used meanwhile: wall-clock figures are only comparable when the latter is small
        data["cpu_total"] = _cpu(resource.RUSAGE_CHILDREN) - kids0
        busy1 = _machine_busy()
        if busy0 is not None and busy1 is not None:
            data["cpu_others"] = max(busy1 - busy0 - data["cpu_total"], 0.0)
        return data


def _num(x: float | None) -> str:
    return f"{x:.1f}" if x is not None else "–"


def _mb(n: float | None) -> str:
    return f"{n / 1048576:.0f}" if n else "–"


def _report(results: dict[str, dict[str, Any]], machine: dict[str, str], corpus_info: dict[str, Any],
            total_s: float) -> str:
    floor = results.get("floor")
    one = results.get("local1")
    command = " ".join(["python benchmarks/bench.py", *sys.argv[1:]])
    lines = ["# Benchmark results", "",
             f"Generated by `{command}` (`make bench` runs it with the defaults) on {machine['date']}, "
             f"in {total_s:.0f} s overall.", "",
             "## Machine", "", "| | |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in machine.items()]
    lines += ["", "## Corpus", "",
              f"{corpus_info['files']} generated documents ({corpus_info['bytes'] / 1048576:.1f} MB; 95% `.txt`, "
              f"5% HTML) replicated and perturbed from the demo corpus by `benchmarks/corpus.py` "
              f"(seed {corpus_info['seed']}).", "",
              "## Throughput (end to end: listing, ingest, all stages, JSONL files, store, cross-document pass)", "",
              "| configuration | seconds | docs/s | sentences/s | speed-up vs 1 worker | × floor time "
              "| peak RSS, largest process (MB) | peak PSS, all processes (MB) | CPU s | other processes' CPU s |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    names = {"floor": "floor: read + normalise + tokenise", "local1": "`--workers 1`", "local2": "`--workers 2`",
             "dask2": "`--engine dask --workers 2` (LocalCluster)"}
    for key in ("floor", "local1", "local2", "dask2"):
        r = results.get(key)
        if not r:
            lines.append(f"| {names[key]} | not run | | | | | | | | |")
            continue
        s = r["seconds"]
        speed = f"{one['seconds'] / s:.2f}×" if one and key not in ("floor", "local1") else ""
        ratio = f"{s / floor['seconds']:.1f}" if floor and key != "floor" else ""
        lines.append(f"| {names[key]} | {s:.1f} | {r['documents'] / s:.1f} | {r['sentences'] / s:.0f} | {speed} "
                     f"| {ratio} | {_mb(r.get('peak_rss_process'))} | {_mb(r.get('peak_rss_total'))} "
                     f"| {_num(r.get('cpu_total'))} | {_num(r.get('cpu_others'))} |")
    lines += ["", "`CPU s` counts the configuration's processes (parent, workers, Dask's scheduler and nannies); "
              "`other processes' CPU s` is what the rest of the machine used during the run (`/proc/stat`)."]
    two = results.get("local2")
    if two and two.get("cpu_workers") is not None and one:
        par, wrk = two["cpu_parent_all"], two["cpu_workers"]
        warm = (results.get("startup") or {}).get("warm_s", 0.0)  # before the fork, one core busy
        after = sum(two.get("cpu", {}).get(k, 0.0) for k in ("finalize", "annotate"))  # after the workers
        bound = warm + after + (par + wrk - warm - after) / 2
        lines += ["", f"Two workers: the workers used {wrk:.1f} CPU s and the parent {par:.1f} (all its threads). "
                  f"With the knowledge load before forking ({warm:.1f} s) and the cross-document pass and "
                  f"annotation after the workers ({after:.1f} s) on one core and everything else split evenly "
                  f"over two idle cores, the run could take {bound:.1f} s ({one['seconds'] / bound:.2f}× one "
                  f"worker); it took {two['seconds']:.1f} s."]
    st = results.get("startup")
    if st:
        lines += ["", "## Start-up", "",
                  f"Import of the pipeline {st['import_s']:.2f} s + loading all knowledge and models "
                  f"{st['warm_s']:.2f} s = **{st['seconds']:.2f} s** (peak RSS {st['rss_mb']:.0f} MB)."]
    if one and one.get("stages"):
        stages = one["stages"]
        phases = one.get("phases", {})
        rows = [(k, v["seconds"]) for k, v in stages.items()]
        rows += [(f"runner: {k}", v) for k, v in phases.items()]
        total = one["seconds"]
        n = max(one["documents"], 1)
        lines += ["", "## Where the time goes (`--workers 1`)", "",
                  "| stage | seconds | share of run | ms per document |", "| --- | ---: | ---: | ---: |"]
        for k, v in sorted(rows, key=lambda kv: -kv[1]):
            lines.append(f"| {k} | {v:.2f} | {100 * v / total:.0f}% | {1000 * v / n:.2f} |")
        accounted = sum(v for _, v in rows)
        lines.append(f"| other (listing, progress, Python overhead) | {max(total - accounted, 0):.2f} "
                     f"| {100 * max(total - accounted, 0) / total:.0f}% | |")
    runs = [(k, results[k]) for k in ("local1", "local2", "dask2") if results.get(k, {}).get("cpu")]
    if runs:
        names_cpu = {"local1": "`--workers 1`", "local2": "`--workers 2`", "dask2": "`--engine dask --workers 2`"}
        phases_cpu = sorted({p for _, r in runs for p in r["cpu"]}, key=lambda p: -max(r["cpu"].get(p, 0) for _, r in runs))
        lines += ["", "## The parent process's share (CPU seconds of its main thread)", "",
                  "What the process that writes the files and the store does itself. With workers it competes "
                  "with them for the cores (`engine`: loading the knowledge they inherit and receiving their "
                  "results), and `finalize` and `annotate` run after them, alone.", "",
                  "| phase | " + " | ".join(names_cpu[k] for k, _ in runs) + " |",
                  "| --- |" + " ---: |" * len(runs)]
        for p in phases_cpu:
            lines.append(f"| {p} | " + " | ".join(f"{r['cpu'].get(p, 0):.2f}" for _, r in runs) + " |")
        lines.append("| total | " + " | ".join(f"{sum(r['cpu'].values()):.2f}" for _, r in runs) + " |")
    lines += ["", "## Against the targets of issue 9", ""]
    checks = []
    if one:
        sps = one["sentences"] / one["seconds"]
        checks.append(("≥ 2,000 sentences/s on one worker", f"{sps:.0f}", sps >= TARGET_SENT_PER_S))
        two = results.get("local2")
        if two:
            sp = one["seconds"] / two["seconds"]
            checks.append(("≥ 1.8× that on two workers", f"{sp:.2f}×", sp >= TARGET_SPEEDUP))
    peak = max((r.get("peak_rss_process") or 0) for r in results.values()) if results else 0
    if peak:
        checks.append(("peak RSS ≤ 500 MB (largest process)", f"{peak / 1048576:.0f} MB",
                       peak / 1048576 <= TARGET_RSS_MB))
    if st:
        checks.append(("start-up ≤ 2 s", f"{st['seconds']:.2f} s", st["seconds"] <= TARGET_STARTUP_S))
    checks.append(("`make bench` under 10 minutes", f"{total_s / 60:.1f} min", total_s < 600))
    lines += ["| target | measured | met |", "| --- | ---: | :---: |"]
    lines += [f"| {t} | {m} | {'yes' if ok else '**no**'} |" for t, m, ok in checks]
    lines += ["", "RSS counts pages shared copy-on-write with the parent in every forked worker; PSS splits them "
              "between the processes, so the PSS total is what the run really occupies. Outputs of the runs "
              "are identical whatever the engine (`tests/scale/`). Numbers are wall-clock: compare the load "
              "average above with the number of cores before trusting a speed-up."]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description="Marsad benchmarks")
    ap.add_argument("--docs", type=int, default=2000, help="documents in the generated corpus (default 2000)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--only", default="", help=f"comma-separated subset of {','.join(CONFIGS)}")
    ap.add_argument("--corpus", type=Path, help="use this corpus folder instead of generating one")
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--timeout", type=float, default=900, help="seconds allowed per configuration")
    ap.add_argument("--child", choices=CONFIGS, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.corpus, args.result)
        return
    t0 = time.perf_counter()
    load_before = _load()
    configs = [c for c in CONFIGS if not args.only or c in args.only.split(",")]
    tmp = None
    if args.corpus:
        corpus = args.corpus
        info = {"files": sum(1 for p in corpus.rglob("*") if p.is_file()),
                "bytes": sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file()), "seed": "given"}
    else:
        sys.path.insert(0, str(HERE))
        from corpus import generate
        tmp = Path(tempfile.mkdtemp(prefix="marsad-bench-corpus-"))
        corpus = tmp / "corpus"
        print(f"generating {args.docs} documents in {corpus} …", file=sys.stderr)
        info = {**generate(corpus, args.docs, args.seed), "seed": args.seed}
    results: dict[str, dict[str, Any]] = {}
    try:
        for mode in configs:
            if mode == "dask2":
                try:
                    import distributed  # noqa: F401
                except ImportError:
                    print("  dask2: skipped (dask.distributed is not installed)", file=sys.stderr)
                    continue
            print(f"running {mode} …", file=sys.stderr)
            r = _run_child(mode, corpus, args.timeout)
            if r:
                results[mode] = r
                if "documents" in r:
                    print(f"  {mode}: {r['seconds']:.1f} s, {r['documents'] / r['seconds']:.1f} docs/s, "
                          f"{r['sentences'] / r['seconds']:.0f} sentences/s", file=sys.stderr)
                else:
                    print(f"  {mode}: {r['seconds']:.2f} s", file=sys.stderr)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    total = time.perf_counter() - t0
    machine = _machine(load_before)
    args.out.write_text(_report(results, machine, info, total), encoding="utf-8")
    (args.out.parent / "results.json").write_text(
        json.dumps({"machine": machine, "corpus": info, "total_s": total, "results": results}, indent=1),
        encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
