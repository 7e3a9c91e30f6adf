"""The committed release is a valid Frictionless Data Package: every resource's schema,
bytes and sha256 hold, foreign keys resolve, and the package is generated, not edited."""

from __future__ import annotations

import json

from tests.conftest import CURATED


def test_frictionless_validates_the_committed_release(monkeypatch):
    from frictionless import validate

    monkeypatch.chdir(CURATED)
    report = validate("datapackage.json")
    errors = [(t.name, e.message) for t in report.tasks for e in t.errors]
    assert report.valid, errors[:10]
    names = {t.name for t in report.tasks}
    assert {"recommendations", "recommendations_parquet", "changes", "validation_results_json"} <= names


def test_every_published_file_is_listed_with_its_checksum():
    pkg = json.loads((CURATED / "datapackage.json").read_text(encoding="utf-8"))
    listed = {r["path"] for r in pkg["resources"]}
    files = {p.relative_to(CURATED).as_posix() for p in CURATED.rglob("*")
             if p.is_file() and p.name not in ("datapackage.json", "oig.duckdb")}
    assert files == listed
    assert all(r["hash"].startswith("sha256:") and r["bytes"] > 0 for r in pkg["resources"])
    assert pkg["licenses"][0]["name"] == "CC0-1.0" and pkg["sources"]
