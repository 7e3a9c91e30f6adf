"""PDF to text with pypdfium2 (PDFium, the engine in Chrome; Apache-2.0/BSD-3).

Chosen for speed (C++, no Python layout pass), faithful reading order on the single-column
layouts OIG uses, and a permissive licence; pdfminer-based libraries are pure Python and
several times slower, PyMuPDF is AGPL. Pages are joined with a form feed so that every
offset maps to a page, and each page's text is exactly what PDFium returns (with CRLF
turned into LF), so the published text is reproducible from the PDF.
"""

from __future__ import annotations

import threading

from flows.ingest.decode import BadInput

MIN_CHARS_PER_PAGE = 20
# PDFium is not thread-safe: called from several threads at once it gives different answers
# (and refusal reasons) run to run. One document at a time per process; processes run in parallel.
_PDFIUM = threading.Lock()


def pdf_text(data: bytes) -> str:
    """The text of every page, pages separated by "\\f"; BadInput for encrypted, image-only
    or corrupt files."""
    if not data.lstrip().startswith(b"%PDF"):
        raise BadInput("corrupt PDF: no %PDF header")
    with _PDFIUM:
        pages = _pages(data)
    if not pages:
        raise BadInput("corrupt PDF: no pages")
    visible = sum(len("".join(p.split())) for p in pages)
    if visible < MIN_CHARS_PER_PAGE * len(pages):
        raise BadInput(f"image-only PDF: {len(pages)} page(s) but no text layer (OCR is not supported)")
    return "\f".join(pages)


def _pages(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower() or "security" in msg.lower():
            raise BadInput("encrypted PDF: it needs a password to open") from None
        raise BadInput(f"corrupt PDF: {msg}") from None
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise BadInput(f"corrupt PDF: {exc}") from None
    finally:
        pdf.close()
    return pages
