"""What a document says about itself: title, publisher and date."""

from __future__ import annotations

import datetime as dt
import re

from flows.extract.dates import find_dates

BOILERPLATE_RE = re.compile(
    r"^(?:skip to (?:main )?content|an official website of|here[’']s how you know|official websites use|secure \.gov"
    r"|menu|search|home\b|share this|return to top|related links|news release$|fact sheet$|disclaimer|by\s|u\.s\. "
    r"immigration and customs enforcement$|(?:u\.s\. )?department of homeland security$|office of (?:the )?inspector general$)",
    re.IGNORECASE)
DATE_LABEL_RE = re.compile(
    r"\b(?:checked on|last updated|updated|published|posted on|posted|last reviewed/updated|last reviewed"
    r"|release date|issued|date|last edited on|last edited)\s*:?\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?",
    re.IGNORECASE)
PUBLISHER_RULES: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(r"^\s*OFFICE OF INSPECTOR GENERAL\b|\bwww\.?oig\.?dhs\.?gov\b", re.MULTILINE), "DHS OIG"),
    (re.compile(r"^\s*U\.S\. Immigration and Customs Enforcement\s*$|\bice\.gov\b", re.MULTILINE),
     "U.S. Immigration and Customs Enforcement"),
    (re.compile(r"©\s*(?:\d{4}\s+)?(?P<name>[A-Z][\w&' -]{1,60})"), None),
]


def _is_title(line: str) -> bool:
    s = line.strip()
    words = s.split()
    if len(words) < 4 or len(s) > 250 or BOILERPLATE_RE.match(s):
        return False
    if (re.search(r"\S\s{3,}\S|\s{2,}[|·]\s{2,}", s) or s.count("|") >= 2 or s.count("›") >= 1
            or s.count("·") >= 2 or s.count(" / ") >= 2):
        return False  # navigation bars and breadcrumbs
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return False  # mastheads
    if find_dates(s) and len(words) < 8:
        return False
    return not s.endswith((".", ",")) or s.endswith("?")


SUBJECT_RE = re.compile(r"^\s*Subject:\s*(?P<title>\S.*?)\s*$", re.MULTILINE)
ENCYCLOPEDIA_RE = re.compile(r"^\s*(?P<title>\S[^\n]*?)\s*\n\s*From Wikipedia, the free encyclopedia", re.MULTILINE)


def find_title(text: str, max_lines: int = 25) -> str | None:
    """An e-mail subject, an encyclopedia heading, or the first line that reads as a title."""
    head = "\n".join(text.splitlines()[:max_lines])
    for rx in (SUBJECT_RE, ENCYCLOPEDIA_RE):
        m = rx.search(head)
        if m:
            return m["title"]
    lines = [ln for ln in text.splitlines() if ln.strip()][:max_lines]
    return next((ln.strip() for ln in lines if _is_title(ln)), None)


def find_published_on(text: str) -> dt.date | None:
    """A labelled date ("Checked on ...", "Last Reviewed/Updated: ...") or a date alone on a line."""
    labelled = []
    for m in DATE_LABEL_RE.finditer(text):
        found = find_dates(text, m.end(), min(len(text), m.end() + 40))
        if found and found[0].start == m.end() and found[0].precision == "day":
            labelled.append(found[0].value)
    if labelled:
        return labelled[0]
    for line in text.splitlines()[:40]:
        found = find_dates(line)
        if len(found) == 1 and found[0].precision == "day" and len(line.strip()) == found[0].end - found[0].start:
            return found[0].value
    return None


def find_publisher(text: str) -> str | None:
    for rx, name in PUBLISHER_RULES:
        m = rx.search(text)
        if m:
            return name or m["name"].strip()
    return None
