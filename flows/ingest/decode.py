"""Bytes to text, refusing what is not a readable text document.

Every refusal is a `BadInput` with a reason a person can act on; the refresh reports it by
file name and goes on with the other files.
"""

from __future__ import annotations

import unicodedata

from flows.limits import MAX_DOCUMENT_BYTES as DEFAULT_MAX_BYTES


class BadInput(Exception):
    """A raw file that cannot be ingested; `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))


def decode(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """(text, encoding) of a text file; BadInput when empty, too large, binary or undecodable."""
    if len(data) > max_bytes:
        raise BadInput(f"too large: {len(data):,} bytes, over the limit of {max_bytes:,}")
    if not data.strip():
        raise BadInput("empty: no text in the file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise BadInput(f"undecodable: malformed UTF-16 ({exc.reason} at byte {exc.start})") from None
    elif b"\x00" in data[:65536]:
        raise BadInput("binary: the file contains NUL bytes")
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as exc:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            if best is None or best.encoding is None:
                raise BadInput(f"undecodable: not UTF-8 ({exc.reason} at byte {exc.start}) "
                               "and no other encoding fits") from None
            text, encoding = str(best), best.encoding
    if _control_ratio(text) > 0.01:
        raise BadInput(f"binary: too many control characters after decoding as {encoding}")
    if not text.strip():
        raise BadInput("empty: only white space")
    return text, encoding
