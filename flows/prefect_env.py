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


# The temporary API server Prefect starts is a child process; if the refresh is killed with
# SIGKILL it would keep running (holding a port and the caller's output pipe). A small watchdog
# process, started beside it, ends it as soon as the process that started it is gone.
_WATCHDOG = """
import os, signal, sys, time
parent, child = int(sys.argv[1]), int(sys.argv[2])
def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True
while alive(child):
    if not alive(parent):
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.kill(child, sig)
            except ProcessLookupError:
                break
            time.sleep(2)
        break
    time.sleep(0.5)
"""


def tie_server_to_parent() -> None:
    """Make the temporary Prefect server end with this process (call after importing prefect)."""
    import subprocess
    import sys

    from prefect.server.api import server

    if getattr(server, "_oigdata_tied", False):
        return

    class _Subprocess:
        """The `subprocess` module as prefect's server module sees it, with Popen watched."""

        def __getattr__(self, name):
            return getattr(subprocess, name)

        @staticmethod
        def Popen(*args, **kwargs):
            child = subprocess.Popen(*args, **kwargs)
            subprocess.Popen([sys.executable, "-c", _WATCHDOG, str(os.getpid()), str(child.pid)],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
            return child

    server.subprocess = _Subprocess()
    server._oigdata_tied = True
