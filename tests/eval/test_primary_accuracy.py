"""Accuracy of the primary-source extractors on hand-checked OIG report and listing fixtures,
per table and per field, clean and noisy variants apart. Prints the figures (make eval) and
holds the targets of the primary-source issue."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from tests.eval.primary import Tally, evaluate_primary
from tests.eval.test_accuracy import REPORTS

FIELDS = ("genre", "report_id", "issued_on", "title", "n_stated", "rec_text", "addressee", "response", "status",
          "resolution", "ecd", "listing_title", "listing_issued_on", "listing_n_stated", "listing_response")
TARGETS = {"report_id": 0.98, "issued_on": 0.98, "response": 0.95, "status": 0.95}
REC_F1_TARGET = 0.95


def _print(tallies: dict[str, Tally], title: str = "Primary sources: OIG reports and listings") -> None:
    console = Console(width=120, record=True, file=io.StringIO())
    console.rule(title)
    t = Table(title="Per field accuracy (correct / compared)")
    t.add_column("field")
    for variant in tallies:
        t.add_column(variant)
    for f in FIELDS:
        t.add_row(f, *(f"{v.accuracy(f):.2f} ({v.fields[f]}/{v.totals[f]})" if v.totals[f] else "-"
                       for v in tallies.values()))
    console.print(t)
    t = Table(title="Per table precision / recall / F1")
    for col in ("variant", "table", "precision", "recall", "F1", "extracted", "truth"):
        t.add_column(col)
    for variant, v in tallies.items():
        for name, s in sorted(v.tables.items()):
            t.add_row(variant, name, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.n_pred),
                      str(s.n_true))
    console.print(t)
    for variant, v in tallies.items():
        console.print(f"{variant}: provenance {v.provenance_rows - v.provenance_bad}/{v.provenance_rows} rows exact; "
                      f"stated-count mismatches: {v.count_mismatches or 'none'}")
    REPORTS.append(console.export_text())


def test_primary_extraction_meets_its_targets():
    tallies = evaluate_primary()
    clean = tallies["clean"]
    _print(tallies)
    assert clean.totals["report_id"] >= 8, "OIG report fixtures are missing"
    for v in tallies.values():
        assert v.provenance_bad == 0
    for name, target in TARGETS.items():
        assert clean.accuracy(name) >= target, f"clean {name}: {clean.accuracy(name):.2f} < {target}"
    assert clean.tables["recommendations"].f1 >= REC_F1_TARGET
    assert clean.count_mismatches == []

