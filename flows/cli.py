"""The `oigdata` command line. Heavy imports (prefect, great_expectations) happen inside the
commands that need them, so `oigdata query` starts fast."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from flows import limits

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="oigdata: DHS OIG recommendations, 287(g) facts and training requirements as open data.")
console = Console(width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 120)

DEFAULT_DB = Path("curated/oig.duckdb")


def _require(ok: bool, message: str) -> None:
    """A user's mistake ends in one line and exit status 2, never a traceback."""
    if not ok:
        err.print(f"[red]Error[/]: {message}")
        raise typer.Exit(2)


def _print_summary(summary) -> None:
    from flows.validate.rules import label

    t = Table(title="Documents by genre")
    t.add_column("genre")
    t.add_column("documents", justify="right")
    for genre, n in summary.documents_by_genre.items():
        t.add_row(genre, str(n))
    console.print(t)
    t = Table(title=f"Rows per table (release {summary.release_date})")
    t.add_column("table")
    t.add_column("rows", justify="right")
    for name, n in summary.rows.items():
        t.add_row(name, str(n))
    console.print(t)
    t = Table(title="Work done")
    for col in ("documents extracted", "from cache", "release"):
        t.add_column(col, justify="right")
    t.add_row(str(summary.extracted), str(summary.from_cache),
              "unchanged" if summary.unchanged else ("new" if summary.published else "not published"))
    console.print(t)
    t = Table(title="Expectations")
    for col in ("passed", "failed (blocking)", "warned"):
        t.add_column(col, justify="right")
    t.add_row(str(summary.passed), str(summary.failed), str(summary.warned))
    console.print(t)
    if summary.failures:
        t = Table(title="Expectations not met")
        for col in ("level", "table", "rule", "column", "unexpected", "examples"):
            t.add_column(col)
        for f in summary.failures:
            t.add_row(label(False, f["blocking"]), f["table"], f["rule"], f["column"] or "",
                      f"{f['unexpected_count']}/{f['element_count']}", json.dumps(f["unexpected_examples"])[:80])
        console.print(t)
    if summary.problems:
        t = Table(title="Files skipped")
        t.add_column("file")
        t.add_column("reason")
        for p in summary.problems:
            t.add_row(p.path, p.reason)
        console.print(t)
    for notice in summary.notices:
        console.print(f"[yellow]Notice[/]: {notice}")
    if summary.warnings:
        console.print(f"[yellow]{len(summary.warnings)} extraction notes[/] (signals that yielded no row: "
                      "claims that name no recommendation or report, reporting verbs with no action), e.g. "
                      + summary.warnings[0])


@app.command()
def refresh(
    raw: Path = typer.Option(Path("raw"), help="Folder of raw documents (with manifest.csv and reference/)."),
    out: Path = typer.Option(Path("curated"), help="Where the release is published."),
    release_date: str = typer.Option(None, help="Release date (YYYY-MM-DD); default: the latest date the inputs state."),
    accept_removals: bool = typer.Option(False, help="Publish even if over a fifth of a published table's rows "
                                                     "would be removed."),
    allow_empty_catalogue: bool = typer.Option(False, help="Refresh without raw/reference/*.csv (every "
                                                           "catalogued report leaves the release)."),
) -> None:
    """Ingest, extract, validate and publish (a Prefect flow).

    Example: oigdata refresh --raw raw --out curated
    """
    from flows import pipeline

    try:
        on = dt.date.fromisoformat(release_date) if release_date else None
    except ValueError:
        err.print(f"[red]Bad --release-date[/] {release_date!r}: expected YYYY-MM-DD")
        raise typer.Exit(2) from None
    try:  # fail fast, in one line, before the flow starts
        pipeline.load_inputs(raw, allow_empty_catalogue)
        out = pipeline.release_target(raw, out)
        pipeline.catalog_settings()
    except (pipeline.InputError, pipeline.CatalogSettingsError) as exc:
        err.print(f"[red]Cannot refresh[/]: {exc}")
        raise typer.Exit(2) from None
    from flows.publish.release import recover

    try:
        with pipeline.refresh_lock(out):
            recovered = recover(out)
            if recovered:
                console.print(f"[yellow]Recovered an interrupted publication[/]: {recovered}")
            from flows import unchanged

            same = None if (on or accept_removals or allow_empty_catalogue) else unchanged.unchanged(raw, out)
            if same:  # inputs, code and release as the manifest recorded them: nothing to run
                console.print(f"[green]Nothing changed[/]: release {same} in {out}/ is byte-identical "
                              "(inputs, code and release as last recorded; nothing was re-read)")
                return
            from flows import progress
            from flows.refresh import refresh_flow

            with console.status("refreshing") as status:
                progress.set_callback(status.update)
                summary = refresh_flow(raw, out, on, locked=True, accept_removals=accept_removals,
                                       allow_empty_catalogue=allow_empty_catalogue)
                progress.set_callback(None)
    except pipeline.Locked as exc:
        err.print(f"[red]Not started[/]: {exc}")
        raise typer.Exit(3) from None
    logging.getLogger("prefect").setLevel(logging.WARNING)  # its exit notice is INFO noise
    _print_summary(summary)
    if not summary.published:
        if summary.validation_dir is None:  # stopped before validation: an input or publishing rule
            for f in summary.failures:
                err.print(f"[red]Not published[/]: {f['rule']}")
            err.print(f"{out}/ is unchanged.")
        else:
            err.print(f"[red]Not published[/]: {summary.failed} blocking expectation(s) failed; {out}/ is unchanged. "
                      f"Results: {summary.validation_dir}/results.md")
        raise typer.Exit(1)
    if summary.unchanged:
        console.print(f"[green]Nothing changed[/]: release {summary.version} in {out}/ is byte-identical")
    else:
        console.print(f"[green]Published[/] release {summary.version} to {out}/")


