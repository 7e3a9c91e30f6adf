"""The committed release, read as a user would (Parquet), holds what the raw documents state.

The checks locate documents by genre, never by file name: they are the first real test of
the extractors on real documents, not a specification the code may copy.
"""

from __future__ import annotations

import datetime as dt

import pytest

from flows.publish.files import read_parquet
from schemas import TABLES
from tests.conftest import CURATED


@pytest.fixture(scope="module")
def release():
    return {t: read_parquet(CURATED / "parquet" / f"{t}.parquet") for t in TABLES}


def _doc(release, genre):
    docs = release["documents"]
    return docs[docs["genre"] == genre].iloc[0]


def test_agency_page_facts_training_and_claims(release):
    doc = _doc(release, "agency_page")
    facts = release["program_facts"]
    facts = facts[facts["doc_id"] == doc.doc_id]
    got = {(a, n, t) for a, n, t in zip(facts["attribute"], facts["value_num"], facts["value_text"], strict=True)}
    assert {("national_program_managers", 7.0, None), ("field_program_managers", 20.0, None),
            ("moa_revised", 2013.0, None), ("moa_revised", 2016.0, None),
            ("oig_review_period", None, "2009-02/2009-07"), ("oig_report_published", None, "2010-03"),
            ("oig_report_published", None, "2012-09")} <= got
    reqs = release["training_requirements"]
    reqs = {r["kind"]: r for r in reqs[reqs["doc_id"] == doc.doc_id].to_dict("records")}
    basic, refresher = reqs["basic"], reqs["refresher"]
    assert (basic["course_code"], basic["duration_value"], basic["duration_unit"], basic["mandatory"]) == (
        "IADP", 4.0, "week", True)
    assert "Charleston" in basic["location"] and len(basic["topics"]) == 4
    assert (refresher["course_code"], refresher["frequency_months"]) == ("IADRP", 24)
    events = release["status_events"]
    claims = events[(events["doc_id"] == doc.doc_id) & (events["asserted_by"] == "agency")]
    # "closed out all recommendations for both audits": two report-level claims of scope all, undated
    assert {(c.report_id, c.value, c.scope, c.rec_id, c.as_of) for c in claims.itertuples()} == {
        ("OIG-10-63", "closed", "all", None, None), ("OIG-12-130", "closed", "all", None, None)}
    mentions = release["report_mentions"]
    got = {(m.report_id, m.known, m.match, m.suggested_report_id)
           for m in mentions[mentions["doc_id"] == doc.doc_id].itertuples()}
    assert got == {("OIG-11-19", False, "id", "OIG-11-119"), ("OIG-12-130", True, "title", None),
                   ("OIG-10-63", True, "description", None)}


def test_secondary_summary_recommendations_and_claims(release):
    doc = _doc(release, "secondary_summary")
    assert doc.published_on == dt.date(2026, 2, 1)
    recs = release["recommendations"]
    recs = recs[recs["doc_id"] == doc.doc_id]
    assert len(recs) >= 6
    themes = {t for ts in recs["themes"] for t in ts}
    assert {"refresher_training", "training_completion_tracking", "program_management_staffing",
            "performance_measurement", "training_content", "inspection_follow_up"} <= themes
    assert all(len(c) > 0 for c in recs["citations"])
    assert any("supervisory curricula" in t for t in recs["text"])
    linked = recs[recs["report_link"] == "inferred"]
    assert set(linked["report_id"]) == {"OIG-18-77"}
    events = release["status_events"]
    events = events[events["doc_id"] == doc.doc_id]
    # its claims are about many, several or unspecified recommendations: none is attached to one
    assert events["rec_id"].isna().all() and (recs["status"] == "unknown").all()
    general = {(e.kind, e.value, e.scope) for e in events.itertuples()}
    assert {("response", "concur", "many"), ("status", "open", "several"), ("status", "resolved", "unspecified"),
            ("status", "unresolved", "several")} <= general
    hedged = events[events["hedge"].fillna("").str.contains("or only partly implemented")].iloc[0]
    assert (hedged.scope, hedged.value) == ("several", "open") and hedged.hedge in hedged.quote
    assert "those addressing monitoring systems and workforce planning" in hedged.subject_text
    assert (events["as_of"] == dt.date(2026, 2, 1)).all() and (events["as_of_source"] == "document").all()
    mentions = release["report_mentions"]
    assert {(m.report_id, m.match) for m in mentions[mentions["doc_id"] == doc.doc_id].itertuples()} == {
        ("OIG-18-77", "description")}
