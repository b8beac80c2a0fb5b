"""Read stage: paths (files, directories, `-`) -> Document, streamed one at a time.

Formats: .txt, .md (optional YAML front matter), .jsonl / .jsonl.gz (one statement per record).
A file that cannot be used becomes an InputProblem and the run goes on with the others.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO

import yaml

from . import discover
from .config import Settings
from .dates import date_sections
from .errors import InputError
from .models import Document, DocumentMeta, InputProblem


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps: dates stay text, so an impossible one ("2023-02-30") is
    reported by our own date check with file and line instead of failing inside the YAML library."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", *JSONL_SUFFIXES)
META_FIELDS = ("date", "source", "speaker", "url", "title", "department")


def iter_documents(paths: Sequence[str], as_of: date, settings: Settings | None = None,
                   problems: list[InputProblem] | None = None) -> Iterator[Document]:
    """Yield every document under `paths`; unusable inputs are appended to `problems`.

    With `problems=None` the first unusable input raises InputError instead.
    """
    settings = settings or Settings()
    for path in expand_paths(paths, problems, settings):
        try:
            yield from _read_path(path, as_of, settings, problems)
        except InputError as exc:
            if problems is None:
                raise
            problems.append(InputProblem(path=exc.path or path, line=exc.line, message=exc.message))


def read_text(text: str, doc_id: str = "<text>", as_of: date | None = None,
              meta: DocumentMeta | None = None) -> Document:
    """A Document from a string (library use and tests)."""
    return make_document(doc_id, doc_id, text, meta or DocumentMeta(), as_of or date.today())


def make_document(doc_id: str, path: str, text: str, meta: DocumentMeta, as_of: date,
                  line_offset: int = 0) -> Document:
    return Document(id=doc_id, path=path, text=text,
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    meta=meta, sections=date_sections(text, meta, as_of), line_offset=line_offset)


def expand_paths(paths: Sequence[str], problems: list[InputProblem] | None,
                 settings: Settings | None = None) -> Iterator[str]:
    """The files to read: directories walked by factcheck.discover (hidden and ignored paths left out),
    `exclude` patterns applied to named files too."""
    settings = settings or Settings()
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            found = [e.path for e in discover.walk(raw, TEXT_SUFFIXES, settings.exclude, settings.respect_gitignore)
                     if e.reason is None]
            if not found and problems is not None:
                problems.append(InputProblem(path=raw, message="directory holds no .txt, .md or .jsonl files"))
            yield from found
        elif p.exists():
            if not discover.excluded(raw, settings.exclude):
                yield raw
        else:
            err = InputError("no such file or directory", path=raw)
            if problems is None:
                raise err
            problems.append(InputProblem(path=raw, message=err.message))


def skipped_inputs(paths: Sequence[str], settings: Settings | None = None) -> list[InputProblem]:
    """What expand_paths leaves out of `paths`, with the reason (for the coverage report)."""
    settings = settings or Settings()
    skipped: list[InputProblem] = []
    for raw in paths:
        if raw != "-" and Path(raw).is_dir():
            skipped.extend(InputProblem(path=e.path, message=e.reason) for e in
                           discover.walk(raw, TEXT_SUFFIXES, settings.exclude, settings.respect_gitignore)
                           if e.reason is not None)
        elif raw != "-" and Path(raw).exists() and (reason := discover.excluded(raw, settings.exclude)):
            skipped.append(InputProblem(path=raw, message=reason))
    return skipped


def _read_path(path: str, as_of: date, settings: Settings,
               problems: list[InputProblem] | None) -> Iterator[Document]:
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        yield from _read_jsonl(path, as_of, settings, problems)
        return
    text = _decode(_read_bytes(path, settings), path)
    meta, line_offset = DocumentMeta(), 0
    if lower.endswith((".md", ".markdown")) or text.startswith("---\n"):
        text, meta, line_offset = _front_matter(text, path)
    if not text.strip():
        raise InputError("empty document: no text to check", path=path)
    yield make_document(path, path, text, meta, as_of, line_offset)


def _read_bytes(path: str, settings: Settings) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(settings.max_file_bytes + 1)
    else:
        try:
            if Path(path).stat().st_size > settings.max_file_bytes:
                raise InputError(f"file is larger than the {settings.max_file_bytes:,}-byte limit",
                                 path=path, hint="split it, or raise max_file_bytes with --config")
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    if len(data) > settings.max_file_bytes:
        raise InputError(f"input is larger than the {settings.max_file_bytes:,}-byte limit", path=path)
    return data


def _decode(data: bytes, path: str, line: int | None = None) -> str:
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes); expected UTF-8 text", path=path, line=line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_no = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte {exc.start})", path=path, line=line or line_no,
                         hint="convert the file to UTF-8") from None
    return text.replace("\r\n", "\n")


def _front_matter(text: str, path: str) -> tuple[str, DocumentMeta, int]:
    """Split YAML front matter off: (body, metadata, lines before the body).

    Claim offsets count from the body; their line numbers add the front matter back, so they name
    the line of the file."""
    if not text.startswith("---\n"):
        return text, DocumentMeta(), 0
    end = text.find("\n---", 4)
    if end < 0:
        raise InputError("front matter opened with '---' is never closed", path=path, line=1)
    try:
        data = yaml.load(text[4:end], Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        raise InputError(f"invalid YAML front matter: {getattr(exc, 'problem', exc)}", path=path, line=line) from None
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of fields", path=path, line=2)
    body_start = text.find("\n", end + 1)
    body = text[body_start + 1:] if body_start >= 0 else ""
    date_line = next((i for i, line in enumerate(text[4:end].split("\n"), 2) if line.startswith("date:")), 2)
    return body, _meta(data, path, date_line), text.count("\n", 0, body_start + 1) if body_start >= 0 else 0


def _meta(data: dict, path: str, line: int | None) -> DocumentMeta:
    fields = {k: (str(v) if v is not None else None) for k, v in data.items() if k in META_FIELDS}
    if fields.get("date"):
        from .dates import parse_date_value

        parsed = parse_date_value(fields["date"])
        if parsed is None:
            raise InputError(f"impossible or unreadable date {fields['date']!r}", path=path, line=line,
                             hint="write dates as YYYY-MM-DD, YYYY-MM or YYYY")
        fields["date"] = parsed
    return DocumentMeta(**fields)


def _read_jsonl(path: str, as_of: date, settings: Settings,
                problems: list[InputProblem] | None) -> Iterator[Document]:
    """Stream records; a malformed line is reported with its line number and skipped."""
    for line_no, line in jsonl_lines(path):
        try:
            doc = read_record(line, path, line_no, as_of)
        except InputError as exc:
            if problems is None:
                raise
            problems.append(InputProblem(path=path, line=exc.line, message=exc.message))
            continue
        if doc is not None:
            yield doc


def jsonl_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines of a JSON-lines file (gzipped or not) with their line numbers, undecoded.

    The serial reader parses them here; the parallel engine ships them to workers as they are.
    """
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        raw = opener(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    with raw:
        try:
            for line_no, line in enumerate(_lines(raw), 1):
                if line.strip():
                    yield line_no, line
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise InputError(f"cannot read compressed stream: {exc}", path=path) from None


def _lines(stream: IO[bytes], block: int = 1 << 20) -> Iterator[bytes]:
    """The lines of a binary stream, read a megabyte at a time: iterating a GzipFile line by line
    costs a Python call per line."""
    pending = b""
    while chunk := stream.read(block):
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        yield from lines
    if pending:
        yield pending


def read_record(line: bytes, path: str, line_no: int, as_of: date) -> Document | None:
    """One JSON-lines record as a Document (None for an empty text); a bad record is an InputError."""
    text_line = _decode(line, path, line_no)
    try:
        record = json.loads(text_line)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", path=path, line=line_no) from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError("record has no \"text\" string", path=path, line=line_no)
    if not record["text"].strip():
        return None
    data = {k: record.get(k) for k in META_FIELDS if record.get(k)}
    if not data.get("date"):
        data["date"] = record.get("date_answered") or record.get("date_tabled") or None
    if not data.get("source") and record.get("addressee"):
        data["source"] = record["addressee"]
    data = {k: v for k, v in data.items() if v}
    meta = _meta(data, path, line_no)
    record_id = record.get("id", line_no)
    doc_id = f"{path}#{record_id}"
    return make_document(doc_id, path, record["text"].replace("\r\n", "\n"), meta, as_of)
