import datetime as dt

from flows.extract import extract_document
from flows.extract.model import Document

REPORT = """OFFICE OF INSPECTOR GENERAL
Department of Homeland Security

ICE Needs Better Records of Partner Training

OIG-21-99
March 3, 2021
\fOIG-21-99
MEMORANDUM FOR: Jane Roe
Acting Director
U.S. Immigration and Customs Enforcement
FROM: John Doe
Inspector General
SUBJECT: ICE Needs Better Records of Partner Training

Attached is our final report. We made three recommendations to ICE.
www.oig.dhs.gov 1
\fOIG-21-99
Recommendations
We recommend that the Executive Associate Director of Enforcement and Removal Operations:
Recommendation 1: Establish a system to track completion of refresher train-
ing by every designated officer.

Recommendation #2: Revise the 287(g) guidance to require quarterly reviews of
www.oig.dhs.gov 2
\fOIG-21-99
training records by field program managers.

Recommendation 3. We recommend that the ICE Director assess staffing needs for program management.

Management Comments and OIG Analysis
ICE Response to Recommendation 1: Concur. ICE will deploy a tracking tool. Estimated Completion Date (ECD): June 30, 2021. ICE requests that OIG consider this recommendation resolved and closed.
OIG Analysis: We consider this recommendation resolved and open until ICE provides documentation.
ICE Response to Recommendation 2: Non-concur. ICE believes current guidance is sufficient.
OIG Analysis: This recommendation is unresolved and open.
ICE Response to Recommendation 3: Partially concur. ECD: December 31, 2021.
OIG Analysis: The recommendation is resolved and open.
www.oig.dhs.gov 3
\fOIG-21-99
Status of Recommendations from OIG-18-77
Recommendation 1 Develop a staffing model Closed
Recommendation 4 Improve IT systems Resolved – Open
We have closed all recommendations from OIG-10-124.
www.oig.dhs.gov 4
"""


def test_report_recommendations_responses_and_statuses(entries):
    ex = extract_document(Document("c" * 16, REPORT, "oig_report", None, entries))
    assert [(r["report_id"], r["issued_on"], r["n_recommendations_stated"]) for r in ex.reports] == [
        ("OIG-21-99", dt.date(2021, 3, 3), 3)]
    assert ex.reports[0]["title"] == "ICE Needs Better Records of Partner Training"
    recs = {r["rec_number"]: r for r in ex.recommendations}
    assert sorted(recs) == [1, 2, 3]
    assert recs[1]["text"] == "Establish a system to track completion of refresher training by every designated officer."
    assert recs[2]["text"].endswith("quarterly reviews of training records by field program managers.")
    assert recs[1]["addressee"] == "Executive Associate Director of Enforcement and Removal Operations"
    assert recs[3]["addressee"].startswith("ICE Director")
    assert recs[1]["rec_id"] == "OIG-21-99-R1" and recs[1]["evidence"] == "primary"
    assert recs[1]["estimated_completion_on"] == dt.date(2021, 6, 30)
    ev = {(e["rec_number"], e["report_id"], e["kind"], e["value"]) for e in ex.status_events}
    assert {(1, "OIG-21-99", "response", "concur"), (1, "OIG-21-99", "status", "resolved"),
            (1, "OIG-21-99", "status", "open"), (2, "OIG-21-99", "response", "nonconcur"),
            (2, "OIG-21-99", "status", "unresolved"), (3, "OIG-21-99", "response", "partially_concur")} <= ev
    assert (1, "OIG-21-99", "status", "closed") not in ev  # ICE's request is not OIG's determination
    assert {(1, "OIG-18-77", "status", "closed"), (4, "OIG-18-77", "status", "resolved"),
            (4, "OIG-18-77", "status", "open"), (None, "OIG-10-124", "status", "closed")} <= ev
    for row in ex.recommendations + ex.status_events:
        assert REPORT[row["start"]:row["end"]] == row["quote"]
    assert all(e["asserted_by"] == "oig" for e in ex.status_events)


HIGHLIGHTS = """DHS OIG HIGHLIGHTS                                                 OIG-21-12

FLETC Does Not Verify Instructor Certifications

December 9, 2020

What We Recommend
We recommend that the FLETC Director:
   •  assign one office to verify instructor certifications at every training
      delivery point;
   •  require training delivery points to record certifications in SASS; and
   •  bar instructors with expired certifications from teaching until they recertify.

FLETC Response
FLETC concurred with all three recommendations.
"""


