"""Report mentions: every place a document names an OIG report, by id, title or description.

- `id`: a written report number (any genre). When it is not in the catalogue, the one
  catalogue report it plausibly mistypes is suggested: an id at most two edits away whose
  title or issue month the same sentence also gives (`OIG-11-19, The Performance of 287(g)
  Agreements FY 2011 Update` -> OIG-11-119).
- `title`: a catalogue title written in the text, found with rapidfuzz's partial-ratio
  alignment (titles circulate with small variations: case, punctuation, a dropped word); of
  overlapping matches the best score wins, then the longest title, and a tie between two
  reports is no match. A title in a sentence that writes the report's id belongs to that mention.
- `description`: a dated description ("a September 2018 report on the expanding 287(g)
  program") that fits exactly one catalogue entry by date and title words; never where the
  same sentence already names that report by id or title.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from flows.core.catalogue import CatalogueEntry
from flows.core.dates import find_dates
from flows.core.report_ids import find_report_ids
from flows.core.text import Span, span
from flows.extract import emit
from flows.extract.model import Document
from flows.extract.report_links import dated_match, words

TITLE_MIN_SCORE = 90.0
_TITLE_MIN_WORDS = 4
_NOUN_RE = re.compile(r"\b(?:report|alert|audit|review|evaluation|inspection|follow-?up|update|memorandum|findings)s?\b",
                      re.IGNORECASE)
_YEAR_NOUN_RE = re.compile(r"\b(?P<y>(?:19|20)\d{2})\s+(?:[A-Za-z()-]+\s+){0,3}?(?:report|alert|audit|review|evaluation|"
                           r"follow-?up|update)\b", re.IGNORECASE)
_TAIL_RE = re.compile(r"\s+(?:on|about|of|into|focused\s+on|examining|that\s+examined|titled|which\s+found)\s+[^.,;:\[\]“\"]{3,80}",
                      re.IGNORECASE)


def _row(doc_id: str, sp: Span, report_id: str, match: str, score: float | None = None,
         suggested: str | None = None, reason: str | None = None) -> dict:
    return emit.row("report_mentions", doc_id, sp, report_id=report_id, match=match, score=score,
                    suggested_report_id=suggested, suggestion_reason=reason)


@functools.lru_cache(maxsize=4)
def _titles(catalogue: tuple[CatalogueEntry, ...]) -> tuple[tuple[CatalogueEntry, str, frozenset[str]], ...]:
    """Catalogue titles worth matching, lower-cased, with their content words (computed once)."""
    return tuple((e, e.title.lower(), frozenset(words(e.title))) for e in catalogue
                 if e.title and len(e.title.split()) >= _TITLE_MIN_WORDS)


def _title_hits(text: str, sent: Span, catalogue: tuple[CatalogueEntry, ...]) -> list[tuple[int, int, str, float]]:
    """(start, end, report_id, score) of catalogue titles written in the sentence."""
    low = sent.text.lower()
    if len(low) != len(sent.text):
        return []
    sent_words = words(sent.text)
    found = []
    for e, title, title_words in _titles(catalogue):
        if len(title_words & sent_words) * 2 < len(title_words):
            continue
        al = fuzz.partial_ratio_alignment(title, low, score_cutoff=TITLE_MIN_SCORE)
        if al is None:
            continue
        a, b = al.dest_start, al.dest_end
        while a > 0 and low[a - 1].isalnum():
            a -= 1
        while b < len(low) and low[b].isalnum():
            b += 1
        found.append((sent.start + a, sent.start + b, e.report_id, round(al.score / 100, 3), len(e.title)))
    out = []
    for hit in sorted(found, key=lambda h: (-h[3], -h[4], h[2])):
        rivals = [o for o in found if o is not hit and o[0] < hit[1] and hit[0] < o[1]]
        if any(o[3] == hit[3] and o[4] == hit[4] for o in rivals):
            continue  # two reports fit equally well: not a match
        if any(o[0] < hit[1] and hit[0] < o[1] for o in out):
            continue
        out.append(hit)
    return [(a, b, rid, score) for a, b, rid, score, _ in out]


def _descriptions(text: str, sent: Span, catalogue: tuple[CatalogueEntry, ...]) -> list[tuple[int, int, str]]:
    """Dated descriptions in a sentence that fit exactly one catalogue report."""
    periods: list[tuple[int, int, int, int | None]] = []  # start, end, year, month
    for d in find_dates(text, sent.start, sent.end):
        periods.append((d.start, d.end, d.value.year, d.value.month))
    for m in _YEAR_NOUN_RE.finditer(text, sent.start, sent.end):
        if not any(a <= m.start("y") < b for a, b, _, _ in periods):
            periods.append((m.start("y"), m.end("y"), int(m["y"]), None))
    passage = words(sent.text)
    out = []
    for a, b, year, month in periods:
        nouns = [n for n in _NOUN_RE.finditer(text, max(sent.start, a - 45), min(sent.end, b + 45))]
        if not nouns:
            continue
        rid = dated_match(passage, catalogue, year, month)
        if rid is None:
            continue
        noun = min(nouns, key=lambda n: min(abs(n.start() - b), abs(a - n.end())))
        start, end = min(a, noun.start()), max(b, noun.end())
        article = re.search(r"\b(?:a|an|the|its|OIG[’']s|their)\s+$", text[max(sent.start, start - 12):start])
        if article:
            start -= len(text[max(sent.start, start - 12):start]) - article.start()
        tail = _TAIL_RE.match(text, end, sent.end)
        if tail:
            end = tail.end()
        out.append((start, end, rid))
    return out


def _suggestion(written: str, sent: Span, text: str, catalogue: tuple[CatalogueEntry, ...]) -> tuple[str, str] | None:
    """The one catalogue report a mistyped id plausibly means, and why."""
    known = {e.report_id for e in catalogue}
    if written in known:
        return None
    months = {(d.value.year, d.value.month) for d in find_dates(text, sent.start, sent.end)}
    agreeing = []
    for e in catalogue:
        edits = Levenshtein.distance(written, e.report_id)
        if edits > 2:
            continue
        if e.title and fuzz.partial_ratio(e.title.lower(), sent.text.lower()) >= TITLE_MIN_SCORE:
            agreeing.append((e.report_id, f"{edits} edit(s) from {e.report_id}, whose title the passage gives"))
        elif edits == 1 and e.issued_on and (e.issued_on.year, e.issued_on.month) in months:
            # a date alone is weaker evidence than a title: one edit away only ("OIG-11-19" for OIG-11-119)
            when = dt.date(e.issued_on.year, e.issued_on.month, 1).strftime("%B %Y")
            agreeing.append((e.report_id, f"{edits} edit(s) from {e.report_id}, issued {when} as the passage says"))
    return agreeing[0] if len(agreeing) == 1 else None


def extract_mentions(doc: Document) -> list[dict]:
    """One row per place a report is named; `known` is decided later against the reports table."""
    text, out = doc.text, []
    catalogue = tuple(e for e in doc.catalogue if e.title or e.issued_on)
    for sent in doc.seg.sentences:
        ids = find_report_ids(text, sent.start, sent.end)
        named: set[str] = set()
        for s, e, rid in ids:
            sug = _suggestion(rid, sent, text, catalogue)
            out.append(_row(doc.doc_id, span(text, s, e), rid, "id", None, *(sug or (None, None))))
            named.update([rid, sug[0]] if sug else [rid])
        for a, b, rid, score in _title_hits(text, sent, catalogue):
            if rid in named or any(s <= a <= e + 12 or (s < b and a < e) for s, e, _ in ids):
                continue  # the title of a report whose id the sentence writes is part of that mention
            out.append(_row(doc.doc_id, span(text, a, b), rid, "title", score))
            named.add(rid)
        for a, b, rid in _descriptions(text, sent, catalogue):
            if rid in named or any(s < b and a < e for s, e, _ in ids):
                continue
            out.append(_row(doc.doc_id, span(text, a, b), rid, "description"))
            named.add(rid)
    return out
