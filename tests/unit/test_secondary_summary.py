import datetime as dt

from flows.extract import extract_document
from flows.extract.model import Document

TEXT = """Watchdog Weekly
Published: May 2, 2024

In a September 2018 report on ICE's expanding 287(g) program, the inspector general recommended that ICE hire more program managers and upgrade the IT systems used to track officer training [1][2]. ICE concurred, but the report's recommendations remained open as of last year [3].

Separately, OIG-18-67 urged ICE to develop follow-up inspections for facilities with serious deficiencies [4]. That recommendation has since been closed [5].

Critics have recommended ending the program altogether [6]. OIG did not recommend ending it.

The inspector general has repeatedly recommended that ICE hire more program managers for 287(g) [7].

Want to know more?
Which recommendations remain open?
"""


def _run(entries):
    return extract_document(Document("a" * 16, TEXT, "secondary_summary", dt.date(2024, 5, 2), entries))


def test_recommended_actions_with_citations_and_links(entries):
    ex = _run(entries)
    recs = {r["text"]: r for r in ex.recommendations}
    assert set(recs) == {"hire more program managers", "upgrade the IT systems used to track officer training",
                         "develop follow-up inspections for facilities with serious deficiencies"}
    hire = recs["hire more program managers"]
    assert hire["citations"] == ["1", "2"] and hire["evidence"] == "secondary"
    assert (hire["report_id"], hire["report_link"]) == ("OIG-18-77", "inferred")
    follow = recs["develop follow-up inspections for facilities with serious deficiencies"]
    assert (follow["report_id"], follow["report_link"]) == ("OIG-18-67", "stated")
    assert "inspection_follow_up" in follow["themes"]
    for r in ex.recommendations:
        assert TEXT[r["start"]:r["end"]] == r["quote"]


def test_claims_attach_only_where_the_passage_identifies_the_recommendation(entries):
    ex = _run(entries)
    recs = {r["text"]: r["rec_id"] for r in ex.recommendations}
    follow = recs["develop follow-up inspections for facilities with serious deficiencies"]
    attached = {(e["rec_id"], e["kind"], e["value"]) for e in ex.status_events if e["rec_id"]}
    # "That recommendation has since been closed": the one action just reported, quoted with it
    assert attached == {(follow, "status", "closed")}
    closed = next(e for e in ex.status_events if e["rec_id"] == follow)
    assert closed["scope"] == "one" and "develop follow-up inspections" in closed["quote"]
    # "the report's recommendations remained open": a claim about the report, not about each action
    report_claims = {(e["report_id"], e["kind"], e["value"], e["scope"]) for e in ex.status_events if not e["rec_id"]}
    assert ("OIG-18-77", "status", "open", "all") in report_claims
    # "ICE concurred" names neither recommendation: kept, attached to none
    assert any(e["kind"] == "response" and e["rec_id"] is None for e in ex.status_events)
    for e in ex.status_events:
        assert e["asserted_by"] == "secondary" and e["as_of"] == dt.date(2024, 5, 2)
        assert e["as_of_source"] == "document"  # "as of last year" gives no date


def test_other_speakers_negations_and_questions_are_not_recommendations(entries):
    texts = " ".join(r["text"] for r in _run(entries).recommendations)
    assert "ending" not in texts and "remain open" not in texts


NEWS_FORMS = """Coast Guard stations short of rest, watchdog says

The report makes four recommendations. It says the
Coast Guard should revise the crew-rest standard so that standby counts toward duty hours, and that the
service should build a staffing model for each station.

The agency should also reassess whether the James J. Rowley Training Center has enough instructors,
according to the report. The fourth asks the Secret Service to
report training completion rates every quarter. Another recommendation would have FEMA track the age
of every pending appeal.

Lawmakers said the Coast Guard should close two stations, and the union said the agency should hire more.
"""


