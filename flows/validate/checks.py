"""Derived check columns for rules that span tables (GX validates one DataFrame at a time).

Each frame gains boolean columns named `_<check>`; the gate then asserts they are true.
"""

from __future__ import annotations

import re

import pandas as pd

from flows.core.numbers import numbered
from flows.core.report_ids import find_report_ids
from schemas import PROVENANCE_TABLES, TABLES
from schemas.columns import table_meta


def _isnull(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)


_ONE_RE = re.compile(r"\b(?:one|only|single|sole)\s+recommendation\b", re.IGNORECASE)
_STOP = frozenset("recommend recommendation recommendations which their there these those about other should".split())


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z0-9()]+", text.lower()) if len(w) >= 5 and w[:9] not in _STOP
            and w not in _STOP}


def identifies(quote: str, rec: dict) -> bool:
    """Does a claim's quote show which recommendation it is about? Its number (a numbered
    mention, or a table row that starts with it), its report id with "the one recommendation",
    or its own words (the recommendation's passage inside the quote, or words of its text)."""
    n = rec.get("rec_number")
    if not _isnull(n):
        if any(int(n) in ns for _, _, ns in numbered(quote)) or re.match(rf"^\W*(?:Rec\w*\.?\s*)?#?\s*{int(n)}\b", quote):
            return True
    if not _isnull(rec.get("report_id")) and _ONE_RE.search(quote) and \
            rec["report_id"] in {rid for _, _, rid in find_report_ids(quote)}:
        return True
    if isinstance(rec.get("quote"), str) and rec["quote"] in quote:
        return True
    return bool(_stems(rec.get("text") or "") & _stems(quote))


def check_frames(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    texts = dict(zip(tables["document_texts"]["doc_id"], tables["document_texts"]["text"], strict=True))
    doc_ids = set(tables["documents"]["doc_id"])
    frames = {name: df.copy() for name, df in tables.items()}
    for name in PROVENANCE_TABLES:
        df = frames[name]
        df["_doc_exists"] = [d in doc_ids for d in df["doc_id"]]
        df["_quote_matches"] = [
            d in texts and not _isnull(s) and not _isnull(e) and texts[d][int(s):int(e)] == q
            for d, s, e, q in zip(df["doc_id"], df["start"], df["end"], df["quote"], strict=True)]
    recs = frames["recommendations"]
    ev = frames["status_events"]
    by_rec = {r["rec_id"]: r for r in recs[["rec_id", "rec_number", "report_id", "quote", "text"]].to_dict("records")}
    ev["_scope_fits_target"] = [_isnull(r) or s == "one" for r, s in zip(ev["rec_id"], ev["scope"], strict=True)]
    ev["_identifies_recommendation"] = [_isnull(r) or r not in by_rec or identifies(q, by_rec[r])
                                        for r, q in zip(ev["rec_id"], ev["quote"], strict=True)]
    ev["_words_in_quote"] = [all(_isnull(w) or (isinstance(q, str) and w in q) for w in (h, t))
                             for h, t, q in zip(ev["hedge"], ev["subject_text"], ev["quote"], strict=True)]
    facts = frames["program_facts"]
    facts["_has_value"] = [not (_isnull(n) and _isnull(t))
                           for n, t in zip(facts["value_num"], facts["value_text"], strict=True)]
    for name, df in frames.items():
        if name not in TABLES:
            continue
        for column, target in table_meta(name).get("foreign_keys", {}).items():
            ref_table, ref_col = target.split(".")
            valid = set(tables[ref_table][ref_col])
            df[f"_fk_{column}"] = [_isnull(v) or v in valid for v in df[column]]
    counts = recs.groupby("report_id").size() if len(recs) else pd.Series(dtype=int)
    reports = tables["reports"]
    stated = reports[reports["n_recommendations_stated"].notna()]
    frames["report_counts"] = pd.DataFrame({
        "report_id": stated["report_id"].tolist(),
        "n_stated": stated["n_recommendations_stated"].tolist(),
        "n_extracted": [int(counts.get(r, 0)) for r in stated["report_id"]],
    })
    rc = frames["report_counts"]
    rc["_count_matches"] = [int(a) == int(b) for a, b in zip(rc["n_stated"], rc["n_extracted"], strict=True)]
    return frames
