"""Per-document extraction cache: a refresh re-extracts only documents it has not seen.

Keyed by the document's SHA-256, a hash of what produced the rows (every source and
vocabulary file of the extractors, and the shared schema vocabularies they check against:
computed at start, so an edited rule can never serve stale rows and there is no version to
remember) and a hash of the catalogue the extractors link against (a new catalogue entry can
change an inferred link). Entries are JSON files under the cache folder; a corrupt entry is
ignored and rewritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from flows.core.catalogue import CatalogueEntry
from flows.core.sources import sources_key
from flows.extract.model import Extraction

EXTRACT_DIR = Path(__file__).resolve().parent / "extract"
SHARED_SOURCES = (*sorted((Path(__file__).resolve().parent / "core").glob("*.py")),
                  Path(__file__).resolve().parents[1] / "schemas" / "common.py")

_DATE_FIELDS = {"as_of", "estimated_completion_on", "issued_on", "published_on"}


def catalogue_key(entries: tuple[CatalogueEntry, ...]) -> str:
    raw = json.dumps([(e.report_id, e.title, e.issued_on.isoformat() if e.issued_on else None) for e in entries])
    return hashlib.sha256(raw.encode()).hexdigest()[:12]


def extractor_key() -> str:
    """A hash of every file that decides what extraction returns, computed once per process."""
    return sources_key(EXTRACT_DIR, SHARED_SOURCES)


def cache_path(folder: Path, sha256: str, entries: tuple[CatalogueEntry, ...]) -> Path:
    return folder / f"{sha256}-x{extractor_key()}-{catalogue_key(entries)}.json"


def _dump(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def _load(row: dict) -> dict:
    return {k: dt.date.fromisoformat(v) if k in _DATE_FIELDS and isinstance(v, str) else v for k, v in row.items()}


def read(path: Path) -> Extraction | None:
    """The cached extraction, or None when there is none (or it cannot be read)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Extraction(**{name: [_load(r) for r in data[name]] for name in Extraction.TABLES},
                          warnings=list(data["warnings"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write(path: Path, ex: Extraction) -> None:
    """Write atomically (temp file, then rename) so a killed run leaves no half entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {name: [{k: _dump(v) for k, v in r.items()} for r in getattr(ex, name)] for name in Extraction.TABLES}
    data["warnings"] = ex.warnings
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tmp.replace(path)