@app.command()
def fetch(
    listing_url: str = typer.Option(None, help="OIG report listing page (default: OIGDATA_LISTING_URL, else "
                                               "OIG's list of ICE reports)."),
    raw: Path = typer.Option(Path("raw"), help="Where fetched PDFs and their manifest rows go."),
    max_bytes: int = typer.Option(limits.MAX_DOCUMENT_BYTES, help="Largest PDF accepted."),
    timeout: float = typer.Option(limits.FETCH_TIMEOUT, help="Seconds without progress before a request counts as "
                                                             "timed out."),
    retries: int = typer.Option(3, help="Retries after a timeout or server error (with backoff)."),
    retry_delay: float = typer.Option(2.0, help="First backoff delay in seconds (doubles each retry)."),
) -> None:
    """Download reports listed on an OIG page that raw/ does not hold yet.

    Example: oigdata fetch --listing-url https://www.oig.dhs.gov/reports/... --raw raw
    """
    import os

    from flows.fetch.download import FetchError, TransientFetchError
    from flows.fetch.flow import fetch_flow
    from flows.fetch.listing import DEFAULT_LISTING_URL

    url = listing_url or os.environ.get("OIGDATA_LISTING_URL") or DEFAULT_LISTING_URL
    _require(timeout > 0, f"--timeout must be a positive number of seconds, got {timeout:g}")
    _require(max_bytes > 0, f"--max-bytes must be positive, got {max_bytes}")
    _require(retries >= 0 and retry_delay >= 0, "--retries and --retry-delay cannot be negative")
    _require(url.startswith(("http://", "https://")), f"--listing-url must be an http(s) URL, got {url!r}")
    try:
        raw.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _require(False, f"cannot use {raw} as the raw folder: {exc.strerror or exc}")
    # a download that fails after its retries is reported below with its reason; Prefect's own
    # traceback for it would only repeat that
    logging.getLogger("prefect.task_runs").setLevel(logging.CRITICAL)
    try:
        summary = fetch_flow(url, raw, max_bytes, timeout, retries, retry_delay)
    except (TransientFetchError, FetchError) as exc:
        err.print(f"[red]Listing not usable[/]: {exc}")
        raise typer.Exit(2) from None
    logging.getLogger("prefect").setLevel(logging.WARNING)
    t = Table(title=f"Fetch from {url}")
    for col in ("outcome", "report / URL", "detail"):
        t.add_column(col, overflow="fold")
    for rid, path in summary.fetched:
        t.add_row("fetched", rid, path)
    for rid, why in summary.skipped:
        t.add_row("skipped", rid, why)
    for u, why in summary.failed:
        t.add_row("failed", u, why)
    console.print(t)
    console.print(f"{len(summary.fetched)} fetched, {len(summary.skipped)} skipped, {len(summary.failed)} failed")


