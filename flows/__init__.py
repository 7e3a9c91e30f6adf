"""oigdata: OIG recommendations, 287(g) program facts and training requirements as open data."""

__version__ = "0.1.0"
