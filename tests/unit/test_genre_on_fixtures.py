import json

from flows.ingest.describe import find_published_on, find_title
from flows.ingest.genre import detect_genre
from tests.eval.scoring import FIXTURES, SECONDARY_GENRES


def test_every_fixture_gets_its_genre_title_and_date():
    fixtures = sorted(p for g in SECONDARY_GENRES for p in FIXTURES.glob(f"{g}/*.txt"))
    assert len(fixtures) >= 10
    for path in fixtures:
        text = path.read_text(encoding="utf-8")
        truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
        published = find_published_on(text)
        assert detect_genre(text) == truth["genre"], path.name
        assert find_title(text) == truth["title"], path.name
        assert (published.isoformat() if published else None) == truth["published_on"], path.name


def test_text_without_signals_is_unknown():
    assert detect_genre("Shopping list: eggs, milk, bread.") == "unknown"
