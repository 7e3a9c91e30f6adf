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


FACT_SHEET = """The OIG made four recommendations (OIG-23-19).

  Recommendation 1 — Reconcile qualification records with the training transcripts.
  FEMA response: Concur.   Status: Closed by the OIG on May 12, 2023.

  Recommendation 3 — Suspend the qualification of any reservist who has not
  deployed in three years.
  FEMA response: Non-concur.   Status: The OIG considers this recommendation
  unresolved.
"""


def test_a_records_labelled_response_and_status_cells_are_claims_on_it():
    ex = _extract(FACT_SHEET, "agency_page")
    got = {(e["rec_number"], e["kind"], e["value"], e["asserted_by"]) for e in ex.status_events if e["rec_number"]}
    assert got == {(1, "response", "concur", "agency"), (1, "status", "closed", "oig"),
                   (3, "response", "nonconcur", "agency"), (3, "status", "unresolved", "oig")}


def test_closed_or_implemented_recommendations_by_number():
    ex = _extract("In OIG-22-38, OIG closed recommendations 1 through 3 in August 2023. "
                  "CBP has implemented recommendations 5 and 6.", "agency_page")
    got = {(e["rec_number"], e["value"]) for e in ex.status_events if e["kind"] == "status" and e["rec_number"]}
    assert got == {(1, "closed"), (2, "closed"), (3, "closed"), (5, "closed"), (6, "closed")}


APPENDIX = """Appendix 4: Reports Issued
Date      Report      Title                                            Recs   Status
05/29/20  OIG-20-39   ICE Did Not Verify Detainee Telephone Access at   1-5    Rec. 1, 2: Closed
                      Three Processing Centers                                 Recs 3-5: Resolved – Open
06/22/20  OIG-20-44   FLETC Should Strengthen Its Controls Over         1-2    Rec. 1: Closed
"""


def test_status_cells_that_name_their_recommendations():
    """ "Recs 3-5: Resolved – Open" on a wrapped row belongs to the report of the row above, and the
    sentence reader does not read the same cells again with another target."""
    ex = _extract(APPENDIX)
    got = sorted((e["report_id"], e["rec_number"], e["value"]) for e in ex.status_events)
    assert got == sorted([("OIG-20-39", 1, "closed"), ("OIG-20-39", 2, "closed"),
                          *[("OIG-20-39", n, v) for n in (3, 4, 5) for v in ("open", "resolved")],
                          ("OIG-20-44", 1, "closed")])


OVERSIGHT_FORMS = """Report Number: OIG-25-22
  Closed — Recommendation 1: Establish a retention schedule for camera recordings. (Agency response: Concur)
  Open — Recommendation 4: Configure the evidence system to block deletion of tagged recordings. (Agency response: Partially concur)

Report Number: OIG-25-27
Recommendation 3 (Closed; Significant: No; Agency Response: Concur)
Independently re-test a sample of reported results for each project.

Text of Recommendation
Require each field office to inventory its protective equipment lockers every quarter.
Recommendation Number
5
Recommendation Status
Open
Resolution Status
Resolved
Agency Response
Non-concur
"""


def test_oversight_gov_record_layouts():
    """A status before the record, a response after it, attributes in parentheses after the head,
    one field per line; a capitalised dictionary verb opens an action after a record's label."""
    ex = _extract(OVERSIGHT_FORMS)
    recs = sorted((r["rec_number"], r["text"].split()[0]) for r in ex.recommendations)
    assert recs == [(1, "Establish"), (3, "Independently"), (4, "Configure"), (5, "Require")]
    got = {(e["rec_number"], e["kind"], e["value"]) for e in ex.status_events}
    assert {(1, "status", "closed"), (1, "response", "concur"), (4, "status", "open"),
            (4, "response", "partially_concur"), (3, "status", "closed"), (3, "response", "concur"),
            (5, "status", "open"), (5, "status", "resolved"), (5, "response", "nonconcur")} <= got


def test_a_recommendation_glossed_by_its_number():
    ex = _extract("In OIG-23-58 the OIG made six recommendations. To date, we have implemented recommendation 1 "
                  "(establishing a 40-hour basic\ncourse for new inspectors) and recommendation 2 (the curriculum).",
                  "agency_page")
    assert [(r["rec_number"], r["report_id"], r["text"]) for r in ex.recommendations] == [
        (1, "OIG-23-58", "establishing a 40-hour basic course for new inspectors")]


