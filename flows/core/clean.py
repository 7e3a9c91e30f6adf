"""A cleaned view of a document's text, with a map back to the original offsets.

Text pulled from PDFs carries page headers and footers, hyphenated line breaks, ligatures,
non-breaking hyphens and words run together. Extractors read the cleaned text; every span
they return is mapped back, so `quote` is always the published text at [start, end) and
the rule "quote equals the document text" is never traded for readability.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import wordninja

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"}
_MONTH_TAILS = {"anuary": "J", "ebruary": "F", "eptember": "S", "ctober": "O", "ovember": "N", "ecember": "D",
                "ugust": "A"}


@dataclass(frozen=True)
class CleanText:
    """`text` is the cleaned text; `raw_pos[i]` is the raw offset of its character i."""

    raw: str
    text: str
    raw_pos: tuple[int, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covering the cleaned span [start, end) (where columns were read one after
        the other, the smallest raw stretch holding every character of it)."""
        if end <= start:
            p = self.raw_pos[start] if start < len(self.raw_pos) else len(self.raw)
            return p, p
        a, b = self.raw_pos[start], self.raw_pos[end - 1] + 1
        if b <= a or b - a > 2 * (end - start) + 200:  # reordered: read the range's extremes
            part = self.raw_pos[start:end]
            return min(part), max(part) + 1
        return a, b


def _sub(text: str, pos: list[int], rx: re.Pattern[str], repl: Callable[[re.Match[str]], str],
         anchor: str = "start") -> tuple[str, list[int]]:
    """re.sub that keeps the position map: replacement characters take the raw position of
    the match start (or, for insertions with anchor="end", of the character that follows)."""
    out, out_pos, last = [], [], 0
    for m in rx.finditer(text):
        out.append(text[last:m.start()])
        out_pos.extend(pos[last:m.start()])
        r = repl(m)
        orig = m.group(0)
        if orig and r != orig and " " not in orig and r.replace(" ", "") == orig:
            # spaces inserted inside a word ("resolvedand" -> "resolved and"): every original
            # character keeps its own position, an inserted space takes the next one's
            out.append(r)
            k = m.start()
            for ch in r:
                out_pos.append(pos[k])
                k += ch != " "
            last = m.end()
            continue
        if orig and orig in r and (r.startswith(orig) or r.endswith(orig)):
            # unchanged, or text inserted before/after it: the original keeps its positions
            before = r.index(orig) if r.endswith(orig) else 0
            out.append(r)
            out_pos.extend([pos[m.start()]] * before)
            out_pos.extend(pos[m.start():m.end()])
            out_pos.extend([pos[m.end() - 1]] * (len(r) - before - len(orig)))
            last = m.end()
            continue
        at = pos[m.start()] if anchor == "start" and m.start() < len(pos) else (
            pos[m.end()] if m.end() < len(pos) else (pos[-1] + 1 if pos else 0))
        out.append(r)
        out_pos.extend([at] * len(r))
        last = m.end()
    out.append(text[last:])
    out_pos.extend(pos[last:])
    return "".join(out), out_pos


def _norm_line(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line)).strip().lower()


def boilerplate_lines(raw: str, edge: int = 3) -> set[str]:
    """Normalised lines that recur at the top or bottom of many pages (running headers and
    footers), found from the pages' edges only."""
    pages = raw.split("\f")
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in pages[1:]:
        lines = [ln for ln in page.splitlines() if ln.strip()]
        seen.update({_norm_line(ln) for ln in lines[:edge] + lines[-edge:]})
    need = max(2, int(0.4 * (len(pages) - 1)))
    return {ln for ln, n in seen.items() if n >= need and _running_head_shape(ln)}


def _running_head_shape(line: str) -> bool:
    """Running heads are short labels: no sentence end, no status or response wording."""
    return (len(line) <= 70 and not re.search(r"[a-z][.!?]$", line)
            and not re.search(r"concur|recommend|resolved|closed|open\b", line))


# HTML entity names left as words by host sites that strip "&" and ";" ("ICErsquos", "policymdashand"):
# only the names that never occur inside English words
ENTITY_WORDS = {"rsquo": "\u2019", "lsquo": "\u2018", "rdquo": "\u201d", "ldquo": "\u201c", "mdash": "\u2014",
                "ndash": "\u2013"}
ENTITY_WORD_RE = re.compile(r"(?:(?<=[A-Za-z0-9.,])|(?<=\s))(" + "|".join(ENTITY_WORDS) + r")(?=[A-Za-z0-9\s.,;:]|$)")
# A court's header on every page of an exhibit ("Case 5:17-cv-01234-ABC Document 12-3 Filed 03/04/18 Page 5 of 40")
COURT_HEADER_RE = re.compile(r"^[ \t]*Case[ \t]+\d:\d{2}-[a-z]{2}-\d{3,6}[^\n]{0,80}?\bDocument[ \t]+[\d-]+[^\n]{0,80}?"
                             r"\bFiled\b[^\n]{0,80}?\bPage[ \t]+\d+[ \t]+of[ \t]+\d+[^\n]*(?:\n|$)",
                             re.MULTILINE | re.IGNORECASE)


