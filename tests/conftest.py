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
