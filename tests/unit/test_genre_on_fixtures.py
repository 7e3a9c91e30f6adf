import json

from flows.core.describe import find_published_on, find_title
from flows.ingest.genre import detect_genre
from tests.eval.scoring import FIXTURES, SECONDARY_GENRES


def test_fixtures_get_their_genre_and_most_of_their_titles_and_dates():
    fixtures = sorted(p for g in SECONDARY_GENRES for p in FIXTURES.glob(f"{g}/*.txt"))
    assert len(fixtures) >= 16
    titles = dates = 0
    for path in fixtures:
        text = path.read_text(encoding="utf-8")
        truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
        published = find_published_on(text)
        assert detect_genre(text) == truth["genre"], path.name
        titles += find_title(text) == truth["title"]
        dates += (published.isoformat() if published else None) == truth["published_on"]
    assert titles / len(fixtures) >= 0.8 and dates / len(fixtures) >= 0.9, (titles, dates, len(fixtures))


def test_text_without_signals_is_unknown():
    assert detect_genre("Shopping list: eggs, milk, bread.") == "unknown"
