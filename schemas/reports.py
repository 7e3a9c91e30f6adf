"""`reports`: DHS OIG reports, whether ingested, listed in the catalogue or only mentioned."""

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from schemas.common import REPORT_ID_PATTERN, REPORT_SOURCES, TableConfig, date_field, doc_id_field, meta


class Reports(pa.DataFrameModel):
    report_id: Series[str] = pa.Field(unique=True, str_matches=REPORT_ID_PATTERN, **meta(
        "Primary key: report number normalised to OIG-YY-NN[N] with an optional suffix such as -SR."))
    inspector: Series[str] = pa.Field(isin=["DHS OIG"], **meta("The inspector general that issued the report."))
    title: Series[str] = pa.Field(nullable=True, **meta("Report title."))
    issued_on: Series[pandas_engine.Date] = date_field("Date the report was issued.")
    n_recommendations_stated: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, **meta(
        "How many recommendations the report or its listing says it made."))
    doc_id: Series[str] = doc_id_field(nullable=True, description="The ingested document holding the report's own text.")
    url: Series[str] = pa.Field(nullable=True, **meta("Where the report is published."))
    source: Series[str] = pa.Field(isin=list(REPORT_SOURCES), **meta(
        "Where the row came from: catalogue (the reference catalogue); document (the report's own text or "
        "an OIG listing); reference (only named by another document, so not confirmed to exist).",
        enum=list(REPORT_SOURCES)))

    class Config(TableConfig):
        metadata = {"primary_key": ["report_id"], "title": "Reports",
                    "description": "DHS OIG reports, ingested, catalogued or mentioned."}
