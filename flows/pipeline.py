"""The refresh, step by step, as plain functions. The Prefect flow (flows/refresh.py) wraps
each step in a task; tests and tools can call the steps directly."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from flows import progress, unchanged
from flows.build.tables import StructureError, build_tables, release_date, validate_structure
from flows.core.catalogue import CatalogueEntry
from flows.extract import extract_document
from flows.extract.model import Document, Extraction
from flows.ingest import BadInput, Ingested, display_path, ingest_file, scan_raw
from flows.ingest.catalogue import as_entries, load_catalogue
from flows.ingest.csvfile import CsvError
from flows.ingest.manifest import ManifestEntry, load_manifest
from flows.limits import EXTRACT_BUDGET
from flows.publish.dcat import CatalogSettingsError
from flows.publish.dcat import settings as catalog_settings
from flows.publish.files import read_parquet
from flows.publish.integrity import verify_release
from flows.publish.release import staging_dir, swap_into_place, write_release

FAILED_DIR = ".oigdata/last-failed-validation"


@dataclass(frozen=True)
class Problem:
    """A raw file that was skipped, and why."""

    path: str
    reason: str


@dataclass
class Inputs:
    raw: Path
    files: list[Path]
    manifest: dict[str, ManifestEntry]
    catalogue: list[dict]
    skipped: list[Problem] = field(default_factory=list)  # entries of raw/ that are not documents, and why
    ingest_cache: Path | None = None  # where ingest results are kept between runs (None: not kept)

    @property
    def entries(self) -> tuple[CatalogueEntry, ...]:
        return as_entries(self.catalogue)


@dataclass
class Summary:
    """What a refresh did; printed by the CLI as tables."""

    published: bool = False
    release_date: dt.date | None = None
    documents_by_genre: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # what a maintainer must know about this run
    passed: int = 0
    failed: int = 0
    warned: int = 0
    version: str | None = None
    extracted: int = 0
    from_cache: int = 0
    unchanged: bool = False
    failures: list[dict] = field(default_factory=list)
    validation_dir: str | None = None


class InputError(Exception):
    """The raw folder, its manifest or catalogue, or an option cannot be used; says why."""


def input_failed(summary: Summary, exc: Exception) -> Summary:
    """The summary of a refresh stopped before validation by an input or publishing rule."""
    summary.failed, summary.failures = 1, [{"table": "-", "rule": str(exc), "column": None, "blocking": True,
                                            "unexpected_count": 0, "element_count": 0, "unexpected_examples": []}]
    return summary


RELEASE_NAME = "oigdata"  # the datapackage name that marks a folder as a release this tool published


def is_release(folder: Path) -> bool:
    try:
        return json.loads((folder / "datapackage.json").read_text(encoding="utf-8")).get("name") == RELEASE_NAME
    except (OSError, ValueError, AttributeError):
        return False


def release_target(raw: Path, out: Path) -> Path:
    """The folder a release may be published to, with symbolic links resolved (a linked
    `curated -> /srv/data/curated` is published through, in place). Refused, with the reason:
    the raw folder itself, a folder inside it or holding it, a file, and a folder that holds
    anything but a release this tool published (publishing replaces the whole folder)."""
    real_out, real_raw = out.resolve(), raw.resolve()
    if real_out == real_raw or real_raw in real_out.parents or real_out in real_raw.parents:
        raise InputError(f"--out {out} is the raw folder, inside it or around it: publishing would replace the "
                         "raw documents; choose a separate folder")
    if real_out.exists() and not real_out.is_dir():
        raise InputError(f"--out {out} is a file, not a folder")
    if real_out.is_dir() and any(real_out.iterdir()) and not is_release(real_out):
        raise InputError(f"--out {out} holds files that are not an oigdata release (no datapackage.json named "
                         f"{RELEASE_NAME!r}); publishing would replace them: choose an empty or new folder")
    if not os.access(real_out.parent, os.W_OK):
        raise InputError(f"cannot publish to {out}: {real_out.parent} is not writable")
    return real_out


def load_inputs(raw: Path, allow_empty_catalogue: bool = False) -> Inputs:
    if not raw.is_dir():
        raise InputError(f"raw folder not found: {raw}")
    try:
        files, skipped = scan_raw(raw)
        return Inputs(raw, files, load_manifest(raw), load_catalogue(raw, allow_empty_catalogue),
                      [Problem(p, r) for p, r in skipped])
    except CsvError as exc:
        raise InputError(str(exc)) from None


def ingest_one(path: Path, inputs: Inputs) -> Ingested | Problem:
    try:
        return ingest_file(path, inputs.raw, inputs.manifest, cache=inputs.ingest_cache)
    except BadInput as exc:
        return Problem(display_path(path.relative_to(inputs.raw)), exc.reason)


def dedupe(results: list[Ingested | Problem]) -> tuple[list[Ingested], list[Problem]]:
    """Split ingest results; a byte-identical copy of an earlier file is a problem, not a document."""
    docs: dict[str, Ingested] = {}
    problems: list[Problem] = []
    for r in results:
        if isinstance(r, Problem):
            problems.append(r)
        elif r.document["doc_id"] in docs:
            problems.append(Problem(r.document["path"],
                                    f"duplicate: same bytes as {docs[r.document['doc_id']].document['path']}"))
        else:
            docs[r.document["doc_id"]] = r
    return list(docs.values()), problems


def ingest_all(inputs: Inputs) -> tuple[list[Ingested], list[Problem]]:
    """Every raw file ingested in order (no Prefect): documents and the files refused."""
    docs, problems = dedupe([ingest_one(p, inputs) for p in inputs.files])
    return docs, inputs.skipped + problems


def extract_budget() -> float:
    return float(os.environ.get("OIGDATA_EXTRACT_BUDGET", EXTRACT_BUDGET))


def extract_one(ing: Ingested, entries: tuple[CatalogueEntry, ...], cache_dir: Path | None = None
                ) -> tuple[Extraction, bool] | Problem:
    """The document's rows, from the cache when this document, extractor version and
    catalogue were seen before; the flag says whether extraction ran. Extraction runs in a
    child process within its time budget: a document over budget comes back as a Problem."""
    from flows import cache
    from flows.budget import OverBudget, call_with_budget

    d = ing.document
    path = cache.cache_path(cache_dir, d["sha256"], entries) if cache_dir else None
    if path is not None:
        hit = cache.read(path)
        if hit is not None:
            return hit, False
    doc = Document(d["doc_id"], ing.text, d["genre"], d["published_on"], entries)
    try:
        ex = call_with_budget(extract_document, (doc,), extract_budget())
    except OverBudget as exc:
        return Problem(d["path"], f"extraction stopped: it {exc} (OIGDATA_EXTRACT_BUDGET); skipped")
    if path is not None:
        cache.write(path, ex)
    return ex, True


def keep_extracted(docs: list[Ingested], results: list) -> tuple[list[Ingested], list[tuple[Extraction, bool]],
                                                                     list[Problem]]:
    """Documents whose extraction finished, their results, and the ones skipped as Problems."""
    kept = [(d, r) for d, r in zip(docs, results, strict=True) if not isinstance(r, Problem)]
    return [d for d, _ in kept], [r for _, r in kept], [r for r in results if isinstance(r, Problem)]


class Locked(Exception):
    """Another refresh holds the lock on this output folder."""


@contextmanager
def refresh_lock(out: Path):
    """One refresh at a time per output folder: a second one fails at once with Locked."""
    import fcntl

    path = out.parent / ".oigdata" / f"{out.name}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            raise Locked(f"another refresh (pid {holder}) is publishing to {out}; try again when it ends") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)


def cache_dir_for(out: Path) -> Path:
    """Run state lives beside the release, never inside it: <out's parent>/.oigdata/cache."""
    return out.parent / ".oigdata" / "cache" / "extract"


