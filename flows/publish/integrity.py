"""Is a published release what its datapackage.json says it is? Every listed file present with
its size and sha256; nothing else published beside them (the DuckDB build product aside)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

UNLISTED_OK = {"oig.duckdb", "datapackage.json"}


def listed_files(folder: Path) -> dict[str, tuple[int, str]]:
    """path -> (bytes, sha256 hex) for every file the datapackage lists."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    out = {}
    for entry in package.get("resources", []):
        if isinstance(entry.get("path"), str) and "hash" in entry:
            out[entry["path"]] = (entry.get("bytes"), entry["hash"].removeprefix("sha256:"))
    return out


def verify_release(folder: Path) -> list[str]:
    """Differences between the release folder and its datapackage.json, one line each."""
    try:
        listed = listed_files(folder)
    except (OSError, ValueError, AttributeError) as exc:
        return [f"datapackage.json unreadable: {exc}"]
    problems = []
    for rel, (size, digest) in sorted(listed.items()):
        path = folder / rel
        if not path.is_file():
            problems.append(f"{rel}: missing")
            continue
        data = path.read_bytes()
        if size is not None and len(data) != size:
            problems.append(f"{rel}: {len(data):,} bytes, datapackage.json says {size:,}")
        elif hashlib.sha256(data).hexdigest() != digest:
            problems.append(f"{rel}: sha256 differs from datapackage.json")
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel not in listed and rel not in UNLISTED_OK:
            problems.append(f"{rel}: not part of the release (not in datapackage.json)")
    return problems
