"""The gate on real tables built from raw/ (no Prefect): it passes, and it catches breakage."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows import pipeline
from flows.build.tables import StructureError
from tests.conftest import RAW


@pytest.fixture(scope="module")
def built():
    inputs = pipeline.load_inputs(RAW)
    docs, problems = pipeline.ingest_all(inputs)
    extractions = [pipeline.extract_one(d, inputs.entries)[0] for d in docs]
    tables, on, _ = pipeline.assemble(docs, extractions, inputs, Path("/nonexistent"))
    return tables, on, problems


def _publish(tables, on, out: Path) -> pipeline.Summary:
    """As the flow does: stage (schema-checked on read-back), then the gate."""
    summary = pipeline.Summary()
    try:
        staging, tables = pipeline.stage(tables, out, on)
    except StructureError as exc:
        return pipeline.structure_failed(summary, exc)
    return pipeline.gate_and_publish(tables, staging, out, summary)


def test_clean_build_passes_and_is_published_then_a_rebuild_changes_nothing(built, tmp_path):
    tables, on, problems = built
    assert problems == []
    out = tmp_path / "curated"
    summary = _publish(tables, on, out)
    assert summary.published and summary.failed == 0 and not summary.unchanged
    assert (out / "validation" / "results.json").exists()
    assert not (tmp_path / ".curated.staging").exists()
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()}
    again = _publish(tables, on, out)
    assert again.published and again.unchanged
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("table, column, value, rule", [
    ("status_events", "report_id", "OIG-99-999", "foreign_key_resolves"),
    ("program_facts", "end", 10**7, "quote_matches_text"),
    ("recommendations", "rec_id", None, "primary_key_unique"),
])
def test_broken_rows_block_publication_and_keep_the_old_release(built, tmp_path, table, column, value, rule):
    tables, on, _ = built
    out = tmp_path / "curated"
    out.mkdir()
    (out / "marker.txt").write_text("previous release")
    broken = {k: v.copy() for k, v in tables.items()}
    df = broken[table]
    if value is None:  # duplicate a primary key
        df.loc[df.index[1], column] = df.loc[df.index[0], column]
    else:
        df.loc[df.index[0], column] = value
    summary = _publish(broken, on, out)
    assert not summary.published
    # caught by the pandera read-back of the staged files or by the GX gate, whichever comes first
    assert any(f["table"] == table and (f["rule"] == rule or f["rule"].startswith("schema:"))
               for f in summary.failures), summary.failures
    assert [p.name for p in out.iterdir()] == ["marker.txt"]
    assert not (tmp_path / ".curated.staging").exists()
