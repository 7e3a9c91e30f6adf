"""Passage kind `rec_tables`: recommendations laid out as table rows and record lines.

oversight.gov's "Open Recommendations" tables, its exports, OIG trackers, semiannual-report
appendices and compendia list recommendations one per row, in any column order:
"OIG-22-01 | ICE Needs to Improve … | 2 | Compare segregation data … | Open – Unresolved".
A row (cells split at pipes, tabs or runs of spaces) is a recommendation when one cell is
its number and another an action (a cell that starts with a verb); its report is the id
cell of the row, else the report the block or page is about (the nearest id above it).
A status or response cell ("Open", "Closed", "Open – Unresolved", "Concur") is a claim on
that recommendation, quoted with the whole row. Record lines "Recommendation 2: Require …"
under another report's heading are read the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from flows.core.numbers import numbered
from flows.core.report_ids import find_report_ids
from flows.core.text import Span, norm_ws, span
from flows.extract import emit
from flows.extract.actions import NUMBER_TAG, skip_subject, split_actions, starts_with_verb
from flows.extract.claims import Shape
from flows.extract.model import Document, Extraction
from flows.extract.status_phrases import find_status
from flows.extract.themes import themes_for

_LINE_RE = re.compile(r"[^\n]+")
# "Recommendation One: Require …": numbers written as words
_WORD_NUMBERS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)\b"
_SPLIT_RE = re.compile(r"[ \t]*\|[ \t]*|\t+[ ]*|[ ]{2,}")
_NUMBER_CELL_RE = re.compile(r"^(?:(?:Rec(?:ommendation)?\.?|No\.?|#)\s*)*(?P<n>\d{1,2})\.?$", re.IGNORECASE)
# a CSV export's quoted cells: "Recover $2,914,006 …","Closed - Implemented","OIG-24-08","2"
_CSV_CELL_RE = re.compile(r'"((?:[^"]|"")*)"')
# "The Director of ICE should evaluate … (Recommendation 1)": a record that ends with its number
_TRAILING_NUMBER_RE = re.compile(rf"{NUMBER_TAG}\s*$", re.IGNORECASE)
_SHOULD_RE = re.compile(r"\b(?:should|must|needs?\s+to)\s+", re.IGNORECASE)
# "Recommendation 2: Require …", and with its status first: "Open — Recommendation 2: Audit …"
_RECORD_RE = re.compile(r"^[ \t•-]*(?:(?P<pre>(?:Open|Closed)(?:\s*[–—-]\s*(?:Resolved|Unresolved|Implemented|Not Implemented))?)"
                        r"\s+[—–|-]\s+)?(?:(?:Recommendation|Rec\.)\s*(?:#\s*|No\.\s*)?|#\s*)(?P<n>\d{1,2}|"
                        + _WORD_NUMBERS + r")\s*[:.–—-]\s+(?P<text>\S[^\n]*)",
                        re.IGNORECASE | re.MULTILINE)
# "Recommendation 3 (Closed; Significant: No; Agency Response: Concur)" over the action's own lines
_PAREN_HEAD_RE = re.compile(r"^[ \t]*(?:Recommendation|Rec\.)\s*(?:#\s*|No\.\s*)?(?P<n>\d{1,2})\s*\((?P<attrs>[^)\n]+)\)[ \t]*$",
                            re.IGNORECASE | re.MULTILINE)
# "… every six months. (Agency response: Concur)" at the end of a record
_TRAILING_RESPONSE_RE = re.compile(r"\s*\((?P<cell>(?:[A-Z][\w ]{0,30}\s)?response\s*:\s*[^)\n]+)\)\s*$", re.IGNORECASE)
# bare status cells the sentence vocabulary leaves alone ("Open", "Closed", "Open – Resolved")
_OPEN_CLOSED_CELL_RE = re.compile(r"^(?:Open|Closed)\b", re.IGNORECASE)
_RESOLVED_CELL_RE = re.compile(r"(?<!un)\bResolved\b", re.IGNORECASE)


def _number(token: str) -> int:
    return int(token) if token.isdigit() else ("one two three four five six seven eight nine ten eleven twelve thirteen "
                                               "fourteen fifteen").split().index(token.lower()) + 1


def _label_number(cell: str) -> int:
    """The number in a labelled number cell: "Rec. #3" -> 3."""
    return int(re.search(r"\d{1,2}", cell).group(0))


def _sentence_case(cell: str) -> bool:
    """"Screen company commander candidates …" (an action), not "Coast Guard Should Improve …" (a title)."""
    words = cell.split()
    return len(words) > 1 and words[1][:1].islower()


def _cells(text: str, line: Span) -> list[Span]:
    if line.text.startswith('"') and line.text.count('","') >= 2:
        return [span(text, line.start + m.start(1), line.start + m.end(1)) for m in _CSV_CELL_RE.finditer(line.text)
                if m.group(1).strip()]
    out, cut = [], line.start
    for m in _SPLIT_RE.finditer(text, line.start, line.end):
        if m.start() > cut:
            out.append(span(text, cut, m.start()))
        cut = m.end()
    out.append(span(text, cut, line.end))
    return [c for c in out if c.text]


def _cell_claims(text: str, cell: Span) -> list[tuple[str, str]]:
    """(kind, value) a status or response cell states."""
    found = {(h.kind, h.value) for h in find_status(text, cell.start, cell.end)}
    words = cell.text.strip()
    if len(words.split()) <= 4:
        m = _OPEN_CLOSED_CELL_RE.match(words) or re.search(r"(?<=[/;(])\s*(Open|Closed)\b", words, re.IGNORECASE)
        if m:
            found.add(("status", m.group(m.lastindex or 0).strip().lower()))
        if _RESOLVED_CELL_RE.search(words) and not re.search(r"unresolved", words, re.IGNORECASE):
            found.add(("status", "resolved"))
        if re.match(r"Closed\b", words, re.IGNORECASE):
            found.discard(("status", "open"))  # "Closed – Not Implemented" is closed, its action not taken
    return sorted(found)


_AGENCY_RE = re.compile(r"\b(ICE|CBP|USCIS|FEMA|TSA|CISA|USSS|FLETC|DHS)\b|(Secret Service)|(Coast Guard)")


def _agency(text: str, line: Span) -> str:
    """The component a row names, else the one the document names most, else DHS."""
    m = _AGENCY_RE.search(text, line.start, line.end)
    if m:
        return m.group(1) or ("USSS" if m.group(2) else "USCG")
    counts = Counter(m.group(1) or ("USSS" if m.group(2) else "USCG") for m in _AGENCY_RE.finditer(text))
    counts.pop("DHS", None)
    return counts.most_common(1)[0][0] if counts else "DHS"


def _restated(doc: Document, out: Extraction, sp: Span, number: int, report_id: str | None, evidence: str,
              around: Span) -> None:
    """A recommendation restated in a table or record (`around`: the row or record, for its agency)."""
    out.recommendations.append(emit.recommendation(
        doc.doc_id, sp, rec_number=number, report_id=report_id, restated=True,
        report_link="stated" if report_id else None, text=norm_ws(sp.text), addressee=None,
        agency=_agency(doc.text, around), themes=themes_for(sp.text), evidence=evidence, citations=[]))


def _cell_events(doc: Document, out: Extraction, quote: Span, cell: Span, asserted_by: str, report_id: str | None,
                 number: int) -> None:
    """The status and response claims a table cell or record field makes on one recommendation,
    quoted with its row or record."""
    for kind, value in _cell_claims(doc.text, cell):
        out.status_events.append(emit.event(doc.doc_id, quote, kind, value, asserted_by, document_date=doc.published_on,
                                            report_id=report_id, rec_number=number))


def _action_cell(text: str, cell: Span) -> Span | None:
    """A cell that states an action (four words or more, opening with a verb), without its full stop."""
    if len(cell.text.split()) >= 4 and starts_with_verb(cell.text, labelled=True):
        return span(text, cell.start, cell.end - cell.text.endswith("."))
    return None


def _report_above(doc: Document, pos: int) -> str | None:
    """The report the stretch above pos is about: the last report id written before it."""
    before = [rid for s, rid in doc.named_reports if s < pos]
    return before[-1] if before else None


_LABEL_LINE_RE = re.compile(r"^[ \t]*(?P<label>Report (?:Number|No\.)|Recommendation (?:Number|No\.|#)|Recommendation|"
                            r"Text of (?:the )?Recommendation|Recommendation Text|Recommendation Status|Resolution Status|"
                            r"Resolution|(?:Agency|Management) Response|(?:Component|Agency)(?:[’']s)? Position|Status History|Status)[ \t]*"
                            r"(?:(?::[ \t]*|\t[ \t]*|[ ]{2,})(?P<value>[^\n]*))?$", re.IGNORECASE | re.MULTILINE)
# the names a field goes by on different pages
_FIELD_NAMES = {"text of recommendation": "recommendation", "text of the recommendation": "recommendation",
                "recommendation text": "recommendation", "recommendation status": "status",
                "resolution status": "resolution", "management response": "agency response",
                "component's position": "agency response", "component’s position": "agency response",
                "agency's position": "agency response", "agency’s position": "agency response",
                "component position": "agency response", "agency position": "agency response"}
_HISTORY_RE = re.compile(r"^[ \t]*(?P<date>\d{1,2}/\d{1,2}/\d{4})[ \t]{2,}(?P<status>[^\n]+)$", re.MULTILINE)


def _fields(text: str, para: Span) -> dict[str, Span]:
    """Labelled fields of a record, written "Label: value", "Label<tab>value" (an export's two
    columns) or as a label line and a value line."""
    out: dict[str, Span] = {}
    for m in _LABEL_LINE_RE.finditer(text, para.start, para.end):
        label = re.sub(r"\s+", " ", m["label"].lower())
        label = _FIELD_NAMES.get(label, label)
        if m["value"] is not None and m["value"].strip():
            out.setdefault(label, span(text, m.start("value"), m.end("value")))
            continue
        if m["value"] is not None and not m.group(0).rstrip().endswith(":"):
            out.setdefault(label, span(text, m.start("value"), m.end("value")))  # an export's empty cell
            continue
        nxt = text.find("\n", m.end() + 1)
        value = span(text, m.end() + 1, min(para.end, len(text) if nxt < 0 else nxt))
        if value.start < para.end and not _LABEL_LINE_RE.fullmatch(value.text):
            out.setdefault(label, value)
    return out


def _records(doc: Document, evidence: str, asserted_by: str, out: Extraction) -> list[tuple[int, int]]:
    """oversight.gov "Recommendation Details" records: labelled fields ("Report Number: OIG-17-22",
    "Recommendation Number" then "4" on the next line, "Recommendation: Require …", "Status: Open",
    a "Status History" of dated statuses). Returns the spans read."""
    text, read = doc.text, []
    for para in doc.seg.paragraphs:
        fields = _fields(text, para)
        num = next((fields[k] for k in ("recommendation number", "recommendation no.", "recommendation #")
                    if k in fields), None)
        if num is None or not re.fullmatch(r"\d{1,2}", num.text):
            continue
        number = int(num.text)
        ids = [rid for _, _, rid in find_report_ids(fields["report number"].text)] if "report number" in fields else []
        report_id = ids[0] if ids else _report_above(doc, num.start)
        action = fields.get("recommendation")
        if action and action.text and starts_with_verb(action.text, labelled=True):
            _restated(doc, out, action, number, report_id, evidence, para)
        for field_name in ("status", "resolution", "agency response"):
            status = fields.get(field_name)
            if not (status and status.text):
                continue
            line = span(text, text.rfind("\n", 0, status.start) + 1 if status.start > para.start else para.start,
                        status.end)
            line = span(text, max(para.start, text.rfind("\n", 0, line.start - 1) + 1) if line.text == status.text
                        else line.start, status.end)
            _cell_events(doc, out, line, status, asserted_by, report_id, number)
        following = text[para.end:para.end + 400].lstrip()
        if "status history" in fields or following.lower().startswith("status history"):
            at = text.lower().find("status history", para.start)
            for h in _HISTORY_RE.finditer(text, at, _history_end(text, at)):
                when = dt.datetime.strptime(h["date"], "%m/%d/%Y").date()
                for kind, value in _cell_claims(text, span(text, h.start("status"), h.end("status"))):
                    out.status_events.append(emit.event(doc.doc_id, span(text, h.start(), h.end()), kind, value,
                                                        asserted_by, as_of=when, document_date=doc.published_on,
                                                        report_id=report_id, rec_number=number))
        read.append((para.start, para.end))
    return read


def _history_end(text: str, at: int) -> int:
    """The end of the dated status lines that follow a "Status History" label (blank lines allowed)."""
    pos, end = text.find("\n", at) + 1, at
    while 0 < pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end]
        if _HISTORY_RE.match(line):
            end = line_end
        elif line.strip():
            break
        pos = line_end + 1
    return end


_LEADER_RE = re.compile(r"^[ \t]*(?:Rec(?:ommendation)?\.?|No\.|#)\s*(?P<n>\d{1,2})\s*\.{3,}\s*(?P<status>[^\n.][^\n]{1,40})$",
                        re.IGNORECASE | re.MULTILINE)
_LABELLED_LINE_RE = re.compile(r"^[ \t]*[A-Z][\w ’'/-]{0,30}:")


def _lines_after(text: str, pos: int, first: bool = False) -> Span:
    """The text from pos to the end of its paragraph, stopping at a labelled line ("Status:
    …", "Management comment: …"): a record's action written over several lines. With `first`,
    pos is inside the first line."""
    end = text.find("\n", pos) if first else pos
    end = len(text) if end < 0 else end
    start = pos if first else pos + 1
    while end < len(text):
        nl = text.find("\n", end + 1)
        nxt = text[end + 1:len(text) if nl < 0 else nl]
        if not nxt.strip() or _LABELLED_LINE_RE.match(nxt) or _RECORD_RE.match(nxt) or _LEADER_RE.match(nxt) \
                or _NUMBER_HEAD_RE.match(nxt) or _PAREN_HEAD_RE.match(nxt):
            break
        end = len(text) if nl < 0 else nl
    return span(text, start, end)


# the head of the next record: "Recommendation 2 | Open", "Rec. #4   Monitor …"
_NUMBER_HEAD_RE = re.compile(r"[ \t]*(?:Rec(?:ommendation)?\.?|No\.|#)\s*#?\s*\d{1,2}\.?(?:[ \t]*\||[ \t]{2,}|\t|[ \t]*$)",
                             re.IGNORECASE)
_ENUM_START_RE = re.compile(r"^\(?(?:a|1)\)\s+\S")


def _continued(text: str, cell: Span, line: Span) -> Span:
    """A fixed-width table cell that wraps onto the following indented lines: the cell with its
    continuation (the text in the same column of each line that has no cells of its own before it)."""
    column = cell.start - line.start
    end, pos = cell.end, line.end + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        nxt_end = len(text) if nl < 0 else nl
        nxt = text[pos:nxt_end]
        lead = len(nxt) - len(nxt.lstrip(" "))
        if not nxt.strip() or abs(lead - column) > 2 or "|" in nxt or "\t" in nxt or _STATUS_LINE_RE.match(nxt):
            break
        first = re.split(r" {2,}", nxt.strip())[0]
        end = pos + lead + len(first)
        pos = nxt_end + 1
    return span(text, cell.start, end)


def _trailing_records(doc: Document, evidence: str, asserted_by: str, out: Extraction) -> list[tuple[int, int]]:
    """Paragraphs that state a recommendation and end with its number: "The Director of ICE
    should evaluate … (Recommendation 1)", with "Status: …" on the lines that follow."""
    text, read = doc.text, []
    for para in doc.seg.paragraphs:
        lines = list(re.finditer(r"[^\n]+", text[para.start:para.end]))
        body_end = None
        for ln in lines:
            tail = _TRAILING_NUMBER_RE.search(ln.group(0))
            if tail:
                body_end = para.start + ln.start() + tail.start()
                number = int(tail["n"])
                status_from = para.start + ln.end()
                break
        if body_end is None:
            continue
        body = span(text, para.start, body_end)
        should = _SHOULD_RE.search(text, body.start, body.end)
        action = span(text, should.end(), body.end) if should else body
        if not starts_with_verb(action.text):
            continue
        report_id = _report_above(doc, para.start)
        action = span(text, action.start, action.end - (1 if action.text.endswith(".") else 0))
        for item in split_actions(text, action) or [action]:
            _restated(doc, out, item, number, report_id, evidence, para)
        status = re.compile(r"^[ \t]*Status\s*:\s*(?P<v>[^\n]+)$", re.MULTILINE).search(text, status_from, para.end)
        if status:
            _cell_events(doc, out, span(text, status.start(), status.end()), span(text, status.start("v"), status.end("v")),
                         asserted_by, report_id, number)
        read.append((para.start, para.end))
    return read


# "Status: Open – Resolved   Expected completion: …", "Status (both): …" under record lines
_STATUS_LINE_RE = re.compile(r"[ \t]*(?:Status(?:\s*\((?:both|all|each)\))?\s*:|→|->|=>)\s*(?P<v>\S(?:[^\n]*?\S)?)"
                             r"(?=[ \t]{2,}|[ \t]*$)", re.IGNORECASE)  # "Status: Open – Resolved", "→ Open-Resolved"
_LABELLED_NUMBER_RE = re.compile(r"^(?:Rec(?:ommendation)?\.?|No\.|#)\s*#?\s*\d{1,2}\.?$", re.IGNORECASE)


# a record's labelled response and status cells: "FEMA response: Concur.   Status: Closed by the OIG on …"
_TAIL_CELL_RE = re.compile(r"(?P<label>(?:[A-Z][\w ’'/&-]{0,30}?\s)?(?:response|status|comments?|action taken))\s*:\s*"
                           r"(?P<v>\S[^\n]*?)\s*$", re.IGNORECASE)
_OIG_NAMED_RE = re.compile(r"\b(?:OIG|Inspector General)\b")


def _tail_claims(doc: Document, after: int, number: int, report_id: str | None, asserted_by: str,
                 out: Extraction) -> None:
    """The labelled response and status cells on the lines that close a record, up to a blank
    line or the next record: claims on that recommendation. A cell that names OIG ("Closed by the
    OIG", "The OIG considers this recommendation unresolved") reports OIG's determination."""
    text = doc.text
    pos = text.find("\n", after)
    while 0 <= pos < len(text):
        nl = text.find("\n", pos + 1)
        line = span(text, pos + 1, len(text) if nl < 0 else nl)
        if not line.text or _NUMBER_HEAD_RE.match(text, pos + 1) or _RECORD_RE.match(text, pos + 1):
            return
        for cell in _cells(text, line):
            m = _TAIL_CELL_RE.match(cell.text)
            if not m:
                continue
            value = span(text, cell.start + m.start("v"), cell.end)
            # a value that runs onto the next line ("… this recommendation\n  unresolved.")
            nxt = _LINE_RE.match(text, value.end + 1) if text.startswith("\n", value.end) else None
            if nxt and nxt.group(0).strip() and not _TAIL_CELL_RE.match(nxt.group(0).strip()) and not _NUMBER_HEAD_RE.match(nxt.group(0)) \
                    and not _RECORD_RE.match(nxt.group(0)) and not value.text.rstrip().endswith("."):
                value = span(text, value.start, nxt.end())
            speaker = "oig" if _OIG_NAMED_RE.search(value.text) else asserted_by
            head = re.match(r"[^;.,(]*?(?=\s+(?:by|on|as of|since|pending)\b|[;.,(]|$)", value.text)
            claims = set(_cell_claims(text, value)) | set(_cell_claims(text, span(text, value.start, value.start + len(head.group(0)))))
            for kind, v in sorted(claims):
                out.status_events.append(emit.event(doc.doc_id, span(text, cell.start, value.end), kind, v, speaker,
                                                    document_date=doc.published_on, report_id=report_id,
                                                    rec_number=number))
        pos = nl


_NUMBERED_CELL_RE = re.compile(r"(?:Recs?\.?|Recommendations?|#)\s*#?\d", re.IGNORECASE)


def _cells_of(line: str) -> bool:
    """Whether a line is a table row (cells split by pipes, tabs or runs of spaces)."""
    return len(_SPLIT_RE.split(line.strip())) >= 2


def _numbered_status_cells(doc: Document, line: Span, asserted_by: str, out: Extraction) -> None:
    """Status cells that name their recommendations: "Rec. 1, 2: Closed", "Recs 3-5: Resolved – Open",
    "Recs. 1, 3 closed; Rec. 2 open-resolved" (a semiannual appendix's status column, a list per
    part of the line); the report is the row's, else the row's above."""
    text = doc.text
    for part in re.finditer(r"(?:(?!\.{3}|[ ]{2}|[;\t|]).)+", line.text):  # the parts between ";", tabs, pipes, leaders
        lead = len(part.group(0)) - len(part.group(0).lstrip(" ."))
        part_span = span(text, line.start + part.start() + lead, line.start + part.end())
        if not _NUMBERED_CELL_RE.match(part_span.text):
            continue
        lists = numbered(text, part_span.start, part_span.end)
        if not lists or lists[0][0] != part_span.start:
            continue
        after = text[lists[0][1]:part_span.end]
        if not re.match(r"\s*:|\s+(?:open|closed|resolved|unresolved)\b", after, re.IGNORECASE):
            continue
        value = span(text, lists[0][1] + len(re.match(r"\s*:?\s*", after).group(0)), part_span.end)
        prev = text[text.rfind("\n", 0, max(0, line.start - 1)) + 1:max(0, line.start - 1)]
        if re.search(r"[a-z]\.\s+\S", value.text) or (prev.strip() and not re.search(r"[.:;!?|]\s*$", prev)
                                                        and not _cells_of(prev)):
            continue  # prose wrapped onto this line ("… that it considers\nRecommendations 2 and 5 resolved …")
        ids = [rid for _, _, rid in find_report_ids(line.text)]
        report_id = ids[0] if ids else _report_above(doc, line.start)
        for kind, v in _cell_claims(text, value):
            for number in lists[0][2]:
                out.status_events.append(emit.event(doc.doc_id, part_span, kind, v, asserted_by,
                                                    document_date=doc.published_on, report_id=report_id,
                                                    rec_number=number))


# "we have implemented recommendation 1 (establishing a 40-hour basic course …)": a recommendation
# glossed by its number
_GLOSS_RE = re.compile(r"\brecommendation\s+(?:#\s*|No\.\s*)?(?P<n>\d{1,2})\s*\((?P<text>[a-z][^()]{8,240}?)\)",
                       re.IGNORECASE)


def _glosses(doc: Document, evidence: str, out: Extraction) -> None:
    text = doc.text
    for m in _GLOSS_RE.finditer(text):
        action = span(text, m.start("text"), m.end("text"))
        if not m["text"][0].islower() or not starts_with_verb(action.text) or len(action.text.split()) < 3:
            continue
        _restated(doc, out, action, int(m["n"]), _report_above(doc, m.start()), evidence, action)


# a column head of a table flattened one cell per line ("Rec.", "Status", "Agency Response", …)
_COLUMN_RE = re.compile(r"(?:Rec(?:ommendation)?\.?(?:\s+(?:No\.|Number|#|Text|Status))?|No\.|#|Number|Status|"
                        r"Resolution(?:\s+Status)?|(?:Agency|Management)\s+Response|Response|Significant(?:\s+Recommendation)?|"
                        r"Questioned\s+Costs|Funds\s+for\s+Better\s+Use|Date\s+Closed|Open\s+Since)", re.IGNORECASE)
_NUMBER_COLUMN_RE = re.compile(r"Rec(?:ommendation)?\.?(?:\s+(?:No\.|Number|#))?|No\.|#|Number", re.IGNORECASE)


def _vertical_tables(doc: Document, evidence: str, asserted_by: str, out: Extraction) -> list[tuple[int, int]]:
    """Tables flattened one cell per line: a run of column heads ("Rec.", "Status", "Resolution",
    "Agency Response") then rows of as many lines, each opening with the recommendation's number
    (or, under a single head such as "Recommendation text", number and cell in turn). A row's
    status and response cells are claims on that number, quoted with the whole row; a text cell
    that opens with a verb is the recommendation."""
    text, read = doc.text, []
    lines = [span(text, m.start(), m.end()) for m in _LINE_RE.finditer(text)]
    lines = [ln for ln in lines if ln.text]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _COLUMN_RE.fullmatch(lines[j].text):
            j += 1
        if j == i or j >= len(lines) or not re.fullmatch(r"\d{1,2}", lines[j].text):
            i = max(j, i + 1)
            continue
        heads = [ln.text for ln in lines[i:j]]
        numbered_first = bool(_NUMBER_COLUMN_RE.fullmatch(heads[0])) and len(heads) > 1
        k = len(heads) if numbered_first else len(heads) + 1
        columns = heads[1:] if numbered_first else heads
        while j < len(lines) and re.fullmatch(r"\d{1,2}", lines[j].text):
            # a row runs to the next number line: an empty cell leaves no line, so a short row's
            # cells are told apart by what they hold, not by their place
            end = j + 1
            while end < len(lines) and end - j < k and not re.fullmatch(r"\d{1,2}", lines[end].text) \
                    and not _COLUMN_RE.fullmatch(lines[end].text):
                end += 1
            row = lines[j:end]
            number, quote = int(row[0].text), span(text, row[0].start, row[-1].end)
            report_id = _report_above(doc, row[0].start)
            cells = zip(columns, row[1:], strict=True) if len(row) == k else (("", c) for c in row[1:])
            for head, cell in cells:
                action = _action_cell(text, cell)
                if action:
                    _restated(doc, out, action, number, report_id, evidence, action)
                elif len(cell.text.split()) <= 4 and not re.match(r"Significant|Questioned|Funds", head, re.IGNORECASE):
                    _cell_events(doc, out, quote, cell, asserted_by, report_id, number)
            read.append((row[0].start, row[-1].end))
            j = end
        i = j
    return read


_REPORT_COLUMN_RE = re.compile(r"Report\s*(?:No\.?|Number|#|ID)", re.IGNORECASE)
_HEAD_CELL_RE = re.compile(r"(?:Rec(?:ommendation)?\.?(?:\s+(?:No\.|Number|#|Text|Status|\(summary\)))?|No\.|#|Number|Status|"
                           r"Resolution(?:\s+Status)?|(?:Agency|Management)\s+Response|Response|Significant(?:\s+Recommendation)?|"
                           r"Questioned\s+Costs|Funds\s+for\s+Better\s+Use|Date\s+Closed|Open\s+Since|Component|Agency|"
                           r"Report\s*(?:No\.?|Number|#|ID)|Report\s+Title|Title|Issued|Issue\s+Date|Date\s+Issued|"
                           r"Potential\s+(?:Cost\s+)?Savings|Target\s+(?:Completion\s+)?Date)", re.IGNORECASE)


def _column_tables(doc: Document, evidence: str, asserted_by: str, out: Extraction) -> list[tuple[int, int]]:
    """Tables flattened one cell per line whose rows do not open with the number: column heads
    ("Component", "Report No.", "Report Title", "Issued", "Rec. No.", "Recommendation (summary)",
    "Status"), then rows of as many lines, one block per row. The number, report, action and
    status come from their columns."""
    text, read = doc.text, []
    blocks = doc.seg.paragraphs
    for bi, block in enumerate(blocks):
        heads = [ln.group(0).strip() for ln in _LINE_RE.finditer(block.text)]
        if len(heads) < 4 or not all(_HEAD_CELL_RE.fullmatch(h) for h in heads):
            continue
        k = len(heads)
        num_col = next((i for i, h in enumerate(heads) if _NUMBER_COLUMN_RE.fullmatch(h)), None)
        if num_col is None or num_col == 0:
            continue  # a table whose rows open with the number is _vertical_tables' to read
        rep_col = next((i for i, h in enumerate(heads) if _REPORT_COLUMN_RE.fullmatch(h)), None)
        for row_block in blocks[bi + 1:]:
            cells = [span(text, row_block.start + m.start(), row_block.start + m.end())
                     for m in _LINE_RE.finditer(row_block.text)]
            if len(cells) != k or not re.fullmatch(r"\d{1,2}", cells[num_col].text):
                break
            number = int(cells[num_col].text)
            ids = [rid for _, _, rid in find_report_ids(cells[rep_col].text)] if rep_col is not None else []
            report_id = ids[0] if ids else _report_above(doc, row_block.start)
            for i, (head, cell) in enumerate(zip(heads, cells, strict=True)):
                if i in (num_col, rep_col):
                    continue
                action = _action_cell(text, cell)
                if action:
                    _restated(doc, out, action, number, report_id, evidence, row_block)
                elif re.match(r"Status|Resolution|(?:Agency |Management )?Response", head, re.IGNORECASE):
                    _cell_events(doc, out, row_block, cell, asserted_by, report_id, number)
            read.append((row_block.start, row_block.end))
    return read


# a record's head line with nothing of the action on it: "Recommendation #2      ★ Significant",
# "■ OIG-24-77  ·  Recommendation 1  ·  DHS Management Directorate  ·  Issued 09/19/2024"
_HEAD_LINE_RE = re.compile(r"^[ \t■•▪*-]*(?:(?P<pre>OIG[^\n]{0,20}?)\s*(?:·|\||\t|\s{2,})\s*)?(?:Recommendation|Rec\.)\s*"
                           r"(?:#\s*|No\.\s*)?(?P<n>\d{1,2})(?P<rest>(?:\s*(?:·|\||\t|\s{2,})[^\n]*)?)$",
                           re.IGNORECASE | re.MULTILINE)
_WE_RECOMMEND_RE = re.compile(r"\s*We\s+recommend(?:\s+that)?\s+", re.IGNORECASE)


def _headed_records(doc: Document, evidence: str, asserted_by: str, out: Extraction) -> list[tuple[int, int]]:
    """Records whose head line names the number (and the report, component, date) and whose action
    follows on lines of its own, then "Status: …", "Agency Response: …" lines: oversight.gov's
    report cards and search results. The report's title may stand between head and action."""
    text, read = doc.text, []
    for m in _HEAD_LINE_RE.finditer(text):
        if re.search(r"[a-z]{3}\.\s|:\s*$", m["rest"]) or starts_with_verb(m["rest"].strip(" ·|\t"), labelled=True):
            continue  # prose, or an action on the head's own line (the line readers' form)
        action, pos = None, m.end()
        for _ in range(3):  # the action, after at most a title line
            nl = text.find("\n", pos + 1)
            line = span(text, pos + 1, len(text) if nl < 0 else nl)
            if not line.text or _HEAD_LINE_RE.fullmatch(line.text) or _LABELLED_LINE_RE.match(line.text):
                break
            lead = _WE_RECOMMEND_RE.match(line.text)
            body = _lines_after(text, line.start + (lead.end() if lead else 0), first=True)
            if lead:
                body = span(text, skip_subject(text, body.start, body.end), body.end)
            if len(body.text.split()) >= 4 and starts_with_verb(body.text, labelled=True):
                action = body
                break
            pos = line.end
        if action is None:
            continue
        number = int(m["n"])
        ids = [rid for _, _, rid in find_report_ids(m.group(0))]
        report_id = ids[0] if ids else _report_above(doc, m.start())
        action = span(text, action.start, action.end - action.text.endswith("."))
        for item in split_actions(text, action, item=True) or [action]:
            _restated(doc, out, item, number, report_id, evidence, span(text, m.start(), action.end))
        _tail_claims(doc, action.end, number, report_id, asserted_by, out)
        read.append((m.start(), action.end))
    return read


# a status table with leader dots, by number or range: "1-3 ............ Resolved / Open", "Rec. 4 ...... Closed"
_DOTTED_STATUS_RE = re.compile(r"^[ \t]*(?:(?:Rec(?:ommendation)?s?\.?|No\.|#)\s*)?(?P<a>\d{1,2})(?:\s*(?:[-–]|through|to)\s*"
                               r"(?P<b>\d{1,2}))?[ \t]*\.{3,}[ \t]*(?P<status>[A-Za-z][^\n]{0,40}?)[ \t]*$", re.MULTILINE)


def _dotted_statuses(doc: Document, asserted_by: str, out: Extraction) -> list[tuple[int, int]]:
    """Rows of a status table drawn with leader dots whose action is given elsewhere: the status
    of each number (or range of numbers) the row names, on the report the table is about."""
    text, read = doc.text, []
    for m in _DOTTED_STATUS_RE.finditer(text):
        cell = span(text, m.start("status"), m.end("status"))
        claims = _cell_claims(text, cell)
        if not claims or starts_with_verb(_lines_after(text, m.end()).text, labelled=True):
            continue  # not a status, or a record whose action follows (the line readers' form)
        a, b = int(m["a"]), int(m["b"] or m["a"])
        report_id = _report_above(doc, m.start())
        line = span(text, m.start(), m.end())
        for n in range(a, b + 1) if a <= b <= a + 30 else [a]:
            for kind, value in claims:
                out.status_events.append(emit.event(doc.doc_id, line, kind, value, asserted_by,
                                                    document_date=doc.published_on, report_id=report_id, rec_number=n))
        read.append((line.start, line.end))
    return read


# an export's records pasted as JSON: {"report_number": "OIG-22-44", "recommendation_number": "1", …}
_JSON_OBJECT_RE = re.compile(r"\{[^{}]*(?:\}|\Z)")
_JSON_FIELD_RE = re.compile(r'"(?P<key>[A-Za-z_ ]{2,40})"\s*:\s*(?:"(?P<v>(?:[^"\\\n]|\\.)*)"|(?P<n>\d{1,3})\b)')


def _json_key(key: str) -> str:
    """"recommendation_number", "recommendationNumber", "Recommendation Number" -> "recommendation number"."""
    return re.sub(r"[_ ]+", " ", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key)).strip().lower()


