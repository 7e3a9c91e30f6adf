"""Extractor for `agency_page`: ICE's own pages (fact sheets, program pages, FAQs, press
releases). They yield program facts and training requirements (the generic extractors),
the OIG recommendations the page restates (evidence `agency`) and the agency's claims about
them ("ICE has closed out all recommendations for both audits"), asserted by the agency;
where the page reports OIG's own determination ("OIG considers the recommendation
closed") the claim is OIG's. Claims are read by flows/extract/reported.py, with their scope:
"all recommendations for both audits" is one claim of scope `all` per audit, never a claim
about a recommendation the page does not identify.
"""

from __future__ import annotations

from flows.extract.model import Document, Extraction
from flows.extract.reported import extract_reported


def extract(doc: Document) -> Extraction:
    return extract_reported(doc, evidence="agency", asserted_by="agency")
