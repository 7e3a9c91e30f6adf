"""Split a reported recommendation into its recommended actions.

"recommended that ICE strengthen oversight by mandating X, tracking and verifying Y, and
establishing Z" holds three actions. The rules: skip the subject ("that ICE and other DHS
components", "ICE to"), prefer what follows "by <verb>ing", stop at a clause that gives a
reason ("because", "—"), and cut the rest at commas and "and"s that are followed by a verb.
"""

from __future__ import annotations

import functools
import itertools
import re

from lemminflect import getAllLemmas

from flows.core.text import Span, span

# load lemminflect's dictionary now, at import: the extraction fork server preloads this module, so
# every child forked for a document shares the loaded dictionary instead of reading it again (0.14 s)
getAllLemmas("be")

BASE_VERBS = frozenset("""
    add address adopt align assess assign audit build clarify close collect complete conduct consider coordinate create
    allocate analyze communicate designate fund keep limit modernize obtain prohibit reduce remove replace upgrade
    validate work get make give hold put stop start fix hire
    define deliver designate determine develop document enforce ensure establish evaluate expand finalize
    formalize hire identify implement improve incorporate increase issue maintain mandate measure monitor
    perform plan prioritize provide publish reassess reevaluate reinstate report require review revise
    set staff standardize strengthen tie track train update use verify institute integrate
    recover recoup reconcile notify inspect reinspect re-inspect block write publish transfer survey retire migrate
    charter deploy require reassign restore resume suspend terminate withhold collect disburse reimburse examine
    investigate coordinate consolidate centralize digitize automate assign adjust align apply approve
    certify communicate compile confirm correct demonstrate design direct disseminate distribute educate
    eliminate enhance estimate expedite explore extend facilitate follow formulate grant guide include inform
    initiate instruct interview inventory justify leverage locate manage mitigate notify oversee pilot post prepare
    prevent procure promote protect pursue quantify reach reconsider record reevaluate refine reinforce
    reissue renew reorganize repair request research resolve retain return revisit safeguard schedule secure seek
    select separate share simplify specify streamline submit supervise support test transition upgrade vet
    compare install prohibit conduct narrow broaden expand limit assess fix clarify rewrite redesign
    """.split())
NOT_ACTION_ING = frozenset("""training during including following regarding concerning according being
    having nothing something anything everything bring string spring ring king thing morning building
    funding""".split())

# base forms the dictionary also knows as verbs but that open noun phrases and clauses here
NOT_BASE_VERBS = frozenset("""be have do will can may might shall would could should must need
    the a an all any each every no one two three four five six seven eight nine ten data
    state states officer officers staff field program record records report reports process
    contract contracts plan plans rate rates recommend concur agree""".split())

DETERMINERS = frozenset("the a an its their this that these those each every".split())
SUBJECT_WORDS = frozenset("""that for the its their it they we us our agency agencies department component components
    director office offices program leadership officials management field and of other each every all should must
    would to also then further better more needed needs""".split())
# the specific actions of a general one: "strengthen oversight by mandating …", "tighten control of
# the program, including updating …, ensuring …"
# who reports OIG's words in a clause of its own: "…, and it called on the agency to …"
REPORTER = r"(?:it|they|OIG|the\s+(?:OIG|report|watchdog|inspector\s+general|office|auditors|review))"
BY_RE = re.compile(r"\b(?:by|including)\s+(?=\w+ing\b)", re.IGNORECASE)
CUT_RE = re.compile(
    r"\s*(?:—|–\s|\s-\s|;|,?\s+because\b|,?\s+since\b|,\s+which\b|,\s+so that\b|,\s+citing\b|,\s+after\b"
    r"|,?\s+rather than\b|,?\s+instead of\b|,\s+according to\b|,\s+(?:remains?|is|are|was|were|has\s+been)\s+(?:now\s+|still\s+)?(?:resolved|unresolved|open|closed)\b|[,.]?[”\"](?=\s+(?:said|says|added|wrote|told)\b)"
    rf"|,?\s+and\s+{REPORTER}\s+(?:also\s+)?"
    r"(?:called|urged|asked|told|recommended|said|wants|wanted|directed|pressed|advised)\b"  # another reported clause
    r"|,\s+noting\b|,\s+arguing\b|,\s+but\b|\s+but\s+|,\s+though\b|\.?\s*\[\d)", re.IGNORECASE)
ITEM_LEAD_RE = re.compile(r"^(?:(?:and|or|then|also|to|and\s+then|and\s+to|as\s+well\s+as|should|must|(?:it|they)\s+should)\s+)+",
                          re.IGNORECASE)
