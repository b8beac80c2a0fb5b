"""The local engine: cut the input into independent pieces and map a function over them in order.

Reading, extraction and attribution of one document never look at another, so they run in worker
processes. Three things keep this fast and safe:

- workers are sent *paths and raw JSON lines*, never parsed Documents: the parent only splits input
  (gunzip + line split), the expensive parts (dating, hashing, extraction) happen in the workers;
- claims come back as plain tuples (`pack_claims`) and are rebuilt without re-validation: pickling
  pydantic models costs about twice as much, and the parent is the bottleneck on few cores;
- at most `max_in_flight` chunks are queued, and results come back in input order, so `extract`
  streams in flat memory and `--jobs 4` prints exactly what `--jobs 1` prints.

What a worker does with a piece is decided by factcheck.pipeline (the only module that knows the
order of the stages); this module only knows how to cut, ship and reassemble.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from operator import attrgetter
from pathlib import Path
from typing import TypeVar

from .. import documents
from ..config import Settings
from ..errors import InputError
from ..models import Claim, Document, InputProblem

T = TypeVar("T")
R = TypeVar("R")

PR_SET_PDEATHSIG = 1  # prctl(2) option
CHUNK_CHARS = 256 * 1024  # text per chunk: big enough to amortise a round trip, small enough to balance


def default_jobs() -> int:
    """The cores this process may use (affinity-aware where the OS tells us)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


# ---- units of work -------------------------------------------------------------------------------------

@dataclass
class Unit:
    """One independent piece of input.

    kind "file": a whole file the worker reads itself; "records": raw lines of a JSONL file with
    their line numbers; "docs": documents already read (standard input); "problem": an input the
    splitter could not use, kept in sequence so problems are reported in the same order as serially.
    """

    kind: str
    path: str = ""
    size: int = 0
    records: list[tuple[int, bytes]] = field(default_factory=list)
    docs: list[Document] = field(default_factory=list)
    problem: InputProblem | None = None


def iter_units(paths: Sequence[str], as_of: date, settings: Settings,
               whole_files_from: int | None = None) -> Iterator[Unit]:
    """Cut `paths` into units, in the order the serial reader would visit them.

    JSONL files are split into chunks of raw records, unless the input holds at least
    `whole_files_from` files: then every file is a unit the worker reads itself (on a cluster whose
    workers see the same file system that beats sending the text through the scheduler, and with
    that many files there is parallelism enough without splitting them).
    """
    split_jsonl = (whole_files_from is None
                   or sum(1 for _ in documents.expand_paths(paths, [], settings)) < whole_files_from)
    for raw in paths:
        problems: list[InputProblem] = []
        expanded = list(documents.expand_paths([raw], problems, settings))
        for problem in problems:
            yield Unit("problem", path=problem.path, problem=problem)
        for path in expanded:
            if path == "-":
                stdin_problems: list[InputProblem] = []
                docs = list(documents.iter_documents(["-"], as_of, settings, stdin_problems))
                yield Unit("docs", path="-", docs=docs, size=sum(len(d.text) for d in docs))
                for problem in stdin_problems:
                    yield Unit("problem", path=problem.path, problem=problem)
            elif split_jsonl and path.lower().endswith(documents.JSONL_SUFFIXES):
                yield from _jsonl_units(path, settings.max_record_bytes)
            else:
                yield Unit("file", path=path, size=_size(path))


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _jsonl_units(path: str, max_record_bytes: int) -> Iterator[Unit]:
    """Raw record lines, a chunk at a time; decoding and parsing happen in the worker."""
    records: list[tuple[int, bytes]] = []
    size = 0
    try:
        for line_no, line in documents.jsonl_lines(path, max_record_bytes):
            if line is None:  # too long to ship: reported in its place in the sequence
                if records:
                    yield Unit("records", path=path, records=records, size=size)
                    records, size = [], 0
                error = documents.oversized_record(path, line_no, max_record_bytes)
                yield Unit("problem", path=path, problem=InputProblem(path=path, line=line_no, message=error.message))
                continue
            records.append((line_no, line))
            size += len(line)
            if size >= CHUNK_CHARS:
                yield Unit("records", path=path, records=records, size=size)
                records, size = [], 0
    except InputError as exc:  # unreadable file or broken stream: what was read still counts, in order
        if records:
            yield Unit("records", path=path, records=records, size=size)
            records = []
        yield Unit("problem", path=path, problem=InputProblem(path=path, message=exc.message))
    if records:
        yield Unit("records", path=path, records=records, size=size)


