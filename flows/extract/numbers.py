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
