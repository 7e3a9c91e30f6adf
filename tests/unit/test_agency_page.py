import datetime as dt

from flows.extract import extract_document
from flows.extract.model import Document

TEXT = """Skip to main content
U.S. Immigration and Customs Enforcement

287(g) Program Update

The OIG reviewed the program in 2010 and published "The Performance of 287(g) Agreements FY 2011 Update" in September 2011. A further review was issued in September 2012.

ICE has implemented and closed all recommendations from both reports.

ICE currently has 287(g) agreements with 60 law enforcement agencies in 18 states, supported by five (5) national program managers. The MOA was revised in 2019.

Before receiving delegated authority, every designated officer must complete the 287(g) Basic Training Program (BTP), a three-week course held at the ICE Academy in Charleston, South Carolina. It covers immigration law, civil rights and ICE systems. Officers must complete refresher training every 24 months.

Questions? Call (202) 555-0100 or visit us 24/7.
"""


def test_agency_claim_points_back_to_both_reports(entries):
    ex = extract_document(Document("b" * 16, TEXT, "agency_page", dt.date(2020, 1, 1), entries))
    claims = {(e["report_id"], e["value"], e["asserted_by"]) for e in ex.status_events}
    assert claims == {("OIG-11-119", "closed", "agency"), ("OIG-12-130", "closed", "agency")}
    assert all(e["rec_id"] is None for e in ex.status_events)


def test_program_facts_and_training(entries):
    ex = extract_document(Document("b" * 16, TEXT, "agency_page", dt.date(2020, 1, 1), entries))
    facts = {(f["attribute"], f["value_num"], f["value_text"]) for f in ex.program_facts}
    assert {("participating_agencies", 60.0, None), ("participating_states", 18.0, None),
            ("national_program_managers", 5.0, None), ("moa_revised", 2019.0, None)} <= facts
    assert not any(f["value_num"] in (202.0, 555.0, 24.0) for f in ex.program_facts)
    reqs = {r["kind"]: r for r in ex.training_requirements}
    basic, refresher = reqs["basic"], reqs["refresher"]
    assert (basic["course_code"], basic["duration_value"], basic["duration_unit"], basic["mandatory"]) == (
        "BTP", 3.0, "week", True)
    assert basic["location"] == "ICE Academy in Charleston, South Carolina"
    assert basic["topics"] == ["immigration law", "civil rights", "ICE systems"]
    assert (refresher["frequency_months"], refresher["mandatory"]) == (24, True)
    for r in ex.training_requirements + ex.program_facts:
        assert TEXT[r["start"]:r["end"]] == r["quote"]


RESTATED = """The OIG recommended, among other things, that TSA set a minimum number of recurrent training hours.
The OIG recommended that we develop a standard curriculum for all field offices, make sure every new officer
completes on-the-job training before working alone, and record that training in PALMS.
Those recommendations ask us to track each driver's training in a single system (Recommendation 1), and to
add night modules to the driver course (Recommendation 3).
Recommendation 4 called for FLETC to install vehicle data recorders in every training vehicle.
"Our partners asked us to simplify scheduling, and the inspector general asked us to make sure it actually gets
done," said the director.
"""


def test_an_agency_restating_oig_recommendations():
    """An aside after the verb, "we" as the one to act, "Recommendation 4 called for", "(Recommendation 1)"
    after an action giving its number; a vague "make sure it gets done" inside a quotation is no action."""
    from flows.extract import extract_document
    from flows.extract.model import Document
    ex = extract_document(Document("r" * 16, RESTATED, "agency_page", None, []))
    got = sorted((r["text"].split()[0], r["rec_number"]) for r in ex.recommendations)
    assert got == [("add", 3), ("develop", None), ("install", 4), ("make", None), ("record", None),
                   ("set", None), ("track", 1)]


def test_an_agency_reporting_that_oig_closed_a_recommendation():
    from flows.extract import extract_document
    from flows.extract.model import Document
    text = ("In OIG-23-61 the OIG made four recommendations. The OIG closed Recommendation 2 in February 2024. "
            "FEMA has implemented Recommendation 1.")
    ex = extract_document(Document("c" * 16, text, "agency_page", None, []))
    got = {(e["rec_number"], e["value"], e["asserted_by"]) for e in ex.status_events if e["rec_number"]}
    assert got == {(2, "closed", "oig"), (1, "closed", "agency")}


def test_oig_closing_one_recommendation_does_not_speak_for_the_agency_in_the_same_sentence():
    from flows.extract import extract_document
    from flows.extract.model import Document
    text = "In OIG-23-61 the OIG closed Recommendation 2; FEMA has implemented Recommendation 1."
    ex = extract_document(Document("d" * 16, text, "agency_page", None, []))
    got = {(e["rec_number"], e["value"], e["asserted_by"]) for e in ex.status_events if e["rec_number"]}
    assert (1, "closed", "agency") in got and (1, "closed", "oig") not in got


