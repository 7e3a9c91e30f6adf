"""`training_requirements`: what training a program requires."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.common import (
    DURATION_UNITS,
    TRAINING_KINDS,
    TableConfig,
    doc_id_field,
    end_field,
    enum_field,
    list_field,
    meta,
    page_field,
    quote_field,
    start_field,
)

MAX_FREQUENCY_MONTHS = 120  # a recurring course recurs at least once in ten years


class TrainingRequirements(pa.DataFrameModel):
    req_id: Series[str] = pa.Field(unique=True, **meta("Primary key, a stable hash of source and course."))
    program: Series[str] = pa.Field(**meta("The program that requires the training, e.g. 287(g)."))
    course: Series[str] = pa.Field(**meta("Course name as written, or the phrase the text uses for it."))
    course_code: Series[str] = pa.Field(nullable=True, **meta("Course acronym, e.g. IADP."))
    kind: Series[str] = enum_field(TRAINING_KINDS, "basic (initial), refresher (recurring) or other.")
    audience: Series[str] = pa.Field(nullable=True, **meta("Who must take it, as written."))
    mandatory: Series[bool] = pa.Field(**meta("Does the text say the training is required (must, required, mandatory)?"))
    duration_value: Series[float] = pa.Field(nullable=True, gt=0, **meta("Length of the course, in duration_unit."))
    duration_unit: Series[str] = enum_field(DURATION_UNITS, "Unit of duration_value.", nullable=True)
    frequency_months: Series[pd.Int64Dtype] = pa.Field(nullable=True, gt=0, le=MAX_FREQUENCY_MONTHS, **meta(
        "How often it recurs, in months (24 for every two years); null when taken once.", unit="month"))
    location: Series[str] = pa.Field(nullable=True, **meta("Where it is held, as written."))
    topics: Series[object] = list_field("Topics the text lists for the course.")
    doc_id: Series[str] = doc_id_field()
    start: Series[pd.Int64Dtype] = start_field()
    end: Series[pd.Int64Dtype] = end_field()
    quote: Series[str] = quote_field()
    page: Series[pd.Int64Dtype] = page_field()

    class Config(TableConfig):
        metadata = {"primary_key": ["req_id"], "foreign_keys": {"doc_id": "documents.doc_id"},
                    "title": "Training requirements",
                    "description": "Training a program requires, with length, frequency, place and topics."}
