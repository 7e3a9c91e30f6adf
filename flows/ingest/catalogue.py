"""Reference catalogues of known OIG reports (raw/reference/*.csv) -> `reports` rows."""

from __future__ import annotations

from pathlib import Path

from flows.core.catalogue import CatalogueEntry
from flows.core.report_ids import normalise
from flows.ingest.csvfile import CsvError, date_cell, rows

REFERENCE_DIR = "reference"
COLUMNS = ("report_id", "inspector", "title", "issued_on", "url")


class CatalogueMissing(CsvError):
    """No usable reference catalogue: a release without one would drop every known report."""


def load_catalogue(raw: Path, allow_empty: bool = False) -> list[dict]:
    """Report rows from every reference CSV, ids normalised; the first listing of an id wins.

    A missing reference folder, or one without a CSV, stops the refresh (CatalogueMissing)
    unless `allow_empty`: publishing without it would remove every catalogued report."""
    folder = raw / REFERENCE_DIR
    paths = sorted(p for p in folder.glob("*.csv") if p.is_file()) if folder.is_dir() else []
    if not paths and not allow_empty:
        what = "is not a folder" if folder.exists() and not folder.is_dir() else "holds no catalogue (*.csv)"
        raise CatalogueMissing(f"{folder} {what}: without it the release would lose every catalogued report; "
                               "restore it, or pass --allow-empty-catalogue")
    found: dict[str, dict] = {}
    for path in paths:
        for line, row in rows(path, COLUMNS, required=("report_id",)):
            rid = normalise(row["report_id"])
            if rid is None:
                raise CsvError(f"{path}:{line}: column report_id: {row['report_id']!r} is not an OIG report id")
            found.setdefault(rid, {
                "report_id": rid, "inspector": row["inspector"] or "DHS OIG", "title": row["title"] or None,
                "issued_on": date_cell(row["issued_on"], path, line, "issued_on"),
                "n_recommendations_stated": None, "doc_id": None, "url": row["url"] or None,
                "source": "catalogue",
            })
    return [found[k] for k in sorted(found)]


def as_entries(report_rows: list[dict]) -> tuple[CatalogueEntry, ...]:
    return tuple(CatalogueEntry(r["report_id"], r["title"], r["issued_on"]) for r in report_rows)
