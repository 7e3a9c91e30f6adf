"""Claims scored for what they say, not only for their value (format: tests/fixtures/README.md).

A status event is compared on the tuple (target, kind, value, scope, asserted_by), where the
target is the recommendation it is attached to (by report and number, or by the truth's
`rec_key` for a recommendation a summary reports), the report it is about, or nothing. An
extractor that spreads "many recommendations remained open" onto three recommendations gets
three false positives and a miss, not three hits. Report mentions are compared on
(report_id, known, match). Scope is also tabulated as a confusion table over claims matched
on everything but scope.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from flows.core.describe import find_published_on
from flows.extract import extract_document
from flows.extract.model import Document
from flows.ingest.genre import detect_genre
from tests.eval.scoring import FIXTURES, Score, catalogue

MISSED, SPURIOUS = "(missed)", "(spurious)"


def _norm(s: str | None) -> str:
    s = (s or "").replace("’", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def _implicit_scope(e: dict) -> str:
    """Scope of an event from an extractor that does not state one (the code before scopes)."""
    if e.get("scope"):
        return e["scope"]
    if e.get("rec_id") or e.get("rec_number"):
        return "one"
    return "all" if e.get("report_id") else "unspecified"


def truth_target(t: dict) -> tuple:
    if t.get("rec_number") is not None:
        return ("rec", t.get("report_id"), int(t["rec_number"]))
    if t.get("rec_key"):
        return ("rec", _norm(t["rec_key"]))
    if t.get("report_id"):
        return ("report", t["report_id"])
    return ("none",)


def pred_target(e: dict, recs: dict[str, dict], truth_keys: list[str]) -> tuple:
    if e.get("rec_number") is not None:
        return ("rec", e.get("report_id"), int(e["rec_number"]))
    if e.get("rec_id"):
        rec = recs.get(e["rec_id"], {})
        if rec.get("report_id") and rec.get("rec_number"):
            return ("rec", rec["report_id"], int(rec["rec_number"]))
        key = next((k for k in truth_keys if _norm(k) in _norm(rec.get("text"))), None)
        return ("rec", _norm(key) if key else f"?{e['rec_id']}")
    if e.get("report_id"):
        return ("report", e["report_id"])
    return ("none",)


def event_tuples(events: list[dict], targets: list[tuple]) -> list[tuple]:
    return [(tg, e["kind"], e["value"], _implicit_scope(e), e["asserted_by"]) for e, tg in zip(events, targets,
                                                                                                strict=True)]


@dataclass
class ClaimTally:
    """Scores of one set of fixtures, per genre."""

    tables: dict[tuple[str, str], Score] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)  # (truth scope, predicted scope)
    fields: Counter = field(default_factory=Counter)
    compared: Counter = field(default_factory=Counter)
    genre_ok: Counter = field(default_factory=Counter)
    docs: Counter = field(default_factory=Counter)
    provenance_bad: int = 0

    def add(self, genre: str, table: str, s: Score) -> None:
        for g in (genre, "ALL"):
            self.tables.setdefault((g, table), Score()).add(s)

    def check(self, name: str, ok: bool) -> None:
        self.compared[name] += 1
        self.fields[name] += bool(ok)


def _multiset(pred: list, true: list) -> Score:
    p, t = Counter(pred), Counter(true)
    return Score(sum((p & t).values()), sum(p.values()), sum(t.values()))


def _scope_confusion(tally: ClaimTally, pred: list[tuple], true: list[tuple], pred_rows: list[dict],
                     true_rows: list[dict]) -> None:
    """Pair claims equal on (target, kind, value, asserted_by); tabulate their scopes and check
    the other fields (count, total, hedge, subject, as_of) on the pairs whose scope also agrees."""
    free = list(range(len(pred)))
    for ti, t in enumerate(true):
        base = (t[0], t[1], t[2], t[4])
        same = [i for i in free if (pred[i][0], pred[i][1], pred[i][2], pred[i][4]) == base]
        exact = [i for i in same if pred[i][3] == t[3]]
        pick = (exact or same or [None])[0]
        if pick is None:
            tally.confusion[(t[3], MISSED)] += 1
            continue
        free.remove(pick)
        tally.confusion[(t[3], pred[pick][3])] += 1
        if pred[pick][3] == t[3]:
            pr, tr = pred_rows[pick], true_rows[ti]
            if t[3] == "n_of_m" or tr.get("count") is not None:
                tally.check("count/total", (pr.get("count"), pr.get("total")) == (tr.get("count"), tr.get("total")))
            for name, col in (("hedge", "hedge"), ("subject_text", "subject_text")):
                a, b = _norm(pr.get(col)), _norm(tr.get(col))
                tally.check(name, (not a and not b) or (bool(a) and bool(b) and (a in b or b in a)))
            tally.check("as_of", str(pr.get("as_of")) == str(tr.get("as_of")))
    for i in free:
        tally.confusion[(SPURIOUS, pred[i][3])] += 1


def score_fixture(path: Path, entries, tally: ClaimTally) -> None:
    text = path.read_text(encoding="utf-8")
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    genre = detect_genre(text)
    doc_id = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    ex = extract_document(Document(doc_id, text, genre, find_published_on(text), entries))
    g = truth["genre"]
    tally.docs[g] += 1
    tally.genre_ok[g] += genre == g
    for table in ("recommendations", "status_events", "program_facts", "training_requirements", "report_mentions"):
        for row in getattr(ex, table):
            tally.provenance_bad += text[row["start"]:row["end"]] != row["quote"]
    keys = [r["key"] for r in truth.get("recommendations", [])]
    recs = {r["rec_id"]: r for r in ex.recommendations}
    used: set[int] = set()
    tp = 0
    for k in keys:
        hit = next((i for i, r in enumerate(ex.recommendations) if i not in used and _norm(k) in _norm(r["text"])), None)
        if hit is not None:
            used.add(hit)
            tp += 1
    tally.add(g, "recommendations", Score(tp, len(ex.recommendations), len(keys)))
    true_rows = truth.get("status_events", [])
    pred_rows = ex.status_events
    true = event_tuples(true_rows, [truth_target(t) for t in true_rows])
    pred = event_tuples(pred_rows, [pred_target(e, recs, keys) for e in pred_rows])
    tally.add(g, "claims (target, kind, value, scope, by)", _multiset(pred, true))
    tally.add(g, "claims without scope", _multiset([p[:3] + p[4:] for p in pred], [t[:3] + t[4:] for t in true]))
    tally.add(g, "claim values only (old metric)", _multiset([p[1:3] + p[4:] for p in pred],
                                                             [t[1:3] + t[4:] for t in true]))
    numbered = [t for t in true if t[0][0] == "rec" and len(t[0]) == 3]
    tally.add(g, "claims by number", _multiset([p for p in pred if p[0][0] == "rec" and len(p[0]) == 3], numbered))
    _scope_confusion(tally, pred, true, pred_rows, true_rows)
    known = {e.report_id for e in entries}
    tm = [(m["report_id"], m.get("known", m["report_id"] in known), m.get("match", "id"))
          for m in truth.get("report_mentions", [])]
    pm = [(m["report_id"], m["report_id"] in known, m.get("match", "id")) for m in ex.report_mentions]
    tally.add(g, "report_mentions (id, known, match)", _multiset(pm, tm))
    ts = [(m["report_id"], m.get("suggested_report_id")) for m in truth.get("report_mentions", [])
          if m.get("suggested_report_id")]
    ps = [(m["report_id"], m.get("suggested_report_id")) for m in ex.report_mentions if m.get("suggested_report_id")]
    tally.add(g, "mistyped-id suggestions", _multiset(ps, ts))


def claim_fixtures(prefix: str) -> list[Path]:
    """The documents of one fixture set: `claims/`, `holdout_claims/`, `holdout4/`, or "" for
    the original secondary and agency fixtures."""
    if prefix:
        return sorted((FIXTURES / prefix).glob("*/*.txt"))
    return sorted(p for g in ("secondary_summary", "agency_page") for p in (FIXTURES / g).glob("*.txt"))


def evaluate_claims(prefix: str) -> ClaimTally:
    entries = catalogue()
    tally = ClaimTally()
    for path in claim_fixtures(prefix):
        score_fixture(path, entries, tally)
    return tally
