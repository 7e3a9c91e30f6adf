"""`status_events`: every statement about a recommendation's response or status."""

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from schemas.common import (
    AS_OF_SOURCES,
    ASSERTERS,
    EVENT_KINDS,
    EVENT_VALUES,
    SCOPES,
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
    rec_id: Series[str] = pa.Field(nullable=True, **meta(
        "The one recommendation the statement is about, set only when the passage identifies it (its number, "
        "its report and number, its words, or an unambiguous reference); then scope is one."))
    report_id: Series[str] = report_id_field(description=(
        "The report the statement is about, when the passage names or points to one. With scope all the "
        "statement covers every recommendation of that report; with a vague scope it covers some of them."))
    rec_number: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, **meta(
        "Number of the recommendation within report_id when the statement names one; with rec_id null it "
        "applies to that recommendation once its report is ingested."))
    kind: Series[str] = enum_field(EVENT_KINDS, "response (the agency's answer) or status (resolution/implementation).")
    value: Series[str] = enum_field(EVENT_VALUES, "What was asserted.")
    asserted_by: Series[str] = enum_field(ASSERTERS, "Who asserts it: oig outranks agency, which outranks secondary.")
    as_of: Series[pandas_engine.Date] = date_field(
        "Date of the assertion: the date the text gives for the claim, else the stating document's date; null when "
        "neither is given (never the build date).")
    as_of_source: Series[str] = enum_field(AS_OF_SOURCES, (
        "Where as_of comes from: stated (the passage dates the claim) or document (the document's own date)."))
    scope: Series[str] = enum_field(SCOPES, (
        "How many recommendations the claim covers, as its passage says: one (identified), all (of the named "
        "report or set), n_of_m (a count, with count and total), most, many, several, some, or unspecified. Only "
        "one and all set a recommendation's derived status or response."))
    count: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, **meta(
        "How many recommendations the claim covers when the text gives a number (\"4 of 5\" -> 4)."))
    total: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, **meta(
        "Out of how many, when the text gives it (\"4 of 5\" -> 5, \"all five\" -> 5)."))
    hedge: Series[str] = pa.Field(nullable=True, **meta(
        "The qualifying words the text attaches to the claim (\"or only partly implemented\"), verbatim: a "
        "substring of quote."))
    subject_text: Series[str] = pa.Field(nullable=True, **meta(
        "The kind of recommendation the claim is about when it names a kind rather than one recommendation "
        "(\"those addressing monitoring systems\"), verbatim from quote."))
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
