"""Passage kind `statements`: recommendations as a document states or restates them, what a
fact-check page, a news explainer, an agency statement or an OIG page says OIG recommended,
with citation markers such as [3]. Who speaks (`evidence`) comes from the genre profile.

Rules for such passages, not for one page:
- a recommendation is an action that follows a reporting trigger ("recommended that",
  "advised ICE to", "called for"), split into one row per action;
- the same action repeated (summary, body, conclusion) is one row: the first statement,
  with the report link of any statement;
- a report is linked when an id is written next to the action (`stated`) or a dated
  description matches the catalogue (`inferred`).

`read` is the document's one reading pass for this kind; the `claims` passage
(flows/extract/status_claims.py) attaches its claims to the actions it found.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from flows.core.numbers import numbered
from flows.core.report_ids import find_report_ids
from flows.core.text import BULLET_RE, Span, norm_ws, span, strip_bullet
from flows.extract import emit, vocab
from flows.extract.actions import NUMBER_TAG, REPORTER, split_actions
from flows.extract.model import Document, Extraction
from flows.extract.report_links import infer_reports
from flows.extract.themes import themes_for

CITATION_RE = re.compile(r"\[(\d{1,3}|[a-z])\]|(?<=[\w.,;:)”’\"])([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def citations(text: str) -> list[str]:
    """Citation markers in order of first appearance: [3], [a] or superscript ³."""
    found = [(a or b).translate(_SUPERSCRIPT) for a, b in CITATION_RE.findall(text)]
    return list(dict.fromkeys(found))


AGENCY_RE = re.compile(r"\b(ICE|CBP|USCIS|FLETC|DHS|FEMA|TSA|CISA)\b")
STEM_STOP = frozenset("""the and for with that this those these from into ice dhs oig its their training
    ensure clear clearer more better all any each other program programs required detention staff officer
    officers facility facilities agency agencies partner partners local state states field deputies deputized
    designated""".split())


@functools.cache
def _triggers() -> re.Pattern[str]:
    # a space in a wording matches any run of white space: reported speech wraps across lines
    words = [p.replace(" ", r"\s+") for p in vocab.load("recommendation_triggers")]
    return re.compile(r"\b(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z0-9()]+", text.lower()) if len(w) > 2 and w not in STEM_STOP}


@dataclass
class Action:
    span: Span
    sentence: Span
    paragraph: int
    themes: list[str]
    citations: list[str]
    agency: str
    report_id: str | None = None
    report_link: str | None = None
    duplicates: list[Action] = field(default_factory=list)
    rec_number: int | None = None  # "Recommendation two asked USCIS to …": the number the text gives it

    def __post_init__(self) -> None:
        self.stems = stems(self.span.text)


NOT_OIG_RE = re.compile(r"\b(?:I|we|advocates?|critics|lawmakers|Congress|GAO|senators?|groups?|experts?|"
                        r"(?:executive )?order|the law|statute|bill|the White House|the President|"
                        r"the author|this (?:paper|brief|briefing))\b|\b(?:not|never|n’t|n't)\s+(?:\w+\s+)?$"
                        r"|^\W*(?:[A-Za-z]+\s*:\s*)?(?:no|neither|none of)\b"
                        r"|^\W*(?:myth|claim|rumou?r|false|misconception)\s*:",
                        re.IGNORECASE)


NOT_AGENCY_TARGET_RE = re.compile(r"\W*(?:on\s+|that\s+)?(?:Congress|lawmakers|legislators|the public|voters|states|"
                                  r"readers|sheriffs|local (?:officials|governments))\b", re.IGNORECASE)


NUMBERED_TRIGGER_RE = re.compile(r"recommendations?\s+(?:#\s*)?\d", re.IGNORECASE)
OIG_OWNED_RE = re.compile(r"\b(?:OIG|IG|inspector\s+general|watchdog|report|audit|review)[’']s\s+(?:\w+\s+)?$",
                          re.IGNORECASE)
_FIRST_PERSON_RE = re.compile(r"^\W*(?:I|we)\W*$", re.IGNORECASE)


def _reported_from_oig(text: str, sent: Span, trigger_at: int, trigger_end: int | None = None,
                       oig_speaks: bool = False) -> bool:
    """A trigger counts unless what precedes it names another speaker or negates it, or it is
    addressed to someone other than an agency ("calling on Congress to"). In OIG's own documents
    (`oig_speaks`) "we recommended" is OIG speaking."""
    if oig_speaks and re.match(r"\w+\s+(?:us|them)\s+to\b", text[trigger_at:trigger_at + 30], re.IGNORECASE):
        return False  # in OIG's voice "CBP asked us to review …" is a request to OIG, not a recommendation
    other = NOT_OIG_RE.search(text[sent.start:trigger_at])
    owned = OIG_OWNED_RE.search(text, max(sent.start, trigger_at - 50), trigger_at) \
        or NUMBERED_TRIGGER_RE.match(text, trigger_at)  # "the OIG's recommendation to", "Recommendation 4, which would"
    if other and not owned and not (oig_speaks and _FIRST_PERSON_RE.match(other.group(0))):
        return False
    if not oig_speaks and not re.match(r"[^.;:]{0,40}?recommend", text[trigger_at:trigger_at + 50], re.IGNORECASE) \
            and not OIG_SUBJECT_RE.search(text, max(sent.start, trigger_at - 80), min(sent.end, trigger_at + 20)):
        return False  # "urges", "calls for", "asked … to" are anyone's words: OIG (or "it") must be the one speaking
    words = text[trigger_at:trigger_end + 40 if trigger_end else trigger_at + 60]
    return not NOT_AGENCY_TARGET_RE.match(re.sub(r"^\S+(?:\s+on)?", "", words, count=1))


PURPOSE_RE = re.compile(r"recommendations\s+to\s+(?:help\s+\w+\s+)?(?:improve|strengthen|enhance|address|better|help)\b",
                        re.IGNORECASE)
RECOMMEND_RE = re.compile(r"\brecommend", re.IGNORECASE)
# a third party's "should" sentence attributed to OIG: "The agency should also reassess …, according to the report"
ATTRIBUTION_RE = re.compile(r"\baccording\s+to\s+(?:the|its|OIG|DHS)\b[^.;]{0,30}?\b(?:report|OIG|inspector\s+general|"
                            r"watchdog|audit|review)\b"
                            r"|,\s+(?:the\s+|its\s+)?(?:report|OIG|IG|inspector\s+general|watchdog|auditors|review|audit)\s+"
                            r"(?:says|said|states|stated|wrote|writes|notes|noted|adds|added)\s*[,.]", re.IGNORECASE)
ATTRIBUTION_LEAD_RE = re.compile(r"\W*(?:according\s+to|in\s+the\s+(?:view|words)\s+of)\s+(?:the\s+)?(?:DHS\s+)?"
                                 r"(?:OIG|IG|inspector\s+general|watchdog|report|audit|review)(?:[’']s\s+\w+)?\s*,\s*",
                                 re.IGNORECASE)
# an OIG sentence whose subject is the one to act: "USCIS should confirm …", "The Director must"
SHOULD_LEAD_RE = re.compile(r"\W*(?:the\s+)?(?:(?:(?-i:[A-Z])[\w.’'&-]*\s+){1,5}|(?:agency|department|component|service|"
                            r"bureau|directorate|office)\s+)(?:should|must|needs?\s+to)\s+"
                            r"(?!have\b|not\b|be\s+able\b|also\s+have\b)(?:also\s+)?", re.IGNORECASE)
REPORT_RECS_RE = re.compile(r"\b(?:report|OIG|IG|inspector\s+general|watchdog|auditors|audit|review|it)\s+(?:makes|made|includes|included|"
                            r"contains|offers|offered|issued|numbered|numbers|lists|listed|directed|directs|outlined|"
                            r"outlines|gave|gives|(?:laid|lays|set|sets)\s+out)\s+(?:\w+\s+){0,3}recommendations\b",
                            re.IGNORECASE)
NUMBER_HEADING_RE = re.compile(r"\W*Recommendation\s+(?:#\s*|No\.\s*)?(\d{1,2})\b[^\n]{0,40}", re.IGNORECASE)
TRAILING_NUMBER_RE = re.compile(rf"\s*{NUMBER_TAG}\W*$", re.IGNORECASE)
OIG_SUBJECT_RE = re.compile(r"\b(?:OIG|IG|inspector general|watchdog|the office|report|review|audit|alert|evaluation|"
                            r"it|they|auditors|investigators|recommendations?|"
                            r"the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final))\b",
                            re.IGNORECASE)  # "The fourth asks the Secret Service to …": the fourth recommendation
LEAD_TAIL_RE = re.compile(r"\s*(?:that\s+)?(?:the\s+)?(?:(?-i:[A-Z])[\w.’'&-]*(?:\s+(?-i:[A-Z])[\w.’'&-]*){0,4})?\s*"
                          r"(?:to|should|must)?\s*[:,—–-]?\s*", re.IGNORECASE)
LIST_LEAD_RE = re.compile(r"\brecommend\w*\b|\b(?:should|must|proposed|suggested|called for|urged)\s*:\s*$"
                          r"|\b(?:fixes|steps|changes|measures|actions)\b[^:]{0,40}:\s*$", re.IGNORECASE)


_SUBJECT_RE = re.compile(r"\W*(?:OIG[’']s\s+|The\s+|Its\s+)?(?:recommendations?|recs?\.?)\s+(?:#\s*)?\w+", re.IGNORECASE)


def _subject_numbers(text: str, sent: Span, trigger_at: int) -> list[int]:
    """The numbers of the recommendations a sentence is about when they are its subject
    ("Recommendation two asked USCIS to …", "Recommendations 3 and 4 called for …")."""
    if not _SUBJECT_RE.match(text, sent.start, trigger_at):
        return []
    lists = numbered(text, sent.start, trigger_at)
    return lists[0][2] if len(lists) == 1 else []


# who calls for things that are recommendations: OIG, its report, its recommendations
NOMINAL_SUBJECT_RE = re.compile(r"\b(?:OIG|IG|inspector\s+general|watchdog|report|review|audit|alert|recommendations?|"
                                r"it|they|we)\s+(?:also\s+)?$", re.IGNORECASE)


# not a thing called for: a status or response, "the changes", a phrase opening with a preposition
NOT_NOMINAL_RE = re.compile(r"\b(?:concur\w*|resolved|unresolved|closed|open)\b"
                            r"|^(?:(?:the|its|their|a|an)?\s*(?:recommendations?|changes|improvements|action)\b"
                            r"|(?:by|in|to|from|with|of|on|it|them)\b)", re.IGNORECASE)


def _nominal_items(text: str, region: Span) -> list[Span]:
    """What "called for" names when it names things, not acts: "annual performance reports tied to
    milestones and for at least one site visit to each center"; each item of three words or more."""
    cut = re.search(r"[;—]|,\s+(?:but|which|because|although|and\s+(?:the|it|this|that|its|we)\b)\b|\.\s",
                    text[region.start:region.end])
    end = region.start + cut.start() if cut else region.end
    while end > region.start and text[end - 1] in " .,:":
        end -= 1
    items, at = [], region.start
    for m in [*re.finditer(r",?\s+and\s+for\s+", text[region.start:end]), None]:
        stop = region.start + m.start() if m else end
        sp = span(text, at, stop)
        if len(sp.text.split()) >= 3 and not NOT_NOMINAL_RE.search(sp.text):
            items.append(sp)
        at = region.start + m.end() if m else end
    return items


