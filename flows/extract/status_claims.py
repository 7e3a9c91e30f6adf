"""Passage kind `claims`: status and response claims, each kept for what it says.

A claim ("remained open", "only partly implemented", "concurred with 4 of the 5",
"Recommendations 1 through 4 are resolved and open", a tracker's "Status: Resolved – Open")
attaches to one recommendation only when its passage identifies it: by number (kept as
report and number), by the recommendation's own words in the same clause, by "the <words>
recommendation" matching one stated action, or by a singular pointer ("this recommendation",
"ICE concurred with it") to the one action just stated (the quote then runs from that action
to the claim). Every other claim keeps its scope (all, n_of_m, most, many, several, some,
unspecified), on the reports it names or points to, or on none. Who asserts it comes from
the genre profile, except that an agency page reporting OIG's own determination is OIG's.

The actions come from the document's one reading pass (flows/extract/statements.py).
"""

from __future__ import annotations

import itertools
import re

from flows.core.numbers import excluded_number, numbered
from flows.core.report_ids import find_report_ids
from flows.core.text import Span, span
from flows.extract import emit
from flows.extract.claims import Shape, clause_at, hedge, shape, stated_date, subject
from flows.extract.emit import rec_id_for
from flows.extract.model import Document, Extraction
from flows.extract.report_links import infer_reports
from flows.extract.statements import Action, Statements, is_heading, previous_report, read, stems
from flows.extract.status_phrases import find_status
from flows.extract.themes import themes_for

REC_CONTEXT_RE = re.compile(r"\b(?:recommend\w*|recs?|items?|actions?|findings?|audits?|reports?)\b"
                            r"|\b(?:concurr?ed|agreed)\s+with\s+(?:both|all|each|them|it|most|many|several|some|one|two|"
                            r"three|four|five|six|seven|eight|nine|ten|\d{1,2})\b"
                            r"|#\s*\d", re.IGNORECASE)


def extract(doc: Document, asserted_by: str, own_report: str | None = None) -> Extraction:
    """Every claim the document makes about recommendations or reports. In a report's own
    text (`own_report`), a claim that names or points to no other report is about that one."""
    st = read(doc, asserted_by == "oig")
    reader = _ClaimReader(doc, asserted_by, st, own_report)
    out = Extraction()
    for p_index, sent, reports, _link in st.sentences:
        if _is_claim_sentence(doc, p_index, sent):
            out.status_events.extend(reader.read(p_index, sent, reports))
    return out


_COORDINATED_RE = re.compile(r"[\s,/–—-]*(?:and|or|but)?[\s,/–—-]*", re.IGNORECASE)
# the list's report, then the verb: "recommendation 1 in OIG-24-26 is closed, and recommendations 2, 3, and 4 remain open"
_COPULA_GAP_RE = re.compile(r"\s+(?:in|of|from)\s+OIG[-–—\s]?\d{2}[-–—]\d{2,3}\s*(?:(?:is|are|was|were|remains?|has\s+been|"
                            r"have\s+been)\s+(?:now\s+|still\s+)?)?", re.IGNORECASE)
# a wording whose object follows it: "… recommendation 1, partially concurred with recommendations 2 and 4"
_TAKES_OBJECT_RE = re.compile(r"\s*(?:with|to)\b", re.IGNORECASE)
# between a list of numbers and the status predicated of it: "are", "remain", "as", "to be now"
_PREDICATE_GAP_RE = re.compile(r"(?:[\s,]|\b(?:are|is|were|was|remain|remains|stay|stays|now|still|both|all|as|to|be|"
                               r"being|have|has|had|been|considered|deemed|each|currently|which|that|OIG|we|the)\b)*",
                               re.IGNORECASE)


