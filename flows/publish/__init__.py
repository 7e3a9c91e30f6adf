"""Publish: write the release (Parquet, CSV, DuckDB, datapackage, data dictionary) and swap it in."""
