"""Passage kind `follow_ups`: what an OIG report says of other reports' recommendations.

A follow-up report's statements about earlier recommendations ("We have closed all
recommendations from OIG-10-124", "Recommendations 1 and 3 are closed", a status table for
OIG-10-63) become events on that report, by number where the row or clause gives one, and
with scope `all` when the whole report is meant. Asserted by OIG at the report's date.
"""

from __future__ import annotations

import re

from flows.core.report_ids import find_report_ids
from flows.core.text import Span, span
from flows.extract import emit
from flows.extract.claims import Shape, clause_at, shape
from flows.extract.model import Document, Extraction
from flows.extract.report_layout import SECTION_RE
from flows.extract.status_phrases import find_status

STATUS_ROW_RE = re.compile(
    r"^[ \t]*(?:Recommendation\s*(?:#\s*|No\.\s*)?)?(?P<n>\d{1,2})\b[^\n]*?\b(?P<status>(?:Resolved|Unresolved)\s*"
    r"[–-]\s*(?:Open|Closed)|Closed|Open)\b[ \t.]*$", re.MULTILINE | re.IGNORECASE)


def extract(doc: Document, own: str | None, as_of) -> Extraction:
    """Statuses this report (`own`) gives to other reports' recommendations."""
    out = Extraction()
    if own is not None:
        _follow_up_events(doc, doc.text, own, other_report_sections(doc, own), as_of, out)
    return out


def _oig(doc: Document, quote: Span, kind: str, value: str, report_id: str, rec_number: int | None, as_of,
         scope: Shape | None = None) -> dict:
    return emit.event(doc.doc_id, quote, kind, value, "oig", document_date=as_of, report_id=report_id,
                      rec_number=rec_number, scope=scope)


def other_report_sections(doc: Document, own: str | None) -> list[tuple[int, int, str]]:
    """Stretches that speak of another report's recommendations (a follow-up's status table):
    from a heading or line naming another report id to the next blank-line-separated heading
    (found once per document: the `report_structure` passage skips them)."""
    return doc.memo(("other_report_sections", own), lambda: _other_report_sections(doc.text, own))


def _other_report_sections(text: str, own: str | None) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(r"^[ \t]*(?:Appendix\s+\w+[:.–-]?\s*)?Status of (?:Open |Prior |Previous )?"
                         r"Recommendations?\b[^\n]{0,80}$", text, re.MULTILINE | re.I):
        ids = [rid for _, _, rid in find_report_ids(m.group(0))]
        if ids and ids[0] != own:
            nxt = SECTION_RE.search(text, m.end() + 1)
            out.append((m.start(), nxt.start() if nxt and nxt.start() > m.end() else len(text), ids[0]))
    return out


def _follow_up_events(doc: Document, text: str, own: str, others: list[tuple[int, int, str]], as_of,
                      out: Extraction) -> None:
    """Statuses this report gives to other reports' recommendations."""
    for a, b, other in others:
        for row in STATUS_ROW_RE.finditer(text, a, b):
            words = row["status"].lower()
            values = [v for v in ("resolved", "unresolved") if re.match(v, words)]
            values += ["closed" if "closed" in words else "open"]
            sp = span(text, row.start(), row.end())
            for v in values:
                out.status_events.append(_oig(doc, sp, "status", v, other, int(row["n"]), as_of))
    for para_sents in doc.seg.para_sentences:
        last_other = None  # "that report" points back within a paragraph only
        for sent in para_sents:
            rows = list(STATUS_ROW_RE.finditer(text, sent.start, sent.end))
            if rows:  # table rows are read above; what follows the last row is prose
                sent = span(text, rows[-1].end(), sent.end)
                if not sent.text:
                    continue
            found = [rid for _, _, rid in find_report_ids(sent.text) if rid != own]
            table_of = next((r for a, b, r in others if a <= sent.start < b), None)
            if table_of and set(found) <= {table_of}:
                continue
            owned = bool(find_report_ids(sent.text)) and not found  # only this report is named
            context = found[-1] if found else (None if owned else last_other)
            numbered = False
            for clause in _clauses(text, sent):  # "we have closed Recommendations 1 and 3; 2 and 5 are open"
                m = NUMBERS_RE.search(clause.text)
                rid = context
                named = find_report_ids(clause.text)
                if named:
                    rid = named[-1][2] if named[-1][2] != own else None
                if not m or rid is None:
                    continue
                numbered = True
                for h in {(h.kind, h.value) for h in find_status(text, clause.start, clause.end)}:
                    for n in re.findall(r"\d{1,2}", m["nums"]):
                        out.status_events.append(_oig(doc, clause, h[0], h[1], rid, int(n), as_of))
            if found:
                last_other = found[-1]
            if numbered:
                continue
            ids = found or ([last_other] if last_other and POINTER_RE.search(sent.text) else [])
            if not ids or not WHOLE_REPORT_RE.search(sent.text):
                continue
            number = 1 if ONLY_ONE_RE.search(sent.text) else None  # "the one recommendation in that report"
            for hit in find_status(text, sent.start, sent.end):
                sh = shape(text, clause_at(text, sent, hit.start), hit.start, hit.end)
                if sh.scope == "unspecified":  # "the recommendations from OIG-10-124": all of that report's
                    sh = Shape("all")
                for rid in ids:
                    out.status_events.append(_oig(doc, sent, hit.kind, hit.value, rid, number, as_of, sh))


NUMBERS_RE = re.compile(r"\bRecommendations?\s+(?:#\s*)?(?P<nums>\d{1,2}(?:\s*(?:,|and|&)\s*(?:and\s+)?\d{1,2})*)\b"
                        r"(?!\s*[.:)]\s*[A-Z])")
ONLY_ONE_RE = re.compile(r"\b(?:the|its)\s+(?:one|only|single|sole)\s+recommendation\b", re.IGNORECASE)
POINTER_RE = re.compile(r"\b(?:that|this|the\s+same|the\s+previous|the\s+prior|the\s+earlier)\s+(?:report|review|audit|alert)\b",
                        re.IGNORECASE)
WHOLE_REPORT_RE = re.compile(r"\b(?:all|both|each|every|the(?:\s+one)?|its)\b[^.]{0,40}\brecommendations?\b"
                             r"|\brecommendations?\s+(?:from|of|in)\s+(?:OIG|that|this|the)", re.IGNORECASE)


def _clauses(text: str, sent: Span) -> list[Span]:
    """A sentence cut at semicolons, each clause with its own statuses."""
    out, cut = [], sent.start
    for m in re.finditer(";", text[sent.start:sent.end]):
        out.append(span(text, cut, sent.start + m.start()))
        cut = sent.start + m.end()
    out.append(span(text, cut, sent.end))
    return [c for c in out if c.text]
