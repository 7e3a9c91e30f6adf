"""Numbers written as words or digits: "seven (7)", "twenty", "1,822", "four"."""

from __future__ import annotations

import re

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12,
}
_WORD_ALT = "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True))
# "twenty-five", "seven (7)", "1,822", "135"
NUMBER_RE = (
    rf"(?:(?:{_WORD_ALT})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s*\(\d[\d,]*\))?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
)


def parse_number(s: str) -> float | None:
    """Value of a NUMBER_RE match; a parenthesised figure wins over the words before it."""
    s = s.strip().lower()
    paren = re.search(r"\((\d[\d,]*)\)", s)
    if paren:
        return float(paren.group(1).replace(",", ""))
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    parts = re.split(r"[-\s]+", s)
    if s in WORDS:
        return float(WORDS[s])
    total = 0
    for p in parts:
        if p not in WORDS:
            return None
        total += WORDS[p]
    return float(total)


# Recommendation numbers as documents write them: "Recommendations 1 and 3", "recommendations 1
# through 4", "#1 through #10, and #13", "recommendation two", "the second recommendation".
_NUM_WORDS = {w: n for w, n in WORDS.items() if n <= 20 and " " not in w}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_N = r"(?:#\s*)?(?:\d{1,2}(?![\d,.]\d)|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")\b"
_ITEM = rf"{_N}(?:\s*(?:through|thru|to|–|-)\s*{_N})?"
# separators, and a bare space in a list whose punctuation was stripped ("recommendations 1 2 and 3")
_SEP = r"(?:\s*(?:,\s*(?:and|or)?|\band\b|\bor\b|&|/)\s*|\s(?=\d{1,2}\s+(?:and|or)\s+\d|\d{1,2}\s\d{1,2}\b))"
NUMBERED_RE = re.compile(
    rf"\b(?:Recommendations?|Recs?\.?)\s+(?:(?:Nos?\.|numbers?)\s*)?(?P<list>{_ITEM}(?:{_SEP}{_ITEM})*)"
    rf"|(?P<hash>#\s*\d{{1,2}}(?:\s*(?:through|thru|to|–|-)\s*#?\s*\d{{1,2}})?(?:{_SEP}#\s*\d{{1,2}}"
    rf"(?:\s*(?:through|thru|to|–|-)\s*#?\s*\d{{1,2}})?)*)"
    rf"|\bthe\s+(?P<ord>{'|'.join(_ORDINALS)})\s+(?:recommendation|rec)\b",
    re.IGNORECASE)
_RANGE_RE = re.compile(rf"(?P<a>{_N})(?:\s*(?:through|thru|to|–|-)\s*(?P<b>{_N}))?", re.IGNORECASE)


def _value(token: str) -> int | None:
    t = token.strip().lstrip("#").strip().lower()
    if t.isdigit():
        return int(t)
    return _NUM_WORDS.get(t)


def numbered(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, list[int]]]:
    """(start, end, numbers) for each written list of recommendation numbers in text[start:end]."""
    end = len(text) if end is None else end
    out = []
    for m in NUMBERED_RE.finditer(text, start, end):
        if m["ord"]:
            out.append((m.start(), m.end(), [_ORDINALS[m["ord"].lower()]]))
            continue
        listed = m["list"] or m["hash"]
        nums: list[int] = []
        for r in _RANGE_RE.finditer(listed):
            a, b = _value(r["a"]), _value(r["b"]) if r["b"] else None
            if a is None:
                continue
            if b is not None and a < b <= a + 30:
                nums.extend(range(a, b + 1))
            else:
                nums.append(a)
        nums = [n for n in dict.fromkeys(nums) if 1 <= n <= 99]
        if nums:
            out.append((m.start(), m.end(), nums))
    return out


# "concurred with recommendation two but not one": the number the negation leaves out
BUT_NOT_RE = re.compile(r"\bbut\s+not\s+(?:with\s+)?(?:(?:recommendations?|recs?\.?)\s+)?(?P<n>" + _N + r")", re.IGNORECASE)


def excluded_number(text: str, start: int, end: int) -> int | None:
    """The recommendation number a "but not N" excludes in text[start:end], if any."""
    m = BUT_NOT_RE.search(text, start, end)
    return _value(m["n"]) if m else None
