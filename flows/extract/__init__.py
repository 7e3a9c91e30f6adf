"""Extraction: pure functions from a document to rows.

`extract_document` finds the reports a document names (for every document: claims resolve
against them), then runs the passage extractors its genre profile lists
(flows/core/genres.py, flows/extract/passages.py).
"""

from __future__ import annotations

from dataclasses import replace

from flows.core.clean import CleanText, clean
from flows.core.genres import PROFILES
from flows.extract.mentions import extract_mentions
from flows.extract.model import Document, Extraction, assign_ids, rec_id_for
from flows.extract.passages import run_passages


def extract_document(doc: Document) -> Extraction:
    """All rows a document yields: the passage extractors of its genre's profile.

    Extractors read a cleaned view of the text (flows/core/clean.py); their spans are
    mapped back so every quote is the published text at [start, end)."""
    cleaned = clean(doc.text)
    view = replace(doc, text=cleaned.text)
    mentions = extract_mentions(view)
    view = replace(view, named_reports=tuple((m["start"], m["suggested_report_id"] or m["report_id"]) for m in mentions))
    out = run_passages(view, PROFILES.get(doc.genre, PROFILES["unknown"]))
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