def test_items_of_one_list_stay_distinct_actions():
    """Items of one list share words ("training delivery point", "certifications") but are three
    actions; the heading's "Recommend" is not one; "bar" opens an action though no hand list has it."""
    ex = extract_document(Document("h" * 16, HIGHLIGHTS, "oig_report", None, []))
    assert [r["text"].split()[0] for r in ex.recommendations] == ["assign", "require", "bar"]


def test_should_sentences_after_we_recommend_are_recommendations():
    text = ("What We Recommend\nWe made three recommendations. USCIS should confirm that each officer has finished "
            "training before approving assignments, keep all training records in one system, and report "
            "compliance to the Director each quarter.\n\nWhat We Found\nUSCIS should have kept one record.\n")
    ex = extract_document(Document("s" * 16, text, "oig_report", None, []))
    assert [r["text"].split()[0] for r in ex.recommendations] == ["confirm", "keep", "report"]


def test_own_report_is_the_footer_id_not_one_cited_on_the_cover():
    """A Highlights page cites an earlier report in a sentence near the top and carries its own id
    only in the footer: the footer's id is its own, and its Response speaks of it."""
    text = ("DHS OIG HIGHLIGHTS\nFEMA Should Track Deployment Training\n\nJuly 22, 2021\n\nWhat We Found\n"
            "In 2016 we reported weaknesses in training oversight (OIG-16-19). FEMA still cannot show who is "
            "qualified.\n\nWhat We Recommend\nWe recommend that the FEMA Administrator (1) designate one office to "
            "keep qualification records; and (2) reconcile paper certificates quarterly.\n\nFEMA Response\n"
            "FEMA concurred with both recommendations. We consider recommendation 1 resolved and open.\n\n"
            "www.oig.dhs.gov                                   OIG-21-58\n")
    doc = Document("f" * 16, text, "oig_report", None, [])
    from flows.extract.report_structure import identity
    assert identity(doc)[0] == "OIG-21-58"
    ex = extract_document(doc)
    numbered = {(e["report_id"], e["rec_number"], e["value"]) for e in ex.status_events if e["rec_number"]}
    assert ("OIG-21-58", 1, "resolved") in numbered and not any(r == "OIG-16-19" for r, _, _ in numbered)


def test_discussions_in_a_page_that_lost_its_line_breaks():
    """A host transcript runs a page's sections together: each "<Component> Response to
    Recommendation N" opens that recommendation's discussion wherever it falls in the line."""
    text = ("OIG-25-15\nRecommendations\nRecommendation 1: Require field offices to reconcile each trust account.\n"
            "Recommendation 2: Identify former detainees whose balances were not forwarded.\n\n"
            "Management Comments and OIG Analysis "
            "ICE Response to Recommendation 1: Concur ERO will add a step OIG Analysis: the recommendation is "
            "resolved and open ICE Response to Recommendation 2: Non-concur ICE stated that offices already "
            "answer for funds OIG Analysis: we consider this recommendation unresolved and open\n"
            "www.oig.dhs.gov 9 OIG-25-15\n")
    ex = extract_document(Document("p" * 16, text, "oig_report", None, []))
    got = {(e["rec_number"], e["kind"], e["value"]) for e in ex.status_events if e["rec_number"]}
    assert got == {(1, "response", "concur"), (1, "status", "resolved"), (1, "status", "open"),
                   (2, "response", "nonconcur"), (2, "status", "unresolved"), (2, "status", "open")}


DAMAGED_HEADS = """OIG-24-33 wwwoigdhsgov 5
Recommendations
We recommend that the Executive Assistant Commissioner Office of Field Operations
Recommendation 1 Require each port to record the reason for every secondary referral in the case system
Recommendation  Train officers on the revised referral criteria within six months of issuance
Recommendation 3 We recommend that the Executive Assistant Commissioner establish a quarterly review of referral data

www.oig.dhs.gov 6 OIG-24-33
"""


def test_recommendation_heads_a_transcript_damaged():
    """A head with no colon, one whose digit was dropped (between 1 and 3 it is 2), one that opens
    "We recommend": three recommendations, each ending where the next head's line begins."""
    ex = extract_document(Document("d" * 16, DAMAGED_HEADS, "oig_report", None, []))
    got = sorted((r["rec_number"], r["text"]) for r in ex.recommendations)
    assert got == [
        (1, "Require each port to record the reason for every secondary referral in the case system"),
        (2, "Train officers on the revised referral criteria within six months of issuance"),
        (3, "We recommend that the Executive Assistant Commissioner establish a quarterly review of referral data"),
    ]


