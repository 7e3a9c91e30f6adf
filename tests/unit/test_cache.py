from flows import pipeline
from flows.extract.model import CatalogueEntry
from tests.conftest import RAW


def test_documents_are_extracted_once_per_version_and_catalogue(tmp_path):
    inputs = pipeline.load_inputs(RAW)
    docs, _ = pipeline.ingest_all(inputs)
    cache = tmp_path / "cache"
    first = [pipeline.extract_one(d, inputs.entries, cache) for d in docs]
    again = [pipeline.extract_one(d, inputs.entries, cache) for d in docs]
    assert all(ran for _, ran in first) and not any(ran for _, ran in again)
    for (a, _), (b, _) in zip(first, again, strict=True):
        assert a.recommendations == b.recommendations and a.status_events == b.status_events
        assert a.program_facts == b.program_facts and a.training_requirements == b.training_requirements
    more = (*inputs.entries, CatalogueEntry("OIG-25-01", "A new report", None))
    assert all(ran for _, ran in (pipeline.extract_one(d, more, cache) for d in docs))


def test_a_corrupt_cache_entry_is_ignored(tmp_path):
    inputs = pipeline.load_inputs(RAW)
    docs, _ = pipeline.ingest_all(inputs)
    cache = tmp_path / "cache"
    pipeline.extract_one(docs[0], inputs.entries, cache)
    for f in cache.iterdir():
        f.write_text("{not json")
    ex, ran = pipeline.extract_one(docs[0], inputs.entries, cache)
    assert ran and ex.report_mentions is not None


def test_a_new_extractor_version_re_extracts_everything(tmp_path, monkeypatch):
    from flows import cache

    inputs = pipeline.load_inputs(RAW)
    docs, _ = pipeline.ingest_all(inputs)
    folder = tmp_path / "cache"
    assert all(ran for _, ran in (pipeline.extract_one(d, inputs.entries, folder) for d in docs))
    monkeypatch.setattr(cache, "EXTRACTOR_VERSION", "next")
    assert all(ran for _, ran in (pipeline.extract_one(d, inputs.entries, folder) for d in docs))
