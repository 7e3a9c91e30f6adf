"""Find response and status wordings ("did not concur", "resolved and open") in a span."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from flows.extract import vocab
from schemas.common import EVENT_KINDS, EVENT_VALUES


@dataclass(frozen=True)
class StatusHit:
    start: int
    end: int
    kind: str
    value: str


# a word every wording in vocab/status_phrases.yaml contains (tests/unit/test_program_facts_cues.py
# checks it against every rule's matches)
CUE_RE = re.compile(r"concur|agree|resolv|open|clos|implement|status", re.IGNORECASE)


@functools.cache
def _rules() -> list[tuple[re.Pattern[str], list[tuple[str, str]]]]:
    rules = []
    for entry in vocab.load("status_phrases"):
        events = [tuple(e) for e in entry["events"]]
        for kind, value in events:
            if kind not in EVENT_KINDS or value not in EVENT_VALUES:
                raise ValueError(f"status_phrases.yaml: unknown event {kind}/{value}")
        pattern = entry["pattern"].replace(" ", r"\s+")  # wordings break across lines in PDFs
        # not inside a lower-case word, but right after a capital is fine: "ICEdid not concur"
        rules.append((re.compile(r"(?-i:(?<![a-z]))(?:" + pattern + r")", re.IGNORECASE), events))
    return rules


def find_status(text: str, start: int = 0, end: int | None = None) -> list[StatusHit]:
    """Every (kind, value) asserted in text[start:end]; earlier rules claim their stretch first."""
    end = len(text) if end is None else end
    if not CUE_RE.search(text, start, end):
        return []  # no status or response word at all: one cheap search instead of every rule
    taken: list[tuple[int, int]] = []
    hits: list[StatusHit] = []
    for rx, events in _rules():
        for m in rx.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.extend(StatusHit(m.start(), m.end(), k, v) for k, v in events)
    return sorted(hits, key=lambda h: (h.start, h.kind, h.value))
