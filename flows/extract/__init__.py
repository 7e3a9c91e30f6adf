"""Extraction: pure functions from a document to rows, one module per genre.

`extract_document` runs the genre's own extractor plus the generic ones that apply to
every genre (program facts, training requirements, report mentions). A new genre is one
new module and one line in GENRE_EXTRACTORS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from flows.core.clean import CleanText, clean
from flows.extract import agency_page, oig_listing, oig_report, secondary_summary
from flows.extract.mentions import extract_mentions
from flows.extract.model import Document, Extraction, assign_ids, rec_id_for
from flows.extract.program_facts import extract_facts
from flows.extract.training import extract_training

GENRE_EXTRACTORS: dict[str, Callable[[Document], Extraction]] = {
    "secondary_summary": secondary_summary.extract,
    "agency_page": agency_page.extract,
    "oig_report": oig_report.extract,
    "oig_listing": oig_listing.extract,
}


def extract_document(doc: Document) -> Extraction:
    """All rows a document yields: its genre's extractor, then the generic ones.

    Extractors read a cleaned view of the text (flows/core/clean.py); their spans are
    mapped back so every quote is the published text at [start, end)."""
    cleaned = clean(doc.text)
    view = replace(doc, text=cleaned.text)
    mentions = extract_mentions(view)
    view = replace(view, named_reports=tuple((m["start"], m["suggested_report_id"] or m["report_id"]) for m in mentions))
    genre_fn = GENRE_EXTRACTORS.get(doc.genre)
    out = genre_fn(view) if genre_fn else Extraction()
    out.program_facts.extend(extract_facts(view))
    out.training_requirements.extend(extract_training(view))
    out.report_mentions.extend(mentions)
    return _to_raw(out, cleaned, doc.doc_id)


def _to_raw(out: Extraction, cleaned: CleanText, doc_id: str) -> Extraction:
    """Map every row's offsets to the raw text, re-quote, and carry renamed rec ids along."""
    renamed: dict[str, str] = {}
    for name in Extraction.TABLES:
        for row in getattr(out, name):
            if "start" not in row:
                continue
            start, end = cleaned.to_raw(row["start"], row["end"])
            if name == "recommendations" and row["rec_id"] == rec_id_for(doc_id, row["start"]):
                renamed[row["rec_id"]] = rec_id_for(doc_id, start)
                row["rec_id"] = renamed[row["rec_id"]]
            row["start"], row["end"], row["quote"] = start, end, cleaned.raw[start:end]
    for event in out.status_events:
        event["rec_id"] = renamed.get(event["rec_id"], event["rec_id"])
        for column, key in (("hedge", "_hedge"), ("subject_text", "_subject")):
            # words of the claim kept as spans of the cleaned view: published as the raw text there
            at = event.pop(key, None)
            event[column] = cleaned.raw[slice(*cleaned.to_raw(*at))] if at else None
    return assign_ids(out)
