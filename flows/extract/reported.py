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

from flows.extract import vocab
from flows.extract.actions import split_actions
from flows.extract.model import Document, Extraction, rec_id_for
from flows.extract.report_ids import find_report_ids
from flows.extract.report_links import infer_reports
from flows.extract.status_phrases import find_status
from flows.extract.text import BULLET_RE, Span, norm_ws, paragraphs, sentences, span, strip_bullet
from flows.extract.themes import themes_for

CITATION_RE = re.compile(r"\[(\d{1,3}|[a-z])\]|(?<=[\w.,;:)”’\"])([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def citations(text: str) -> list[str]:
    """Citation markers in order of first appearance: [3], [a] or superscript ³."""
    found = [(a or b).translate(_SUPERSCRIPT) for a, b in CITATION_RE.findall(text)]
    return list(dict.fromkeys(found))
REC_CONTEXT_RE = re.compile(r"\b(?:recommend\w*|recs?|items?|actions?|findings?)\b", re.IGNORECASE)
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


def _reported_from_oig(text: str, sent: Span, trigger_at: int, trigger_end: int | None = None) -> bool:
    """A trigger counts unless what precedes it names another speaker or negates it, or it is
    addressed to someone other than an agency ("calling on Congress to")."""
    if NOT_OIG_RE.search(text[sent.start:trigger_at]):
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
        if trigger_in_heading and _reported_from_oig(text, para, trigger_in_heading.start()):
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
            if trigger and _reported_from_oig(text, sent, trigger.start()):
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
            if find_status(text, sent.start, sent.end) and REC_CONTEXT_RE.search(sent.text):
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

    by_start = {a.span.start: a for a in canon}
    for p_index, sent, reports, _link in claims:
        targets = _claim_targets(doc, sent, p_index, actions, owner, reports)
        if not targets and not reports and WHOLE_SET_RE.search(sent.text):
            reports = _previous_report(para_reports, paras, p_index + 1)[0]  # "ICE concurred with all five"
        hits = {(h.kind, h.value) for h in find_status(text, sent.start, sent.end)}
        for kind, value in sorted(hits):
            if targets:
                for start in targets:
                    rec = by_start[start]
                    out.status_events.append(_event(doc, sent, kind, value, rec_id_for(doc.doc_id, start),
                                                    rec.report_id, asserted_by))
            elif reports:
                for rid in reports:
                    out.status_events.append(_event(doc, sent, kind, value, None, rid, asserted_by))
            else:
                out.warnings.append(f"{doc.doc_id}@{sent.start}: {kind} '{value}' claim names no "
                                    "recommendation or report; not recorded")
    return out


NAMED_REC_RE = re.compile(r"\bthe\s+(?P<words>(?:[\w()’'-]+\s+){1,4}?)(?:recommendations?|recs?)\b", re.IGNORECASE)
POINTER_RE = re.compile(r"\b(?P<det>this|that|both|these|those|the|its|all)\s+(?:(?:two|three|four|five|six)\s+)?"
                        r"recommendations?\b", re.IGNORECASE)


def _claim_targets(doc: Document, sent: Span, p_index: int, actions: list[_Action], owner: dict,
                   reports: list[str]) -> list[int]:
    """Which recommendations a status claim is about (starts of canonical actions), by rule:
    actions in the claim sentence; "the <words> recommendation" matched by theme, words or
    report title; actions in the same paragraph; "this/both/those recommendations" pointing
    back to the latest paragraph with actions; else none (the caller tries the reports)."""
    def canon_starts(items: list[_Action]) -> list[int]:
        return sorted({owner[id(a)].span.start for a in items})

    in_sentence = [a for a in actions if a.sentence.start == sent.start]
    if in_sentence:
        return canon_starts(in_sentence)
    named = NAMED_REC_RE.search(sent.text)
    if named:
        words = named["words"].strip()
        wanted = set(themes_for(words)) - {"other"}
        titles = {e.report_id: (e.title or "") for e in doc.catalogue}
        before = [a for a in actions if a.span.start < sent.start] or actions
        match = [a for a in before if (wanted and wanted & set(a.themes))
                 or _stems(words) & (_stems(a.span.text) | _stems(titles.get(a.report_id or "", "")))]
        if match:
            if reports:
                match = [a for a in match if a.report_id in reports] or match
            return canon_starts(match[-1:] if not re.search(r"recommendations\b", named.group(0)) else match)
    in_para = [a for a in actions if a.paragraph == p_index]
    if in_para:
        return canon_starts(in_para)
    pointer = POINTER_RE.search(sent.text)
    if pointer and not reports:
        earlier = [a for a in actions if a.paragraph < p_index and p_index - a.paragraph <= 3]
        if earlier:
            last_para = earlier[-1].paragraph
            group = [a for a in earlier if a.paragraph == last_para]
            det = pointer["det"].lower()
            if det in ("this", "that", "its"):
                group = group[-1:]
            elif det == "both":
                group = group[-2:]
            return canon_starts(group)
    return []


ITEM_LABEL_RE = re.compile(r"^(?:\*\*)?[A-Z][\w/&’' -]{0,30}?(?:\*\*)?\s*(?:[–—:]|\s-\s)\s*")
WHOLE_SET_RE = re.compile(r"\b(?:all|both|each|every|the|its|those|these)\s+(?:(?:\w+\s+){0,2})?(?:recommendations|recs)\b"
                          r"|\bwith\s+(?:both|all|each|them)\b", re.IGNORECASE)
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


def _event(doc: Document, sent: Span, kind: str, value: str, rec_id: str | None, report_id: str | None,
           asserted_by: str) -> dict:
    return {
        "event_id": None,
        "rec_id": rec_id, "report_id": report_id, "kind": kind, "value": value,
        "asserted_by": asserted_by, "as_of": doc.published_on, "doc_id": doc.doc_id, **sent.provenance(),
    }
