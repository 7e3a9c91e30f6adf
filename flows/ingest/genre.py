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


SAMPLE_HEAD, SAMPLE_TAIL = 30_000, 5_000  # a genre shows in a document's first pages and its end


def _sample(text: str) -> str:
    """What genre detection reads: the head and tail of a long document (cost bounded per
    document, whatever its length), the whole of a short one."""
    if len(text) <= SAMPLE_HEAD + SAMPLE_TAIL:
        return text
    return text[:SAMPLE_HEAD] + "\n\n" + text[-SAMPLE_TAIL:]


def genre_scores(text: str) -> dict[str, int]:
    text = _sample(text)
    _, rules = _rules()
    scores = {g: sum(w for w, rx in pats if rx.search(text)) for g, pats in rules.items()}
    # one document about many reports, record by record, is OIG's listing or compendium, not a report
    heads = {re.sub(r"\W", "", m.group(1)).upper() for m in _ID_LINE_RE.finditer(text)}
    if len(heads) >= 4:
        scores["oig_listing"] = scores.get("oig_listing", 0) + 3
    return scores


def detect(text: str) -> tuple[str, dict[str, int]]:
    """The best-scoring genre (`unknown` when no genre reaches the minimum score or two tie),
    and every genre's score."""
    min_score, _ = _rules()
    scores = genre_scores(text)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    return (best if top >= min_score and top > second else "unknown"), scores


def detect_genre(text: str) -> str:
    return detect(text)[0]
