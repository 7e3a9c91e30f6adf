"""Every row comes from one emitter that checks it against the contract, and a document is
split into paragraphs once, whatever the number of passage extractors that read it."""

from __future__ import annotations

from pathlib import Path

import pytest

import flows.core.text as text_module
from flows.core.clean import clean
from flows.core.text import span
from flows.extract import emit, extract_document
from flows.extract.model import Document, Extraction

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_the_emitter_refuses_a_column_the_contract_lacks():
    with pytest.raises(ValueError, match="no such column"):
        emit.row("program_facts", "a" * 16, span("x y", 0, 1), atribute="typo")


def test_the_emitter_refuses_a_value_outside_the_vocabulary():
    with pytest.raises(ValueError, match="vocabulary"):
        emit.event("a" * 16, span("closed", 0, 6), "status", "shut", "oig", document_date=None)
    with pytest.raises(ValueError, match="vocabulary"):
        emit.recommendation("a" * 16, span("train", 0, 5), themes=["not_a_theme"])


def test_finish_maps_clean_offsets_to_the_published_text_and_mints_ids():
    raw = "Page header\fICE con-\ncurred with recommendation 2."
    cleaned = clean(raw)
    at = cleaned.text.index("concurred")
    out = Extraction(status_events=[emit.event("a" * 16, span(cleaned.text, at, len(cleaned.text)), "response",
                                               "concur", "oig", document_date=None, rec_number=2,
                                               report_id="OIG-18-77")])
    row = emit.finish(out, cleaned, "a" * 16).status_events[0]
    assert row["quote"] == raw[row["start"]:row["end"]]
    assert row["quote"].startswith("con-\ncurred")
    assert len(row["event_id"]) == 16 and row["scope"] == "one"


def test_a_document_is_split_into_paragraphs_once(monkeypatch):
    calls = []
    real = text_module.paragraphs
    monkeypatch.setattr(text_module, "paragraphs", lambda t: calls.append(len(t)) or real(t))
    report = (FIXTURES / "oig_report" / "oig_18_77_287g_planning.txt").read_text(encoding="utf-8")
    ex = extract_document(Document("c" * 16, report, "oig_report"))
    assert ex.recommendations and ex.status_events
    assert len(calls) == 1, f"the text was split into paragraphs {len(calls)} times"
