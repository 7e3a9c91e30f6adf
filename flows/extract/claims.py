"""What a status or response claim says, and no more: its scope, hedge, subject and date.

"ICE has concurred with many OIG recommendations but several remained open or only partly
implemented, particularly those addressing monitoring systems" makes two claims: a response
about *many* recommendations and a status about *several*, the second hedged and about a
kind of recommendation. Neither is a claim about any one recommendation. These functions
read one claim (a status hit inside a sentence) and say:
- `scope`: one | all | n_of_m | most | many | several | some | unspecified, with the count
  and total the text gives;
- `hedge`: the qualifying words attached to it, as a span of the text;
- `subject`: the kind of recommendation it names ("those addressing monitoring systems");
- `as_of`: the date the text gives for the claim ("as of March 2024", "in its September
  2012 follow-up"), else None (the caller falls back to the document's date).
Every value is read from the clause that holds the claim; clauses are cut at contrasts
(";", "but", "however", "although", "while", "whereas").

`numbered` (flows/core/numbers.py) finds recommendation numbers as documents write them: a
claim that names numbers is about those recommendations only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from flows.core.dates import find_dates
from flows.core.numbers import NUMBER_RE, parse_number
from flows.core.text import Span, span

# --- clauses ------------------------------------------------------------------------------

CONTRAST_RE = re.compile(r";|—|\s–\s|\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\bwhereas\b|\bwhile\b|\byet\b"
                         r"|\bexcept\b", re.IGNORECASE)


def clauses(text: str, sent: Span) -> list[Span]:
    """A sentence cut at contrasts; each clause carries its own claims."""
    out, cut = [], sent.start
    for m in CONTRAST_RE.finditer(text, sent.start, sent.end):
        out.append(span(text, cut, m.start()))
        cut = m.start()
    out.append(span(text, cut, sent.end))
    return [c for c in out if c.text] or [sent]


def clause_at(text: str, sent: Span, pos: int) -> Span:
    for c in clauses(text, sent):
        if c.start <= pos < c.end:
            return c
    return sent


# --- scope --------------------------------------------------------------------------------

_DET = r"(?:of\s+)?(?:the\s+|its\s+|their\s+|OIG[’']s\s+|these\s+|those\s+|our\s+)?"
_RECS = r"(?:\w+[\s-]+){0,3}?(?:recommendations|recs|items|ones|findings)\b"
QUANTIFIERS: list[tuple[str, re.Pattern[str]]] = [
    ("percent", re.compile(r"\b(?P<c>\d{1,3}(?:\.\d+)?)\s*(?:percent|%)", re.IGNORECASE)),
    ("n_of_m", re.compile(rf"\b(?P<c>{NUMBER_RE})\s+(?:out\s+)?of\s+{_DET}(?P<t>{NUMBER_RE})\b(?!\s*(?:percent|%))",
                          re.IGNORECASE)),
    ("one", re.compile(r"\b(?:the|its|their|that\s+report[’']s)\s+(?:one|only|single|sole)\s+recommendation\b",
                       re.IGNORECASE)),
    ("all", re.compile(rf"\b(?:all|each|every\s+one)\s+{_DET}(?P<t>{NUMBER_RE})\b(?!\s*(?:percent|%))",
                       re.IGNORECASE)),
    ("all", re.compile(r"\bboth\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?P<two>recommendations|recs)\b|\bboth\b",
                       re.IGNORECASE)),
    ("most", re.compile(r"\b(?:most|the\s+(?:vast\s+)?majority|nearly\s+all|almost\s+all|virtually\s+all|the\s+bulk)\b",
                        re.IGNORECASE)),
    ("all", re.compile(r"\b(?:all|every|each)\b|\bclos(?:ed|ing)\s+out\s+(?:the|that|this|its)\s+(?:report|audit|review)",
                       re.IGNORECASE)),
    ("many", re.compile(r"\b(?:many|numerous|a\s+(?:large|great|significant|substantial)\s+number\s+of|dozens)\b",
                        re.IGNORECASE)),
    ("several", re.compile(r"\bseveral\b", re.IGNORECASE)),
    ("some", re.compile(r"\b(?:some|a\s+few|certain|a\s+(?:small\s+)?(?:number|handful)\s+of|not\s+all|others|"
                        r"the\s+rest|(?:one|two|three)\s+or\s+(?:two|three|more))\b", re.IGNORECASE)),
    ("n_of_m", re.compile(rf"\b(?P<c>{NUMBER_RE})\s+(?:{_DET})?{_RECS}", re.IGNORECASE)),
    ("n_of_m", re.compile(rf"\b(?:closed|implemented|concurred\s+with|agreed\s+with|resolved)\s+(?P<c>{NUMBER_RE})\b"
                          rf"(?!\s*(?:percent|%|[-/]\d))", re.IGNORECASE)),
    # a count as the subject of a status verb: "one remains open", "two are still open"
    ("n_of_m", re.compile(rf"(?:^|(?<=[;,:]\s)|(?<=\band\s)|(?<=\bbut\s))(?P<c>{NUMBER_RE})\s+(?:remains?|is|are|was|were|stays?)\b",
                          re.IGNORECASE)),
]


@dataclass(frozen=True)
class Shape:
    """What a claim says about how many recommendations it covers."""

    scope: str
    count: int | None = None
    total: int | None = None
    at: int | None = None  # where the quantifier is (None: no quantifier found)


def _int(s: str | None) -> int | None:
    n = parse_number(s) if s else None
    return int(n) if n is not None and n == int(n) else None


_REC_NOUN_RE = re.compile(r"^\s*(?:(?:of\s+)?(?:the|its|their|these|those|our|OIG[’']s|ICE[’']s|DHS[’']s)\s+)?"
                          r"(?:[\w()-]+\s+){0,3}?(?:recommendations?|recs?|items|ones|findings|actions)\b", re.IGNORECASE)
_NO_NOUN_RE = re.compile(r"^\s*(?:of\b|remain|were|are|have|has|had|was|is|still|stay|now|to\b|[,.;:)\]”\"—–]|$)",
                         re.IGNORECASE)


def _quantifies_recommendations(text: str, m: re.Match[str], clause: Span) -> bool:
    """A vague quantifier counts only when it is about recommendations ("many of OIG's
    recommendations", "several remain open"), not about something else ("many replies")."""
    after = text[m.end():clause.end]
    return bool(_REC_NOUN_RE.match(after) or _NO_NOUN_RE.match(after))


def shape(text: str, clause: Span, hit_start: int, hit_end: int) -> Shape:
    """The quantifier of the claim: the one nearest to the status wording in its clause (of
    overlapping readings of one stretch, the most specific)."""
    cands: list[tuple[int, int, int, Shape]] = []  # start, end, order, shape
    for order, (scope, rx) in enumerate(QUANTIFIERS):
        for m in rx.finditer(text, clause.start, clause.end):
            groups = m.groupdict()
            if scope in ("most", "many", "several", "some", "all") and not groups.get("t") and \
                    not groups.get("two") and not _quantifies_recommendations(text, m, clause):
                continue
            if scope == "percent":
                found = Shape("most" if float(groups["c"]) > 50 else "some", None, None, m.start())
            elif scope == "n_of_m":
                c, t = _int(groups.get("c")), _int(groups.get("t"))
                if c is None or (t is not None and c > t):
                    continue
                definite = re.search(r"\b(?:the|its|their|these|those)\s+$", text[max(clause.start, m.start() - 8):m.start()],
                                     re.IGNORECASE)
                found = Shape("all", None, c, m.start()) if definite and t is None else Shape("n_of_m", c, t, m.start())
            elif scope == "all":
                total = _int(groups.get("t")) or (2 if groups.get("two") else None)
                found = Shape("all", None, total, m.start())
            else:
                found = Shape(scope, None, None, m.start())
            cands.append((m.start(), m.end(), order, found))
    kept = [c for c in cands if not any(o[2] < c[2] and o[0] < c[1] and c[0] < o[1] for o in cands)]
    if not kept:
        return Shape("unspecified")

    def dist(c: tuple[int, int, int, Shape]) -> tuple[int, int]:
        overlap = c[0] < hit_end and hit_start < c[1]
        return (0 if overlap else min(abs(c[0] - hit_end), abs(hit_start - c[1])), c[2])

    return min(kept, key=dist)[3]


# --- hedge and subject --------------------------------------------------------------------

HEDGE_RE = re.compile(
    r"\bor\s+(?:only\s+|merely\s+)?(?:partly|partially|partial|not\s+fully|in\s+part)\s*(?:implemented|addressed|"
    r"completed|closed)?"
    r"|\b(?:only\s+)?(?:partly|partially)\s+(?:implemented|addressed|completed|closed|resolved)"
    r"|\b(?:at\s+least\s+)?in\s+part\b|\breportedly\b|\bapparently\b|\ballegedly\b|\bostensibly\b"
    r"|\b(?:appears?|appeared|seems?|seemed)\s+to\b|\bit\s+(?:appears|seems)\b"
    r"|\baccording\s+to\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.’'-]*){0,4}"
    r"|\bpending\s+(?:[\w-]+\s+){0,2}?[\w-]+(?=\W|$)"
    r"|\bnot\s+(?:yet\s+)?fully\b|\b(?:largely|mostly|substantially)\b(?=\s+(?:implemented|closed|addressed|complete))"
    r"|\b(?:may|might|could)\s+(?:have\s+)?(?:been\s+)?\w+"
    r"|\bat\s+least\s+on\s+paper\b|\bon\s+paper\b|\bclaims?\s+to\s+have\b"
    r"|\b(?:particularly|especially|notably|chiefly|mainly|primarily|largely)\s+(?:those|the\s+ones|where|when|in|for|"
    r"on|the|with|regarding|concerning)\b[^.;\[\]()]*",
    re.IGNORECASE)
NOT_HEDGE_RE = re.compile(r"partially\s+concurr?", re.IGNORECASE)

SUBJECT_RE = re.compile(
    r"\b(?:those|the\s+ones|(?:the\s+)?(?:\w+\s+)?(?:recommendations|recs))\s+(?:that\s+(?:address|deal|relate|concern|"
    r"involve|cover|target|focus|call|ask|aim|seek)\w*(?:\s+(?:with|to|on|for))?|which\s+\w+|addressing|about|on|related\s+to|"
    r"relating\s+to|dealing\s+with|concerning|regarding|involving|covering|targeting|focused\s+on|tied\s+to|"
    r"aimed\s+at|calling\s+for|on\s+the\s+subject\s+of)\s+[^.;,\[\]()—–]{3,120}"
    r"|\bthe\s+(?:[\w’'-]+\s+){0,1}[\w’'-]+(?:-related|\s+related)\s+(?:recommendations|recs|ones)\b"
    r"|\b(?:the|its)\s+(?!(?:OIG|remaining|other|open|closed|outstanding|two|three|four|five|six|seven|eight|nine|"
    r"ten|many|several|some|most|all|both|prior|previous|earlier|same|report|audit)\b)"
    r"(?:[\w-]+\s+){0,2}?(?:training|staffing|IT|oversight|detention|medical|use-of-force|inspection|"
    r"monitoring|hiring|data|contract\w*|segregation|complaint|language|privacy|civil\s+rights)"
    r"(?:[\s-]\w+)?\s+(?:recommendations|recs)\b",
    re.IGNORECASE)

def _hedges(text: str, clause: Span) -> list[tuple[int, int]]:
    out = []
    for m in HEDGE_RE.finditer(text, clause.start, clause.end):
        if NOT_HEDGE_RE.match(text, m.start()):
            continue
        s = span(text, m.start(), m.end())
        s = span(text, s.start, s.end - len(re.search(r"[\s,]*$", s.text).group(0)))
        if s.text:
            out.append((s.start, s.end))
    return out


def hedge(text: str, clause: Span) -> Span | None:
    """The qualifying words of a claim: from the first hedge to the last in its clause."""
    found = _hedges(text, clause)
    if not found:
        return None
    return span(text, found[0][0], max(b for _, b in found))


def subject(text: str, clause: Span) -> Span | None:
    """The kind of recommendation a claim is about, when it names one ("those addressing X")."""
    m = SUBJECT_RE.search(text, clause.start, clause.end)
    if not m:
        return None
    s = span(text, m.start(), m.end())
    trimmed = re.sub(r"(?:\s+\[\d+\]|[\s,])+$", "", s.text)  # trailing citation markers and punctuation
    return span(text, s.start, s.start + len(trimmed)) if trimmed else None


# --- the claim's own date -----------------------------------------------------------------

_REPORT_NOUN = r"(?:report|review|audit|update|follow-?up|evaluation|inspection|alert|memo(?:randum)?|letter|testimony)"
_YEAR_CLAIM_RE = re.compile(r"\b(?P<lead>as\s+of|in|by|during|through|until|at\s+the\s+end\s+of|in\s+(?:early|late|mid)-?)"
                            r"\s+(?:(?:fiscal\s+year|FY)\s*)?(?P<y>(?:19|20)\d{2})\b(?![-/]\d)", re.IGNORECASE)
_DATE_LEAD_RE = re.compile(r"(?:\bas\s+of|\bin|\bon|\bby|\bthrough|\buntil|\bchecked|\bupdated|\bsince|,)\s*(?:its\s+|the\s+|a\s+|"
                           r"OIG[’']s\s+|ICE[’']s\s+|their\s+|early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_VEHICLE_RE = re.compile(rf"^\W*(?:[\w’'()-]+\s+){{0,3}}?{_REPORT_NOUN}s?\b", re.IGNORECASE)
_OWN_VEHICLE_RE = re.compile(r"\bin\s+(?:its|their|OIG[’']s|ICE[’']s|a|an|the)\s+(?:(?:latest|last|most\s+recent|"
                             r"semiannual|annual)\s+)?$", re.IGNORECASE)


def stated_date(text: str, clause: Span, hit_start: int) -> dt.date | None:
    """The date the clause gives for the claim, nearest to the status wording.

    A date that dates a report the claim is *about* ("recommendations from the March 2010
    review") is not the claim's date; a date of the report that *makes* the claim ("in its
    September 2012 follow-up") is. "since 2019" dates the start of a state, not the claim."""
    cands: list[tuple[int, dt.date]] = []
    for d in find_dates(text, clause.start, clause.end):
        before = text[max(clause.start, d.start - 40):d.start]
        after = text[d.end:min(clause.end, d.end + 60)]
        if re.search(r"\bsince\s+$", before, re.IGNORECASE):
            continue
        if _VEHICLE_RE.match(after) and not _OWN_VEHICLE_RE.search(before):
            continue
        if not _DATE_LEAD_RE.search(before) and not _VEHICLE_RE.match(after):
            continue
        cands.append((d.start, d.value))
    taken = [(d.start, d.end) for d in find_dates(text, clause.start, clause.end)]
    for m in _YEAR_CLAIM_RE.finditer(text, clause.start, clause.end):
        ys = m.start("y")
        if any(a <= ys < b for a, b in taken):
            continue
        after = text[m.end():min(clause.end, m.end() + 60)]
        if _VEHICLE_RE.match(after) and not re.match(r"in\s+(?:its|their|OIG[’']s|a|an|the)\b", m["lead"], re.I):
            continue
        cands.append((ys, dt.date(int(m["y"]), 1, 1)))
    if not cands:
        return None
    return min(cands, key=lambda c: (abs(c[0] - hit_start), c[0]))[1]
