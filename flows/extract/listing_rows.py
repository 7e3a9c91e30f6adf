"""Passage kind `listing_rows`: rows of the OIG website's report lists and report landing pages.

Each row (or the whole landing page) states a report's number, title, issue date and a
summary with the count of recommendations and, often, the component's response. Rows fill
the `reports` table (and so the stated-count check); an unambiguous response ("ICE
concurred with all five recommendations") becomes a report-level event asserted by OIG.
"""

from __future__ import annotations

import itertools
import re

from flows.core.dates import find_dates
from flows.core.describe import find_title
from flows.core.numbers import NUMBER_RE, parse_number
from flows.core.report_ids import REPORT_ID_RE, normalise
from flows.core.text import Span, norm_ws, sentences, span
from flows.extract import emit
from flows.extract.claims import Shape, shape
from flows.extract.model import Document, Extraction

ROW_START_RE = re.compile(r"^[ \t•]*(?:Report\s+(?:Number|No\.?|#)\s*:?\s*)?(?=OIG[\s\u2010-\u2014-]*\d\d"
                          r"[\s\u2010-\u2014-]+\d{2,3}(?:-[A-Z]{1,4})?(?:[ \t|:]|$))", re.MULTILINE | re.IGNORECASE)
LABEL_RE = re.compile(r"^\s*(?P<label>Title|Report Title|Issue Date|Date Issued|Issued|Fiscal Year|Component|"
                      r"Report Number|Report No\.?|Program|Type|Topic|Summary|Download)\s*:\s*(?P<value>.*)$",
                      re.MULTILINE | re.IGNORECASE)
COUNT_RE = re.compile(
    rf"\b(?:made|makes|making|contains|includes|issued|offered)\s+(?:(?P<none>no)|(?P<num>{NUMBER_RE}))\s+"
    r"(?:\w+\s+)?recommendations?\b|\b(?P<one>a|one)\s+recommendation\b", re.IGNORECASE)
_VERB = r"(?P<verb>did not concur|non-?concurred|partially concurred|concurred|agreed|disagreed|did not agree)"
ALL_RESPONSE_RE = re.compile(
    rf"\b(?P<who>ICE|DHS|CBP|the (?:component|department|agency))\s+{_VERB}\s+with\s+"
    rf"(?:(?:all|each|both|either|any|the|its|our)\s+(?:{NUMBER_RE}\s+)?(?:of\s+(?:the|our|its)\s+)?"
    rf"(?:{NUMBER_RE}\s+)?(?:\w+\s+)?recommendations?|(?:all|each|both|either|it|them)(?:\s+{NUMBER_RE})?)\b"
    rf"|\bwith which\s+(?:ICE|DHS|CBP)\s+{_VERB.replace('verb', 'verb2')}",
    re.IGNORECASE)
MIXED_RE = re.compile(r"\b(?:concurred|agreed)\b[^.;]*\b(?:did not concur|non-?concurred|did not agree|disagreed)\b"
                      r"|\b(?:did not concur|non-?concurred)\b[^.;]*\b(?:concurred|agreed)\b", re.IGNORECASE)
VERB_VALUE = {"did not concur": "nonconcur", "nonconcurred": "nonconcur", "non-concurred": "nonconcur",
              "disagreed": "nonconcur", "did not agree": "nonconcur", "partially concurred": "partially_concur",
              "concurred": "concur", "agreed": "concur"}


def _rows(text: str) -> list[Span]:
    starts = [m.start() for m in ROW_START_RE.finditer(text)
              if REPORT_ID_RE.match(text, m.end())]
    if not starts:
        return []
    if len(starts) == 1:
        return [span(text, 0, len(text))]  # a landing page: the whole page is the row
    bounds = [*starts, len(text)]
    return [span(text, a, b) for a, b in itertools.pairwise(bounds)]


def _title(block: Span, report_id: str, doc_title: str | None, single: bool) -> str | None:
    for m in LABEL_RE.finditer(block.text):
        if m["label"].lower() in ("title", "report title") and m["value"].strip():
            return norm_ws(m["value"])
    if single and doc_title:
        return doc_title
    for line in block.text.splitlines():
        s = line.strip()
        after_id = REPORT_ID_RE.sub("", s).strip(" |–-:")
        candidate = after_id if REPORT_ID_RE.search(s) else s
        if (len(candidate.split()) >= 3 and not LABEL_RE.match(candidate) and not candidate.endswith(".")
                and not find_dates(candidate)):
            return candidate
    return None


def extract(doc: Document) -> Extraction:
    out = Extraction()
    text = doc.text
    blocks = _rows(text)
    doc_title = find_title(text)
    for block in blocks:
        m = REPORT_ID_RE.search(text, block.start, block.end)
        report_id = normalise(m.group(0)) if m else None
        if report_id is None:
            continue
        dates = [d for d in find_dates(text, block.start, block.end) if d.precision == "day"]
        issued_on = dates[0].value if dates else None
        count = COUNT_RE.search(text, block.start, block.end)
        stated = None
        if count:
            n = 1.0 if count["one"] else 0.0 if count["none"] else parse_number(count["num"])
            stated = int(n) if n is not None else None
        if any(r["report_id"] == report_id for r in out.reports):
            continue  # the same report listed twice: the first row speaks for it
        out.reports.append(emit.row("reports", None, None, report_id=report_id,  # a listing is not the report's text
                                    title=_title(block, report_id, doc_title, len(blocks) == 1),
                                    issued_on=issued_on, n_recommendations_stated=stated, url=None))
        for sent in sentences(text, block):
            r = ALL_RESPONSE_RE.search(sent.text)
            if not r or MIXED_RE.search(sent.text):
                continue  # a mixed answer says nothing about each recommendation
            value = VERB_VALUE[(r["verb"] or r["verb2"]).lower()]
            sh = shape(text, sent, sent.start + r.start(), sent.start + r.end())
            # "with all five", "with both", "with the recommendations": every recommendation of the report
            out.status_events.append(emit.event(doc.doc_id, sent, "response", value, "oig",
                                                 document_date=issued_on or doc.published_on, report_id=report_id,
                                                 scope=sh if sh.scope in ("all", "n_of_m") else Shape("all")))
    return out
