"""OIG reports as real PDFs and an OIG listing as HTML, through ingest, extraction, build and
the gate (no Prefect): primary rows with responses and statuses, pages, a follow-up report
that changes an earlier recommendation's status, and bad PDFs refused by name."""

from __future__ import annotations

import datetime as dt
import html
import shutil

import duckdb
import pytest

from flows import pipeline
from tests.conftest import RAW
from tests.eval.scoring import FIXTURES
from tests.pdf_fixtures import pdf_from_fixture, write_corrupt_pdf, write_image_only_pdf, write_text_pdf

REPORTS = ("oig_10_63_performance_287g", "oig_11_119_update", "oig_12_130_followup")


def _listing_html(text: str) -> str:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return ("<html><head><title>Reports</title><script>var tracker = 'Recommendation 9: ignore me';</script>"
            "<style>p { color: red }</style></head><body><nav><a href='/'>Home</a> <a>Reports</a></nav>"
            f"<main>{body}</main><footer>Office of Inspector General footer</footer></body></html>")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("primary")
    raw = root / "raw"
    shutil.copytree(RAW, raw)
    for name in REPORTS:
        pdf_from_fixture(FIXTURES / "oig_report" / f"{name}.txt", raw / f"{name}.pdf")
    (raw / "listing.html").write_text(_listing_html((FIXTURES / "oig_listing" / "listing_ice_reports_page1.txt")
                                                    .read_text(encoding="utf-8")), encoding="utf-8")
    write_corrupt_pdf(raw / "corrupt.pdf")
    write_image_only_pdf(raw / "scanned.pdf")
    write_text_pdf(["A protected report " * 10], raw / "locked.pdf", encrypt=True)
    out = root / "curated"
    summary, tables, _ = pipeline.run_steps(raw, out, use_cache=False)
    problems = summary.problems
    return tables, problems, summary, out


def test_bad_pdfs_are_refused_by_name_with_the_reason(built):
    _, problems, _, _ = built
    reasons = {p.path: p.reason for p in problems}
    assert reasons["corrupt.pdf"].startswith("corrupt PDF")
    assert reasons["scanned.pdf"].startswith("image-only PDF")
    assert reasons["locked.pdf"].startswith("encrypted PDF")


def test_primary_recommendations_with_responses_statuses_and_pages(built):
    tables, _, summary, out = built
    assert summary.published, summary.failures
    recs = tables["recommendations"].set_index("rec_id")
    primary = recs[(recs["evidence"] == "primary") & recs["rec_number"].notna()]  # the reports' own
    assert {"OIG-10-63-R1", "OIG-10-63-R8", "OIG-11-119-R5", "OIG-12-130-R4"} <= set(primary.index)
    assert set(primary["response"]) >= {"concur", "partially_concur", "nonconcur"}
    assert primary["page"].notna().all() and (primary["page"] > 1).all()
    docs = tables["documents"].set_index("doc_id")
    assert set(docs.loc[primary["doc_id"], "media_type"]) == {"application/pdf"}
    con = duckdb.connect(str(out / "oig.duckdb"), read_only=True)
    counts = dict(con.execute("select status, count(*) from recommendations where evidence = 'primary' "
                              "group by 1").fetchall())
    con.close()
    assert counts.get("open", 0) > 0 and counts.get("closed", 0) > 0


def test_a_follow_up_report_changes_an_earlier_recommendation_status(built):
    tables, _, _, _ = built
    rec = tables["recommendations"].set_index("rec_id").loc["OIG-10-63-R1"]
    events = tables["status_events"]
    own = events[(events["rec_id"] == "OIG-10-63-R1") & (events["doc_id"] == rec["doc_id"])]
    assert "open" in set(own["value"])  # the 2010 report left it open
    assert rec["status"] == "closed" and rec["status_as_of"] > dt.date(2010, 12, 31)
    later = events[(events["rec_id"] == "OIG-10-63-R1") & (events["doc_id"] != rec["doc_id"])]
    assert set(later["asserted_by"]) == {"oig"} and "closed" in set(later["value"])


def test_listing_page_in_html_fills_reports_without_page_furniture(built):
    tables, _, _, _ = built
    docs = tables["documents"]
    listing = docs[docs["media_type"] == "text/html"].iloc[0]
    assert listing["genre"] == "oig_listing"
    text = tables["document_texts"].set_index("doc_id").loc[listing["doc_id"], "text"]
    assert "ignore me" not in text and "color: red" not in text and "footer" not in text
    reports = tables["reports"].set_index("report_id")
    assert reports.loc["OIG-18-77", "n_recommendations_stated"] == 5
    assert reports.loc["OIG-10-63", "doc_id"] is not None and reports.loc["OIG-10-63", "source"] == "document"