CLOSEOUT = """OIG-22-49
Recommendation 4:    Resolved and open
Recommendation 5:    Closed

Recommendations two and three asked FEMA to deobligate unused mission assignment funds within 90 days, and to
train regional managers on closeout procedures. Recommendation four asked FEMA to recover $4.2 million in
unsupported mission assignment costs. Recommendation 5 called for a plan to address simulator shortages.
Recommendation 6, which asked FEMA to report closeout rates each quarter, remains resolved and open.

www.oig.dhs.gov 2 OIG-22-49
"""


def test_a_closeout_letter_restating_recommendations_by_number():
    """A status table's "Recommendation 4:   Resolved and open" defines nothing; numbers in words,
    a verb no dictionary has ("deobligate" = de + obligate), what a numbered recommendation "called
    for", and no trailing "remains resolved and open" in the action; two numbers are two
    recommendations however many words they share."""
    ex = extract_document(Document("c" * 16, CLOSEOUT, "oig_report", None, []))
    got = sorted((r["rec_number"], " ".join(r["text"].split()[:3])) for r in ex.recommendations)
    assert got == [(2, "deobligate unused mission"), (3, "train regional managers"), (4, "recover $4.2 million"),
                   (5, "a plan to"), (6, "report closeout rates")]
    assert not any(r["text"].endswith("open") for r in ex.recommendations)


BULLETS_NO_LEAD = """DHS OIG HIGHLIGHTS                                   OIG-25-30

What We Recommend

  •  Designate one office at headquarters to oversee TECC training.
  •  Retire outdated TECC curricula at field offices.

Our two recommendations aim to have USCIS certify officers before they test applicants, and record
test administration training in a single system.

Recommendation 3 — Records

What the OIG asked for: that CBP record processing coordinator training in PALMS.
"""


def test_heading_led_bullets_aims_and_asked_for_labels():
    """"What We Recommend" alone as a heading leads the bullets under it; "recommendations aim to have
    USCIS certify …"; "What the OIG asked for: that CBP record …" under "Recommendation 3 — Records"
    carries number 3."""
    ex = extract_document(Document("b" * 16, BULLETS_NO_LEAD, "oig_report", None, []))
    got = sorted(((r["rec_number"], r["text"].split()[0]) for r in ex.recommendations), key=str)
    assert got == sorted([(3, "record"), (None, "Designate"), (None, "Retire"), (None, "certify"), (None, "record")],
                         key=str)


MIXED_STATUSES = """MEMORANDUM FOR: Pat Doe, Assistant Administrator, Federal Emergency Management Agency
SUBJECT: FEMA Can Improve Oversight of Hotel Payments (OIG-22-91)

The report contains four recommendations. FEMA concurred with all four. Based on your response, we consider recommendations 1 and 2 resolved and open, recommendation 3 resolved and closed, and recommendation 4 unresolved and open. Page 2 Management Comments FEMA Response to Recommendation 3: Concur. FEMA issued a notice in March. OIG Analysis: The notice satisfies the intent of the recommendation, which is resolved and closed. FEMA Response to Recommendation 4: Concur. FEMA will consider metrics later. OIG Analysis: We consider this recommendation unresolved and open.
"""


def test_statuses_of_a_mixed_list_and_of_records_run_together():
    """"recommendations 1 and 2 resolved and open, recommendation 3 resolved and closed, and
    recommendation 4 unresolved and open": each status belongs to the list it follows (the next
    list is not its object), and a repeated wording is kept for each list; a record head in running
    text ("FEMA Response to Recommendation 4:") is the number "this recommendation" means."""
    ex = extract_document(Document("d" * 16, MIXED_STATUSES, "oig_report", None, []))
    got = {(e["rec_number"], e["value"]) for e in ex.status_events if e["kind"] == "status"}
    assert got == {(1, "resolved"), (1, "open"), (2, "resolved"), (2, "open"), (3, "resolved"), (3, "closed"),
                   (4, "unresolved"), (4, "open")}
    by_quote = {(e["rec_number"], e["value"]) for e in ex.status_events if "Response to Recommendation" in e["quote"]}
    assert {(3, "closed"), (4, "unresolved")} <= by_quote
    for e in ex.status_events:
        assert MIXED_STATUSES[e["start"]:e["end"]] == e["quote"]