# Words run together by a PDF extractor or a host site that dropped spaces ("ICEdid not concur",
# "resolvedand open", "Servicepartially concurred"): split with wordninja, a word-frequency
# segmenter (English Wikipedia unigram costs), for words it does not know, when every part is a
# word of two letters or more, one of them a word that runs into its neighbours (GLUE_WORDS),
# and the first is not a prefix that makes its own word ("nonconcurrence" stays whole).
GLUED_RE = re.compile(r"(?<![\w@./-])[A-Za-z]{6,30}(?![\w@/-])")
# a split is taken only when a part is one of the short words that run into their neighbours in
# these documents (function words, and the words of responses and statuses): "timeframes",
# "tabletop" and names such as "Cuffari" stay whole
GLUE_WORDS = frozenset("""and or not the of to with did does has have had was were is are concur concurred concurs
    partially resolved unresolved open closed recommendation recommendations response""".split())
_PREFIXES = frozenset({"non", "un", "re", "pre", "sub", "co", "mis", "dis", "over", "under", "inter", "multi", "semi",
                       "anti", "post", "self", "cross", "counter"})


@functools.lru_cache(maxsize=65536)
def unglue(word: str) -> str:
    """word, or its parts joined by spaces when it is two or three known words run together."""
    model = wordninja.DEFAULT_LANGUAGE_MODEL
    if word.lower() in model._wordcost or word.isupper():
        return word
    acronym = re.fullmatch(r"([A-Z]{2,6})([a-z]{3,})", word)  # "USCISconcurred", "ICEdid"
    if acronym and acronym[2] in model._wordcost:
        return f"{acronym[1]} {acronym[2]}"
    parts = model.split(word)
    if not 2 <= len(parts) <= 3 or "".join(parts) != word:
        return word
    if any(len(p) < 2 or (p.lower() not in model._wordcost and not p.isupper()) for p in parts):
        return word
    if parts[0].lower() in _PREFIXES or not any(p.lower() in GLUE_WORDS for p in parts):
        return word
    return " ".join(parts)


# A document-host site's chrome around a transcribed PDF: page markers ("Page 3:", "Page 4 and 5",
# "Page 2: oig-20-26 - cbp needs … - dhs oig"), view and download counts, upload lines, "Embed",
# "Share", "Transcription", "You also want an ePaper?", related-documents headings
HOST_CHROME_RE = re.compile(
    r"^[ \t]*(?:Page\s+\d{1,4}(?:\s+and\s+\d{1,4})?(?:\s*:[^\n]{0,200})?|(?:Views?|Downloads?)\b\s*:?\s*[\d,.]+[^\n]{0,80}"
    r"|Upload(?:ed)?\b[^\n]{0,80}|Size\s*:\s*px|Start display at page\s*:?|Transcription(?:\s+of\b[^\n]{0,200})?"
    r"|Embed(?:\s+code)?|Share(?:\s+this(?:\s+document)?)?|You also want an ePaper\?[^\n]{0,100}"
    r"|\d+\s+(?:years?|months?|weeks?|days?)\s+ago|Report this document|Read (?:more|online)|More documents"
    r"|(?:Recommended|Similar)(?:\s+(?:publications|documents))?)[ \t]*(?:\n|$)", re.MULTILINE | re.IGNORECASE)


# Two columns of prose side by side, as a PDF's text layer lays out a Highlights page ("What We
# Recommend" on the left, "What We Found" on the right): the right column starts at one fixed
# position, after a gap, on line after line. Read the left column, then the right one.
_MIN_COLUMN = 24


def _right_start(line: str) -> int | None:
    """Where a right-hand column could start on this line: after a gap of two spaces or more, or
    after leading spaces (a line with only the right column)."""
    lead = len(line) - len(line.lstrip(" "))
    if lead >= _MIN_COLUMN and line.strip():
        return lead
    m = re.search(r"\S {2,}(?=\S)", line)
    return m.end() if m and m.end() >= _MIN_COLUMN else None


def _column_runs(lines: list[str]) -> list[tuple[int, int, int]]:
    """(first line, last line + 1, column) for each run of lines laid out in two columns."""
    runs, i = [], 0
    while i < len(lines):
        col = _right_start(lines[i])
        if col is None:
            i += 1
            continue
        j, both, right_only, left_only, labels = i, 0, 0, 0, 0
        while j < len(lines):
            ln = lines[j]
            if not ln.strip():
                j += 1
                continue
            if "|" in ln or "\t" in ln:
                break  # a table's row
            if len(ln) > col and ((ln[col - 2:col] == "  " and ln[col] != " ") or not ln[:col].strip()):
                left = ln[:col].strip()
                if re.search(r"\S {3,}\S", left) or re.search(r"\S {3,}\S", ln[col:]):
                    break  # a table's cells, not two columns of prose
                both += bool(left)
                right_only += not left
                labels += left.endswith(":")  # "DHS response:        Concur": a record's labels and values
            elif len(ln.rstrip()) < col - 1:
                left_only += 1
            else:
                break
            j += 1
        if both >= 3 and both + right_only >= 5 and left_only + both >= 4 and labels < 2:
            runs.append((i, j, col))
            i = j
            continue
        # a failed run: the next start is a line whose column differs (a start inside the run with
        # the same column would fail again), so no stretch is scanned twice for one column
        k = i + 1
        while k < j and _right_start(lines[k]) in (None, col):
            k += 1
        i = k
    return runs


