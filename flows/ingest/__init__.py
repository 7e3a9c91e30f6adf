"""Ingest: raw files -> `documents` and `document_texts` rows, refusing bad files by name."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from flows.ingest.catalogue import REFERENCE_DIR
from flows.ingest.decode import DEFAULT_MAX_BYTES, BadInput, decode
from flows.ingest.describe import find_published_on, find_publisher, find_title
from flows.ingest.genre import detect_genre
from flows.ingest.html import html_text
from flows.ingest.manifest import MANIFEST_NAME, ManifestEntry
from flows.ingest.pdf import pdf_text

MEDIA_TYPES = {".txt": "text/plain", ".text": "text/plain", ".pdf": "application/pdf",
               ".html": "text/html", ".htm": "text/html"}
GOV_PUBLISHERS = {"DHS OIG", "U.S. Immigration and Customs Enforcement"}
GENRE_PUBLISHERS = {"agency_page": "U.S. Immigration and Customs Enforcement",
                    "oig_report": "DHS OIG", "oig_listing": "DHS OIG"}


@dataclass(frozen=True)
class Ingested:
    document: dict
    text: str


def raw_files(raw: Path) -> list[Path]:
    """Every document file under raw/, sorted; the manifest and reference catalogues are not documents."""
    out = []
    for p in sorted(raw.rglob("*")):
        rel = p.relative_to(raw)
        if not p.is_file() or rel.parts[0] == REFERENCE_DIR or rel.as_posix() == MANIFEST_NAME:
            continue
        if any(part.startswith(".") for part in rel.parts):
            continue
        out.append(p)
    return out


def ingest_file(path: Path, raw: Path, manifest: dict[str, ManifestEntry],
                max_bytes: int = DEFAULT_MAX_BYTES) -> Ingested:
    """Read, decode and describe one raw file; raises BadInput with the reason when it cannot."""
    rel = path.relative_to(raw).as_posix()
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise BadInput(f"unsupported file type {path.suffix or '(none)'!r}: expected .txt, .pdf or .html")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BadInput(f"too large: {size:,} bytes, over the limit of {max_bytes:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"unreadable: {exc.strerror or exc}") from None
    if media_type == "application/pdf":
        text, encoding = pdf_text(data), "pdf"
    else:
        text, encoding = decode(data, max_bytes)
        if media_type == "text/html":
            text = html_text(text)
            if not text.strip():
                raise BadInput("empty: the HTML page has no main text")
    entry = manifest.get(rel, ManifestEntry(rel))
    genre = entry.genre_hint or detect_genre(text)
    publisher = entry.publisher or find_publisher(text) or GENRE_PUBLISHERS.get(genre)
    sha = hashlib.sha256(data).hexdigest()
    document = {
        "doc_id": sha[:16], "path": rel, "sha256": sha, "media_type": media_type, "encoding": encoding,
        "genre": genre, "title": find_title(text), "publisher": publisher,
        "published_on": find_published_on(text), "url": entry.url, "retrieved_on": entry.retrieved_on,
        "rights": "public-domain-us-gov" if publisher in GOV_PUBLISHERS else "third-party",
        "n_chars": len(text),
    }
    return Ingested(document, text)


__all__ = ["BadInput", "Ingested", "ingest_file", "raw_files"]
