"""Representation forms a raw text arrives in, undone at ingest so that the published text is
the document's own words.

- `bytes_repr`: a whole text saved as a Python bytes literal (b'...\\n...\\x0c...\\xef\\xac\\x81'),
  as scrapers dump it: read with `ast.literal_eval` (literals only, nothing runs) and decoded.
- `mojibake`: UTF-8 text that was decoded as cp1252 on its way ("ICEâ€™s"): repaired with ftfy's
  `fix_encoding` (only the encoding; quotes, ligatures and widths are left as they are).
Detected here and undone in the cleaned view the extractors read (flows/core/clean.py), so the
published text stays as it came:
- `court_header`: a court's header line on every page of an exhibit;
- `entities_as_words`: HTML entity names left as words ("ICErsquos");
- `host_chrome`: a document-host site's page around the text (page markers, view counts, "Embed");
- `run_together_words`: words run together ("ICEdid not concur"), split with wordninja.
The forms found are recorded in `documents.forms`.
"""

from __future__ import annotations

import ast
import re

import ftfy
from ftfy.badness import is_bad

from flows.core.clean import COURT_HEADER_RE, ENTITY_WORD_RE, GLUED_RE, HOST_CHROME_RE, unglue

_BYTES_REPR_RE = re.compile(r"\A\s*b(['\"])[\s\S]*\1\s*\Z")
_ESCAPES_RE = re.compile(r"\\(?:n|x[0-9a-fA-F]{2}|t|r)")


def undo_forms(text: str) -> tuple[str, list[str]]:
    """The text with representation forms undone, and the forms found (in vocabulary order)."""
    forms = []
    if _BYTES_REPR_RE.match(text) and len(_ESCAPES_RE.findall(text[:5000])) >= 2:
        try:
            data = ast.literal_eval(text.strip())
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            data = None
        if isinstance(data, bytes):
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252", errors="replace")
            forms.append("bytes_repr")
    if is_bad(text):  # UTF-8 read as cp1252 somewhere upstream ("ICEâ€™s"): the document's own characters
        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            text = fixed
            forms.append("mojibake")
    if len(COURT_HEADER_RE.findall(text)) >= 2:
        forms.append("court_header")
    if len(ENTITY_WORD_RE.findall(text)) >= 2:
        forms.append("entities_as_words")
    if len(HOST_CHROME_RE.findall(text)) >= 3:
        forms.append("host_chrome")
    if sum(unglue(w) != w for w in set(GLUED_RE.findall(text))) >= 2:
        forms.append("run_together_words")
    return text, forms
