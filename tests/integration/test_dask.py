"""The per-document work on a local Dask cluster gives the same release, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import CURATED, RAW, REPO


def test_refresh_on_a_local_dask_cluster_is_byte_identical(tmp_path):
    out = tmp_path / "curated"
    proc = subprocess.run([sys.executable, "-m", "flows.cli", "refresh", "--raw", str(RAW), "--out", str(out)],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(REPO), "OIGDATA_TASK_RUNNER": "dask"})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "Traceback" not in proc.stdout + proc.stderr
    def tree(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
                if p.is_file() and p.name != "oig.duckdb"}
    assert tree(out) == tree(CURATED)
