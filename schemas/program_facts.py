"""`program_facts`: numbers and dates a document states about a program."""

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from schemas.common import TableConfig, date_field, doc_id_field, end_field, meta, page_field, quote_field, start_field


class ProgramFacts(pa.DataFrameModel):
    fact_id: Series[str] = pa.Field(unique=True, **meta("Primary key, a stable hash of source and attribute."))
    program: Series[str] = pa.Field(**meta("The program the fact is about, e.g. 287(g)."))
    attribute: Series[str] = pa.Field(str_matches=r"^[a-z][a-z0-9_]*$", **meta(
        "What is measured, snake_case, e.g. national_program_managers, moa_revised."))
    value_num: Series[float] = pa.Field(nullable=True, **meta("Numeric value, when the fact is a number or a year."))
    value_text: Series[str] = pa.Field(nullable=True, **meta(
        "Text value, e.g. an ISO month or interval such as 2009-02/2009-07."))
    unit: Series[str] = pa.Field(nullable=True, **meta("Unit of value_num, e.g. person, agency, year."))
    as_of: Series[pandas_engine.Date] = date_field("Date the fact holds as of (the stating document's date).")
    doc_id: Series[str] = doc_id_field()
    start: Series[pd.Int64Dtype] = start_field()
    end: Series[pd.Int64Dtype] = end_field()
    quote: Series[str] = quote_field()
    page: Series[pd.Int64Dtype] = page_field()

    class Config(TableConfig):
        metadata = {"primary_key": ["fact_id"], "foreign_keys": {"doc_id": "documents.doc_id"},
                    "title": "Program facts", "description": "Facts about a program, each with its source passage."}