@app.command()
def serve(
    raw: Path = typer.Option(Path("raw"), help="Folder of raw documents."),
    out: Path = typer.Option(Path("curated"), help="Where releases are published."),
    cron: str = typer.Option("0 6 * * *", help="When to refresh (cron, server time zone); default daily at 06:00."),
    interval: float = typer.Option(None, help="Refresh every N seconds instead of the cron schedule."),
    name: str = typer.Option("scheduled", help="Deployment name."),
) -> None:
    """Serve the refresh as a Prefect deployment on a schedule (needs a Prefect server).

    Example: PREFECT_API_URL=http://127.0.0.1:4200/api oigdata serve --cron "0 6 * * *"
    Each run is the same flow as `oigdata refresh`; a run that finds nothing new changes no byte.
    """
    import datetime as dt2

    _require(interval is None or interval > 0, f"--interval must be a positive number of seconds, got {interval}")
    if interval is None:
        from cronsim import CronSim, CronSimError  # Prefect's own cron parser

        try:
            CronSim(cron, dt2.datetime(2000, 1, 1))
        except CronSimError:
            _require(False, f"--cron {cron!r} is not a cron expression (e.g. \"0 6 * * *\")")
    from flows.refresh import refresh_flow

    schedule = {"interval": dt2.timedelta(seconds=interval)} if interval else {"cron": cron}
    when = f"every {interval:g}s" if interval else cron
    console.print(f"Serving deployment oigdata-refresh/{name} ({when})")
    refresh_flow.serve(name=name, parameters={"raw": str(raw.resolve()), "out": str(out.resolve())},
                       print_starting_message=False, pause_on_shutdown=False, **schedule)


@app.command()
def query(
    sql: str = typer.Argument(None, help="SQL over the published tables and views; '-' reads standard input."),
    file: Path = typer.Option(None, "--file", "-f", help="Read the SQL from this file."),
    fmt: str = typer.Option("table", "--format", help="table, csv or json"),
    db: Path = typer.Option(DEFAULT_DB, help="The DuckDB file."),
    timeout: float = typer.Option(60.0, help="Stop the query after this many seconds."),
    max_memory: str = typer.Option("2GB", help="Memory limit of the query, e.g. 2GB or 500MB."),
    max_rows: int = typer.Option(200, help="Rows drawn in the table format (csv and json print all)."),
) -> None:
    """Read-only SQL over the release: one statement, no file or network access, with a time and
    a memory limit (Ctrl-C stops it too).

    Examples:
      oigdata query "select * from open_recommendations"
      oigdata query --file question.sql --format csv
      echo "select count(*) from recommendations" | oigdata query - --format json
    """
    from flows import access

    try:
        if file is not None:
            try:
                sql = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise access.AccessError(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}") from None
        elif sql in (None, "-"):
            sql = sys.stdin.read()
        names, rows = access.run_sql(db, sql, timeout=timeout, max_memory=max_memory)
        if fmt == "table":  # a table is for reading: the first rows, long cells cut (csv/json give everything)
            t = Table(show_lines=False)
            for n in names:
                t.add_column(n, overflow="fold")
            for r in rows[:max(0, max_rows)]:
                t.add_row(*(_short("" if v is None else str(access._cell(v))) for v in r))
            console.print(t)
            more = len(rows) - max(0, max_rows)
            console.print(f"{len(rows)} rows" + (f" ({more} not drawn: --format csv or json prints all, or --max-rows)"
                                                  if more > 0 else ""))
        else:
            access.write_rows(names, rows, fmt, sys.stdout)
    except access.AccessError as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from None


def _short(cell: str, width: int = 300) -> str:
    return cell if len(cell) <= width else cell[:width - 1] + "…"


@app.command()
def export(
    table: str = typer.Option(..., help="A table or view, e.g. recommendations or open_recommendations."),
    fmt: str = typer.Option("csv", "--format", help="csv, parquet or json"),
    where: str = typer.Option(None, help="An SQL condition, e.g. \"status = 'open'\"."),
    output: Path = typer.Option(None, help="File to write (default: <table>.<format> here)."),
    db: Path = typer.Option(DEFAULT_DB, help="The DuckDB file."),
    timeout: float = typer.Option(60.0, help="Stop the export after this many seconds."),
    max_memory: str = typer.Option("2GB", help="Memory limit, e.g. 2GB or 500MB."),
) -> None:
    """Write a filtered extract of one table or view.

    Example: oigdata export --table recommendations --format parquet --where "status = 'open'"
    """
    from flows import access

    output = output or Path(f"{table}.{fmt}")
    try:
        n = access.export(db, table, fmt, where, output, timeout=timeout, max_memory=max_memory)
    except access.AccessError as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from None
    console.print(f"{n} rows of {table} written to {output}")


def _table(title: str, rows: list[dict], columns: dict[str, str]) -> Table:
    t = Table(title=title)
    for header in columns:
        t.add_column(header, overflow="fold")
    for r in rows:
        t.add_row(*("" if r.get(k) is None else str(r[k]) for k in columns.values()))
    return t


