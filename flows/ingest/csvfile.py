"""The raw folder's small CSV inputs (manifest, reference catalogues), read strictly: every
error names the file, the line, the column and the value; a UTF-8 byte-order mark is accepted;
a date in the future is refused (a typo such as 2999 would otherwise date a whole release)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path


class CsvError(ValueError):
    """A manifest or catalogue that cannot be used; the message says where and why."""


def rows(path: Path, columns: tuple[str, ...], required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict]]:
    """(line number, row) for each data row; the header must hold every column."""
    try:
        fh = path.open(newline="", encoding="utf-8-sig")
    except (IsADirectoryError, PermissionError, FileNotFoundError, OSError) as exc:
        raise CsvError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with fh:
        try:
            reader = csv.DictReader(fh)
            missing = set(columns) - set(reader.fieldnames or ())
            if missing:
                raise CsvError(f"{path}:1: missing columns {sorted(missing)} (the header is "
                               f"{','.join(reader.fieldnames or []) or 'empty'})")
            for row in reader:
                line = reader.line_num
                if None in row or any(v is None for v in row.values()):
                    raise CsvError(f"{path}:{line}: {len(row) - (None in row)} cells where the header has "
                                   f"{len(reader.fieldnames)}")
                for column in required:
                    if not row[column].strip():
                        raise CsvError(f"{path}:{line}: column {column} is empty")
                yield line, row
        except UnicodeDecodeError as exc:
            raise CsvError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        except csv.Error as exc:
            raise CsvError(f"{path}: malformed CSV: {exc}") from None


def date_cell(value: str, path: Path, line: int, column: str) -> dt.date | None:
    """An ISO date or None; a malformed or future date is an error naming where it is."""
    value = value.strip()
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CsvError(f"{path}:{line}: column {column}: {value!r} is not a date YYYY-MM-DD ({exc})") from None
    if day > dt.date.today() + dt.timedelta(days=1):
        raise CsvError(f"{path}:{line}: column {column}: {value} is in the future")
    return day
