"""A deterministic synthetic corpus of OIG-style report texts, for `make bench`.

Each report is laid out as a PDF text extractor returns an OIG report: a cover with the
report number and date, a memorandum, Highlights, background and findings over many pages,
numbered recommendations, management comments with a response and OIG's analysis of each,
an appendix, and the noise of PDF text (form feeds between pages, a running header and
footer on every page, hyphenated line breaks, ligatures, lines wrapped at about 90
characters). Sizes and layouts vary by seed like real reports (about 100 KB by default); the
same seed always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap
from pathlib import Path

COMPONENTS = [("ICE", "U.S. Immigration and Customs Enforcement", "Director"),
              ("CBP", "U.S. Customs and Border Protection", "Commissioner"),
              ("USCIS", "U.S. Citizenship and Immigration Services", "Director"),
              ("FEMA", "Federal Emergency Management Agency", "Administrator"),
              ("TSA", "Transportation Security Administration", "Administrator"),
              ("USSS", "United States Secret Service", "Director"),
              ("USCG", "United States Coast Guard", "Commandant")]
SUBJECTS = ["detention oversight", "the 287(g) program", "use of force training", "workforce planning",
            "contract oversight", "information technology security", "grant management", "inspection follow-up",
            "segregation use", "field office compliance", "acquisition management", "training records"]
VERBS = ["Develop and implement", "Establish", "Update", "Ensure", "Require", "Assess", "Track", "Design", "Clarify"]
OBJECTS = ["a staffing model for program oversight", "procedures to track refresher training completion",
           "written guidance for field offices", "performance measures for the program",
           "a plan to resolve deficiencies found during inspections", "controls over contract payments",
           "a process to validate data in its case management system", "policies on supervisory review",
           "a schedule for periodic compliance reviews", "training content on civil rights and liberties"]
FILLER = ["The {c} relies on field offices to carry out {s}, but headquarters does not monitor whether offices "
          "follow the same procedures.", "Officials told us that staffing levels had not kept pace with the growth "
          "of the program since {y}.", "We reviewed {n} files and found that {m} lacked the documentation required "
          "by policy.", "Between {y} and {y2}, the number of participating offices rose from {n} to {m}.",
          "Without reliable data, the {c} cannot determine whether its oversight of {s} is effective.",
          "According to the {c}, {n} employees completed the required course, which lasts {w} weeks.",
          "Contact our Office of Public Affairs at (202) 254-4100 for further information.",
          "Directive 11064.{n} sets out how often field offices must report on {s}.",
          "The {c} spent ${n} million on {s} in fiscal year {y}, of which ${m} million went to contractors.",
          "We interviewed {n} officials at headquarters and {m} in the field about {s}."]
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
LIGATURES = {"fi": "ﬁ", "fl": "ﬂ"}


def _para(rng: random.Random, comp: str, subject: str, year: int) -> str:
    out = []
    for _ in range(rng.randint(3, 7)):
        n = rng.randint(3, 400)
        out.append(rng.choice(FILLER).format(c=comp, s=subject, y=year - rng.randint(1, 6), y2=year - 1, n=n,
                                             m=rng.randint(1, n), w=rng.randint(1, 6)))
    return " ".join(out)


def _wrap(text: str, rng: random.Random) -> list[str]:
    lines = textwrap.wrap(text, width=rng.randint(80, 95))
    for i in range(len(lines) - 1):  # a hyphenated line break now and then
        if rng.random() < 0.06:
            last = lines[i].rsplit(" ", 1)[-1]
            word = lines[i + 1].split(" ", 1)
            if len(word[0]) > 6 and last.isalpha():
                lines[i] += " " + word[0][:3] + "-"
                lines[i + 1] = word[0][3:] + (" " + word[1] if len(word) > 1 else "")
    return lines


def report(i: int, seed: int = 0, size_kb: int = 100) -> tuple[str, str]:
    """The report id and text of synthetic report i (deterministic in i, seed and size)."""
    rng = random.Random(f"{seed}:{i}")
    year = 2010 + i % 16
    report_id = f"OIG-{year % 100:02d}-{300 + i // 16:03d}"  # unique up to 11,200 reports; none in the catalogue
    code, name, head = rng.choice(COMPONENTS)
    subject = rng.choice(SUBJECTS)
    issued = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    n_recs = rng.randint(2, 9)
    title = f"{code} Needs to Improve Its Oversight of {subject.title()}"
    when = f"{issued:%B} {issued.day}, {issued.year}"
    blocks: list[str] = [
        f"OFFICE OF INSPECTOR GENERAL\nDepartment of Homeland Security\n\n\n{title}\n\n{when}\n{report_id}",
        f"MEMORANDUM FOR:   The Honorable A. Official\n                  {head}\n                  {name}\n\n"
        f"FROM:             J. Inspector\n                  Inspector General\n\nSUBJECT:          {title}\n\n"
        f"Attached for your action is our final report. We made {NUMBER_WORDS[n_recs - 1]} recommendations "
        f"to improve {code}'s oversight of {subject}.",
        "Background",
    ]
    target = size_kb * 1000
    body_len = sum(len(b) for b in blocks)
    while body_len < target * 0.7:
        p = _para(rng, code, subject, year)
        blocks.append(p)
        body_len += len(p)
        if rng.random() < 0.15:
            blocks.append(rng.choice(["Results of Review", "Finding A", "Finding B", "Other Matters"]))
    blocks.append("Recommendations")
    for n in range(1, n_recs + 1):
        blocks.append(f"Recommendation {n}: We recommend that the {head} of {name} "
                      f"{rng.choice(VERBS).lower()} {rng.choice(OBJECTS)} for {subject}.")
    blocks.append("Management Comments and OIG Analysis")
    blocks.append(f"{code} concurred with {'all' if rng.random() < 0.5 else 'the'} recommendations and described "
                  "corrective actions it has taken and plans to take.")
    for n in range(1, n_recs + 1):
        response = rng.choice(["concurred", "concurred", "concurred", "did not concur", "partially concurred"])
        ecd = dt.date(year + 1, rng.randint(1, 12), 28)
        blocks.append(f"{code} Response to Recommendation {n}: {code} {response} with the recommendation. "
                      f"{_para(rng, code, subject, year)} Estimated Completion Date (ECD): {ecd:%B} 28, {ecd.year}.")
        status = "resolved and open" if response != "did not concur" else "unresolved and open"
        blocks.append(f"OIG Analysis: We consider this recommendation {status}. It will remain open until {code} "
                      "provides documentation that its planned actions are complete.")
    while body_len < target:
        p = _para(rng, code, subject, year)
        blocks.append(p)
        body_len += len(p)
    blocks.append(f"Appendix A\nObjective, Scope, and Methodology\n{_para(rng, code, subject, year)}")
    lines: list[str] = []
    for b in blocks:
        for piece in b.split("\n"):
            lines.extend(_wrap(piece, rng) if len(piece) > 95 else [piece])
        lines.append("")
    pages, page, count = [], [], 0
    for ln in lines:
        page.append(ln)
        count += 1
        if count >= rng.randint(45, 55):
            pages.append(page)
            page, count = [], 0
    pages.append(page)
    out = []
    for k, pg in enumerate(pages, start=1):
        out.append("\n".join([f"{' ' * 60}{report_id}", "", *pg, "", f"www.oig.dhs.gov{' ' * 40}{k}"]))
    text = "\f".join(out)
    for plain, lig in LIGATURES.items():  # some words with ligatures, as PDFs give them
        text = text.replace(f"of{plain}", f"of{lig}", 5)
    return report_id, text


def write_corpus(folder: Path, n: int, seed: int = 0, size_kb: int = 100, start: int = 0) -> int:
    """Write reports start..start+n-1 as .txt files into folder/; returns the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(start, start + n):
        _, text = report(i, seed, size_kb)
        data = text.encode("utf-8")
        (folder / f"report_{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total
