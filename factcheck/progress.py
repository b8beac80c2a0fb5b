"""Terminal manners: progress bars and colour, only when a person is watching.

Bars go to stderr and only when stderr is a terminal, so output on stdout (JSON, SARIF, ...) is never
touched and a CI log or a pipe gets no bar at all. Colour follows `--color auto|always|never` (the
option of the `factcheck` command) and, in `auto`, the NO_COLOR convention (https://no-color.org).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, TypeVar

import click
from tqdm import tqdm

T = TypeVar("T")
P = TypeVar("P", bound=tuple[Any, ...])  # pipeline.Processed: (summary, claims, text)
COLOR_CHOICES = ("auto", "always", "never")


def _is_terminal(stream: IO | None) -> bool:
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


def color_choice() -> str:
    """The `--color` given to the `factcheck` command (auto when none, or outside a command)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return "auto"
    return ctx.find_root().params.get("color") or "auto"


def use_color(stream: IO | None = None) -> bool:
    """Whether output to `stream` (default stdout) is coloured: `--color`, else NO_COLOR, else a terminal."""
    choice = color_choice()
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return _is_terminal(stream if stream is not None else sys.stdout)


def bar_shown() -> bool:
    return _is_terminal(sys.stderr)


def progress(iterable: Iterable[T], desc: str, total: int | None = None, unit: str = "it") -> Iterator[T]:
    """Iterate `iterable`, showing a bar on stderr when stderr is a terminal: with `total` it shows the
    share done and the time left."""
    if not bar_shown():
        yield from iterable
        return
    yield from tqdm(iterable, desc=desc, total=total, file=sys.stderr, leave=False, unit=unit, dynamic_ncols=True,
                    unit_scale=False, colour=None)


def processed_progress(paths: Sequence[str], desc: str, rules: int | None = None
                       ) -> Callable[[Iterable[P]], Iterator[P]]:
    """A wrapper for `pipeline.check(progress=...)`: a bar over the documents (with their total and the time
    left, when they can be counted) and, once they are read, the next phase named with its size
    ("grouping 45,865 claims and applying 9 rules")."""
    def wrap(processed: Iterable[P]) -> Iterator[P]:
        if not bar_shown():
            yield from processed
            return
        total = count_documents(paths)
        claims = 0
        for item in progress(processed, desc=desc, total=total, unit=" docs"):
            claims += len(item[1])
            yield item
        ruled = f" and applying {plural(rules, 'rule')}" if rules else ""
        phase(f"grouping {plural(claims, 'claim')}{ruled}")

    return wrap


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def phase(message: str) -> None:
    """Name a stage of a long run ("grouping 45,865 claims") on stderr, when a person is watching."""
    if bar_shown():
        tqdm.write(f"factcheck: {message}", file=sys.stderr)


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents `paths` hold, counted cheaply for a progress bar's total (files, and records of
    JSON-lines files); None when it cannot be told (standard input)."""
    from .documents import expand_paths, jsonl_lines

    total = 0
    try:
        for path in expand_paths(list(paths), []):
            if path == "-":
                return None
            if path.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz")):
                total += sum(1 for _ in jsonl_lines(path))
            else:
                total += 1
    except Exception:  # a count is a courtesy: the run itself reports what it cannot read
        return None
    return total
