"""`oigdata query` and `export` are read-only: one statement, no file or network access, limits."""

from pathlib import Path

import duckdb
import pytest

from flows import access


@pytest.fixture()
def db(tmp_path) -> Path:
    path = tmp_path / "oig.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table recommendations as select * from (values ('R1', 'open'), ('R2', 'closed')) t(rec_id, status)")
    con.close()
    return path


@pytest.mark.parametrize("sql", [
    "select * from read_text('/etc/passwd')",
    "select * from read_csv('/etc/passwd')",
    "COPY recommendations TO '{victim}'",
    "ATTACH '{other}' AS other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "PRAGMA memory_limit = '100GB'",
])
def test_no_file_network_or_configuration_access(db, tmp_path, sql):
    victim, other = tmp_path / "victim.csv", tmp_path / "other.db"
    victim.write_text("precious\n")
    with pytest.raises(access.AccessError):
        access.run_sql(db, sql.format(victim=victim, other=other))
    assert victim.read_text() == "precious\n" and not other.exists()


def test_exactly_one_statement_and_no_empty_sql(db):
    with pytest.raises(access.AccessError, match="one SQL statement at a time, got 2"):
        access.run_sql(db, "select 1; select 2")
    with pytest.raises(access.AccessError, match="no SQL given"):
        access.run_sql(db, "  ")
    assert access.run_sql(db, "select count(*) from recommendations") == (["count_star()"], [(2,)])


def test_a_time_limit_stops_a_runaway_query(db):
    with pytest.raises(access.AccessError, match="stopped after"):
        access.run_sql(db, "select count(*) from range(1000000000000) a", timeout=0.5)
    with pytest.raises(access.AccessError, match="positive"):
        access.run_sql(db, "select 1", timeout=-1)


def test_export_where_is_a_filter_never_a_statement(db, tmp_path):
    out = tmp_path / "x.csv"
    owned = tmp_path / "owned.txt"
    with pytest.raises(access.AccessError):
        access.export(db, "recommendations", "csv", f"1=1; COPY recommendations TO '{owned}'", out)
    assert not owned.exists()
    assert access.export(db, "recommendations", "csv", "status = 'open'", out) == 1
    assert access.export(db, "recommendations", "parquet", None, tmp_path / "x.parquet") == 2
    with pytest.raises(access.AccessError, match="cannot write"):
        access.export(db, "recommendations", "csv", None, tmp_path / "missing" / "x.csv")


def test_a_folder_or_missing_file_is_not_a_database(tmp_path):
    with pytest.raises(access.AccessError, match="not a database file"):
        access.run_sql(tmp_path, "select 1")
    with pytest.raises(access.AccessError, match="no database"):
        access.run_sql(tmp_path / "nope.duckdb", "select 1")


def test_the_table_format_draws_the_first_rows_and_says_how_many_are_left(tmp_path):
    import duckdb
    from typer.testing import CliRunner

    from flows.cli import app

    db = tmp_path / "oig.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create table t as select range as n, repeat('x', 1000) as quote from range(1000)")
    con.close()
    res = CliRunner().invoke(app, ["query", "select * from t", "--db", str(db), "--max-rows", "5"])
    assert res.exit_code == 0, res.output
    assert "1000 rows (995 not drawn" in res.output
    assert "x" * 400 not in res.output.replace("\n", "").replace("│", "").replace(" ", "")  # long cells are cut
    res = CliRunner().invoke(app, ["query", "select n from t", "--db", str(db), "--format", "csv"])
    assert len(res.output.strip().splitlines()) == 1001  # csv prints every row
