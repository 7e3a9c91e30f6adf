"""`changes`: what each release added, removed or modified, by table and primary key."""

import pandera.pandas as pa
from pandera.typing import Series

from schemas.common import TableConfig, enum_field, list_field, meta

CHANGE_KINDS = ("added", "removed", "modified")


class Changes(pa.DataFrameModel):
    version: Series[str] = pa.Field(**meta("Release version (release date and a counter) that made the change."))
    table_name: Series[str] = pa.Field(**meta("The table whose row changed."))
    key: Series[str] = pa.Field(**meta("The row's primary key (several key columns joined by '|')."))
    change: Series[str] = enum_field(CHANGE_KINDS, "added, removed or modified.")
    changed_columns: Series[object] = list_field("For a modified row, the columns whose values changed.")
    old_status: Series[str] = pa.Field(nullable=True, **meta("For a recommendation, its status before the change."))
    new_status: Series[str] = pa.Field(nullable=True, **meta("For a recommendation, its status after the change."))

    class Config(TableConfig):
        unique = ["version", "table_name", "key"]  # the primary key
        metadata = {"primary_key": ["version", "table_name", "key"], "title": "Changes",
                    "description": "Rows added, removed and modified in each release, by primary key; "
                                   "recommendations also show their old and new status."}
