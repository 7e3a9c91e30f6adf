"""What a document says about itself: title, publisher and date."""

from __future__ import annotations

import datetime as dt
import re

from flows.core.dates import find_dates

BOILERPLATE_RE = re.compile(
    r"^(?:skip to (?:main )?content|an official website of|here[’']s how you know|official websites use|secure \.gov"
    r"|menu|search|home\b|share this|return to top|related links|news release$|fact sheet$|disclaimer|by\s|u\.s\. "
    r"|for immediate release|(?:media )?contacts?:|"
    r"immigration and customs enforcement$|(?:u\.s\. )?department of homeland security$|office of (?:the )?inspector general$)",
    re.IGNORECASE)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?"
# The date a document gives for itself: when it was published, checked or released first;
# only when it states none of those, when it was updated or reviewed.
_AT_LINE_START = r"(?:^|(?<=[|•·]\s)|(?<=[|•·]))[ \t]*"
PRIMARY_LABEL_RE = re.compile(
    _AT_LINE_START + r"(?:checked on|published|posted on|posted|released|release date|issued|date)\b(?:\s*(?:by|on)\s+[^\n]{0,40}?"
    r"[•·|]\s*)?\s*:?\s*" + _WEEKDAY, re.IGNORECASE | re.MULTILINE)
SECONDARY_LABEL_RE = re.compile(
    r"\b(?:last updated|updated|last reviewed/updated|last reviewed|last edited on|last edited|last modified)\s*:?\s*"
    + _WEEKDAY, re.IGNORECASE | re.MULTILINE)
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
    if find_dates(s) and (len(words) < 8 or PRIMARY_LABEL_RE.match(s) or SECONDARY_LABEL_RE.match(s)):
        return False
    if re.match(r"(?:claim|verdict|rating|summary|contact)\s*:", s, re.IGNORECASE):
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
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:max_lines]
    cands = []
    for ln in lines:
        if len(ln) > 200 or (ln.endswith(".") and len(ln.split()) > 12):
            break  # the body has begun: the title is above it
        if _is_title(ln):
            cands.append(ln)
    # a headline is usually the longest line above the body (taglines and kickers are shorter)
    return max(cands, key=len) if cands else next((ln for ln in lines if _is_title(ln)), None)


def find_published_on(text: str) -> dt.date | None:
    """A date labelled as publication ("Checked on …", "Published …"), a date alone on a line
    near the top, else one labelled as an update ("Last Reviewed/Updated: …")."""
    primary = _labelled(text, PRIMARY_LABEL_RE)
    if primary:
        return primary
    for line in text.splitlines()[:40]:
        found = find_dates(line)
        if len(found) == 1 and found[0].precision == "day" and len(line.strip()) == found[0].end - found[0].start:
            return found[0].value
    return _labelled(text, SECONDARY_LABEL_RE)


def _labelled(text: str, rx: re.Pattern[str]) -> dt.date | None:
    for m in rx.finditer(text):
        found = find_dates(text, m.end(), min(len(text), m.end() + 40))
        if found and found[0].start == m.end() and found[0].precision == "day":
            return found[0].value
    return None


def find_publisher(text: str) -> str | None:
    for rx, name in PUBLISHER_RULES:
        m = rx.search(text)
        if m:
            return name or m["name"].strip()
    return None
