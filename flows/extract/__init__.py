"""Extraction: pure functions from a document to rows.

`extract_document` finds the reports a document names (for every document: claims resolve
against them), then runs the passage extractors its genre profile lists
(flows/core/genres.py, flows/extract/passages.py).
"""

from __future__ import annotations

from dataclasses import replace

from flows.core.clean import clean
from flows.core.genres import PROFILES
from flows.core.text import Segmented
from flows.extract import report_structure
from flows.extract.emit import finish
from flows.extract.mentions import extract_mentions
from flows.extract.model import Document, Extraction
from flows.extract.passages import run_passages


def extract_document(doc: Document) -> Extraction:
    """All rows a document yields: the passage extractors of its genre's profile.

    Extractors read a cleaned view of the text (flows/core/clean.py), segmented once into
    paragraphs and sentences (`Document.seg`); the emitter (flows/extract/emit.py) maps their
    spans back so every quote is the published text at [start, end)."""
    cleaned = clean(doc.text)
    view = replace(doc, text=cleaned.text, segmented=Segmented.of(cleaned.text),  # read once, shared by all
                   published=doc.text)
    mentions = extract_mentions(view)
    view = replace(view, named_reports=tuple((m["start"], m["suggested_report_id"] or m["report_id"]) for m in mentions))
    if doc.genre == "oig_report":  # a report's claims are dated by its issue date (its cover's)
        view = replace(view, published_on=report_structure.identity(view)[1])
    out = run_passages(view, PROFILES.get(doc.genre, PROFILES["unknown"]))
    out.report_mentions.extend(mentions)
    return finish(out, cleaned, doc.doc_id)
