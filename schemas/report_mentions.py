"""`report_mentions`: every place a document names an OIG report: by number, title or description."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.common import (
    MENTION_MATCHES,
    TableConfig,
    doc_id_field,
    end_field,
    enum_field,
    meta,
    page_field,
    quote_field,
    report_id_field,
    start_field,
)


class ReportMentions(pa.DataFrameModel):
    doc_id: Series[str] = doc_id_field()
    report_id: Series[str] = report_id_field(nullable=False, description=(
        "The id as written, normalised (a mistyped id stays as written); for a title or description, the "
        "catalogue id it matches."))
    known: Series[bool] = pa.Field(**meta("Is the id in reports (from a report text, a listing or the catalogue)?"))
    match: Series[str] = enum_field(MENTION_MATCHES, (
        "How the report is named: id (its number is written), title (its catalogue title, fuzzy-matched), or "
        "description (a dated description that fits exactly one catalogue entry)."))
    score: Series[float] = pa.Field(nullable=True, ge=0, le=1, **meta(
        "Similarity of the written title to the catalogue title (0-1) for title matches; null otherwise."))
    suggested_report_id: Series[str] = report_id_field(description=(
        "For an id not in the catalogue: the one catalogue report it plausibly mistypes, when exactly one fits."))
    suggestion_reason: Series[str] = pa.Field(nullable=True, **meta(
        "Why suggested_report_id is suggested (edit distance on the id, and the title or date that agrees)."))
    start: Series[pd.Int64Dtype] = start_field()
    end: Series[pd.Int64Dtype] = end_field()
    quote: Series[str] = quote_field()
    page: Series[pd.Int64Dtype] = page_field()

    class Config(TableConfig):
        unique = ["doc_id", "start"]  # the primary key
        metadata = {"primary_key": ["doc_id", "start"], "foreign_keys": {"doc_id": "documents.doc_id"},
                    "title": "Report mentions", "description": "Where a document names an OIG report."}
