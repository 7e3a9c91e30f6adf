"""Assemble the tables from ingested documents and extraction results.

Pure: no I/O, no Prefect. Rows are sorted by primary key so every build of the same
inputs gives the same files.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from flows.build.link import link_primary
from flows.build.status import EventIndex, derive
from flows.extract.model import Extraction
from schemas import TABLES
from schemas.columns import columns, typed_frame


def release_date(documents: list[dict], reports: list[dict]) -> dt.date:
    """The latest date the inputs give for themselves; never the wall clock."""
    dates = [d for doc in documents for d in (doc["published_on"], doc["retrieved_on"]) if d]
    dates += [r["issued_on"] for r in reports if r["issued_on"]]
    if not dates:
        raise ValueError("no input states a date: pass --release-date")
    return max(dates)


def sort_by_key(name: str, df: pd.DataFrame) -> pd.DataFrame:
    key = TABLES[name].get_metadata()[TABLES[name].__name__]["dataframe"]["primary_key"]
    return df.sort_values(key, kind="stable").reset_index(drop=True) if len(df) else df


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    names = [c.name for c in columns(name)]
    df = typed_frame(name, {n: [r.get(n) for r in rows] for n in names})
    return sort_by_key(name, df)


def _reports(catalogue: list[dict], ex: Extraction, documents: list[dict]) -> list[dict]:
    """Catalogue rows, completed and confirmed by report texts and listings, plus ids that
    recommendations or events refer to (source `reference`)."""
    rows = {r["report_id"]: dict(r) for r in catalogue}
    for stated in sorted(ex.reports, key=lambda r: (r["doc_id"] is None, r["report_id"])):
        row = rows.setdefault(stated["report_id"], {
            "report_id": stated["report_id"], "inspector": "DHS OIG", "title": None, "issued_on": None,
            "n_recommendations_stated": None, "doc_id": None, "url": None})
        for key in ("title", "issued_on", "n_recommendations_stated", "url"):
            if row.get(key) is None and stated.get(key) is not None:
                row[key] = stated[key]
        if stated.get("doc_id") and row.get("doc_id") is None:
            row["doc_id"] = stated["doc_id"]
        row["source"] = "document"
    for ref in [r["report_id"] for r in ex.recommendations] + [e["report_id"] for e in ex.status_events]:
        if ref and ref not in rows:
            rows[ref] = {"report_id": ref, "inspector": "DHS OIG", "title": None, "issued_on": None,
                         "n_recommendations_stated": None, "doc_id": None, "url": None, "source": "reference"}
    return list(rows.values())


def _with_pages(rows: list[dict], texts: dict[str, str], paged: set[str]) -> list[dict]:
    """Set `page` from the form feeds before the quote (PDF sources only)."""
    return [{**r, "page": texts[r["doc_id"]].count("\f", 0, r["start"]) + 1 if r["doc_id"] in paged else None}
            for r in rows]


def _resolve_numbers(events: list[dict], recs: list[dict]) -> list[dict]:
    """An event naming report and number points at that recommendation once it is ingested."""
    by_number: dict[tuple, str] = {}
    for r in recs:  # the report's own statement of a number wins over a restatement that gives it
        key = (r["report_id"], r["rec_number"])
        if r["rec_number"] and (key not in by_number or r["rec_id"] == f"{r['report_id']}-R{r['rec_number']}"):
            by_number[key] = r["rec_id"]
    out = []
    for e in events:
        key = (e["report_id"], e.get("rec_number"))
        if e["rec_id"] is None and key in by_number:
            e = {**e, "rec_id": by_number[key]}
        out.append(e)
    return out


def build_tables(documents: list[dict], texts: dict[str, str], catalogue: list[dict], ex: Extraction,
                 on: dt.date, previous_first_seen: dict[str, dt.date] | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the release as a DataFrame, columns in schema order, rows sorted."""
    previous_first_seen = previous_first_seen or {}
    paged = {d["doc_id"] for d in documents if d["media_type"] == "application/pdf"}
    reports = _reports(catalogue, ex, documents)
    confirmed = {r["report_id"] for r in reports if r["source"] != "reference"}
    events = _resolve_numbers(ex.status_events, ex.recommendations)
    recs = []
    linked = link_primary(ex.recommendations)
    index = EventIndex(events, {r["rec_id"]: r["primary_rec_id"] for r in linked if r.get("primary_rec_id")})
    for rec in linked:
        row = {**rec, **derive(rec, index)}
        row["first_seen"] = previous_first_seen.get(rec["rec_id"], on)
        row["last_seen"] = on
        recs.append(row)
    mentions = [{**m, "known": m["report_id"] in confirmed} for m in ex.report_mentions]
    recs, events, mentions = (_with_pages(rows, texts, paged) for rows in (recs, events, mentions))
    facts, reqs = (_with_pages(rows, texts, paged) for rows in (ex.program_facts, ex.training_requirements))
    return {
        "documents": _frame("documents", documents),
        "document_texts": _frame("document_texts", [{"doc_id": k, "text": v} for k, v in texts.items()]),
        "reports": _frame("reports", reports),
        "recommendations": _frame("recommendations", recs),
        "status_events": _frame("status_events", events),
        "program_facts": _frame("program_facts", facts),
        "training_requirements": _frame("training_requirements", reqs),
        "report_mentions": _frame("report_mentions", mentions),
    }


class StructureError(Exception):
    """Tables that break their schema; `failures` lists every problem (pandera, lazy)."""

    def __init__(self, failures: list[dict]):
        super().__init__(f"{len(failures)} schema problem(s)")
        self.failures = failures


def validate_structure(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """pandera check of every table, collecting all problems before raising StructureError."""
    from pandera.errors import SchemaErrors

    out, failures = {}, []
    for name, df in tables.items():
        try:
            out[name] = TABLES[name].validate(df, lazy=True)
        except SchemaErrors as exc:
            cases = exc.failure_cases
            for (column, check), group in cases.groupby(["column", "check"], dropna=False, sort=True):
                failures.append({"table": name, "rule": f"schema: {check}", "column": None if pd.isna(column)
                                 else str(column), "blocking": True, "unexpected_count": len(group),
                                 "element_count": len(df), "unexpected_examples": [str(v) for v in
                                                                                   group["failure_case"][:5]]})
    if failures:
        raise StructureError(failures)
    return out
