"""Recommendations as another document reports them: what a fact-check page, a news
explainer, a briefing or an agency statement says OIG recommended, with citation markers
such as [3] and the status claims made about them. Used by the `secondary_summary` and
`agency_page` extractors, which differ in who is asserting (`evidence`, `asserted_by`).

Rules for such documents, not for one page:
- a recommendation is an action that follows a reporting trigger ("recommended that",
  "advised ICE to", "called for"), split into one row per action;
- the same action repeated (summary, body, conclusion) is one row: the first statement,
  with the report link of any statement and the status claims of all;
- status claims ("remained open", "only partly implemented", "concurred") apply to the
  actions reported in the same paragraph, or to a report the sentence names;
- a report is linked when an id is written next to the action (`stated`) or a dated
  description matches the catalogue (`inferred`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from flows.core.numbers import numbered
from flows.core.report_ids import find_report_ids
from flows.core.text import BULLET_RE, Span, norm_ws, paragraphs, sentences, span, strip_bullet
from flows.extract import vocab
from flows.extract.actions import split_actions
from flows.extract.claims import Shape, claim_event, clause_at, hedge, shape, stated_date, subject
from flows.extract.model import Document, Extraction, rec_id_for
from flows.extract.report_links import infer_reports
from flows.extract.status_phrases import find_status
from flows.extract.themes import themes_for

CITATION_RE = re.compile(r"\[(\d{1,3}|[a-z])\]|(?<=[\w.,;:)”’\"])([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def citations(text: str) -> list[str]:
    """Citation markers in order of first appearance: [3], [a] or superscript ³."""
    found = [(a or b).translate(_SUPERSCRIPT) for a, b in CITATION_RE.findall(text)]
    return list(dict.fromkeys(found))
REC_CONTEXT_RE = re.compile(r"\b(?:recommend\w*|recs?|items?|actions?|findings?|audits?|reports?)\b"
                            r"|\b(?:concurr?ed|agreed)\s+with\s+(?:both|all|each|them|it|most|many|several|some)\b"
                            r"|#\s*\d", re.IGNORECASE)
AGENCY_RE = re.compile(r"\b(ICE|CBP|USCIS|FLETC|DHS)\b")
STEM_STOP = frozenset("""the and for with that this those these from into ice dhs oig its their training
    ensure clear clearer more better all any each other program programs required detention staff officer
    officers facility facilities agency agencies partner partners local state states field deputies deputized
    designated""".split())


@functools.cache
def _triggers() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(vocab.load("recommendation_triggers")) + r")(?=\W)", re.IGNORECASE)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z0-9()]+", text.lower()) if len(w) > 2 and w not in STEM_STOP}


@dataclass
class _Action:
    span: Span
    sentence: Span
    paragraph: int
    themes: list[str]
    citations: list[str]
    agency: str
    report_id: str | None = None
    report_link: str | None = None
    duplicates: list[_Action] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.stems = _stems(self.span.text)


NOT_OIG_RE = re.compile(r"\b(?:I|we|advocates?|critics|lawmakers|Congress|GAO|senators?|groups?|experts?|"
                        r"(?:executive )?order|the law|statute|bill|the White House|the President|"
                        r"the author|this (?:paper|brief|briefing))\b|\b(?:not|never|n’t|n't)\s+(?:\w+\s+)?$"
                        r"|^\W*(?:no|neither|none of)\b"
                        r"|^\W*(?:myth|claim|rumou?r|false|misconception)\s*:",
                        re.IGNORECASE)


NOT_AGENCY_TARGET_RE = re.compile(r"\W*(?:on\s+|that\s+)?(?:Congress|lawmakers|legislators|the public|voters|states|"
                                  r"readers|sheriffs|local (?:officials|governments))\b", re.IGNORECASE)


_FIRST_PERSON_RE = re.compile(r"^\W*(?:I|we)\W*$", re.IGNORECASE)


def _reported_from_oig(text: str, sent: Span, trigger_at: int, trigger_end: int | None = None,
                       oig_speaks: bool = False) -> bool:
    """A trigger counts unless what precedes it names another speaker or negates it, or it is
    addressed to someone other than an agency ("calling on Congress to"). In OIG's own documents
    (`oig_speaks`) "we recommended" is OIG speaking."""
    other = NOT_OIG_RE.search(text[sent.start:trigger_at])
    if other and not (oig_speaks and _FIRST_PERSON_RE.match(other.group(0))):
        return False
    words = text[trigger_at:trigger_end + 40 if trigger_end else trigger_at + 60]
    return not NOT_AGENCY_TARGET_RE.match(re.sub(r"^\S+(?:\s+on)?", "", words, count=1))


def _same_action(a: _Action, b: _Action) -> bool:
    return bool(set(a.themes) & set(b.themes)) and len(a.stems & b.stems) >= 2


def _sentence_reports(doc: Document, sent: Span) -> tuple[list[str], str | None]:
    stated = list(dict.fromkeys(rid for _, _, rid in find_report_ids(doc.text, sent.start, sent.end)))
    if stated:
        return stated, "stated"
    inferred = infer_reports(sent.text, doc.catalogue)
    return (inferred, "inferred") if inferred else ([], None)


def _default_agency(doc: Document) -> str:
    counts = Counter(AGENCY_RE.findall(doc.text))
    counts.pop("FLETC", None)
    return "ICE" if counts.get("ICE") else (counts.most_common(1)[0][0] if counts else "ICE")


def extract_reported(doc: Document, evidence: str, asserted_by: str) -> Extraction:
    """Recommendations reported in doc (evidence `evidence`) and the claims about them."""
    out = Extraction()
    text = doc.text
    oig_speaks = asserted_by == "oig"  # OIG's own page: "we recommended" is OIG
    default_agency = _default_agency(doc)
    actions: list[_Action] = []
    claims: list[tuple[int, Span, list[str], str | None]] = []  # paragraph, sentence, reports, link
    para_reports: dict[int, tuple[list[str], str | None]] = {}

    list_lead: tuple[Span, list[str], str, list[str], str | None] | None = None  # "recommended that ICE:"
    paras = paragraphs(text)
    for p_index, para in enumerate(paras):
        is_item = bool(BULLET_RE.match(text[para.start:para.end]))
        if list_lead and is_item:
            lead_sent, cites, agency, reports, link = list_lead
            item = strip_bullet(text, para)
            label = ITEM_LABEL_RE.match(item.text)  # "Staffing – assess how many …"
            if label:
                item = span(text, item.start + label.end(), item.end)
            item_cites = citations(item.text) or cites
            for action in split_actions(text, item):
                actions.append(_Action(action, lead_sent, p_index, themes_for(action.text), item_cites, agency,
                                       reports[0] if len(reports) == 1 else None,
                                       link if len(reports) == 1 else None))
            continue
        list_lead = None
        heading = _is_heading(para) and not is_item
        trigger_in_heading = _triggers().search(text, para.start, para.end) if heading else None
        if trigger_in_heading and _reported_from_oig(text, para, trigger_in_heading.start(), oig_speaks=oig_speaks):
            list_lead = (para, [], default_agency, *(_sentence_reports(doc, para)))  # "What they recommended"
            continue
        for sent in sentences(text, para):
            if sent.text.rstrip().endswith("?"):
                continue
            reports, link = _sentence_reports(doc, sent)
            if reports and p_index not in para_reports:
                para_reports[p_index] = (reports, link)
            if not reports and ANAPHORA_RE.search(sent.text):
                reports, link = _previous_report(para_reports, paras, p_index)
            trigger = _triggers().search(text, sent.start, sent.end)
            if trigger and _reported_from_oig(text, sent, trigger.start(), oig_speaks=oig_speaks):
                cites = citations(sent.text)
                # the agency that must act is named right after the reporting verb ("recommended that ICE")
                agency_m = AGENCY_RE.search(text, trigger.end(), min(sent.end, trigger.end() + 40))
                agency = agency_m.group(1) if agency_m and agency_m.group(1) != "FLETC" else default_agency
                items = split_actions(text, span(text, trigger.end(), sent.end))
                for item in items:
                    actions.append(_Action(item, sent, p_index, themes_for(item.text), cites, agency,
                                           reports[0] if len(reports) == 1 else None,
                                           link if len(reports) == 1 else None))
                if not items and sent.text.rstrip().endswith(":"):
                    list_lead = (sent, cites, agency, reports, link)
                elif not items:  # remainder audit: a reporting verb that yielded no action
                    out.warnings.append(f"{doc.doc_id}@{trigger.start()}: '{trigger.group(0)}' is followed by "
                                        "no recommended action; not recorded")
            if find_status(text, sent.start, sent.end) and (REC_CONTEXT_RE.search(sent.text)
                                                            or SINGULAR_POINTER_RE.search(sent.text)
                                                            or LABEL_LINE_RE.search(sent.text)
                                                            or TABLE_ROW_RE.search(sent.text)) \
                    and not (_is_heading(para) and not numbered(text, sent.start, sent.end)
                             and not STATUS_LABEL_RE.search(sent.text)):  # a heading names a topic, claims nothing
                claims.append((p_index, sent, reports, link))

    # a report described earlier in the paragraph links the actions that follow it
    for a in actions:
        if a.report_id is None and a.paragraph in para_reports:
            reps, link = para_reports[a.paragraph]
            if len(reps) == 1 and para_reports[a.paragraph] and a.sentence.start >= _first_report_sentence(
                    doc, a.paragraph):
                a.report_id, a.report_link = reps[0], link

    canon: list[_Action] = []
    owner: dict[int, _Action] = {}
    for a in actions:
        match = next((c for c in canon if _same_action(c, a)), None)
        if match is None:
            canon.append(a)
            owner[id(a)] = a
        else:
            match.duplicates.append(a)
            owner[id(a)] = match
            if match.report_id is None and a.report_id:
                match.report_id, match.report_link = a.report_id, a.report_link

    for a in canon:
        rec = {
            "rec_id": rec_id_for(doc.doc_id, a.span.start),
            "report_id": a.report_id, "report_link": a.report_link, "rec_number": None,
            "text": norm_ws(a.span.text), "addressee": None, "agency": a.agency,
            "themes": a.themes, "evidence": evidence, "citations": a.citations,
            "doc_id": doc.doc_id, **a.span.provenance(),
        }
        out.recommendations.append(rec)

    reader = _ClaimReader(doc, evidence, asserted_by, actions, owner, paras, para_reports)
    for p_index, sent, reports, _link in claims:
        out.status_events.extend(reader.read(p_index, sent, reports))
    out.warnings.extend(reader.warnings)
    return out


NAMED_REC_RE = re.compile(r"\bthe\s+(?P<words>(?:[\w()’'-]+\s+){1,4}?)(?:recommendation|rec)\b(?!s)"
                          r"|\b(?:the|its|OIG[’']s)\s+(?:recommendation|call|proposal)\s+(?:on|to|about|that|for|calling\s+for|"
                          r"regarding|concerning|covering)\s+(?P<after>[^.,;:()\[\]]{3,80})", re.IGNORECASE)
GENERIC_RECS_RE = re.compile(r"\b(?:OIG|inspector\s+general|watchdog|oversight)(?:[’']s)?\s+(?:\w+\s+)?recommendations\b",
                             re.IGNORECASE)
SINGULAR_POINTER_RE = re.compile(r"\b(?:this|that|the|its|the\s+same)\s+recommendation\b(?!s)|\b(?:concurr?ed|agreed)\s+"
                                 r"(?:with\s+it|fully)?\s*[.;,]|\bwith\s+it\b", re.IGNORECASE)
REPORT_POINTER_RE = re.compile(r"\b(?:the|this|that|its|these|those|both|two|all)\s+(?:\w+\s+)?(?:report|review|audit|alert|"
                               r"evaluation|update|follow-up|inspection)s?\b|\bits\s+recommendations\b", re.IGNORECASE)
BOTH_RE = re.compile(r"\b(?:both|two)\s+(?:audits|reports|reviews|inspections|evaluations)\b", re.IGNORECASE)
PLURAL_RE = re.compile(r"\b(?:these|those|the|all)\s+(?:audits|reports|reviews|evaluations)\b", re.IGNORECASE)
RECS_OF_RE = re.compile(r"\brecommendations?\s+(?:from|of|in|made in|made by)\s+(?P<desc>[^.;]{3,160})", re.IGNORECASE)
YEAR_DESC_RE = re.compile(r"\b(?P<y>(?:19|20)\d{2})\s+(?:report|review|audit|update|follow-up|evaluation)\b", re.I)
OIG_SAYS_RE = re.compile(r"\b(?:OIG|Inspector General)\b(?:[^.]{0,60}?\bit\b)?[^.]{0,60}?\b(?:reported|found|said|stated|"
                         r"lists?|listed|determined|considers?|considered|marked|rated)\b(?:\s+that)?", re.IGNORECASE)
DEFINITE_PLURAL_RE = re.compile(r"\b(?:the|its|their|(?:the\s+)?(?:report|audit|review)[’']s|OIG-\d\d-\d{2,3}[’']s)\s+"
                                r"(?:\w+\s+)?recommendations\b", re.IGNORECASE)
# a record block (oversight.gov, OIG trackers): "Recommendation 2: <text>" then "Component response: Concur",
# "Status: Resolved – Open" on lines of their own
LABEL_LINE_RE = re.compile(r"^[ \t]*(?:(?:Component|Agency|Management|ICE|CBP|DHS)\s+)?(?:response|status|resolution)"
                           r"(?:\s+of\s+recommendation)?\s*:", re.IGNORECASE | re.MULTILINE)
# a table row that starts with the recommendation's number: "3 | Train supervisors … | Resolved – Open"
TABLE_ROW_RE = re.compile(r"^[ \t|]*(?:Rec(?:ommendation)?\.?\s*(?:No\.?\s*)?)?(?P<n>\d{1,2})[ \t]*(?:\||\t|[ ]{2,})(?=[^\n]*\S)",
                          re.IGNORECASE | re.MULTILINE)
RECORD_HEAD_RE = re.compile(r"^[ \t]*(?:Recommendation|Rec\.?)\s*(?:#\s*|No\.\s*)?(?P<n>\d{1,2})\b", re.IGNORECASE | re.MULTILINE)
STATUS_LABEL_RE = re.compile(r"\bstatus\s*:", re.IGNORECASE)
AGENCY_SUBJECT_RE = re.compile(r"\b(?:ICE|we|the agency|ERO|HSI)\b")
NOT_CLAIM_RE = re.compile(r"^\W*(?:if|whether|should|unless|once)\b|\b(?:would|will)\s+(?:\w+\s+)?(?:concur|close|be\s+closed)"
                          r"|\b(?:is|are)\s+(?:considered|deemed|marked|called)\b[^.;]{0,40}\bwhen\b"
                          r"|\b(?:means|refers\s+to|is\s+defined\s+as)\b|\bnot\s+true\b|\bno\s+evidence\b|\bdefinitions?\b"
                          r"|^\W*(?:(?:un)?resolved|open|closed)(?:\s*(?:[–—-]|and)\s*(?:open|closed))?\s*[:=]", re.IGNORECASE)


class _ClaimReader:
    """Reads the status and response claims of one document, each for what it says.

    A claim attaches to one recommendation only when its passage identifies it: by number
    (kept as report and number), by the recommendation's own words in the same clause, by
    "the <words> recommendation" matching one reported action, or by a singular pointer
    ("this recommendation", "ICE concurred with it") to the one action just reported (the
    quote then runs from that action to the claim). Every other claim is kept with its scope
    (all, n_of_m, most, many, several, some, unspecified), on the reports it names or points
    to, or on none."""

    def __init__(self, doc: Document, evidence: str, asserted_by: str, actions: list[_Action], owner: dict,
                 paras: list[Span], para_reports: dict):
        self.doc, self.text, self.asserted_by = doc, doc.text, asserted_by
        self.actions, self.owner, self.paras, self.para_reports = actions, owner, paras, para_reports
        named = doc.named_reports or tuple((s, rid) for s, _, rid in find_report_ids(doc.text))
        self.positions = [s for s, _ in named]
        self.history = [rid for _, rid in named]  # filtered by position when used
        self.warnings: list[str] = []

    def _speaker(self, sent: Span, hit_start: int) -> str:
        if self.asserted_by != "agency":
            return self.asserted_by
        says = OIG_SAYS_RE.search(sent.text)
        first = hit_start - sent.start
        if says and says.end() <= first and not AGENCY_SUBJECT_RE.search(sent.text, says.end(), first):
            return "oig"  # the agency's page reports OIG's own determination
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
            prev = _previous_report(self.para_reports, self.paras, p_index + 1)[0]
            if prev:
                return prev
            if REPORT_POINTER_RE.search(clause.text) and earlier:
                return earlier[:1]
        if earlier and (scope == "one" or not GENERIC_RECS_RE.search(clause.text)):
            # "Recommendation 3 remains open", "two of the five remain open" speak of the report under
            # discussion: the one named last, in this paragraph or one of the three before it (not
            # "OIG's recommendations" in general)
            last_pos = max(p for p, rid in zip(self.positions, self.history, strict=True) if p < sent.start)
            if any(q.start <= last_pos < q.end for q in self.paras[max(0, p_index - 3):p_index + 1]):
                return earlier[:1]
        return []

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

    def _identified(self, clause: Span, sent: Span, p_index: int) -> tuple[list[_Action], int]:
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
            scored = sorted(((len(wanted & set(a.themes)) + len(_stems(words) & _stems(a.span.text)), i)
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

    def _record_head(self, p_index: int, pos: int) -> re.Match[str] | None:
        """The "Recommendation N" line that heads the record block holding a labelled line at pos."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        if not LABEL_LINE_RE.match(self.text, line_start):
            return None
        para = self.paras[p_index]
        heads = list(RECORD_HEAD_RE.finditer(self.text, para.start, line_start))
        return heads[-1] if heads else None

    def read(self, p_index: int, sent: Span, reports: list[str]) -> list[dict]:
        text, doc = self.text, self.doc
        if NOT_CLAIM_RE.search(sent.text):
            return []
        rows: list[dict] = []
        seen: set[tuple] = set()
        for hit in find_status(text, sent.start, sent.end):
            clause = clause_at(text, sent, hit.start)
            if (clause.start, hit.kind, hit.value) in seen:
                continue
            seen.add((clause.start, hit.kind, hit.value))
            sh = shape(text, clause, hit.start, hit.end)
            common = {"document_date": doc.published_on, "as_of": stated_date(text, clause, hit.start),
                      "hedge_span": hedge(text, clause)}
            by = self._speaker(sent, hit.start)
            lists = numbered(text, clause.start, clause.end)
            if lists and sh.at is not None and sh.scope != "one":
                # "concurred with 4 of 5 and partially concurred with recommendation 3": each status
                # wording takes the nearer of the count and the numbers
                gap = min(abs(a - hit.start) if a > hit.start else abs(hit.start - b) for a, b, _ in lists)
                if abs(sh.at - hit.start) < gap:
                    lists = []
            numbers = [n for _, _, ns in lists for n in ns]
            quote = sent
            record = self._record_head(p_index, hit.start) if not numbers else None
            row = None if numbers or record else TABLE_ROW_RE.match(text, text.rfind("\n", 0, hit.start) + 1)
            if row:  # a table row: its first cell is the number, the row is the quote
                line_end = text.find("\n", hit.end)
                numbers, quote = [int(row["n"])], span(text, row.start(), len(text) if line_end < 0 else line_end)
            if record:  # a labelled line of a record block: the block's recommendation, quoted from its head
                line_end = text.find("\n", hit.end, sent.end)
                numbers, quote = [int(record["n"])], span(text, record.start(), sent.end if line_end < 0 else line_end)
            if numbers:
                para = self.paras[p_index]
                targets = self._reports_for(span(text, para.start, quote.end) if record or row else clause, sent,
                                            reports, p_index, "one")
                rid = targets[0] if len(targets) == 1 else None
                rows += [claim_event(doc.doc_id, quote, hit.kind, hit.value, by, report_id=rid, rec_number=n, **common)
                         for n in numbers]
                continue
            if sh.scope in ("one", "all", "unspecified"):
                identified, quote_from = self._identified(clause, sent, p_index)
                if identified:
                    quote = span(text, quote_from, sent.end)
                    rows += [claim_event(doc.doc_id, quote, hit.kind, hit.value, by, rec_id=rec_id_for(doc.doc_id, a.span.start),
                                         report_id=a.report_id, **common) for a in identified]
                    continue
            targets = self._reports_for(clause, sent, reports, p_index, sh.scope)
            if targets and sh.scope == "unspecified" and DEFINITE_PLURAL_RE.search(clause.text):
                sh = Shape("all")  # "the report's recommendations", "its recommendations": every one of them
            subj = subject(text, clause)
            rows += [claim_event(doc.doc_id, sent, hit.kind, hit.value, by, report_id=rid, scope=sh,
                                 subject_span=subj, **common) for rid in (targets or [None])]
        return rows


