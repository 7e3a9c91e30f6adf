"""The refresh end to end, through the real Prefect flow and the CLI.

One rebuild of the committed release (byte-identical check, DuckDB from elsewhere, query)
and one refresh with bad files and a broken row (nothing published, nothing lost).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import CURATED, RAW, REPO, release_tree

OIGDATA = [sys.executable, "-m", "flows.cli"]


def _run(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(OIGDATA + args, cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})



@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    """raw/ rebuilt from scratch into an empty folder: the committed release is a first
    release of these inputs, so the two must match byte for byte."""
    work = tmp_path_factory.mktemp("rebuild")
    out = work / "curated"
    proc = _run(["refresh", "--raw", str(RAW), "--out", str(out)], cwd=work)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "| INFO" not in proc.stdout + proc.stderr, "log noise in the refresh output"
    assert "Published release" in proc.stdout
    return out


def test_rebuild_is_byte_identical_to_the_committed_release(rebuilt):
    committed, fresh = release_tree(CURATED), release_tree(rebuilt)
    assert sorted(committed) == sorted(fresh)
    different = [name for name in committed if committed[name] != fresh[name]]
    assert different == [], f"differs from curated/: {different}"


def test_duckdb_file_works_from_another_directory(rebuilt, tmp_path):
    moved = tmp_path / "elsewhere" / "copy.duckdb"
    moved.parent.mkdir()
    shutil.copy(rebuilt / "oig.duckdb", moved)
    os.chdir(tmp_path)
    con = duckdb.connect(str(moved), read_only=True)
    try:
        n_open = con.execute("select count(*) from open_recommendations").fetchone()[0]
        n_recs = con.execute("select count(*) from recommendations").fetchone()[0]
        views = {r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()}
        assert {"open_recommendations", "recommendations_by_theme", "training_requirements_by_program",
                "program_facts_latest", "recommendation_status_history", "claims_by_source"} <= views
        assert 0 <= n_open <= n_recs and n_recs > 0
        # the agency's "closed out all recommendations for both audits", side by side per report
        agency = con.execute("select report_id, agency from claims_by_source where agency is not null").fetchall()
        assert agency and all("closed (all" in a for _, a in agency)
        # every quote is verifiable with one substring
        bad = con.execute("""select count(*) from recommendations r join document_texts t using (doc_id)
                             where substr(t.text, r.start + 1, r."end" - r.start) <> r.quote""").fetchone()[0]
        assert bad == 0
    finally:
        con.close()
        os.chdir(REPO)


def test_query_prints_rows_without_importing_prefect(rebuilt, tmp_path):
    db = str(rebuilt / "oig.duckdb")
    proc = _run(["query", "select rec_id, text from recommendations", "--db", db, "--format", "json"],
                cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert rows and all(r["rec_id"] and r["text"] for r in rows)
    probe = subprocess.run(
        [sys.executable, "-c", "import sys; from typer.testing import CliRunner; from flows.cli import app; "
         f"r = CliRunner().invoke(app, ['query', 'select 1', '--db', {db!r}]); "
         "assert r.exit_code == 0, r.output; print('prefect' in sys.modules, 'great_expectations' in sys.modules)"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=tmp_path)
    assert probe.stdout.strip() == "False False", probe.stdout + probe.stderr


def test_bad_sql_is_one_clear_line(rebuilt, tmp_path):
    proc = _run(["query", "select nope from nowhere", "--db", str(rebuilt / "oig.duckdb")], cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("SQL error:") and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_broken_row_and_bad_files_publish_nothing_and_lose_nothing(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (raw / "scan.pdf").write_bytes(b"%PDF-1.7 not really")
    out = tmp_path / "curated"
    shutil.copytree(CURATED, out, ignore=shutil.ignore_patterns("oig.duckdb"))
    before = release_tree(out)

    proc = _run(["refresh", "--raw", str(raw), "--out", str(out)], cwd=tmp_path,
                env={"OIGDATA_FAULT": "corrupt-quote"})
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "Traceback" not in output
    assert "Not published" in output
    for name, reason in [("empty.txt", "empty"), ("image.txt", "binary"), ("scan.pdf", "corrupt PDF")]:
        assert name in output and reason in output
    assert release_tree(out) == before, "curated/ changed although the gate failed"
    results = json.loads((tmp_path / ".oigdata" / "last-failed-validation" / "results.json").read_text())
    failed = {(r["table"], r["rule"]) for r in results["results"] if not r["success"] and r["blocking"]}
    assert failed == {("recommendations", "quote_matches_text")}


def test_validate_reruns_the_expectations_on_a_published_release(rebuilt, tmp_path):
    proc = _run(["validate", "--out", str(rebuilt)], cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "quote_matches_text" in proc.stdout and "FAIL" not in proc.stdout


def test_query_reads_sql_from_a_file_and_from_stdin(rebuilt, tmp_path):
    db = str(rebuilt / "oig.duckdb")
    (tmp_path / "q.sql").write_text("select count(*) as n from recommendations")
    proc = _run(["query", "--file", str(tmp_path / "q.sql"), "--db", db, "--format", "csv"], cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.splitlines()[0] == "n", proc.stderr
    piped = subprocess.run([*OIGDATA, "query", "-", "--db", db, "--format", "json"], input="select 41 + 1 as x",
                           capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert json.loads(piped.stdout) == [{"x": 42}]


def test_export_writes_filtered_extracts(rebuilt, tmp_path):
    db = str(rebuilt / "oig.duckdb")
    out_csv, out_pq = tmp_path / "themed.csv", tmp_path / "themed.parquet"
    where = "list_contains(themes, 'training_completion_tracking')"
    proc = _run(["export", "--table", "recommendations", "--where", where, "--output", str(out_csv),
                 "--db", db], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = out_csv.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("rec_id,") and len(lines) > 1
    assert _run(["export", "--table", "recommendations", "--where", where, "--format", "parquet", "--output",
                 str(out_pq), "--db", db], cwd=tmp_path).returncode == 0
    con = duckdb.connect()
    assert con.execute(f"select count(*) from read_parquet('{out_pq}')").fetchone()[0] == len(lines) - 1
    con.close()
    bad = _run(["export", "--table", "no_such_table", "--db", db], cwd=tmp_path)
    assert bad.returncode == 2 and "unknown table" in bad.stderr and "Traceback" not in bad.stderr


def test_show_prints_a_recommendation_with_its_history_and_refuses_unknown_ids(rebuilt, tmp_path):
    db = str(rebuilt / "oig.duckdb")
    con = duckdb.connect(db, read_only=True)
    rec_id, quote = con.execute("select rec_id, quote from recommendations order by rec_id limit 1").fetchone()
    report_id = con.execute("select report_id from status_events where asserted_by = 'agency' "
                            "order by report_id limit 1").fetchone()[0]
    con.close()
    proc = _run(["show", rec_id, "--db", db], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert rec_id in proc.stdout and "Status history" in proc.stdout and quote.split()[0] in proc.stdout
    report = _run(["show", report_id, "--db", db], cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "Claims about this report" in report.stdout and "agency" in report.stdout and "closed" in report.stdout
    unknown = _run(["show", "OIG-99-999-R1", "--db", db], cwd=tmp_path)
    assert unknown.returncode == 2 and "no recommendation or report" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_the_validation_page_lists_every_expectation_offline(rebuilt):
    page = (rebuilt / "validation" / "index.html").read_text(encoding="utf-8")
    results = json.loads((rebuilt / "validation" / "results.json").read_text(encoding="utf-8"))["results"]
    assert "<script" not in page and "http" not in page.split("<body>")[1]
    for r in results:
        assert f"<code>{r['rule']}</code>" in page
    assert page.count("<tr>") == len(results) + 1
