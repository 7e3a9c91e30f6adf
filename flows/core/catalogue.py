"""A known OIG report as the extractors see it (from the reference catalogue, a report text or a listing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class CatalogueEntry:
    """A known OIG report, from the reference catalogue (or later, a report text or listing)."""

    report_id: str
    title: str | None
    issued_on: dt.date | None