ADVERB_RE = re.compile(r"^(?:\w+ly\s+)")
# an action with no object of its own ("fix what it found", "address them") recommends nothing in particular
VAGUE_RE = re.compile(r"^(?:make\s+sure|ensure)\s+(?:it|they)\s+(?:\w+\s+){0,2}\w+\W*$|^\w+\s+(?:what\s+it\s+found|what\s+\w+\s+found|them|it|those|these|the\s+(?:problems?|issues?|"
                      r"deficiencies|weaknesses|findings?))(?:\s+\w+ly)?\s*\W*$", re.IGNORECASE)


def is_verb(word: str, lexicon: bool = False, capitalised: bool = False) -> bool:
    """Whether a word opens an action. BASE_VERBS are the verbs recommendations open with;
    with `lexicon`, any English verb in its base form counts too ("bar instructors from …",
    "recertify"), from lemminflect's dictionary, for places where the position already says
    an action must start (a list item, the words after "should"), and only in lower case."""
    w = word.lower().strip("“\"'(")
    if w in BASE_VERBS:
        return True
    if w.endswith("ing") and len(w) > 5 and w not in NOT_ACTION_ING:
        return True
    if w.startswith("re") and (w[2:] in BASE_VERBS or (w[3:] in BASE_VERBS and w[2] == "-")):
        return True  # "retrain", "recertify", "re-inspect"
    # only a lower-case word: capitalised ones open titles and cells ("Open – Resolved", "ICE Did …"),
    # unless a record's label already says an action follows ("Recommendation 4: Configure …")
    return lexicon and (word[:1].islower() or (capitalised and not word.isupper())) and _base_form_verb(w)


@functools.cache
def _base_form_verb(w: str) -> bool:
    if w.startswith("re-") and w[3:].isalpha():
        return _base_form_verb(w[3:])  # "re-test", "re-inspect"
    for prefix in ("de", "dis", "pre", "un", "co"):  # "deobligate", "prequalify": a prefix on a verb
        rest = w[len(prefix):]
        if w.startswith(prefix) and len(rest) > 4 and (rest in BASE_VERBS or rest in getAllLemmas(rest).get("VERB", ())) \
                and not getAllLemmas(w):
            return True
    if not w.isalpha() or w in NOT_BASE_VERBS:
        return False
    lemmas = getAllLemmas(w)
    if w in lemmas.get("VERB", ()) and not {"ADV", "ADJ"} & lemmas.keys():  # not "still", "even", "last"
        return True
    return w.startswith("re") and len(w) > 5 and _base_form_verb(w[2:])  # "recertify", "retrain"


def starts_with_verb(s: str, labelled: bool = False) -> bool:
    """Whether s opens with an action's verb. `labelled`: a record's label ("Recommendation 4:")
    already says an action follows, so a capitalised dictionary verb counts too."""
    s = ITEM_LEAD_RE.sub("", s.strip())
    words = s.split(None, 1)
    s = ADVERB_RE.sub("", s, count=1) if words and not is_verb(words[0], True, labelled) else s
    words = s.split(None, 1)  # a line break can follow the first word
    if words and words[0].lower() == "training" and len(words) > 1:
        return bool(TRAINED_RE.match(words[1]))  # "training officers at land ports", not "training records"
    return bool(words) and is_verb(words[0], lexicon=True, capitalised=labelled)


# who or what is trained: "training officers …", "training its staff …"
TRAINED_RE = re.compile(r"(?:its|their|all|every|each|the|new|staff|officers?|agents?|employees|personnel|inspectors|"
                        r"supervisors|instructors|adjudicators|screeners|deputies|analysts|managers|crews?|members)\b",
                        re.IGNORECASE)


