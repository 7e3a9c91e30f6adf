import pytest

from flows.ingest import ingest_file, raw_files
from flows.ingest.decode import BadInput, decode
from flows.ingest.manifest import load_manifest
from tests.conftest import RAW


def test_utf8_and_bom():
    assert decode("Café report".encode()) == ("Café report", "utf-8")
    assert decode("\ufeffCafé".encode()) == ("Café", "utf-8")


def test_other_encodings_are_detected_and_recorded():
    text, enc = decode("Le comité a recommandé une formation annuelle à l’agence.".encode("cp1252"))
    assert "comité" in text and enc != "utf-8"
    text, enc = decode("Training report".encode("utf-16"))
    assert (text, enc) == ("Training report", "utf-16")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"), (b"  \n\t ", "empty"), (b"PK\x03\x04\x00\x00binary", "binary"),
    (bytes(range(1, 32)) * 50, "binary"),
])
def test_bad_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(BadInput) as exc:
        decode(data)
    assert exc.value.reason.startswith(reason)


def test_size_limit():
    with pytest.raises(BadInput, match="too large"):
        decode(b"x" * 101, max_bytes=100)


def test_files_absent_from_manifest_are_described_from_content(tmp_path):
    (tmp_path / "page.txt").write_text(
        "Skip to main content\nAn official website of the United States government\n"
        "U.S. Immigration and Customs Enforcement\n\nICE Updates Its 287(g) Training Requirements\n\n"
        "ICE has revised the course.\n\nLast Reviewed/Updated: 05/06/2021\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 ...")
    files = raw_files(tmp_path)
    assert [f.name for f in files] == ["notes.pdf", "page.txt"]
    doc = ingest_file(tmp_path / "page.txt", tmp_path, {}).document
    assert (doc["genre"], doc["title"], str(doc["published_on"])) == (
        "agency_page", "ICE Updates Its 287(g) Training Requirements", "2021-05-06")
    assert doc["publisher"] == "U.S. Immigration and Customs Enforcement" and doc["rights"] == "public-domain-us-gov"
    assert doc["doc_id"] == doc["sha256"][:16] and doc["url"] is None
    with pytest.raises(BadInput, match="corrupt PDF"):
        ingest_file(tmp_path / "notes.pdf", tmp_path, {})


def test_raw_folder_genre_hints_agree_with_detection():
    manifest = load_manifest(RAW)
    assert manifest, "raw/manifest.csv is missing"
    for path in raw_files(RAW):
        entry = manifest.get(path.relative_to(RAW).as_posix())
        doc = ingest_file(path, RAW, {}).document  # without the manifest: content only
        if entry and entry.genre_hint:
            assert doc["genre"] == entry.genre_hint, path.name
