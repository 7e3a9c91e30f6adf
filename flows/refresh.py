"""The refresh as a Prefect flow: thin tasks around the steps in flows/pipeline.py."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE

from flows import pipeline
from flows.build.tables import StructureError
from flows.pipeline import Summary
from flows.publish.release import recover


@task(name="load-inputs", cache_policy=NO_CACHE)
def load_inputs_task(raw: Path) -> pipeline.Inputs:
    return pipeline.load_inputs(raw)


@task(name="ingest", cache_policy=NO_CACHE)
def ingest_task(path: Path, inputs: pipeline.Inputs):
    return pipeline.ingest_one(path, inputs)


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(ing, entries, cache_dir):
    return pipeline.extract_one(ing, entries, cache_dir)


@task(name="assemble", cache_policy=NO_CACHE)
def assemble_task(docs, extractions, inputs, out: Path, on: dt.date | None):
    return pipeline.assemble(docs, extractions, inputs, out, on)


@task(name="stage", cache_policy=NO_CACHE)
def stage_task(tables, out: Path, on: dt.date):
    return pipeline.stage(tables, out, on)


@task(name="gate-and-publish", cache_policy=NO_CACHE)
def gate_task(tables, staging: Path, out: Path, summary: Summary) -> Summary:
    return pipeline.gate_and_publish(tables, staging, out, summary)


@flow(name="oigdata-refresh", log_prints=False, validate_parameters=False)
def refresh_flow(raw: Path | str, out: Path | str, release_date: dt.date | str | None = None, progress=None,
                 locked: bool = False) -> Summary:
    """Ingest raw/, extract, validate and publish to out/ (only if the gate passes).

    `locked` says the caller already holds the refresh lock (the CLI does); a scheduled run
    takes it here, recovers an interrupted publication, and reports a busy lock as a failure."""
    raw, out = Path(raw), Path(out)
    if isinstance(release_date, str):
        release_date = dt.date.fromisoformat(release_date)
    if not locked:
        try:
            with pipeline.refresh_lock(out):
                recover(out)
                return refresh_flow.fn(raw, out, release_date, progress, locked=True)
        except pipeline.Locked as exc:
            return Summary(failed=1, failures=[{"table": "-", "rule": str(exc), "column": None, "blocking": True,
                                                "unexpected_count": 0, "element_count": 0,
                                                "unexpected_examples": []}])
    say = progress or (lambda _msg: None)
    inputs = load_inputs_task(raw)
    say(f"ingesting {len(inputs.files)} files")
    docs, problems = pipeline.dedupe(ingest_task.map(inputs.files, inputs=unmapped(inputs)).result())
    say(f"extracting {len(docs)} documents")
    results = extract_task.map(docs, entries=unmapped(inputs.entries),
                               cache_dir=unmapped(pipeline.cache_dir_for(out))).result()
    extractions = [ex for ex, _ in results]
    summary = Summary(problems=problems,
                      documents_by_genre=dict(sorted(Counter(d.document["genre"] for d in docs).items())),
                      extracted=sum(ran for _, ran in results), from_cache=sum(not ran for _, ran in results))
    try:
        tables, on, warnings = assemble_task(docs, extractions, inputs, out, release_date)
    except StructureError as exc:
        return pipeline.structure_failed(summary, exc)
    except pipeline.InputError as exc:
        summary.failed, summary.failures = 1, [{"table": "-", "rule": str(exc), "column": None, "blocking": True,
                                                "unexpected_count": 0, "element_count": 0,
                                                "unexpected_examples": []}]
        return summary
    summary.release_date, summary.warnings = on, warnings
    summary.rows = {name: len(df) for name, df in tables.items()}
    say("writing the release to staging")
    try:
        staging, tables = stage_task(tables, out, on)
        summary.rows = {name: len(df) for name, df in tables.items()}
    except StructureError as exc:
        return pipeline.structure_failed(summary, exc)
    say("validating (Great Expectations)")
    return gate_task(tables, staging, out, summary)