def skip_subject(doc: str, start: int, end: int) -> int:
    """Position of the first verb after a subject such as "that ICE's Enforcement and Removal
    Operations should" (capitalised names, possessives and function words), or `start`."""
    aside = ASIDE_RE.match(doc, start, end)  # "recommended, among other things, that TSA set …"
    if aside:
        start = aside.end()
    modal = SUBJECT_MODAL_RE.match(doc, start, end)  # "that the service should build …"
    if modal and is_verb((doc[modal.end():end].split() or [""])[0], lexicon=True):
        return modal.end()
    pos = start
    lead = re.match(r"\s*(\w+ly)\s+(\S+)", doc[start:end])  # "Independently re-test …" keeps its adverb
    if lead and is_verb(lead.group(2)):
        return start + lead.start(1)
    prev, named = "", False
    # "that TSA tighten …", also when the trigger took the "that": "recommended that | USCIS immediately move …"
    subjunctive = bool(re.match(r"\s*that\s", doc[start:end]) or re.search(r"\bthat\s*$", doc[max(0, start - 8):start]))
    for m in re.finditer(r"\S+", doc[start:end]):
        word = m.group(0)
        if is_verb(word) and not (word[0].isupper() and m.start() > 0) and prev not in DETERMINERS:
            return start + m.start()  # not after "the": "The report makes …" opens no action
        if prev == "to" and word.isalpha() and word.islower() and word not in NOT_BASE_VERBS:
            return start + m.start()  # "asked FEMA to deobligate …": the word after "to" is the verb
        if subjunctive and named and prev not in DETERMINERS and word.islower() and is_verb(word, lexicon=True):
            return start + m.start()  # "that TSA tighten …": a base-form verb after a named subject
        prev = word.lower()
        bare = word.lower().strip(",").removesuffix("’s").removesuffix("'s")
        named = named or word[0].isupper() or bare in ("it", "they")
        if not (word[0].isupper() or bare in SUBJECT_WORDS or (subjunctive and named and bare.endswith("ly"))):
            break  # (an adverb may stand between the subject and its verb: "that USCIS immediately move …")
        if m.start() > 80:
            return pos
    # a named addressee with a common noun before "to": "Coast Guard headquarters to come up with …"
    addressed = ADDRESSEE_TO_RE.match(doc, start, end)
    if addressed and is_verb(addressed["verb"], lexicon=True):
        return addressed.start("verb")
    return pos


# an addressee of a few words, then "to" and the verb ("the service to set", "Coast Guard headquarters to
# come up with"), none of the words a verb of its own
ADDRESSEE_TO_RE = re.compile(r"\s*(?:(?:that|the|its|their)\s+)?(?:(?:(?-i:[A-Z])[\w.’'&-]*\s+){1,4}|(?:(?-i:[A-Z])[\w.’'&-]*\s+){0,3}"
                             r"(?:[a-z][\w’'-]*\s+)?(?:service|bureau|agency|department|component|directorate|office|"
                             r"headquarters|officials|leaders|leadership|managers|administrator|director|secretary|"
                             r"commissioner|chief|commandant|division|center|academy|staff|personnel)\s+)"
                             r"to\s+(?P<verb>[a-z][\w-]*)")


ASIDE_RE = re.compile(r"\s*,\s*(?:among other things|in part|for example|for instance|in particular|specifically|"
                      r"also|again|further|moreover|in addition)\s*,\s*", re.IGNORECASE)
SUBJECT_MODAL_RE = re.compile(r"\s*(?:and\s+)?that\s+(?:the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,3}?"
                              r"(?:should|must|needs?\s+to)\s+(?:also\s+)?", re.IGNORECASE)


MODAL_LEAD_RE = re.compile(r"\s*(?:and\s+|or\s+)?(?:(?:it|they)\s+)?(?:should|must)\s", re.IGNORECASE)


