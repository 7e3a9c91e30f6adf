"""Publishing survives being killed at every step, and refreshes do not interleave.

Each kill runs the real publishing code in a child process with OIGDATA_KILL_AT set to a
step; the child dies by SIGKILL at that point. curated/ must then be exactly the old release
or exactly the new one, and the next run (recover, then publish) must end with the new one.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from flows import pipeline
from flows.publish.release import STEPS
from tests.conftest import RAW, REPO, release_tree
from tests.eval.scoring import FIXTURES

PUBLISH = """
import sys
from pathlib import Path
from flows import pipeline
from flows.publish.release import recover
raw, out = Path(sys.argv[1]), Path(sys.argv[2])
with pipeline.refresh_lock(out):
    recover(out)
    s, _, _ = pipeline.run_steps(raw, out, use_cache=False)
    print("published" if s.published else "refused")
"""


def _publish(raw: Path, out: Path, kill_at: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("OIGDATA_KILL_AT", None)
    if kill_at:
        env["OIGDATA_KILL_AT"] = kill_at
    return subprocess.run([sys.executable, "-c", PUBLISH, str(raw), str(out)], capture_output=True, text=True,
                          env=env, timeout=300)



@pytest.fixture(scope="module")
def releases(tmp_path_factory):
    """An old release (raw/) and the tree a new one (raw/ plus one document) must produce."""
    root = tmp_path_factory.mktemp("safe")
    raw_old, raw_new = root / "raw_old", root / "raw_new"
    shutil.copytree(RAW, raw_old)
    shutil.copytree(RAW, raw_new)
    shutil.copy(FIXTURES / "secondary_summary" / "factcheck_checkpoint_287g.txt", raw_new / "extra.txt")
    old_out, new_out = root / "old" / "curated", root / "new" / "curated"
    assert _publish(raw_old, old_out).returncode == 0
    shutil.copytree(old_out, new_out)  # the new release follows the old one (its history included)
    assert _publish(raw_new, new_out).returncode == 0
    return raw_new, release_tree(old_out), release_tree(new_out), old_out


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_publishing_step_leaves_the_old_or_the_new_release(releases, tmp_path, step):
    raw_new, old, new, old_out = releases
    assert old != new
    out = tmp_path / "curated"
    shutil.copytree(old_out, out)
    proc = _publish(raw_new, out, kill_at=step)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert release_tree(out) in (old, new), f"killed at {step}: curated/ is neither release"
    assert _publish(raw_new, out).returncode == 0  # the next run recovers by itself
    assert release_tree(out) == new
    assert not any(p.name.startswith(".curated.") for p in tmp_path.iterdir())


def test_a_second_refresh_does_not_interleave(tmp_path):
    out = tmp_path / "curated"
    with pipeline.refresh_lock(out):
        proc = subprocess.run([sys.executable, "-m", "flows.cli", "refresh", "--raw", str(RAW), "--out", str(out)],
                              capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 3
    assert "another refresh" in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists()


def test_a_symlinked_out_is_published_through_and_stays_a_link(releases, tmp_path):
    raw_new, _, new, old_out = releases
    target = tmp_path / "srv" / "data" / "curated"
    target.parent.mkdir(parents=True)
    shutil.copytree(old_out, target)
    link = tmp_path / "curated"
    link.symlink_to(target)
    for _ in range(2):  # the first run publishes the new release, the second finds nothing new
        proc = _publish(raw_new, link)
        assert proc.returncode == 0, proc.stderr
        assert link.is_symlink() and link.resolve() == target.resolve()
        assert release_tree(target) == new
    leftovers = [p for p in tmp_path.rglob(".curated.*")]
    assert leftovers == [] and (tmp_path / "curated").is_symlink()
