"""Shared column definitions and vocabularies: each concept is declared once, here.

Every table module builds its columns from these factories so that a column such as
`doc_id` or `status` has one description and one rule across the whole dataset.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.extensions import register_check_method

GENRES = ("oig_report", "oig_listing", "agency_page", "secondary_summary", "unknown")
MEDIA_TYPES = ("text/plain", "application/pdf", "text/html")
RIGHTS = ("public-domain-us-gov", "third-party")
EVIDENCE = ("primary", "agency", "secondary")
RESPONSES = ("concur", "partially_concur", "nonconcur", "unknown")
STATUSES = ("open", "closed", "unknown")
RESOLUTIONS = ("resolved", "unresolved", "unknown")
EVENT_KINDS = ("response", "status")
EVENT_VALUES = ("concur", "partially_concur", "nonconcur", "open", "closed", "resolved", "unresolved")
ASSERTERS = ("oig", "agency", "secondary")
REPORT_LINKS = ("stated", "inferred")
REPORT_SOURCES = ("catalogue", "document", "reference")
TRAINING_KINDS = ("basic", "refresher", "other")
DURATION_UNITS = ("hour", "day", "week")
# How many recommendations a claim covers, as its passage says (see status_events).
SCOPES = ("one", "all", "n_of_m", "most", "many", "several", "some", "unspecified")
AS_OF_SOURCES = ("stated", "document")
# Representation forms detected (and undone) before extraction (documents.forms).
FORMS = ("bytes_repr", "host_chrome", "court_header", "ocr", "entities_as_words", "run_together_words", "mojibake")
MENTION_MATCHES = ("id", "title", "description")

# The theme vocabulary, with the definition the data dictionary prints.
THEMES: dict[str, str] = {
    "refresher_training": "periodic or recurring training after the initial course",
    "training_completion_tracking": "recording, tracking or verifying that required training was completed",
    "training_content": "what courses teach: curricula, modules, lesson content, instructors",
    "program_management_staffing": "staff and managers who run or supervise a program",
    "it_support": "information technology, systems and data tools that support oversight",
    "performance_measurement": "performance goals, metrics and measures of outcomes",
    "inspection_follow_up": "inspections, monitoring visits and the corrective actions that follow them",
    "guidance_and_policy": "written guidance, policies, procedures, standards and agreements",
    "use_of_force": "use-of-force training, reporting and review",
    "civil_rights": "civil rights and civil liberties, racial profiling, complaints",
    "workforce_planning": "hiring, staffing models and workforce needs",
    "other": "a recommended action that fits none of the themes above",
}

REPORT_ID_PATTERN = r"^OIG-\d{2}-\d{2,3}(?:-[A-Z]{1,4})?$"


@register_check_method(statistics=[])
def is_list_of_str(series: pd.Series) -> pd.Series:
    """True where the cell is a list whose items are all strings (list columns)."""
    return series.map(lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v))


@register_check_method(statistics=["allowed"])
def items_in(series: pd.Series, *, allowed: tuple[str, ...]) -> pd.Series:
    """True where every item of a list cell belongs to the vocabulary `allowed`."""
    allowed_set = set(allowed)
    return series.map(lambda v: isinstance(v, list) and set(v) <= allowed_set)


@register_check_method(statistics=[])
def list_not_empty(series: pd.Series) -> pd.Series:
    """True where the list cell has at least one item."""
    return series.map(lambda v: isinstance(v, list) and len(v) > 0)


def meta(description: str, **extra: object) -> dict:
    """Field keyword arguments shared by every column: a description and metadata."""
    return {"description": description, "metadata": {"description": description, **extra}}


# --- shared columns -------------------------------------------------------------------

def doc_id_field(nullable: bool = False, description: str | None = None, unique: bool = False):
    return pa.Field(
        nullable=nullable, unique=unique,
        str_matches=r"^[0-9a-f]{16}$",
        **meta(description or "The document the row came from: first 16 hex digits of the SHA-256 of its raw bytes."),
    )


def start_field():
    return pa.Field(ge=0, **meta("Offset of the quote's first character in the document text (Unicode code points)."))


def end_field():
    return pa.Field(ge=0, **meta("Offset one past the quote's last character; text[start:end] == quote."))


def page_field():
    return pa.Field(nullable=True, ge=1, **meta(
        "Page of the source PDF on which the quote starts (pages are separated by form feeds in the text); "
        "null for text and HTML sources."))


def quote_field():
    return pa.Field(str_length={"min_value": 1}, **meta("The exact passage of the document text the row was extracted from."))


def report_id_field(nullable: bool = True, description: str | None = None):
    return pa.Field(
        nullable=nullable,
        str_matches=REPORT_ID_PATTERN,
        **meta(description or "DHS OIG report number, normalised to OIG-YY-NN[N] with an optional suffix such as -SR."),
    )


def date_field(description: str, nullable: bool = True):
    return pa.Field(nullable=nullable, **meta(description, type="date"))


def enum_field(values: tuple[str, ...], description: str, nullable: bool = False):
    return pa.Field(nullable=nullable, isin=list(values), **meta(description, enum=list(values)))


def list_field(description: str, allowed: tuple[str, ...] | None = None, non_empty: bool = False):
    extra: dict = {"item_type": "string"}
    checks: dict = {"is_list_of_str": ()}
    if allowed is not None:
        extra["enum"] = list(allowed)
        checks = {"items_in": {"allowed": allowed}}
    if non_empty:
        checks["list_not_empty"] = ()
    return pa.Field(**checks, **meta(description, **extra))


class TableConfig:
    """Common model configuration: strict columns, coercion, and table metadata."""

    strict = True
    coerce = True
    ordered = True