def _split_points(doc: str, start: int, end: int) -> list[int]:
    """Positions where a new action starts: after a top-level comma or before 'and <verb>',
    when the new action has the form of the first (gerund lists split on gerunds only)."""
    first = (ITEM_LEAD_RE.sub("", doc[start:end].strip()).split(None, 1) or [""])[0].lower()
    gerunds = first.endswith("ing")

    def parallel(rest: str) -> bool:
        # after "and it should", "and must" any verb in its base form starts the next action
        modal_led = bool(MODAL_LEAD_RE.match(rest))
        rest = ITEM_LEAD_RE.sub("", rest.strip())
        modal = SUBJECT_MODAL_RE.match(rest)  # ", and that the service should build …"
        if modal:
            rest = rest[modal.end():]
        m = re.match(r"(?:that\s+)?(?:(?:it|ICE|they|the agency)\s+)?(?:\w+ly\s+)?(\S+)", rest, re.IGNORECASE)
        word = m.group(1).lower() if m else ""
        return is_verb(word, lexicon=modal_led) and word.endswith("ing") == gerunds

    points = []
    depth = 0
    i = start
    while i < end:
        ch = doc[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch == ",":
            if parallel(doc[i + 1:end]):
                points.append(i + 1)
        elif depth == 0 and (doc.startswith(" and ", i) or doc.startswith(" or ", i)):
            rest = doc[i + 1:end]
            prev_words = doc[points[-1] if points else start:i].split()
            # "an office to collect and analyze data": two verbs sharing one object
            shared_object = prev_words[-2:-1] == ["to"] and is_verb(prev_words[-1], lexicon=True)
            if parallel(rest) and len(prev_words) >= 2 and not shared_object:
                points.append(i + 1)
        i += 1
    return points


# an inline enumeration: "(1) designate …; (2) reconcile …; and (3) revise …", "a) … b) …"
ENUM_RE = re.compile(r"(?:(?<=[\s:;,])|^)\(?(?P<m>\d{1,2}|[a-h])\)\s+(?=\S)")


def _enumerated(doc: str, region: Span) -> list[Span]:
    """The items of an inline enumeration counting up from 1 or a, if the region holds one."""
    marks, expected = [], None
    for m in ENUM_RE.finditer(doc, region.start, region.end):
        key = m["m"]
        first = key in ("1", "a")
        if expected is None and first:
            marks, expected = [m], key
        elif expected is not None and key == (str(int(expected) + 1) if expected.isdigit() else chr(ord(expected) + 1)):
            marks.append(m)
            expected = key
    if len(marks) < 2:
        return []
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else region.end
        sp = span(doc, m.end(), end)
        tail = re.search(r"[\s;,.]*(?:\band\b|\bor\b)?[\s;,.]*$", sp.text)
        sp = span(doc, sp.start, sp.end - len(tail.group(0)) if tail else sp.end)
        sp = span(doc, skip_subject(doc, sp.start, sp.end), sp.end)
        if len(sp.text.split()) >= 2 and starts_with_verb(sp.text):
            items.append(sp)
    return items if len(items) >= 2 else []


# a number tag closing each action: "establish X (Recommendation 1); record Y (Recommendation 2); and …"
NUMBER_TAG = r"\((?:Recommendation|Rec\.)\s*(?:#\s*|No\.\s*)?(?P<n>\d{1,2})\)"
NUMBER_TAG_RE = re.compile(NUMBER_TAG, re.IGNORECASE)


def _tagged(doc: str, region: Span, item: bool) -> list[Span]:
    """The actions of a sentence whose actions each end with their number tag (the tag kept, for
    the caller to read the number from)."""
    tags = list(NUMBER_TAG_RE.finditer(doc, region.start, region.end))
    if len(tags) < 2:
        return []
    out, at = [], region.start
    for tag in tags:
        lead = re.match(r"[\s;,]*(?:(?:and|or|to)\s+)*", doc[at:tag.start()])
        part = split_actions(doc, span(doc, at + lead.end(), tag.start()), item)
        if len(part) == 1:  # one action per tag, else the tags do not delimit actions
            out.append(span(doc, part[0].start, tag.end()))
        at = tag.end()
    return out if len(out) >= 2 else []


def split_actions(doc: str, region: Span, item: bool = False) -> list[Span]:
    """The recommended actions in the text that follows a recommendation trigger. `item`: the
    region is a list item under a lead, where an action starts, so a capitalised verb counts."""
    enumerated = _enumerated(doc, region) or _tagged(doc, region, item)
    if enumerated:
        return enumerated
    s, e = region.start, region.end
    opens = item and starts_with_verb(doc[s:e], labelled=True)  # an item's "Purge notes …" has no subject
    s = s if opens else skip_subject(doc, s, e)
    by = BY_RE.search(doc, s, e)
    if by and by.start() - s < 80:
        s = by.end()
    cut = CUT_RE.search(doc, s, e)
    semis = []  # "Audit a sample each quarter; and report the results …": a semicolon between two actions
    while cut and cut.group(0).strip() == ";" and starts_with_verb(doc[cut.end():e]):
        semis.append(cut.end())
        cut = CUT_RE.search(doc, cut.end(), e)
    if cut:
        e = cut.start()
    while e > s and doc[e - 1] in " .,:;\u00a0\n":
        e -= 1
    if not starts_with_verb(doc[s:e], labelled=item):
        return []
    if re.search(r"\b(?:by|to|for|with|of|including|through)\s*:?\s*$|:\s*$", doc[s:region.end]):
        return []  # "strengthen controls by:", "take five steps:" lead a list; the actions are its items
    bounds = sorted({s, *semis, *_split_points(doc, s, e), e})
    items = []
    for a, b in itertools.pairwise(bounds):
        sp = span(doc, a, b)
        lead = ITEM_LEAD_RE.match(sp.text)
        if lead:
            sp = span(doc, sp.start + lead.end(), sp.end)
        sp = span(doc, sp.start if opens and a == s else skip_subject(doc, sp.start, sp.end), sp.end)
        while sp.text and sp.text[-1] in ",;:":
            sp = span(doc, sp.start, sp.end - 1)
        sp = span(doc, sp.start, sp.end)
        if len(sp.text.split()) >= 2 and not VAGUE_RE.match(sp.text):
            items.append(sp)
    return items
