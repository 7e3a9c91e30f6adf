"""`make hostile`: the CLI tried as an attacker and a careless user would, in a scratch folder.

Each case runs `oigdata` in a subprocess with a time limit and is classed as: refused (a
non-zero exit with a reason, no traceback), published (a release written where it should be),
crashed (a traceback or an unexpected exit), hung (over its time limit), leaked (a secret from
outside raw/ or the database reached the output or a release) or wiped (a file that was not the
tool's to touch is gone or changed). Prints a table; exits 1 unless nothing crashed, hung,
leaked or was wiped. Not part of `make test` (it starts Prefect many times).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
SECRET = "TOP-SECRET-6f1c9a: never publish me"


@dataclass
class Case:
    name: str
    args: list[str]
    expect: str  # "refused" or "published"
    timeout: float = 180
    setup: object = None  # callable(root) run before
    check: object = None  # callable(root, proc) -> outcome override or None


def run(root: Path, case: Case) -> tuple[str, str]:
    if case.setup:
        case.setup(root)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("OIGDATA_LISTING_URL", None)
    try:
        proc = subprocess.run([sys.executable, "-m", "flows.cli", *[a.format(root=root) for a in case.args]],
                              capture_output=True, text=True, timeout=case.timeout, cwd=root, env=env,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "hung", f"over {case.timeout:g} s"
    output = proc.stdout + proc.stderr
    published = "\n".join(p.read_text(errors="replace") for p in root.rglob("*.csv") if "curated" in p.parts)
    if SECRET in output or SECRET in published:
        return "leaked", "a secret reached the output or a release"
    if "Traceback" in output:
        return "crashed", output.strip().splitlines()[-1][:120]
    if case.check:
        verdict = case.check(root, proc)
        if verdict:
            return verdict
    reason = (proc.stderr.strip() or proc.stdout.strip()).splitlines()[-1][:120] if output.strip() else ""
    if proc.returncode == 0:
        return ("published", reason) if case.expect == "published" else ("crashed", f"exit 0: {reason}")
    if proc.returncode in (1, 2, 3):
        return "refused", reason
    return "crashed", f"exit {proc.returncode}: {reason}"


def _raw(root: Path) -> Path:
    raw = root / "raw"
    if not raw.exists():
        shutil.copytree(REPO / "raw", raw)
    (root / "secret.txt").write_text(SECRET + "\n")
    return raw


def _with(fn):
    def setup(root: Path) -> None:
        fn(_raw(root))
    return setup


def _release(root: Path) -> None:
    _raw(root)
    if not (root / "curated").exists():
        shutil.copytree(REPO / "curated", root / "curated", ignore=shutil.ignore_patterns("oig.duckdb"))
        subprocess.run([sys.executable, "-c", "from pathlib import Path; from flows.publish.duckdb_db import "
                        "build_database as b; b(Path('curated/parquet'), Path('curated/oig.duckdb'))"],
                       cwd=root, env={**os.environ, "PYTHONPATH": str(REPO)}, check=True)


def _untouched(path: str, content: str):
    def check(root: Path, proc) -> tuple[str, str] | None:
        p = root / path
        if not p.exists() or p.read_text() != content:
            return "wiped", f"{path} lost or changed"
        return None
    return check


def _no_file(path: str):
    def check(root: Path, proc) -> tuple[str, str] | None:
        return ("leaked", f"{path} was written") if (root / path).exists() else None
    return check


def _mine(root: Path) -> None:
    _raw(root)
    (root / "mine").mkdir(exist_ok=True)
    (root / "mine" / "thesis.txt").write_text("years of work")


def _linked_out(root: Path) -> None:
    _raw(root)
    (root / "srv").mkdir(exist_ok=True)
    if not (root / "out").is_symlink():
        (root / "out").symlink_to(root / "srv")


def _altered(root: Path) -> None:
    _release(root)
    p = root / "curated" / "csv" / "reports.csv"
    p.write_text(p.read_text().replace("Lack of Planning", "Lack of Plannin"))


REFRESH = ["refresh", "--raw", "{root}/raw", "--out", "{root}/curated"]
CASES = [
    Case("symlink to a file outside raw/", REFRESH, "published",
         setup=_with(lambda raw: (raw / "p.txt").symlink_to(raw.parent / "secret.txt"))),
    Case("symlinked folder, FIFO, odd name, 1-byte file", REFRESH, "published",
         setup=_with(lambda raw: ((raw / "dir").symlink_to(raw.parent), os.mkfifo(raw / "fifo.txt"),
                                  (raw / os.fsdecode(b"caf\xe9.txt")).write_text("a short real document about ICE "
                                                                                 "training oversight"),
                                  (raw / "one.txt").write_text("x")))),
    Case("--out is the raw folder", ["refresh", "--raw", "{root}/raw", "--out", "{root}/raw"], "refused",
         setup=_with(lambda raw: None), check=_untouched("raw/manifest.csv", (REPO / "raw/manifest.csv").read_text())),
    Case("--out holds other files", ["refresh", "--raw", "{root}/raw", "--out", "{root}/mine"], "refused",
         setup=_mine, check=_untouched("mine/thesis.txt", "years of work")),
    Case("symlinked --out", ["refresh", "--raw", "{root}/raw", "--out", "{root}/out"], "published",
         setup=_linked_out),
    Case("no reference catalogue", REFRESH, "refused", setup=_with(lambda raw: shutil.rmtree(raw / "reference"))),
    Case("catalogue date in 2999", REFRESH, "refused",
         setup=_with(lambda raw: (raw / "reference" / "dhs_oig_reports.csv").open("a").write(
             "OIG-99-01,DHS OIG,Future,2999-01-01,\n"))),
    Case("manifest lists a path twice", REFRESH, "refused",
         setup=_with(lambda raw: (raw / "manifest.csv").open("a").write("x.txt,,,,,\nx.txt,,,,,\n"))),
    Case("query reads a file", ["query", "select * from read_text('{root}/secret.txt')", "--db",
                                "{root}/curated/oig.duckdb"], "refused", setup=_release),
    Case("query writes a file", ["query", "COPY (select 1) TO '{root}/owned.txt'", "--db", "{root}/curated/oig.duckdb"],
         "refused", setup=_release, check=_no_file("owned.txt")),
    Case("query overwrites a release file", ["query", "COPY recommendations TO '{root}/curated/csv/reports.csv'",
                                             "--db", "{root}/curated/oig.duckdb"], "refused", setup=_release),
    Case("query attaches a database", ["query", "ATTACH '{root}/other.db'", "--db", "{root}/curated/oig.duckdb"],
         "refused", setup=_release, check=_no_file("other.db")),
    Case("query installs an extension", ["query", "INSTALL httpfs", "--db", "{root}/curated/oig.duckdb"], "refused",
         setup=_release),
    Case("two statements", ["query", "select 1; select 2", "--db", "{root}/curated/oig.duckdb"], "refused",
         setup=_release),
    Case("runaway query", ["query", "select count(*) from range(1000000000000)", "--timeout", "2", "--db",
                           "{root}/curated/oig.duckdb"], "refused", timeout=60, setup=_release),
    Case("export --where with a statement", ["export", "--table", "recommendations", "--where",
                                             "1=1; COPY (select 1) TO '{root}/owned2.txt'", "--db",
                                             "{root}/curated/oig.duckdb", "--output", "{root}/x.csv"], "refused",
         setup=_release, check=_no_file("owned2.txt")),
    Case("export to a missing folder", ["export", "--table", "recommendations", "--db", "{root}/curated/oig.duckdb",
                                        "--output", "{root}/nope/x.csv"], "refused", setup=_release),
    Case("--db is a folder", ["query", "select 1", "--db", "{root}"], "refused"),
    Case("empty SQL", ["query", "", "--db", "{root}/curated/oig.duckdb"], "refused", setup=_release),
    Case("--file missing", ["query", "--file", "{root}/none.sql"], "refused"),
    Case("validate an altered release", ["validate", "--out", "{root}/curated"], "refused", setup=_altered),
    Case("validate a missing folder", ["validate", "--out", "{root}/nowhere"], "refused"),
    Case("--timeout -1", ["fetch", "--timeout", "-1", "--raw", "{root}/raw"], "refused"),
    Case("serve --interval -5", ["serve", "--interval", "-5"], "refused"),
    Case("serve --cron bad", ["serve", "--cron", "bad"], "refused"),
    Case("bad --release-date", ["refresh", "--raw", "{root}/raw", "--release-date", "2024-13-40"], "refused",
         setup=_with(lambda raw: None)),
]


def main() -> int:
    console = Console(width=140)
    table = Table(title="Hostile battery")
    for col in ("case", "expected", "outcome", "detail"):
        table.add_column(col, overflow="fold")
    tally: Counter = Counter()
    for case in CASES:
        with tempfile.TemporaryDirectory(prefix="oigdata-hostile-") as tmp:
            outcome, detail = run(Path(tmp), case)
        tally[outcome] += 1
        style = "" if outcome in ("refused", "published") and outcome == case.expect else "red"
        table.add_row(case.name, case.expect, f"[{style}]{outcome}[/]" if style else outcome, detail)
        console.print(f"{case.name}: {outcome}")
    console.print(table)
    summary = Table(title="Outcomes")
    for col in ("tried", "refused", "published", "crashed", "hung", "leaked", "wiped"):
        summary.add_column(col, justify="right")
    summary.add_row(str(len(CASES)), *(str(tally[k]) for k in ("refused", "published", "crashed", "hung", "leaked",
                                                               "wiped")))
    console.print(summary)
    bad = sum(tally[k] for k in ("crashed", "hung", "leaked", "wiped"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
