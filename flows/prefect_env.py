"""Prefect settings that make runs clean on this kind of machine (see README, Dependencies).

Applied by `flows/__init__.py`, so before any `prefect` import: the temporary API server
reads them from the environment. Values already set by the user win.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "100000",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL": "3600",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "DO_NOT_TRACK": "1",
}


def configure(project_root: Path | None = None) -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
    root = project_root or Path(__file__).resolve().parents[1]
    os.environ.setdefault("PREFECT_HOME", str(root / ".prefect"))
