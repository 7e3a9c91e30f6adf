"""Write real PDFs for tests with fpdf2: text pages (with a Unicode TTF font when the machine
has one), an image-only page, an encrypted file and a corrupt one."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pdf() -> tuple[FPDF, str]:
    pdf = FPDF(format="letter")
    pdf.set_auto_page_break(False)
    if FONT.exists():
        pdf.add_font("body", fname=str(FONT))
        return pdf, "body"
    return pdf, "helvetica"


def write_text_pdf(pages: list[str], path: Path, encrypt: bool = False, size: float = 8.5) -> Path:
    """One PDF page per string, each line written where it is (up to 60 lines a page)."""
    pdf, font = _pdf()
    for page in pages:
        pdf.add_page()
        pdf.set_font(font, size=size)
        y = 12.0
        for line in page.split("\n"):
            pdf.set_xy(12, y)
            pdf.cell(0, 4, line if FONT.exists() else line.encode("latin-1", "replace").decode("latin-1"))
            y += 4.3
            if y > 270:
                break
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.output(str(path))
    return path


def write_image_only_pdf(path: Path) -> Path:
    pdf, _ = _pdf()
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    for i in range(20):
        pdf.rect(20, 20 + i * 11, 170, 6, style="F")  # lines of "text" drawn as shapes: no text layer
    pdf.output(str(path))
    return path


def write_corrupt_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref\n%%EOF")
    return path


def pdf_from_fixture(text_path: Path, out: Path) -> Path:
    """A real PDF of a fixture report: its form-feed-separated pages become PDF pages."""
    return write_text_pdf(text_path.read_text(encoding="utf-8").split("\f"), out)
