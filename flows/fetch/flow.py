"""`oigdata fetch` as a Prefect flow: the listing and each PDF are tasks with retries and
backoff on transient failures (timeouts, 5xx); a wrong type, a 404 or an oversized file is
final and reported by URL with the reason."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows import prefect_env
from flows.fetch import plan
from flows.fetch.download import FetchError, TransientFetchError, download_pdf, fetch_text
from flows.fetch.listing import pdf_links
from flows.limits import FETCH_RUN_DEADLINE

prefect_env.tie_server_to_parent()


@dataclass
class FetchSummary:
    fetched: list[tuple[str, str]] = field(default_factory=list)  # (report id, path)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (report id, why)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)


def _download(url: str, dest: Path, max_bytes: int, timeout: float) -> tuple[str | None, str | None, str]:
    """(sha256, None, final URL) on success, (None, reason, url) on a final failure; transient ones raise."""
    try:
        sha, final = download_pdf(url, dest, max_bytes, timeout)
        return sha, None, final
    except FetchError as exc:
        return None, str(exc), url


@flow(name="oigdata-fetch", log_prints=False, validate_parameters=False)
def fetch_flow(listing_url: str, raw: Path, max_bytes: int, timeout: float, retries: int = 3,
               retry_delay: float = 2.0, run_deadline: float = FETCH_RUN_DEADLINE) -> FetchSummary:
    delays = [retry_delay * 2 ** i for i in range(retries)]  # exponential backoff
    listing = task(name="fetch-listing", retries=retries, retry_delay_seconds=delays, cache_policy=NO_CACHE)(
        fetch_text)
    get_pdf = task(name="download-pdf", retries=retries, retry_delay_seconds=delays, cache_policy=NO_CACHE,
                   retry_condition_fn=_transient_only)(_download)
    summary = FetchSummary()
    html = listing(listing_url, timeout)
    new, held = plan.to_fetch(pdf_links(html, listing_url), raw)
    summary.skipped += [(lk.report_id, "already in raw/") for lk in held]
    hashes = plan.held_hashes(raw)
    stop_at = time.monotonic() + run_deadline
    for link in new:
        if time.monotonic() > stop_at:  # the run's deadline: the rest waits for the next run
            summary.failed.append((link.url, f"not tried: the run passed its deadline of {run_deadline:g} s"))
            continue
        dest = plan.target_path(raw, link)
        state = get_pdf(link.url, dest, max_bytes, timeout, return_state=True)
        if state.is_failed():
            summary.failed.append((link.url, f"gave up after {retries + 1} tries (timeout or server error)"))
            continue
        sha, reason, final_url = state.result()
        if reason:
            summary.failed.append((link.url, reason))
        elif sha in hashes:
            dest.unlink(missing_ok=True)
            summary.skipped.append((link.report_id, "same bytes as a file already in raw/"))
        else:
            plan.add_to_manifest(raw, dest, final_url, sha, dt.date.today())
            hashes.add(sha)
            summary.fetched.append((link.report_id, dest.relative_to(raw).as_posix()))
    return summary


def _transient_only(task, task_run, state) -> bool:
    """Retry only what may succeed later."""
    try:
        state.result()
    except TransientFetchError:
        return True
    except Exception:
        return False
    return False
