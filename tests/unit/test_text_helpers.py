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


def test_a_short_prose_paragraph_is_not_read_line_by_line():
    """Lines are sentences only where punctuation was stripped (a transcript) or in a table; a
    short paragraph of prose wrapped over six lines with one full stop is one sentence."""
    from flows.core.text import Segmented
    prose = ("The OIG's three recommendations focus on records, training capacity, and\n"
             "headquarters oversight; specifically, the OIG recommended that TSA reconcile its\n"
             "FFDO deputation roster with firearms requalification results every month, expand\n"
             "recurrent training capacity so that officers can requalify within the month they\n"
             "are due, and designate a headquarters official to review field office compliance\n"
             "each quarter.")
    assert len(Segmented.of(prose).sentences) == 1
    table = ("Training report, 2018   | OIG-18-77   | All 5 recommendations closed\n"
             "Update, 2013            | OIG-13-116  | 2 of 3 recommendations closed\n"
             "Performance review 2010 | OIG-10-63   | All 33 recommendations closed\n"
             "Follow-up review 2012   | OIG-12-130  | All 2 recommendations closed\n"
             "Oversight report 2017   | OIG-17-119  | All 4 recommendations closed\n"
             "Inspections report 2018 | OIG-18-67   | All 7 recommendations closed.")
    assert 400 < len(table) < 600 and len(Segmented.of(table).sentences) == 6
