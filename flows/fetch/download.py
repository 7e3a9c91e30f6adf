"""Download one report PDF: content type and size checked, written atomically."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0


class FetchError(Exception):
    """A download that must not be retried (wrong type, too large, not found)."""


class TransientFetchError(Exception):
    """A download that may succeed if tried again (timeout, connection error, 5xx)."""


def fetch_text(url: str, timeout: float = DEFAULT_TIMEOUT) -> str:
    try:
        r = httpx.get(url, timeout=timeout, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise TransientFetchError(f"{url}: {type(exc).__name__}") from None
    if r.status_code != 200:
        raise FetchError(f"{url}: HTTP {r.status_code}")
    return r.text


def download_pdf(url: str, dest: Path, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT) -> str:
    """Stream url into dest (via a temporary file) and return its sha256."""
    tmp = dest.with_name(dest.name + ".part")
    digest = hashlib.sha256()
    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as r:
            if r.status_code == 404 or 400 <= r.status_code < 500:
                raise FetchError(f"HTTP {r.status_code}")
            if r.status_code >= 500:
                raise TransientFetchError(f"HTTP {r.status_code}")
            ctype = r.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype not in ("application/pdf", "application/x-pdf"):
                raise FetchError(f"wrong content type {ctype or '(none)'}: expected application/pdf")
            declared = int(r.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise FetchError(f"too large: {declared:,} bytes, over the limit of {max_bytes:,}")
            size = 0
            with tmp.open("wb") as fh:
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"too large: over the limit of {max_bytes:,} bytes")
                    digest.update(chunk)
                    fh.write(chunk)
    except httpx.TimeoutException:
        tmp.unlink(missing_ok=True)
        raise TransientFetchError("timed out") from None
    except httpx.HTTPError as exc:
        tmp.unlink(missing_ok=True)
        raise TransientFetchError(type(exc).__name__) from None
    except FetchError:
        tmp.unlink(missing_ok=True)
        raise
    if not tmp.read_bytes()[:5].startswith(b"%PDF"):
        tmp.unlink(missing_ok=True)
        raise FetchError("not a PDF: no %PDF header")
    tmp.replace(dest)
    return digest.hexdigest()
