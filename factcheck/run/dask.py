"""Run the per-document stages on Dask: a dask.bag map over chunks of documents.

Needs the `dask` extra (`pip install 'factcheck[dask]'`). With no scheduler address a local cluster
is started on loopback (one single-threaded worker process per job, since the work holds the GIL);
with `scheduler="tcp://host:8786"` the work goes to a running cluster, whose workers must see the
input paths at the same location (a shared or network file system) and have factcheck installed.

What runs where is decided by factcheck.pipeline: this module only ships the function and the chunks
and hands results back in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

from ..errors import UsageError

CONNECT_TIMEOUT = "10s"  # how long to keep retrying a --scheduler address before giving up
T = TypeVar("T")
R = TypeVar("R")


def _require_dask() -> Any:
    try:
        import dask.bag
        import distributed
    except ImportError:
        raise UsageError("--engine dask needs Dask", hint="pip install 'factcheck[dask]'") from None
    return dask.bag, distributed


@contextmanager
def client_for(scheduler: str | None = None, jobs: int = 1, processes: bool = True) -> Iterator[Any]:
    """A Dask client: connected to `scheduler`; else the client already in use (the caller's own, or
    an enclosing client_for); else a fresh local cluster on loopback, closed on exit."""
    _, distributed = _require_dask()
    current = None
    if not scheduler:
        with suppress(ValueError):  # ValueError: no client yet
            current = distributed.default_client()
    if current is not None:
        yield current
        return
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach Dask scheduler {scheduler}: {exc}",
                             hint="start one with `dask scheduler` or omit --scheduler for a local cluster") from None
        with client:
            yield client
        return
    cluster = distributed.LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=processes,
                                       host="127.0.0.1", dashboard_address=None, silence_logs=40)
    with cluster, distributed.Client(cluster) as client:
        yield client


def map_ordered(fn: Callable[[T], R], chunks: Iterable[T], scheduler: str | None = None, jobs: int = 1,
                processes: bool = True) -> Iterator[R]:
    """fn over chunks as a dask.bag with one chunk per partition; results streamed back in order."""
    bag_module, _ = _require_dask()
    items = list(chunks)
    if not items:
        return
    with client_for(scheduler, jobs, processes) as client:
        bag = bag_module.from_sequence(items, npartitions=len(items)).map(fn)
        futures = client.compute(bag.to_delayed())
        del items
        for future in futures:
            yield from future.result()
            future.release()


def map_blocks(items: list[T], key: Callable[[T], Any], fn: Callable[[list[T]], R], scheduler: str | None = None,
               jobs: int = 1, processes: bool = True) -> list[R]:
    """fn over the blocks of items sharing a key: a dask.bag shuffle (groupby), one call per block.

    Results come back ordered by key (keys must sort), so a run is reproducible.
    """
    bag_module, _ = _require_dask()
    if not items:
        return []
    with client_for(scheduler, jobs, processes) as client:
        partitions = max(1, min(len(items) // 5000 + 1, 4 * max(jobs, len(client.nthreads()))))
        bag = bag_module.from_sequence(items, npartitions=partitions)
        blocks = bag.groupby(key, shuffle="tasks").map(_apply_to_block, fn)
        return [result for _, result in sorted(client.compute(blocks).result(), key=lambda kv: kv[0])]


def _apply_to_block(key_and_items: tuple[Any, list], fn: Callable[[list], R]) -> tuple[Any, R]:
    block_key, block = key_and_items
    return block_key, fn(block)
