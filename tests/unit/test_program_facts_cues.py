"""Cues are shortcuts, never filters: every match of every fact pattern contains its rule's
`cue`, and every status wording contains the status cue, on every fixture text. A cue that
drops a real match fails here."""

from __future__ import annotations

from pathlib import Path

from flows.extract import status_phrases
from flows.extract.program_facts import _rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXTRA = """The program had 12 national program managers and 24 field program managers. ICE signed 150
agreements with 140 law enforcement agencies in 20 states; partnerships with more than 90 local agencies;
ICE trained and certified over 1,800 officers; 60 officers have completed the course. In March 2018 the
OIG published its report; OIG reviewed the program from January 2017 through June 2018."""


def test_every_match_of_a_rule_contains_its_cue():
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))] + [EXTRA]
    checked = 0
    for rule in _rules():
        if rule.cue is None:
            continue
        for rx in rule.patterns:
            for text in texts:
                for m in rx.finditer(text):
                    checked += 1
                    assert rule.cue.search(m.group(0)), f"{rule.attribute}: cue misses {m.group(0)!r}"
    assert checked >= 20  # the check saw real matches


def test_every_status_wording_contains_the_status_cue():
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
    checked = 0
    for rx, _events in status_phrases._rules():
        for text in texts:
            for m in rx.finditer(text):
                checked += 1
                assert status_phrases.CUE_RE.search(m.group(0)), f"status cue misses {m.group(0)!r}"
    assert checked >= 100
