"""Ingest: raw files -> `documents` and `document_texts` rows, refusing bad files by name."""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from flows.core.describe import find_published_on, find_publisher, find_title
from flows.core.genres import PROFILES, rights
from flows.core.sources import sources_key
from flows.ingest.catalogue import REFERENCE_DIR
from flows.ingest.decode import DEFAULT_MAX_BYTES, BadInput, decode
from flows.ingest.forms import undo_forms
from flows.ingest.genre import detect
from flows.ingest.html import html_text
from flows.ingest.manifest import MANIFEST_NAME, ManifestEntry
from flows.ingest.pdf import pdf_text

MEDIA_TYPES = {".txt": "text/plain", ".text": "text/plain", ".pdf": "application/pdf",
               ".html": "text/html", ".htm": "text/html"}


@dataclass(frozen=True)
class Ingested:
    document: dict
    text: str


def display_path(rel: Path | str) -> str:
    """A relative path as text that any file can hold: bytes that are not UTF-8 are written as
    \\xNN escapes (file names on Linux are bytes)."""
    return os.fsencode(Path(rel).as_posix()).decode("utf-8", "backslashreplace")


_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
          stat.S_IFBLK: "a block device"}


def scan_raw(raw: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Document files under raw/, sorted, and every entry skipped with the reason.

    Nothing outside raw/ is ever read: symbolic links (to files or folders, broken or not) are
    not followed, and only regular files are documents. The manifest, the reference catalogues
    and hidden entries are not documents."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(raw, followlinks=False):
        here = Path(dirpath)
        top = here == raw
        for name in sorted(dirnames):
            rel = (here / name).relative_to(raw)
            if name.startswith(".") or (top and name == REFERENCE_DIR):
                dirnames.remove(name)
            elif (here / name).is_symlink():
                dirnames.remove(name)
                skipped.append((display_path(rel), "a symbolic link to a folder: not followed (only files inside "
                                                   "raw/ are read)"))
        dirnames.sort()
        for name in sorted(filenames):
            path = here / name
            rel = path.relative_to(raw)
            if name.startswith(".") or (top and name == MANIFEST_NAME):
                continue
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                skipped.append((display_path(rel), "a symbolic link: not followed (only files inside raw/ are read)"))
            elif not stat.S_ISREG(mode):
                skipped.append((display_path(rel), f"not a regular file but {_KINDS.get(stat.S_IFMT(mode), 'special')}"))
            else:
                files.append(path)
    return sorted(files), sorted(skipped)


def raw_files(raw: Path) -> list[Path]:
    """Every document file under raw/, sorted (see scan_raw for what is skipped)."""
    return scan_raw(raw)[0]


def _read_no_follow(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing a symbolic link swapped in since the scan and anything too large."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise BadInput(f"too large: {size:,} bytes, over the limit of {max_bytes:,}")
        return fh.read(max_bytes + 1)


_WORD_RE = re.compile(r"[^\W\d_]{2,}")


INGEST_DIR = Path(__file__).resolve().parent
_CORE_SOURCES = (*sorted((INGEST_DIR.parent / "core").glob("*.py")), INGEST_DIR.parents[1] / "schemas" / "common.py")


def ingest_file(path: Path, raw: Path, manifest: dict[str, ManifestEntry],
                max_bytes: int = DEFAULT_MAX_BYTES, cache: Path | None = None) -> Ingested:
    """Read, decode and describe one raw file; raises BadInput with the reason when it cannot.

    With a `cache` folder, a file whose bytes, manifest entry and ingest code were seen before
    is read and hashed only: the rest comes from the cache (a refresh with one new document
    does not decode and describe every other one again)."""
    rel = display_path(path.relative_to(raw))
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise BadInput(f"unsupported file type {display_path(path.suffix) or '(none)'!r}: expected .txt, .pdf or .html")
    try:
        data = _read_no_follow(path, max_bytes)
    except OSError as exc:
        raise BadInput(f"unreadable: {exc.strerror or exc}") from None
    entry = manifest.get(rel, ManifestEntry(rel))
    if cache is None:
        return _describe(data, rel, media_type, entry, max_bytes)
    key = hashlib.sha256(repr((hashlib.sha256(data).hexdigest(), rel, entry, media_type,
                               sources_key(INGEST_DIR, _CORE_SOURCES))).encode()).hexdigest()[:32]
    hit = cache / f"{key}.pickle"
    try:
        found = pickle.loads(hit.read_bytes())
        if isinstance(found, Ingested):
            return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        pass
    ingested = _describe(data, rel, media_type, entry, max_bytes)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = hit.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(ingested, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(hit)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return ingested


def _describe(data: bytes, rel: str, media_type: str, entry: ManifestEntry, max_bytes: int) -> Ingested:
    forms: list[str] = []
    if media_type == "application/pdf":
        text, encoding = pdf_text(data), "pdf"
    else:
        text, encoding = decode(data, max_bytes)
        text, forms = undo_forms(text)
        if media_type == "text/html":
            text = html_text(text)
            if not text.strip():
                raise BadInput("empty: the HTML page has no main text")
    if len(_WORD_RE.findall(text[:20000])) < 3:
        raise BadInput("no readable text: fewer than three words")
    detected, scores = detect(text)
    genre = entry.genre_hint or detected
    score = scores.get(genre)
    publisher = entry.publisher or find_publisher(text) or PROFILES[genre].publisher
    sha = hashlib.sha256(data).hexdigest()
    document = {
        "doc_id": sha[:16], "path": rel, "sha256": sha, "media_type": media_type, "encoding": encoding,
        "genre": genre, "title": find_title(text), "publisher": publisher,
        "published_on": find_published_on(text), "url": entry.url, "retrieved_on": entry.retrieved_on,
        "genre_score": float(score) if score is not None else None, "forms": forms,
        "rights": rights(publisher),
        "n_chars": len(text),
    }
    return Ingested(document, text)


__all__ = ["BadInput", "Ingested", "display_path", "ingest_file", "raw_files", "scan_raw"]
