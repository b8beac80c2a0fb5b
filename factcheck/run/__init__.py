"""Running the per-document stages: in this process, in worker processes (`local`), or on Dask (`dask`).

factcheck.pipeline decides what runs and in which order; this package decides where, and hands results
back in input order, so the output is the same for every engine and number of jobs.

    local.py   cut the input into chunks, map over them in worker processes (`--jobs N`)
    dask.py    the same map on a Dask cluster (`--engine dask`, needs factcheck[dask])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TypeVar

from ..errors import UsageError
from .local import ordered_map

ENGINES = ("local", "dask")
DASK_WHOLE_FILES_FROM = 64  # inputs of this many files go to Dask workers as paths, fewer as chunks of records
T = TypeVar("T")
R = TypeVar("R")


def check_engine(engine: str) -> None:
    """A usage error for an engine this package does not know."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}", hint=f"use one of: {', '.join(ENGINES)}")


def whole_files_from(engine: str) -> int | None:
    """From how many input files a worker is sent whole files rather than chunks of records (None: never)."""
    return None if engine == "local" else DASK_WHOLE_FILES_FROM


def map_chunks(fn: Callable[[T], R], chunks: Iterable[T], engine: str, jobs: int,
               scheduler: str | None = None) -> Iterator[R]:
    """fn over chunks on the engine, results in input order."""
    if engine == "dask":
        from .dask import map_ordered  # optional extra: imported only when asked for
        return map_ordered(fn, chunks, scheduler=scheduler, jobs=jobs)
    return ordered_map(fn, chunks, jobs)


def map_blocks(items: list[T], key: Callable[[T], Any], fn: Callable[[list[T]], R], scheduler: str | None = None,
               jobs: int = 1) -> list[R]:
    """fn over the blocks of items sharing a key, on Dask (see dask.map_blocks)."""
    from .dask import map_blocks as dask_map_blocks
    return dask_map_blocks(items, key, fn, scheduler=scheduler, jobs=jobs)


def session(engine: str, scheduler: str | None, jobs: int) -> AbstractContextManager:
    """The Dask client a whole run shares (one local cluster, not one per phase); nothing for `local`."""
    if engine != "dask":
        return nullcontext()
    from .dask import client_for
    return client_for(scheduler, jobs)