def _own_lists(text: str, lists: list[tuple[int, int, list[int]]], hit: tuple[int, int],
               hits: list[tuple[int, int]]) -> list[tuple[int, int, list[int]]]:
    """The number lists a status wording governs when its clause holds several wordings.

    A list that opens the wording's own line comes first (a table row: "Recommendation 4 …
    Resolved – Open"); then the list the wording is predicated of, just before it ("we consider
    recommendations 1 and 2 resolved and open, recommendation 3 resolved and closed"), unless the
    wording takes an object ("concurred with …"); then its object, the list after it and those
    coordinated with it ("concurs with recommendations 1 and 3 and partially concurs with
    recommendation 2"); else the nearest list before it when only wordings coordinated with this
    one stand between."""
    if len(hits) < 2 or not lists:
        return lists
    at = hit[0]
    line_start = text.rfind("\n", 0, at) + 1
    row = [x for x in lists if line_start <= x[0] < at and not text[line_start:x[0]].strip(" \t•|-")]
    if row:  # the line opens with the number: a table row or record line
        return row[:1]
    before = [x for x in lists if x[1] <= at]
    # the wording is predicated of the list just before it: "we consider recommendations 1 and 2 resolved
    # and open, recommendation 3 resolved and closed", "Recommendations 1 through 4 are resolved and open"
    # (wordings coordinated in between belong to the same list)
    if before and not _TAKES_OBJECT_RE.match(text, hit[1]):
        chain = sorted({h for h in hits if before[-1][1] <= h[0] <= at})
        gap = text[before[-1][1]:chain[0][0]]
        if (_PREDICATE_GAP_RE.fullmatch(gap) or _COPULA_GAP_RE.fullmatch(gap)) and all(
                _COORDINATED_RE.fullmatch(text[a[1]:b[0]]) for a, b in itertools.pairwise(chain) if b[0] >= a[1]):
            return before[-1:]
    nxt = min((h[0] for h in hits if h[0] > at), default=None)
    after = [x for x in lists if x[0] > at and (nxt is None or x[0] < nxt)]
    if after:  # the object: the first list and those coordinated with it ("recommendation 1 and recommendation 3")
        kept = after[:1]
        for x in after[1:]:
            if not _COORDINATED_RE.fullmatch(text[kept[-1][1]:x[0]]):
                break
            kept.append(x)
        return kept
    if not before:
        return []
    chain = [h for h in hits if before[-1][1] <= h[0] < at]
    ends = [before[-1][1], *(h[1] for h in chain)]
    starts = [*(h[0] for h in chain), at]
    if all(_COORDINATED_RE.fullmatch(text[e:s_]) for e, s_ in zip(ends[1:], starts[1:], strict=True)):
        return before[-1:]
    return []


_ID_BEFORE_RE = re.compile(r"(OIG[-–—\s]?\d{2}[-–—]\d{2,3})(?:[’']s)?[\s,:]*(?:(?:its|the)\s+)?$")
_ID_AFTER_RE = re.compile(r"\s*(?:of|in|from)\s+(?:report\s+)?(OIG[-–—\s]?\d{2}[-–—]\d{2,3})")


def _adjacent_report(text: str, lists: list[tuple[int, int, list[int]]]) -> str | None:
    """The report written right next to a claim's numbers when its clause names several: "OIG-24-15
    recommendations 2 and 4 …, and OIG-22-61 recommendation 2", "recommendation 3 of OIG-20-14"."""
    start, end = lists[0][0], lists[-1][1]
    m = _ID_BEFORE_RE.search(text, max(0, start - 30), start) or _ID_AFTER_RE.match(text, end)
    found = find_report_ids(m.group(1)) if m else []
    return found[0][2] if found else None


def _is_claim_sentence(doc: Document, p_index: int, sent: Span) -> bool:
    """A status wording about recommendations, reports or a labelled line; a heading names a
    topic and claims nothing (unless it carries numbers or a "Status:" label)."""
    text = sent.text
    if not find_status(doc.text, sent.start, sent.end):
        return False
    if "\n" not in text and not re.search(r"\d", text) and len(re.split(r"\s*\|\s*|\t+|\s{2,}", text.strip())) >= 3:
        return False  # a table's header row ("Report  Issued  Total  Open  Closed  Unresolved") names columns
    if not (REC_CONTEXT_RE.search(text) or SINGULAR_POINTER_RE.search(text) or LABEL_LINE_RE.search(text)
            or TABLE_ROW_RE.search(text)):
        return False
    return not (is_heading(doc.seg.paragraphs[p_index]) and not numbered(doc.text, sent.start, sent.end)
                and not STATUS_LABEL_RE.search(text))


