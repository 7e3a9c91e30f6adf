"""Publishing cannot hurt: --out is refused where replacing it would destroy what it holds."""

import shutil

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.pipeline import InputError, release_target
from tests.conftest import CURATED


@pytest.fixture()
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("where", ["raw", "raw/out", "."])
def test_out_may_not_be_the_raw_folder_inside_it_or_around_it(tmp_path, raw, where):
    with pytest.raises(InputError, match="raw folder"):
        release_target(raw, tmp_path / where)


def test_a_folder_with_other_files_or_a_file_is_refused(tmp_path, raw):
    other = tmp_path / "mine"
    other.mkdir()
    (other / "thesis.docx").write_text("years of work")
    with pytest.raises(InputError, match="not an oigdata release"):
        release_target(raw, other)
    assert (other / "thesis.docx").read_text() == "years of work"
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="is a file"):
        release_target(raw, tmp_path / "file")


def test_empty_new_and_release_folders_are_accepted_and_links_resolved(tmp_path, raw):
    assert release_target(raw, tmp_path / "new") == (tmp_path / "new").resolve()
    (tmp_path / "empty").mkdir()
    assert release_target(raw, tmp_path / "empty") == (tmp_path / "empty").resolve()
    release = tmp_path / "srv" / "curated"
    shutil.copytree(CURATED, release, ignore=shutil.ignore_patterns("oig.duckdb"))
    (tmp_path / "curated").symlink_to(release)
    assert release_target(raw, tmp_path / "curated") == release.resolve()


def test_the_cli_refuses_in_one_line(tmp_path, raw):
    (raw / "reference").mkdir()
    (raw / "reference" / "dhs_oig_reports.csv").write_text("report_id,inspector,title,issued_on,url\n")
    result = CliRunner().invoke(app, ["refresh", "--raw", str(raw), "--out", str(raw)])
    assert result.exit_code == 2 and "raw folder" in result.output and "Traceback" not in result.output
