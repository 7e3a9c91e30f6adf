"""Read-only access to a published release for people and scripts: SQL, extracts, one
recommendation with its history. No Prefect, no Great Expectations: these start fast."""

from __future__ import annotations

import csv
import json
import threading
import time
from pathlib import Path
from typing import IO

import duckdb

from flows.limits import QUERY_MAX_MEMORY, QUERY_TIMEOUT

FORMATS = ("table", "csv", "json")
EXPORT_FORMATS = ("csv", "parquet", "json")


class AccessError(Exception):
    """A query or request that cannot be answered; the message is one line for people."""


DEFAULT_TIMEOUT, DEFAULT_MAX_MEMORY = QUERY_TIMEOUT, QUERY_MAX_MEMORY


def connect(db: Path, max_memory: str = DEFAULT_MAX_MEMORY) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot touch anything but the database: no file or network
    access (read_text, COPY TO, ATTACH, INSTALL are refused), no extension loading, a memory
    limit, and a configuration that the SQL itself cannot change."""
    if not db.exists():
        raise AccessError(f"no database at {db}: run `make run` (oigdata refresh) first")
    if not db.is_file():
        raise AccessError(f"{db} is not a database file (a folder?): pass the release's oig.duckdb")
    config = {"enable_external_access": False, "autoload_known_extensions": False,
              "autoinstall_known_extensions": False, "memory_limit": max_memory, "lock_configuration": True}
    try:
        return duckdb.connect(str(db), read_only=True, config=config)
    except duckdb.Error as exc:
        raise AccessError(f"cannot open {db}: {str(exc).splitlines()[0]}") from None


def one_statement(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Refuse anything but exactly one statement (parsed, not split on ';')."""
    if not sql or not sql.strip():
        raise AccessError("no SQL given: pass a query, --file FILE, or - to read standard input")
    try:
        n = len(con.extract_statements(sql))
    except duckdb.Error as exc:
        raise AccessError(f"SQL error: {str(exc).splitlines()[0]}") from None
    if n != 1:
        raise AccessError(f"one SQL statement at a time, got {n}")


def _execute(con: duckdb.DuckDBPyConnection, sql: str, params: list | None, timeout: float):
    """Run on a worker thread so that a time limit and Ctrl-C can interrupt DuckDB."""
    if not timeout > 0:
        raise AccessError(f"--timeout must be a positive number of seconds, got {timeout:g}")
    box: dict = {}

    def work() -> None:
        try:
            cur = con.execute(sql, params or [])
            box["names"] = [d[0] for d in cur.description] if cur.description else []
            box["result"] = cur.to_arrow_table() if cur.description else None
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    deadline = time.monotonic() + timeout
    try:
        while worker.is_alive():
            worker.join(0.05)
            if worker.is_alive() and time.monotonic() > deadline:
                con.interrupt()
                worker.join()
                raise AccessError(f"query stopped after {timeout:g} s (raise the limit with --timeout)")
    except KeyboardInterrupt:
        con.interrupt()
        worker.join()
        raise AccessError("query interrupted") from None
    if "error" in box:
        exc = box["error"]
        if isinstance(exc, duckdb.OutOfMemoryException):
            raise AccessError("query needs more memory than allowed (raise it with --max-memory)") from None
        if isinstance(exc, duckdb.Error):
            raise AccessError(f"SQL error: {str(exc).splitlines()[0]}") from None
        raise exc
    return box["names"], box["result"]


def run_sql(db: Path, sql: str, params: list | None = None, timeout: float = DEFAULT_TIMEOUT,
            max_memory: str = DEFAULT_MAX_MEMORY) -> tuple[list[str], list[tuple]]:
    """Column names and rows of one read-only statement."""
    names, table = query_arrow(db, sql, params, timeout, max_memory)
    return names, ([] if table is None else list(zip(*(c.to_pylist() for c in table.columns), strict=True)))


def query_arrow(db: Path, sql: str, params: list | None = None, timeout: float = DEFAULT_TIMEOUT,
                max_memory: str = DEFAULT_MAX_MEMORY):
    """Column names and an Arrow table of one read-only statement."""
    con = connect(db, max_memory)
    try:
        one_statement(con, sql)
        return _execute(con, sql, params, timeout)
    finally:
        con.close()


def relations(db: Path) -> list[str]:
    """Tables and views a user may export."""
    _, rows = run_sql(db, "SELECT table_name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views() "
                          "WHERE NOT internal ORDER BY 1")
    return [r[0] for r in rows]


def _cell(v):
    return json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (list, dict)) else v


def write_rows(names: list[str], rows: list[tuple], fmt: str, stream: IO[str]) -> None:
    """CSV (RFC 4180, lists as JSON) or a JSON array of objects."""
    if fmt == "json":
        stream.write(json.dumps([dict(zip(names, r, strict=True)) for r in rows], default=str, ensure_ascii=False,
                                indent=2) + "\n")
    elif fmt == "csv":
        w = csv.writer(stream, lineterminator="\r\n")
        w.writerow(names)
        w.writerows([_cell(v) for v in r] for r in rows)
    else:
        raise AccessError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")


