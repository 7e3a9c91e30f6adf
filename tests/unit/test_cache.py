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
    cache._sources_key.cache_clear()
    inputs, docs = _docs()
    folder = tmp_path / "cache"
    assert all(ran for _, ran in (pipeline.extract_one(d, inputs.entries, folder) for d in docs))
    assert not any(ran for _, ran in (pipeline.extract_one(d, inputs.entries, folder) for d in docs))
    vocab = copy / "vocab" / "status_phrases.yaml"
    vocab.write_text(vocab.read_text() + "\n# a rule changed\n")
    cache._sources_key.cache_clear()  # the next refresh is a new process: the key is computed at start
    assert all(ran for _, ran in (pipeline.extract_one(d, inputs.entries, folder) for d in docs))
    (copy / "report_structure.py").write_text((copy / "report_structure.py").read_text() + "\n# an extractor changed\n")
    cache._sources_key.cache_clear()
    assert all(ran for _, ran in (pipeline.extract_one(d, inputs.entries, folder) for d in docs))
    cache._sources_key.cache_clear()
