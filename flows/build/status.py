"""Derive a recommendation's response, status and resolution from the status events.

The contract: the latest-dated assertion wins; on a tie OIG outranks the agency, which
outranks a secondary source. An undated assertion counts as older than any dated one.

Only claims that identify a recommendation count: an event on that recommendation
(`rec_id`, or report and number), or a claim of scope `all` about its report. A claim about
"many", "several" or "4 of 5" recommendations says nothing about any one of them and never
sets a derived value (it stays in status_events, and in the views that show claims).
"""

from __future__ import annotations

import datetime as dt

RANK = {"oig": 3, "agency": 2, "secondary": 1}
AXES = {
    "response": ("response", {"concur", "partially_concur", "nonconcur"}),
    "status": ("status", {"open", "closed"}),
    "resolution": ("status", {"resolved", "unresolved"}),
}


def applies(event: dict, rec: dict) -> bool:
    """Does the event speak of this recommendation: by id, by report and number, or by report?"""
    if event["rec_id"] is not None:
        return event["rec_id"] == rec["rec_id"]
    if rec["report_id"] is None or event["report_id"] != rec["report_id"]:
        return False
    number = event.get("rec_number")
    if number is not None:
        return number == rec.get("rec_number")
    return event["scope"] == "all"


def _key(event: dict) -> tuple:
    """Latest date, then OIG > agency > secondary, then a statement about this one
    recommendation over one about its whole report, then a stable order."""
    one = event["rec_id"] is not None or event.get("rec_number") is not None
    return (event["as_of"] or dt.date.min, RANK[event["asserted_by"]], one, event["doc_id"], event["start"],
            event["value"])


class EventIndex:
    """Events grouped by what they can apply to (a recommendation id, a report), so deriving every
    recommendation's status looks at its own candidates only: linear in events plus
    recommendations, not their product."""

    def __init__(self, events: list[dict], aliases: dict[str, str] | None = None):
        """`aliases`: restated recommendation -> the report's own one it restates
        (`primary_rec_id`): a claim about the restatement is a claim about the recommendation."""
        self.aliases = aliases or {}
        self.by_rec: dict[str, list[dict]] = {}
        self.by_report: dict[str, list[dict]] = {}
        for e in events:
            if e["rec_id"] is not None:
                self.by_rec.setdefault(e["rec_id"], []).append(e)
                if e["rec_id"] in self.aliases:
                    self.by_rec.setdefault(self.aliases[e["rec_id"]], []).append(e)
            elif e["report_id"] is not None:
                self.by_report.setdefault(e["report_id"], []).append(e)

    def candidates(self, rec: dict) -> list[dict]:
        return self.by_rec.get(rec["rec_id"], []) + self.by_report.get(rec["report_id"] or "", [])


def derive(rec: dict, events: list[dict] | EventIndex) -> dict:
    """response, status, resolution, status_as_of and the event the status comes from."""
    pool = events.candidates(rec) if isinstance(events, EventIndex) else events
    aliases = events.aliases if isinstance(events, EventIndex) else {}
    mine = [e for e in pool if applies(e, rec) or aliases.get(e["rec_id"] or "") == rec["rec_id"]]
    out: dict = {"response": "unknown", "status": "unknown", "resolution": "unknown", "status_as_of": None,
                 "status_event_id": None}
    for column, (kind, values) in AXES.items():
        cands = [e for e in mine if e["kind"] == kind and e["value"] in values]
        if cands:
            best = max(cands, key=_key)
            out[column] = best["value"]
            if column == "status":
                out["status_as_of"] = best["as_of"]
                out["status_event_id"] = best.get("event_id")
    return out
