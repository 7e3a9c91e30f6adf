"""Extractor for `agency_page`: ICE's own pages (fact sheets, program pages, FAQs, press
releases). They yield program facts and training requirements (the generic extractors)
and the agency's claims about OIG recommendations ("ICE has closed out all
recommendations for both audits"), recorded as report-level status events asserted by
the agency.

A claim names its reports directly (an id, a quoted title, a dated description) or points
back to them ("both audits", "the report's recommendations"); pointers resolve to the
reports the page mentioned most recently before the claim.
"""

from __future__ import annotations

import re

from flows.extract.model import Document, Extraction
from flows.extract.report_ids import find_report_ids
from flows.extract.report_links import infer_reports
from flows.extract.reported import extract_reported
from flows.extract.status_phrases import find_status
from flows.extract.text import Span, paragraphs, sentences

REC_CONTEXT_RE = re.compile(r"\brecommendations?\b|\bconcurr?ed with (?:both|all|each|them|it)\b"
                            r"|^(?:[^,]{0,30}\s)?the (?:first|second|third|fourth|fifth|sixth|last|remaining)\b",
                            re.IGNORECASE)
OIG_SAYS_RE = re.compile(r"\b(?:OIG|Inspector General)\b(?:[^.]{0,60}?\bit\b)?[^.]{0,60}?\b(?:reported|found|said|stated|lists?|listed|"
                         r"determined|considers?|considered|marked|rated)\b(?:\s+that)?", re.IGNORECASE)
RECS_OF_RE = re.compile(r"\brecommendations?\s+(?:from|of|in|made in|made by)\s+(?P<desc>[^.;]{3,160})",
                        re.IGNORECASE)
YEAR_DESC_RE = re.compile(r"\b(?P<y>(?:19|20)\d{2})\s+(?:report|review|audit|update|follow-up|evaluation)\b", re.I)
BOTH_RE = re.compile(r"\b(?:both|two)\s+(?:audits|reports|reviews|inspections|evaluations)\b", re.IGNORECASE)
PLURAL_RE = re.compile(r"\b(?:these|those|the|all)\s+(?:audits|reports|reviews|evaluations)\b", re.IGNORECASE)
AGENCY_SUBJECT_RE = re.compile(r"\b(?:ICE|we|the agency|ERO|HSI)\b")


def _reports_in(doc: Document, sent: Span) -> list[str]:
    stated = [rid for _, _, rid in find_report_ids(doc.text, sent.start, sent.end)]
    return list(dict.fromkeys(stated or infer_reports(sent.text, doc.catalogue)))


def _described(doc: Document, desc: str, history: list[str]) -> list[str]:
    """Reports a phrase such as "the 2010 report" or "OIG-18-77" designates."""
    stated = [rid for _, _, rid in find_report_ids(desc)]
    if stated:
        return stated[:1]
    year = YEAR_DESC_RE.search(desc)
    if year:
        issued = {e.report_id: e.issued_on for e in doc.catalogue}
        for rid in reversed(history):
            if issued.get(rid) and issued[rid].year == int(year["y"]):
                return [rid]
    return infer_reports(desc, doc.catalogue)[:1]


def _targets(own: list[str], history: list[str], sentence: str) -> list[str]:
    if own:
        return own
    distinct = list(dict.fromkeys(reversed(history)))  # most recent first
    if BOTH_RE.search(sentence):
        return sorted(distinct[:2])
    if PLURAL_RE.search(sentence):
        return sorted(distinct)
    return distinct[:1]


def extract_agency_claims(doc: Document, asserted_by: str = "agency") -> Extraction:
    out = Extraction()
    history: list[str] = []
    for para in paragraphs(doc.text):
        for sent in sentences(doc.text, para):
            own = _reports_in(doc, sent)
            hits = find_status(doc.text, sent.start, sent.end)
            oig_says = OIG_SAYS_RE.search(sent.text)
            if hits and REC_CONTEXT_RE.search(sent.text) and (AGENCY_SUBJECT_RE.search(sent.text) or oig_says):
                of = RECS_OF_RE.search(sent.text)
                described = _described(doc, of["desc"], history + own) if of else []
                targets = described or _targets(own, history, sent.text)
                first_hit = min(h.start for h in hits) - sent.start
                by = asserted_by
                if oig_says and oig_says.end() <= first_hit and not AGENCY_SUBJECT_RE.search(
                        sent.text, oig_says.end(), first_hit):
                    by = "oig"  # the page reports OIG's own determination
                if not targets:
                    out.warnings.append(f"{doc.doc_id}@{sent.start}: agency claim names no report; not recorded")
                for kind, value in sorted({(h.kind, h.value) for h in hits}):
                    for rid in targets:
                        out.status_events.append({
                            "event_id": None,
                            "rec_id": None, "report_id": rid, "kind": kind, "value": value,
                            "asserted_by": by, "as_of": doc.published_on,
                            "doc_id": doc.doc_id, **sent.provenance(),
                        })
            history.extend(own)
    return out


def extract(doc: Document) -> Extraction:
    """Report-level claims, plus OIG recommendations the page restates (evidence `agency`).

    A claim already recorded for a report (or its restated recommendations) is not recorded
    twice for the same report and value."""
    out = extract_reported(doc, evidence="agency", asserted_by="agency")
    claims = extract_agency_claims(doc)
    speaker = {(e["start"], e["kind"], e["value"]): e["asserted_by"] for e in claims.status_events}
    for e in out.status_events:  # who asserts is decided once, by the claims reading of the sentence
        e["asserted_by"] = speaker.get((e["start"], e["kind"], e["value"]), e["asserted_by"])
    covered = {(e["start"], e["kind"], e["value"], e["report_id"]) for e in out.status_events}
    out.status_events.extend(e for e in claims.status_events
                             if (e["start"], e["kind"], e["value"], e["report_id"]) not in covered)
    out.warnings.extend(claims.warnings)
    return out
