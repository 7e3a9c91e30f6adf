"""Passage extractors by kind, each a function (document, profile) -> rows.

Every document runs every passage extractor, in the order of PASSAGES (the most specific
reading first); what an earlier extractor already read is not recorded again. The genre's
profile (flows/core/genres.py) decides who speaks, not what is read. Adding a passage kind:
its module and one entry in PASSAGES."""

from __future__ import annotations

from collections.abc import Callable

from flows.core.genres import Profile
from flows.extract import follow_ups, listing_rows, rec_tables, report_structure, statements, status_claims
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
    "rec_tables": lambda doc, profile: rec_tables.extract(doc, profile.evidence, profile.asserted_by),
    "follow_ups": lambda doc, profile: follow_ups.extract(doc, *report_structure.identity(doc)),
    "statements": lambda doc, profile: statements.extract(doc, profile.evidence, profile.asserted_by == "oig"),
    "claims": lambda doc, profile: status_claims.extract(
        doc, profile.asserted_by, report_structure.identity(doc)[0] if profile.name == "oig_report" else None),
    "listing_rows": lambda doc, profile: listing_rows.extract(doc),
    "program_facts": _facts,
    "training": _training,
    "mentions": _mentions,
}


# Passages that read OIG's own layouts (a report's structure, its follow-ups, listing rows) and
# write their rows in OIG's voice. In another publisher's document the same layout is that
# publisher restating OIG: its claims are the profile's speaker's, its recommendations carry
# the profile's evidence, and it states no `reports` row (only OIG's own pages say what OIG
# published).
OIG_VOICE = frozenset({"report_structure", "follow_ups", "listing_rows"})


# Passages whose claims quote a table row or cell: words they read as a claim on numbered
# recommendations are not read again, with another target, by the sentence readers.
CELL_PASSAGES = frozenset({"rec_tables"})


def _in_voice(part: Extraction, profile: Profile) -> Extraction:
    if profile.asserted_by == "oig":
        return part
    part.reports = []
    for e in part.status_events:
        e["asserted_by"] = profile.asserted_by
    for r in part.recommendations:
        r["evidence"] = profile.evidence
    return part


def _claim(e: dict) -> tuple:
    """What a claim says: its kind, value and target."""
    return e["kind"], e["value"], e["report_id"], e.get("rec_number"), e["rec_id"]


def _readings(e: dict) -> list[tuple]:
    """The claim and the vaguer readings of the same words it makes redundant: a claim on one
    recommendation covers the same words read as a claim on its report or on nothing."""
    kind, value, report, number, rec = _claim(e)
    out = [(kind, value, report, number, rec), (kind, value, None, None, None)]
    if number is not None or rec is not None:
        out.append((kind, value, report, None, None))
    if number is not None and report is not None:
        out.append((kind, value, None, number, rec))  # the same number read without its report
    return out


def _overlaps(row: dict, earlier: list[tuple[int, int]]) -> bool:
    return any(a < row["end"] and row["start"] < b for a, b in earlier)


def run_passages(doc: Document, profile: Profile) -> Extraction:
    """Every passage extractor of the profile, in order, their rows together.

    Passages run from the most specific reading to the most general, so a passage a more
    specific extractor has already read is not read again: a recommendation whose span
    overlaps one already found, a claim of the same kind, value and target whose quote overlaps
    one already recorded, or a second `reports` row for the same report, is the same statement
    and is dropped."""
    out = Extraction()
    numbered: dict[tuple, list[tuple[int, int]]] = {}
    for name in PASSAGES:
        part = PASSAGES[name](doc, profile)
        if name in OIG_VOICE:
            part = _in_voice(part, profile)
        recs = [(r["start"], r["end"]) for r in out.recommendations]
        claims: dict[tuple, list[tuple[int, int]]] = {}
        for e in out.status_events:
            for key in _readings(e):
                claims.setdefault(key, []).append((e["start"], e["end"]))
        part.recommendations = [r for r in part.recommendations if not _overlaps(r, recs)]
        part.reports = [r for r in part.reports if r["report_id"] not in {x["report_id"] for x in out.reports}]
        kept_ids = {r["rec_id"] for r in part.recommendations} | {r["rec_id"] for r in out.recommendations}
        # the same wording read again, quoted otherwise (a record's "OIG Analysis: … this recommendation
        # resolved and open" quoted from its head by one reader and from its sentence by another)
        ats = {(*_claim(e)[:4], e["_at"]) for e in out.status_events if e.get("_at") is not None}
        part.status_events = [e for e in part.status_events
                              if not _overlaps(e, claims.get(_claim(e), []))
                              and (e.get("_at") is None or (*_claim(e)[:4], e["_at"]) not in ats)
                              and not _overlaps(e, numbered.get((e["kind"], e["value"]), []))
                              and (e["rec_id"] is None or e["rec_id"] in kept_ids)]
        if name in CELL_PASSAGES:  # a table cell read as a claim on numbered recommendations is read
            for e in part.status_events:
                if e.get("rec_number") is not None:
                    numbered.setdefault((e["kind"], e["value"]), []).append((e["start"], e["end"]))
        out.extend(part)
    return out
