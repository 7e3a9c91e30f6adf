"""Release history: what changed since the previous release, and the release version.

Rows are compared by primary key; `first_seen`/`last_seen` are left out of the comparison
(they move by design). The changes of earlier releases are carried forward, so the
`changes` table is the whole history, and CHANGELOG.md is rendered from it.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from schemas import TABLES
from schemas.columns import columns, table_meta

IGNORED = {"first_seen", "last_seen"}
HISTORY_TABLES = [t for t in TABLES if t != "changes"]


def _plain(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    if v is pd.NA or v is pd.NaT:
        return None
    if hasattr(v, "item") and not isinstance(v, (list, str)):
        return v.item()
    return v


def _rows(table: str, df: pd.DataFrame) -> dict[str, dict]:
    key_cols = table_meta(table)["primary_key"]
    names = [c.name for c in columns(table) if c.name not in IGNORED]
    out = {}
    for rec in df.to_dict("records"):
        key = "|".join(str(_plain(rec[k])) for k in key_cols)
        out[key] = {n: _plain(rec.get(n)) for n in names}
    return out


def version_for(on: dt.date, previous_version: str | None) -> str:
    """YYYY-MM-DD.N: N counts the releases published with the same date."""
    if previous_version and previous_version.startswith(on.isoformat() + "."):
        return f"{on.isoformat()}.{int(previous_version.rsplit('.', 1)[1]) + 1}"
    return f"{on.isoformat()}.1"


def diff(previous: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame], version: str) -> list[dict]:
    """Change rows for every table, sorted by table and key."""
    out = []
    for table in HISTORY_TABLES:
        old_rows = _rows(table, previous[table]) if table in previous else {}
        new_rows = _rows(table, new[table])
        for key in sorted(set(old_rows) | set(new_rows)):
            a, b = old_rows.get(key), new_rows.get(key)
            if a == b:
                continue
            change = "added" if a is None else "removed" if b is None else "modified"
            changed = sorted(c for c in (b or a) if a is not None and b is not None and a.get(c) != b.get(c))
            out.append({"version": version, "table_name": table, "key": key, "change": change,
                        "changed_columns": changed,
                        "old_status": a.get("status") if a and table == "recommendations" else None,
                        "new_status": b.get("status") if b and table == "recommendations" else None})
    return out


def changelog(changes: pd.DataFrame) -> str:
    """CHANGELOG.md: one section per release, newest first, from the changes table."""
    lines = ["# Changelog", "", "Generated from the `changes` table: rows added, removed and modified per release.", ""]
    for version in sorted(set(changes["version"]), reverse=True):
        rows = changes[changes["version"] == version]
        lines += [f"## {version}", "", "| table | added | removed | modified |", "|---|---|---|---|"]
        for table in HISTORY_TABLES:
            t = rows[rows["table_name"] == table]
            if len(t):
                counts = {k: int((t["change"] == k).sum()) for k in ("added", "removed", "modified")}
                lines.append(f"| {table} | {counts['added']} | {counts['removed']} | {counts['modified']} |")
        moved = rows[(rows["table_name"] == "recommendations") & (rows["change"] == "modified")
                     & rows["old_status"].notna() & (rows["old_status"] != rows["new_status"])]
        if len(moved):
            lines += ["", "Status changes:", ""]
            lines += [f"- `{r.key}`: {r.old_status} → {r.new_status}" for r in moved.itertuples()]
        lines.append("")
    return "\n".join(lines) + "\n"

