"""Validation: the release gate (Great Expectations) and its rules."""
