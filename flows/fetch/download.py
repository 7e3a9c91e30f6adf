"""Download one report PDF or a listing page, within limits: a size limit, a deadline for the
whole transfer however slowly bytes arrive, redirects only within the same host (the final URL
is what gets recorded), a body that must match its declared length, and a PDF that must open."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from flows.limits import FETCH_FILE_DEADLINE, FETCH_TIMEOUT, MAX_DOCUMENT_BYTES, MAX_LISTING_BYTES

DEFAULT_MAX_BYTES = MAX_DOCUMENT_BYTES
DEFAULT_TIMEOUT = FETCH_TIMEOUT
MAX_REDIRECTS = 5


class FetchError(Exception):
    """A download that must not be retried (wrong type, too large, not found)."""


class TransientFetchError(Exception):
    """A download that may succeed if tried again (timeout, connection error, 5xx)."""


def _same_host(a: str, b: str) -> bool:
    return urlsplit(a).hostname == urlsplit(b).hostname


def _open(client: httpx.Client, url: str) -> tuple[httpx.Response, str]:
    """The response after following redirects within the same host, and its final URL."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        r = client.send(client.build_request("GET", current), stream=True)
        if r.is_redirect:
            target = str(r.next_request.url) if r.next_request else ""
            r.close()
            if not target or not _same_host(url, target):
                raise FetchError(f"redirected to another host ({urlsplit(target).hostname or '?'}): not followed")
            current = target
            continue
        return r, current
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _body(r: httpx.Response, limit: int, deadline: float, sink) -> int:
    """Stream the body into sink(chunk) within the size limit and the deadline; check it
    against Content-Length. Returns the number of bytes."""
    declared = r.headers.get("content-length")
    declared_n = int(declared) if declared and declared.isdigit() else None
    if declared_n is not None and declared_n > limit:
        raise FetchError(f"too large: {declared_n:,} bytes, over the limit of {limit:,}")
    size = 0
    for chunk in r.iter_raw():
        size += len(chunk)
        if size > limit:
            raise FetchError(f"too large: over the limit of {limit:,} bytes")
        if time.monotonic() > deadline:
            raise TransientFetchError("too slow: the transfer passed its deadline")
        sink(chunk)
    if declared_n is not None and size != declared_n and not r.headers.get("content-encoding"):
        raise TransientFetchError(f"body of {size:,} bytes where Content-Length says {declared_n:,}")
    return size


def fetch_text(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_LISTING_BYTES,
               deadline_s: float = FETCH_FILE_DEADLINE) -> str:
    """A listing page's text, within the listing size limit and a deadline."""
    parts: list[bytes] = []
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False) as client:
            r, _ = _open(client, url)
            try:
                if r.status_code >= 500:
                    raise TransientFetchError(f"{url}: HTTP {r.status_code}")
                if r.status_code != 200:
                    raise FetchError(f"{url}: HTTP {r.status_code}")
                _body(r, max_bytes, time.monotonic() + deadline_s, parts.append)
                encoding = r.charset_encoding or "utf-8"
            finally:
                r.close()
    except httpx.HTTPError as exc:
        raise TransientFetchError(f"{url}: {type(exc).__name__}") from None
    return b"".join(parts).decode(encoding, errors="replace")


def download_pdf(url: str, dest: Path, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT,
                 deadline_s: float = FETCH_FILE_DEADLINE) -> tuple[str, str]:
    """Stream url into dest (via a temporary file); returns (sha256, final URL)."""
    tmp = dest.with_name(dest.name + ".part")
    digest = hashlib.sha256()
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False) as client:
            r, final = _open(client, url)
            try:
                if 400 <= r.status_code < 500:
                    raise FetchError(f"HTTP {r.status_code}")
                if r.status_code >= 500:
                    raise TransientFetchError(f"HTTP {r.status_code}")
                ctype = r.headers.get("content-type", "").split(";")[0].strip().lower()
                if ctype not in ("application/pdf", "application/x-pdf"):
                    raise FetchError(f"wrong content type {ctype or '(none)'}: expected application/pdf")
                with tmp.open("wb") as fh:
                    def sink(chunk: bytes) -> None:
                        digest.update(chunk)
                        fh.write(chunk)
                    _body(r, max_bytes, time.monotonic() + deadline_s, sink)
            finally:
                r.close()
    except httpx.TimeoutException:
        tmp.unlink(missing_ok=True)
        raise TransientFetchError("timed out") from None
    except httpx.HTTPError as exc:
        tmp.unlink(missing_ok=True)
        raise TransientFetchError(type(exc).__name__) from None
    except (FetchError, TransientFetchError):
        tmp.unlink(missing_ok=True)
        raise
    reason = _not_a_pdf(tmp)
    if reason:
        tmp.unlink(missing_ok=True)
        raise FetchError(reason)
    tmp.replace(dest)
    return digest.hexdigest(), final


def _not_a_pdf(path: Path) -> str | None:
    """Why the file is not a PDF that ingest could read, or None."""
    with path.open("rb") as fh:
        if not fh.read(5).startswith(b"%PDF"):
            return "not a PDF: no %PDF header"
    from flows.ingest.decode import BadInput
    from flows.ingest.pdf import pdf_text

    try:
        pdf_text(path.read_bytes())
    except BadInput as exc:
        return f"not a usable PDF: {exc.reason}"
    return None
