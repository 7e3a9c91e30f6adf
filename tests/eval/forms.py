"""Extraction measured per form of document (format: tests/fixtures/forms/README.md).

Each fixture is read as ingest reads it (representation forms undone, genre detected from
the text, never from the truth), extracted, and scored per form and overall on:
- genre: detected genre == the truth's;
- recommendations: the dataset's unit (data contract: one row per recommendation, `R<n>` of its
  report): truth rows that share a report and a number are one recommendation holding several
  actions; it is found when every one of its keys is contained in extracted rows' text, and
  an extracted row that contains a key of some recommendation is a true row (an unnumbered
  truth row is a recommendation of its own); precision counts the true extracted rows;
- actions: every truth row (action) one to one: its `key` contained in an extracted row's text,
  each extracted row matching at most one truth row (a numbered recommendation kept whole
  counts its second action as missed);
- claims by number: status and response claims whose truth names the recommendation's
  number, on the tuple (target, kind, value, scope, asserted_by) of tests/eval/claims.py;
- responses: every response claim (concur, partially_concur, nonconcur), same tuple;
- all claims: every status and response claim, same tuple;
- report ids: distinct report ids the document writes (mentions by id, and the report a
  document is) against the truth's `report_ids`; a trap read as an id is counted apart;
- quotes: every extracted row's quote is the text at its offsets.

`python -m tests.eval.forms [forms/ holdout_forms/]` prints the tables.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from flows.core.describe import find_published_on
from flows.core.report_ids import find_report_ids
from flows.extract import extract_document
from flows.extract.model import Document
from flows.ingest.forms import undo_forms
from flows.ingest.genre import detect_genre
from tests.eval.claims import _multiset, event_tuples, pred_target, truth_target
from tests.eval.scoring import FIXTURES, Score, catalogue

METRICS = ("recommendations", "actions", "claims by number", "responses", "all claims", "report ids")


def _norm(s: str | None) -> str:
    s = (s or "").replace("’", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


@dataclass
class FormTally:
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)  # (form, metric)
    docs: Counter = field(default_factory=Counter)
    genre_ok: Counter = field(default_factory=Counter)
    traps: Counter = field(default_factory=Counter)
    quotes_bad: int = 0
    genre_misses: list[str] = field(default_factory=list)

    def add(self, form: str, metric: str, s: Score) -> None:
        for f in (form, "ALL"):
            self.scores.setdefault((f, metric), Score()).add(s)


def _trap_ids(traps: list[str]) -> set[str]:
    return {rid for t in traps for _, _, rid in find_report_ids(t)}


def _score_units(truth_recs: list[dict], pred: list[dict]) -> Score:
    """Recommendations as the dataset counts them: truth rows with the same report and number are
    one unit; a unit is found when each of its keys is in some extracted row; every extracted row
    holding a key of some unit is a true row (each row claimed by one unit)."""
    units: dict[tuple, list[str]] = {}
    for i, r in enumerate(truth_recs):
        unit = (r.get("report_id"), r["number"]) if r.get("number") is not None else ("row", i)
        units.setdefault(unit, []).append(r["key"])
    texts = [_norm(r["text"]) for r in pred]
    claimed: set[int] = set()
    found = 0
    for keys in units.values():
        mine = {i for i, t in enumerate(texts) if i not in claimed and any(_norm(k) in t for k in keys)}
        if mine and all(any(_norm(k) in texts[i] for i in mine) for k in keys):
            found += 1
        claimed |= mine  # a row stating part of a true recommendation is a true row
    return Score(found, len(pred), len(units), tp_pred=len(claimed))


def score_fixture(path: Path, entries, tally: FormTally) -> None:
    raw = path.read_text(encoding="utf-8")
    truth = json.loads(path.with_name(path.name[:-4] + ".truth.json").read_text(encoding="utf-8"))
    text, _forms = undo_forms(raw)
    form = truth.get("form") or path.parent.name
    genre = detect_genre(text)
    doc_id = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    ex = extract_document(Document(doc_id, text, genre, find_published_on(text), entries))
    tally.docs[form] += 1
    tally.docs["ALL"] += 1
    ok = genre == truth["genre"]
    tally.genre_ok[form] += ok
    tally.genre_ok["ALL"] += ok
    if not ok:
        tally.genre_misses.append(f"{path.parent.name}/{path.name}: {genre} (truth {truth['genre']})")
    for table in ("recommendations", "status_events", "program_facts", "training_requirements", "report_mentions"):
        tally.quotes_bad += sum(text[r["start"]:r["end"]] != r["quote"] for r in getattr(ex, table))

    keys = [r["key"] for r in truth.get("recommendations", [])]
    used: set[int] = set()
    tp = 0
    for k in keys:
        hit = next((i for i, r in enumerate(ex.recommendations) if i not in used and _norm(k) in _norm(r["text"])),
                   None)
        if hit is not None:
            used.add(hit)
            tp += 1
    tally.add(form, "actions", Score(tp, len(ex.recommendations), len(keys)))
    tally.add(form, "recommendations", _score_units(truth.get("recommendations", []), ex.recommendations))

    recs = {r["rec_id"]: r for r in ex.recommendations}
    true_rows = truth.get("status_events", [])
    true = event_tuples(true_rows, [truth_target(t) for t in true_rows])
    pred = event_tuples(ex.status_events, [pred_target(e, recs, keys) for e in ex.status_events])
    numbered = lambda ts: [t for t in ts if t[0][0] == "rec" and len(t[0]) == 3]  # noqa: E731
    tally.add(form, "claims by number", _multiset(numbered(pred), numbered(true)))
    tally.add(form, "responses", _multiset([p for p in pred if p[1] == "response"],
                                           [t for t in true if t[1] == "response"]))
    tally.add(form, "all claims", _multiset(pred, true))

    truth_ids = set(truth.get("report_ids", []))
    got = {m["report_id"] for m in ex.report_mentions if m.get("match", "id") == "id"}
    got |= {r["report_id"] for r in ex.reports if r.get("report_id")}
    tally.add(form, "report ids", Score(len(got & truth_ids), len(got), len(truth_ids)))
    trapped = (got - truth_ids) & _trap_ids(truth.get("traps", []))
    tally.traps[form] += len(trapped)
    tally.traps["ALL"] += len(trapped)


def fixtures(prefix: str) -> list[Path]:
    """The documents of a set that have their truth (a document still being written has none)."""
    return sorted(p for p in (FIXTURES / prefix).glob("*/*.txt") if p.with_name(p.name[:-4] + ".truth.json").exists())


def evaluate_forms(prefix: str) -> FormTally:
    entries = catalogue()
    tally = FormTally()
    for path in fixtures(prefix):
        score_fixture(path, entries, tally)
    return tally


def render(title: str, tally: FormTally) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.rule(title)
    t = Table(title="Per form: precision / recall (matched of extracted / of truth)")
    t.add_column("form")
    t.add_column("docs", justify="right")
    t.add_column("genre", justify="right")
    for m in METRICS:
        t.add_column(m, justify="right")
    t.add_column("traps as ids", justify="right")
    forms = [*sorted(f for f in tally.docs if f != "ALL"), "ALL"]
    for f in forms:
        cells = []
        for m in METRICS:
            s = tally.scores.get((f, m), Score())
            cells.append(f"{s.precision:.2f}/{s.recall:.2f} ({s.tp}/{s.n_pred}/{s.n_true})")
            # (matched truth rows / extracted rows / truth rows); precision = extracted rows matched / extracted
        t.add_row(f, str(tally.docs[f]), f"{tally.genre_ok[f]}/{tally.docs[f]}", *cells, str(tally.traps[f]))
    console.print(t)
    console.print(f"quotes not exact: {tally.quotes_bad}")
    for miss in tally.genre_misses:
        console.print(f"  genre: {miss}")
    return console.export_text()


if __name__ == "__main__":  # python -m tests.eval.forms [forms/ holdout_forms/]
    for prefix in sys.argv[1:] or ["forms/"]:
        print(render(f"Forms: {prefix}", evaluate_forms(prefix)))
