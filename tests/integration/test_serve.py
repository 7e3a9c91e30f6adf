"""`oigdata serve` against a Prefect server started here on 127.0.0.1: the deployment is
registered with a short interval, one scheduled run completes and publishes a release, and
everything started is stopped."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import RAW, REPO

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture()
def prefect_server(tmp_path):
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2", "PREFECT_LOGGING_LEVEL": "WARNING"}
    log = (tmp_path / "server.log").open("w")
    proc = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert proc.poll() is None, (tmp_path / "server.log").read_text()
        time.sleep(1)
    else:
        _stop(proc)
        pytest.fail("the Prefect server did not start")
    yield url, env
    _stop(proc)
    log.close()


def _completed_runs(url: str) -> list[dict]:
    r = httpx.post(f"{url}/flow_runs/filter", timeout=10,
                   json={"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}, "limit": 10})
    r.raise_for_status()
    return [run for run in r.json() if run.get("deployment_id")]


def test_a_scheduled_run_publishes_a_release(prefect_server, tmp_path):
    url, env = prefect_server
    raw, out = tmp_path / "raw", tmp_path / "curated"
    shutil.copytree(RAW, raw)
    serve_env = {**env, "PREFECT_API_URL": url, "PREFECT_RUNNER_POLL_FREQUENCY": "2", "PYTHONPATH": str(REPO)}
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--raw", str(raw), "--out", str(out),
                             "--interval", "10"], env=serve_env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 240
        published = False
        while time.monotonic() < deadline and not published:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            time.sleep(2)
            # a run that overlaps a running one finds the lock taken and ends without publishing,
            # so wait for a completed run *and* the release it published
            published = bool(_completed_runs(url)) and (out / "datapackage.json").exists()
        assert published, "no scheduled run published: " + (tmp_path / "serve.log").read_text()[-2000:]
        assert (out / "oig.duckdb").exists()
        assert (out / "parquet" / "recommendations.parquet").exists()
    finally:
        _stop(proc)
        log.close()