ITEM_LABEL_RE = re.compile(r"^(?:\*\*)?[A-Z][\w/&’' -]{0,30}?(?:\*\*)?\s*(?:[–—:]|\s-\s)\s*")
ANAPHORA_RE = re.compile(r"\b(?:the|this|that|its)\s+(?:report|review|audit|alert|evaluation|update|follow-up)\b"
                         r"|^(?:[^,]{0,40},\s*)?it\s+(?:also\s+)?recommend", re.IGNORECASE)


def _previous_report(para_reports: dict, paras: list[Span], p_index: int) -> tuple[list[str], str | None]:
    """The report stated in the nearest earlier paragraph of the same section ("The report
    made 33 recommendations. … it recommended …"), when that paragraph names exactly one."""
    for j in range(p_index - 1, max(-1, p_index - 4), -1):
        if _is_heading(paras[j]):
            break
        if j in para_reports:
            reps, link = para_reports[j]
            return (reps, link) if len(reps) == 1 else ([], None)
    return [], None


def _is_heading(para: Span) -> bool:
    t = para.text.strip()
    return len(t) < 90 and not t.endswith((".", ":", "]", "”", '"')) and "\n" not in t


def _first_report_sentence(doc: Document, p_index: int) -> int:
    para = paragraphs(doc.text)[p_index]
    for sent in sentences(doc.text, para):
        if _sentence_reports(doc, sent)[0]:
            return sent.start
    return para.end
