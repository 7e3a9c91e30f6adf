"""Claims measured on the tuple (target, kind, value, scope, asserted_by), per genre and per
fixture set, with the scope confusion table (make eval prints it; see tests/eval/claims.py).

Floors are the measured figures minus a margin: a change that spreads vague claims onto
recommendations again, or loses scopes, cannot land silently. The sealed set
(holdout_claims/) was written by helpers who never saw the extractors; its first figures
were recorded before any rule was tuned (see the issue notes) and it is not tuned on.
"""

from __future__ import annotations

import io
import sys

from rich.console import Console
from rich.table import Table

from schemas.common import SCOPES
from tests.eval.claims import MISSED, SPURIOUS, ClaimTally, evaluate_claims
from tests.eval.test_accuracy import REPORTS

CLAIMS = "claims (target, kind, value, scope, by)"
MENTIONS = "report_mentions (id, known, match)"


def render(title: str, tally: ClaimTally) -> str:
    console = Console(width=140, record=True, file=io.StringIO())
    console.rule(title)
    t = Table(title="Precision / recall per genre and table")
    for col in ("genre", "table", "precision", "recall", "F1", "extracted", "truth"):
        t.add_column(col)
    for (genre, name), s in sorted(tally.tables.items()):
        t.add_row(genre, name, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.n_pred), str(s.n_true))
    console.print(t)
    rows = [*SCOPES, SPURIOUS]
    cols = [*SCOPES, MISSED]
    c = Table(title="Scope confusion (rows: truth, columns: extracted; claims paired on target, kind, value, by)")
    c.add_column("truth \\ extracted")
    for col in cols:
        c.add_column(col[:11])
    for r in rows:
        c.add_row(r, *(str(tally.confusion.get((r, col), "")) for col in cols))
    console.print(c)
    fields = ", ".join(f"{k} {tally.fields[k]}/{tally.compared[k]}" for k in sorted(tally.compared))
    genres = ", ".join(f"{g} {tally.genre_ok[g]}/{n}" for g, n in sorted(tally.docs.items()))
    console.print(f"fields on claims matched with their scope: {fields or 'none'}")
    console.print(f"genre right: {genres}; quotes not exact: {tally.provenance_bad}")
    return console.export_text()


# (set, table): (precision floor, recall floor)
FLOORS = {
    ("", CLAIMS): (0.58, 0.50),
    ("", MENTIONS): (0.92, 0.88),
    ("claims/", CLAIMS): (0.56, 0.60),
    ("claims/", MENTIONS): (0.88, 0.86),
    # measured 0.38/0.18 before any tuning on the development claims (0.18/0.06 with the code before
    # scopes), then 0.48/0.32, 0.53/0.35, 0.56/0.40 and 0.58/0.46 as rules were generalised on the
    # development sets (the last with genre detection for other DHS components' pages and OIG's site)
    ("holdout_claims/", CLAIMS): (0.53, 0.41),
    ("holdout_claims/", MENTIONS): (0.95, 0.90),
}


def _check(prefix: str, title: str) -> ClaimTally:
    tally = evaluate_claims(prefix)
    REPORTS.append(render(title, tally))
    assert sum(tally.docs.values()) >= 10, f"{prefix or 'secondary/agency'} fixtures are missing"
    assert tally.provenance_bad == 0
    for (set_prefix, table), (p_floor, r_floor) in FLOORS.items():
        if set_prefix == prefix:
            s = tally.tables[("ALL", table)]
            assert s.precision >= p_floor, f"{prefix}{table}: precision {s.precision:.2f} < {p_floor}"
            assert s.recall >= r_floor, f"{prefix}{table}: recall {s.recall:.2f} < {r_floor}"
    return tally


def test_claims_on_development_fixtures():
    _check("", "Claims: original secondary and agency fixtures (development)")
    _check("claims/", "Claims: vague, mixed and hedged claims (development)")


def test_claims_on_sealed_held_out_fixtures():
    _check("holdout_claims/", "Claims: sealed held-out set (never used to tune the rules)")


if __name__ == "__main__":  # python -m tests.eval.test_claims_accuracy [prefix ...]
    for prefix in sys.argv[1:] or ["", "claims/", "holdout4/", "holdout_claims/"]:
        print(render(f"Claims: {prefix or 'secondary/agency'}", evaluate_claims(prefix)))
