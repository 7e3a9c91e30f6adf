"""What a fetch must download: listed reports not yet held in raw/, by id or by content."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from pathlib import Path

from flows.core.report_ids import find_report_ids
from flows.fetch.listing import Link
from flows.ingest import raw_files
from flows.ingest.manifest import COLUMNS, MANIFEST_NAME


def held_ids(raw: Path) -> set[str]:
    """Report ids already in raw/: named by a file (oig_18_77…, OIG-18-77.pdf) or a manifest URL."""
    ids = set()
    for p in raw_files(raw):
        name = re.sub(r"(?i)oig[-_ ](\d\d)[-_ ](\d{2,3})", r"OIG-\1-\2", p.name)
        ids.update(rid for _, _, rid in find_report_ids(name))
    manifest = raw / MANIFEST_NAME
    if manifest.exists():
        with manifest.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                ids.update(rid for _, _, rid in find_report_ids(
                    re.sub(r"(?i)oig[-_](\d\d)[-_](\d{2,3})", r"OIG-\1-\2", row.get("url") or "")))
    return ids


def held_hashes(raw: Path) -> set[str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest() for p in raw_files(raw)}


def to_fetch(links: list[Link], raw: Path) -> tuple[list[Link], list[Link]]:
    """(new links, links skipped because the report is already held)."""
    held = held_ids(raw)
    return [lk for lk in links if lk.report_id not in held], [lk for lk in links if lk.report_id in held]


def target_path(raw: Path, link: Link) -> Path:
    return raw / f"{link.report_id.lower().replace('-', '_')}.pdf"


def add_to_manifest(raw: Path, path: Path, url: str, sha256: str, on: dt.date) -> None:
    """Append a manifest row for a fetched file (the header gains sha256 if it lacks it)."""
    manifest = raw / MANIFEST_NAME
    rows, fields = [], [*COLUMNS, "sha256"]
    if manifest.exists():
        with manifest.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
            fields = list(dict.fromkeys([*(reader.fieldnames or []), *fields]))
    rows.append({"path": path.relative_to(raw).as_posix(), "url": url, "retrieved_on": on.isoformat(),
                 "genre_hint": "oig_report", "publisher": "DHS OIG", "note": "fetched by oigdata fetch",
                 "sha256": sha256})
    tmp = manifest.with_suffix(".csv.tmp")
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows({f: r.get(f, "") for f in fields} for r in rows)
    tmp.replace(manifest)