def _json_records(doc: Document, evidence: str, asserted_by: str, out: Extraction) -> list[tuple[int, int]]:
    """Records of an export pasted as JSON, one object per recommendation (a paste cut short keeps
    its last, unclosed object): number, report, action and status from their fields."""
    text, read = doc.text, []
    for obj in _JSON_OBJECT_RE.finditer(text):
        fields: dict[str, Span] = {}
        for f in _JSON_FIELD_RE.finditer(text, obj.start(), obj.end()):
            g = "v" if f["v"] is not None else "n"
            fields.setdefault(_FIELD_NAMES.get(_json_key(f["key"]), _json_key(f["key"])), span(text, f.start(g), f.end(g)))
        num = next((fields[k] for k in ("recommendation number", "rec number", "recommendation no", "number")
                    if k in fields), None)
        if num is None or not re.fullmatch(r"\d{1,2}", num.text):
            continue
        number = int(num.text)
        rep = fields.get("report number") or fields.get("report id")
        ids = [rid for _, _, rid in find_report_ids(rep.text)] if rep else []
        report_id = ids[0] if ids else _report_above(doc, obj.start())
        whole = span(text, obj.start(), obj.end())
        action = fields.get("recommendation") or fields.get("recommendation text")
        action = _action_cell(text, action) if action else None
        for item in (split_actions(text, action, item=True) or [action]) if action else []:
            _restated(doc, out, item, number, report_id, evidence, whole)
        for name in ("status", "resolution", "agency response"):
            cell = fields.get(name)
            if cell and cell.text:
                _cell_events(doc, out, whole, cell, asserted_by, report_id, number)
        read.append((obj.start(), obj.end()))
    return read


