"""Which program a passage is about (287(g) for now), from the passage or its document."""

from __future__ import annotations

import functools
import re

from flows.core.text import Span

PROGRAMS = {
    "287(g)": re.compile(r"287\s*\(g\)|Delegation of Immigration Authority|Immigration Authority Delegation", re.I),
}


def program_for(text: str, sp: Span, default: str = "ICE training") -> str:
    """The program named in the passage, else the one the document names most, else `default`."""
    for name, rx in PROGRAMS.items():
        if rx.search(sp.text):
            return name
    return _document_program(text) or default


@functools.lru_cache(maxsize=2)
def _document_program(text: str) -> str | None:
    """The program the document names most (counted once per document, not once per passage)."""
    counts = {name: len(rx.findall(text)) for name, rx in PROGRAMS.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else None
