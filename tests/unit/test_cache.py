import json
import shutil

from flows import cache, pipeline
from flows.core.catalogue import CatalogueEntry
from tests.conftest import RAW


def _docs():
    inputs = pipeline.load_inputs(RAW)
    docs, _ = pipeline.ingest_all(inputs)
    return inputs, docs


def test_documents_are_extracted_once_per_extractor_and_catalogue(tmp_path):
    inputs, docs = _docs()
    folder = tmp_path / "cache"
    first = [pipeline.extract_one(d, inputs.entries, folder) for d in docs]
    again = [pipeline.extract_one(d, inputs.entries, folder) for d in docs]
    assert all(ran for _, ran in first) and not any(ran for _, ran in again)
    for (a, _), (b, _) in zip(first, again, strict=True):
        assert a.recommendations == b.recommendations and a.status_events == b.status_events
        assert a.program_facts == b.program_facts and a.training_requirements == b.training_requirements
    more = (*inputs.entries, CatalogueEntry("OIG-25-01", "A new report", None))
    assert all(ran for _, ran in (pipeline.extract_one(d, more, folder) for d in docs))


def test_a_corrupt_cache_entry_is_ignored_and_rewritten(tmp_path):
    inputs, docs = _docs()
    folder = tmp_path / "cache"
    fresh, _ = pipeline.extract_one(docs[0], inputs.entries, folder)
    for f in folder.iterdir():
        f.write_text("{not json")
    ex, ran = pipeline.extract_one(docs[0], inputs.entries, folder)
    assert ran and ex == fresh
    assert all(json.loads(f.read_text()) for f in folder.iterdir())  # the entry was written again, whole


def test_editing_an_extractor_file_re_extracts(tmp_path, monkeypatch):
    copy = tmp_path / "extract"
    shutil.copytree(cache.EXTRACT_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "EXTRACT_DIR", copy)
    cache.sources_key.cache_clear()
    inputs, docs = _docs()
    folder = tmp_path / "cache"
    assert all(ran for _, ran in (pipeline.extract_one(d, inputs.entries, folder) for d in docs))
    assert not any(ran for _, ran in (pipeline.extract_one(d, inputs.entries, folder) for d in docs))
    vocab = copy / "vocab" / "status_phrases.yaml"
    vocab.write_text(vocab.read_text() + "\n# a rule changed\n")
    cache.sources_key.cache_clear()  # the next refresh is a new process: the key is computed at start
    assert all(ran for _, ran in (pipeline.extract_one(d, inputs.entries, folder) for d in docs))
    (copy / "report_structure.py").write_text((copy / "report_structure.py").read_text() + "\n# an extractor changed\n")
    cache.sources_key.cache_clear()
    assert all(ran for _, ran in (pipeline.extract_one(d, inputs.entries, folder) for d in docs))
    cache.sources_key.cache_clear()


def test_ingest_results_are_kept_by_bytes_manifest_entry_and_code(tmp_path, monkeypatch):
    import flows.ingest as ingest
    from flows.ingest.manifest import ManifestEntry

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("ICE concurred with all five recommendations of OIG-18-77.")
    folder = tmp_path / "ingest"
    first = ingest.ingest_file(raw / "a.txt", raw, {}, cache=folder)
    calls = []
    real = ingest._describe
    monkeypatch.setattr(ingest, "_describe", lambda *a: calls.append(a) or real(*a))
    assert ingest.ingest_file(raw / "a.txt", raw, {}, cache=folder) == first and calls == []  # from the cache
    hinted = ingest.ingest_file(raw / "a.txt", raw, {"a.txt": ManifestEntry("a.txt", genre_hint="agency_page")},
                                cache=folder)
    assert len(calls) == 1 and hinted.document["genre"] == "agency_page"  # another manifest entry: read again
    (raw / "a.txt").write_text("ICE did not concur with recommendation 2 of OIG-18-77.")
    assert ingest.ingest_file(raw / "a.txt", raw, {}, cache=folder).text.startswith("ICE did not")
    assert len(calls) == 2  # other bytes: read again
