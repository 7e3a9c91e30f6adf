"""Write a release into a staging folder and swap it into place only after the gate passes.

The swap is two renames (old -> backup, staging -> out) and a delete, so readers see the old
release or the new one, never a mixture. A failed gate leaves `out` byte-identical.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pandas as pd

from flows.build.history import changelog
from flows.publish.datapackage import write_datapackage
from flows.publish.dcat import write_catalog
from flows.publish.dictionary import write_dictionary
from flows.publish.duckdb_db import build_database
from flows.publish.files import write_csv, write_parquet
from schemas import TABLES

DB_NAME = "oig.duckdb"


def staging_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.staging"


def write_release(tables: dict[str, pd.DataFrame], folder: Path, version: str) -> list[str]:
    """Every release file into `folder` (emptied first); returns the DuckDB view names."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for table in TABLES:
        write_parquet(table, tables[table], folder / "parquet" / f"{table}.parquet")
        write_csv(table, tables[table], folder / "csv" / f"{table}.csv")
    write_datapackage(folder, tables["documents"], version)
    write_dictionary(folder, tables, version)
    (folder / "CHANGELOG.md").write_text(changelog(tables["changes"]), encoding="utf-8")
    write_catalog(folder, tables, version)
    return build_database(folder / "parquet", folder / DB_NAME)


KILL_ENV = "OIGDATA_KILL_AT"  # fault injection for tests: die at a named publishing step
STEPS = ("staged", "backed-up", "swapped", "cleaned")


def _checkpoint(step: str) -> None:
    if os.environ.get(KILL_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def backup_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.previous"


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two directories (Linux renameat2 RENAME_EXCHANGE); False when
    the system or file system cannot."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return rc == 0


def swap_into_place(staging: Path, out: Path) -> None:
    """Replace `out` by `staging`. Where the system allows, one atomic exchange: `out` is the
    old release until the instant it is the new one. Elsewhere, two renames through a backup
    folder, which `recover` restores if a run dies between them."""
    backup = backup_dir(out)
    _checkpoint("staged")
    if backup.exists():
        shutil.rmtree(backup)
    if out.exists() and _exchange(staging, out):
        os.replace(staging, backup)  # staging now holds the old release
        _checkpoint("backed-up")
        _checkpoint("swapped")
    else:
        if out.exists():
            os.replace(out, backup)
        _checkpoint("backed-up")
        os.replace(staging, out)
        _checkpoint("swapped")
    if backup.exists():
        shutil.rmtree(backup)
    _checkpoint("cleaned")


def recover(out: Path) -> str | None:
    """Finish or undo a publication that was interrupted; returns what was done."""
    backup, staging = backup_dir(out), staging_dir(out)
    done = None
    if not out.exists() and backup.exists():
        os.replace(backup, out)  # killed between the renames: the old release comes back
        done = "restored the previous release"
    elif backup.exists():
        shutil.rmtree(backup)  # killed after the swap: the new release stands
        done = "removed the previous release left behind"
    if staging.exists():
        shutil.rmtree(staging)
        done = done or "removed an unfinished staging folder"
    return done