VERTICAL = """Report Number
OIG-25-08

Recommendations in this report

Rec.
Status
Resolution
Agency Response
Significant
1
Closed
Resolved
Concur
No
2
Open
Unresolved
Non-concur
Yes

Recommendation text
1
Issue written procedures for returning protective equipment when an employee transfers.
2
Suspend issuance of replacement body armor to any employee with an unresolved loss report.
"""


def test_a_table_flattened_one_cell_per_line():
    ex = _extract(VERTICAL)
    assert sorted((r["rec_number"], r["text"].split()[0]) for r in ex.recommendations) == [(1, "Issue"), (2, "Suspend")]
    got = {(e["rec_number"], e["kind"], e["value"]) for e in ex.status_events if e["rec_number"]}
    assert got == {(1, "status", "closed"), (1, "status", "resolved"), (1, "response", "concur"),
                   (2, "status", "open"), (2, "status", "unresolved"), (2, "response", "nonconcur")}


def test_status_cells_closed_not_implemented_and_resolved_open():
    from flows.core.text import span
    from flows.extract.rec_tables import _cell_claims
    for cell, want in [("Closed – Not Implemented", [("status", "closed")]),
                       ("Resolved/Open", [("status", "open"), ("status", "resolved")])]:
        assert _cell_claims(cell, span(cell, 0, len(cell))) == want


STATUS_TABLES = """Report No.    Date Issued   Rec. No.   Status
OIG-12-130    09/25/12      1          Closed
                            2          Open – Resolved

OIG-20-36 | TSA Did Not Consistently Document Canine Handler Recertification
  Issued 06/22/2020 ............... Recs. 1, 3 closed; Rec. 2 open-resolved;
"""


def test_status_tables_without_the_recommendations_text():
    """A status table's rows and their continuation ("   2   Open – Resolved" is the report above's),
    and a dot-leader row whose parts name their numbers ("Recs. 1, 3 closed; Rec. 2 open-resolved")."""
    ex = _extract(STATUS_TABLES)
    got = {(e["report_id"], e["rec_number"], e["value"]) for e in ex.status_events}
    assert got == {("OIG-12-130", 1, "closed"), ("OIG-12-130", 2, "open"), ("OIG-12-130", 2, "resolved"),
                   ("OIG-20-36", 1, "closed"), ("OIG-20-36", 3, "closed"), ("OIG-20-36", 2, "open"),
                   ("OIG-20-36", 2, "resolved")}


EXPORT_RECORDS = (
    "Oversight.gov | Recommendation Details\n\n"
    "===== Record 1 of 2 =====\nReport Number\tOIG-23-71\nRecommendation Number\t2\n"
    "Recommendation\tRequire each sector to log every boarding in one system.\nStatus\tOpen\nResolution\tResolved\n"
    "Agency Response\tConcur\nQuestioned Costs\t\n\n"
    "Report Number:\nOIG-23-72\nRecommendation No.:\n4\nRecommendation:\nPublish the inspection schedule for each port.\n"
    "Status:\nOpen – Unresolved\nComponent's Position:\nCBP did not concur.\nOIG's Position:\n"
    "The recommendation remains unresolved until CBP proposes another control.\n\n"
    "Not shown: OIG-23-71 recommendations 1 and 3, which OIG closed when the report was issued, and OIG-23-72 "
    "recommendation 2, closed in May 2024. CBP continues to disagree with recommendation 5.\n"
)


def test_export_records_with_tabs_or_labels_over_values_and_a_closing_note():
    """"Label<tab>value" records (an export's two columns, empty cells included); "Label:" then the value
    on the next line; "Component's Position" is the response; "the recommendation" under a record head
    "Recommendation No.:" is that number; numbers take the report written next to them when a clause
    names several; "which OIG closed", "…, closed in May 2024" and "continues to disagree with" are claims."""
    ex = _extract(EXPORT_RECORDS)
    recs = {(r["report_id"], r["rec_number"], r["text"].split()[0]) for r in ex.recommendations}
    assert recs == {("OIG-23-71", 2, "Require"), ("OIG-23-72", 4, "Publish")}
    got = {(e["report_id"], e["rec_number"], e["value"]) for e in ex.status_events}
    assert {("OIG-23-71", 2, "open"), ("OIG-23-71", 2, "resolved"), ("OIG-23-71", 2, "concur"),
            ("OIG-23-72", 4, "open"), ("OIG-23-72", 4, "unresolved"), ("OIG-23-72", 4, "nonconcur"),
            ("OIG-23-71", 1, "closed"), ("OIG-23-71", 3, "closed"), ("OIG-23-72", 2, "closed"),
            ("OIG-23-72", 5, "nonconcur")} <= got
    assert not any(e["rec_number"] == 2 and e["report_id"] == "OIG-23-71" and e["value"] == "closed"
                   for e in ex.status_events)


