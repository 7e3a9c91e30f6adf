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
    # across tables: Great Expectations, after pandera has passed
    ("status_events", "report_id", "OIG-99-999", "foreign_key_resolves"),
    ("program_facts", "end", 10**7, "quote_matches_text"),
    ("status_events", "hedge", "words that are not in the quote", "hedge_and_subject_are_verbatim"),
    # column rules: pandera, on the staged files, before the gate
    ("recommendations", "rec_id", None, "schema: field_uniqueness"),
    ("training_requirements", "frequency_months", 240, "schema: less_than_or_equal_to(120)"),
    ("status_events", "scope", "a few", "schema: isin(['one', 'all', 'n_of_m', 'most', 'many', 'several', 'some', 'unspecified'])"),
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
    assert [(f["table"], f["rule"]) for f in summary.failures if f["blocking"]] == [(table, rule)], summary.failures
    assert [p.name for p in out.iterdir()] == ["marker.txt"]
    assert not (tmp_path / ".curated.staging").exists()


def test_the_validation_results_list_both_kinds_of_rule(built, tmp_path):
    import json

    tables, on, _ = built
    out = tmp_path / "curated"
    assert _publish(tables, on, out).published
    results = json.loads((out / "validation" / "results.json").read_text())["results"]
    kinds = {r["kind"] for r in results}
    assert "schema" in kinds and {"is_true", "min_rows"} <= kinds
    schema_rules = {(r["table"], r["column"], r["rule"]) for r in results if r["kind"] == "schema"}
    assert ("recommendations", "status", "schema: isin") in schema_rules
    gx_rules = {r["rule"] for r in results if r["kind"] != "schema"}
    assert "vocabulary" not in gx_rules and "primary_key_unique" not in gx_rules  # stated once, in pandera
