"""The validation page, rendered by headless Chromium offline, shows every expectation and
its outcome."""

from __future__ import annotations

import json
import shutil
import subprocess

from tests.conftest import CURATED

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]


def test_chromium_renders_every_expectation_and_outcome(tmp_path):
    chromium = shutil.which("chromium")
    assert chromium, "chromium is installed by `make test` (Makefile target browser)"
    page = (CURATED / "validation" / "index.html").resolve()
    dom = subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    results = json.loads((CURATED / "validation" / "results.json").read_text(encoding="utf-8"))
    assert f"Passed {results['summary']['passed']}" in dom
    for r in results["results"]:
        outcome = "pass" if r["success"] else ("FAIL" if r["blocking"] else "warn")
        assert f"<code>{r['rule']}</code>" in dom and f"class=\"{outcome}\"" in dom, r["rule"]
    shot = tmp_path / "page.png"
    subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile2'}", "--window-size=1280,900",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
