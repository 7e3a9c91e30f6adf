"""curated/datapackage.json, generated from the schemas and the written files."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pandas as pd

from flows import __version__
from schemas import TABLES
from schemas.columns import columns, table_meta

_FD_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean", "date": "date",
             "list": "array"}
LICENSE = {"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/",
           "title": "Creative Commons Zero v1.0 Universal"}


def _file_info(path: Path) -> dict:
    data = path.read_bytes()
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def _schema(table: str) -> dict:
    meta = table_meta(table)
    fields = []
    for c in columns(table):
        f = {"name": c.name, "type": _FD_TYPES[c.type], "description": c.description}
        constraints = {}
        if not c.nullable:
            constraints["required"] = True
        if c.enum and c.type != "list":
            constraints["enum"] = list(c.enum)
        if constraints:
            f["constraints"] = constraints
        if c.type == "list":
            f["itemType"] = "string"
            f["format"] = "json"
        fields.append(f)
    schema = {"fields": fields, "primaryKey": meta["primary_key"], "missingValues": [""]}
    fks = [{"fields": [col], "reference": {  # a reference to the same table is written "" (self)
               "resource": "" if ref.split(".")[0] == table else ref.split(".")[0], "fields": [ref.split(".")[1]]}}
           for col, ref in meta.get("foreign_keys", {}).items() if ref.split(".")[0] in TABLES]
    if fks:
        schema["foreignKeys"] = fks
    return schema


def build_datapackage(release_dir: Path, documents: pd.DataFrame, version: str) -> dict:
    resources = []
    for table in TABLES:
        meta = table_meta(table)
        csv_path = release_dir / "csv" / f"{table}.csv"
        resources.append({
            "name": table, "title": meta["title"], "description": meta["description"],
            "path": f"csv/{table}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "header": True},
            **_file_info(csv_path), "schema": _schema(table),
        })
        resources.append({
            "name": f"{table}_parquet", "title": f"{meta['title']} (Parquet)", "path": f"parquet/{table}.parquet",
            "type": "file", "format": "parquet", "mediatype": "application/vnd.apache.parquet",
            "description": f"The {table} table as Parquet; the same schema as the CSV resource {table}.",
            **_file_info(release_dir / "parquet" / f"{table}.parquet"),
        })
    tabular = {r["path"] for r in resources}
    for path in sorted(release_dir.rglob("*")):  # every other published file, with its checksum
        rel = path.relative_to(release_dir).as_posix()
        if path.is_file() and rel not in tabular and rel not in ("datapackage.json", "oig.duckdb"):
            kind = {".md": "text/markdown", ".json": "application/json"}.get(path.suffix, "application/octet-stream")
            resources.append({"name": re.sub(r"[^a-z0-9]+", "_", rel.lower()).strip("_"), "path": rel,
                              "mediatype": kind, **_file_info(path)})
    sources = [{"title": row.title if isinstance(row.title, str) else row.path,
                "path": row.url if isinstance(row.url, str) and row.url else f"raw/{row.path}",
                "description": f"genre {row.genre}; rights {row.rights}"
                               + (f"; retrieved {row.retrieved_on}" if isinstance(row.retrieved_on, dt.date) else "")}
               for row in documents.sort_values("path").itertuples()]
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "oigdata", "title": "DHS OIG recommendations on ICE training oversight and the 287(g) program",
        "description": ("Recommendations, status assertions, program facts and training requirements extracted "
                        "from OIG reports, ICE pages and third-party summaries; every row carries the exact "
                        "passage it came from."),
        "version": version, "licenses": [LICENSE],
        "contributors": [{"title": "oigdata maintainers", "roles": ["creator"]}],
        "keywords": ["DHS OIG", "ICE", "287(g)", "training", "oversight", "recommendations"],
        "sources": sources, "resources": resources,
        "oigdata_pipeline_version": __version__,
    }


def write_datapackage(release_dir: Path, documents: pd.DataFrame, version: str) -> None:
    pkg = build_datapackage(release_dir, documents, version)
    (release_dir / "datapackage.json").write_text(json.dumps(pkg, indent=2, ensure_ascii=False) + "\n",
                                                  encoding="utf-8")