def _same_action(a: Action, b: Action, weight: dict[str, float]) -> bool:
    """Two statements of one action (a summary and the body restating it). Items of one sentence
    or one list are distinct actions by construction, however many words they share. The words
    they share count by how rare they are among the document's actions: a topic's words recur in
    its distinct actions ("contract inspectors" in each of FEMA's five), an action's own words
    recur only where it is restated ("performance goals" / "performance metrics"): half of all
    their words, or of their rare words' weight, in common."""
    if a.rec_number and b.rec_number and a.rec_number != b.rec_number:
        return False  # two numbers: two recommendations
    if a.sentence == b.sentence or not set(a.themes) & set(b.themes):
        return False
    shared = a.stems & b.stems
    if len(shared) < 2:
        return False
    if len(shared) >= 0.5 * min(len(a.stems), len(b.stems)):
        return True  # half their words in common
    mass = lambda stems: sum(weight.get(w, 1.0) for w in stems)  # noqa: E731
    return mass(shared) >= 0.45 * min(mass(a.stems), mass(b.stems))  # or the words that are theirs alone


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


@dataclass
class Statements:
    """What the reading pass found: every action stated (repeats included), the canonical
    action each repeat belongs to, the reports each read sentence is about, and the first
    report each paragraph names."""

    actions: list[Action]
    canon: list[Action]
    owner: dict[int, Action]  # id(action) -> its canonical action
    sentences: list[tuple[int, Span, list[str], str | None]]  # paragraph, sentence, reports, link
    para_reports: dict[int, tuple[list[str], str | None]]
    warnings: list[str]


