"""A hash of the source files that decide what a step returns: the key of its cache, so an
edited rule can never serve a stale result and there is no version number to remember."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path


@functools.cache
def sources_key(root: Path, shared: tuple[Path, ...] = ()) -> str:
    """The Python and YAML sources under `root` (by relative path and content) and the
    `shared` files, hashed (once per process)."""
    digest = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.suffix in (".py", ".yaml") and "__pycache__" not in p.parts)
    for path in [*files, *shared]:
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]
