"""Training requirements, in any genre: which course, how long, how often, where, for whom.

A document talks about a course over several sentences ("officers must complete the
Example Delegation Course (EDC)... The basic course lasts three weeks... This training is
held at..."). Sentences are read in order;
each is assigned to the course it names (by code, by kind word, or by "this training"),
and a run of consecutive sentences about one course becomes one requirement whose quote
spans the run. A run that states nothing required of anyone (no duration, frequency,
place, code or obligation) is not a requirement and yields no row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flows.core.numbers import NUMBER_RE, parse_number
from flows.core.text import BULLET_RE, Span, norm_ws, span, strip_bullet
from flows.extract import emit
from flows.extract.model import Document
from flows.extract.programs import program_for
from schemas.training_requirements import MAX_FREQUENCY_MONTHS

_COURSE_WORD = r"(?:training|course|program|programme|class|orientation|academy)"
CODE_RE = re.compile(r"\((?P<code>[A-Z]{2,8})\)")
_NAME_TOKEN = re.compile(r"^(?:[A-Z0-9][\w()’'.-]*|of|and|for|on)$")
_INITIAL_RE = re.compile(r"\b(?:before|prior to|until)\b[^.]{0,60}\b(?:delegat\w*|authority|designat\w*|credential\w*"
                         r"|certif\w*|any of that work|their duties)"
                         r"|\b(?:delegated|immigration) authority\b[^.]{0,30}\buntil\b", re.I)
REFRESHER_RE = re.compile(r"\brefresher\b(?:\s+(?:training|course|program|class))*", re.IGNORECASE)
BASIC_RE = re.compile(r"\b(?:basic|initial)\s+(?:[\w()]+\s+){0,2}?(?:training|course|program|class)\b", re.IGNORECASE)
OTHER_RE = re.compile(
    r"\b(?P<name>(?:[\w()’'-]+\s+){0,4}?(?:orientation|course|training))\b(?=[^.]{0,80}?\b(?:must|required|mandatory|before)\b"
    r"|\s*,?\s*(?:an?|the)\s+[\w()-]+\s+(?:hour|day|week))",
    re.IGNORECASE)
OTHER_NAME_RE = re.compile(
    rf"\b(?:an?|the)\s+(?P<dur>{NUMBER_RE})[\s-]+(?:hour|day|week)s?\s+(?P<name>(?:[\w()’'-]+\s+){{0,4}}?(?:orientation|course|training|class))\b",
    re.IGNORECASE)
ANAPHORA_RE = re.compile(
    r"\b(?:this|the|that|each|the same)\s+(?:training|course|program|class|curriculum|orientation)\b|\bthe curriculum\b"
    r"|^(?:[•·*-]\s*)?It\s+(?:covers|includes|lasts|runs|is|takes|must|focuses)\b"
    r"|\bcourse (?:content|materials)\b", re.IGNORECASE)
DURATION_RE = re.compile(
    rf"(?:\b(?:is|are|lasts?|runs?|of|an?|the|takes?|spans?|currently|about|approximately|nearly|roughly)\s+"
    rf"|[,(—–:]\s*)(?P<num>{NUMBER_RE})[\s-]+(?:training\s+|full\s+|business\s+)?"
    r"(?P<unit>hours?|days?|weeks?)\b(?!\s+(?:before|after|of (?:experience|service|notice))\b)", re.IGNORECASE)
FREQ_PATTERNS: list[tuple[re.Pattern[str], int | None]] = [
    (re.compile(r"\bbiennial(?:ly)?\b", re.IGNORECASE), 24),
    (re.compile(r"\b(?:annual(?:ly)?|every year|each year|yearly|once a year)\b", re.IGNORECASE), 12),
    (re.compile(rf"\bevery\s+(?P<n>{NUMBER_RE})\s+(?P<u>years?|months?)\b", re.IGNORECASE), None),
    (re.compile(r"\bevery\s+(?P<u>other year)\b", re.IGNORECASE), 24),
]
RECOMMENDS_RE = re.compile(r"\b(?:recommend\w*|urg(?:ed|es)|advis(?:ed|es)|call(?:ed|s) for|demand\w*|prescri\w*"
                           r"|sought|push(?:ed|es) for|should|ought to)\b", re.IGNORECASE)
MANDATORY_RE = re.compile(r"\b(?:must|required|requires|mandatory|shall|mandated|obligated)\b", re.IGNORECASE)
AUDIENCE_RE = re.compile(
    r"\b(?:(?:every|each|all|selected|designated|nominated)\s+)?(?:287\(g\)\s+)?"
    r"(?:state and local|state or local|state, local|local|LEA|partner[- ]agency|task force model|TFM|WSO|jail|"
    r"designated|nominated|[A-Z]{2,5})\s+(?:law enforcement\s+)?(?:officers?|personnel|deputies|candidates)\b"
    r"|\b(?:supervisors|managers|instructors)\s+of\s+(?:designated\s+|287\(g\)\s+)?(?:officers|deputies)\b"
    r"|\b(?:every|each|all)\s+(?:designated\s+|nominated\s+)?(?:officers?|deputies|candidates|nominees)\b"
    r"|\b(?:candidates|nominees|officers|deputies)\s+(?:nominated|selected|designated)\b", re.IGNORECASE)
LOCATION_RE = re.compile(
    r"\b(?:(?:held|conducted|taught|delivered|hosted|offered|located|takes place|attend|given)\s+"
    r"(?:[\w]+\s+){0,3}?(?:at|in)|return to|report to|(?:course|training|program|class) at)\s+(?:the\s+)?"
    r"(?P<loc>[A-Z][\w.&’'()]*(?:(?:\s+|\s*[–-]\s*|,\s+)(?:[A-Z][\w.&’'()]*|of|in|and))*)")
ONLINE_RE = re.compile(r"\b(?:delivered|offered|taken|completed)\s+online\b|\bonline (?:course|training|class)\b",
                       re.IGNORECASE)
TOPICS_RE = re.compile(
    r"\b(?:(?:(?:includes?|covers?|provides?)\s+)?(?:coursework|instruction|training|lessons) (?:in|on)|topics include"
    r"|curriculum includes|includes|include|covers|cover)\s*:?\s*",
    re.IGNORECASE)


@dataclass
class _Course:
    key: str
    kind: str
    name: str | None = None
    code: str | None = None
    sentences: list[Span] = field(default_factory=list)
    list_items: set[int] = field(default_factory=set)


def _coded_course(t: str) -> tuple[str, str] | None:
    """(name, code) for "… Example Training Program (ETP)": the capitalised words before the code."""
    for m in CODE_RE.finditer(t):
        words = t[: m.start()].split()
        taken: list[str] = []
        for w in reversed(words):
            if not _NAME_TOKEN.match(w) and not re.fullmatch(_COURSE_WORD, w, re.I):
                break
            taken.insert(0, w)
        while taken and taken[0] in {"of", "and", "for", "on"}:
            taken.pop(0)
        if taken and re.fullmatch(_COURSE_WORD, taken[-1], re.I):
            name = re.sub(r"^(?:the|ICE(?:’s|'s)?)\s+", "", " ".join(taken), flags=re.IGNORECASE)
            return norm_ws(name), m["code"]
    return None


def _reference(s: Span) -> tuple[str, str, str | None, str | None] | None:
    """(key, kind, name, code) of the course a sentence names, or ("", "", None, None) for 'this training'."""
    t = s.text
    coded = _coded_course(t)
    if coded:
        name, code = coded
        kind = "refresher" if re.search(r"refresher", t, re.I) else (
            "basic" if BASIC_RE.search(t) or _INITIAL_RE.search(t) else "")
        return (kind or code, kind, name, code)
    if REFRESHER_RE.search(t):
        return ("refresher", "refresher", None, None)
    m = BASIC_RE.search(t)
    if m:
        return ("basic", "basic", None, None)
    m = OTHER_NAME_RE.search(t) or OTHER_RE.search(t)
    if m:
        name = norm_ws(m["name"])
        words = [w for w in name.lower().split() if w not in {"the", "this", "that", "a", "an", "287(g)", "its"}]
        if len(name.split()) >= 2 and name.split()[-2].lower() in {"the", "this", "that"}:
            return ("", "", None, None)
        if len(words) >= 2:
            return (name.lower(), "other", name, None)
    if ANAPHORA_RE.search(t):
        return ("", "", None, None)
    return None


def _split_basic_refresher(text: str, sents: list[Span]) -> list[Span]:
    """Cut "…a four-week basic course…, and they must return for refresher training…" in two,
    at the clause boundary before the refresher, so each course gets its own facts."""
    out = []
    for s in sents:
        b = BASIC_RE.search(s.text) or re.search(rf"\b{_COURSE_WORD}\b", s.text, re.IGNORECASE)
        r = REFRESHER_RE.search(s.text)
        if b and r and b.end() < r.start() and not CODE_RE.search(s.text):
            head = s.text[b.end():r.start()]
            cut = max(head.rfind(", "), head.rfind(" and "), head.rfind("; "))
            if cut > 0:
                at = s.start + b.end() + cut + 1
                out += [span(text, s.start, at), span(text, at, s.end)]
                continue
        out.append(s)
    return out


def _runs(doc: Document, skip: list[tuple[int, int]] = ()) -> list[_Course]:
    text = doc.text
    runs: list[_Course] = []
    current: _Course | None = None
    topics_list_open = False
    last_sentence: Span | None = None
    for para, para_sents in zip(doc.seg.paragraphs, doc.seg.para_sentences, strict=True):
        is_bullet = bool(BULLET_RE.match(text[para.start:para.end]))
        para_refs = False
        for sent in _split_basic_refresher(text, list(para_sents)):
            if RECOMMENDS_RE.search(sent.text) or any(a < sent.end and sent.start < b for a, b in skip):
                continue  # a recommended training is not (yet) a requirement; table rows are read apart
            ref = _reference(sent)
            if ref and ref[0] and sent.text.rstrip().endswith("?") and current is None:
                continue  # a question can continue a run, not start one
            if ref is None:
                if current and topics_list_open and is_bullet:
                    current.sentences.append(sent)
                    current.list_items.add(sent.start)
                    para_refs = True
                continue
            para_refs = True
            key, kind, name, code = ref
            if key == "" and current is not None:
                current.sentences.append(sent)
            elif key:
                same = current is not None and (
                    current.key == key or (code and current.code == code)
                    or (kind in ("basic", "refresher") and current.kind == kind and not (code and current.code))
                    or (code and not kind and not current.code and current.kind == "basic"
                        and current.sentences[-1] is last_sentence))
                if not same:
                    current = _Course(key, kind or "other", name, code)
                    runs.append(current)
                current.name = current.name or name
                current.code = current.code or code
                current.sentences.append(sent)
            topics_list_open = sent.text.rstrip().endswith(":")
            last_sentence = sent
        if not para_refs and not (is_bullet and topics_list_open):
            current = None
            topics_list_open = False
    return runs


def _duration(t: str) -> tuple[float | None, str | None]:
    m = DURATION_RE.search(t)
    if not m:
        return None, None
    return parse_number(m["num"]), m["unit"].lower().rstrip("s")


def _frequency(t: str) -> int | None:
    for rx, months in FREQ_PATTERNS:
        m = rx.search(t)
        if not m:
            continue
        if months is not None:
            return months
        n = parse_number(m["n"])
        if n:
            return int(n * 12 if m["u"].lower().startswith("year") else n)
    return None


def _topics(doc: Document, run: _Course) -> list[str]:
    out: list[str] = []
    for s in run.sentences:
        bullet = BULLET_RE.match(s.text)
        if bullet and s.start in run.list_items:
            item = s.text[bullet.end():].strip().rstrip(";.,")
            out.append(re.sub(r"^(?:and|the)\s+", "", item).strip())
            continue
        m = TOPICS_RE.search(s.text)
        if not m or s.text.rstrip().endswith("?"):
            continue
        rest = s.text[m.end():].rstrip(" .;:")
        if not rest:
            continue
        parts = re.split(r",\s*(?:and\s+)?|;\s*|\s+and\s+(?=the\b|\w+\s+\w+)", rest)
        out.extend(re.sub(r"^(?:and|the)\s+", "", norm_ws(p)) for p in parts if len(p.split()) <= 8 and p.strip())
    return list(dict.fromkeys(t for t in out if t))


_COLUMNS = {"course": r"course|training|program", "code": r"code|acronym", "length": r"length|duration|hours",
            "where": r"where|location|place|delivered", "when": r"when|frequency|required|recurr|how often",
            "audience": r"who|audience|attendees"}
_TABLE_DURATION_RE = re.compile(rf"(?P<num>{NUMBER_RE})\s*-?\s*(?P<unit>hours?|days?|weeks?)\b", re.IGNORECASE)
_OPTIONAL_RE = re.compile(r"\bnot required\b|\boptional\b|\brecommended\b|\bencouraged\b|\bvoluntary\b", re.I)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def table_requirements(doc: Document) -> tuple[list[dict], list[tuple[int, int]]]:
    """Requirements from pipe tables whose header names a course column and a length or
    frequency column, one row per course; also the spans of those rows."""
    text = doc.text
    rows, spans = [], []
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]*", text) if m.group(0).strip()]
    i = 0
    while i < len(lines):
        line = lines[i][1]
        head = [c.lower() for c in _cells(line)] if "|" in line else []
        cols = {name: next((k for k, h in enumerate(head) if re.search(rx, h)), None) for name, rx in _COLUMNS.items()}
        if not head or cols["course"] is None or (cols["length"] is None and cols["when"] is None):
            i += 1
            continue
        i += 1
        while i < len(lines) and ("|" in lines[i][1] or re.fullmatch(r"[\s\-–—+:=]+", lines[i][1])):
            row_start, row = lines[i]
            i += 1
            cells = _cells(row)
            if all(re.fullmatch(r"[-–—+:= ]*", c) for c in cells) or "|" not in row:
                continue  # a rule line under the header
            def get(name: str, cells: list[str] = cells, cols: dict = cols) -> str:
                k = cols[name]
                return cells[k] if k is not None and k < len(cells) else ""

            course, when = get("course"), get("when")
            dur = _TABLE_DURATION_RE.search(get("length"))
            freq = _frequency(when) or _frequency(course)
            kind = ("refresher" if REFRESHER_RE.search(course) or freq else
                    "basic" if BASIC_RE.search(course + " training") or re.search(r"\bbasic\b|\bonce\b|before", course + " " + when, re.I)
                    else "other")
            code = get("code") if re.fullmatch(r"[A-Z]{2,8}", get("code")) else None
            where = get("where").strip() or None
            sp = span(text, row_start, row_start + len(row))
            spans.append((sp.start, sp.end))
            rows.append(emit.row(
                "training_requirements", doc.doc_id, sp, program=program_for(text, sp), course=course or "training",
                course_code=code, kind=kind, audience=get("audience") or None, mandatory=not _OPTIONAL_RE.search(row),
                duration_value=parse_number(dur["num"]) if dur else None,
                duration_unit=dur["unit"].lower().rstrip("s") if dur else None,
                frequency_months=freq if freq and 0 < freq <= MAX_FREQUENCY_MONTHS else None,
                location="online" if where and where.lower() == "online" else where, topics=[]))
    return rows, spans


def extract_training(doc: Document) -> list[dict]:
    rows, table_spans = table_requirements(doc)
    for run in _runs(doc, table_spans):
        body = " ".join(s.text for s in run.sentences)
        duration, unit = _duration(body)
        freq = _frequency(body) if run.kind != "basic" else None  # a basic course is taken once
        if duration is not None and duration <= 0:
            duration, unit = None, None
        if freq is not None and not 0 < freq <= MAX_FREQUENCY_MONTHS:
            freq = None  # a reading the contract would refuse is not a training cycle: the passage says something else
        loc_m = next((m for m in (LOCATION_RE.search(x.text) for x in run.sentences) if m), None)
        location = re.sub(r"(?:[\s,.]+|\s+(?:and|of|in))+$", "", loc_m["loc"]) if loc_m else ("online" if ONLINE_RE.search(body) else None)
        mandatory = bool(MANDATORY_RE.search(body))
        if not (duration or freq or location or run.code or mandatory):
            continue
        kind = run.kind if run.kind in ("basic", "refresher") else (
            "refresher" if freq else "basic" if _INITIAL_RE.search(body) else "other")
        aud = AUDIENCE_RE.search(body)
        sp = span(doc.text, strip_bullet(doc.text, run.sentences[0]).start, run.sentences[-1].end)
        course = run.name or (f"{kind} training" if kind != "other" else run.key)
        rows.append(emit.row(
            "training_requirements", doc.doc_id, sp, program=program_for(doc.text, sp), course=course,
            course_code=run.code, kind=kind, audience=norm_ws(aud.group(0)) if aud else None, mandatory=mandatory,
            duration_value=duration, duration_unit=unit, frequency_months=freq, location=location,
            topics=_topics(doc, run)))
    return rows