def test_news_forms_of_reported_recommendations():
    """Reported speech wraps across lines; "that the service should build" is a second action; a
    "should" sentence attributed to the report, an ordinal subject ("The fourth asks") and "would
    have FEMA track" report recommendations; a lawmaker's or union's "should" does not; "J." is an
    initial, not a sentence end."""
    ex = extract_document(Document("n" * 16, NEWS_FORMS, "secondary_summary", None, []))
    firsts = sorted(r["text"].split()[0] for r in ex.recommendations)
    assert firsts == ["build", "reassess", "report", "revise", "track"]


LISTS_AND_NOUNS = """Among the fixes the OIG proposed:

  • setting a deadline for CISA to review each state's cybersecurity plan;
  • publishing guidance on which local-government costs are allowable; and
  • measuring whether funded projects actually reduce cyber risk.

According to the OIG, USCIS should apply a single standard of evidence for household income.
For the program office, the OIG called for annual performance reports tied to research milestones and for
at least one site visit to each center. The OIG recommended that TSA retrain any officer who fails a covert test.
Our inspectors work in pairs wherever the risk assessment calls for it, and a blanket rule would cut inspections.
ICE proposes to replace this program with a shorter academy course.
"""


def test_lists_attributions_and_things_called_for():
    """A list led by "the fixes the OIG proposed:", a "should" after "According to the OIG,", what
    OIG "called for" when it names things, "retrain" (re + a known verb); an agency's own proposal
    and a risk assessment "calling for" something are not recommendations."""
    ex = extract_document(Document("l" * 16, LISTS_AND_NOUNS, "secondary_summary", None, []))
    firsts = sorted(" ".join(r["text"].split()[:2]) for r in ex.recommendations)
    assert firsts == ["annual performance", "apply a", "at least", "measuring whether", "publishing guidance",
                      "retrain any", "setting a"]


NEWS_MORE = """Key takeaways
  – The OIG wants USCIS to prioritize applications tied to expiring visa numbers.

The inspector general's office made six recommendations, among them that FEMA require subrecipients to
reconcile load tickets against GPS records, and that the agency recover $4.7 million.

WHAT THE IG RECOMMENDED
The report makes two recommendations. We quote them exactly as the IG wrote them:
1) "Establish a crew endurance standard that sets minimum rest periods for cutter crews."
2) "Require commanding officers to log each crew member's rest hours."

In short, the OIG says USCIS should:
  • create a process for prioritizing applications whose visa numbers are about to expire;
  • publish its processing priorities.
"""


def test_more_news_wordings_and_the_fuller_statement_of_one_action():
    """"The OIG wants USCIS to …", "made six recommendations, among them that FEMA require …, and that
    the agency recover …", a quoted list after "The report makes two recommendations. We quote them:",
    and a summary line and a list item stating one action: the list item, fuller, stands for it."""
    ex = extract_document(Document("m" * 16, NEWS_MORE, "secondary_summary", None, []))
    firsts = sorted(" ".join(r["text"].split()[:2]) for r in ex.recommendations)
    assert firsts == ['"Establish a', '"Require commanding', "create a", "publish its", "recover $4.7", "require subrecipients"]


NEWS_LISTS = """Harbor Ledger

The Recommendations

OIG directed five recommendations to the Commandant, calling on the Coast Guard to fix its stations by:

  (1) replacing hull sensors on every response boat older than ten years;
  (2) documenting each engine overhaul in the maintenance system; and
  (3) reporting overdue overhauls to district commanders each month.

The five recommendations

The watchdog numbered its two remaining recommendations. In plain language:

  1. Translate the boarding forms into the five most common languages.
  2. Record which interpreter service was used at each boarding.

The report also told the service to set firm deadlines for repair requests, and to track repair costs for each cutter. Auditors urged Coast Guard headquarters to come up with a funding plan for the backlog.

The watchdog recommended that the Coast Guard tighten control of the program, including updating its crew certification guide, ensuring that stations bench a crew whose certification lapses, and developing a national roster of certified crews.

The inspector general also said the Coast Guard should retrain coxswains who fail two consecutive drills, and it called on the agency to notify each sector commander within five days.

The Coast Guard should survey every station pier each year, the report says, and it should take any unsafe pier out of service.

A court case, No. (1) 23-cv-4410, is unrelated. Call (202) 555-0100.
"""


