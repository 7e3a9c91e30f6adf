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
