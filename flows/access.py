"""Read-only access to a published release for people and scripts: SQL, extracts, one
recommendation with its history. No Prefect, no Great Expectations: these start fast."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO

import duckdb

FORMATS = ("table", "csv", "json")
EXPORT_FORMATS = ("csv", "parquet", "json")


class AccessError(Exception):
    """A query or request that cannot be answered; the message is one line for people."""


def connect(db: Path) -> duckdb.DuckDBPyConnection:
    if not db.exists():
        raise AccessError(f"no database at {db}: run `make run` (oigdata refresh) first")
    return duckdb.connect(str(db), read_only=True)


def run_sql(db: Path, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
    con = connect(db)
    try:
        cur = con.execute(sql, params or [])
        names = [d[0] for d in cur.description] if cur.description else []
        return names, cur.fetchall()
    except duckdb.Error as exc:
        raise AccessError(f"SQL error: {str(exc).splitlines()[0]}") from None
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


def export(db: Path, table: str, fmt: str, where: str | None, output: Path) -> int:
    """Write a filtered extract of a table or view; returns the number of rows."""
    if table not in relations(db):
        raise AccessError(f"unknown table {table!r}: one of {', '.join(relations(db))}")
    if fmt not in EXPORT_FORMATS:
        raise AccessError(f"unknown format {fmt!r}: expected one of {', '.join(EXPORT_FORMATS)}")
    sql = f'SELECT * FROM "{table}"' + (f" WHERE {where}" if where else "")
    if fmt == "parquet":
        con = connect(db)
        try:
            n = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
            con.execute(f"COPY ({sql}) TO '{str(output).replace(chr(39), chr(39) * 2)}' (FORMAT parquet)")
        except duckdb.Error as exc:
            raise AccessError(f"SQL error: {str(exc).splitlines()[0]}") from None
        finally:
            con.close()
        return n
    names, rows = run_sql(db, sql)
    with output.open("w", encoding="utf-8", newline="") as fh:
        write_rows(names, rows, fmt, fh)
    return len(rows)


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
