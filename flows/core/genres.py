"""Genres as profiles: what each kind of document is, in one place.

A genre decides who speaks in a document (`asserted_by` of its claims, `evidence` of the
recommendations it restates) and its default publisher; it never decides whether rows are
looked for: every document runs every passage extractor (flows/extract/passages.py).
Detection rules are in flows/ingest/genre_rules.yaml; the vocabulary of genre names is the
contract's (schemas/common.py GENRES).

Adding a genre: a profile here, its detection rules in genre_rules.yaml, its name in GENRES.
"""

from __future__ import annotations

from dataclasses import dataclass

GOV_PUBLISHERS = frozenset({"DHS OIG", "U.S. Immigration and Customs Enforcement"})


@dataclass(frozen=True)
class Profile:
    name: str
    asserted_by: str  # who makes the claims the document states: oig, agency or secondary
    evidence: str  # evidence of the recommendations it restates: primary, agency or secondary
    publisher: str | None  # when neither the manifest nor the text names one


PROFILES: dict[str, Profile] = {p.name: p for p in (
    Profile("oig_report", "oig", "primary", "DHS OIG"),
    Profile("oig_listing", "oig", "primary", "DHS OIG"),
    Profile("agency_page", "agency", "agency", "U.S. Immigration and Customs Enforcement"),
    Profile("secondary_summary", "secondary", "secondary", None),
    # an unrecognised document is still read for what it reports, as a third party would say it
    Profile("unknown", "secondary", "secondary", None),
)}


def rights(publisher: str | None) -> str:
    """U.S. government works are in the public domain; everything else is a third party's."""
    return "public-domain-us-gov" if publisher in GOV_PUBLISHERS else "third-party"
