"""The DuckDB database: the tables loaded inside (so the file works from any directory),
column comments from the schemas, and the views from sql/*.sql."""

from __future__ import annotations

from pathlib import Path

import duckdb

from schemas import TABLES
from schemas.columns import columns, table_meta

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"


def _q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def build_database(parquet_dir: Path, db_path: Path, sql_dir: Path = SQL_DIR) -> list[str]:
    """Create db_path from the Parquet files; returns the names of the views created."""
    db_path.unlink(missing_ok=True)
    con = duckdb.connect(str(db_path))
    try:
        for table in TABLES:
            src = (parquet_dir / f"{table}.parquet").resolve()
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_parquet({_q(str(src))})")
            con.execute(f"COMMENT ON TABLE {table} IS {_q(table_meta(table)['description'])}")
            for col in columns(table):
                con.execute(f'COMMENT ON COLUMN {table}."{col.name}" IS {_q(col.description)}')
        views = []
        for sql_file in sorted(sql_dir.glob("*.sql")):
            con.execute(sql_file.read_text(encoding="utf-8"))
        views = [r[0] for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name").fetchall()]
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return views
