"""The refresh as a Prefect flow: thin tasks around the steps in flows/pipeline.py."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from prefect import flow, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from flows import pipeline, prefect_env, progress
from flows.limits import FETCH_TIMEOUT, MAX_DOCUMENT_BYTES
from flows.pipeline import Summary
from flows.publish.release import recover

prefect_env.tie_server_to_parent()

# Thin tasks: each is a step of flows/pipeline.py, unchanged. Wrapping the functions themselves
# (not local wrappers) keeps them importable by reference, which Dask workers need.
TASKS = {step: task(name=name, cache_policy=NO_CACHE)(step) for step, name in (
    (pipeline.load_inputs, "load-inputs"), (pipeline.ingest_one, "ingest"), (pipeline.extract_one, "extract"),
    (pipeline.assemble, "assemble"), (pipeline.stage, "stage"), (pipeline.gate_and_publish, "gate-and-publish"))}
PREFECT = pipeline.Runner(
    call=lambda step, *args: TASKS[step](*args),
    map=lambda step, items, **shared: TASKS[step].map(items, **{k: unmapped(v) for k, v in shared.items()}).result())


def task_runner():
    """The per-document work runs on threads by default; OIGDATA_TASK_RUNNER=dask runs it on a
    local Dask cluster, or on an existing one at DASK_SCHEDULER_ADDRESS (tcp://host:8786)."""
    choice = os.environ.get("OIGDATA_TASK_RUNNER", "threads").lower()
    if choice == "dask":
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")  # its INFO chatter is not ours to print
        from prefect_dask import DaskTaskRunner

        # distributed may be imported (and its logging set up) before the variable above is read; its
        # shutdown race logs "Batched Comm Closed" with a traceback at INFO (dask/distributed#7192),
        # harmless and not the user's to read: the scheduler's side runs here, in this process
        for name in ("distributed", "distributed.batched", "distributed.core", "distributed.comm"):
            logging.getLogger(name).setLevel(logging.WARNING)

        address = os.environ.get("DASK_SCHEDULER_ADDRESS")
        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    if choice != "threads":
        raise ValueError(f"OIGDATA_TASK_RUNNER={choice!r}: expected threads or dask")
    return ThreadPoolTaskRunner(max_workers=os.cpu_count() or 2)  # each extraction is its own process: one per core


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
    listing_url = os.environ.get("OIGDATA_LISTING_URL")
    if listing_url:  # a configured source: fetch what is new before reading raw/
        from flows.fetch.flow import fetch_flow

        progress.say(f"fetching new reports from {listing_url}")
        fetched = fetch_flow(listing_url, raw, int(os.environ.get("OIGDATA_FETCH_MAX_BYTES", MAX_DOCUMENT_BYTES)),
                             float(os.environ.get("OIGDATA_FETCH_TIMEOUT", FETCH_TIMEOUT)))
        progress.say(f"fetched {len(fetched.fetched)}, skipped {len(fetched.skipped)}, failed {len(fetched.failed)}")
    summary, _ = pipeline.refresh_steps(raw, out, PREFECT, release_date, accept_removals, allow_empty_catalogue)
    return summary
