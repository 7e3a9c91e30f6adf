"""Find report PDFs on an OIG listing page, with the report id each one belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from flows.core.report_ids import find_report_ids, normalise

# OIG's own list of reports about ICE; `oigdata fetch --listing-url` or OIGDATA_LISTING_URL overrides it.
DEFAULT_LISTING_URL = ("https://www.oig.dhs.gov/reports/audits-inspections-and-evaluations"
                       "?field_dhs_agency_target_id=All&field_oversight_area_target_id=All&combine=ICE")


@dataclass(frozen=True)
class Link:
    report_id: str
    url: str


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (href, text around it)
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join(self._text)))
            self._href = None


def pdf_links(html: str, base_url: str) -> list[Link]:
    """Report PDFs linked from the page, one per report id (first link wins), in page order.
    The id comes from the link text, else from the file name (oig-18-77-sep18.pdf)."""
    parser = _Links()
    parser.feed(html)
    out: dict[str, Link] = {}
    for href, text in parser.links:
        if not href or not re.search(r"\.pdf(?:$|[?#])", href, re.IGNORECASE):
            continue
        found = find_report_ids(text) or find_report_ids(re.sub(r"(?i)oig[-_](\d\d)[-_](\d{2,3})", r"OIG-\1-\2",
                                                                href.rsplit("/", 1)[-1]))
        rid = found[0][2] if found else None
        if rid and normalise(rid) and rid not in out:
            out[rid] = Link(rid, urljoin(base_url, href))
    return list(out.values())
