"""Shared test helpers: paths and the reference catalogue as extractor input."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.ingest.catalogue import as_entries, load_catalogue

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "raw"
CURATED = REPO / "curated"


@pytest.fixture(scope="session")
def entries():
    return as_entries(load_catalogue(RAW))


def pytest_terminal_summary(terminalreporter):
    """Print the extraction accuracy figures (tests/eval) at the end of every run."""
    from tests.eval.test_accuracy import REPORTS

    for text in REPORTS:
        terminalreporter.write(text)
