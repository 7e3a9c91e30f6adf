"""Score extraction against hand-written truth files (format: tests/fixtures/README.md)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from flows.core.catalogue import CatalogueEntry
from flows.core.describe import find_published_on, find_title
from flows.extract import extract_document
from flows.extract.model import Document
from flows.ingest.genre import detect_genre

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CATALOGUE = Path(__file__).resolve().parents[2] / "raw" / "reference" / "dhs_oig_reports.csv"
# status claims are scored for what they say (target, scope, ...) in tests/eval/claims.py
TABLES = ("recommendations", "program_facts", "training_requirements", "report_mentions")


def catalogue() -> tuple[CatalogueEntry, ...]:
    with CATALOGUE.open(encoding="utf-8") as fh:
        return tuple(CatalogueEntry(r["report_id"], r["title"], dt.date.fromisoformat(r["issued_on"])
                                    if r["issued_on"] else None) for r in csv.DictReader(fh))


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip().lower()


def _num(v):
    return None if v is None else float(v)


def keys(table: str, rows: list[dict], known: set[str]) -> list[tuple]:
    """Comparable keys of rows (extracted or truth) for the tables matched as multisets."""
    if table == "program_facts":
        return [(r["attribute"], _num(r["value_num"]), r["value_text"]) for r in rows]
    if table == "training_requirements":
        return [(r["kind"], r["course_code"], _num(r["duration_value"]), r["duration_unit"], r["frequency_months"])
                for r in rows]
    if table == "report_mentions":
        return [(r["report_id"], r.get("known", r["report_id"] in known), r.get("match", "id")) for r in rows]
    raise ValueError(table)


@dataclass
class Score:
    tp: int = 0
    n_pred: int = 0
    n_true: int = 0
    # extracted rows that matched, when one truth row may match several (else tp)
    tp_pred: int | None = None

    def add(self, other: Score) -> None:
        self.tp_pred = self.matched_pred + other.matched_pred
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_true += other.n_true

    @property
    def matched_pred(self) -> int:
        return self.tp if self.tp_pred is None else self.tp_pred

    @property
    def precision(self) -> float:
        return self.matched_pred / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_true if self.n_true else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_recommendations(pred: list[dict], truth: list[dict]) -> Score:
    used: set[int] = set()
    tp = 0
    for t in truth:
        key = _norm(t["key"])
        for i, p in enumerate(pred):
            if i not in used and key in _norm(p["text"]):
                used.add(i)
                tp += 1
                break
    return Score(tp, len(pred), len(truth))


def score_multiset(pred: list[tuple], truth: list[tuple]) -> Score:
    tp = sum((Counter(pred) & Counter(truth)).values())
    return Score(tp, len(pred), len(truth))


@dataclass
class FixtureResult:
    name: str
    genre: str
    scores: dict[str, Score]
    metadata_ok: dict[str, bool]


def evaluate(path: Path, entries: tuple[CatalogueEntry, ...]) -> FixtureResult:
    text = path.read_text(encoding="utf-8")
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    known = {e.report_id for e in entries}
    genre = detect_genre(text)
    doc_id = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    ex = extract_document(Document(doc_id, text, genre, find_published_on(text), entries))
    scores = {"recommendations": score_recommendations(ex.recommendations, truth["recommendations"])}
    for table in TABLES[1:]:
        scores[table] = score_multiset(keys(table, getattr(ex, table), known), keys(table, truth[table], known))
    published = find_published_on(text)
    meta = {"genre": genre == truth["genre"], "title": find_title(text) == truth["title"],
            "published_on": (published.isoformat() if published else None) == truth["published_on"]}
    return FixtureResult(path.stem, truth["genre"], scores, meta)


SECONDARY_GENRES = ("secondary_summary", "agency_page")


def evaluate_all(prefix: str = "") -> list[FixtureResult]:
    """Development fixtures of the secondary genres by default; prefix "holdout/" for the held-out set."""
    entries = catalogue()
    paths = sorted(p for g in SECONDARY_GENRES for p in FIXTURES.glob(f"{prefix}{g}/*.txt"))
    return [evaluate(p, entries) for p in paths]
