"""HTML to text: the page's main content only, without navigation, scripts or styles.

Standard library only (html.parser): the pages we read are simple, and a browser-grade
parser would add weight without changing the text. Block elements become line breaks,
list items become "• " lines, so the genre extractors see the same shapes as in text files.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button",
        "iframe", "select", "head"}
BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
         "tr", "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption", "br", "hr", "li", "td", "th"}
MAIN = ("main", "article")
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []  # tags whose content is being skipped, innermost last
        self.main_depth = 0
        self.main_parts: list[str] = []
        self.cells_in_row = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        roles = {v for k, v in attrs if k == "role"}
        if self.skip or tag in SKIP or roles & {"navigation", "banner", "contentinfo", "search"}:
            if tag not in VOID:
                self.skip.append(tag)
            return
        if tag in MAIN or "main" in roles:
            self.main_depth += 1
        if tag in ("td", "th") and self.cells_in_row:
            self._emit(" | ")  # table cells stay on one line, as in text pages
        elif tag in BLOCK and tag not in ("td", "th"):
            self._emit("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "section", "article", "table") else "\n")
        if tag == "tr":
            self.cells_in_row = 0
        if tag in ("td", "th"):
            self.cells_in_row += 1
        if tag == "li":
            self._emit("• ")

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in BLOCK and tag not in ("td", "th"):
            self._emit("\n")
        if tag in MAIN and self.main_depth:
            self.main_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self._emit(re.sub(r"\s+", " ", data))

    def _emit(self, s: str) -> None:
        if self.skip:
            return
        self.parts.append(s)
        if self.main_depth:
            self.main_parts.append(s)


def html_text(markup: str) -> str:
    """Readable text of the main content (<main>/<article> when present, else the body)."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    body = "".join(parser.main_parts) if "".join(parser.main_parts).strip() else "".join(parser.parts)
    lines = [ln.strip() for ln in body.splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text + "\n" if text else ""
