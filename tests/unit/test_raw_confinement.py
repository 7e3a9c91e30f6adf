"""Nothing outside raw/ is read, every skipped entry is named with its reason, any file name works."""

import os

from flows.ingest import BadInput, ingest_file, scan_raw
from flows.pipeline import ingest_all, load_inputs

GOOD = "The inspector general recommended that ICE track refresher training for every officer.\n"


def _raw(tmp_path):
    raw = tmp_path / "raw"
    (raw / "reference").mkdir(parents=True)
    (raw / "reference" / "dhs_oig_reports.csv").write_text("report_id,inspector,title,issued_on,url\n")
    (raw / "good.txt").write_text(GOOD)
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:secret outside the raw folder, never to be published\n")
    (raw / "passwd.txt").symlink_to(outside)
    (raw / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "inner.txt").write_text(GOOD)
    (raw / "linked_dir").symlink_to(tmp_path / "elsewhere")
    os.mkfifo(raw / "pipe.txt")
    (raw / os.fsdecode(b"caf\xe9-report.txt")).write_text(GOOD.replace("ICE", "CBP"))
    (raw / "tiny.txt").write_bytes(b"ok")
    return raw


def test_symlinks_fifos_and_odd_names_are_named_and_never_followed(tmp_path):
    raw = _raw(tmp_path)
    files, skipped = scan_raw(raw)
    assert sorted(p.name for p in files) == sorted(["good.txt", os.fsdecode(b"caf\xe9-report.txt"), "tiny.txt"])
    reasons = dict(skipped)
    assert "symbolic link" in reasons["passwd.txt"] and "symbolic link" in reasons["dangling.txt"]
    assert "folder" in reasons["linked_dir"] and "FIFO" in reasons["pipe.txt"]


def test_a_refresh_ingests_only_real_files_and_reports_the_rest(tmp_path):
    raw = _raw(tmp_path)
    docs, problems = ingest_all(load_inputs(raw))
    texts = " ".join(d.text for d in docs)
    assert "secret outside" not in texts
    paths = {d.document["path"] for d in docs}
    assert paths == {"good.txt", "caf\\xe9-report.txt"}  # the undecodable byte is escaped, not fatal
    assert {p.path for p in problems} == {"passwd.txt", "dangling.txt", "linked_dir", "pipe.txt", "tiny.txt"}
    tiny = next(p for p in problems if p.path == "tiny.txt")
    assert "no readable text" in tiny.reason


def test_a_symlink_swapped_in_after_the_scan_is_refused(tmp_path):
    raw = _raw(tmp_path)
    target = raw / "good.txt"
    target.unlink()
    target.symlink_to(tmp_path / "secret.txt")
    try:
        ingest_file(target, raw, {})
    except BadInput as exc:
        assert "unreadable" in exc.reason
    else:
        raise AssertionError("a symbolic link was followed")