def read(doc: Document, oig_speaks: bool) -> Statements:
    """The actions doc states, read once per document and shared by the `statements` and
    `claims` passages. In OIG's own pages (`oig_speaks`) "we recommended" is OIG."""
    return doc.memo(("statements", oig_speaks), lambda: _read(doc, oig_speaks))


def extract(doc: Document, evidence: str, oig_speaks: bool) -> Extraction:
    """One recommendations row per distinct action the document states."""
    st = read(doc, oig_speaks)
    out = Extraction(warnings=list(st.warnings))
    for a in st.canon:
        out.recommendations.append(emit.recommendation(
            doc.doc_id, a.span, report_id=a.report_id, rec_number=a.rec_number, restated=True,
            report_link=a.report_link, text=norm_ws(a.span.text), addressee=None, agency=a.agency, themes=a.themes,
            evidence=evidence, citations=a.citations))
    return out


def _read(doc: Document, oig_speaks: bool) -> Statements:
    text = doc.text
    warnings: list[str] = []
    default_agency = _default_agency(doc)
    actions: list[Action] = []
    read_sentences: list[tuple[int, Span, list[str], str | None]] = []
    para_reports: dict[int, tuple[list[str], str | None]] = {}

    list_lead: tuple[Span, list[str], str, list[str], str | None] | None = None  # "recommended that ICE:"
    paras = doc.seg.paragraphs
    list_marker: str | None = None  # the kind of marker the list's items carry: a list ends where it changes
    for p_index, para in enumerate(paras):
        bullet = BULLET_RE.match(text[para.start:para.end])
        is_item = bool(bullet)
        marker = _marker_kind(bullet.group(0)) if bullet else None
        if list_lead and is_item and list_marker not in (None, marker):
            list_lead = None
        if list_lead and is_item:
            list_marker = list_marker or marker
            lead_sent, cites, agency, reports, link = list_lead
            item = strip_bullet(text, para)
            label = ITEM_LABEL_RE.match(item.text)  # "Staffing – assess how many …"
            if label:
                item = span(text, item.start + label.end(), item.end)
            item_cites = citations(item.text) or cites
            found = split_actions(text, item, item=True)
            for action in found:
                actions.append(Action(action, lead_sent, p_index, themes_for(action.text), item_cites, agency,
                                       reports[0] if len(reports) == 1 else None,
                                       link if len(reports) == 1 else None))
            if found:
                continue
            # an item that reports on its own ("The auditors called on CBP to …") or tells a story
            # ("ICE's training model. OIG-18-42 … recommended that ICE …") is read sentence by
            # sentence, as any paragraph, and the list goes on
            resume = (list_lead, list_marker)
        else:
            resume = None
        list_lead, list_marker = None, None
        heading = is_heading(para) and not is_item
        trigger_in_heading = _triggers().search(text, para.start, para.end) if heading else None
        if trigger_in_heading and _reported_from_oig(text, para, trigger_in_heading.start(), oig_speaks=oig_speaks):
            list_lead = (para, [], default_agency, *(_sentence_reports(doc, para)))  # "What they recommended"
            continue
        for sent in doc.seg.para_sentences[p_index]:
            if sent.text.rstrip().endswith("?"):
                continue
            reports, link = _sentence_reports(doc, sent)
            if reports and p_index not in para_reports:
                para_reports[p_index] = (reports, link)
            if not reports and ANAPHORA_RE.search(sent.text):
                reports, link = previous_report(para_reports, paras, p_index)
            # the first reporting verb followed by actions ("What We Recommend\nWe made three
            # recommendations to ICE to ..." holds two verbs, only the second is followed by actions)
            trigger, items = None, []
            for t in _triggers().finditer(text, sent.start, sent.end):
                if items and t.start() < items[-1].end:
                    continue
                if _reported_from_oig(text, sent, t.start(), oig_speaks=oig_speaks):
                    trigger = trigger or t
                    found = split_actions(text, span(text, t.end(), sent.end))
                    if not found and re.search(r"\bcall(?:ed|s|ing)?\s+for$", t.group(0), re.IGNORECASE) \
                            and (NOMINAL_SUBJECT_RE.search(text, max(sent.start, t.start() - 40), t.start())
                                 or RECOMMEND_RE.match(t.group(0))):  # "Recommendation 4 called for …"
                        found = _nominal_items(text, span(text, t.end(), sent.end))  # "called for annual reports …"
                    if found and PURPOSE_RE.match(t.group(0) + " " + found[0].text):
                        found = []  # "we made five recommendations to improve X": what they are for, not an action
                    if found and not items:
                        trigger = t
                    items += found
                    if found and not NEXT_REPORTED_RE.match(text, found[-1].end, sent.end):
                        break  # a sentence may report a second time: "…, and it called on the agency to …"
            if not trigger and ((oig_speaks and RECOMMEND_RE.search(text, para.start, sent.start))
                                or (not oig_speaks and ATTRIBUTION_RE.search(text, sent.start, sent.end))):
                # "What We Recommend: We made six recommendations. USCIS should confirm …, give …",
                # "According to the OIG, USCIS should apply …"
                lead = ATTRIBUTION_LEAD_RE.match(text, sent.start, sent.end)
                should = SHOULD_LEAD_RE.match(text, lead.end() if lead else sent.start, sent.end)
                items = split_actions(text, span(text, should.end(), sent.end)) if should else []
                trigger = should if items else None
            if trigger:
                cites = citations(sent.text)
                # the agency that must act is named right after the reporting verb ("recommended that
                # ICE"), or is the subject of "should"
                agency_m = AGENCY_RE.search(text, trigger.end(), min(sent.end, trigger.end() + 40)) \
                    or AGENCY_RE.search(text, trigger.start(), trigger.end())
                agency = agency_m.group(1) if agency_m and agency_m.group(1) != "FLETC" else default_agency
                # the numbers of the sentence's subject, inside the wording ("Recommendation 4 called for") or before it
                numbers = _subject_numbers(text, sent, trigger.end() if RECOMMEND_RE.match(trigger.group(0))
                                           else trigger.start())
                if NUMBERED_TRIGGER_RE.match(trigger.group(0)) and not numbers:  # "…, Recommendation 4, which would"
                    numbers = [n for _, _, ns in numbered(text, trigger.start(), trigger.end()) for n in ns]
                for k, item in enumerate(items):
                    own = TRAILING_NUMBER_RE.search(item.text)  # "… in a single system (Recommendation 1)"
                    if own:
                        item = span(text, item.start, item.start + own.start())
                    actions.append(Action(item, sent, p_index, themes_for(item.text), cites, agency,
                                           reports[0] if len(reports) == 1 else None,
                                           link if len(reports) == 1 else None,
                                           rec_number=int(own[1]) if own else numbers[0] if len(numbers) == 1 else
                                           numbers[k] if len(numbers) == len(items) else None))
                if not items and (sent.text.rstrip().endswith(":") or LEAD_TAIL_RE.fullmatch(text, trigger.end(), sent.end)):
                    list_lead = (sent, cites, agency, reports, link)  # "…, including that ICE" then a list
                elif not items:  # remainder audit: a reporting verb that yielded no action
                    warnings.append(f"{doc.doc_id}@{trigger.start()}: '{trigger.group(0)}' is followed by "
                                    "no recommended action; not recorded")
            elif sent.text.rstrip().endswith(":") and (
                    (LIST_LEAD_RE.search(sent.text) and _reported_from_oig(text, sent, sent.end, oig_speaks=oig_speaks))
                    or REPORT_RECS_RE.search(text, para.start, sent.start)):
                # "… The report makes three recommendations. We quote them exactly:" too
                # "The report's five recommendations boil down to:", "the OIG says USCIS should:"
                list_lead = (sent, citations(sent.text), default_agency, reports, link)
            read_sentences.append((p_index, sent, reports, link))
        if resume and list_lead is None:
            list_lead, list_marker = resume

    # an action under a heading that numbers it ("Recommendation 2 — Training", then "What the OIG
    # asked for: that CBP develop …") carries that number
    for a in actions:
        if a.rec_number is None and a.paragraph > 0:
            head = NUMBER_HEADING_RE.fullmatch(paras[a.paragraph - 1].text)
            if head:
                a.rec_number = int(head[1])
    # a report described earlier in the paragraph links the actions that follow it
    for a in actions:
        if a.report_id is None and a.paragraph in para_reports:
            reps, link = para_reports[a.paragraph]
            if len(reps) == 1 and para_reports[a.paragraph] and a.sentence.start >= _first_report_sentence(
                    doc, a.paragraph):
                a.report_id, a.report_link = reps[0], link

    # a word's weight: one over the number of the document's statements that use it
    seen_in = Counter(w for a in actions for w in a.stems)
    weight = {w: 1.0 / n for w, n in seen_in.items()}
    canon: list[Action] = []
    owner: dict[int, Action] = {}
    for a in actions:
        # a statement restates an action when it matches any statement of it (the summary's wording
        # may be closer to the body's restatement than to the first one)
        match = next((c for c in canon if any(_same_action(x, a, weight) for x in (c, *c.duplicates))), None)
        if match is None:
            canon.append(a)
            owner[id(a)] = a
            continue
        if len(a.span.text.split()) >= len(match.span.text.split()) + 4 and a.rec_number in (None, match.rec_number):
            # the fuller statement stands for the action (a list item after a one-line summary)
            canon[canon.index(match)] = a
            a.duplicates, match.duplicates = [*match.duplicates, match], []
            a.report_id, a.report_link = a.report_id or match.report_id, a.report_link or match.report_link
            a.rec_number = a.rec_number or match.rec_number
            a.citations = a.citations or match.citations
            for d in [a, *a.duplicates]:
                owner[id(d)] = a
            continue
        match.duplicates.append(a)
        owner[id(a)] = match
        if match.report_id is None and a.report_id:
            match.report_id, match.report_link = a.report_id, a.report_link
    return Statements(actions, canon, owner, read_sentences, para_reports, warnings)


