"""Representation forms undone at ingest: a text saved as a Python bytes literal."""

from flows.ingest import ingest_file
from flows.ingest.forms import undo_forms

REPORT = "Recommendation 1: Develop a staffing plan.\n\nICE concurred with the recommendation.\fPage 2 ﬁnal"


def test_a_bytes_literal_dump_is_read_back_as_its_text(tmp_path):
    dumped = repr(REPORT.encode("utf-8"))
    assert dumped.startswith("b'") and "\\xef\\xac\\x81" in dumped and "\\x0c" in dumped
    (tmp_path / "dump.txt").write_text(dumped)
    ing = ingest_file(tmp_path / "dump.txt", tmp_path, {})
    assert ing.text == REPORT and ing.document["forms"] == ["bytes_repr"]
    assert ing.document["n_chars"] == len(REPORT)


def test_ordinary_text_is_left_alone():
    for text in ("b'not a dump' said the reporter, quoting ICE's concurrence.", "b'\\nx'", REPORT):
        assert undo_forms(text) == (text, [])


EXHIBIT = ("Case 5:17-cv-01234-ABC Document 12-3 Filed 03/04/18 Page 4 of 40\n"
           "ICErsquos response: ICE concurred with Recommendation 1 mdash the plan is due\n"
           "Case 5:17-cv-01234-ABC Document 12-3 Filed 03/04/18 Page 5 of 40\n"
           "in March. OIG considers the recommendation resolved and open.\n")


def test_court_headers_and_entity_words_are_detected_and_read_through(tmp_path):
    from flows.core.clean import clean
    from flows.extract import extract_document
    from flows.extract.model import Document

    assert undo_forms(EXHIBIT) == (EXHIBIT, ["court_header", "entities_as_words"])
    view = clean(EXHIBIT).text
    assert "Case 5:17" not in view and "ICE\u2019s response" in view and "\u2014 the plan is due\nin March" in view
    ex = extract_document(Document("e" * 16, EXHIBIT, "oig_listing"))
    values = {(e["kind"], e["value"], e["rec_number"]) for e in ex.status_events}
    assert ("response", "concur", 1) in values
    for table in ("status_events", "report_mentions", "recommendations"):
        for row in getattr(ex, table):
            assert EXHIBIT[row["start"]:row["end"]] == row["quote"]


HOSTED = ("OIG-21-73 - Office of Inspector General - Yumpu\nViews: 731   Downloads: 12\nShare\nEmbed\n\n"
          "Page 2:\nThe report contains two recommendations ICEdid not concur with recommendation 2 and we\n"
          "consider recommendations 1 resolvedand open Recommendation 2 is unresolved and open\n"
          "You also want an ePaper? Increase the reach of your titles\n")


def test_host_site_chrome_and_run_together_words_are_read_through():
    from flows.core.clean import clean
    from flows.extract import extract_document
    from flows.extract.model import Document

    assert undo_forms(HOSTED)[1] == ["host_chrome", "run_together_words"]
    view = clean(HOSTED).text
    assert "Views" not in view and "Embed" not in view and "ePaper" not in view and "Page 2:" not in view
    assert "ICE did not concur" in view and "resolved and open" in view
    ex = extract_document(Document("h" * 16, HOSTED, "oig_report"))
    values = {(e["kind"], e["value"], e["rec_number"]) for e in ex.status_events}
    assert ("response", "nonconcur", 2) in values and ("response", "concur", 2) not in values
    for row in ex.status_events:
        assert HOSTED[row["start"]:row["end"]] == row["quote"]


def test_mojibake_is_repaired_at_ingest(tmp_path):
    text = "ICE\u2019s response: ICE concurred with the recommendation \u2014 OIG considers it resolved and open."
    broken = text.encode("utf-8").decode("cp1252")
    assert "â€" in broken
    (tmp_path / "page.txt").write_text(broken, encoding="utf-8")
    ing = ingest_file(tmp_path / "page.txt", tmp_path, {})
    assert ing.text == text and ing.document["forms"] == ["mojibake"]
    assert undo_forms(text) == (text, [])
