"""The raw folder's manifest: known metadata per file (URL, retrieval date, genre hint).

A file absent from the manifest is still ingested; everything the manifest does not say
is read from the document's content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from flows.ingest.csvfile import CsvError, date_cell, rows
from schemas.common import GENRES

MANIFEST_NAME = "manifest.csv"
COLUMNS = ("path", "url", "retrieved_on", "genre_hint", "publisher", "note")


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    url: str | None = None
    retrieved_on: dt.date | None = None
    genre_hint: str | None = None
    publisher: str | None = None


def load_manifest(raw: Path) -> dict[str, ManifestEntry]:
    """Entries by POSIX path relative to the raw folder; {} when there is no manifest."""
    path = raw / MANIFEST_NAME
    if not path.exists() and not path.is_symlink():
        return {}
    out: dict[str, ManifestEntry] = {}
    first_line: dict[str, int] = {}
    for line, row in rows(path, COLUMNS, required=("path",)):
        key = row["path"].strip()
        if key in out:
            raise CsvError(f"{path}:{line}: column path: {key!r} is listed twice (first on line {first_line[key]})")
        first_line[key] = line
        if row["genre_hint"] and row["genre_hint"] not in GENRES:
            raise CsvError(f"{path}:{line}: column genre_hint: {row['genre_hint']!r} is not one of {', '.join(GENRES)}")
        out[key] = ManifestEntry(
            path=key, url=row["url"] or None, retrieved_on=date_cell(row["retrieved_on"], path, line, "retrieved_on"),
            genre_hint=row["genre_hint"] or None, publisher=row["publisher"] or None)
    return out
