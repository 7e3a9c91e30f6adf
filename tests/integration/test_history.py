"""Two releases in a row with a follow-up report in between: only the new document is
extracted, the changes table and CHANGELOG show the status change, and the closures view
answers "when was it closed, and who said so"."""

from __future__ import annotations

import datetime as dt
import shutil

import duckdb

from flows import pipeline
from tests.conftest import RAW
from tests.eval.scoring import FIXTURES


def _refresh(raw, out):
    summary, tables, extracted = pipeline.run_steps(raw, out)
    return summary, extracted, tables


def test_a_follow_up_report_is_a_dated_status_change(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "curated"
    shutil.copytree(RAW, raw)
    shutil.copy(FIXTURES / "oig_report" / "oig_10_63_performance_287g.txt", raw / "oig_10_63.txt")
    first, ran_first, _ = _refresh(raw, out)
    assert first.published and ran_first == 3

    again, ran_again, _ = _refresh(raw, out)
    assert again.unchanged and ran_again == 0

    shutil.copy(FIXTURES / "oig_report" / "oig_11_119_update.txt", raw / "oig_11_119.txt")
    second, ran_second, tables = _refresh(raw, out)
    assert second.published and not second.unchanged and ran_second == 1

    changes = tables["changes"]
    latest = changes[changes["version"] == changes["version"].max()]
    moved = latest[(latest["table_name"] == "recommendations") & (latest["key"] == "OIG-10-63-R1")].iloc[0]
    assert (moved["change"], moved["old_status"], moved["new_status"]) == ("modified", "open", "closed")
    assert "status" in moved["changed_columns"]
    assert (latest[latest["table_name"] == "recommendations"]["change"] == "added").sum() == 5  # OIG-11-119's
    log = (out / "CHANGELOG.md").read_text(encoding="utf-8")
    assert log.index(f"## {latest['version'].iloc[0]}") < log.index(f"## {changes['version'].min()}")
    assert "`OIG-10-63-R1`: open → closed" in log

    con = duckdb.connect(str(out / "oig.duckdb"), read_only=True)
    rows = dict(con.execute("select asserted_by, first_closed_on from recommendation_closures "
                            "where rec_id = 'OIG-10-63-R1'").fetchall())
    con.close()
    assert rows["oig"] == dt.date(2011, 9, 30)  # OIG's follow-up; ICE's own undated claim is listed too
    assert rows["agency"] is None


def test_assertions_of_a_removed_document_stay_published(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "curated"
    shutil.copytree(RAW, raw)
    shutil.copy(FIXTURES / "oig_report" / "oig_10_63_performance_287g.txt", raw / "oig_10_63.txt")
    _, _, first = _refresh(raw, out)
    (raw / "oig_10_63.txt").unlink()
    summary, _, second = _refresh(raw, out)
    assert summary.published
    for name in ("documents", "document_texts", "recommendations", "status_events"):
        assert set(first[name].iloc[:, 0]) <= set(second[name].iloc[:, 0]), name
    assert "OIG-10-63-R7" in set(second["recommendations"]["rec_id"])
    latest = second["changes"][second["changes"]["version"] == second["changes"]["version"].max()]
    assert "removed" not in set(latest["change"])
