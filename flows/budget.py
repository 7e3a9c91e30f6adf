"""Run a pure function in a child process with a time budget.

Extraction is plain Python holding the GIL, and a pathological document could take any time;
a thread cannot be stopped. So each document is extracted in a child process forked from a
fork server (started once, with the extractors preloaded, safe from the threads of the
parent); a child over its budget is killed and the caller told so. While the children work
the parent's threads only wait, so two documents really do use both cores.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable
from typing import Any

_CTX = None


class OverBudget(Exception):
    """The function did not finish within its time budget (it was stopped)."""


def _context():
    global _CTX
    if _CTX is None:
        _CTX = multiprocessing.get_context("forkserver")
        _CTX.set_forkserver_preload(["flows.extract"])
    return _CTX


def _child(conn, fn: Callable, args: tuple) -> None:
    try:
        conn.send_bytes(pickle.dumps(("ok", fn(*args)), protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException as exc:  # handed back to the parent, which raises it
        conn.send_bytes(pickle.dumps(("error", exc), protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        conn.close()


def inline() -> bool:
    """Run in this process instead: asked for (OIGDATA_EXTRACT_INLINE=1), or impossible (a
    daemonic process, such as a Dask worker, may not have children)."""
    return os.environ.get("OIGDATA_EXTRACT_INLINE") == "1" or multiprocessing.current_process().daemon


def call_with_budget(fn: Callable, args: tuple, seconds: float) -> Any:
    """fn(*args), computed in a child process that is killed after `seconds` (OverBudget)."""
    if inline():
        return fn(*args)
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, fn, args), daemon=True)
    proc.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise OverBudget(f"took longer than its budget of {seconds:g} s")
        try:
            status, value = pickle.loads(receive.recv_bytes())
        except EOFError:
            raise OverBudget(f"its worker ended without an answer (exit code {proc.exitcode})") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        receive.close()
    if status == "error":
        raise value
    return value
