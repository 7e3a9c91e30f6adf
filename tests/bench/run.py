"""`make bench`: throughput, CPU and memory of the refresh on a synthetic OIG corpus.

For each corpus size (BENCH_N, default "100 1000"; e.g. BENCH_N=10000) it generates the
corpus (tests/bench/corpus.py) and runs, each in its own process so that its peak memory is
its own, side by side:
- floor: ingest and extract every report in a plain loop (no Prefect, no cache, no tables);
- cold: `oigdata refresh` into a new folder with an empty cache;
- no-change: the same refresh again;
- one-new: one more report added, refresh again.
It prints wall time, CPU time (user + system, all processes), CPU use (1.0 = one core), peak
resident memory, documents per second and MB/s of text, and two linearity ratios (about 2
means linear): extraction time of one report doubled in size, and floor time of the corpus
doubled (its first half against all of it). Figures are appended to tests/bench/results.csv.
Not part of `make test`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tests.bench.corpus import report, write_corpus

REPO = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).with_name("results.csv")
WORK = Path(os.environ.get("BENCH_DIR", "/tmp/oigdata-bench"))
OIGDATA = str(REPO / ".venv" / "bin" / "oigdata")


def _measure(cmd: list[str], env: dict | None = None) -> dict:
    """Run cmd; its wall time, exit code and output."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    return {"wall": wall, "rc": proc.returncode, "stdout": out, "stderr": err}


def _run(name: str, cmd: list[str], env: dict | None = None) -> dict:
    m = _measure(cmd, env)
    if m["rc"] != 0:
        print(f"{name} failed (exit {m['rc']}):\n{m['stdout'][-2000:]}\n{m['stderr'][-2000:]}", file=sys.stderr)
    return m


def _reported(cmd_result: dict, key: str) -> float:
    """A figure the wrapper printed ('PEAK_RSS_KB n', 'CPU_S x')."""
    for line in cmd_result["stderr"].splitlines():
        if line.startswith(key + " "):
            return float(line.split()[1])
    return float("nan")


_WRAPPER = """
import ctypes, os, resource, subprocess, sys
# a subreaper: processes orphaned below this one (the fork server's children) are reparented
# here and reaped below, so their CPU and memory count as the command's
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)
rc = subprocess.call(sys.argv[1:])
while True:
    try:
        os.waitpid(-1, 0)
    except ChildProcessError:
        break
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("PEAK_RSS_KB", r.ru_maxrss, file=sys.stderr)
print("CPU_S", r.ru_utime + r.ru_stime, file=sys.stderr)
sys.exit(rc)
"""


def _timed(cmd: list[str]) -> list[str]:
    """Wrap a command so that it prints the peak RSS of its largest process and the CPU time of
    all its processes (orphaned descendants included) when it ends."""
    return [sys.executable, "-c", _WRAPPER, *cmd]


