"""Report mentions: every written OIG report number, in any genre."""

from __future__ import annotations

from flows.extract.model import Document
from flows.extract.report_ids import find_report_ids


def extract_mentions(doc: Document) -> list[dict]:
    """One row per written report id; `known` is decided later against the reports table."""
    return [{"doc_id": doc.doc_id, "report_id": rid, "start": s, "end": e, "quote": doc.text[s:e]}
            for s, e, rid in find_report_ids(doc.text)]
