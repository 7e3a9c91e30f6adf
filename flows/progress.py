"""Where a running refresh reports its steps (the CLI prints them).

A module of its own: the flow refers to it by name, so when Prefect ships the flow's code to
Dask workers the callback (which may hold a console) is not shipped with it."""

from __future__ import annotations

from collections.abc import Callable


def _quiet(_msg: str) -> None:
    pass


_callback: Callable[[str], None] = _quiet


def set_callback(callback: Callable[[str], None] | None) -> None:
    global _callback
    _callback = callback or _quiet


def say(msg: str) -> None:
    _callback(msg)
