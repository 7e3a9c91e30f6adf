import random

from flows.core.clean import clean
from flows.ingest.html import html_text

PAGES = [
    "OFFICE OF INSPECTOR GENERAL\nOIG-20-11\nCover page",
    "OIG-20-11\nThe Office ofInspector General recom-\nmends that ICE track the ﬁles of every\nwww.oig.dhs.gov 2",
    "OIG-20-11\nofficer in eptember 2020; ICE concurred with recommendation 1.\nwww.oig.dhs.gov 3",
    "OIG-20-11\nLast page.\nwww.oig.dhs.gov 4",
]
RAW = "\f".join(PAGES)


def test_cleaned_view_joins_pages_hyphens_ligatures_and_words():
    text = clean(RAW).text
    assert "The Office of Inspector General recommends that ICE track the files of every\nofficer in September 2020" in text
    assert "www.oig.dhs.gov" not in text and text.count("OIG-20-11") == 1  # the cover keeps its id
    assert "ICE concurred with recommendation 1." in text  # prose is never taken for a running head


def test_every_cleaned_span_maps_back_inside_the_raw_text():
    c = clean(RAW)
    i = c.text.index("recommends that ICE track the files")
    s, e = c.to_raw(i, i + len("recommends that ICE track the files"))
    assert RAW[s:e] == "recom-\nmends that ICE track the ﬁles"
    rng = random.Random(7)
    for _ in range(500):
        a = rng.randrange(len(c.text))
        b = rng.randrange(a, len(c.text) + 1)
        s, e = c.to_raw(a, b)
        assert 0 <= s <= e <= len(RAW)


def test_plain_text_is_left_as_it_is():
    raw = "A plain page.\n\nWith two paragraphs [1]."
    c = clean(raw)
    assert c.text == raw and c.to_raw(0, len(raw)) == (0, len(raw))


def test_html_keeps_the_main_content_only():
    page = ("<html><head><title>T</title><script>var x = 'secret';</script><style>p{}</style></head><body>"
            "<header><h1>Site</h1></header><nav><a>Home</a></nav><div role='search'><input>Find</div>"
            "<main><h1>Report title</h1><p>First <b>para</b>.</p><ul><li>one</li><li>two</li></ul></main>"
            "<footer>Contact</footer></body></html>")
    assert html_text(page) == "Report title\n\nFirst para.\n\n• one\n\n• two\n"
    assert html_text("<html><body><p>No main element here.</p><script>x()</script></body></html>") == (
        "No main element here.\n")


TWO_COLUMNS = """DHS OIG HIGHLIGHTS

Why We Did                          What We Found
This Audit                          The Coast Guard did not record
We reviewed how the                 whether boat crews completed their
Coast Guard trains boat             annual drills, and 12 of 40 stations
crews at small stations.            kept no drill logs at all.

What We                             We recommend that the Coast Guard
Recommend                           (1) log every drill in one system
We made two                         and (2) audit station drill logs
recommendations.                    each year.

  Item                        | Figure
  Stations reviewed           | 40
  Stations without drill logs | 12
  Boats inspected             | 85
  Crews interviewed           | 61
"""


def test_two_columns_of_prose_are_read_one_after_the_other():
    """A page laid out in two columns (the right one starting at one position, after a gap) is read
    as its left column, then its right column, so a recommendation is one sentence again; every
    character keeps its raw position and a quote covers its passage; a table's rows are left alone."""
    c = clean(TWO_COLUMNS)
    assert "We recommend that the Coast Guard\n(1) log every drill in one system\nand (2) audit station drill logs" in c.text
    assert "We reviewed how the\nCoast Guard trains boat\ncrews at small stations." in c.text
    assert "  Stations reviewed           | 40" in c.text
    at = c.text.index("log every drill")
    a, b = c.to_raw(at, at + len("log every drill in one system"))
    assert TWO_COLUMNS[a:b] == "log every drill in one system"
    a, b = c.to_raw(c.text.index("(1) log"), c.text.index("each year.") + len("each year."))
    assert TWO_COLUMNS[a:b].startswith("(1) log every drill") and TWO_COLUMNS[a:b].endswith("each year.")
