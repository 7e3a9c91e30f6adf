"""Extraction: pure functions from a document to rows, one module per genre.

`extract_document` runs the genre's own extractor plus the generic ones that apply to
every genre (program facts, training requirements, report mentions). A new genre is one
new module and one line in GENRE_EXTRACTORS.
"""

from __future__ import annotations

from collections.abc import Callable

from flows.extract import agency_page, secondary_summary
from flows.extract.mentions import extract_mentions
from flows.extract.model import Document, Extraction
from flows.extract.program_facts import extract_facts
from flows.extract.training import extract_training

# Bump when any extractor's output can change: it keys the per-document cache.
EXTRACTOR_VERSION = "1"

GENRE_EXTRACTORS: dict[str, Callable[[Document], Extraction]] = {
    "secondary_summary": secondary_summary.extract,
    "agency_page": agency_page.extract,
}


def extract_document(doc: Document) -> Extraction:
    """All rows a document yields: its genre's extractor, then the generic ones."""
    genre_fn = GENRE_EXTRACTORS.get(doc.genre)
    out = genre_fn(doc) if genre_fn else Extraction()
    out.program_facts.extend(extract_facts(doc))
    out.training_requirements.extend(extract_training(doc))
    out.report_mentions.extend(extract_mentions(doc))
    return out
