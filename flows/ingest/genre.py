"""Detect a document's genre from its content, with weighted rules from genre_rules.yaml."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from schemas.common import GENRES


@functools.cache
def _rules() -> tuple[int, dict[str, list[tuple[int, re.Pattern[str]]]]]:
    data = yaml.safe_load((Path(__file__).with_name("genre_rules.yaml")).read_text(encoding="utf-8"))
    rules = {}
    for genre, pats in data["genres"].items():
        if genre not in GENRES:
            raise ValueError(f"genre_rules.yaml: unknown genre {genre!r}")
        rules[genre] = [(int(w), re.compile(p, re.IGNORECASE | re.MULTILINE)) for w, p in pats]
    return int(data["min_score"]), rules


# a line that opens with a report id: a listing's, tracker's or compendium's record head
_ID_LINE_RE = re.compile(r"^[ \t•|-]*(OIG[\s\u2010-\u2014-]*\d{2}[\s\u2010-\u2014-]+\d{2,3})", re.MULTILINE | re.IGNORECASE)


def genre_scores(text: str) -> dict[str, int]:
    _, rules = _rules()
    scores = {g: sum(w for w, rx in pats if rx.search(text)) for g, pats in rules.items()}
    # one document about many reports, record by record, is OIG's listing or compendium, not a report
    heads = {re.sub(r"\W", "", m.group(1)).upper() for m in _ID_LINE_RE.finditer(text)}
    if len(heads) >= 4:
        scores["oig_listing"] = scores.get("oig_listing", 0) + 3
    return scores


def detect_genre(text: str) -> str:
    """The best-scoring genre, or `unknown` when no genre reaches the minimum score or two tie."""
    min_score, _ = _rules()
    scores = sorted(genre_scores(text).items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = scores[0], scores[1]
    return best if top >= min_score and top > second else "unknown"
