"""Assign themes from the vocabulary to a recommended action's text."""

from __future__ import annotations

import functools
import re

from flows.extract import vocab
from schemas.common import THEMES


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    table = vocab.load("themes")
    unknown = set(table) - set(THEMES)
    if unknown:
        raise ValueError(f"themes.yaml names themes outside the vocabulary: {sorted(unknown)}")
    return [(theme, re.compile(r"(?<![\w-])(?:" + "|".join(pats) + ")", re.IGNORECASE))
            for theme, pats in table.items()]


def themes_for(text: str) -> list[str]:
    """Themes whose keywords occur in text, in vocabulary order; ["other"] when none do."""
    found = [theme for theme, rx in _patterns() if rx.search(text)]
    return found or ["other"]
