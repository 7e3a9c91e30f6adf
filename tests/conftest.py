"""Shared test helpers: paths and the reference catalogue as extractor input."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.ingest.catalogue import as_entries, load_catalogue

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "raw"
CURATED = REPO / "curated"


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
