"""The release rules, one home each.

Column rules (types, nullability, vocabularies, ranges, formats, primary-key uniqueness) live in
the pandera models and are checked there, before the gate; `schema_rules` lists them so that
the validation page shows them too. Great Expectations holds only what pandera cannot state:
cross-table rules (foreign keys, generated from the models; quotes against document texts;
claims against the recommendations they name) and release-level rules (rules.yaml)."""

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
        for column in meta.get("foreign_keys", {}):
            out.append(Rule("foreign_key_resolves", table, "is_true", True,
                            f"{table}.{column} must exist in {meta['foreign_keys'][column]}.", f"_fk_{column}"))
    return tuple(out)


def label(success: bool, blocking: bool) -> str:
    """The one wording of an outcome: pass, FAIL (blocks publication) or warn (reported)."""
    return "pass" if success else ("FAIL" if blocking else "warn")


_SCHEMA_REASONS = {
    "dtype": "Values have the column's declared type.",
    "not_null": "The column is never null.",
    "unique": "Primary keys identify rows.",
    "isin": "Enumerations hold their vocabularies.",
    "items_in": "List items hold their vocabulary.",
    "list_not_empty": "Lists hold at least one item.",
    "is_list_of_str": "Lists hold strings.",
    "str_matches": "Values have the declared format.",
    "str_length": "Values are not empty.",
    "greater_than": "Values are above the declared minimum.",
    "greater_than_or_equal_to": "Values are at least the declared minimum.",
    "less_than_or_equal_to": "Values are at most the declared maximum.",
}


@functools.cache
def schema_rules() -> tuple[Rule, ...]:
    """The column rules the pandera models check (blocking, checked before the gate), as Rules
    for the validation page: every table, column and check."""
    out: list[Rule] = []
    for table, model in TABLES.items():
        schema = model.to_schema()
        for name, col in schema.columns.items():
            checks = [("dtype", {"type": str(col.dtype)})]
            checks += [] if col.nullable else [("not_null", {})]
            checks += [("unique", {})] if col.unique else []
            checks += [(c.name, dict(c.statistics or {})) for c in col.checks]
            for check, stats in checks:
                out.append(Rule(f"schema: {check}", table, "schema", True,
                                _SCHEMA_REASONS.get(check, "A column rule of the pandera model."), name, stats))
        if schema.unique:
            out.append(Rule("schema: unique", table, "schema", True, _SCHEMA_REASONS["unique"], None,
                            {"columns": list(schema.unique)}))
    return tuple(out)
