from flows.core.text import span
from flows.extract.actions import split_actions


def _actions(after_trigger: str) -> list[str]:
    doc = "OIG recommended " + after_trigger
    return [a.text for a in split_actions(doc, span(doc, len("OIG recommended "), len(doc)))]


def test_by_gerund_enumeration_splits_into_actions():
    assert _actions("that ICE improve oversight by requiring annual training, tracking and verifying attendance "
                    "of all officers, and publishing quarterly metrics [4].") == [
        "requiring annual training", "tracking and verifying attendance of all officers", "publishing quarterly metrics"]


def test_base_verbs_after_subject_and_to():
    assert _actions("that ICE’s Enforcement and Removal Operations revise its inspection guide and to hire "
                    "two more inspectors.") == ["revise its inspection guide", "hire two more inspectors"]


def test_participial_modifier_is_not_a_new_action():
    assert _actions("that ICE develop a staffing plan, matching managers to agreements.") == [
        "develop a staffing plan, matching managers to agreements"]


def test_reason_clauses_and_parentheses_are_respected():
    assert _actions("ICE to update guidance (including, for example, use of force) because audits found gaps.") == [
        "update guidance (including, for example, use of force)"]


def test_no_action_when_no_verb_follows():
    assert _actions("about many topics over the years.") == []
