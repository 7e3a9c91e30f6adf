"""Vocabulary tables (YAML) that hold the wording variation the extractors recognise."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

HERE = Path(__file__).parent


@functools.cache
def load(name: str):
    """Parsed contents of vocab/<name>.yaml, loaded once per process."""
    return yaml.safe_load((HERE / f"{name}.yaml").read_text(encoding="utf-8"))
