"""Split a reported recommendation into its recommended actions.

"recommended that ICE strengthen oversight by mandating X, tracking and verifying Y, and
establishing Z" holds three actions. The rules: skip the subject ("that ICE and other DHS
components", "ICE to"), prefer what follows "by <verb>ing", stop at a clause that gives a
reason ("because", "—"), and cut the rest at commas and "and"s that are followed by a verb.
"""

from __future__ import annotations

import itertools
import re

from flows.extract.text import Span, span

BASE_VERBS = frozenset("""
    add address adopt align assess assign audit clarify close collect complete conduct coordinate create
    define deliver designate determine develop document enforce ensure establish evaluate expand finalize
    formalize hire identify implement improve incorporate increase issue maintain mandate measure monitor
    perform plan prioritize provide publish reassess reevaluate reinstate report require review revise
    set staff standardize strengthen tie track train update use verify institute integrate
    """.split())
NOT_ACTION_ING = frozenset("""training during including following regarding concerning according being
    having nothing something anything everything bring string spring ring king thing morning building
    funding""".split())

SUBJECT_RE = re.compile(  # no "^": match() anchors at pos, "^" would not
    r"(?:that\s+|for\s+)?"
    r"(?:(?:(?:ICE|DHS)\s+and\s+other\s+(?:DHS\s+)?components|other\s+DHS\s+components|each\s+component"
    r"|(?:ICE|DHS)(?:'s|’s)?\s+(?:leadership|officials|components?|field offices|management)"
    r"|the\s+(?:agency|agencies|department|component|components|program|director)"
    r"|ICE|DHS|CBP|ERO|HSI|USCIS|components|it|they)\s+)?"
    r"(?:(?:should|must|needed\s+to|needs\s+to|to|would)\s+)?(?:(?:also|then|further|better|more)\s+)?",
    re.IGNORECASE)
BY_RE = re.compile(r"\bby\s+(?=\w+ing\b)", re.IGNORECASE)
CUT_RE = re.compile(
    r"\s*(?:—|–\s|\s-\s|;|,?\s+because\b|,?\s+since\b|,\s+which\b|,\s+so that\b|,\s+citing\b|,\s+after\b"
    r"|,\s+noting\b|,\s+arguing\b|,\s+but\b|\s+but\s+|,\s+though\b|\s+\[\d)", re.IGNORECASE)
ITEM_LEAD_RE = re.compile(r"^(?:(?:and|or|then|also|to|and\s+then|and\s+to|as\s+well\s+as)\s+)+", re.IGNORECASE)
ADVERB_RE = re.compile(r"^(?:\w+ly\s+)")


def is_verb(word: str) -> bool:
    w = word.lower().strip("“\"'(")
    if w in BASE_VERBS:
        return True
    if w.endswith("ing") and len(w) > 5 and w not in NOT_ACTION_ING:
        return True
    return False


def starts_with_verb(s: str) -> bool:
    s = ITEM_LEAD_RE.sub("", s.strip())
    s = ADVERB_RE.sub("", s) if not is_verb(s.split(" ", 1)[0]) else s
    first = s.split(" ", 1)[0] if s else ""
    return is_verb(first)


def _split_points(doc: str, start: int, end: int) -> list[int]:
    """Positions where a new action starts: after a top-level comma or before 'and <verb>'."""
    points = []
    depth = 0
    i = start
    while i < end:
        ch = doc[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch == ",":
            if starts_with_verb(doc[i + 1:end]):
                points.append(i + 1)
        elif depth == 0 and (doc.startswith(" and ", i) or doc.startswith(" or ", i)):
            rest = doc[i + 1:end]
            prev_words = doc[points[-1] if points else start:i].split()
            if starts_with_verb(rest) and len(prev_words) >= 2:
                points.append(i + 1)
        i += 1
    return points


def split_actions(doc: str, region: Span) -> list[Span]:
    """The recommended actions in the text that follows a recommendation trigger."""
    s, e = region.start, region.end
    m = SUBJECT_RE.match(doc, s, e)
    if m:
        s = m.end()
    by = BY_RE.search(doc, s, e)
    if by and by.start() - s < 80:
        s = by.end()
    cut = CUT_RE.search(doc, s, e)
    if cut:
        e = cut.start()
    while e > s and doc[e - 1] in " .,:;\u00a0\n":
        e -= 1
    if not starts_with_verb(doc[s:e]):
        return []
    bounds = [s, *_split_points(doc, s, e), e]
    items = []
    for a, b in itertools.pairwise(bounds):
        sp = span(doc, a, b)
        lead = ITEM_LEAD_RE.match(sp.text)
        if lead:
            sp = span(doc, sp.start + lead.end(), sp.end)
        while sp.text and sp.text[-1] in ",;:":
            sp = span(doc, sp.start, sp.end - 1)
        sp = span(doc, sp.start, sp.end)
        if len(sp.text.split()) >= 2:
            items.append(sp)
    return items
