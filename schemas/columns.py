"""Column specs derived from the pandera models: the one bridge from schemas/ to every output."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from schemas import TABLES

_LOGICAL = {"str": "string", "string": "string", "Int64": "integer", "int64": "integer", "float64": "number",
            "bool": "boolean", "date": "date"}
ARROW = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
         "date": pa.date32(), "list": pa.list_(pa.string())}
DUCKDB = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE",
          "list": "VARCHAR[]"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # logical: string, integer, number, boolean, date, list
    nullable: bool
    description: str
    enum: tuple[str, ...] | None


def columns(table: str) -> list[Column]:
    schema = TABLES[table].to_schema()
    out = []
    for name, col in schema.columns.items():
        meta = col.metadata or {}
        dtype = str(col.dtype)
        logical = "list" if meta.get("item_type") else _LOGICAL.get(dtype.split("[")[0])
        if logical is None:
            raise TypeError(f"{table}.{name}: no logical type for pandera dtype {dtype}")
        enum = tuple(meta["enum"]) if meta.get("enum") else None
        out.append(Column(name, logical, bool(col.nullable), col.description or "", enum))
    return out


def table_meta(table: str) -> dict:
    model = TABLES[table]
    return model.get_metadata()[model.__name__]["dataframe"]


def arrow_schema(table: str) -> pa.Schema:
    meta = table_meta(table)
    fields = [pa.field(c.name, ARROW[c.type], nullable=c.nullable,
                       metadata={"description": c.description}) for c in columns(table)]
    return pa.schema(fields, metadata={"table": table, "description": meta["description"]})


_DTYPES = {"string": "str", "integer": "Int64", "number": "float64", "boolean": "bool", "date": object,
           "list": object}


def typed_frame(name: str, records: dict[str, list]) -> pd.DataFrame:
    """A DataFrame with the schema's columns, in order, each with its declared dtype."""
    return pd.DataFrame({c.name: pd.Series(records[c.name], dtype=_DTYPES[c.type]) for c in columns(name)})
