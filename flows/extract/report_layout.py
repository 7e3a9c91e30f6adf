"""How OIG reports are laid out, shared by the passages that read report structure."""

from __future__ import annotations

import re

# a section heading at a line start: where a recommendation's text or a status table ends
SECTION_RE = re.compile(
    r"^[ \t]*(?:Management Comments|Agency Comments|Management Response|OIG Analysis|Evaluation of|"
    r"(?:ICE|DHS|CBP)\s+(?:Response|Comments)\b|Conclusion|Appendix|Objective, Scope|Recommendations?\s*$|"
    r"Finding\b|Results of|Background|Major Contributors|Report Distribution|Status of Recommendations)",
    re.MULTILINE | re.IGNORECASE)
