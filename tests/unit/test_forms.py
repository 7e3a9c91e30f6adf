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
