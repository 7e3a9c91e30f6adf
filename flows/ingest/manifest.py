"""The raw folder's manifest: known metadata per file (URL, retrieval date, genre hint).

A file absent from the manifest is still ingested; everything the manifest does not say
is read from the document's content.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

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
    if not path.exists():
        return {}
    out = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            missing = set(COLUMNS) - set(row)
            if missing:
                raise ValueError(f"{path}: missing columns {sorted(missing)}")
            out[row["path"]] = ManifestEntry(
                path=row["path"], url=row["url"] or None,
                retrieved_on=dt.date.fromisoformat(row["retrieved_on"]) if row["retrieved_on"] else None,
                genre_hint=row["genre_hint"] or None, publisher=row["publisher"] or None)
    return out