def read_unit(unit: Unit, as_of: date, settings: Settings, problems: list[InputProblem]) -> Iterator[Document]:
    """The documents of one unit (in the worker); unusable input goes to `problems`, in order."""
    if unit.kind == "docs":
        yield from unit.docs
    elif unit.kind == "file":
        yield from documents.iter_documents([unit.path], as_of, settings, problems)
    elif unit.kind == "records":
        for line_no, line in unit.records:
            try:
                doc = documents.read_record(line, unit.path, line_no, as_of)
            except InputError as exc:
                problems.append(InputProblem(path=unit.path, line=exc.line, message=exc.message))
                continue
            if doc is not None:
                yield doc
    elif unit.kind == "problem" and unit.problem is not None:
        problems.append(unit.problem)


def chunked(units: Iterable[Unit], chunk_chars: int | None = None) -> Iterator[list[Unit]]:
    """Group units into chunks of about `chunk_chars` characters (a big unit travels alone)."""
    chunk_chars = chunk_chars or CHUNK_CHARS
    chunk: list[Unit] = []
    size = 0
    for unit in units:
        chunk.append(unit)
        size += unit.size
        if size >= chunk_chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


# ---- claims over the wire ------------------------------------------------------------------------------

_CLAIM_FIELDS = tuple(Claim.model_fields)
_claim_values = attrgetter(*_CLAIM_FIELDS)


def pack_claims(claims: list[Claim]) -> list[tuple]:
    """Claims as tuples of field values: a third smaller and twice as fast to unpickle as the models."""
    return [(_claim_values(c), frozenset(c.model_fields_set)) for c in claims]


def unpack_claims(rows: list[tuple]) -> list[Claim]:
    """Rebuild claims packed by `pack_claims` in the worker; they were validated there already.

    This is what pydantic's own unpickling does (set __dict__ and the bookkeeping slots), minus
    per-object pickled dicts and sets.
    """
    new, set_attr, fields = object.__new__, object.__setattr__, _CLAIM_FIELDS
    out = []
    for values, fields_set in rows:
        claim = new(Claim)
        set_attr(claim, "__dict__", dict(zip(fields, values, strict=True)))
        set_attr(claim, "__pydantic_fields_set__", set(fields_set))
        set_attr(claim, "__pydantic_extra__", None)
        set_attr(claim, "__pydantic_private__", None)
        out.append(claim)
    return out


# ---- the executor --------------------------------------------------------------------------------------

def ordered_map(fn: Callable[[T], R], items: Iterable[T], jobs: int, max_in_flight: int | None = None) -> Iterator[R]:
    """fn over items in `jobs` processes, results in input order, at most `max_in_flight` queued.

    jobs <= 1, or a single item, runs in this process (no pool to start, nothing pickled).
    `items` is consumed lazily, so a generator over a huge archive never sits in memory whole.
    """
    items = iter(items)
    head = list(islice(items, 2))
    if jobs <= 1 or len(head) < 2:
        yield from map(fn, chain(head, items))
        return
    max_in_flight = max_in_flight or 3 * jobs
    pending: deque[Future[R]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_worker_signals)
    finished = False
    try:
        for item in chain(head, items):
            pending.append(pool.submit(fn, item))
            if len(pending) >= max_in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        if not finished:  # an error, Ctrl-C, SIGTERM or a consumer that stopped early: stop the workers now
            _stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_signals() -> None:
    """In each worker: Ctrl-C (sent to the whole process group) is the parent's to handle; SIGTERM ends
    the worker at once; and on Linux the worker gets SIGTERM when the parent dies, however it dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's worker processes (their work is being thrown away) and reap them."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


def _context() -> multiprocessing.context.BaseContext:
    """fork when it is safe (one thread: workers start in milliseconds, modules already imported);
    forkserver when other threads run (forking them can deadlock the child); else the default."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