def export(db: Path, table: str, fmt: str, where: str | None, output: Path, timeout: float = DEFAULT_TIMEOUT,
           max_memory: str = DEFAULT_MAX_MEMORY) -> int:
    """Write a filtered extract of a table or view; returns the number of rows. `where` is a
    filter expression: it is parsed as part of one SELECT, never run as a statement of its own."""
    if table not in relations(db):
        raise AccessError(f"unknown table {table!r}: one of {', '.join(relations(db))}")
    if fmt not in EXPORT_FORMATS:
        raise AccessError(f"unknown format {fmt!r}: expected one of {', '.join(EXPORT_FORMATS)}")
    if where is not None and not where.strip():
        raise AccessError("--where is empty: give a condition such as \"status = 'open'\"")
    sql = f'SELECT * FROM "{table}"' + (f" WHERE ({where}\n)" if where else "")
    names, data = query_arrow(db, sql, None, timeout, max_memory)
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(data, output)
        else:
            rows = list(zip(*(c.to_pylist() for c in data.columns), strict=True))
            with output.open("w", encoding="utf-8", newline="") as fh:
                write_rows(names, rows, fmt, fh)
    except OSError as exc:
        raise AccessError(f"cannot write {output}: {exc.strerror or exc}") from None
    return data.num_rows


def show(db: Path, rec_id: str) -> dict:
    """One recommendation, its source passage, who asserted its status, and every status or
    response assertion about it."""
    names, rows = run_sql(db, "SELECT r.*, d.title AS source_title, d.url AS source_url, d.publisher, "
                              "e.asserted_by AS status_asserted_by, e.scope AS status_scope, e.quote AS status_quote, "
                              "sd.title AS status_source_title FROM recommendations r JOIN documents d USING (doc_id) "
                              "LEFT JOIN status_events e ON e.event_id = r.status_event_id "
                              "LEFT JOIN documents sd ON sd.doc_id = e.doc_id WHERE r.rec_id = ?", [rec_id])
    if not rows:
        raise AccessError(f"no recommendation or report {rec_id!r} (ids look like OIG-18-77, OIG-18-77-R1 or "
                          "<doc_id>-<offset>)")
    rec = dict(zip(names, rows[0], strict=True))
    hn, hrows = run_sql(db, "SELECT h.kind, h.value, h.asserted_by, h.scope, h.as_of, h.applies_via_report, d.title AS "
                            "source_title, h.quote FROM recommendation_status_history h JOIN documents d "
                            "USING (doc_id) WHERE h.rec_id = ? ORDER BY h.as_of NULLS FIRST, h.event_id", [rec_id])
    rec["history"] = [dict(zip(hn, r, strict=True)) for r in hrows]
    return rec


def show_report(db: Path, report_id: str) -> dict | None:
    """One report: catalogue facts, its recommendations with their status and who says so,
    every claim about it (by OIG, the agency, third parties) and every document that names it."""
    names, rows = run_sql(db, "SELECT * FROM reports WHERE report_id = ?", [report_id])
    if not rows:
        return None
    rep = dict(zip(names, rows[0], strict=True))

    def rows_of(sql: str) -> list[dict]:
        n, r = run_sql(db, sql, [report_id])
        return [dict(zip(n, x, strict=True)) for x in r]

    rep["recommendations"] = rows_of(
        "SELECT r.rec_id, r.rec_number, r.evidence, r.status, r.status_as_of, r.response, e.asserted_by AS "
        "status_asserted_by, left(r.text, 120) AS text FROM recommendations r LEFT JOIN status_events e "
        "ON e.event_id = r.status_event_id WHERE r.report_id = ? AND r.primary_rec_id IS NULL "
        "ORDER BY r.rec_number NULLS LAST, r.rec_id")
    rep["claims"] = rows_of(
        "SELECT e.kind, e.value, e.asserted_by, e.scope, e.count, e.total, coalesce(e.rec_number, r.rec_number) AS "
        "rec_number, e.as_of, e.as_of_source, e.hedge, d.title AS source_title, e.quote FROM status_events e "
        "LEFT JOIN recommendations r ON r.rec_id = e.rec_id JOIN documents d ON d.doc_id = e.doc_id "
        "WHERE coalesce(e.report_id, r.report_id) = ? ORDER BY e.as_of NULLS FIRST, e.asserted_by, e.event_id")
    rep["mentions"] = rows_of(
        "SELECT m.match, m.score, d.title AS source_title, d.genre, m.quote, m.suggestion_reason FROM report_mentions m "
        "JOIN documents d USING (doc_id) WHERE m.report_id = $1 OR m.suggested_report_id = $1 ORDER BY d.title, m.start")
    return rep
