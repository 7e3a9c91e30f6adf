"""Score the primary-source extractors (oig_report, oig_listing) against their truth files,
per table and per field, clean and noisy variants apart (format: tests/fixtures/README.md)."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from flows.build.status import derive
from flows.core.describe import find_published_on
from flows.extract import extract_document
from flows.extract.model import Document
from flows.ingest.genre import detect_genre
from tests.eval.scoring import FIXTURES, Score, catalogue

_ABBREV = [(r"enforcement and removal operations", "ero"), (r"u\.s\. immigration and customs enforcement", "ice"),
           (r"immigration and customs enforcement", "ice"), (r"office of detention oversight", "odo"),
           (r"office of professional responsibility", "opr"), (r"homeland security investigations", "hsi")]
_FILLER = frozenset("the of for acting senior official performing duties u.s. and".split())


def canon_addressee(s: str | None) -> frozenset[str]:
    s = (s or "").lower()
    for long, short in _ABBREV:
        s = re.sub(long, short, s)
    return frozenset(w for w in re.findall(r"[a-z&]+", s) if w not in _FILLER)


def _norm(s: str | None) -> str:
    s = (s or "").replace("’", "'").replace("–", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


@dataclass
class Tally:
    """Counts of correct / compared per field, and P/R per matched table."""

    fields: Counter = field(default_factory=Counter)
    totals: Counter = field(default_factory=Counter)
    tables: dict[str, Score] = field(default_factory=dict)
    provenance_bad: int = 0
    provenance_rows: int = 0
    count_mismatches: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool) -> None:
        self.totals[name] += 1
        self.fields[name] += bool(ok)

    def table(self, name: str) -> Score:
        return self.tables.setdefault(name, Score())

    def accuracy(self, name: str) -> float:
        return self.fields[name] / self.totals[name] if self.totals[name] else 1.0


def _extract(path: Path, entries):
    text = path.read_text(encoding="utf-8")
    doc_id = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    genre = detect_genre(text)
    return text, genre, extract_document(Document(doc_id, text, genre, find_published_on(text), entries))


def _provenance(t: Tally, text: str, ex) -> None:
    for table in ("recommendations", "status_events", "program_facts", "training_requirements", "report_mentions"):
        for row in getattr(ex, table):
            t.provenance_rows += 1
            t.provenance_bad += text[row["start"]:row["end"]] != row["quote"]


def score_report(path: Path, truth: dict, entries, t: Tally) -> None:
    text, genre, ex = _extract(path, entries)
    _provenance(t, text, ex)
    t.check("genre", genre == "oig_report")
    rep = ex.reports[0] if ex.reports else {}
    t.check("report_id", rep.get("report_id") == truth["report_id"])
    t.check("issued_on", str(rep.get("issued_on")) == truth["issued_on"])
    t.check("title", _norm(rep.get("title")) == _norm(truth["title"]))
    t.check("n_stated", rep.get("n_recommendations_stated") == truth["n_recommendations_stated"])
    recs = {r["rec_number"]: r for r in ex.recommendations if r["report_id"] == truth["report_id"]}
    if truth["n_recommendations_stated"] is not None and len(recs) != truth["n_recommendations_stated"]:
        t.count_mismatches.append(f"{path.name}: {len(recs)} extracted, {truth['n_recommendations_stated']} stated")
    own_events = [e for e in ex.status_events if e["report_id"] == truth["report_id"] or e["rec_id"] in
                  {r["rec_id"] for r in recs.values()}]
    matched = 0
    for tr in truth["recommendations"]:
        got = recs.get(tr["number"])
        ok = got is not None and _norm(tr["key"]) in _norm(got["text"])
        matched += ok
        t.check("rec_text", ok)
        if got is None:
            for f in ("addressee", "response", "status", "resolution", "ecd"):
                t.check(f, False)
            continue
        a, b = canon_addressee(tr.get("addressee")), canon_addressee(got["addressee"])
        t.check("addressee", bool(a) and (a <= b or b <= a))
        derived = derive(got, own_events)
        t.check("response", derived["response"] == tr["response"])
        t.check("status", derived["status"] == tr["status"])
        t.check("resolution", derived["resolution"] == tr["resolution"])
        t.check("ecd", str(got["estimated_completion_on"]) == str(tr["ecd"]) if tr["ecd"] else
                got["estimated_completion_on"] is None)
    t.table("recommendations").add(Score(matched, len(recs), len(truth["recommendations"])))
    pred = Counter((e["report_id"], e.get("rec_number"), e["kind"], e["value"]) for e in ex.status_events
                   if e["report_id"] != truth["report_id"])
    true = Counter((e["report_id"], e["rec_number"], e["kind"], e["value"]) for e in truth["status_events"])
    t.table("follow_up_events").add(Score(sum((pred & true).values()), sum(pred.values()), sum(true.values())))
    known = {e.report_id for e in entries}
    pm = Counter((m["report_id"], m["report_id"] in known) for m in ex.report_mentions
                 if m["report_id"] != truth["report_id"])
    tm = Counter((m["report_id"], m["known"]) for m in truth["report_mentions"] if m["report_id"] != truth["report_id"])
    t.table("report_mentions").add(Score(sum((pm & tm).values()), sum(pm.values()), sum(tm.values())))


def score_listing(path: Path, truth: dict, entries, t: Tally) -> None:
    text, genre, ex = _extract(path, entries)
    _provenance(t, text, ex)
    t.check("genre", genre == "oig_listing")
    got = {r["report_id"]: r for r in ex.reports}
    t.table("listing_rows").add(Score(len(set(got) & {r["report_id"] for r in truth["reports"]}), len(got),
                                      len(truth["reports"])))
    for tr in truth["reports"]:
        row = got.get(tr["report_id"])
        t.check("listing_title", row is not None and _norm(row["title"]) == _norm(tr["title"]))
        t.check("listing_issued_on", row is not None and str(row["issued_on"]) == str(tr["issued_on"]))
        t.check("listing_n_stated", row is not None and row["n_recommendations_stated"] == tr["n_recommendations_stated"])
        events = [e for e in ex.status_events if e["report_id"] == tr["report_id"] and e["kind"] == "response"]
        value = events[0]["value"] if len(events) == 1 else ("unknown" if not events else "mixed")
        t.check("listing_response", value == tr["response"])


def evaluate_primary(prefix: str = "") -> dict[str, Tally]:
    """Tallies for the clean and the noisy variants."""
    entries = catalogue()
    out = {"clean": Tally(), "noisy": Tally()}
    for path in sorted(FIXTURES.glob(f"{prefix}oig_report/*.txt")):
        noisy = path.name.endswith(".noisy.txt")
        truth_path = path.with_name(path.name.replace(".noisy.txt", ".txt")).with_suffix(".truth.json")
        score_report(path, json.loads(truth_path.read_text(encoding="utf-8")), entries,
                     out["noisy" if noisy else "clean"])
    for path in sorted(FIXTURES.glob(f"{prefix}oig_listing/*.txt")):
        score_listing(path, json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8")), entries,
                      out["clean"])
    return out
