"""The row emitter: every extracted row is made here, and only here.

Extractors read the cleaned view of a document (flows/core/clean.py) and hand this module a
span of that view and the row's values. The emitter fills provenance (`doc_id`, `start`,
`end`, `quote`), refuses a column or a vocabulary value the contract (the pandera models in
`schemas/`) does not know, and, once the document is done (`finish`), maps every span back to
the published text, re-quotes it and mints the row ids from raw fields. One place, so a new
table or column never needs a new row builder, and no extractor can publish an offset of the
cleaned view or an id hashed from normalised text.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from flows.core.clean import CleanText
from flows.core.text import Span
from flows.extract.claims import Shape
from flows.extract.model import Extraction
from schemas.columns import columns

# Fields an extractor may set besides the contract's columns: spans of the cleaned view,
# published as the raw text there by `finish`.
_SPAN_FIELDS = {"_hedge": "hedge", "_subject": "subject_text"}

# Ids of extracted rows, hashed from raw fields only (offsets into the published text and the
# values), after offsets are mapped back: cleaning rules can change without renaming rows
# whose source passage is unchanged.
ID_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "status_events": ("event_id", ("doc_id", "start", "end", "kind", "value", "rec_id", "report_id", "rec_number",
                                   "scope", "count", "total")),
    "program_facts": ("fact_id", ("doc_id", "start", "end", "attribute", "value_num", "value_text")),
    "training_requirements": ("req_id", ("doc_id", "start", "end", "kind", "course")),
}


def stable_id(*parts: object) -> str:
    """A 16-hex-digit id hashed from raw, stable fields (never from normalised text)."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def rec_id_for(doc_id: str, start: int, report_id: str | None = None, rec_number: int | None = None) -> str:
    """`OIG-18-77-R2` when report and number are known, else `<doc_id>-<start>`."""
    if report_id and rec_number:
        return f"{report_id}-R{rec_number}"
    return f"{doc_id}-{start}"


def _contract(table: str) -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], bool, bool]]]:
    """The table's column names and, for each vocabulary column, its values, nullability and
    whether it is a list (each item must be in the vocabulary)."""
    cols = columns(table)
    return (frozenset(c.name for c in cols),
            {c.name: (c.enum, c.nullable, c.type == "list") for c in cols if c.enum})


# read from the pandera models once, at import (the fork server preloads this module, so no
# extraction child pays for it)
_CONTRACT = {table: _contract(table) for table in (*Extraction.TABLES,)}


def row(table: str, doc_id: str | None, sp: Span | None, **values: object) -> dict:
    """One row of `table`: the values, checked against the contract, with provenance from sp.

    A column the contract lacks or a value outside its vocabulary is a bug in an extractor,
    not in a document: it raises at once instead of failing the release gate later."""
    names, vocab = _CONTRACT[table]
    unknown = set(values) - names - set(_SPAN_FIELDS) - {"_at"}
    if unknown:
        raise ValueError(f"{table}: no such column(s) {sorted(unknown)} in the contract")
    for col, (allowed, nullable, is_list) in vocab.items():
        if col not in values or (values[col] is None and nullable):
            continue
        if not set(values[col] if is_list else [values[col]]) <= set(allowed):
            raise ValueError(f"{table}.{col}: {values[col]!r} is not in the contract's vocabulary {allowed}")
    id_column = ID_FIELDS.get(table, (None,))[0]
    out: dict = {id_column: None} if id_column else {}
    out.update(values)
    out["doc_id"] = doc_id
    if sp is not None:
        out.update(sp.provenance())
    return out


def recommendation(doc_id: str, sp: Span, *, report_id: str | None = None, rec_number: int | None = None,
                   restated: bool = False, **values: object) -> dict:
    """A recommendation stated at sp. The report's own statement of it is `<report>-R<n>`; a
    restatement (a table row, a summary) is named by its place, even when it gives the number."""
    rec_id = rec_id_for(doc_id, sp.start) if restated else rec_id_for(doc_id, sp.start, report_id, rec_number)
    return row("recommendations", doc_id, sp, rec_id=rec_id, report_id=report_id, rec_number=rec_number, **values)


def event(doc_id: str, quote: Span, kind: str, value: str, asserted_by: str, *, document_date: dt.date | None,
          rec_id: str | None = None, report_id: str | None = None, rec_number: int | None = None,
          scope: Shape | None = None, hedge_span: Span | None = None, subject_span: Span | None = None,
          as_of: dt.date | None = None, at: int | None = None) -> dict:
    """One status_events row. `as_of` is the claim's stated date, else the document's; a claim
    attached to one recommendation has scope `one`; hedge and subject are spans of the view;
    `at` is where its wording is (two readings of one wording are one claim, whatever they quote)."""
    sh = Shape("one") if rec_id or rec_number else (scope or Shape("unspecified"))
    return row("status_events", doc_id, quote, rec_id=rec_id, report_id=report_id, rec_number=rec_number,
               kind=kind, value=value, asserted_by=asserted_by,
               as_of=as_of or document_date, as_of_source="stated" if as_of else "document",
               scope=sh.scope, count=sh.count, total=sh.total,
               _hedge=(hedge_span.start, hedge_span.end) if hedge_span else None,
               _subject=(subject_span.start, subject_span.end) if subject_span and sh.scope != "one" else None,
               _at=at)


def finish(out: Extraction, cleaned: CleanText, doc_id: str) -> Extraction:
    """Map every row's offsets to the published text, re-quote, publish hedge and subject
    spans as raw text, carry renamed recommendation ids along and mint the row ids; identical
    rows collapse into one."""
    renamed: dict[str, str] = {}
    for name in Extraction.TABLES:
        for r in getattr(out, name):
            if "start" not in r:
                continue
            start, end = cleaned.to_raw(r["start"], r["end"])
            if name == "recommendations" and r["rec_id"] == rec_id_for(doc_id, r["start"]):
                renamed[r["rec_id"]] = rec_id_for(doc_id, start)
                r["rec_id"] = renamed[r["rec_id"]]
            r["start"], r["end"], r["quote"] = start, end, cleaned.raw[start:end]
    for e in out.status_events:
        e["rec_id"] = renamed.get(e["rec_id"], e["rec_id"])
        e.pop("_at", None)
        for key, column in _SPAN_FIELDS.items():
            at = e.pop(key, None)
            e[column] = cleaned.raw[slice(*cleaned.to_raw(*at))] if at else None
    for table, (column, fields) in ID_FIELDS.items():
        rows: dict[str, dict] = {}
        for r in getattr(out, table):
            r[column] = stable_id(*(r.get(f) for f in fields))
            rows.setdefault(r[column], r)
        setattr(out, table, list(rows.values()))
    return out
