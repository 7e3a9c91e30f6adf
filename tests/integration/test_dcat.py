"""curated/data.json meets the DCAT-US (Project Open Data v1.1) dataset requirements.

The rules below are this project's encoding of the v1.1 schema's requirements for a
catalog and its datasets (required fields, vocabularies, formats); no network is used."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from tests.conftest import CURATED

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
DATASET = {
    "type": "object",
    "required": ["@type", "title", "description", "keyword", "modified", "publisher", "contactPoint", "identifier",
                 "accessLevel", "license", "distribution"],
    "properties": {
        "@type": {"const": "dcat:Dataset"},
        "title": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1},
        "keyword": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        "modified": {"type": "string", "pattern": ISO_DATE},
        "publisher": {"type": "object", "required": ["@type", "name"],
                      "properties": {"@type": {"const": "org:Organization"}, "name": {"type": "string", "minLength": 1}}},
        "contactPoint": {"type": "object", "required": ["@type", "fn", "hasEmail"],
                         "properties": {"@type": {"const": "vcard:Contact"},
                                        "hasEmail": {"type": "string", "pattern": r"^mailto:[\w.+-]+@[\w-]+(\.[\w-]+)+$"}}},
        "identifier": {"type": "string", "minLength": 1},
        "accessLevel": {"enum": ["public", "restricted public", "non-public"]},
        "license": {"type": "string", "pattern": "^https?://"},
        "accrualPeriodicity": {"type": "string", "pattern": r"^(irregular|R/P(\d+[YMWD])+)$"},
        "temporal": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$"},
        "describedBy": {"type": "string", "pattern": "^https?://"},
        "distribution": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["@type", "downloadURL", "mediaType"],
            "properties": {"@type": {"const": "dcat:Distribution"}, "downloadURL": {"type": "string", "pattern": "^https?://"},
                           "mediaType": {"type": "string", "pattern": r"^[-\w]+/[-\w.+]+$"}}}},
    },
}
CATALOG = {"type": "object", "required": ["conformsTo", "dataset"],
           "properties": {"conformsTo": {"const": "https://project-open-data.cio.gov/v1.1/schema"},
                          "dataset": {"type": "array", "minItems": 1, "items": DATASET}}}


def test_data_json_is_a_dcat_us_catalog_of_the_release():
    catalog = json.loads((CURATED / "data.json").read_text(encoding="utf-8"))
    jsonschema.validate(catalog, CATALOG)
    dataset = catalog["dataset"][0]
    pkg = json.loads((CURATED / "datapackage.json").read_text(encoding="utf-8"))
    assert dataset["version"] == pkg["version"]
    paths = {d["downloadURL"].split("/curated/")[-1] for d in dataset["distribution"]}
    assert paths == {r["path"] for r in pkg["resources"] if r["path"].startswith(("csv/", "parquet/"))}


def test_the_checks_refuse_a_catalog_missing_a_required_field():
    catalog = json.loads((CURATED / "data.json").read_text(encoding="utf-8"))
    del catalog["dataset"][0]["contactPoint"]
    try:
        jsonschema.validate(catalog, CATALOG)
    except jsonschema.ValidationError as exc:
        assert "contactPoint" in exc.message
    else:
        raise AssertionError("the check accepted a dataset without contactPoint")


@pytest.mark.parametrize(("variable", "value", "says"), [
    ("OIGDATA_CONTACT_EMAIL", "maintainers at example dot org", "not an email address"),
    ("OIGDATA_BASE_URL", "curated/", "not an http(s) URL"),
])
def test_the_pipeline_refuses_settings_that_would_make_the_catalog_invalid(tmp_path, monkeypatch, variable, value,
                                                                         says):
    from flows import pipeline
    from flows.publish.dcat import CatalogSettingsError, build_catalog
    from tests.conftest import RAW

    monkeypatch.setenv(variable, value)
    with pytest.raises(CatalogSettingsError, match=re.escape(says)):
        build_catalog({}, "2026-01-01.1")
    summary, tables, _ = pipeline.run_steps(RAW, tmp_path / "curated")
    assert not summary.published and tables is None and says in summary.failures[0]["rule"]
    assert not (tmp_path / "curated").exists()
