"""Loud on loss: no catalogue, a release that would drop much of the last one, dates in the
future, and broken manifests stop the refresh with the file, line, column and value."""

import datetime as dt
import re
import shutil

import pytest

from flows import pipeline
from flows.ingest.catalogue import load_catalogue
from flows.ingest.csvfile import CsvError
from flows.ingest.manifest import load_manifest
from tests.conftest import RAW

HEADER = "path,url,retrieved_on,genre_hint,publisher,note\n"


@pytest.fixture()
def raw(tmp_path):
    folder = tmp_path / "raw"
    shutil.copytree(RAW, folder)
    return folder


def test_a_missing_or_broken_catalogue_stops_the_refresh_unless_allowed(raw):
    shutil.rmtree(raw / "reference")
    with pytest.raises(pipeline.InputError, match="allow-empty-catalogue"):
        pipeline.load_inputs(raw)
    assert pipeline.load_inputs(raw, allow_empty_catalogue=True).catalogue == []
    (raw / "reference").write_text("not a folder")
    with pytest.raises(pipeline.InputError, match="not a folder"):
        pipeline.load_inputs(raw)


def test_future_dates_and_bad_cells_name_file_line_and_column(raw):
    cat = raw / "reference" / "dhs_oig_reports.csv"
    cat.write_text(cat.read_text() + "OIG-99-01,DHS OIG,From the future,2999-01-01,\n")
    with pytest.raises(CsvError, match=r"dhs_oig_reports.csv:25: column issued_on: 2999-01-01 is in the future"):
        load_catalogue(raw)
    cat.write_text("report_id,inspector,title,issued_on,url\nOIG-18-77,DHS OIG,T,2018-13-01,\n")
    with pytest.raises(CsvError, match=r":2: column issued_on: '2018-13-01' is not a date"):
        load_catalogue(raw)


def test_manifest_bom_duplicates_and_bad_genre(raw):
    manifest = raw / "manifest.csv"
    manifest.write_bytes(("\ufeff" + HEADER + "a.txt,,2024-01-02,,,\n").encode("utf-8"))
    assert load_manifest(raw)["a.txt"].retrieved_on == dt.date(2024, 1, 2)  # a byte-order mark is fine
    manifest.write_text(HEADER + "a.txt,,,,,\nb.txt,,,,,\na.txt,,,,,\n")
    with pytest.raises(CsvError, match=r"manifest.csv:4: column path: 'a.txt' is listed twice \(first on line 2\)"):
        load_manifest(raw)
    manifest.write_text(HEADER + "a.txt,,,newsletter,,\n")
    with pytest.raises(CsvError, match="genre_hint: 'newsletter'"):
        load_manifest(raw)
    manifest.unlink()
    manifest.mkdir()
    with pytest.raises(CsvError, match="cannot read"):
        load_manifest(raw)


def test_a_release_that_would_remove_a_fifth_of_a_table_is_held_back(raw, tmp_path):
    out = tmp_path / "curated"
    summary, _, _ = pipeline.run_steps(raw, out, use_cache=False)
    assert summary.published
    before = sorted(p.name for p in (out / "csv").iterdir())
    cat = raw / "reference" / "dhs_oig_reports.csv"
    lines = cat.read_text().splitlines(keepends=True)
    cat.write_text("".join(lines[:5]))  # 19 of 23 catalogued reports gone
    held, tables, _ = pipeline.run_steps(raw, out, use_cache=False)
    assert not held.published and tables is None
    assert re.search(r"reports: 19 of 23 rows.*--accept-removals", held.failures[0]["rule"])
    assert sorted(p.name for p in (out / "csv").iterdir()) == before
    summary, tables, _ = pipeline.run_steps(raw, out, use_cache=False, accept_removals=True)
    assert summary.published and len(tables["reports"]) < 23
