"""Offsets-preserving text helpers: paragraphs, sentences and trimmed spans.

Every extractor works on spans of the original text, never on a normalised copy, so that
`quote == text[start:end]` holds by construction.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# list markers: "•", "-", "1.", "2)", "(3)", "(b)", "(iv)" (not a phone's "(202)")
_PAREN = r"\((?:\d{1,2}|[a-h]|i{1,3}|iv|vi{0,3})\)"
BULLET_RE = re.compile(rf"^[ \t\u00a0]*(?:[•·▪◦●‣∙*–—►▸➢➤■□✓-]|\d{{1,2}}[.)]|{_PAREN})[ \t\u00a0]+")
_PAREN_ITEM_RE = re.compile(rf"[ \t\u00a0]*{_PAREN}[ \t\u00a0]+")
_FIRST_PAREN_RE = re.compile(r"[ \t\u00a0]*\((?:1|a|i)\)[ \t\u00a0]+")
_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0]*\n")
# A sentence ends at . ! ? (optionally followed by quotes, brackets or citation markers)
# and is followed by white space and something that can start a sentence.
# no end after an initial or an abbreviation: "James J. Rowley", "U.S. Customs", "No. 5", "Sen. Roe"
_SENT_END_RE = re.compile(r"(?<!\.)(?<![\s(.][A-Z])(?<!\b(?:No|Mr|Ms|Dr|St|vs))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen))[.!?][\"”’)\]]*(?:\s*\[\d{1,3}\])*(?=\s+[\"“‘(\[]?[A-Z0-9•#])")
_WS_RE = re.compile(r"\s+")
_SECTION_LABEL_RE = re.compile(r"(?<=[a-z0-9] )(?:(?:[A-Z][\w’'.&-]*\s+){1,4}(?:Response|Comments?)\s+to\s+Recommendation\s+\d"
                               r"|OIG\s+Analysis\s*:)")


@dataclass(frozen=True)
class Span:
    """A trimmed stretch of the document text; `text` is exactly doc[start:end]."""

    start: int
    end: int
    text: str

    def provenance(self) -> dict:
        return {"start": self.start, "end": self.end, "quote": self.text}


def span(doc: str, start: int, end: int) -> Span:
    """Return the span [start, end) with surrounding white space trimmed off."""
    while start < end and doc[start].isspace():
        start += 1
    while end > start and doc[end - 1].isspace():
        end -= 1
    return Span(start, end, doc[start:end])


def norm_ws(s: str) -> str:
    """Collapse runs of white space (including non-breaking spaces) to one space."""
    return _WS_RE.sub(" ", s.replace("\u00a0", " ")).strip()


def paragraphs(doc: str) -> tuple[Span, ...]:
    """Blocks separated by blank lines; a bullet line is a block of its own."""
    out: list[Span] = []
    pos = 0
    bounds = [m.start() for m in _BLANK_LINE_RE.finditer(doc)] + [len(doc)]
    for b in bounds:
        block_start, block_end = pos, b
        line_start = block_start
        # split bullet lines out of the block
        chunk_start = block_start
        lines = doc[block_start:block_end].splitlines(keepends=True)
        # "(2) …" opens an item only in a list laid out as lines, whose "(1)" also opens one (an
        # inline "(1) … (2) …" enumeration wrapped by the page is one sentence)
        paren_items = any(_FIRST_PAREN_RE.match(line) for line in lines) and \
            sum(bool(_PAREN_ITEM_RE.match(line)) for line in lines) >= 2
        for line in lines:
            bullet = BULLET_RE.match(line)
            if bullet and line_start > chunk_start and (paren_items or not bullet.group(0).strip().startswith("(")):
                sp = span(doc, chunk_start, line_start)
                if sp.text:
                    out.append(sp)
                chunk_start = line_start
            line_start += len(line)
        sp = span(doc, chunk_start, block_end)
        if sp.text:
            out.append(sp)
        pos = b
    return tuple(out)


def sentences(doc: str, within: Span | None = None) -> tuple[Span, ...]:
    """Sentences of a paragraph (or of the whole document, or any span), as trimmed spans."""
    if within is None:
        return tuple(s for p in paragraphs(doc) for s in sentences(doc, p))
    out: list[Span] = []
    cut = within.start
    ends = [m.end() for m in _SENT_END_RE.finditer(doc, within.start, within.end)]
    # a page that lost its punctuation still opens a section with its label: "… resolved and open
    # ICE Response to Recommendation 2: …", "… ECD June 30 2026 OIG Analysis: …"
    ends += [m.start() for m in _SECTION_LABEL_RE.finditer(doc, within.start, within.end)]
    for end in sorted(set(ends)):
        sp = span(doc, cut, end)
        if sp.text:
            out.append(sp)
        cut = end
    sp = span(doc, cut, within.end)
    if sp.text:
        out.append(sp)
    return tuple(out)


def strip_bullet(doc: str, sp: Span) -> Span:
    """Drop a leading bullet marker from a span."""
    m = BULLET_RE.match(sp.text)
    return span(doc, sp.start + m.end(), sp.end) if m else sp


@dataclass(frozen=True)
class Segmented:
    """A document read once: its paragraphs and each paragraph's sentences, split when the view
    is built and shared by every extractor (flows/extract/model.py `Document.seg`), so no
    extractor re-splits the text and no step costs more than one pass over it."""

    text: str
    paragraphs: tuple[Span, ...]
    para_sentences: tuple[tuple[Span, ...], ...]  # the sentences of each paragraph
    sentences: tuple[Span, ...]  # every sentence, in reading order
    _starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Segmented:
        paras = paragraphs(text)
        per = tuple(_line_sentences(text, p) or sentences(text, p) for p in paras)
        return cls(text, paras, per, tuple(s for group in per for s in group), tuple(p.start for p in paras))

    def paragraph_index(self, pos: int) -> int | None:
        """The index of the paragraph holding offset pos, if any (binary search)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i if i >= 0 and pos < self.paragraphs[i].end else None


_LINE_END_RE = re.compile(r"[.!?:;\"”’)\]]\s*$")


def _line_sentences(doc: str, para: Span) -> tuple[Span, ...]:
    """Lines as sentences, for a paragraph whose punctuation was stripped (a host site's
    transcript: several long lines and hardly a full stop): otherwise every claim in it would
    share one "sentence". Empty when the paragraph has ordinary punctuation."""
    lines = [m for m in re.finditer(r"[^\n]+", doc[para.start:para.end])]
    if len(lines) < 2 or len(para.text) < 300:
        return ()
    stops = len(_SENT_END_RE.findall(doc, para.start, para.end)) + sum(bool(_LINE_END_RE.search(m.group(0))) for m in lines)
    table = any(re.search(r"\||\t|\S {3,}\S", m.group(0)) for m in lines)
    if stops > len(para.text) / 400 or (stops and len(para.text) < 600 and not table):
        return ()  # (a short paragraph of prose may end in its only stop; a table's rows are its lines)
    out = []
    for m in lines:
        cut, end = para.start + m.start(), para.start + m.end()
        for label in _SECTION_LABEL_RE.finditer(doc, cut, end):  # a section opened inside the line
            out.append(span(doc, cut, label.start()))
            cut = label.start()
        out.append(span(doc, cut, end))
    return tuple(sp for sp in out if sp.text)
