"""Extraction has a time budget per document: over it, the document is stopped, reported by
name and skipped; within it, results are the same as extracting in this process."""

import time

import pytest

from flows import pipeline
from flows.budget import OverBudget, call_with_budget
from flows.extract import extract_document
from flows.extract.model import Document
from tests.conftest import RAW


def test_a_call_over_its_budget_is_stopped():
    started = time.monotonic()
    with pytest.raises(OverBudget, match=r"budget of 0\.5 s"):
        call_with_budget(time.sleep, (30,), 0.5)
    assert time.monotonic() - started < 15


def test_errors_come_back_and_results_are_identical():
    with pytest.raises(ZeroDivisionError):
        call_with_budget(divmod, (1, 0), 30)
    doc = Document("a" * 16, (RAW / "003_15a66780389c5cc9.txt").read_text(encoding="utf-8"), "agency_page")
    assert call_with_budget(extract_document, (doc,), 60) == extract_document(doc)


def test_a_document_over_budget_is_reported_and_skipped(monkeypatch):
    monkeypatch.setenv("OIGDATA_EXTRACT_BUDGET", "0.000001")
    inputs = pipeline.load_inputs(RAW)
    docs, _ = pipeline.ingest_all(inputs)
    results = [pipeline.extract_one(d, inputs.entries) for d in docs]
    kept, _, problems = pipeline.keep_extracted(docs, results)
    assert kept == [] and {p.path for p in problems} == {d.document["path"] for d in docs}
    assert all("budget" in p.reason and "skipped" in p.reason for p in problems)
