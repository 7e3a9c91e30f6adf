"""Deriving a recommendation's status from an index of events gives what the full scan gives."""

from __future__ import annotations

import datetime as dt
import random

from flows.build.status import EventIndex, derive


def test_the_index_derives_what_the_scan_derives():
    rng = random.Random(7)
    reports = [f"OIG-2{i}-1{i}" for i in range(5)]
    recs = [{"rec_id": f"{r}-R{n}", "report_id": r, "rec_number": n} for r in reports for n in range(1, 5)]
    recs += [{"rec_id": f"doc-{k}", "report_id": rng.choice([*reports, None]), "rec_number": None} for k in range(10)]
    events = []
    for k in range(400):
        rec = rng.choice(recs)
        kind, value = rng.choice([("response", "concur"), ("response", "nonconcur"), ("status", "open"),
                                  ("status", "closed"), ("status", "resolved")])
        how = rng.choice(["id", "number", "all", "many"])
        events.append({"rec_id": rec["rec_id"] if how == "id" else None,
                       "report_id": rec["report_id"] if how != "id" else None,
                       "rec_number": rec["rec_number"] if how == "number" else None,
                       "scope": {"id": "one", "number": "one", "all": "all", "many": "many"}[how],
                       "kind": kind, "value": value, "asserted_by": rng.choice(["oig", "agency", "secondary"]),
                       "as_of": dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 900)),
                       "doc_id": "d" * 16, "start": k, "event_id": f"e{k}"})
    index = EventIndex(events)
    assert any(derive(r, events)["status"] != "unknown" for r in recs)
    for rec in recs:
        assert derive(rec, index) == derive(rec, events)