NAMED_REC_RE = re.compile(r"\bthe\s+(?P<words>(?:[\w()’'-]+\s+){1,4}?)(?:recommendation|rec)\b(?!s)"
                          r"|\b(?:the|its|OIG[’']s)\s+(?:recommendation|call|proposal)\s+(?:on|to|about|that|for|calling\s+for|"
                          r"regarding|concerning|covering)\s+(?P<after>[^.,;:()\[\]]{3,80})", re.IGNORECASE)
GENERIC_RECS_RE = re.compile(r"\b(?:OIG|inspector\s+general|watchdog|oversight)(?:[’']s)?\s+(?:\w+\s+)?recommendations\b",
                             re.IGNORECASE)
SINGULAR_POINTER_RE = re.compile(r"\b(?:this|that|the|its|the\s+same)\s+recommendation\b(?!s)|\b(?:concurr?ed|agreed)\s+"
                                 r"(?:with\s+it|fully)?\s*[.;,]|\bwith\s+it\b", re.IGNORECASE)
REPORT_POINTER_RE = re.compile(r"\b(?:the|this|that|its|these|those|both|two|all)\s+(?:\w+\s+)?(?:report|review|audit|alert|"
                               r"evaluation|update|follow-up|inspection)s?\b|\bits\s+recommendations\b", re.IGNORECASE)
POINTS_BACK_RE = re.compile(r"\b(?:that|those|the\s+(?:earlier|prior|previous|first|original|\d{4}))\s+(?:\w+\s+)?"
                            r"(?:report|review|audit|alert|evaluation|inspection)s?\b", re.IGNORECASE)
CARD_LABEL_RE = re.compile(r"^[ \t]*Report\s+(?:Number|No\.?)\s*:?[ \t]*\n?[ \t]*(OIG[-–—]\d{2}[-–—]\d{2,3})", re.MULTILINE)
ACROSS_RE = re.compile(r"\b(?:across|among|in)\s+(?:the|these|those|all)\s+(?:\w+\s+)?(?:reports|audits|reviews|"
                       r"evaluations|components)\b", re.IGNORECASE)
BOTH_RE = re.compile(r"\b(?:both|two)\s+(?:audits|reports|reviews|inspections|evaluations)\b", re.IGNORECASE)
PLURAL_RE = re.compile(r"\b(?:these|those|the|all)\s+(?:audits|reports|reviews|evaluations)\b", re.IGNORECASE)
RECS_OF_RE = re.compile(r"\brecommendations?\s+(?:from|of|in|made in|made by)\s+(?P<desc>[^.;]{3,160})", re.IGNORECASE)
YEAR_DESC_RE = re.compile(r"\b(?P<y>(?:19|20)\d{2})\s+(?:report|review|audit|update|follow-up|evaluation)\b", re.I)
OIG_SAYS_RE = re.compile(r"\b(?:OIG|Inspector General)\b(?:[^.]{0,60}?\bit\b)?[^.]{0,60}?\b(?:reported|found|said|stated|"
                         r"lists?|listed|determined|considers?|considered|marked|rated|closed|has\s+closed)\b(?:\s+that)?", re.IGNORECASE)
DEFINITE_PLURAL_RE = re.compile(r"\b(?:the|its|their|(?:the\s+)?(?:report|audit|review)[’']s|OIG-\d\d-\d{2,3}[’']s)\s+"
                                r"(?:\w+\s+)?recommendations\b", re.IGNORECASE)
# a record block (oversight.gov, OIG trackers): "Recommendation 2: <text>" then "Component response: Concur",
# "Status: Resolved – Open" on lines of their own
LABEL_LINE_RE = re.compile(r"^[ \t]*(?:(?-i:[A-Z])[\w.&’']*(?:\s+(?-i:[A-Z])[\w.&’']*){0,3}\s+)?(?:response|status|resolution)"
                           r"(?:\s+of\s+recommendation)?\s*:", re.IGNORECASE | re.MULTILINE)
