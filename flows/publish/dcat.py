"""curated/data.json: a DCAT-US (Project Open Data v1.1) catalog entry for the dataset, so
catalogs such as data.gov harvesters can list it. Generated from the release, never edited.

Where the dataset is hosted and whom to write to are configuration (OIGDATA_BASE_URL,
OIGDATA_CONTACT_EMAIL); the defaults are placeholders to replace when the repository is
published."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pandas as pd

from schemas import TABLES
from schemas.columns import table_meta

DEFAULT_BASE_URL = "https://example.org/oigdata/curated/"
DEFAULT_CONTACT = "oigdata-maintainers@example.org"
MEDIA = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


class CatalogSettingsError(ValueError):
    """OIGDATA_BASE_URL or OIGDATA_CONTACT_EMAIL would make the catalog entry invalid."""


def settings() -> tuple[str, str]:
    """(base URL ending in "/", contact email) from the environment, checked: a catalog entry with
    a malformed contact point or download URL is refused by harvesters, so it is never written."""
    base = os.environ.get("OIGDATA_BASE_URL", DEFAULT_BASE_URL).strip()
    contact = os.environ.get("OIGDATA_CONTACT_EMAIL", DEFAULT_CONTACT).strip()
    if not re.match(r"^https?://[^\s/]+", base):
        raise CatalogSettingsError(f"OIGDATA_BASE_URL {base!r} is not an http(s) URL")
    if not re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", contact):
        raise CatalogSettingsError(f"OIGDATA_CONTACT_EMAIL {contact!r} is not an email address")
    return base.rstrip("/") + "/", contact


def build_catalog(tables: dict[str, pd.DataFrame], version: str) -> dict:
    base, contact = settings()
    dates = sorted(str(d) for d in tables["documents"]["published_on"].dropna())
    dates += sorted(str(d) for d in tables["reports"]["issued_on"].dropna())
    start, end = (min(dates), max(dates)) if dates else (None, None)
    distributions = []
    for table in TABLES:
        meta = table_meta(table)
        for fmt in ("csv", "parquet"):
            distributions.append({
                "@type": "dcat:Distribution", "title": f"{meta['title']} ({fmt.upper()})",
                "description": meta["description"], "downloadURL": f"{base}{fmt}/{table}.{fmt}",
                "mediaType": MEDIA[fmt], "format": fmt.upper(), "describedBy": f"{base}README.md",
                "describedByType": "text/markdown",
            })
    dataset = {
        "@type": "dcat:Dataset",
        "title": "DHS OIG recommendations on ICE training oversight and the 287(g) program",
        "description": ("Recommendations of the DHS Office of Inspector General about ICE training oversight and "
                        "the 287(g) program, every status assertion about them (OIG, ICE, third parties), program "
                        "facts and training requirements; each row carries the exact passage it came from."),
        "keyword": ["DHS OIG", "ICE", "287(g)", "training", "oversight", "recommendations", "open data"],
        "modified": version.split(".")[0],
        "publisher": {"@type": "org:Organization", "name": "oigdata"},
        "contactPoint": {"@type": "vcard:Contact", "fn": "oigdata maintainers", "hasEmail": f"mailto:{contact}"},
        "identifier": "oigdata-dhs-oig-ice-training-287g",
        "accessLevel": "public",
        "license": "https://creativecommons.org/publicdomain/zero/1.0/",
        "rights": "Dataset under CC0-1.0; OIG and ICE texts are U.S. government works; third-party texts are "
                  "republished only to verify quotes.",
        "accrualPeriodicity": "R/P1D",
        "describedBy": f"{base}README.md",
        "describedByType": "text/markdown",
        "conformsTo": "https://datapackage.org/standard/data-package/",
        "language": ["en-US"],
        "theme": ["Law Enforcement", "Immigration", "Government Oversight"],
        "version": version,
        "distribution": distributions,
    }
    if start and end:
        dataset["temporal"] = f"{start}/{end}"
    return {"@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld", "@type": "dcat:Catalog",
            "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
            "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json", "dataset": [dataset]}


def write_catalog(folder: Path, tables: dict[str, pd.DataFrame], version: str) -> None:
    (folder / "data.json").write_text(json.dumps(build_catalog(tables, version), indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