@app.command()
def show(item_id: str = typer.Argument(..., help="A report id (OIG-18-77) or a recommendation id (OIG-18-77-R1)."),
         db: Path = typer.Option(DEFAULT_DB, help="The DuckDB file.")) -> None:
    """One report (its recommendations, every claim about it, every document naming it) or one
    recommendation (its text, derived status and who asserts it, source passage, full history).

    Examples: oigdata show OIG-18-77    oigdata show OIG-18-77-R1
    """
    from flows import access

    try:
        rep = access.show_report(db, item_id)
        rec = None if rep else access.show(db, item_id)
    except access.AccessError as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from None
    if rep:
        console.print(f"[bold]{rep['report_id']}[/]  {rep['title'] or '(title unknown)'}")
        console.print(f"issued {rep['issued_on'] or 'date unknown'}; {rep['url'] or 'no URL'}; recommendations stated: "
                      f"{rep['n_recommendations_stated'] if rep['n_recommendations_stated'] is not None else 'unknown'}"
                      f"; text ingested: {'yes' if rep['doc_id'] else 'no'}")
        console.print(_table("Recommendations", rep["recommendations"], {
            "rec_id": "rec_id", "no.": "rec_number", "evidence": "evidence", "status": "status", "as of": "status_as_of",
            "asserted by": "status_asserted_by", "response": "response", "text": "text"}))
        console.print(_table("Claims about this report (who says what)", rep["claims"], {
            "as of": "as_of", "from": "as_of_source", "kind": "kind", "value": "value", "by": "asserted_by",
            "scope": "scope", "n": "count", "of": "total", "rec": "rec_number", "hedge": "hedge",
            "source": "source_title"}))
        console.print(_table("Documents that name it", rep["mentions"], {
            "source": "source_title", "genre": "genre", "match": "match", "score": "score", "passage": "quote",
            "note": "suggestion_reason"}))
        return
    console.print(f"[bold]{rec['rec_id']}[/]  {rec['report_id'] or '(report unknown)'}  evidence: {rec['evidence']}")
    console.print(rec["text"])
    who = (f"asserted by {rec['status_asserted_by']} (scope {rec['status_scope']}) in {rec['status_source_title']}"
           if rec["status_asserted_by"] else "no source states it")
    console.print(f"status [bold]{rec['status']}[/] (as of {rec['status_as_of'] or 'undated'}; {who}), resolution "
                  f"{rec['resolution']}, response {rec['response']}; themes {', '.join(rec['themes'])}")
    page = f", page {rec['page']}" if rec.get("page") else ""
    console.print(f"source: {rec['source_title']} ({rec['source_url'] or 'no URL'}{page}), "
                  f"characters {rec['start']}–{rec['end']}")
    console.print(f"[dim]“{rec['quote']}”[/]")
    t = Table(title="Status history")
    for col in ("as of", "kind", "value", "asserted by", "scope", "source", "passage"):
        t.add_column(col, overflow="fold")
    for h in rec["history"]:
        t.add_row(str(h["as_of"] or ""), h["kind"], h["value"], h["asserted_by"], h["scope"], h["source_title"] or "",
                  h["quote"][:160])
    console.print(t)


@app.command()
def validate(out: Path = typer.Option(Path("curated"), help="The published release.")) -> None:
    """Re-run the expectations on the published release.

    Example: oigdata validate
    """
    from flows.build.tables import StructureError, validate_structure
    from flows.publish.files import read_release_table
    from flows.publish.integrity import verify_release
    from flows.validate.gate import blocking_failures, run_gate
    from flows.validate.rules import label
    from schemas import TABLES

    if not (out / "datapackage.json").is_file():
        err.print(f"[red]Not a release[/]: {out} has no datapackage.json")
        raise typer.Exit(2)
    altered = verify_release(out)
    for line in altered:
        err.print(f"[red]FAIL[/] integrity: {line}")
    if altered:
        err.print(f"{len(altered)} file(s) of {out}/ differ from its datapackage.json: the release was altered "
                  "after publication (run `oigdata refresh` to rebuild it)")
        raise typer.Exit(1)
    console.print(f"integrity: every file of {out}/ matches datapackage.json (size and sha256)")
    try:
        tables = validate_structure({t: read_release_table(out, t) for t in TABLES})
    except StructureError as exc:
        for f in exc.failures:
            err.print(f"[red]FAIL[/] {f['table']}.{f['column']}: {f['rule']} ({f['unexpected_count']} rows)")
        raise typer.Exit(1) from None
    outcomes = run_gate(tables)
    t = Table(title=f"Expectations on {out}/")
    for col in ("outcome", "table", "rule", "column", "unexpected / checked"):
        t.add_column(col)
    for o in outcomes:
        level = label(o.success, o.rule.blocking)
        t.add_row(level, o.rule.table, o.rule.name, o.rule.column or "", f"{o.unexpected_count}/{o.element_count}")
    console.print(t)
    if blocking_failures(outcomes):
        raise typer.Exit(1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
