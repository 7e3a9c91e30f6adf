"""Listing cards whose fields follow their summary (oig.dhs.gov topic pages)."""

from flows.extract import extract_document
from flows.extract.model import Document

CARDS = """Preparedness and Resilience

  • TSA Has Not Tested Its Continuity Plans

    Executive Summary

    We made five recommendations. TSA concurred with all five. Before we issued the final report, TSA gave us
    documentation that allowed us to close recommendations 4 and 5; the remaining three are resolved and open.

    Report Number
    OIG-24-52
    Issue Date
    08/29/2024

  • FEMA Did Not Verify Generator Installations

    Executive Summary

    FEMA concurred with our three recommendations. Recommendations 2 and 3 are resolved and open.

    Report Number
    OIG-24-47
"""


def test_a_cards_claims_belong_to_the_id_labelled_after_its_summary():
    """Each card's claims are about the report its "Report Number" field names after the summary, not
    the previous card's; "allowed us to close recommendations 4 and 5" is a closure."""
    ex = extract_document(Document("u" * 16, CARDS, "oig_listing", None, []))
    got = {(e["report_id"], e["rec_number"], e["value"]) for e in ex.status_events}
    assert {("OIG-24-52", 4, "closed"), ("OIG-24-52", 5, "closed"), ("OIG-24-47", 2, "resolved"),
            ("OIG-24-47", 3, "open")} <= got
    assert not any(r == "OIG-24-52" and n in (2, 3) for r, n, _ in got)
    assert {e["report_id"] for e in ex.status_events if e["kind"] == "response"} == {"OIG-24-52", "OIG-24-47"}
