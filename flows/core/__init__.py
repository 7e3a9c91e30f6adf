"""The base layer: pure text helpers and small types that ingest, extract, build, validate and
publish all use (dates, report ids, numbers, spans, the cleaned view and its offset map,
document descriptions, catalogue entries). It imports nothing from the steps above it."""