def test_news_lists_addressees_and_second_reported_clauses():
    """"(1) … (2) …" items laid out as lines under "… by:"; capitalised verbs opening numbered items
    under a lead that names the recommendations ("In plain language:"); "told the service to",
    "urged Coast Guard headquarters to come up with"; "including <-ing>, <-ing>" gives the specific
    actions; a sentence reporting a second time (", and it called on the agency to notify");
    a trailing ", the report says" attributes a "should" sentence; two actions on one topic sharing
    two words are still two actions."""
    ex = extract_document(Document("e" * 16, NEWS_LISTS, "secondary_summary", None, []))
    got = {" ".join(r["text"].split()[:3]) for r in ex.recommendations}
    assert got == {"replacing hull sensors", "documenting each engine", "reporting overdue overhauls",
                   "Translate the boarding", "Record which interpreter", "set firm deadlines", "track repair costs",
                   "come up with", "updating its crew", "ensuring that stations", "developing a national",
                   "retrain coxswains who", "notify each sector", "survey every station", "take any unsafe"}
    for r in ex.recommendations:
        assert NEWS_LISTS[r["start"]:r["end"]] == r["quote"]


def test_listing_summaries_that_state_their_recommendations():
    """OIG's listing summaries: "We made one recommendation, that the Coast Guard establish …";
    "including that it disallow …" and "that USCIS immediately move …" (the subject's verb after the
    trigger took "that"); "The five recommendations we made to HSI include requiring …"."""
    text = ("OIG-22-22 We made one recommendation, that the Coast Guard establish a tracking process for decal exams.\n\n"
            "OIG-24-47 We made two recommendations to FEMA Region 6, including that it disallow $2,917,340 in "
            "ineligible costs.\n\n"
            "OIG-24-55 We recommended that USCIS immediately move the files to a controlled-access room.\n\n"
            "OIG-25-02 The five recommendations we made to HSI include requiring a second witness for cash payments.\n")
    ex = extract_document(Document("n" * 16, text, "oig_listing", None, []))
    got = {(r["report_id"], " ".join(r["text"].split()[:2])) for r in ex.recommendations}
    assert got == {("OIG-22-22", "establish a"), ("OIG-24-47", "disallow $2,917,340"), ("OIG-24-55", "move the"),
                   ("OIG-25-02", "requiring a")}


def test_reported_proposals_and_reviews_that_say():
    """"The IG's review of the … pilot says the agency should write …", "The OIG suggests that USCIS
    review …", "investigators said USCIS should update …"."""
    text = ("The IG’s review of the Secret Service’s body-worn camera pilot says the agency\nshould write a "
            "retention policy before expanding the pilot. The OIG suggests that USCIS review a random sample of "
            "rejected fee waiver requests each month. Finally, investigators said USCIS should update the Form "
            "I-912 instructions.\n")
    ex = extract_document(Document("o" * 16, text, "secondary_summary", None, []))
    assert {" ".join(r["text"].split()[:2]) for r in ex.recommendations} == {
        "write a", "review a", "update the"}


def test_a_restatement_matches_any_statement_of_the_action_and_topic_words_count_less():
    """A conclusion's "set measurable performance goals for oversight" restates an action the body
    gave twice ("establishing clear performance metrics …", "performance goals and measurable
    oversight metrics …"): one row. Five distinct actions about contract inspectors share the topic's
    words and stay five."""
    text = ("The inspector general recommended establishing clear performance metrics to measure training "
            "compliance and effectiveness [1]. It later called for performance goals and measurable oversight "
            "metrics tied to training [2].\n\nConclusion: OIG's playbook is to set measurable performance goals "
            "for oversight.\n\nThe OIG recommended that FEMA require every contract inspector to finish the basic "
            "course before deployment in a disaster. The OIG also recommended that FEMA replace contract "
            "inspectors with federal employees for inspections in catastrophic disasters.\n")
    ex = extract_document(Document("t" * 16, text, "secondary_summary", None, []))
    firsts = sorted(" ".join(r["text"].split()[:2]) for r in ex.recommendations)
    assert firsts == ["establishing clear", "replace contract", "require every"]
