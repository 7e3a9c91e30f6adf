"""Deterministic Parquet (pyarrow) and RFC 4180 CSV files, typed by the schema."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from schemas.columns import arrow_schema, columns


def _py(value: object) -> object:
    """A pandas cell as a plain Python value, with every missing marker as None."""
    if isinstance(value, list):
        return [str(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def to_arrow(table: str, df: pd.DataFrame) -> pa.Table:
    schema = arrow_schema(table)
    arrays = [pa.array([_py(v) for v in df[f.name].tolist()], type=f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(table: str, df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(to_arrow(table, df), path, compression="zstd", compression_level=9,
                   row_group_size=1_000_000, write_statistics=True)


def _csv_cell(value: object) -> str:
    value = _py(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_csv(table: str, df: pd.DataFrame, path: Path) -> None:
    """UTF-8, header row, RFC 4180 quoting and CRLF line ends; lists as JSON arrays."""
    path.parent.mkdir(parents=True, exist_ok=True)
    names = [c.name for c in columns(table)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(names)
        for row in df[names].itertuples(index=False, name=None):
            writer.writerow([_csv_cell(v) for v in row])


def read_parquet(path: Path) -> pd.DataFrame:
    """A published table back as a DataFrame with plain Python cells (lists, dates, None)."""
    table = pq.read_table(path)
    return pd.DataFrame({name: pd.Series(table.column(name).to_pylist(), dtype=object)
                         for name in table.column_names})


def read_release_table(release_dir: Path, table: str) -> pd.DataFrame:
    """A published table typed as the build step types it (for re-validation). A column that an
    older release did not have yet (the contract grew) reads as null."""
    from schemas.columns import columns, typed_frame

    df = read_parquet(release_dir / "parquet" / f"{table}.parquet")
    missing = {"list": lambda: []}  # a list column reads as empty lists, any other as nulls
    return typed_frame(table, {c.name: df[c.name].tolist() if c.name in df.columns
                               else [missing.get(c.type, lambda: None)() for _ in range(len(df))]
                               for c in columns(table)})
