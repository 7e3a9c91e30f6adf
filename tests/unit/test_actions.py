from flows.core.text import span
from flows.extract.actions import split_actions, starts_with_verb


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


def test_verbs_sharing_one_object_are_one_action():
    assert _actions("that DHS create an office to collect and analyze use-of-force data.") == [
        "create an office to collect and analyze use-of-force data"]
    assert _actions("that CBP review and update its policy, and train its officers.") == [
        "review and update its policy", "train its officers"]


def test_dictionary_verbs_open_lower_case_items_only():
    # "bar" and "recertify" are in no hand list; the dictionary knows them as verbs
    assert starts_with_verb("bar instructors with expired certifications from teaching")
    assert starts_with_verb("recertify every instructor each year")
    # adverbs and adjectives that are also verbs, and capitalised cells, do not open actions
    assert not starts_with_verb("still shown as open when we checked")
    assert not starts_with_verb("Open – Resolved")
    assert not starts_with_verb("ICE Did Not Consistently Document Transfers")
    assert not starts_with_verb("recommend that the FLETC Director")


def test_a_lead_ending_in_a_preposition_is_not_an_action():
    assert _actions("that CBP strengthen controls by:") == []


def test_training_opens_an_action_only_with_someone_to_train():
    assert starts_with_verb("training officers at land ports on basic searches")
    assert not starts_with_verb("training records in three systems")