# a report card's tally: "Total recommendations: 5 · Open: 3 · Closed: 2"
_TALLY_RE = re.compile(r"\b(?:Total\s+)?recommendations\s*:\s*(?P<total>\d{1,3})(?P<parts>(?:\s*[·|,;•]\s*"
                       r"(?:Open|Closed|Unresolved|Resolved)\s*:\s*\d{1,3})+)", re.IGNORECASE)
_TALLY_PART_RE = re.compile(r"(?P<label>Open|Closed|Unresolved|Resolved)\s*:\s*(?P<n>\d{1,3})", re.IGNORECASE)


def _tallies(doc: Document, asserted_by: str, out: Extraction) -> None:
    """A tally line is a count claim per status on the report the page is about: n of the total."""
    for m in _TALLY_RE.finditer(doc.text):
        total = int(m["total"])
        quote = span(doc.text, m.start(), m.end())
        for part in _TALLY_PART_RE.finditer(m["parts"]):
            count = int(part["n"])
            if count <= total:
                out.status_events.append(emit.event(
                    doc.doc_id, quote, "status", part["label"].lower(), asserted_by, document_date=doc.published_on,
                    report_id=_report_above(doc, m.start()), scope=Shape("n_of_m", count, total)))


def extract(doc: Document, evidence: str, asserted_by: str) -> Extraction:
    text, out = doc.text, Extraction()
    _glosses(doc, evidence, out)
    _tallies(doc, asserted_by, out)
    records = (_records(doc, evidence, asserted_by, out) + _trailing_records(doc, evidence, asserted_by, out)
               + _vertical_tables(doc, evidence, asserted_by, out) + _column_tables(doc, evidence, asserted_by, out))
    records += _headed_records(doc, evidence, asserted_by, out) if not records else []
    records += _dotted_statuses(doc, asserted_by, out)
    records += _json_records(doc, evidence, asserted_by, out) if "{" in text else []
    pending: list[tuple[int, str | None]] = []  # hanging-indent records waiting for their "Status:" line
    status_table = False  # inside a table of report / number / status rows (until a blank line)
    for m in _LINE_RE.finditer(text):
        line = span(text, m.start(), m.end())
        if not line.text or any(a <= line.start < b for a, b in records):
            pending = [] if not line.text.strip() else pending
            status_table = status_table and bool(line.text.strip())
            continue
        status_line = _STATUS_LINE_RE.match(text, m.start(), m.end())
        if status_line and pending:
            for number, report_id in pending:
                _cell_events(doc, out, line, span(text, status_line.start("v"), status_line.end("v")), asserted_by,
                             report_id, number)
            pending = []
            continue
        record = _RECORD_RE.match(text, m.start(), m.end())  # anchored at the line start, before its indent
        paren_head = _PAREN_HEAD_RE.match(text, m.start(), m.end())
        cells = _cells(text, line)
        if len(cells) >= 3 and _NUMBER_COLUMN_RE.fullmatch(cells[0].text) and \
                any(re.match(r"Status|Resolution", c.text, re.IGNORECASE) for c in cells[1:]):
            status_table = True  # a table's header: "Rec.   ICE asked to   Our decision   Status after this letter"
            continue
        _numbered_status_cells(doc, line, asserted_by, out)
        number = action = None
        hanging = False
        status_cells: list[Span] = []
        ids: list[str] = []
        leader = _LEADER_RE.match(text, m.start(), m.end())
        if leader:  # "Rec. 2 ........ Open (Unresolved)" over the action's own lines
            number = int(leader["n"])
            body = _lines_after(text, line.end)
            if not body.text or not starts_with_verb(body.text, labelled=True):
                continue
            action, status_cells = body, [span(text, leader.start("status"), leader.end("status"))]
        elif record:
            number, action = _number(record["n"]), _lines_after(text, record.start("text"), first=True)
            trailing = _TRAILING_RESPONSE_RE.search(action.text)
            if trailing:
                status_cells.append(span(text, action.start + trailing.start("cell"), action.start + trailing.end("cell")))
                action = span(text, action.start, action.start + trailing.start())
            if record["pre"]:
                status_cells.append(span(text, record.start("pre"), record.end("pre")))
            if not starts_with_verb(action.text, labelled=True) or len(action.text.split()) < 4:
                continue
        elif paren_head:
            number = int(paren_head["n"])
            body = _lines_after(text, line.end)
            action = body if body.text and starts_with_verb(body.text, labelled=True) else None
            status_cells = [span(text, paren_head.start("attrs") + a.start(), paren_head.start("attrs") + a.end())
                            for a in re.finditer(r"[^;]+", paren_head["attrs"])
                            if not re.match(r"\s*(?:Significant|Questioned|Funds)", a.group(0), re.IGNORECASE)]
        elif len(cells) == 2 and _LABELLED_NUMBER_RE.match(cells[0].text) and (
                starts_with_verb(cells[1].text, labelled=True) or _ENUM_START_RE.match(cells[1].text)):
            # "Rec. #3   Develop a process to …" with the action wrapped under itself, then "Status: …"
            number = _label_number(cells[0].text)
            action = _continued(text, cells[1], line)
            hanging = True
        elif len(cells) == 2 and _LABELLED_NUMBER_RE.match(cells[0].text) and len(cells[1].text.split()) <= 4 \
                and _cell_claims(text, cells[1]):
            # "Recommendation 1 | Closed" over the action's own indented lines (which may be withheld)
            number = _label_number(cells[0].text)
            body = _lines_after(text, line.end)
            action = body if body.text and starts_with_verb(body.text, labelled=True) else None
            status_cells = [cells[1]]
        elif len(cells) >= 3:
            for c in cells:
                n = _NUMBER_CELL_RE.match(c.text)
                if n and number is None:
                    number = int(n["n"])
                elif action is None and len(c.text.split()) >= 3 and (
                        starts_with_verb(c.text, labelled=number is not None and _sentence_case(c.text))
                        or _ENUM_START_RE.match(c.text)):
                    action = c
                elif _cell_claims(text, c) and len(c.text.split()) <= 4:
                    status_cells.append(c)
                ids += [rid for _, _, rid in find_report_ids(c.text)]
            if number is not None and action is None and status_cells and (ids or status_table):
                status_table = True  # a status table: "OIG-12-130   09/25/12   1   Closed"
            elif number is None or action is None:
                continue
            else:
                action = _continued(text, action, line)
        elif status_table and len(cells) == 2 and re.fullmatch(r"\d{1,2}", cells[0].text) and _cell_claims(text, cells[1]) \
                and len(cells[1].text.split()) <= 4:
            number, status_cells = int(cells[0].text), [cells[1]]  # the same report's next row: "   2   Closed"
        else:
            continue
        report_id = ids[0] if ids else _report_above(doc, line.start)
        if hanging:
            pending.append((number, report_id))
        if record and action is not None:
            _tail_claims(doc, action.end, number, report_id, asserted_by, out)
        for item in (split_actions(text, action) or [action]) if action else []:
            _restated(doc, out, item, number, report_id, evidence, line)
        for c in status_cells:
            _cell_events(doc, out, line, c, asserted_by, report_id, number)
    return out