def floor_main(raw: str) -> None:
    """The plain-loop floor, in this process: ingest and extract each report, nothing else."""
    from flows.extract import extract_document
    from flows.extract.model import Document
    from flows.ingest import ingest_file
    from flows.ingest.catalogue import as_entries, load_catalogue
    from flows.ingest.manifest import load_manifest

    folder = Path(raw)
    entries = as_entries(load_catalogue(folder))
    manifest = load_manifest(folder)
    files = sorted(folder.glob("*.txt"))
    half_at, t0 = len(files) // 2, time.perf_counter()
    half = 0.0
    total = 0
    for k, path in enumerate(files):
        if k == half_at:
            half = time.perf_counter() - t0
        ing = ingest_file(path, folder, manifest)
        d = ing.document
        extract_document(Document(d["doc_id"], ing.text, d["genre"], d["published_on"], entries))
        total += len(ing.text)
    whole = time.perf_counter() - t0
    # one report, then the same report doubled in size
    times = []
    for size in (100, 200):
        _, text = report(10**6, 1, size)
        t = time.perf_counter()
        extract_document(Document("b" * 16, text, "oig_report", None, entries))
        times.append(time.perf_counter() - t)
    print(json.dumps({"chars": total, "half": half, "whole": whole, "doc_1x": times[0], "doc_2x": times[1],
                      "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def bench(n: int) -> list[dict]:
    base = WORK / str(n)
    shutil.rmtree(base, ignore_errors=True)
    raw, out = base / "raw", base / "site" / "curated"
    (raw / "reference").mkdir(parents=True)
    out.parent.mkdir(parents=True)
    shutil.copy(REPO / "raw" / "reference" / "dhs_oig_reports.csv", raw / "reference")
    t = time.perf_counter()
    nbytes = write_corpus(raw, n)
    print(f"[{n}] corpus: {n} reports, {nbytes / 1e6:.1f} MB, generated in {time.perf_counter() - t:.1f} s")
    rows = []
    f = _run("floor", _timed([sys.executable, "-m", "tests.bench.run", "--floor", str(raw)]))
    info = json.loads(f["stdout"].strip().splitlines()[-1]) if f["rc"] == 0 else {}
    rows.append(_row(n, "floor (plain loop)", f, nbytes, n))
    refresh = _timed([OIGDATA, "refresh", "--raw", str(raw), "--out", str(out)])
    for phase in ("cold", "no-change"):
        rows.append(_row(n, phase, _run(phase, refresh), nbytes, n))
    extra = write_corpus(raw, 1, start=n)
    rows.append(_row(n, "one-new", _run("one-new", refresh), extra, 1))
    if info:
        rows.append({"n": n, "phase": "linearity", "doc_size_x2": info["doc_2x"] / info["doc_1x"],
                     "corpus_x2": info["whole"] / info["half"] if info["half"] else float("nan")})
    return rows


def _row(n: int, phase: str, m: dict, nbytes: int, docs: int) -> dict:
    cpu = _reported(m, "CPU_S")
    return {"n": n, "phase": phase, "ok": m["rc"] == 0, "wall_s": m["wall"], "cpu_s": cpu,
            "cores": cpu / m["wall"] if m["wall"] else 0.0, "peak_rss_mb": _reported(m, "PEAK_RSS_KB") / 1024,
            "docs_per_s": docs / m["wall"], "mb_per_s": nbytes / 1e6 / m["wall"]}


def main() -> None:
    sizes = [int(x) for x in os.environ.get("BENCH_N", "100 1000").split()]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    rows = [r for n in sizes for r in bench(n)]
    table = Table(title=f"oigdata bench ({commit}, {os.cpu_count()} cores)")
    for col in ("reports", "phase", "ok", "wall s", "CPU s", "cores used", "peak RSS MB", "docs/s", "MB/s"):
        table.add_column(col, justify="right")
    for r in rows:
        if r["phase"] == "linearity":
            continue
        table.add_row(str(r["n"]), r["phase"], "yes" if r["ok"] else "FAILED", f"{r['wall_s']:.1f}",
                      f"{r['cpu_s']:.1f}", f"{r['cores']:.2f}", f"{r['peak_rss_mb']:.0f}", f"{r['docs_per_s']:.2f}",
                      f"{r['mb_per_s']:.3f}")
    console = Console()
    console.print(table)
    for r in rows:
        if r["phase"] == "linearity":
            console.print(f"[{r['n']}] linearity: one report x2 in size -> time x{r['doc_size_x2']:.2f}; "
                          f"corpus x2 -> floor time x{r['corpus_x2']:.2f} (about 2 is linear)")
    new = not RESULTS.exists()
    with RESULTS.open("a", newline="") as fh:
        w = csv.writer(fh)
        if new:
            w.writerow(["date", "commit", "reports", "phase", "ok", "wall_s", "cpu_s", "cores", "peak_rss_mb",
                        "docs_per_s", "mb_per_s", "ratio"])
        for r in rows:
            w.writerow([dt.date.today().isoformat(), commit, r["n"], r["phase"], r.get("ok", ""),
                        *(f"{r[k]:.3f}" if k in r else "" for k in ("wall_s", "cpu_s", "cores", "peak_rss_mb",
                                                                    "docs_per_s", "mb_per_s")),
                        f"{r['doc_size_x2']:.2f}/{r['corpus_x2']:.2f}" if r["phase"] == "linearity" else ""])
    console.print(f"figures appended to {RESULTS.relative_to(REPO)}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--floor":
        floor_main(sys.argv[2])
    else:
        main()
