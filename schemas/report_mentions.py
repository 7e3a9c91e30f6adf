"""`report_mentions`: every place a document names an OIG report by its number."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.common import (
    TableConfig,
    doc_id_field,
    end_field,
    meta,
    page_field,
    quote_field,
    report_id_field,
    start_field,
)


class ReportMentions(pa.DataFrameModel):
    doc_id: Series[str] = doc_id_field()
    report_id: Series[str] = report_id_field(nullable=False, description=(
        "The id as written, normalised; a mistyped id stays as written."))
    known: Series[bool] = pa.Field(**meta("Is the id in reports (from a report text, a listing or the catalogue)?"))
    start: Series[pd.Int64Dtype] = start_field()
    end: Series[pd.Int64Dtype] = end_field()
    quote: Series[str] = quote_field()
    page: Series[pd.Int64Dtype] = page_field()

    class Config(TableConfig):
        metadata = {"primary_key": ["doc_id", "start"], "foreign_keys": {"doc_id": "documents.doc_id"},
                    "title": "Report mentions", "description": "Where a document names an OIG report."}