def _marker_kind(marker: str) -> str:
    """"1.", "2)" and "(3)" are one kind of marker, as are "(a)" and "(b)"; a bullet is its glyph."""
    m = marker.strip()
    if re.search(r"\d", m):
        return "number"
    return "letter" if m.startswith("(") else m


NEXT_REPORTED_RE = re.compile(rf"[\s,]*and\s+{REPORTER}\s+(?:also\s+)?\w+", re.IGNORECASE)


ITEM_LABEL_RE = re.compile(r"^(?:\*\*)?[A-Z][\w/&’' -]{0,30}?(?:\*\*)?\s*(?:[–—:]|\s-\s)\s*")
ANAPHORA_RE = re.compile(r"\b(?:the|this|that|its)\s+(?:report|review|audit|alert|evaluation|update|follow-up)\b"
                         r"|^(?:[^,]{0,40},\s*)?it\s+(?:also\s+)?recommend", re.IGNORECASE)


def previous_report(para_reports: dict, paras: list[Span], p_index: int) -> tuple[list[str], str | None]:
    """The report stated in the nearest earlier paragraph of the same section ("The report
    made 33 recommendations. … it recommended …"), when that paragraph names exactly one."""
    for j in range(p_index - 1, max(-1, p_index - 4), -1):
        if j in para_reports:  # (a section's heading may itself name the report: "OIG-21-07 -- Coast Guard …")
            reps, link = para_reports[j]
            return (reps, link) if len(reps) == 1 else ([], None)
        if is_heading(paras[j]):
            break
    return [], None


def is_heading(para: Span) -> bool:
    t = para.text.strip()
    return len(t) < 90 and not t.endswith((".", ":", "]", "”", '"')) and "\n" not in t


def _first_report_sentence(doc: Document, p_index: int) -> int:
    para = doc.seg.paragraphs[p_index]
    for sent in doc.seg.para_sentences[p_index]:
        if _sentence_reports(doc, sent)[0]:
            return sent.start
    return para.end
