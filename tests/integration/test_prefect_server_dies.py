"""kill -9 of a refresh does not leave Prefect's temporary API server running."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import RAW, REPO


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(stat.parent.name))
    return out


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_temporary_server_dies_with_a_killed_refresh(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "refresh", "--raw", str(raw), "--out",
                             str(tmp_path / "curated")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env, start_new_session=True)
    server = None
    deadline = time.monotonic() + 120
    while server is None and time.monotonic() < deadline and proc.poll() is None:
        server = next((c for c in _children(proc.pid) if "uvicorn" in _cmdline(c)), None)
        time.sleep(0.2)
    assert server is not None, "the refresh started no temporary Prefect server"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while _alive(server) and time.monotonic() < deadline:
        time.sleep(0.2)
    try:
        assert not _alive(server), "Prefect's temporary server outlived the killed refresh"
    finally:
        if _alive(server):
            os.kill(server, signal.SIGKILL)
