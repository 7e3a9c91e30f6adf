"""What an extractor receives (a document and the catalogue) and what it returns (rows)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flows.core.catalogue import CatalogueEntry
from flows.core.text import Segmented


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
    # the published text when `text` is the cleaned view of it (running heads and all), else None
    published: str | None = field(default=None, compare=False, repr=False)
    # paragraphs and sentences of `text`, split once (flows/extract/__init__.py builds it with the view)
    segmented: Segmented | None = field(default=None, compare=False, repr=False)

    # what one passage extractor read and another uses (recommendation statements for the claims
    # passage): never carried to a copy with other text (init=False: dataclasses.replace drops it)
    _memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def memo(self, key: object, compute: Callable[[], Any]) -> Any:
        """compute() once per document and key."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def seg(self) -> Segmented:
        """The segmented text; built here only for a Document made without one (tests, tools)."""
        if self.segmented is None or self.segmented.text is not self.text:
            object.__setattr__(self, "segmented", Segmented.of(self.text))
        return self.segmented


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
