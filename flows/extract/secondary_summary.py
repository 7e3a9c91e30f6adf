"""Extractor for `secondary_summary`: fact-check pages, news explainers, briefings and other
third-party summaries of OIG work. Everything they say is second-hand: recommendations have
`evidence = secondary` and status claims are asserted by `secondary`."""

from __future__ import annotations

from flows.extract.model import Document, Extraction
from flows.extract.reported import extract_reported


def extract(doc: Document) -> Extraction:
    return extract_reported(doc, evidence="secondary", asserted_by="secondary")
