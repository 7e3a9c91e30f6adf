"""The per-document work on a local Dask cluster gives the same release, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import CURATED, RAW, REPO, release_tree


def test_refresh_on_a_local_dask_cluster_is_byte_identical(tmp_path):
    out = tmp_path / "curated"
    proc = subprocess.run([sys.executable, "-m", "flows.cli", "refresh", "--raw", str(RAW), "--out", str(out)],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(REPO), "OIGDATA_TASK_RUNNER": "dask"})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "Traceback" not in proc.stdout + proc.stderr
    assert release_tree(out) == release_tree(CURATED)
