"""What an extractor receives (a document and the catalogue) and what it returns (rows)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from flows.core.catalogue import CatalogueEntry


@dataclass(frozen=True)
class Document:
    """The input of every extractor: a decoded document and what is known around it."""

    doc_id: str
    text: str
    genre: str
    published_on: dt.date | None = None
    catalogue: tuple[CatalogueEntry, ...] = ()
    # (start, report_id) of every place the text names a report (id, title or description), in
    # reading order: claims that point back ("both audits") resolve against them
    named_reports: tuple[tuple[int, str], ...] = ()


@dataclass
class Extraction:
    """Rows for the extracted tables, as plain dicts with the schema's column names.

    Derived columns (status, first_seen, known, ...) are filled later by the build step.
    """

    recommendations: list[dict] = field(default_factory=list)
    status_events: list[dict] = field(default_factory=list)
    program_facts: list[dict] = field(default_factory=list)
    training_requirements: list[dict] = field(default_factory=list)
    report_mentions: list[dict] = field(default_factory=list)
    reports: list[dict] = field(default_factory=list)  # what a report text or listing states of a report
    warnings: list[str] = field(default_factory=list)

    TABLES = ("recommendations", "status_events", "program_facts", "training_requirements", "report_mentions",
              "reports")

    def extend(self, other: Extraction) -> None:
        for name in self.TABLES:
            getattr(self, name).extend(getattr(other, name))
        self.warnings.extend(other.warnings)


def stable_id(*parts: object) -> str:
    """A 16-hex-digit id hashed from raw, stable fields (never from normalised text)."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def rec_id_for(doc_id: str, start: int, report_id: str | None = None, rec_number: int | None = None) -> str:
    """`OIG-18-77-R2` when report and number are known, else `<doc_id>-<start>`."""
    if report_id and rec_number:
        return f"{report_id}-R{rec_number}"
    return f"{doc_id}-{start}"


# Ids of extracted rows, hashed from raw fields only (offsets into the published text and the
# values), after offsets are mapped back from the cleaned view: cleaning rules can change
# without renaming rows whose source passage is unchanged.
ID_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "status_events": ("event_id", ("doc_id", "start", "end", "kind", "value", "rec_id", "report_id", "rec_number",
                                   "scope", "count", "total")),
    "program_facts": ("fact_id", ("doc_id", "start", "end", "attribute", "value_num", "value_text")),
    "training_requirements": ("req_id", ("doc_id", "start", "end", "kind", "course")),
}


def assign_ids(out: Extraction) -> Extraction:
    """Set every extracted row's id from its raw fields; identical rows collapse into one."""
    for table, (column, fields) in ID_FIELDS.items():
        rows: dict[str, dict] = {}
        for row in getattr(out, table):
            row[column] = stable_id(*(row.get(f) for f in fields))
            rows.setdefault(row[column], row)
        setattr(out, table, list(rows.values()))
    return out
