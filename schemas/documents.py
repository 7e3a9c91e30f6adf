"""`documents`: one row per raw document that was ingested."""

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from schemas.common import (
    FORMS,
    GENRES,
    MEDIA_TYPES,
    RIGHTS,
    TableConfig,
    date_field,
    doc_id_field,
    enum_field,
    list_field,
    meta,
)


class Documents(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(unique=True, str_matches=r"^[0-9a-f]{16}$", **meta(
        "Primary key: the first 16 hex digits of the SHA-256 of the raw file's bytes."))
    path: Series[str] = pa.Field(**meta("POSIX path of the file relative to the raw folder."))
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$", **meta("Full hex SHA-256 digest of the raw bytes."))
    media_type: Series[str] = enum_field(MEDIA_TYPES, "Media type of the raw file.")
    encoding: Series[str] = pa.Field(**meta(
        "Character encoding the text was decoded from (utf-8 unless another was detected); pdf for text "
        "taken from a PDF's text layer."))
    genre: Series[str] = enum_field(GENRES, "Kind of document, detected from its content (or the manifest's hint).")
    title: Series[str] = pa.Field(nullable=True, **meta("Title as the document states it."))
    publisher: Series[str] = pa.Field(nullable=True, **meta("Who published the document, when the text or manifest says."))
    published_on: Series[pandas_engine.Date] = date_field(
        "Date the document gives for itself: issued, updated, reviewed or checked.")
    url: Series[str] = pa.Field(nullable=True, **meta("Source URL, from the raw folder's manifest when known."))
    retrieved_on: Series[pandas_engine.Date] = date_field("Date the file was retrieved, from the manifest when known.")
    genre_score: Series[float] = pa.Field(nullable=True, **meta(
        "Detection score of the chosen genre (sum of the weights of its rules that matched); null for unknown. "
        "The genre decides who asserts a document's claims, not whether rows are looked for."))
    forms: Series[object] = list_field(
        "Representation forms detected and undone before extraction, e.g. bytes_repr (a text saved as a Python "
        "bytes literal).", allowed=FORMS)
    rights: Series[str] = enum_field(RIGHTS, (
        "public-domain-us-gov: a U.S. government work, free to reuse; "
        "third-party: republished only so that quotes can be verified, with attribution."))
    n_chars: Series[pd.Int64Dtype] = pa.Field(ge=1, **meta("Length of the document text in Unicode code points."))

    class Config(TableConfig):
        metadata = {"primary_key": ["doc_id"], "title": "Documents",
                    "description": "One row per raw document ingested from the raw folder."}


class DocumentTexts(pa.DataFrameModel):
    doc_id: Series[str] = doc_id_field(description="The document; primary key, references documents.", unique=True)
    text: Series[str] = pa.Field(**meta("The decoded text every provenance offset points into."))

    class Config(TableConfig):
        metadata = {"primary_key": ["doc_id"], "foreign_keys": {"doc_id": "documents.doc_id"},
                    "title": "Document texts",
                    "description": ("The text of each document, so that every quote can be checked with one "
                                    "substring. Third-party texts are republished only for that purpose.")}
