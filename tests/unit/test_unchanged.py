"""The release manifest lets a refresh with nothing changed stop at once, and only then."""

from __future__ import annotations

import os

from flows import unchanged


def _setup(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "curated"
    (raw / "reference").mkdir(parents=True)
    (raw / "a.txt").write_text("ICE concurred with all five recommendations.")
    (raw / "reference" / "dhs_oig_reports.csv").write_text("report_id\n")
    out.mkdir()
    (out / "datapackage.json").write_text("{}")
    unchanged.record(raw, out, "2026-01-01.1")
    return raw, out


def test_nothing_changed_is_recognised(tmp_path):
    raw, out = _setup(tmp_path)
    assert unchanged.unchanged(raw, out) == "2026-01-01.1"
    assert not unchanged.manifest_path(out).is_relative_to(out)  # run state, never inside the release


def test_any_change_runs_the_refresh(tmp_path, monkeypatch):
    raw, out = _setup(tmp_path)
    (raw / "b.txt").write_text("a new document")
    assert unchanged.unchanged(raw, out) is None  # a new raw file
    (raw / "b.txt").unlink()
    assert unchanged.unchanged(raw, out) == "2026-01-01.1"
    st = (raw / "a.txt").stat()
    os.utime(raw / "a.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert unchanged.unchanged(raw, out) is None  # an edited (or touched) one
    unchanged.record(raw, out, "2026-01-01.1")
    (out / "datapackage.json").write_text('{"altered": true}')
    assert unchanged.unchanged(raw, out) is None  # a release altered by hand
    unchanged.record(raw, out, "2026-01-01.1")
    monkeypatch.setattr(unchanged, "code_key", lambda: "another-version-of-the-rules")
    assert unchanged.unchanged(raw, out) is None  # edited code
    monkeypatch.undo()
    monkeypatch.setenv("OIGDATA_LISTING_URL", "http://127.0.0.1:1/list")
    assert unchanged.unchanged(raw, out) is None  # a refresh that fetches first
