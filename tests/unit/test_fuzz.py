"""Property-based fuzz of every extractor and of ingest: on random text and random bytes
nothing raises except a reasoned BadInput, and every row's quote is exactly the text at its
offsets (hedge and subject inside the quote). OIGDATA_FUZZ_EXAMPLES sets the number of cases
(10,000 in all by default; raise it for a longer run)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.core.catalogue import CatalogueEntry
from flows.extract import extract_document
from flows.extract.model import Document
from flows.ingest import BadInput, ingest_file
from flows.ingest.decode import decode
from schemas.common import GENRES

TOTAL = int(os.environ.get("OIGDATA_FUZZ_EXAMPLES", "10000"))
def fuzz(share: float) -> settings:
    """A share of the cases, deterministic, no example database written, no per-case deadline."""
    return settings(max_examples=max(1, int(TOTAL * share)), deadline=None, database=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])

# Words and marks the extractors react to, so that random documents reach their rules.
TOKENS = ["Recommendation", "Recommendations", "1", "2", "3", "12", "through", "and", "#4", "OIG", "OIG-18-77",
          "OIG 18-67", "OIG–10–124", "OIG-11-19", "concurred", "did not concur", "partially concurred", "resolved",
          "unresolved", "open", "closed", "remain open", "or only partly implemented", "many", "several", "all",
          "both", "4 of 5", "recommended that ICE", "ICE", "CBP", "287(g)", "training", "refresher", "every two years",
          "four weeks", "IADP", "program managers", "seven (7)", "as of March 2024", "September 2018", "report",
          "the staffing recommendation", "this recommendation", "Status:", "Component response:", "We recommend",
          "MEMORANDUM FOR:", "SUBJECT:", "FROM:", "OIG Analysis", "[1]", "[2]", "•", "ﬁ", "‑", "—", ";", ",", ".",
          ":", "?", "\n", "\n\n", "\f", " ", "  ", "“", "”", "’", "(", ")", "\u00a0", "é", "\x00"]
texts = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=120).map(" ".join)
CATALOGUE = (CatalogueEntry("OIG-18-77", "Lack of Planning Hinders Effective Oversight and Management of ICE's "
                                         "Expanding 287(g) Program", None),
             CatalogueEntry("OIG-11-119", "The Performance of 287(g) Agreements FY 2011 Update", None))


def _check_rows(text: str, ex) -> None:
    for table in ("recommendations", "status_events", "program_facts", "training_requirements", "report_mentions"):
        for row in getattr(ex, table):
            assert 0 <= row["start"] <= row["end"] <= len(text)
            assert text[row["start"]:row["end"]] == row["quote"], (table, row)
    for e in ex.status_events:
        for words in (e["hedge"], e["subject_text"]):
            assert words is None or words in e["quote"]


@fuzz(0.6)
@given(text=texts, genre=st.sampled_from(GENRES))
def test_every_extractor_on_random_text(text, genre):
    _check_rows(text, extract_document(Document("f" * 16, text, genre, None, CATALOGUE)))


@fuzz(0.3)
@given(data=st.binary(max_size=2000))
def test_decode_on_random_bytes(data):
    try:
        text, encoding = decode(data)
    except BadInput as exc:
        assert exc.reason
    else:
        assert isinstance(text, str) and encoding


@fuzz(0.1)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".pdf"]))
def test_ingest_on_random_files(tmp_path_factory, data, suffix):
    raw = tmp_path_factory.mktemp("raw")
    path = raw / f"doc{suffix}"
    path.write_bytes(data if suffix != ".pdf" else b"%PDF-1.4\n" + data)
    try:
        ing = ingest_file(path, raw, {})
    except BadInput as exc:
        assert exc.reason
    else:
        assert ing.document["n_chars"] == len(ing.text) and ing.document["path"] == f"doc{suffix}"
