"""A user's mistake ends in one clear line and a non-zero exit, never a traceback."""

import pytest
from typer.testing import CliRunner

from flows.cli import app


@pytest.mark.parametrize(("args", "says"), [
    (["query", "x", "--db", "{tmp}"], "not a database file"),
    (["query", "", "--db", "{tmp}/none.duckdb"], "no database"),
    (["query", "--file", "{tmp}/missing.sql", "--db", "{tmp}/none.duckdb"], "cannot read"),
    (["validate", "--out", "{tmp}/nonexistent"], "no datapackage.json"),
    (["fetch", "--timeout", "-1", "--raw", "{tmp}/raw"], "--timeout must be a positive"),
    (["fetch", "--listing-url", "ftp://example.org/x", "--raw", "{tmp}/raw"], "http(s) URL"),
    (["serve", "--interval", "-5"], "--interval must be a positive"),
    (["serve", "--cron", "bad"], "not a cron expression"),
    (["refresh", "--raw", "{tmp}/missing"], "raw folder not found"),
    (["refresh", "--raw", "raw", "--release-date", "2024-13-01"], "Bad --release-date"),
])
def test_bad_arguments_are_one_line(tmp_path, args, says):
    result = CliRunner().invoke(app, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