def _columns(text: str, pos: list[int]) -> tuple[str, list[int]]:
    """The text with each run of two-column lines read as its left column, then its right one."""
    lines = text.split("\n")
    runs = _column_runs(lines)
    if not runs:
        return text, pos
    starts, at = [], 0
    for ln in lines:
        starts.append(at)
        at += len(ln) + 1
    out, out_pos, done = [], [], 0
    for a, b, col in runs:
        first = starts[a]
        out.append(text[done:first])
        out_pos.extend(pos[done:first])
        for side in ("left", "right"):
            blank = True
            for k in range(a, b):
                ln, base = lines[k], starts[k]
                lo, hi = (0, min(col, len(ln))) if side == "left" else (min(col, len(ln)), len(ln))
                part = ln[lo:hi].rstrip()
                if not part.strip():  # this column is empty here: its paragraph ends
                    if not blank:
                        out.append("\n")
                        out_pos.append(out_pos[-1])
                    blank = True
                    continue
                blank = False
                out.append(part + "\n")
                out_pos.extend(pos[base + lo:base + lo + len(part)])
                out_pos.append(pos[base + lo + len(part) - 1])
            out.append("\n")
            out_pos.append(out_pos[-1] if out_pos else 0)
        done = starts[b - 1] + len(lines[b - 1]) if b - 1 < len(lines) else len(text)
    out.append(text[done:])
    out_pos.extend(pos[done:])
    return "".join(out), out_pos


def clean(raw: str) -> CleanText:
    text, pos = raw, list(range(len(raw)))
    text, pos = _sub(text, pos, re.compile("\r\n?"), lambda m: "\n")
    text, pos = _sub(text, pos, COURT_HEADER_RE, lambda m: "")
    text, pos = _columns(text, pos)
    if len(HOST_CHROME_RE.findall(text)) >= 3:  # a host site's page: its chrome is not the document
        text, pos = _sub(text, pos, HOST_CHROME_RE, lambda m: "")
    text, pos = _sub(text, pos, ENTITY_WORD_RE, lambda m: ENTITY_WORDS[m.group(1)])
    bp = boilerplate_lines(text)
    if bp:
        first_break = text.find("\f")
        rx = re.compile(r"(?:^|(?<=\f))[^\n\f]*(?:\n|(?=\f)|$)", re.MULTILINE)

        def drop(m: re.Match[str]) -> str:
            return "" if m.start() > first_break and _norm_line(m.group(0)) in bp and m.group(0).strip() else m.group(0)

        text, pos = _sub(text, pos, rx, drop)
    # a page break inside a paragraph joins it; after a sentence it separates paragraphs
    text, pos = _sub(text, pos, re.compile(r"\s*\f\s*"),
                     lambda m: "\n\n" if re.search(r"[.:;?!\"”]\s*$", text[max(0, m.start() - 2):m.start() + 1])
                     else "\n")
    text, pos = _sub(text, pos, re.compile("|".join(LIGATURES)), lambda m: LIGATURES[m.group(0)])
    text, pos = _sub(text, pos, re.compile(r"(?<=[a-z])[-\u2010\u2011\u00ad][ \t]*\n[ \t]*(?=[a-z])"), lambda m: "")
    text, pos = _sub(text, pos, re.compile("[\u2010\u2011]"), lambda m: "-")
    text, pos = _sub(text, pos, re.compile("\u00ad"), lambda m: "")
    text, pos = _sub(text, pos, re.compile("\u00a0"), lambda m: " ")
    glued = sorted({w for w in set(GLUED_RE.findall(text)) if unglue(w) != w}, key=len, reverse=True)
    if glued:  # only the words that need it: one pass over the text, not a call per word
        rx = re.compile(r"(?<![\w@./-])(?:" + "|".join(map(re.escape, glued)) + r")(?![\w@/-])")
        text, pos = _sub(text, pos, rx, lambda m: unglue(m.group(0)))
    text, pos = _sub(text, pos, re.compile(r"\b(?=(?:of|the|and|to|in|for|on|by|with|from)[A-Z][a-z])"
                                           r"(of|the|and|to|in|for|on|by|with|from)(?=[A-Z][a-z])"),
                     lambda m: m.group(1) + " ")
    text, pos = _sub(text, pos, re.compile(r"(?<![A-Za-z])(" + "|".join(_MONTH_TAILS) + r")\b"),
                     lambda m: _MONTH_TAILS[m.group(1)] + m.group(1))
    return CleanText(raw, text, tuple(pos))
