"""`status_events`: every statement about a recommendation's response or status."""

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from schemas.common import (
    ASSERTERS,
    EVENT_KINDS,
    EVENT_VALUES,
    TableConfig,
    date_field,
    doc_id_field,
    end_field,
    enum_field,
    meta,
    page_field,
    quote_field,
    report_id_field,
    start_field,
)


class StatusEvents(pa.DataFrameModel):
    event_id: Series[str] = pa.Field(unique=True, **meta("Primary key, a stable hash of source, target and value."))
    rec_id: Series[str] = pa.Field(nullable=True, **meta("The recommendation the statement is about, if one."))
    report_id: Series[str] = report_id_field(description=(
        "Set alone when the statement covers every recommendation of that report."))
    rec_number: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, **meta(
        "Number of the recommendation within report_id when the statement names one; with rec_id null it "
        "applies to that recommendation once its report is ingested."))
    kind: Series[str] = enum_field(EVENT_KINDS, "response (the agency's answer) or status (resolution/implementation).")
    value: Series[str] = enum_field(EVENT_VALUES, "What was asserted.")
    asserted_by: Series[str] = enum_field(ASSERTERS, "Who asserts it: oig outranks agency, which outranks secondary.")
    as_of: Series[pandas_engine.Date] = date_field("Date of the assertion (the stating document's date).")
    doc_id: Series[str] = doc_id_field()
    start: Series[pd.Int64Dtype] = start_field()
    end: Series[pd.Int64Dtype] = end_field()
    quote: Series[str] = quote_field()
    page: Series[pd.Int64Dtype] = page_field()

    class Config(TableConfig):
        metadata = {"primary_key": ["event_id"],
                    "foreign_keys": {"doc_id": "documents.doc_id", "rec_id": "recommendations.rec_id",
                                     "report_id": "reports.report_id"},
                    "title": "Status events",
                    "description": "Every dated assertion of a response or status, with who made it."}
