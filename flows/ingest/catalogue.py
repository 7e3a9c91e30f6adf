"""Reference catalogues of known OIG reports (raw/reference/*.csv) -> `reports` rows."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from flows.extract.model import CatalogueEntry
from flows.extract.report_ids import normalise

REFERENCE_DIR = "reference"
COLUMNS = ("report_id", "inspector", "title", "issued_on", "url")


def load_catalogue(raw: Path) -> list[dict]:
    """Report rows from every reference CSV, ids normalised; the first listing of an id wins."""
    rows: dict[str, dict] = {}
    for path in sorted((raw / REFERENCE_DIR).glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            missing = set(COLUMNS) - set(reader.fieldnames or ())
            if missing:
                raise ValueError(f"{path}: missing columns {sorted(missing)}")
            for line, row in enumerate(reader, start=2):
                rid = normalise(row["report_id"])
                if rid is None:
                    raise ValueError(f"{path}:{line}: {row['report_id']!r} is not an OIG report id")
                rows.setdefault(rid, {
                    "report_id": rid, "inspector": row["inspector"] or "DHS OIG", "title": row["title"] or None,
                    "issued_on": dt.date.fromisoformat(row["issued_on"]) if row["issued_on"] else None,
                    "n_recommendations_stated": None, "doc_id": None, "url": row["url"] or None,
                    "source": "catalogue",
                })
    return [rows[k] for k in sorted(rows)]


def as_entries(report_rows: list[dict]) -> tuple[CatalogueEntry, ...]:
    return tuple(CatalogueEntry(r["report_id"], r["title"], r["issued_on"]) for r in report_rows)
