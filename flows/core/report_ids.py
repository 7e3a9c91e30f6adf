"""OIG report numbers as written in the wild, and their normal form OIG-YY-NN[N][-SUFFIX]."""

from __future__ import annotations

import re

_DASH = r"[\s\-\u2010\u2011\u2012\u2013\u2014\u2212]"
REPORT_ID_RE = re.compile(
    rf"\bOIG{_DASH}{{0,2}}(?P<fy>\d{{2}}){_DASH}{{1,2}}(?P<seq>\d{{2,3}})(?!\d)(?:-(?P<suffix>[A-Z]{{1,4}})\b)?"
)


def normalise_report_id(fy: str, seq: str, suffix: str | None = None) -> str:
    return f"OIG-{fy}-{seq}" + (f"-{suffix}" if suffix else "")


def find_report_ids(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, normalised id) for every report number written in text[start:end]."""
    end = len(text) if end is None else end
    return [(m.start(), m.end(), normalise_report_id(m["fy"], m["seq"], m["suffix"]))
            for m in REPORT_ID_RE.finditer(text, start, end)]


def normalise(raw: str) -> str | None:
    """Normal form of a single written id, or None when it is not one."""
    found = find_report_ids(raw)
    return found[0][2] if found else None
