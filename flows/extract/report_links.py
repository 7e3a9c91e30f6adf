"""Link a description of a report ("a September 2018 report on the expanding 287(g) program")
to a catalogue id, by date and title words. Such a link is always marked `inferred`."""

from __future__ import annotations

import re

from flows.core.catalogue import CatalogueEntry
from flows.core.dates import find_dates

_REPORT_NOUN = re.compile(
    r"\b(?:report|reports|alert|audit|review|evaluation|inspection|follow-?up|update|memorandum|findings)\b",
    re.IGNORECASE)
_YEAR_REPORT = re.compile(r"\b(?P<y>(?:19|20)\d{2})\s+(?:[A-Za-z-]+\s+){0,3}?(?:report|alert|audit|review|evaluation|follow-?up)\b",
                          re.IGNORECASE)
_QUOTED = re.compile(r"[\"“]([^\"”]{8,200})[\"”]")
STOP = frozenset("""a an the of and or for to in on at by with from its their ice ice's dhs oig s
    report reports needs need needs does not do further about""".split())


def words(s: str) -> set[str]:
    """Content words, lower-cased, with possessives and punctuation dropped."""
    toks = re.findall(r"[a-z0-9()]+(?:'s)?", s.lower().replace("’", "'"))
    return {t.removesuffix("'s") for t in toks} - STOP


def _title_key(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def by_quoted_title(text: str, catalogue: tuple[CatalogueEntry, ...]) -> list[str]:
    """Ids of catalogue reports whose title is quoted in text."""
    out = []
    for m in _QUOTED.finditer(text):
        key = _title_key(m.group(1))
        for entry in catalogue:
            if entry.title and _title_key(entry.title) == key:
                out.append(entry.report_id)
    return out


def infer_reports(text: str, catalogue: tuple[CatalogueEntry, ...]) -> list[str]:
    """Catalogue ids a passage describes by quoted title, or by date and title words.

    A dated description must name a month or a year next to a report noun; among the
    catalogue reports of that month (or year) the best title-word overlap wins, and only
    when it is unambiguous: at least one shared word for the sole report of a month, two
    otherwise.
    """
    found = by_quoted_title(text, catalogue)
    if found:
        return found
    if not _REPORT_NOUN.search(text):
        return []
    passage_words = words(text)
    periods: list[tuple[int, int | None]] = []
    for d in find_dates(text):
        periods.append((d.value.year, d.value.month))
    for m in _YEAR_REPORT.finditer(text):
        periods.append((int(m["y"]), None))
    out: list[str] = []
    for year, month in periods:
        rid = dated_match(passage_words, catalogue, year, month)
        if rid and rid not in out:
            out.append(rid)
    return out


def dated_match(passage_words: set[str], catalogue: tuple[CatalogueEntry, ...], year: int,
                month: int | None) -> str | None:
    """The one catalogue report of that month (or year) whose title words the passage shares:
    at least one for the sole report of a month, two otherwise, and more than any other."""
    cands = [e for e in catalogue if e.issued_on and e.issued_on.year == year
             and (month is None or e.issued_on.month == month)]
    scored = sorted(((len(words(e.title or "") & passage_words), e.report_id) for e in cands), reverse=True)
    if not scored:
        return None
    best, rid = scored[0]
    need = 1 if (len(cands) == 1 and month is not None) else 2
    return rid if best >= need and (len(scored) == 1 or scored[1][0] < best) else None