REPORT_CARD = """Open Recommendations
Submitting OIG: Department of Homeland Security OIG

TSA Needs Better Canine Records
Report Number: OIG-23-48
Total recommendations: 4 · Open: 3 · Closed: 1

Rec. #
Status
Questioned Costs
Recommendation
2
Open - Resolved
$0
Require coordinators to observe one assessment for every team each quarter.
3
Open - Unresolved

Revise the canine handbook to set a minimum of weekly training minutes.
4
Open - Resolved
$1,200
Recoup the reimbursements paid for teams that were not certified.

Closed recommendations ▸ show
"""


def test_report_card_tally_empty_cells_and_titles():
    """A tally ("Total recommendations: 4 · Open: 3 · Closed: 1") gives n-of-m claims on the page's report;
    a row whose empty cell left no line is still read to its end (the next row keeps its number);
    page titles ("Open Recommendations", "Closed recommendations ▸ show") claim nothing."""
    ex = _extract(REPORT_CARD)
    assert {(r["rec_number"], r["text"].split()[0]) for r in ex.recommendations} == {
        (2, "Require"), (3, "Revise"), (4, "Recoup")}
    numbered = {(e["rec_number"], e["value"]) for e in ex.status_events if e["rec_number"]}
    assert numbered == {(2, "open"), (2, "resolved"), (3, "open"), (3, "unresolved"), (4, "open"), (4, "resolved")}
    tallies = {(e["value"], e["scope"], e["count"], e["total"], e["report_id"]) for e in ex.status_events
               if not e["rec_number"]}
    assert tallies == {("open", "n_of_m", 3, 4, "OIG-23-48"), ("closed", "n_of_m", 1, 4, "OIG-23-48")}


SEARCH_RESULTS = """Recommendations
Data current through 02/28/2025

■ OIG-24-62  ·  Recommendation 4  ·  United States Secret Service  ·  Issued 07/02/2024
   The Secret Service Has Not Fully Implemented Its Body-Worn Camera Program
   Audit a random sample of recordings each quarter; and report the results to the Office of Professional Responsibility.
   Status: Open        Significant: No

■ OIG-23-24  ·  Recommendation 3  ·  U.S. Customs and Border Protection  ·  Issued 03/08/2023
   CBP Did Not Consistently Inspect Outbound Rail Cargo
   Assess staffing at the four rail crossings where outbound inspections were suspended.
   Status: Unresolved        Significant: No        Agency Response: Non-concur

Recommendation #2                                   ★ Significant
Reconcile the equipment inventory with the property system once a year, and retire records for units removed from service.
Status:  Resolved-Open
Agency Response:  Concur
"""


def test_records_headed_by_a_line_of_their_own():
    """A head line naming number, report, component and date ("■ OIG-24-62 · Recommendation 4 · …"),
    or only the number ("Recommendation #2   ★ Significant"), then the report's title, the action on
    lines of its own (a semicolon between two actions) and "Status:" / "Agency Response:" lines."""
    ex = _extract(SEARCH_RESULTS)
    recs = sorted((r["report_id"], r["rec_number"], " ".join(r["text"].split()[:2])) for r in ex.recommendations)
    assert recs == [("OIG-23-24", 2, "Reconcile the"), ("OIG-23-24", 2, "retire records"),
                    ("OIG-23-24", 3, "Assess staffing"), ("OIG-24-62", 4, "Audit a"), ("OIG-24-62", 4, "report the")]
    got = {(e["report_id"], e["rec_number"], e["value"]) for e in ex.status_events}
    assert {("OIG-24-62", 4, "open"), ("OIG-23-24", 3, "unresolved"), ("OIG-23-24", 3, "nonconcur"),
            ("OIG-23-24", 2, "resolved"), ("OIG-23-24", 2, "open"), ("OIG-23-24", 2, "concur")} <= got


COLUMN_TABLE = """Appendix 3
Significant Recommendations Not Yet Implemented

Component
Report No.
Report Title
Rec. No.
Recommendation (summary)
Status

FEMA
OIG-18-93
FEMA Should Recover Ineligible Debris Costs
3
Recover $12,408,311 in ineligible debris removal costs.
Resolved – Open

USCG
OIG-17-42
The Coast Guard Cannot Confirm Cutter Maintenance
1
Establish a single record of depot-level maintenance on each cutter.
Unresolved – Open

Removed since our last report: recommendation 2 of OIG-17-42 and recommendation 4 of OIG-19-12 were closed in February 2020.
"""


