"""Dates as documents write them: "February 1, 2026", "Oct. 14, 2019", "08/14/2023", "March 2010"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH_RE = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
YEAR_RE = r"(?:19|20)\d{2}"

_FULL = re.compile(rf"\b(?P<m>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR_RE})\b")
# a day before a month, but not the serial of a report number ("OIG-10-25 February 2010")
_DMY = re.compile(rf"(?<![-\u2010-\u2015\u2212\d])\b(?P<d>\d{{1,2}})\s+(?P<m>{MONTH_RE})\s+(?P<y>{YEAR_RE})\b")
_ISO = re.compile(rf"\b(?P<y>{YEAR_RE})-(?P<mo>\d{{2}})-(?P<d>\d{{2}})\b")
_US = re.compile(rf"\b(?P<mo>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>{YEAR_RE})\b")
_MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH_RE})(?:\s+of)?,?\s+(?P<y>{YEAR_RE})\b")


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: dt.date
    precision: str  # "day" or "month"

    def iso(self) -> str:
        return self.value.isoformat() if self.precision == "day" else self.value.strftime("%Y-%m")


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _mk(y: str, m: int, d: str | int) -> dt.date | None:
    try:
        return dt.date(int(y), m, int(d))
    except ValueError:
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """All full dates, then month-year dates not inside a full date, sorted by position."""
    end = len(text) if end is None else end
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for rx in (_FULL, _DMY, _ISO, _US):
        for m in rx.finditer(text, start, end):
            mo = month_number(m["m"]) if "m" in rx.groupindex else int(m["mo"])
            value = _mk(m["y"], mo, m["d"])
            if value and not any(a < m.end() and m.start() < b for a, b in taken):
                found.append(FoundDate(m.start(), m.end(), value, "day"))
                taken.append((m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(text, start, end):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            found.append(FoundDate(m.start(), m.end(), dt.date(int(m["y"]), month_number(m["m"]), 1), "month"))
    return sorted(found, key=lambda f: f.start)
