"""The release gate: Great Expectations validates the check frames against every rule.

Imported only when validating (GX takes seconds to import). The outcome is a list of plain
result records, written as deterministic JSON and Markdown (no run ids or timestamps).
"""

from __future__ import annotations

import html
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from flows.validate.checks import check_frames
from flows.validate.rules import Rule, all_rules, label, schema_rules


@dataclass(frozen=True)
class Outcome:
    rule: Rule
    success: bool
    element_count: int
    unexpected_count: int
    examples: list

    def record(self) -> dict:
        return {"rule": self.rule.name, "table": self.rule.table, "column": self.rule.column,
                "kind": self.rule.kind, "blocking": self.rule.blocking, "success": self.success,
                "element_count": self.element_count, "unexpected_count": self.unexpected_count,
                "unexpected_examples": self.examples, "reason": self.rule.reason}


def _expectation(gx, rule: Rule, meta: dict):
    E = gx.expectations
    p = rule.params
    match rule.kind:
        case "not_null":
            return E.ExpectColumnValuesToNotBeNull(column=rule.column, meta=meta)
        case "is_true":
            return E.ExpectColumnValuesToBeInSet(column=rule.column, value_set=[True], meta=meta)
        case "in_set":
            return E.ExpectColumnValuesToBeInSet(column=rule.column, value_set=p["values"], meta=meta)
        case "not_in_set":
            return E.ExpectColumnValuesToNotBeInSet(column=rule.column, value_set=p["values"],
                                                    mostly=p.get("mostly", 1.0), meta=meta)
        case "regex":
            return E.ExpectColumnValuesToMatchRegex(column=rule.column, regex=p["regex"], meta=meta)
        case "between":
            return E.ExpectColumnValuesToBeBetween(column=rule.column, min_value=p.get("min"),
                                                   max_value=p.get("max"), strict_min=p.get("strict_min", False),
                                                   meta=meta)
        case "unique":
            return E.ExpectColumnValuesToBeUnique(column=rule.column, meta=meta)
        case "compound_unique":
            return E.ExpectCompoundColumnsToBeUnique(column_list=p["columns"], meta=meta)
        case "min_rows":
            return E.ExpectTableRowCountToBeBetween(min_value=p["min"], meta=meta)
    raise ValueError(rule.kind)


def _plain(v: object) -> object:
    if isinstance(v, float) and v != v:
        return None
    return v if isinstance(v, (str, int, float, bool)) or v is None else str(v)


def run_gate(tables: dict[str, pd.DataFrame]) -> list[Outcome]:
    """Validate every rule; one GX suite per table, run on that table's check frame."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.ERROR)  # its INFO notes are not results

    frames = check_frames(tables)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = context.data_sources.add_pandas("oigdata")
    rules = all_rules()
    # the column rules were checked by pandera before the gate (a failure stops the build there):
    # listed as passed so that the validation page shows both kinds
    outcomes: list[Outcome] = [Outcome(rule, True, len(tables[rule.table]), 0, []) for rule in schema_rules()]
    for table in sorted({r.table for r in rules}):
        table_rules = [r for r in rules if r.table == table]
        suite = gx.ExpectationSuite(name=f"oigdata_{table}")
        for i, rule in enumerate(table_rules):
            suite.add_expectation(_expectation(gx, rule, {"rule_index": i}))
        suite = context.suites.add(suite)
        batch_def = source.add_dataframe_asset(name=table).add_batch_definition_whole_dataframe("all")
        vd = context.validation_definitions.add(gx.ValidationDefinition(name=f"v_{table}", data=batch_def, suite=suite))
        result = vd.run(batch_parameters={"dataframe": frames[table]})
        for res in result.results:
            rule = table_rules[res.expectation_config.meta["rule_index"]]
            r = res.result or {}
            examples = [_plain(v) for v in (r.get("partial_unexpected_list") or [])[:5]]
            outcomes.append(Outcome(rule, bool(res.success), int(r.get("element_count") or r.get("observed_value") or 0),
                                    int(r.get("unexpected_count") or 0), examples))
    return sorted(outcomes, key=lambda o: (not o.rule.blocking, o.rule.table, o.rule.name, o.rule.column or ""))


def blocking_failures(outcomes: list[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if o.rule.blocking and not o.success]


def write_results(outcomes: list[Outcome], folder: Path) -> None:
    """results.json (machine) and results.md (people), deterministic."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [o.record() for o in outcomes]
    summary = {
        "passed": sum(o.success for o in outcomes),
        "failed_blocking": sum(o.rule.blocking and not o.success for o in outcomes),
        "warned": sum(not o.rule.blocking and not o.success for o in outcomes),
    }
    (folder / "results.json").write_text(
        json.dumps({"summary": summary, "results": records}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = ["# Validation results", "",
             f"Passed {summary['passed']}, failed (blocking) {summary['failed_blocking']}, "
             f"warned {summary['warned']}.", "",
             "| outcome | blocking | table | rule | column | unexpected / checked | why |",
             "|---|---|---|---|---|---|---|"]
    for r in records:
        outcome = label(r["success"], r["blocking"])
        lines.append(f"| {outcome} | {'yes' if r['blocking'] else 'no'} | {r['table']} | {r['rule']} | "
                     f"{r['column'] or ''} | {r['unexpected_count']} / {r['element_count']} | {r['reason']} |")
    (folder / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "index.html").write_text(render_html(summary, records), encoding="utf-8")


_STYLE = """body{font:15px/1.45 system-ui,sans-serif;margin:2rem;max-width:90rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;
vertical-align:top}th{background:#f3f3f3}.pass{color:#176b2c}.FAIL{color:#b00020;font-weight:bold}
.warn{color:#8a5300;font-weight:bold}code{font-size:90%}"""


def render_html(summary: dict, records: list[dict]) -> str:
    """A self-contained page (no scripts, no CDN) showing every expectation and its outcome."""
    esc = html.escape
    rows = []
    order = {"FAIL": 0, "warn": 1, "pass": 2}  # what needs attention first
    records = sorted(records, key=lambda r: order[label(r["success"], r["blocking"])])
    for r in records:
        outcome = label(r["success"], r["blocking"])
        examples = ", ".join(esc(str(v)) for v in r["unexpected_examples"])
        rows.append(f"<tr><td class='{outcome}'>{outcome}</td><td>{'blocking' if r['blocking'] else 'reported'}"
                    f"</td><td><code>{esc(r['table'])}</code></td><td><code>{esc(r['rule'])}</code></td>"
                    f"<td><code>{esc(r['column'] or '')}</code></td><td>{r['unexpected_count']} / "
                    f"{r['element_count']}</td><td>{esc(r['reason'])}</td><td>{examples}</td></tr>")
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>oigdata validation results"
            f"</title><style>{_STYLE}</style></head><body><h1>Validation results</h1>"
            f"<p id='summary'>Passed {summary['passed']}, failed (blocking) {summary['failed_blocking']}, "
            f"warned {summary['warned']}. Blocking expectations decide whether a release is published; "
            "reported ones are kept here.</p><table><thead><tr><th>outcome</th><th>level</th><th>table</th>"
            "<th>expectation</th><th>column</th><th>unexpected / checked</th><th>why</th><th>examples</th></tr>"
            "</thead><tbody>" + "".join(rows) + "</tbody></table></body></html>\n")