def previous_first_seen(out: Path) -> dict[str, dt.date]:
    path = out / "parquet" / "recommendations.parquet"
    if not path.exists():
        return {}
    df = read_parquet(path)
    return dict(zip(df["rec_id"], df["first_seen"], strict=True))


def assemble(docs: list[Ingested], extractions: list[Extraction], inputs: Inputs, out: Path,
             on: dt.date | None = None) -> tuple[dict[str, pd.DataFrame], dt.date, list[str]]:
    """Build and structurally validate the tables; raises StructureError listing every problem."""
    merged = Extraction()
    for ex in extractions:
        merged.extend(ex)
    documents = [d.document for d in docs]
    try:
        on = on or release_date(documents, inputs.catalogue)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    tables = build_tables(documents, {d.document["doc_id"]: d.text for d in docs}, inputs.catalogue, merged, on,
                          previous_first_seen(out))
    return validate_structure(tables), on, merged.warnings


def structure_failed(summary: Summary, error: StructureError) -> Summary:
    """Record a schema failure as blocking: nothing is staged or published."""
    summary.failed = len(error.failures)
    summary.failures = error.failures
    return summary


def previous_release(out: Path) -> tuple[dict[str, pd.DataFrame], str | None]:
    """The published tables (those that exist) and the published version, if any."""
    from flows.publish.files import read_release_table
    from schemas import TABLES

    tables = {t: read_release_table(out, t) for t in TABLES if (out / "parquet" / f"{t}.parquet").exists()}
    try:
        version = json.loads((out / "datapackage.json").read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        version = None
    return tables, version


REMOVAL_SHARE = 0.2  # a release that would remove more than this share of a table's rows is held back
REMOVAL_MIN_ROWS = 5  # ... when the table had at least this many


class RemovalsHeld(InputError):
    """The new release would remove much of what the last one published."""


def removals(previous: dict[str, pd.DataFrame], tables: dict[str, pd.DataFrame]) -> list[str]:
    """Tables that would lose more than REMOVAL_SHARE of their published rows, described."""
    from schemas.columns import table_meta

    out = []
    for name, old in sorted(previous.items()):
        if name == "changes" or name not in tables or len(old) < REMOVAL_MIN_ROWS:
            continue
        key = table_meta(name)["primary_key"]
        new_keys = set(map(tuple, tables[name][key].astype(str).itertuples(index=False, name=None)))
        gone = sum(tuple(map(str, k)) not in new_keys for k in old[key].itertuples(index=False, name=None))
        if gone > REMOVAL_SHARE * len(old):
            out.append(f"{name}: {gone} of {len(old)} rows")
    return out


def with_history(tables: dict[str, pd.DataFrame], out: Path, on: dt.date,
                 accept_removals: bool = False) -> tuple[dict[str, pd.DataFrame], str]:
    """Add the `changes` table (previous history plus this release's changes) and the version:
    a new version only when some row changed. A release that would remove more than a fifth of
    a published table is held back (RemovalsHeld) unless `accept_removals`."""
    from flows.build.history import diff, version_for
    from schemas.columns import columns, typed_frame

    previous, prev_version = previous_release(out)
    tables = carry_forward(previous, tables)
    lost = [] if accept_removals else removals(previous, tables)
    if lost:
        raise RemovalsHeld(f"not published: it would remove {'; '.join(lost)} (over {REMOVAL_SHARE:.0%}) of the "
                           f"release in {out}; if that is intended, run again with --accept-removals")
    version = version_for(on, prev_version)
    new_rows = diff(previous, tables, version)
    if not new_rows and prev_version and "." in prev_version:
        version = prev_version
    old = previous.get("changes")
    rows = (old.to_dict("records") if old is not None else []) + new_rows
    names = [c.name for c in columns("changes")]
    changes = typed_frame("changes", {n: [r[n] for r in rows] for n in names})
    changes = changes.sort_values(["version", "table_name", "key"], kind="stable").reset_index(drop=True)
    return {**tables, "changes": changes}, version


def carry_forward(previous: dict[str, pd.DataFrame], tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Keep what earlier releases published from documents no longer in raw/: every assertion
    ever published stays in the dataset, with the text that proves it. Rows whose key the new
    build already has are not duplicated."""
    from flows.build.tables import sort_by_key
    from schemas.columns import columns, table_meta, typed_frame

    if "documents" not in previous:
        return tables
    gone = set(previous["documents"]["doc_id"]) - set(tables["documents"]["doc_id"])
    if not gone:
        return tables
    out = dict(tables)
    for name, df in tables.items():
        old = previous.get(name)
        if old is None or "doc_id" not in old.columns or name == "reports":
            continue
        key = table_meta(name)["primary_key"]
        have = set(map(tuple, df[key].astype(str).itertuples(index=False, name=None)))
        keep = old[old["doc_id"].isin(gone)]
        keep = keep[[tuple(map(str, k)) not in have for k in keep[key].itertuples(index=False, name=None)]]
        if len(keep):
            rows = df.to_dict("records") + keep.to_dict("records")
            names = [c.name for c in columns(name)]
            out[name] = sort_by_key(name, typed_frame(name, {n: [r.get(n) for r in rows] for n in names}))
    return out


def stage(tables: dict[str, pd.DataFrame], out: Path, on: dt.date,
          accept_removals: bool = False) -> tuple[Path, dict[str, pd.DataFrame]]:
    """Write the release (with its history) to the staging folder, check that what was written
    reads back valid, and return the folder and the tables as published."""
    from flows.publish.files import read_release_table
    from schemas import TABLES

    tables, version = with_history(tables, out, on, accept_removals)
    folder = staging_dir(out)
    write_release(tables, folder, version)
    try:
        validate_structure({t: read_release_table(folder, t) for t in TABLES})
    except StructureError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder, tables


def refresh_datapackage(folder: Path) -> None:
    """Rewrite the staged datapackage.json so that it lists every file the release holds."""
    from flows.publish.datapackage import write_datapackage
    from flows.publish.files import read_release_table

    version = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["version"]
    write_datapackage(folder, read_release_table(folder, "documents"), version)


def same_release(a: Path, b: Path) -> bool:
    """Do two release folders hold the same published files, byte for byte (the DuckDB
    file, a build product, aside)?"""
    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
                if p.is_file() and p.name != "oig.duckdb"}

    return b.is_dir() and files(a) == files(b)


FAULT_ENV = "OIGDATA_FAULT"


def inject_fault(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Fault injection for tests (OIGDATA_FAULT=corrupt-quote): break one provenance quote so
    that the gate must refuse the release. Does nothing when the variable is unset."""
    if os.environ.get(FAULT_ENV) != "corrupt-quote":
        return tables
    recs = tables["recommendations"].copy()
    if len(recs):
        recs.loc[recs.index[0], "quote"] = recs.loc[recs.index[0], "quote"] + " (altered)"
    return {**tables, "recommendations": recs}


def gate_and_publish(tables: dict[str, pd.DataFrame], staging: Path, out: Path, summary: Summary) -> Summary:
    """Run the gate; publish the staged release only when no blocking rule fails."""
    from flows.validate.gate import blocking_failures, run_gate, write_results

    summary.version = json.loads((staging / "datapackage.json").read_text(encoding="utf-8"))["version"]
    outcomes = run_gate(inject_fault(tables))
    summary.passed = sum(o.success for o in outcomes)
    summary.failed = len(blocking_failures(outcomes))
    summary.warned = sum(not o.rule.blocking and not o.success for o in outcomes)
    summary.failures = [o.record() for o in outcomes if not o.success]
    if summary.failed:
        failed_dir = out.parent / FAILED_DIR
        write_results(outcomes, failed_dir)
        shutil.rmtree(staging, ignore_errors=True)
        summary.validation_dir = str(failed_dir)
        return summary
    write_results(outcomes, staging / "validation")
    refresh_datapackage(staging)  # now that the validation files exist, list them with their checksums
    altered = verify_release(out) if is_release(out) else []
    if altered:  # someone changed published files: the rebuilt release replaces them
        summary.notices.append(f"the published release in {out} had been altered ({len(altered)} file(s) differ "
                                f"from its datapackage.json, e.g. {altered[0]}); it is replaced by the rebuilt one")
    if not altered and same_release(staging, out):
        if not (out / "oig.duckdb").exists():  # a fresh checkout: the build product is added, nothing else
            os.replace(staging / "oig.duckdb", out / "oig.duckdb")
        shutil.rmtree(staging, ignore_errors=True)  # nothing changed: leave every published byte as it is
        summary.unchanged = summary.published = True
        summary.validation_dir = str(out / "validation")
        return summary
    swap_into_place(staging, out)
    summary.published = True
    summary.validation_dir = str(out / "validation")
    return summary


@dataclass(frozen=True)
class Runner:
    """How the steps run: `call(step, *args)` and `map(step, items, **shared)`. PLAIN calls them
    here and now; the Prefect flow passes its tasks (flows/refresh.py). Both walk refresh_steps."""

    call: Callable[..., Any]
    map: Callable[..., list]


PLAIN = Runner(call=lambda step, *args: step(*args),
               map=lambda step, items, **shared: [step(item, **shared) for item in items])


def refresh_steps(raw: Path, out: Path, runner: Runner = PLAIN, release_date: dt.date | None = None,
                  accept_removals: bool = False, allow_empty_catalogue: bool = False,
                  use_cache: bool = True) -> tuple[Summary, dict[str, pd.DataFrame] | None]:
    """The refresh, step by step: the one list of steps, and the one place the summary is
    filled. Returns the summary and the tables as staged (None when it stopped before)."""
    say = progress.say
    try:
        catalog_settings()  # fail before any work when the release's catalog entry could not be valid
        inputs = runner.call(load_inputs, raw, allow_empty_catalogue)
    except (InputError, CatalogSettingsError) as exc:
        return input_failed(Summary(), exc), None
    if use_cache:
        inputs.ingest_cache = cache_dir_for(out).parent / "ingest"
    say(f"ingesting {len(inputs.files)} files")
    docs, problems = dedupe(runner.map(ingest_one, inputs.files, inputs=inputs))
    say(f"extracting {len(docs)} documents")
    results = runner.map(extract_one, docs, entries=inputs.entries, cache_dir=cache_dir_for(out) if use_cache else None)
    docs, results, over = keep_extracted(docs, results)
    summary = Summary(problems=inputs.skipped + problems + over,
                      documents_by_genre=dict(sorted(Counter(d.document["genre"] for d in docs).items())),
                      extracted=sum(ran for _, ran in results), from_cache=sum(not ran for _, ran in results))
    try:
        tables, on, summary.warnings = runner.call(assemble, docs, [ex for ex, _ in results], inputs, out,
                                                   release_date)
        summary.release_date = on
        say("writing the release to staging")
        staging, tables = runner.call(stage, tables, out, on, accept_removals)
    except StructureError as exc:
        return structure_failed(summary, exc), None
    except InputError as exc:
        return input_failed(summary, exc), None
    summary.rows = {name: len(df) for name, df in tables.items()}
    say("validating (Great Expectations)")
    summary = runner.call(gate_and_publish, tables, staging, out, summary)
    if summary.published:
        unchanged.record(raw, out, summary.version)  # the next refresh with nothing changed stops at once
    return summary, tables


def run_steps(raw: Path, out: Path, use_cache: bool = True, accept_removals: bool = False,
              allow_empty_catalogue: bool = False) -> tuple[Summary, dict[str, pd.DataFrame] | None, int]:
    """The whole refresh in this process, without Prefect or the lock: for tests and debugging.
    Returns the summary, the tables as staged and how many documents were extracted (the rest
    came from the cache)."""
    summary, tables = refresh_steps(raw, release_target(raw, out), PLAIN, None, accept_removals,
                                    allow_empty_catalogue, use_cache)
    return summary, tables, summary.extracted
