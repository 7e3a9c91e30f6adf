"""The refresh as a Prefect flow: thin tasks around the steps in flows/pipeline.py."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from pathlib import Path

from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from flows import pipeline, prefect_env, progress
from flows.build.tables import StructureError
from flows.limits import FETCH_TIMEOUT, MAX_DOCUMENT_BYTES
from flows.pipeline import Summary
from flows.publish.release import recover

prefect_env.tie_server_to_parent()

# Thin tasks: each is a step of flows/pipeline.py, unchanged. Wrapping the functions themselves
# (not local wrappers) keeps them importable by reference, which Dask workers need.
load_inputs_task = task(name="load-inputs", cache_policy=NO_CACHE)(pipeline.load_inputs)
ingest_task = task(name="ingest", cache_policy=NO_CACHE)(pipeline.ingest_one)
extract_task = task(name="extract", cache_policy=NO_CACHE)(pipeline.extract_one)
assemble_task = task(name="assemble", cache_policy=NO_CACHE)(pipeline.assemble)
stage_task = task(name="stage", cache_policy=NO_CACHE)(pipeline.stage)
gate_task = task(name="gate-and-publish", cache_policy=NO_CACHE)(pipeline.gate_and_publish)


def task_runner():
    """The per-document work runs on threads by default; OIGDATA_TASK_RUNNER=dask runs it on a
    local Dask cluster, or on an existing one at DASK_SCHEDULER_ADDRESS (tcp://host:8786)."""
    choice = os.environ.get("OIGDATA_TASK_RUNNER", "threads").lower()
    if choice == "dask":
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")  # its INFO chatter is not ours to print
        from prefect_dask import DaskTaskRunner

        address = os.environ.get("DASK_SCHEDULER_ADDRESS")
        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    if choice != "threads":
        raise ValueError(f"OIGDATA_TASK_RUNNER={choice!r}: expected threads or dask")
    return ThreadPoolTaskRunner()


@flow(name="oigdata-refresh", log_prints=False, validate_parameters=False, task_runner=task_runner())
def refresh_flow(raw: Path | str, out: Path | str, release_date: dt.date | str | None = None,
                 locked: bool = False, accept_removals: bool = False, allow_empty_catalogue: bool = False) -> Summary:
    """Ingest raw/, extract, validate and publish to out/ (only if the gate passes).

    `locked` says the caller already holds the refresh lock (the CLI does); a scheduled run
    takes it here, recovers an interrupted publication, and reports a busy lock as a failure."""
    raw, out = Path(raw), Path(out)
    try:
        out = pipeline.release_target(raw, out)
    except pipeline.InputError as exc:
        return pipeline.input_failed(Summary(), exc)
    if isinstance(release_date, str):
        release_date = dt.date.fromisoformat(release_date)
    if not locked:
        try:
            with pipeline.refresh_lock(out):
                recover(out)
                return refresh_flow.fn(raw, out, release_date, True, accept_removals, allow_empty_catalogue)
        except pipeline.Locked as exc:
            return pipeline.input_failed(Summary(), exc)
    say = progress.say
    listing_url = os.environ.get("OIGDATA_LISTING_URL")
    if listing_url:  # a configured source: fetch what is new before reading raw/
        from flows.fetch.flow import fetch_flow

        say(f"fetching new reports from {listing_url}")
        fetched = fetch_flow(listing_url, raw, int(os.environ.get("OIGDATA_FETCH_MAX_BYTES", MAX_DOCUMENT_BYTES)),
                             float(os.environ.get("OIGDATA_FETCH_TIMEOUT", FETCH_TIMEOUT)))
        say(f"fetched {len(fetched.fetched)}, skipped {len(fetched.skipped)}, failed {len(fetched.failed)}")
    try:
        inputs = load_inputs_task(raw, allow_empty_catalogue)
    except pipeline.InputError as exc:
        return pipeline.input_failed(Summary(), exc)
    say(f"ingesting {len(inputs.files)} files")
    docs, problems = pipeline.dedupe(ingest_task.map(inputs.files, inputs=unmapped(inputs)).result())
    problems = inputs.skipped + problems
    say(f"extracting {len(docs)} documents")
    results = extract_task.map(docs, entries=unmapped(inputs.entries),
                               cache_dir=unmapped(pipeline.cache_dir_for(out))).result()
    docs, results, over = pipeline.keep_extracted(docs, results)
    problems += over
    extractions = [ex for ex, _ in results]
    summary = Summary(problems=problems,
                      documents_by_genre=dict(sorted(Counter(d.document["genre"] for d in docs).items())),
                      extracted=sum(ran for _, ran in results), from_cache=sum(not ran for _, ran in results))
    try:
        tables, on, warnings = assemble_task(docs, extractions, inputs, out, release_date)
    except StructureError as exc:
        return pipeline.structure_failed(summary, exc)
    except pipeline.InputError as exc:
        return pipeline.input_failed(summary, exc)
    summary.release_date, summary.warnings = on, warnings
    summary.rows = {name: len(df) for name, df in tables.items()}
    say("writing the release to staging")
    try:
        staging, tables = stage_task(tables, out, on, accept_removals)
        summary.rows = {name: len(df) for name, df in tables.items()}
    except StructureError as exc:
        return pipeline.structure_failed(summary, exc)
    except pipeline.InputError as exc:
        return pipeline.input_failed(summary, exc)
    say("validating (Great Expectations)")
    return gate_task(tables, staging, out, summary)