# a table row that starts with the recommendation's number: "3 | Train supervisors … | Resolved – Open"
TABLE_ROW_RE = re.compile(r"^[ \t|]*(?:Rec(?:ommendation)?\.?\s*(?:No\.?\s*)?)?(?P<n>\d{1,2})[ \t]*(?:\||\t|[ ]{2,})(?=[^\n]*\S)",
                          re.IGNORECASE | re.MULTILINE)
RECORD_HEAD_RE = re.compile(r"^[ \t]*(?:Recommendation|Rec\.?)\s*(?:#\s*|(?:No\.|Number)\s*:?\s*)?(?P<n>\d{1,2})\b",
                            re.IGNORECASE | re.MULTILINE)  # "Recommendation No.:" then "3" on the next line too
THIS_REC_RE = re.compile(r"\b(?:this|the\s+same|the)\s+recommendation\b(?!s)", re.IGNORECASE)
# a record's head inside running text, where a transcript lost the line breaks: ". FEMA Response to
# Recommendation 2: Concur.", ". Recommendation 3: Issue written guidance …"
INLINE_HEAD_RE = re.compile(r"(?:(?<=[.:;!?]\s)|(?<=[.:;!?]\s\s)|\b(?i:response|comments?)\s+(?i:to|on)\s+)"
                            r"(?i:recommendation)\s*(?:#\s*|No\.\s*)?(?P<n>\d{1,2})\s*:")
STATUS_LABEL_RE = re.compile(r"\bstatus\s*:", re.IGNORECASE)
# a status asked for is not a status claimed: "ICE requests that OIG consider this recommendation resolved and closed"
REQUEST_RE = re.compile(r"\b(?:requests?|requested|requesting|asks?|asked|asking)\s+(?:that\s+)?(?:the\s+)?(?:DHS\s+)?"
                        r"(?:OIG|we|you|us)\s+(?:to\s+)?(?:consider|close|resolve|deem|mark)\b", re.IGNORECASE)
NEGATED_RE = re.compile(r"\b(?:not|never|no\s+longer)\s+(?:yet\s+)?$|n[’']t\s+(?:yet\s+)?$", re.IGNORECASE)
TITLE_LINE_RE = re.compile(r"[ \t#*]*(?:Open|Closed|Resolved|Unresolved)\s+Recommendations\b[^.:\n\d]{0,20}", re.IGNORECASE)
OIG_ACTS_RE = re.compile(r"\b(?:OIG|Inspector General)\s+(?:has\s+|had\s+|also\s+|then\s+)?(?:closed|resolved)\b")
# the component speaking for itself (every DHS component, not only ICE)
AGENCY_SUBJECT_RE = re.compile(r"\b(?:ICE|CBP|USCIS|FEMA|TSA|CISA|FLETC|USSS|Secret Service|Coast Guard|S&T|we|"
                               r"the agency|the department|the component|ERO|HSI)\b")
NOT_CLAIM_RE = re.compile(r"^\W*(?:if|whether|should|unless|once)\b|\b(?:would|will)\s+(?:\w+\s+)?(?:concur|close|be\s+closed)"
                          r"|\b(?:is|are)\s+(?:considered|deemed|marked|called)\b[^.;]{0,40}\bwhen\b"
                          r"|\b(?:means|refers\s+to|is\s+defined\s+as)\b|\bnot\s+true\b|\bno\s+evidence\b|\bdefinitions?\b"
                          r"|^\W*(?:(?:un)?resolved|open|closed)(?:\s*(?:[–—-]|and)\s*(?:open|closed))?\s*[:=]", re.IGNORECASE)