AGENCY_RECS = """Statement on the OIG's Review of Asylum Officer Training

USCIS concurs with recommendations 1, 2 and 5. The OIG asked us to bar officers from conducting interviews until they finish both courses (Recommendation 1); to track mandatory training for every officer in one system (Recommendation 2); and to revise the procedures manual to reflect current rules (Recommendation 5).

We also partially concur with Recommendation 4, which would lengthen the advanced course by one week.

Recommendation 3 would require a second supervisory review of every positive determination. Recommendation 3 will remain unresolved and open until we agree on a plan.

The report's recommendations, in plain terms:

  – The auditors called on USCIS to adopt one national interview standard.
  – Purge interview notes held past their retention date.

Fifth, the OIG recommended that USCIS replace contract interpreters with federal staff for interviews in detention. Earlier, the OIG recommended that USCIS record each contract interpreter's languages in its case system.
"""


def test_agency_restating_recommendations_by_tag_by_number_and_in_items():
    """Actions each closing with their tag ("… (Recommendation 2); and to revise …") are split at the
    tags and numbered by them; "Recommendation 3 would require …" and "Recommendation 4, which would
    lengthen …" state what a numbered one asks even in the agency's "we" sentence, but "will remain
    … open" asks nothing; a list item that reports on its own ("The auditors called on …") is read,
    and the list goes on; two actions on one topic sharing a few words stay two."""
    ex = extract_document(Document("f" * 16, AGENCY_RECS, "agency_page", None, []))
    got = {(r["rec_number"], " ".join(r["text"].split()[:2])) for r in ex.recommendations}
    assert got == {(1, "bar officers"), (2, "track mandatory"), (5, "revise the"), (4, "lengthen the"),
                   (3, "require a"), (None, "adopt one"), (None, "Purge interview"), (None, "replace contract"),
                   (None, "record each")}
    for r in ex.recommendations:
        assert AGENCY_RECS[r["start"]:r["end"]] == r["quote"]


FACT_SHEET = """CBP Actions on Inspector General Recommendations (OIG-24-46)

Recommendation 1 — Staffing

What the OIG asked for: that the Border Patrol determine how many coordinators each sector needs.

CBP's response: Concur. CBP considers this recommendation implemented.

Recommendation 2 — Training

What the OIG asked for: that the Border Patrol train every coordinator before assignment.

CBP's response: Partially concur.

Where it stands: The OIG considers this recommendation unresolved.
"""


def test_record_fields_in_paragraphs_of_their_own_take_the_heads_number():
    """A fact sheet's record ("Recommendation 2 — Training", then paragraphs "CBP's response: …" and
    "Where it stands: The OIG considers this recommendation unresolved.") numbers its claims by its head,
    and OIG's determination reported on the agency's page is OIG's."""
    ex = extract_document(Document("j" * 16, FACT_SHEET, "agency_page", None, []))
    got = {(e["rec_number"], e["value"], e["asserted_by"]) for e in ex.status_events}
    assert {(1, "concur", "agency"), (1, "closed", "agency"), (2, "partially_concur", "agency"),
            (2, "unresolved", "oig")} <= got
    assert all(e["report_id"] == "OIG-24-46" for e in ex.status_events if e["rec_number"])


def test_a_count_of_responses_without_the_noun():
    """"CBP concurred with three and partially concurred with one" counts responses on the report the
    page is about, though the word "recommendations" is in the sentence before."""
    text = ("Border Patrol Coordinators (OIG-24-46). The report made four recommendations. "
            "CBP concurred with three and partially concurred with one.\n")
    ex = extract_document(Document("k" * 16, text, "agency_page", None, []))
    got = {(e["report_id"], e["value"], e["scope"], e["count"]) for e in ex.status_events}
    assert got == {("OIG-24-46", "concur", "n_of_m", 3), ("OIG-24-46", "partially_concur", "n_of_m", 1)}


def test_a_status_sentence_wrapped_onto_a_line_is_not_a_table_cell():
    """"… the OIG informed TSA that it considers\\nRecommendations 2 and 5 resolved and closed." is OIG's
    claim read as a sentence, not a status cell of a line that happens to start with the numbers."""
    text = ("TSA FAQ\n\nIn a letter dated September 30, 2024, the OIG informed TSA that it considers\n"
            "Recommendations 2 and 5 resolved and closed. Recommendations 1, 3, 4 and 6\nremain open.\n")
    ex = extract_document(Document("r" * 16, text, "agency_page", None, []))
    got = {(e["rec_number"], e["value"], e["asserted_by"]) for e in ex.status_events}
    assert {(2, "closed", "oig"), (5, "resolved", "oig"), (6, "open", "agency")} <= got
    assert not any(e["asserted_by"] == "agency" and e["value"] == "closed" for e in ex.status_events)
