"""Passage extractors by kind, each a function (document, profile) -> rows.

A document runs the passage extractors its genre profile lists (flows/core/genres.py), in
order; a status claim an earlier extractor already recorded for the same passage and target
is not recorded again. Adding a passage kind: one function here and one entry in PASSAGES
(and its name in ALL_PASSAGES)."""

from __future__ import annotations

from collections.abc import Callable

from flows.core.genres import Profile
from flows.extract import follow_ups, listing_rows, report_structure, statements, status_claims
from flows.extract.model import Document, Extraction
from flows.extract.program_facts import extract_facts
from flows.extract.training import extract_training


def _facts(doc: Document, profile: Profile) -> Extraction:
    return Extraction(program_facts=extract_facts(doc))


def _training(doc: Document, profile: Profile) -> Extraction:
    return Extraction(training_requirements=extract_training(doc))


def _mentions(doc: Document, profile: Profile) -> Extraction:
    return Extraction()  # found first, for every document (claims resolve against them): see extract_document


PASSAGES: dict[str, Callable[[Document, Profile], Extraction]] = {
    "report_structure": lambda doc, profile: report_structure.extract(doc),
    "follow_ups": lambda doc, profile: follow_ups.extract(doc, *report_structure.identity(doc)),
    "listing_rows": lambda doc, profile: listing_rows.extract(doc),
    "statements": lambda doc, profile: statements.extract(doc, profile.evidence, profile.asserted_by == "oig"),
    "claims": lambda doc, profile: status_claims.extract(doc, profile.asserted_by),
    "program_facts": _facts,
    "training": _training,
    "mentions": _mentions,
}


def _claim_key(e: dict) -> tuple:
    return e["start"], e["kind"], e["value"], e["report_id"], e.get("rec_number"), e["rec_id"]


def run_passages(doc: Document, profile: Profile) -> Extraction:
    """Every passage extractor of the profile, in order, their rows together."""
    out = Extraction()
    for name in profile.passages:
        part = PASSAGES[name](doc, profile)
        seen = {_claim_key(e) for e in out.status_events}
        part.status_events = [e for e in part.status_events if _claim_key(e) not in seen]
        out.extend(part)
    return out
