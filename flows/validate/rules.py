"""The release rules: those declared in rules.yaml plus those generated from the schemas
(enumerations, primary keys, foreign keys), each with whether it blocks and why."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from schemas import PROVENANCE_TABLES, TABLES
from schemas.columns import columns, table_meta

KINDS = {"not_null", "regex", "between", "is_true", "min_rows", "not_in_set", "in_set", "unique", "compound_unique"}


@dataclass(frozen=True)
class Rule:
    name: str
    table: str
    kind: str
    blocking: bool
    reason: str
    column: str | None = None
    params: dict = field(default_factory=dict, hash=False, compare=False)


def _tables_for(selector: str) -> list[str]:
    if selector == "*provenance":
        return list(PROVENANCE_TABLES)
    if selector == "*report_id":
        return [t for t in TABLES if any(c.name == "report_id" for c in columns(t))]
    return [selector]


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    out: list[Rule] = []
    declared = yaml.safe_load(Path(__file__).with_name("rules.yaml").read_text(encoding="utf-8"))
    for r in declared:
        if r["kind"] not in KINDS:
            raise ValueError(f"rules.yaml: {r['name']}: unknown kind {r['kind']!r}")
        params = {k: v for k, v in r.items() if k not in ("name", "table", "kind", "column", "blocking", "reason")}
        for table in _tables_for(r["table"]):
            out.append(Rule(r["name"], table, r["kind"], bool(r["blocking"]), r["reason"], r.get("column"), params))
    for table in TABLES:
        meta = table_meta(table)
        pk = meta["primary_key"]
        if len(pk) == 1:
            out.append(Rule("primary_key_unique", table, "unique", True, "Primary keys identify rows.", pk[0]))
        else:
            out.append(Rule("primary_key_unique", table, "compound_unique", True, "Primary keys identify rows.",
                            None, {"columns": pk}))
        for col in columns(table):
            if col.enum and col.type != "list":
                out.append(Rule("vocabulary", table, "in_set", True, "Enumerations hold their vocabularies.",
                                col.name, {"values": list(col.enum)}))
        for column in meta.get("foreign_keys", {}):
            out.append(Rule("foreign_key_resolves", table, "is_true", True,
                            f"{table}.{column} must exist in {meta['foreign_keys'][column]}.", f"_fk_{column}"))
    return tuple(out)


def label(success: bool, blocking: bool) -> str:
    """The one wording of an outcome: pass, FAIL (blocks publication) or warn (reported)."""
    return "pass" if success else ("FAIL" if blocking else "warn")
