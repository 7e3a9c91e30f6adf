"""What one claim says: scope, count/total, hedge, subject, stated date, recommendation numbers."""

import datetime as dt

import pytest

from flows.core.numbers import numbered
from flows.core.text import span
from flows.extract.claims import clause_at, hedge, shape, stated_date, subject
from flows.extract.mentions import extract_mentions
from flows.extract.model import Document
from flows.extract.status_phrases import find_status


def _claims(sentence: str) -> dict[tuple[str, str], tuple]:
    """(kind, value) -> (scope, count, total, hedge, subject, date) for each claim in one sentence."""
    sent = span(sentence, 0, len(sentence))
    out = {}
    for h in find_status(sentence):
        c = clause_at(sentence, sent, h.start)
        sh = shape(sentence, c, h.start, h.end)
        hd, sb = hedge(sentence, c), subject(sentence, c)
        out.setdefault((h.kind, h.value), (sh.scope, sh.count, sh.total, hd.text if hd else None,
                                           sb.text if sb else None, stated_date(sentence, c, h.start)))
    return out


def test_many_and_several_stay_what_they_are_with_hedge_and_subject():
    got = _claims("ICE has concurred with many OIG recommendations but follow-ups show several recommendations "
                  "remained open or only partly implemented, particularly those addressing monitoring systems [1].")
    assert got[("response", "concur")][0] == "many"
    scope, _, _, hedge_text, subject_text, _ = got[("status", "open")]
    assert scope == "several" and hedge_text.startswith("or only partly implemented")
    assert subject_text == "those addressing monitoring systems"


@pytest.mark.parametrize(("sentence", "key", "expected"), [
    ("ICE concurred with 4 of the 5 recommendations.", ("response", "concur"), ("n_of_m", 4, 5)),
    ("ICE concurred with all five recommendations.", ("response", "concur"), ("all", None, 5)),
    ("ICE concurred with both recommendations.", ("response", "concur"), ("all", None, 2)),
    ("The agency closed 151 recommendations.", ("status", "closed"), ("n_of_m", 151, None)),
    ("Most of the recommendations have been closed.", ("status", "closed"), ("most", None, None)),
    ("OIG described many replies as responsive and noted recommendations as resolved and open.",
     ("status", "open"), ("unspecified", None, None)),  # "many replies" does not quantify recommendations
])
def test_scope_and_counts(sentence, key, expected):
    assert _claims(sentence)[key][:3] == expected


def test_stated_dates_and_dates_that_are_not_the_claims():
    assert _claims("The tracker listed it as closed in 2020.")[("status", "closed")][5] == dt.date(2020, 1, 1)
    assert _claims("As of March 2024 two recommendations remain open.")[("status", "open")][5] == dt.date(2024, 3, 1)
    assert _claims("OIG, in its September 2012 follow-up, closed all recommendations.")[("status", "closed")][5] \
        == dt.date(2012, 9, 1)
    # the date of the report the claim is about, and the start of a state, are not the claim's date
    assert _claims("ICE closed the recommendations from the March 2010 review.")[("status", "closed")][5] is None
    assert _claims("It has remained open since 2019.")[("status", "open")][5] is None


def test_recommendation_numbers_as_documents_write_them():
    assert [ns for _, _, ns in numbered("Recommendations 1 through 4 are resolved; recommendation 5 is not.")] == [
        [1, 2, 3, 4], [5]]
    assert [ns for _, _, ns in numbered("#1 through #3, and #13 are closed.")] == [[1, 2, 3, 13]]
    assert [ns for _, _, ns in numbered("ICE concurred with recommendation two and the third recommendation.")] == [
        [2], [3]]
    assert numbered("ICE concurred with 4 of 5 recommendations in OIG-18-77.") == []


def test_mentions_by_title_description_and_a_suggested_correction(entries):
    text = ("OIG published its findings on 287(g) in March 2010. DHS OIG released a report titled “The Performance of "
            "287(g) Agreements FY 2012 Follow-Up”. The MOA drew on OIG-11-19, The Performance of 287(g) "
            "Agreements FY 2011 Update.")
    rows = extract_mentions(Document("a" * 16, text, "agency_page", None, entries))
    got = {(r["report_id"], r["match"], r["suggested_report_id"]) for r in rows}
    assert got == {("OIG-10-63", "description", None), ("OIG-12-130", "title", None),
                   ("OIG-11-19", "id", "OIG-11-119")}
    for r in rows:
        assert text[r["start"]:r["end"]] == r["quote"]


@pytest.mark.parametrize(("text", "expected"), [
    ("ICEdid not concur with recommendation 2", {("response", "nonconcur")}),
    ("ICE didnot concur", {("response", "nonconcur")}),
    ("ICEpartially concurred", {("response", "partially_concur")}),
    ("The recommendation is resolvedand open", {("status", "resolved"), ("status", "open")}),
    ("ICEconcurred with it", {("response", "concur")}),
])
def test_words_run_together_by_pdf_text_keep_their_meaning(text, expected):
    assert {(h.kind, h.value) for h in find_status(text)} == expected


def test_a_report_serial_is_not_the_day_of_a_date():
    from flows.core.dates import find_dates

    found = find_dates("OIG-10-25 February 2010; issued 25 February 2010")
    assert [(f.value, f.precision) for f in found] == [(dt.date(2010, 2, 1), "month"), (dt.date(2010, 2, 25), "day")]
