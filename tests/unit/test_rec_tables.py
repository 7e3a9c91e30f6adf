"""Recommendations laid out as records and table rows (flows/extract/rec_tables.py)."""

from flows.extract import extract_document
from flows.extract.model import Document


def _extract(text: str, genre: str = "oig_listing"):
    return extract_document(Document("t" * 16, text, genre, None, []))


COMPENDIUM = """Compendium of Open Recommendations

Report OIG-19-49   Issued 07/2019
TSA Does Not Ensure Airport Operators Revoke Badges
  Rec. #3   (a) Develop a process to verify that airport operators deactivate
            the badges of employees who leave; (b) audit a sample of
            deactivated badges every year.
            Status: Open – Resolved        Expected completion: 12/31/2021

Report OIG-20-61   Issued 08/2020
USCIS Needs to Strengthen Fraud Detection
  Rec. #2   Require adjudicators to complete refresher training on fraud
            indicators every year.
  Rec. #4   Monitor the time between a fraud referral and the final case
            decision at each service center.
            Status (both): Open – Unresolved   Expected completion: TBD
"""


def test_hanging_indent_records_with_a_status_line_for_one_or_both():
    ex = _extract(COMPENDIUM)
    recs = sorted((r["report_id"], r["rec_number"], r["text"]) for r in ex.recommendations)
    assert recs == [
        ("OIG-19-49", 3, "Develop a process to verify that airport operators deactivate the badges of employees who leave"),
        ("OIG-19-49", 3, "audit a sample of deactivated badges every year"),
        ("OIG-20-61", 2, "Require adjudicators to complete refresher training on fraud indicators every year"),
        ("OIG-20-61", 4, "Monitor the time between a fraud referral and the final case decision at each service center"),
    ]
    statuses = {(e["report_id"], e["rec_number"], e["value"]) for e in ex.status_events if e["kind"] == "status"}
    assert {("OIG-19-49", 3, "open"), ("OIG-19-49", 3, "resolved"), ("OIG-20-61", 2, "unresolved"),
            ("OIG-20-61", 4, "unresolved"), ("OIG-20-61", 4, "open")} <= statuses
    assert ("OIG-19-49", 3, "unresolved") not in statuses