def test_a_response_wording_takes_the_numbers_after_it():
    """"concurred with recommendation 1, partially concurred with recommendations 2 and 4": a wording
    whose object follows it ("… with") governs the list after it, not the one before."""
    text = ("MEMORANDUM FOR: Jo Roe\nSUBJECT: TSA Canine Teams (OIG-23-17)\n\nTSA concurred with recommendation 1, "
            "partially concurred with recommendations 2 and 4, and did not concur with recommendation 3.\n")
    ex = extract_document(Document("g" * 16, text, "oig_report", None, []))
    assert {(e["rec_number"], e["value"]) for e in ex.status_events} == {
        (1, "concur"), (2, "partially_concur"), (4, "partially_concur"), (3, "nonconcur")}


STRIPPED = """Page 1: CBP Needs Better Range Safety OIG-24-91

Page 2: Attached for your action is our final report The report contains three recommendations CBP concurred with recommendations 1 and 3 and partially concurred with recommendation 2 We consider recommendations 1 through 3 resolved and open

Page 3: Recommendations We recommend the Executive Assistant Commissioner Office of Training Recommendation 1 Inspect every indoor range each year Recommendation 2 Replace range ventilation filters on a fixed schedule Recommendation 3 Train range officers on lead exposure limits Management Comments and OIG Analysis CBP Response to Recommendation 1 Concur CBP will inspect ranges annually OIG Analysis We consider this recommendation resolved and open
"""


def test_a_transcript_without_punctuation_and_one_wording_read_once():
    """"Training Recommendation 1 Inspect every …" heads a recommendation where a host site stripped
    the colons and line breaks (a run of numbered heads, 1 and 2 at least); "partially concurred with
    recommendation 2 We consider recommendations 1 through 3 …" takes only its own list; a record's
    "Concur" read by two readers is one claim, while the summary's concurrence stays a claim of its own."""
    ex = extract_document(Document("h" * 16, STRIPPED, "oig_report", None, []))
    assert sorted((r["rec_number"], r["text"].split()[0]) for r in ex.recommendations) == [
        (1, "Inspect"), (2, "Replace"), (3, "Train")]
    responses = sorted((e["rec_number"], e["value"]) for e in ex.status_events if e["kind"] == "response")
    assert responses == [(1, "concur"), (1, "concur"), (2, "partially_concur"), (3, "concur")]


def test_a_status_after_the_lists_report_and_verb():
    """"recommendation 1 in OIG-24-26 is closed, and recommendations 2, 3, and 4 remain open": the
    status after "in <report> is" belongs to the list before it, not to the next list."""
    text = "OIG-24-26\n\nIn sum, recommendation 1 in OIG-24-26 is closed, and recommendations 2, 3,\nand 4 remain open.\n"
    ex = extract_document(Document("m" * 16, text, "oig_listing", None, []))
    assert {(e["rec_number"], e["value"]) for e in ex.status_events} == {
        (1, "closed"), (2, "open"), (3, "open"), (4, "open")}


SECRETARY_MEMO = """MEMORANDUM FOR:     The Secretary
SUBJECT:            Recommendations Open More Than Two Years

OIG-19-52 -- TSA Does Not Verify Badge Holder Training (July 2019)

    TSA concurred with all six recommendations. #1 through #4 are closed.

OIG-20-41 -- The Coast Guard Does Not Ensure Boarding Team Qualifications (June 2020)

    Status by recommendation
      1-3 ............ Resolved / Open
      4 .............. Closed

OIG-21-07 -- Coast Guard Air Stations Cannot Account for Immersion Suits (November 2020)

    The report's only recommendation, that the Coast Guard reconcile immersion suit inventories with its
    property system, was closed administratively on May 4, 2022.

Across the three reports, six recommendations remain open.
"""


def test_a_memo_about_several_reports():
    """A memo whose sections are each headed by a report's id and title has no report of its own: each
    section's claims are its report's; a status table drawn with leader dots gives each number of a
    range its status; "The report's only recommendation, that …" states it; a count across the reports
    is no one report's."""
    doc = Document("q" * 16, SECRETARY_MEMO, "oig_report", None, [])
    from flows.extract.report_structure import identity
    assert identity(doc)[0] is None
    ex = extract_document(doc)
    got = {(e["report_id"], e["rec_number"], e["value"]) for e in ex.status_events if e["rec_number"]}
    assert {("OIG-19-52", n, "closed") for n in (1, 2, 3, 4)} <= got
    assert {("OIG-20-41", n, v) for n in (1, 2, 3) for v in ("resolved", "open")} | {("OIG-20-41", 4, "closed")} <= got
    assert [r["report_id"] for r in ex.recommendations if r["text"].startswith("reconcile immersion")] == ["OIG-21-07"]
    across = [e for e in ex.status_events if e["quote"].startswith("Across")]
    assert across and all(e["report_id"] is None for e in across)