class _ClaimReader:
    """Reads the claims of one document (see the module's docstring)."""

    def __init__(self, doc: Document, asserted_by: str, st: Statements, own_report: str | None = None):
        self.doc, self.text, self.asserted_by, self.own_report = doc, doc.text, asserted_by, own_report
        self.actions, self.owner, self.paras, self.para_reports = st.actions, st.owner, doc.seg.paragraphs, st.para_reports
        named = doc.named_reports or tuple((s, rid) for s, _, rid in find_report_ids(doc.text))
        self.positions = [s for s, _ in named]
        self.history = [rid for _, rid in named]  # filtered by position when used

    def _speaker(self, sent: Span, hit_start: int) -> str:
        if self.asserted_by != "agency":
            return self.asserted_by
        says = OIG_SAYS_RE.search(sent.text)
        first = hit_start - sent.start
        if says and says.end() <= first and not AGENCY_SUBJECT_RE.search(sent.text, says.end(), first):
            return "oig"  # the agency's page reports OIG's own determination
        if any(m.start() <= first < m.end() for m in OIG_ACTS_RE.finditer(sent.text)):
            return "oig"  # "The OIG closed Recommendation 2", "the OIG has resolved …": OIG's own act
        return self.asserted_by

    def _earlier_reports(self, pos: int) -> list[str]:
        return [rid for p, rid in zip(self.positions, self.history, strict=True) if p < pos]

    def _reports_for(self, clause: Span, sent: Span, reports: list[str], p_index: int, scope: str) -> list[str]:
        """The reports a claim is about: named in its clause or sentence, described ("the
        recommendations from the 2010 review"), or pointed back to ("both audits", "the report")."""
        own = list(dict.fromkeys(rid for _, _, rid in find_report_ids(self.text, clause.start, clause.end)))
        if own:
            return own
        of = RECS_OF_RE.search(clause.text)
        if of:
            described = self._described(of["desc"], self._earlier_reports(clause.start))
            if described:
                return described
        if reports:
            return reports
        card = self._card_report(sent)
        if card:
            return [card]
        if ACROSS_RE.search(clause.text):
            return []  # "Across the five reports, nine recommendations remain open": no one report's
        if self.own_report and scope != "one" and not (BOTH_RE.search(clause.text) or PLURAL_RE.search(clause.text)
                                    or POINTS_BACK_RE.search(clause.text)):
            # a report's own text speaks of itself unless it points elsewhere (numbered claims in a
            # follow-up speak of the report under review: see below)
            return [self.own_report]
        earlier = list(dict.fromkeys(reversed(self._earlier_reports(sent.start))))  # most recent first
        if BOTH_RE.search(clause.text) and len(earlier) >= 2:
            return sorted(earlier[:2])
        if PLURAL_RE.search(clause.text) and earlier:
            return sorted(earlier)
        para = self.paras[p_index]  # the one report its paragraph has named so far (a listing row, a section)
        in_para = list(dict.fromkeys(rid for p, rid in zip(self.positions, self.history, strict=True)
                                     if para.start <= p < clause.start))
        if len(in_para) == 1:
            return in_para
        if REPORT_POINTER_RE.search(clause.text) or scope == "all":
            prev = previous_report(self.para_reports, self.paras, p_index + 1)[0]
            if prev:
                return prev
            if REPORT_POINTER_RE.search(clause.text) and earlier:
                return earlier[:1]
        if earlier and (scope == "one" or not GENERIC_RECS_RE.search(clause.text)):
            # "Recommendation 3 remains open", "two of the five remain open" speak of the report under
            # discussion: the one named last, in this paragraph or one of the three before it (not
            # "OIG's recommendations" in general)
            last_pos = max(p for p, rid in zip(self.positions, self.history, strict=True) if p < sent.start)
            # in a report's own text, a report cited once in passing (a Highlights page's "What We
            # Found" recalls an earlier report) takes only claims of its own paragraph; a report
            # under review (a follow-up names it again and again) those of the paragraphs after it
            window = 0 if self.own_report and self.history.count(earlier[0]) == 1 else 3
            if any(q.start <= last_pos < q.end for q in self.paras[max(0, p_index - window):p_index + 1]):
                return earlier[:1]
            if scope == "one" and len(earlier) == 1 and not self.own_report:
                return earlier  # the only report the document has named so far (a page of records about it)
        return [self.own_report] if self.own_report else []

    def _card_report(self, sent: Span) -> str | None:
        """A listing card's report when its fields follow its summary (oig.dhs.gov: title, "Executive
        Summary", the summary, then "Report Number" over the id): the id labelled after the claim,
        with no other id and no new card (a bullet line) in between."""
        label = CARD_LABEL_RE.search(self.text, sent.end, min(len(self.text), sent.end + 1500))
        if not label or find_report_ids(self.text, sent.end, label.start()) or \
                re.search(r"^[ \t]*[•▪■*]", self.text[sent.end:label.start()], re.MULTILINE):
            return None
        found = find_report_ids(label.group(1))
        return found[0][2] if found else None

    def _described(self, desc: str, history: list[str]) -> list[str]:
        stated = [rid for _, _, rid in find_report_ids(desc)]
        if stated:
            return stated[:1]
        year = YEAR_DESC_RE.search(desc)
        if year:
            issued = {e.report_id: e.issued_on for e in self.doc.catalogue}
            for rid in reversed(history):
                if issued.get(rid) and issued[rid].year == int(year["y"]):
                    return [rid]
        return infer_reports(desc, self.doc.catalogue)[:1]

    def _identified(self, clause: Span, sent: Span, p_index: int) -> tuple[list[Action], int]:
        """Actions the clause identifies, and where the quote must start to show it."""
        canon = lambda items: list({id(self.owner[id(a)]): self.owner[id(a)] for a in items}.values())  # noqa: E731
        inside = [a for a in self.actions if clause.start <= a.span.start and a.span.end <= clause.end]
        if inside:
            return canon(inside), sent.start
        named = NAMED_REC_RE.search(clause.text)
        if named:
            words = (named["words"] or named["after"]).strip()
            wanted = set(themes_for(words)) - {"other"}
            before = canon([a for a in self.actions if a.span.start < sent.start] or self.actions)
            scored = sorted(((len(wanted & set(a.themes)) + len(stems(words) & stems(a.span.text)), i)
                             for i, a in enumerate(before)), reverse=True)
            if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
                return [before[scored[0][1]]], sent.start  # the one action the words fit best
            return [], sent.start
        if SINGULAR_POINTER_RE.search(clause.text):
            for j in (p_index, p_index - 1):
                group = canon([a for a in self.actions if a.paragraph == j and a.span.start < sent.start])
                if group:
                    return (group, min(a.sentence.start for a in group)) if len(group) == 1 else ([], sent.start)
        return [], sent.start

    def _record_head(self, p_index: int, sent: Span, pos: int, end: int | None = None) -> re.Match[str] | None:
        """The "Recommendation N" line that heads the record block holding, at pos, a labelled
        line ("USCIS response: Concur") or a claim about "this recommendation"."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        sentence_start = max(sent.start, line_start)
        if not (LABEL_LINE_RE.match(self.text, line_start)
                or THIS_REC_RE.search(self.text, sentence_start, end or pos)):  # "OIG considers this recommendation …"
            return None
        # the record's head is in this paragraph or, where the record's fields are paragraphs of their
        # own ("Recommendation 1 — Staffing", then "CBP's response: Concur."), up to three before it
        para = self.paras[max(0, p_index - 3)] if p_index else self.paras[p_index]
        start = max(para.start, pos - 1200)
        heads = [*RECORD_HEAD_RE.finditer(self.text, start, line_start),
                 *INLINE_HEAD_RE.finditer(self.text, start, sentence_start)]
        head = max(heads, key=lambda m: m.start(), default=None)
        if head is None or numbered(self.text, head.end(), sentence_start):
            return None  # another number named since the head: the pointer is not the head's
        return head

    def read(self, p_index: int, sent: Span, reports: list[str]) -> list[dict]:
        text, doc = self.text, self.doc
        if NOT_CLAIM_RE.search(sent.text):
            return []
        rows: list[dict] = []
        seen: set[tuple] = set()
        for hit in find_status(text, sent.start, sent.end):
            clause = clause_at(text, sent, hit.start)
            lists = _own_lists(text, numbered(text, clause.start, clause.end), (hit.start, hit.end),
                               [(h.start, h.end) for h in find_status(text, clause.start, clause.end)])
            # one claim per wording and governed numbers ("recommendations 1 and 2 resolved and open,
            # recommendation 3 resolved and closed" says "resolved" twice, of different numbers)
            key = (clause.start, hit.kind, hit.value, tuple(x[0] for x in lists))
            if key in seen:
                continue
            seen.add(key)
            if hit.kind == "status" and (REQUEST_RE.search(text, clause.start, hit.start)
                                         or NEGATED_RE.search(text, max(clause.start, hit.start - 24), hit.start)):
                continue  # asked for, or denied: "We are not closing recommendation 5"
            line_start, line_end = text.rfind("\n", 0, hit.start) + 1, text.find("\n", hit.end)
            if TITLE_LINE_RE.fullmatch(text, line_start, len(text) if line_end < 0 else line_end):
                continue  # a page's or section's title: "Open Recommendations", "Closed recommendations ▸ show"
            sh = shape(text, clause, hit.start, hit.end)
            common = {"document_date": doc.published_on, "as_of": stated_date(text, clause, hit.start),
                      "hedge_span": hedge(text, clause)}
            by = self._speaker(sent, hit.start)
            if lists and sh.at is not None and sh.scope != "one":
                # "concurred with 4 of 5 and partially concurred with recommendation 3": each status
                # wording takes the nearer of the count and the numbers
                gap = min(abs(a - hit.start) if a > hit.start else abs(hit.start - b) for a, b, _ in lists)
                if abs(sh.at - hit.start) < gap:
                    lists = []
            numbers = [n for _, _, ns in lists for n in ns]
            quote = sent
            # a table row: its first cell is the number (whatever other rows the sentence holds), the row the quote
            row = TABLE_ROW_RE.match(text, text.rfind("\n", 0, hit.start) + 1)
            record = self._record_head(p_index, sent, hit.start, hit.end) if not numbers and not row else None
            if row:
                line_end = text.find("\n", hit.end)
                numbers, quote = [int(row["n"])], span(text, row.start(), len(text) if line_end < 0 else line_end)
            if record:  # a labelled line of a record block: the block's recommendation, quoted from its head
                line_end = text.find("\n", hit.end, sent.end)
                numbers, quote = [int(record["n"])], span(text, record.start(), sent.end if line_end < 0 else line_end)
            if numbers:
                para = self.paras[p_index]
                targets = self._reports_for(span(text, para.start, quote.end) if record or row else clause, sent,
                                            reports, p_index, "one")
                rid = targets[0] if len(targets) == 1 else _adjacent_report(text, lists) if lists else None
                # where the clause names several reports, each list takes the report written next to it
                # ("recommendation 2 of OIG-17-42 and recommendation 2 of OIG-19-12")
                pairs = ([((_adjacent_report(text, [x]) or rid) if len(targets) > 1 else rid, n) for x in lists for n in x[2]]
                         if lists else [(rid, n) for n in numbers])
                left_out = excluded_number(text, hit.end, clause.end) if hit.value == "concur" else None
                rows += [emit.event(doc.doc_id, quote, hit.kind, hit.value, by, report_id=r, rec_number=n,
                                    at=hit.start, **common) for r, n in dict.fromkeys(pairs) if n != left_out]
                if left_out is not None:  # "concurred with recommendation two but not one"
                    rows.append(emit.event(doc.doc_id, quote, "response", "nonconcur", by, report_id=rid,
                                           rec_number=left_out, **common))
                continue
            if sh.scope in ("one", "all", "unspecified"):
                identified, quote_from = self._identified(clause, sent, p_index)
                if identified:
                    quote = span(text, quote_from, sent.end)
                    # an action the text numbers within a report is that report's recommendation of the number
                    rows += [emit.event(doc.doc_id, quote, hit.kind, hit.value, by, report_id=a.report_id,
                                        rec_number=a.rec_number, **common) if a.rec_number and a.report_id else
                             emit.event(doc.doc_id, quote, hit.kind, hit.value, by, rec_id=rec_id_for(doc.doc_id, a.span.start),
                                        report_id=a.report_id, **common) for a in identified]
                    continue
            targets = self._reports_for(clause, sent, reports, p_index, sh.scope)
            if targets and sh.scope == "unspecified" and DEFINITE_PLURAL_RE.search(clause.text):
                sh = Shape("all")  # "the report's recommendations", "its recommendations": every one of them
            subj = subject(text, clause)
            rows += [emit.event(doc.doc_id, sent, hit.kind, hit.value, by, report_id=rid, scope=sh,
                                 subject_span=subj, **common) for rid in (targets or [None])]
        return rows


