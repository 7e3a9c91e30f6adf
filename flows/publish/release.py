"""Write a release into a staging folder and swap it into place only after the gate passes.

The swap is two renames (old -> backup, staging -> out) and a delete, so readers see the old
release or the new one, never a mixture. A failed gate leaves `out` byte-identical.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pandas as pd

from flows.publish.datapackage import write_datapackage
from flows.publish.dictionary import write_dictionary
from flows.publish.duckdb_db import build_database
from flows.publish.files import write_csv, write_parquet
from schemas import TABLES

DB_NAME = "oig.duckdb"


def release_version(on: dt.date) -> str:
    return on.isoformat()


def staging_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.staging"


def write_release(tables: dict[str, pd.DataFrame], folder: Path, on: dt.date) -> list[str]:
    """Every release file into `folder` (emptied first); returns the DuckDB view names."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for table in TABLES:
        write_parquet(table, tables[table], folder / "parquet" / f"{table}.parquet")
        write_csv(table, tables[table], folder / "csv" / f"{table}.csv")
    version = release_version(on)
    write_datapackage(folder, tables["documents"], version)
    write_dictionary(folder, tables, version)
    return build_database(folder / "parquet", folder / DB_NAME)


def swap_into_place(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with renames; the previous release is removed afterwards."""
    backup = out.parent / f".{out.name}.previous"
    if backup.exists():
        shutil.rmtree(backup)
    if out.exists():
        os.replace(out, backup)
    os.replace(staging, out)
    if backup.exists():
        shutil.rmtree(backup)
