"""Progress bars for long runs: on stderr, and only when a person is watching it.

Output on stdout (JSON, SARIF, ...) is never touched, and a CI log or a pipe gets no bar at all.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def progress(iterable: Iterable[T], desc: str, total: int | None = None, unit: str = "it") -> Iterator[T]:
    """Iterate `iterable`, showing a bar on stderr when stderr is a terminal."""
    stream = sys.stderr
    shown = hasattr(stream, "isatty") and stream.isatty()
    if not shown:
        yield from iterable
        return
    yield from tqdm(iterable, desc=desc, total=total, file=stream, leave=False, unit=unit, dynamic_ncols=True)
