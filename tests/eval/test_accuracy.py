"""Precision and recall of every extracted table on the hand-checked fixtures.

Prints the figures (run `make eval` to see them) and fails when a table falls below the
floor recorded here, so a change that makes extraction worse cannot land silently.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from tests.eval.scoring import TABLES, Score, evaluate_all

# Floors per (genre, table): measured figures minus a small margin; raise them as rules improve.
FLOORS = {
    "recommendations": (0.85, 0.80),
    "program_facts": (0.92, 0.82),
    "training_requirements": (0.65, 0.65),
    "report_mentions": (0.92, 0.88),
}


REPORTS: list[str] = []  # printed at the end of every pytest run by tests/conftest.py


def report(title: str, results) -> dict[tuple[str, str], Score]:
    """Print per-fixture and per-genre figures (kept for the run's summary); return the totals."""
    console = Console(width=120, record=True, file=io.StringIO())
    console.rule(title)
    totals: dict[tuple[str, str], Score] = {}
    per_doc = Table(title="Per fixture: matched / extracted / truth")
    per_doc.add_column("fixture")
    for t in TABLES:
        per_doc.add_column(t[:14])
    per_doc.add_column("genre/title/date")
    for r in results:
        per_doc.add_row(r.name[:32], *(f"{r.scores[t].tp}/{r.scores[t].n_pred}/{r.scores[t].n_true}" for t in TABLES),
                        "".join("✓" if ok else "✗" for ok in r.metadata_ok.values()))
        for t in TABLES:
            totals.setdefault((r.genre, t), Score()).add(r.scores[t])
            totals.setdefault(("ALL", t), Score()).add(r.scores[t])
    console.print(per_doc)
    summary = Table(title="Precision / recall / F1 per genre and table")
    for col in ("genre", "table", "precision", "recall", "F1", "extracted", "truth"):
        summary.add_column(col)
    for (genre, t), s in sorted(totals.items()):
        summary.add_row(genre, t, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.n_pred), str(s.n_true))
    console.print(summary)
    meta_total = sum(sum(r.metadata_ok.values()) for r in results)
    console.print(f"document metadata (genre, title, date) correct: {meta_total}/{3 * len(results)}")
    REPORTS.append(console.export_text())
    return totals


def test_extraction_accuracy_on_fixtures():
    results = evaluate_all()
    assert len({r.genre for r in results}) >= 2 and len(results) >= 8, "fixtures are missing"
    totals = report("Development fixtures (rules were tuned on these)", results)
    for t, (p_floor, r_floor) in FLOORS.items():
        s = totals[("ALL", t)]
        assert s.precision >= p_floor, f"{t}: precision {s.precision:.2f} < {p_floor}"
        assert s.recall >= r_floor, f"{t}: recall {s.recall:.2f} < {r_floor}"
    assert all(r.metadata_ok["genre"] for r in results), [r.name for r in results if not r.metadata_ok["genre"]]


# Held-out fixtures were written by someone who did not see the extractors, and the rules are
# not tuned on them: their floors are the first measurement minus a margin, so they catch
# regressions while the figures stay an honest estimate of accuracy on unseen documents.
HOLDOUT_FLOORS = {
    "recommendations": (0.7, 0.8),
    "program_facts": (0.9, 0.7),
    "training_requirements": (0.4, 0.35),
    "report_mentions": (0.95, 0.95),
}


def test_extraction_accuracy_on_held_out_fixtures():
    # holdout4/ is the current sealed set; earlier sets were folded into development fixtures
    # after their figures were recorded (see the issue notes).
    results = evaluate_all("holdout4/")
    assert len(results) >= 6, "held-out fixtures are missing"
    totals = report("Held-out fixtures (never used to tune the rules)", results)
    for t, (p_floor, r_floor) in HOLDOUT_FLOORS.items():
        s = totals[("ALL", t)]
        assert s.precision >= p_floor, f"{t}: precision {s.precision:.2f} < {p_floor}"
        assert s.recall >= r_floor, f"{t}: recall {s.recall:.2f} < {r_floor}"
