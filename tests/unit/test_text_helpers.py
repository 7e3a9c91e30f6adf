from flows.core.dates import find_dates
from flows.core.numbers import parse_number
from flows.core.report_ids import find_report_ids, normalise
from flows.core.text import paragraphs, sentences, span, strip_bullet

DOC = "Intro line.\n\n  • First bullet. Second sentence [2].\n  • Other bullet\n\nLast para."


def test_span_trims_and_keeps_exact_offsets():
    sp = span(DOC, 0, 14)
    assert sp.text == "Intro line." and DOC[sp.start:sp.end] == sp.text


def test_paragraphs_split_blank_lines_and_bullets():
    texts = [p.text for p in paragraphs(DOC)]
    assert texts == ["Intro line.", "• First bullet. Second sentence [2].", "• Other bullet", "Last para."]
    assert all(DOC[p.start:p.end] == p.text for p in paragraphs(DOC))


def test_sentences_keep_citation_markers_with_their_sentence():
    para = paragraphs(DOC)[1]
    got = [s.text for s in sentences(DOC, para)]
    assert got == ["• First bullet.", "Second sentence [2]."]
    assert strip_bullet(DOC, sentences(DOC, para)[0]).text == "First bullet."


def test_report_id_variants_normalise_and_typos_stay():
    text = "OIG-18-77, OIG 18-67, OIG–18–67, OIG‑19‑47, OIG-14-116 (Revised), OIG-17-98-SR and OIG-11-19"
    assert [r for _, _, r in find_report_ids(text)] == [
        "OIG-18-77", "OIG-18-67", "OIG-18-67", "OIG-19-47", "OIG-14-116", "OIG-17-98-SR", "OIG-11-19"]
    assert normalise("not an id") is None
    for s, e, _ in find_report_ids(text):
        assert text[s:e].startswith("OIG")


def test_dates_in_common_forms():
    found = find_dates("Checked on February 1, 2026; Oct. 14, 2019; 08/14/2023; 3 March 2011; in September of 2012")
    assert [(d.iso(), d.precision) for d in found] == [
        ("2026-02-01", "day"), ("2019-10-14", "day"), ("2023-08-14", "day"), ("2011-03-03", "day"),
        ("2012-09", "month")]


def test_numbers_words_digits_and_parenthesised():
    assert [parse_number(s) for s in ["seven (7)", "twenty", "1,822", "twenty-five", "40"]] == [7, 20, 1822, 25, 40]
    assert parse_number("several") is None


def test_a_list_of_recommendation_numbers_whose_commas_were_stripped():
    from flows.core.numbers import numbered
    assert numbered("we consider recommendations 1 2 and 3 resolved")[0][2] == [1, 2, 3]
    assert numbered("Recommendation 5 2025 report")[0][2] == [5]
