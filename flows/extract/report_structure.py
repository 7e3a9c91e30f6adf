"""Passage kind `report_structure`: an OIG report's own recommendations, as the report lays
them out (usually from a PDF), with the component's response and OIG's analysis of each.

Rules for the layouts OIG has used since 2009, not for one report:
- the report id is the first id on the cover; the issue date the first full date of the
  cover or memorandum; the title the memorandum's SUBJECT, else the cover's title lines;
- the stated count comes from "We made five recommendations" / "This report contains 4
  recommendations";
- a recommendation is a numbered heading at a line start ("Recommendation 1:",
  "Recommendation #1:", "Recommendation 1.") and runs to the next heading, section heading
  or paragraph break; its first statement is the definition, later ones are discussion;
- its addressee comes from "We recommend that the <official>" in its text or the lead line
  before it, else from the memorandum's addressee;
- the response and OIG's analysis come from the text that discusses that number after its
  definition: the response is the first concur/partially concur/nonconcur wording, the
  status the last resolved/open wording (preferring what follows "OIG Analysis", since a
  response may *ask* for closure), and the estimated completion date follows "ECD" or
  "expects to complete … by";
What a report says of *other* reports' recommendations is the `follow_ups` passage
(flows/extract/follow_ups.py). All events are asserted by OIG at the report's date.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from flows.core.dates import find_dates
from flows.core.numbers import NUMBER_RE, numbered, parse_number
from flows.core.report_ids import find_report_ids
from flows.core.text import Span, norm_ws, sentences, span
from flows.extract import emit
from flows.extract.actions import is_verb
from flows.extract.claims import Shape
from flows.extract.follow_ups import other_report_sections
from flows.extract.model import Document, Extraction
from flows.extract.report_layout import SECTION_RE
from flows.extract.status_phrases import find_status
from flows.extract.themes import themes_for

INLINE_HEAD_RE = re.compile(r"(?<=[.:;]\s)Recommendation\s*(?:#\s*|No\.\s*)?(?P<n>\d{1,2})\s*:\s*(?=(?P<verb>[A-Z][a-z]+)\b)")
BARE_INLINE_HEAD_RE = re.compile(r"(?<=[a-z] )Recommendation\s+(?P<n>\d{1,2})\s+(?=(?P<verb>[A-Z][a-z]+)\s+[a-z])")
INLINE_SECTION_RE = re.compile(r"\b(?:Management Comments|Agency Comments|OIG Analysis|Appendix [A-Z]\b)")
# "Recommendation 1:" at a line start; where a host site stripped the punctuation, "Recommendation 1
# Establish …" (the number followed by a capitalised verb)
REC_HEAD_RE = re.compile(r"^[ \t•]*Recommendation\s*(?:#\s*|No\.\s*)?(?P<n>\d{1,2})(?:\s*[:.)]\s*|[ \t]+(?=(?P<verb>[A-Z][a-z]+)\b))",
                         re.MULTILINE)
REC_MENTION_RE = re.compile(r"\b(?:Recommendations?|Rec\.)\s*(?:#\s*|No\.\s*)?(?P<n>\d{1,2})\b(?!\s*[-–]\s*\d)",
                            re.IGNORECASE)
STATED_RE = re.compile(
    rf"\b(?:we\s+(?:are\s+)?(?:made|make|making|issued|offer(?:ed)?)|(?:this|the|our)\s+(?:report|alert|memorandum|review)\s+"
    rf"(?:contains|makes|made|includes))\s+(?P<num>{NUMBER_RE})\s+(?:\w+\s+)?recommendations?\b", re.IGNORECASE)
LEAD_RE = re.compile(r"\bWe\s+recommend(?:\s+that)?\s+(?:the\s+)?(?P<who>(?:[A-Z][\w’'.&()-]*|U\.S\.)"
                     r"(?:\s+(?:[A-Z][\w’'.&()-]*|of|for|and|the|to|on|in|U\.S\.))*)")
MEMO_RE = re.compile(r"MEMORANDUM\s+FOR\s*:?\s*(?P<who>[\s\S]{3,400}?)\n\s*FROM\s*:", re.IGNORECASE)
SUBJECT_RE = re.compile(r"^\s*SUBJECT\s*:\s*(?P<title>[\s\S]{3,300}?)(?:\n\s*\n|\n\s*(?:Attached|For your|Enclosed))",
                        re.MULTILINE | re.IGNORECASE)
ECD_RE = re.compile(
    r"(?:Estimated\s+Completion\s+Date|\bECD\b|target\s+completion\s+date|(?:expects?|plans?|anticipates?|intends?)"
    r"\s+to\s+complete[^.]{0,80}?\bby|anticipated\s+completion\s+date)\s*(?:\(ECD\))?\s*(?:is|of|:)?\s*",
    re.IGNORECASE)
ANALYSIS_RE = re.compile(r"\bOIG\s+Analysis\s*[:.]|^[ \t]*OIG\s+Analysis[ \t]*$|\bWe consider\b|\bOIG considers\b",
                         re.IGNORECASE | re.MULTILINE)
UNNUMBERED_HEAD_RE = re.compile(r"^[ \t]*Recommendations?[ \t]*\n", re.MULTILINE)
WE_RECOMMEND_RE = re.compile(r"^[ \t]*We recommend\b", re.MULTILINE)
COMMENTS_RE = re.compile(r"^[ \t]*(?:Management|Agency|ICE|DHS)\s+(?:Comments|Response)\b[^\n]*$", re.MULTILINE | re.I)
AGENCIES = ("ICE", "CBP", "USCIS", "TSA", "FEMA", "DHS")
ADDRESSEE_AGENCY = {"Immigration and Customs Enforcement": "ICE", "Customs and Border Protection": "CBP"}


@dataclass
class _Rec:
    number: int
    head: re.Match[str]
    body: Span


# a section headed by a report's id and title: "OIG-19-52 -- TSA Does Not Verify …", "OIG-20-41: The Coast Guard …"
SECTION_ID_RE = re.compile(r"^[ \t]*(OIG[-\u2010-\u2014]\d{2}[-\u2010-\u2014]\d{2,3})[ \t]*(?:--|[—–:,])[ \t]*[A-Z]", re.MULTILINE)


def _report_id(text: str, published: str | None = None) -> str | None:
    """The report's own id: among the ids of its cover (the first 3,000 characters), the one the
    published text repeats most (running heads and footers carry it on every page; a host
    site's title or a cited earlier report does not), the first on a tie."""
    cover = find_report_ids(text, 0, min(len(text), 3000)) or find_report_ids(text)
    if not cover:
        return None
    source = published or text
    every = find_report_ids(source)
    counts = Counter(rid for _, _, rid in every)
    # a running head or footer ("www.oig.dhs.gov   OIG-21-58") is the report's own; an id cited
    # in a sentence ("we reported … (OIG-16-19)") is not, even on the cover page
    heads = Counter(rid for s, e, rid in every if _on_chrome_line(source, s, e))
    sections = {rid for m in SECTION_ID_RE.finditer(source) for _, _, rid in find_report_ids(m.group(1))}
    if len(sections) >= 3 and not set(heads) - sections:
        return None  # a memo or letter about several reports, each heading its own section: none is its own
    order = list(dict.fromkeys([rid for _, _, rid in cover] + list(heads)))
    return max(order, key=lambda rid: (heads[rid], counts[rid], -order.index(rid)))


def _on_chrome_line(text: str, start: int, end: int) -> bool:
    """Whether an id stands on a line with no sentence around it (a head, footer or cover line)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before, after = text[line_start:start], text[end:line_end if line_end >= 0 else len(text)]
    if "\t" in before + after or "|" in before + after or before.rstrip().endswith("("):
        return False  # a table row, a title citing it "(OIG-18-24)"
    rest = re.sub(r"\S*(?:www\.|@|\.gov)\S*", " ", before + " " + after)
    return len(re.findall(r"\b[a-z]{2,}\b", rest)) < 2


def _issued_on(text: str):
    dates = [d for d in find_dates(text, 0, min(len(text), 5000)) if d.precision == "day"]
    return dates[0].value if dates else None


def _title(text: str) -> str | None:
    m = SUBJECT_RE.search(text, 0, min(len(text), 6000))
    if m:
        return norm_ws(m["title"])
    for line in text[:2000].splitlines():
        s = line.strip()
        if len(s.split()) >= 4 and not re.search(r"inspector general|homeland security|OIG-\d|www\.", s, re.I) \
                and not find_dates(s):
            return s
    return None


def _stated_count(text: str) -> int | None:
    m = STATED_RE.search(text)
    n = parse_number(m["num"]) if m else None
    return int(n) if n else None


def _memo_addressee(text: str) -> str | None:
    m = MEMO_RE.search(text, 0, min(len(text), 8000))
    if not m:
        return None
    lines = [ln.strip() for ln in m["who"].splitlines() if ln.strip()]
    # the official's title is the line(s) after the name: keep the first title line
    return norm_ws(lines[1] if len(lines) > 1 else lines[0]) if lines else None


# a paragraph that opens with a report id and its title heads a block about that report (a
# tracker's or listing's record: "OIG-19-18, ICE Does Not Fully Use ..." then "Recommendation 2:")
BLOCK_ID_RE = re.compile(r"(?:\A|\n[ \t]*\n)[ \t•|-]*(?:Report\s*(?:No\.|Number|#)?\s*:?\s*)?"
                         r"(?P<id>OIG[\s\u2010-\u2014-]*\d{2}[\s\u2010-\u2014-]+\d{2,3})(?:,|[ \t]*[|\t–—:]|[ \t]{2,})[ \t]*[A-Z]",
                         re.IGNORECASE)
BLOCK_REACH = 800  # a record's recommendation follows its head closely


def _definitions(text: str, stated: int | None, other_sections: list[tuple[int, int, str]],
                 own: str | None = None) -> list[_Rec]:
    """First heading per number (outside other reports' status sections and outside records
    headed by another report's id), with its body."""
    blocks = [(m.start("id"), find_report_ids(m["id"])) for m in BLOCK_ID_RE.finditer(text)]

    def in_other_block(pos: int) -> bool:
        before = [(start, ids) for start, ids in blocks if pos - BLOCK_REACH <= start < pos and ids]
        if not before:
            return False
        start, ids = before[-1]
        return ids[0][2] != own and not SECTION_RE.search(text, start, pos)

    heads = [m for m in REC_HEAD_RE.finditer(text)
             if not m["verb"] or is_verb(m["verb"], lexicon=True, capitalised=True)
             or (m["verb"] == "We" and text.startswith("We recommend", m.end()))]  # "Recommendation 3 We recommend …"
    if not heads:  # a transcript that ran every line together: "… Officer: Recommendation 1: Develop …"
        heads = [m for m in INLINE_HEAD_RE.finditer(text) if is_verb(m["verb"])]
    if not heads:  # … and lost its punctuation: "… Office of Training Recommendation 1 Develop an annual …"
        bare = [m for m in BARE_INLINE_HEAD_RE.finditer(text) if is_verb(m["verb"], lexicon=True, capitalised=True)]
        if {1, 2} <= {int(m["n"]) for m in bare}:  # a run of numbered heads, not one stray mention
            heads = bare
    heads = [m for m in heads
             if not any(a <= m.start() < b for a, b, _ in other_sections) and not in_other_block(m.start())
             and not STATUS_ONLY_RE.match(text, m.end())]  # "Recommendation 4:   Resolved and open" is a status row
    seen: dict[int, re.Match[str]] = {}
    for m in heads:
        n = int(m["n"])
        if n not in seen and (stated is None or n <= stated):
            seen[n] = m
    if not seen:
        return _unnumbered(text, stated)
    _digit_dropped(text, seen)
    recs = []
    for n, m in sorted(seen.items(), key=lambda kv: kv[1].start()):
        end = len(text)
        nxt = (m.re if m.re in (INLINE_HEAD_RE, BARE_INLINE_HEAD_RE) else REC_HEAD_RE).search(text, m.end())
        if nxt:
            end = nxt.start()
        next_line = NEXT_HEAD_LINE_RE.search(text, m.end(), end)  # a head whose number a transcript lost
        if next_line:
            end = next_line.start()
        if m.re in (INLINE_HEAD_RE, BARE_INLINE_HEAD_RE):
            inline_sec = INLINE_SECTION_RE.search(text, m.end(), end)
            end = inline_sec.start() if inline_sec else end
        sec = SECTION_RE.search(text, m.end(), end)
        if sec:
            end = sec.start()
        para = re.search(r"\n[ \t]*\n(?=[ \t]*(?:[A-Z(•]|www\.))", text[m.end():end])
        if para:
            end = m.end() + para.start()
        body = span(text, m.end(), end)
        if body.text:
            recs.append(_Rec(n, m, body))
    return recs


STATUS_ONLY_RE = re.compile(r"[ \t]*(?:Open|Closed|Resolved|Unresolved|Implemented)\b[^\n]{0,40}$",
                            re.IGNORECASE | re.MULTILINE)
# a line that opens like a recommendation's head, numbered or not
NEXT_HEAD_LINE_RE = re.compile(r"\n[ \t•]*Recommendation\b(?!s)")
# "Recommendation  Train officers …": a head whose digit a transcript dropped
NUMBERLESS_HEAD_RE = re.compile(r"^[ \t•]*Recommendation(?:[ \t]{2,}|[ \t]*:[ \t]*)(?=(?P<verb>[A-Z][a-z]+)\b)", re.MULTILINE)


def _digit_dropped(text: str, seen: dict[int, re.Match[str]]) -> None:
    """A head that lost its digit between heads N and N+2 is head N+1: the sequence states its
    number even where the transcript dropped it."""
    ordered = sorted(seen.items(), key=lambda kv: kv[1].start())
    for (n, a), (n2, b) in itertools.pairwise(ordered):
        if n2 != n + 2:
            continue
        gap = [m for m in NUMBERLESS_HEAD_RE.finditer(text, a.end(), b.start())
               if is_verb(m["verb"], lexicon=True, capitalised=True)]
        if len(gap) == 1:
            seen[n + 1] = gap[0]


def _unnumbered(text: str, stated: int | None) -> list[_Rec]:
    """Reports without numbered headings (a management alert): each "We recommend…" paragraph
    under a "Recommendation(s)" heading is a recommendation, numbered in order."""
    head = UNNUMBERED_HEAD_RE.search(text)
    if not head:
        return []
    stop = SECTION_RE.search(text, head.end())
    end_all = stop.start() if stop else len(text)
    recs = []
    for m in WE_RECOMMEND_RE.finditer(text, head.end(), end_all):
        para = re.search(r"\n[ \t]*\n(?=[ \t]*[A-Z(•])", text[m.start():end_all])
        body = span(text, m.start(), m.start() + para.start() if para else end_all)
        inline = _inline_items(text, body)
        if inline:  # "We recommend the Director: 1. Ensure …; 2. Require …; and 3. …"
            recs.extend(_Rec(n, m, item) for n, item in inline)
        else:
            recs.append(_Rec(len(recs) + 1, m, body))
    return recs if recs and (stated is None or len(recs) == stated) else []


INLINE_NUM_RE = re.compile(r"(?:^|(?<=[:;.])\s*(?:and\s+)?|\s)(?P<n>\d{1,2})[.)]\s+(?=[A-Z])")


def _inline_items(text: str, body: Span) -> list[tuple[int, Span]]:
    """Numbered items 1., 2., 3. … written inside one paragraph, if they count up from 1."""
    marks = [m for m in INLINE_NUM_RE.finditer(text, body.start, body.end)]
    seq, expected = [], 1
    for m in marks:
        if int(m["n"]) == expected:
            seq.append(m)
            expected += 1
    if len(seq) < 2:
        return []
    bounds = [m.end() for m in seq] + [body.end]
    items = []
    for n, (a, b) in enumerate(itertools.pairwise(bounds), start=1):
        end = seq[n].start() if n < len(seq) else b
        item = span(text, a, end)
        item = span(text, item.start, item.end - len(re.search(r"[;,]?\s*(?:and)?\s*$", item.text).group(0)))
        items.append((n, item))
    return items


def _sentence_at(text: str, pos: int, within: Span) -> Span:
    for s in sentences(text, within):
        if s.start <= pos < s.end:
            return s
    return within


_TAIL_SECTION_RE = re.compile(r"^[ \t]*(?:Appendix|Objective, Scope|Major Contributors|Report Distribution)",
                              re.MULTILINE | re.IGNORECASE)


_RESPONSE_LEAD_RE = re.compile(r"(?:\b[A-Z][\w’'.&-]*\s+){0,4}(?:Response|Comments?)\s+(?:to|on)\s+")


def _discussions(text: str, rec: _Rec, defs: list[_Rec], limit: int,
                 mentions: list[tuple[int, int, int]] | None = None) -> list[Span]:
    """Where the report discusses this recommendation after defining it: from each later
    mention of its number to the next mention of another number or a section heading (for a
    lone unnumbered recommendation, the whole comments section), in reading order.

    `mentions` (start, end, number) of every "Recommendation N" in the text, found once per
    document: each discussion is found by walking that list, so the cost is linear in the
    number of mentions, not quadratic."""
    if len(defs) == 1 and not REC_HEAD_RE.search(text):
        comments = COMMENTS_RE.search(text, rec.body.end, limit)
        if comments:
            tail = _TAIL_SECTION_RE.search(text, comments.end(), limit)
            return [span(text, comments.start(), tail.start() if tail else limit)]
    if mentions is None:
        mentions = [(m.start(), m.end(), int(m["n"])) for m in REC_MENTION_RE.finditer(text)]
    def_spans = [(d.head.start(), d.body.end) for d in defs]
    window = [m for m in mentions if rec.body.end <= m[0] and m[1] <= limit]
    blocks: list[Span] = []
    prev_other = 0  # end of the latest mention of another number before the current one
    for i, (m_start, m_end, n) in enumerate(window):
        if n != rec.number:
            prev_other = m_end
            continue
        if any(a <= m_start < b for a, b in def_spans):
            continue
        end = next((o_start for o_start, _, o_n in window[i + 1:] if o_n != rec.number), limit)
        head = REC_HEAD_RE.search(text, m_end, end)
        if head and int(head["n"]) != rec.number:
            end = head.start()
        sec = _TAIL_SECTION_RE.search(text, m_end, end)
        if sec:
            end = sec.start()
        floor = max(rec.body.end, text.rfind("\n\n", 0, m_start) + 2, text.rfind(". ", 0, m_start) + 2, prev_other)
        lead = _RESPONSE_LEAD_RE.search(text, max(0, m_start - 60), m_start)
        if lead and lead.end() == m_start:
            floor = lead.start()  # "… ICE Response to Recommendation 2: …" in a page that lost its breaks
        block = span(text, min(m_start, floor), end)
        if not blocks or block.start >= blocks[-1].end:
            blocks.append(block)
    if blocks:
        return blocks
    # no later mention: the response may follow the recommendation directly ("ICE Response: …"), up
    # to the next head or the next mention of another number ("CBP Response to Recommendation 1")
    nxt = REC_HEAD_RE.search(text, rec.body.end, limit)
    end = nxt.start() if nxt else limit
    end = min([end, *(m_start for m_start, _, n in mentions if rec.body.end <= m_start < end and n != rec.number)])
    tail = _TAIL_SECTION_RE.search(text, rec.body.end, end)
    if tail:
        end = tail.start()
    block = span(text, rec.body.end, end)
    return [block] if block.text and find_status(text, block.start, block.end) else []


PROMISE_RE = re.compile(r"\b(?:plans?|expects?|anticipates?|estimates?|intends?|will|target(?:s|ed)?|scheduled)\b"
                        r"[^.]{0,160}?\b(?:by|no later than|before|on)\s+$", re.IGNORECASE)


def _ecd(text: str, block: Span, analysis_at: int | None):
    """The estimated completion date: after an "ECD" label, else a date the response
    promises completion "by" (in the response, not in OIG's analysis)."""
    for m in ECD_RE.finditer(text, block.start, block.end):
        found = find_dates(text, m.end(), min(block.end, m.end() + 40))
        if found and found[0].start - m.end() <= 3 and found[0].precision == "day":
            return found[0].value
    end = analysis_at if analysis_at is not None else block.end
    for d in find_dates(text, block.start, end):
        sent_start = max(text.rfind(". ", block.start, d.start), block.start)
        if d.precision == "day" and PROMISE_RE.search(text[sent_start:d.start]):
            return d.value
    return None


def _agency(addressee: str | None, default: str) -> str:
    if addressee:
        for name, code in ADDRESSEE_AGENCY.items():
            if name.lower() in addressee.lower():
                return code
        for code in AGENCIES:
            if re.search(rf"\b{code}\b", addressee):
                return code
    return default


def _oig(doc: Document, quote: Span, kind: str, value: str, rec_id: str | None, report_id: str | None,
         rec_number: int | None, as_of, scope: Shape | None = None, at: int | None = None) -> dict:
    """A claim in OIG's own report: asserted by OIG at the report's date."""
    return emit.event(doc.doc_id, quote, kind, value, "oig", document_date=as_of, rec_id=rec_id,
                      report_id=report_id, rec_number=rec_number, scope=scope, at=at)


def _with_reference(text: str, sent: Span, rec: _Rec, block: Span) -> Span:
    """The passage that shows which recommendation a response or status is about: the
    sentence itself when it names the number, else from the mention of the number that opens
    the discussion (or the recommendation's heading) to the end of the sentence."""
    if any(rec.number in ns for _, _, ns in numbered(text, sent.start, sent.end)):
        return sent
    ref = next((m.start() for m in REC_MENTION_RE.finditer(text, block.start, sent.start)
                if int(m["n"]) == rec.number), rec.head.start())
    return span(text, min(ref, sent.start), sent.end)


def identity(doc: Document) -> tuple[str | None, object]:
    """The report's own id (first on the cover) and issue date (else the document's date)."""
    return _report_id(doc.text, doc.published), _issued_on(doc.text) or doc.published_on


def extract(doc: Document) -> Extraction:
    out = Extraction()
    text = doc.text
    report_id, issued_on = identity(doc)
    stated = _stated_count(text)
    if report_id is None:
        if REC_HEAD_RE.search(text):  # a report's numbered recommendations, but no id to file them under
            out.warnings.append(f"{doc.doc_id}: numbered recommendations without a report id; not recorded")
        return out
    out.reports.append(emit.row("reports", doc.doc_id, None, report_id=report_id, title=_title(text),
                                issued_on=issued_on, n_recommendations_stated=stated, url=None))
    memo_to = _memo_addressee(text)
    default_agency = _agency(memo_to, "ICE")
    others = other_report_sections(doc, report_id)
    defs = _definitions(text, stated, others, report_id)
    limit = min([a for a, _, _ in others] + [len(text)])
    mentions = [(m.start(), m.end(), int(m["n"])) for m in REC_MENTION_RE.finditer(text)]
    for rec in defs:
        lead = None
        for m in LEAD_RE.finditer(text, max(0, rec.head.start() - 600), rec.body.end):
            lead = m  # the nearest "We recommend that the <official>" before or in the text
        addressee = norm_ws(lead["who"]).rstrip(":,") if lead else memo_to
        out.recommendations.append(emit.recommendation(
            doc.doc_id, rec.body, report_id=report_id, rec_number=rec.number, report_link="stated",
            text=norm_ws(rec.body.text), addressee=addressee, agency=_agency(addressee, default_agency),
            themes=themes_for(rec.body.text), evidence="primary", citations=[], estimated_completion_on=None))
        rid = out.recommendations[-1]["rec_id"]
        responses, statuses, ecd = [], [], None
        for block in _discussions(text, rec, defs, limit, mentions):
            analysis = ANALYSIS_RE.search(text, block.start, block.end)
            ecd = ecd or _ecd(text, block, analysis.start() if analysis else None)
            hits = [(h, block) for h in find_status(text, block.start, block.end)]
            responses += [x for x in hits if x[0].kind == "response"]
            statuses += [x for x in hits if x[0].kind == "status" and (analysis is None or x[0].start >= analysis.start())]
        out.recommendations[-1]["estimated_completion_on"] = ecd
        chosen = responses[:1]  # the first answer; OIG's last word on each axis
        for axis in ({"open", "closed"}, {"resolved", "unresolved"}):
            chosen += [x for x in statuses if x[0].value in axis][-1:]
        for h, block in chosen:
            quote = _with_reference(text, _sentence_at(text, h.start, block), rec, block)
            out.status_events.append(_oig(doc, quote, h.kind, h.value, rid, report_id, rec.number, issued_on, at=h.start))
    _table_events(doc, text, report_id, {r["rec_number"]: r["rec_id"] for r in out.recommendations}, issued_on, out)
    return out


TABLE_HEAD_RE = re.compile(r"^[ \t]*Recommendation\b[ \t|]{2,}(?=[^\n]*\b(?:Response|Status)\b)[^\n]*$",
                           re.MULTILINE | re.IGNORECASE)
TABLE_ROW_RE = re.compile(r"^[ \t|]*(?:Rec(?:ommendation)?\.?\s*)?(?P<n>\d{1,2})\b[ \t|]{2,}(?P<rest>[^\n]+)$", re.MULTILINE)


def _table_events(doc: Document, text: str, own: str, rec_ids: dict[int, str], as_of, out: Extraction) -> None:
    """A summary table of responses and statuses ("Recommendation | Response | Status"): read
    for the recommendations whose discussion gave no response or status."""
    def axis(value: str) -> str:
        return {"open": "implementation", "closed": "implementation", "resolved": "resolution",
                "unresolved": "resolution"}.get(value, "response")

    have = {(e["rec_number"], axis(e["value"])) for e in out.status_events if e["report_id"] == own}
    for head in TABLE_HEAD_RE.finditer(text):
        pos = head.end()
        rows: list[tuple[int, int, int]] = []  # number, start, end (continuation lines extend a row)
        for line in re.finditer(r"[^\n]*\n?", text[pos:pos + 3000]):
            raw_line = line.group(0)
            if not raw_line.strip():
                if rows:
                    break
                continue
            row = TABLE_ROW_RE.match(raw_line.rstrip("\n"))
            a, b = pos + line.start(), pos + line.start() + len(raw_line.rstrip("\n"))
            if row:
                rows.append((int(row["n"]), a, b))
            elif rows and re.match(r"^[ \t|]{8,}\S", raw_line):
                rows[-1] = (rows[-1][0], rows[-1][1], b)
            else:
                break
        for n, a, b in rows:
            if n not in rec_ids:
                continue
            sp = span(text, a, b)
            for h in {(h.kind, h.value) for h in find_status(text, a, b)}:
                if (n, axis(h[1])) in have:
                    continue
                out.status_events.append(_oig(doc, sp, h[0], h[1], rec_ids[n], own, n, as_of))
