import datetime as dt

from flows.build.status import derive

REC = {"rec_id": "OIG-18-77-R1", "report_id": "OIG-18-77"}


def ev(value, by, as_of, rec_id="OIG-18-77-R1", report_id=None, kind="status", start=0, scope=None):
    return {"rec_id": rec_id, "report_id": report_id, "kind": kind, "value": value, "asserted_by": by,
            "as_of": as_of, "start": start, "doc_id": "d" * 16, "event_id": f"e{start}{value}",
            "scope": scope or ("one" if rec_id else "all")}


def test_latest_assertion_wins():
    out = derive(REC, [ev("open", "oig", dt.date(2019, 1, 1)), ev("closed", "secondary", dt.date(2020, 1, 1))])
    assert (out["status"], out["status_as_of"]) == ("closed", dt.date(2020, 1, 1))


def test_on_a_tie_oig_outranks_agency_outranks_secondary():
    d = dt.date(2020, 1, 1)
    assert derive(REC, [ev("closed", "agency", d), ev("open", "oig", d)])["status"] == "open"
    assert derive(REC, [ev("open", "secondary", d), ev("closed", "agency", d)])["status"] == "closed"


def test_report_level_events_apply_to_each_recommendation_of_the_report():
    out = derive(REC, [ev("closed", "agency", None, rec_id=None, report_id="OIG-18-77"),
                       ev("concur", "secondary", None, kind="response"),
                       ev("open", "oig", None, rec_id=None, report_id="OIG-10-63")])
    assert (out["status"], out["response"], out["resolution"]) == ("closed", "concur", "unknown")


def test_no_events_means_unknown_never_null():
    assert derive(REC, []) == {"response": "unknown", "status": "unknown", "resolution": "unknown",
                               "status_as_of": None, "status_event_id": None}


def test_dated_beats_undated_and_one_recommendation_beats_its_report_on_a_tie():
    d = dt.date(2021, 5, 1)
    assert derive(REC, [ev("closed", "oig", None), ev("open", "secondary", d)])["status"] == "open"
    report_level = ev("closed", "agency", d, rec_id=None, report_id="OIG-18-77", start=0)
    this_one = ev("open", "agency", d, start=99)
    assert derive(REC, [this_one, report_level])["status"] == "open"
    assert derive(REC, [report_level, this_one])["status"] == "open"


def test_numbered_report_events_apply_only_to_that_number():
    other = {"rec_id": "OIG-18-77-R2", "report_id": "OIG-18-77", "rec_number": 2}
    numbered = {**ev("closed", "oig", dt.date(2020, 1, 1), rec_id=None, report_id="OIG-18-77"), "rec_number": 1}
    assert derive({**REC, "rec_number": 1}, [numbered])["status"] == "closed"
    assert derive(other, [numbered])["status"] == "unknown"


def test_vague_claims_about_a_report_never_set_a_recommendations_status():
    d = dt.date(2024, 1, 1)
    for scope in ("many", "several", "some", "most", "n_of_m", "unspecified"):
        out = derive(REC, [ev("open", "secondary", d, rec_id=None, report_id="OIG-18-77", scope=scope),
                           ev("concur", "agency", d, rec_id=None, report_id="OIG-18-77", kind="response",
                              scope=scope)])
        assert (out["status"], out["response"], out["status_event_id"]) == ("unknown", "unknown", None), scope
    out = derive(REC, [ev("open", "oig", d, rec_id=None, report_id="OIG-18-77", start=7)])
    assert (out["status"], out["status_event_id"]) == ("open", "e7open")
