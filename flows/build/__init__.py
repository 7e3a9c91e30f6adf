"""Build: extracted rows -> the dataset's validated tables (ids, derived columns, history)."""
