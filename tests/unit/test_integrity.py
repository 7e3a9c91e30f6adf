"""A published release is checked against its datapackage.json: validate fails on any altered
file, and a refresh rebuilds an altered release instead of calling it unchanged."""

import shutil

from typer.testing import CliRunner

from flows import pipeline
from flows.cli import app
from flows.publish.integrity import verify_release
from tests.conftest import CURATED, RAW


def test_validate_fails_on_an_altered_missing_or_extra_file(tmp_path):
    out = tmp_path / "curated"
    shutil.copytree(CURATED, out, ignore=shutil.ignore_patterns("oig.duckdb"))
    assert verify_release(out) == []
    csv = out / "csv" / "reports.csv"
    csv.write_bytes(csv.read_bytes().replace(b"Lack of Planning", b"Lack of Plannin"))
    (out / "csv" / "extra.csv").write_text("x\n")
    (out / "CHANGELOG.md").unlink()
    problems = verify_release(out)
    assert any(p.startswith("csv/reports.csv") for p in problems)
    assert "CHANGELOG.md: missing" in problems and any(p.startswith("csv/extra.csv") for p in problems)
    result = CliRunner().invoke(app, ["validate", "--out", str(out)])
    assert result.exit_code == 1 and "integrity" in result.output and "Traceback" not in result.output


def test_a_refresh_replaces_an_altered_release(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "curated"
    shutil.copytree(RAW, raw)
    assert pipeline.run_steps(raw, out)[0].published
    pristine = (out / "csv" / "reports.csv").read_bytes()
    (out / "csv" / "reports.csv").write_bytes(pristine.replace(b"Lack of Planning", b"Lack of Plannin"))
    summary, _, _ = pipeline.run_steps(raw, out)
    assert summary.published and not summary.unchanged
    assert any("altered" in n for n in summary.notices)
    assert (out / "csv" / "reports.csv").read_bytes() == pristine and verify_release(out) == []
