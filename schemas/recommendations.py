"""`recommendations`: one row per distinct recommendation."""

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from schemas.common import (
    EVIDENCE,
    REPORT_LINKS,
    RESOLUTIONS,
    RESPONSES,
    STATUSES,
    THEMES,
    TableConfig,
    date_field,
    doc_id_field,
    end_field,
    enum_field,
    list_field,
    meta,
    page_field,
    quote_field,
    report_id_field,
    start_field,
)


class Recommendations(pa.DataFrameModel):
    rec_id: Series[str] = pa.Field(unique=True, **meta(
        "Primary key: OIG-YY-NN-R<n> when report and number are known, else <doc_id>-<start>."))
    report_id: Series[str] = report_id_field(description="The report that made the recommendation, when known.")
    report_link: Series[str] = enum_field(REPORT_LINKS, (
        "How report_id was found: stated in the text, or inferred from title words and date against "
        "the catalogue. Null when report_id is null."), nullable=True)
    rec_number: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, **meta("Its number in that report."))
    text: Series[str] = pa.Field(str_length={"min_value": 1}, **meta("The recommendation, whitespace-normalised."))
    addressee: Series[str] = pa.Field(nullable=True, **meta("The official or office it is addressed to."))
    agency: Series[str] = pa.Field(**meta("The agency that must act, e.g. ICE."))
    themes: Series[object] = list_field("Themes from the theme vocabulary; at least one.", allowed=tuple(THEMES),
                                               non_empty=True)
    evidence: Series[str] = enum_field(EVIDENCE, (
        "primary: the OIG's own report or listing; agency: the agency's statement; "
        "secondary: a third party's summary."))
    response: Series[str] = enum_field(RESPONSES, "The agency's response, derived from status_events.")
    status: Series[str] = enum_field(STATUSES, "Implementation status, derived from status_events; never null.")
    resolution: Series[str] = enum_field(RESOLUTIONS, "Resolution, derived from status_events.")
    status_as_of: Series[pandas_engine.Date] = date_field("Date of the assertion the status comes from.")
    status_event_id: Series[str] = pa.Field(nullable=True, **meta(
        "The status_events row the status comes from (who asserted it, where, with what scope); null when "
        "status is unknown."))
    estimated_completion_on: Series[pandas_engine.Date] = date_field(
        "Estimated completion date the agency gave for its corrective action (from the report's response).")
    primary_rec_id: Series[str] = pa.Field(nullable=True, **meta(
        "For a secondary or agency row: the primary recommendation (from the OIG report itself) it describes, "
        "so that it is not counted twice. Null for primary rows and unmatched ones."))
    citations: Series[object] = list_field("Citation markers a secondary source gives for it, e.g. [\"3\", \"6\"].")
    first_seen: Series[pandas_engine.Date] = date_field("Release in which the row first appeared.", nullable=False)
    last_seen: Series[pandas_engine.Date] = date_field("Release in which the row last appeared.", nullable=False)
    doc_id: Series[str] = doc_id_field()
    start: Series[pd.Int64Dtype] = start_field()
    end: Series[pd.Int64Dtype] = end_field()
    quote: Series[str] = quote_field()
    page: Series[pd.Int64Dtype] = page_field()

    class Config(TableConfig):
        metadata = {"primary_key": ["rec_id"],
                    "foreign_keys": {"doc_id": "documents.doc_id", "report_id": "reports.report_id",
                                     "primary_rec_id": "recommendations.rec_id",
                                     "status_event_id": "status_events.event_id"},
                    "title": "Recommendations",
                    "description": "One row per distinct recommendation, with its derived status and source."}
