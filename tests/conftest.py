"""Shared test helpers: paths and the reference catalogue as extractor input."""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from flows.ingest.catalogue import as_entries, load_catalogue

REPO = Path(__file__).resolve().parents[1]
CURATED = REPO / "curated"


def _committed_raw() -> Path:
    """raw/ as committed, copied once per test run: `oigdata fetch` writes into raw/, and the tests
    must not see (or depend on) what it added. Outside a git checkout, raw/ itself."""
    try:
        tracked = subprocess.run(["git", "ls-files", "-z", "raw"], cwd=REPO, capture_output=True, check=True,
                                 timeout=30).stdout.decode().split("\0")
    except (OSError, subprocess.SubprocessError):
        return REPO / "raw"
    tracked = [t for t in tracked if t and (REPO / t).is_file()]
    if not tracked:
        return REPO / "raw"
    root = Path(tempfile.mkdtemp(prefix="oigdata-tests-"))
    atexit.register(shutil.rmtree, root, True)
    for rel in tracked:
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, dest)
    return root / "raw"


RAW = _committed_raw()


def release_tree(root: Path) -> dict[str, bytes]:
    """Every published file of a release folder by relative path (the DuckDB build product aside)."""
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "oig.duckdb"}


@pytest.fixture(scope="session")
def entries():
    return as_entries(load_catalogue(RAW))


def pytest_terminal_summary(terminalreporter):
    """Print the extraction accuracy figures (tests/eval) at the end of every run."""
    from tests.eval.test_accuracy import REPORTS

    for text in REPORTS:
        terminalreporter.write(text)
