"""Program facts, in any genre: staff counts, participating agencies, MOA versions, OIG
review periods and publication months, each with the exact passage that states it.

The rules live in vocab/program_facts.yaml; this module fills in the number, year and
month sub-patterns, applies them sentence by sentence, and turns matches into rows.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from flows.core.dates import MONTH_RE, YEAR_RE, month_number
from flows.core.numbers import NUMBER_RE, parse_number
from flows.core.text import span
from flows.extract import emit, vocab
from flows.extract.model import Document
from flows.extract.programs import program_for


@dataclass(frozen=True)
class _Rule:
    attribute: str
    unit: str | None
    value: str
    requires: re.Pattern[str] | None
    patterns: tuple[re.Pattern[str], ...]
    labels: tuple[tuple[str, str, re.Pattern[str]], ...] = ()  # for '*table': label -> attribute, unit
    cue: re.Pattern[str] | None = None  # words every pattern contains: a cheap test before the patterns


@functools.cache
def _rules() -> tuple[_Rule, ...]:
    def fill(p: str) -> str:
        return p.replace("{NUM}", NUMBER_RE).replace("{YEAR}", YEAR_RE).replace("{MONTH}", MONTH_RE)

    out = []
    for r in vocab.load("program_facts"):
        if r["value"] not in ("num", "year", "month", "period"):
            raise ValueError(f"program_facts.yaml: unknown value kind {r['value']!r} for {r['attribute']}")
        out.append(_Rule(r["attribute"], r.get("unit"), r["value"],
                         re.compile(r["requires"], re.IGNORECASE) if r.get("requires") else None,
                         tuple(re.compile(fill(p), re.IGNORECASE | re.MULTILINE) for p in r["patterns"]),
                         tuple((a, u, re.compile(p, re.IGNORECASE)) for a, u, p in r.get("labels", ())),
                         re.compile(r["cue"], re.IGNORECASE) if r.get("cue") else None))
    return tuple(out)


@functools.cache
def _rule_kinds() -> tuple[tuple[_Rule, ...], tuple[_Rule, ...]]:
    """Rules read per sentence, and table rules read over the whole text (line-anchored)."""
    table = tuple(r for r in _rules() if r.labels or any(rx.pattern.startswith("^") for rx in r.patterns))
    return tuple(r for r in _rules() if r not in table), table


def _month(m: re.Match[str], mk: str, yk: str, fallback_year: str | None = None) -> str | None:
    year = m[yk] or fallback_year
    return f"{int(year):04d}-{month_number(m[mk]):02d}" if year else None


def _value(rule: _Rule, m: re.Match[str]) -> tuple[float | None, str | None]:
    if rule.value == "num":
        return parse_number(m["num"]), None
    if rule.value == "year":
        return float(m["year"]), None
    if rule.value == "month":
        return None, _month(m, "m", "y")
    return None, f"{_month(m, 'm1', 'y1', m['y2'])}/{_month(m, 'm2', 'y2')}"


def extract_facts(doc: Document) -> list[dict]:
    rows: list[dict] = []
    seen: set[tuple] = set()
    whole = span(doc.text, 0, len(doc.text))
    sentence_rules, table_rules = _rule_kinds()
    # tables are read line by line over the whole text, the rest sentence by sentence
    for sent, rules in [*((s, sentence_rules) for s in doc.seg.sentences), (whole, table_rules)]:
        for rule in rules:
            if rule.cue and not rule.cue.search(sent.text):
                continue
            if rule.requires and not rule.requires.search(sent.text):
                continue
            for rx in rule.patterns:
                for m in rx.finditer(doc.text, sent.start, sent.end):
                    num, txt = _value(rule, m)
                    attribute, unit = rule.attribute, rule.unit
                    if rule.labels:
                        hit = next(((a, u) for a, u, rx_l in rule.labels if rx_l.search(m["label"])), None)
                        if hit is None:
                            continue
                        attribute, unit = hit
                    if num is None and txt is None:
                        continue
                    key = (attribute, num, txt)
                    if key in seen:  # the same fact stated twice is one fact
                        continue
                    seen.add(key)
                    sp = span(doc.text, m.start(), m.end())
                    rows.append(emit.row("program_facts", doc.doc_id, sp, program=program_for(doc.text, sent),
                                         attribute=attribute, value_num=num, value_text=txt, unit=unit,
                                         as_of=doc.published_on))
    return rows