def test_a_table_one_cell_per_line_whose_rows_do_not_open_with_the_number():
    """Column heads ("Component", "Report No.", …, "Rec. No.", "Status") then one block of as many lines
    per row: number, report, action and status from their columns; a sentence naming two reports gives
    each number the report written next to it."""
    ex = _extract(COLUMN_TABLE)
    assert sorted((r["report_id"], r["rec_number"], r["text"].split()[0]) for r in ex.recommendations) == [
        ("OIG-17-42", 1, "Establish"), ("OIG-18-93", 3, "Recover")]
    got = {(e["report_id"], e["rec_number"], e["value"]) for e in ex.status_events}
    assert {("OIG-18-93", 3, "resolved"), ("OIG-18-93", 3, "open"), ("OIG-17-42", 1, "unresolved"),
            ("OIG-17-42", 1, "open"), ("OIG-17-42", 2, "closed"), ("OIG-19-12", 4, "closed")} <= got
    assert ("OIG-19-12", 2, "closed") not in got and ("OIG-17-42", 4, "closed") not in got


DRILLDOWN = """DETAIL — OIG-23-41
  FLETC Should Improve Its Tracking of Instructor Certifications

  Rec. 1    Record each instructor's certification expiration date in the
            scheduling system.
            → Open-Resolved
  Rec. 2    Suspend instructors with lapsed certifications from teaching.
            → Closed - Implemented (02/12/2024)
"""


def test_status_lines_marked_by_an_arrow():
    """A dashboard's drill-down gives each record's status on a line of its own after an arrow."""
    ex = _extract(DRILLDOWN)
    assert {(e["rec_number"], e["value"]) for e in ex.status_events} == {(1, "open"), (1, "resolved"), (2, "closed")}
    assert [r["text"] for r in ex.recommendations if r["rec_number"] == 1] == [
        "Record each instructor's certification expiration date in the scheduling system"]


JSON_PASTE = """-- pasted from Oversight.gov > Recommendations > Download > JSON --
[
  {
    "report_number": "OIG-22-44",
    "recommendation_number": "3",
    "recommendation": "Update the radiation detection procedures; and distribute the update to all land border ports.",
    "status": "Open - Unresolved",
    "agency_response": "Non-Concur",
    "closed_date": null
  },
  {
    "reportNumber": "OIG-21-61",
    "recommendationNumber": 2,
    "recommendation": "Suspend the travel card of any employee whose balance is past due.",
    "status": "Closed - Implemented"
"""


def test_an_export_pasted_as_json():
    """An export's records pasted as JSON (snake or camel case keys, a last object cut short): number,
    report, actions and status from their fields, quoted with the whole object."""
    ex = _extract(JSON_PASTE)
    assert sorted((r["report_id"], r["rec_number"], r["text"].split()[0]) for r in ex.recommendations) == [
        ("OIG-21-61", 2, "Suspend"), ("OIG-22-44", 3, "Update"), ("OIG-22-44", 3, "distribute")]
    assert {(e["report_id"], e["rec_number"], e["value"]) for e in ex.status_events} == {
        ("OIG-22-44", 3, "open"), ("OIG-22-44", 3, "unresolved"), ("OIG-22-44", 3, "nonconcur"),
        ("OIG-21-61", 2, "closed")}


DECISION_LETTER = """Re: Closure request for OIG-21-58

    Rec.   ICE asked to   Our decision   Status after this letter
    ----   ------------   ------------   -------------------------
     1     Close          Granted        Closed
     2     Close          Denied         Resolved - Open
     3     --             --             Unresolved - Open

We are not closing recommendation 2.
"""


def test_a_status_table_under_its_header_and_a_denied_closure():
    """Rows of a table whose header names the number and status columns ("Rec. … Status after this
    letter") are status claims though no row names its report; "We are not closing recommendation 2"
    claims no closure."""
    ex = _extract(DECISION_LETTER, "oig_report")
    got = {(e["report_id"], e["rec_number"], e["value"]) for e in ex.status_events}
    assert {("OIG-21-58", 1, "closed"), ("OIG-21-58", 2, "resolved"), ("OIG-21-58", 2, "open"),
            ("OIG-21-58", 3, "unresolved"), ("OIG-21-58", 3, "open")} <= got
    assert ("OIG-21-58", 2, "closed") not in got
