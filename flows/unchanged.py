"""The release manifest: a refresh with nothing changed finishes without starting anything.

After every published (or confirmed unchanged) release, a manifest beside it (run state,
`<out's parent>/.oigdata/<out name>.manifest.json`, never inside the release) records what
produced it: the size and modification time of every raw file, a hash of the code that turns
them into tables (flows/, schemas/, sql/ and the lock file), and the size and modification
time of every published file. A refresh whose inputs, code and release all still match can
say "Nothing changed" after a directory walk: no Prefect server, no ingest, no tables. Any
difference (a new, edited or touched file, an edited rule, a release altered by hand, a
listing to fetch, a chosen release date) runs the full refresh, which rewrites the manifest.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE_DIRS = ("flows", "schemas", "sql")


@functools.cache
def code_key() -> str:
    """A hash of every source that decides what a release holds."""
    digest = hashlib.sha256()
    files = sorted(p for d in CODE_DIRS for p in (ROOT / d).rglob("*")
                   if p.suffix in (".py", ".yaml", ".sql") and "__pycache__" not in p.parts)
    for path in [*files, ROOT / "requirements.lock"]:
        if path.exists():
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _files(folder: Path) -> dict[str, list[int]]:
    """relative path -> [size, mtime_ns] of every file below folder (links not followed)."""
    out: dict[str, list[int]] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath, name)
            try:
                st = path.lstat()
            except OSError:
                continue
            out[path.relative_to(folder).as_posix()] = [st.st_size, st.st_mtime_ns]
    return out


def manifest_path(out: Path) -> Path:
    return out.parent / ".oigdata" / f"{out.name}.manifest.json"


def state(raw: Path, out: Path) -> dict:
    return {"code": code_key(), "raw": _files(raw), "published": _files(out)}


def record(raw: Path, out: Path, version: str | None) -> None:
    """Write the manifest of the release now in `out` (atomically)."""
    path = manifest_path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({**state(raw, out), "version": version}, sort_keys=True), encoding="utf-8")
    tmp.replace(path)


def unchanged(raw: Path, out: Path) -> str | None:
    """The published version when nothing that produced it has changed, else None."""
    if os.environ.get("OIGDATA_LISTING_URL"):
        return None  # a refresh that fetches first may find new documents
    try:
        saved = json.loads(manifest_path(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or not saved.get("published"):
        return None
    now = state(raw, out)
    same = all(saved.get(k) == now[k] for k in ("code", "raw", "published"))
    return saved.get("version") if same else None
