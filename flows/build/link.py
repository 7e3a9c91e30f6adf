"""Link secondary and agency recommendations to the primary one they describe.

A third party's "OIG recommended that ICE track refresher training" and OIG's own
"Recommendation 3: ... track completion of refresher training" are one recommendation,
seen twice. The second-hand row keeps its own provenance and gets `primary_rec_id`, so
counts can use primary rows only.
"""

from __future__ import annotations

import re

_STOP = frozenset("""the and for that this with from into ice dhs oig its their all any each other should must
    ensure develop establish improve program training officers agency""".split())


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z0-9()]+", text.lower()) if len(w) > 3 and w not in _STOP}


def link_primary(recs: list[dict], min_overlap: float = 0.3) -> list[dict]:
    """Set primary_rec_id on restated rows (a summary's, an agency's, or an OIG listing's, which
    carry no number) whose report is known and whose words best match one of that report's own
    numbered recommendations (overlap coefficient >= min_overlap)."""
    primaries: dict[str, list[dict]] = {}
    for r in recs:
        if r["evidence"] == "primary" and r["report_id"] and r.get("rec_number") \
                and r["rec_id"] == f"{r['report_id']}-R{r['rec_number']}":  # the report's own statement
            primaries.setdefault(r["report_id"], []).append(r)
    out = []
    for r in recs:
        row = {**r, "primary_rec_id": r.get("primary_rec_id")}
        own = primaries.get(r["report_id"] or "", [])
        if r.get("rec_number") and r["rec_id"] != f"{r['report_id']}-R{r['rec_number']}":
            # a restatement that gives the number (a table row): the report's recommendation of that number
            same = [c for c in own if c["rec_number"] == r["rec_number"]]
            row["primary_rec_id"] = same[0]["rec_id"] if same else row["primary_rec_id"]
            out.append(row)
            continue
        cands = own if not r.get("rec_number") else []
        if cands:
            mine = _stems(r["text"])
            scored = sorted(((len(mine & _stems(c["text"])) / max(1, min(len(mine), len(_stems(c["text"])))),
                              c["rec_id"]) for c in cands), reverse=True)
            if scored and scored[0][0] >= min_overlap:
                row["primary_rec_id"] = scored[0][1]
        out.append(row)
    return out
