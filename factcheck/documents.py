"""Read stage: paths (files, directories, `-`) -> Document, streamed one at a time.

Formats: .txt, .md (optional YAML front matter), .jsonl / .jsonl.gz (one statement per record), and through
factcheck.readers web pages, PDF and Word files (optional extras).
A file that cannot be used becomes an InputProblem and the run goes on with the others.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import json
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO

import yaml

from . import discover, yamlsafe
from .config import Settings
from .dates import date_sections
from .errors import InputError
from .models import Document, DocumentMeta, InputProblem
from .readers import READERS, UNSUPPORTED, check_supported, read_parts, reader_for, suffix_of
from .yamlsafe import NoAliasSafeLoader


class _FrontMatterLoader(NoAliasSafeLoader):
    """Safe YAML without implicit timestamps: dates stay text, so an impossible one ("2023-02-30") is
    reported by our own date check with file and line instead of failing inside the YAML library."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in NoAliasSafeLoader.yaml_implicit_resolvers.items()
}

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", *JSONL_SUFFIXES)
META_FIELDS = ("date", "source", "speaker", "url", "title", "department")
READ_BLOCK = 1 << 20


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
        try:
            is_dir = stat.S_ISDIR(os.stat(raw).st_mode)
        except OSError as exc:  # missing, or inside a directory we may not search
            message = "no such file or directory" if exc.errno == errno.ENOENT else f"cannot read: {exc.strerror}"
            err = InputError(message, path=raw)
            if problems is None:
                raise err from None
            problems.append(InputProblem(path=raw, message=err.message))
            continue
        if is_dir:
            found = []
            for entry in discover.walk(raw, _is_statement, settings.exclude, settings.respect_gitignore):
                if entry.unreadable:  # a sub-directory we may not list: a gap in the run, said by name
                    err = InputError(entry.reason or "cannot read directory", path=entry.path)
                    if problems is None:
                        raise err
                    problems.append(InputProblem(path=entry.path, message=err.message))
                elif entry.reason is None:
                    found.append(entry.path)
            if not found and problems is not None:
                problems.append(InputProblem(path=raw, message="directory holds no .txt, .md, .jsonl, .html, "
                                                               ".pdf or .docx files"))
            yield from found
        elif not discover.excluded(raw, settings.exclude):
            yield raw


def skipped_inputs(paths: Sequence[str], settings: Settings | None = None) -> list[InputProblem]:
    """What expand_paths leaves out of `paths`, with the reason (for the coverage report)."""
    settings = settings or Settings()
    skipped: list[InputProblem] = []
    for raw in paths:
        if raw != "-" and _quietly(Path(raw).is_dir):
            skipped.extend(InputProblem(path=e.path, message=e.reason) for e in
                           discover.walk(raw, _is_statement, settings.exclude, settings.respect_gitignore)
                           if e.reason is not None and not e.unreadable)
        elif raw != "-" and _quietly(Path(raw).exists) and (reason := discover.excluded(raw, settings.exclude)):
            skipped.append(InputProblem(path=raw, message=reason))
    return skipped


def _quietly(test: Callable[[], bool]) -> bool:
    """A file-system test that is False when the path cannot be examined (reported by the read stage)."""
    try:
        return test()
    except OSError:
        return False


def _is_statement(name: str) -> bool:
    """Whether a file found in a directory is read (or, a document type without a reader, reported)."""
    suffix = suffix_of(name)
    return name.lower().endswith(TEXT_SUFFIXES) or suffix in READERS or suffix in UNSUPPORTED


def _read_path(path: str, as_of: date, settings: Settings,
               problems: list[InputProblem] | None) -> Iterator[Document]:
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        yield from _read_jsonl(path, as_of, settings, problems)
        return
    if path != "-" and reader_for(path):
        yield from _read_with_reader(path, as_of, settings)
        return
    check_supported(path)
    text = _decode(_read_bytes(path, settings), path)
    meta, line_offset = DocumentMeta(), 0
    if lower.endswith((".md", ".markdown")) or text.startswith("---\n"):
        text, meta, line_offset = _front_matter(text, path)
    if not text.strip():
        raise InputError("empty document: no text to check", path=path)
    yield make_document(path, path, text, meta, as_of, line_offset)


def _read_with_reader(path: str, as_of: date, settings: Settings) -> Iterator[Document]:
    """A web page, PDF or Word file through its reader; a PDF's pages are documents `path#page=N`."""
    parts = read_parts(_read_bytes(path, settings, binary=True), path)
    if not any(part.text.strip() for part in parts):
        raise InputError("empty document: no text to check", path=path)
    for part in parts:
        try:
            meta = _meta(part.meta, path, None)
        except InputError:  # a page's unreadable date is no reason to skip its text
            meta = _meta({k: v for k, v in part.meta.items() if k != "date"}, path, None)
        if part.text.strip():
            yield make_document(f"{path}#{part.name}" if part.name else path, path, part.text, meta, as_of)


def _read_bytes(path: str, settings: Settings, binary: bool = False) -> bytes:
    """The bytes of one input, read a block at a time within the limits (`binary`: a PDF or Word file,
    whose NULs and long lines are its format, so only the file limit applies).

    Never trusts the size the file system reports (a symlink to /dev/zero or a pipe has none): a NUL
    in the first block refuses a binary input at once, and reading stops as soon as the file or one
    of its lines passes its limit, naming that line."""
    limit, line_limit = settings.max_file_bytes, settings.max_record_bytes
    try:
        if path != "-" and Path(path).stat().st_size > limit:
            raise InputError(f"file is larger than the {limit:,}-byte limit",
                             path=path, hint="split it, or raise max_file_bytes with --config")
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    blocks: list[bytes] = []
    size = line_start = lines = 0  # line_start: offset of the current line's first byte
    try:
        while block := stream.read(READ_BLOCK):
            if not binary and not blocks and b"\x00" in block[:8192]:
                raise InputError("binary file (contains NUL bytes); expected UTF-8 text", path=path)
            last_newline = block.rfind(b"\n")
            if last_newline >= 0:
                lines += block.count(b"\n")
                line_start = size + last_newline + 1
            size += len(block)
            if not binary and size - line_start > line_limit:
                raise InputError(f"line is longer than the {line_limit:,}-byte limit", path=path, line=lines + 1,
                                 hint="raise it with --max-record-bytes")
            if size > limit:
                raise InputError(f"input is larger than the {limit:,}-byte limit", path=path,
                                 hint="split it, or raise max_file_bytes with --config")
            blocks.append(block)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    finally:
        if path != "-":
            stream.close()
    return b"".join(blocks)


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
        data = yamlsafe.load(text[4:end], _FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        raise InputError(f"invalid YAML front matter: {getattr(exc, 'problem', None) or exc}", path=path,
                         line=line) from None
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of fields", path=path, line=2)
    body_start = text.find("\n", end + 1)
    body = text[body_start + 1:] if body_start >= 0 else ""
    date_line = next((i for i, line in enumerate(text[4:end].split("\n"), 2) if line.startswith("date:")), 2)
    return body, _meta(data, path, date_line), text.count("\n", 0, body_start + 1) if body_start >= 0 else 0


def _meta(data: dict, path: str, line: int | None) -> DocumentMeta:
    fields: dict[str, str | None] = {}
    for key, value in data.items():
        if key not in META_FIELDS or value is None:
            continue
        if isinstance(value, (dict, list)):
            raise InputError(f"field {key!r} must be text, not a {type(value).__name__}", path=path, line=line)
        fields[key] = check_unicode(str(value), path, line, key)
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
    """Stream records; a malformed or oversized line is reported with its line number and skipped."""
    for line_no, line in jsonl_lines(path, settings.max_record_bytes):
        try:
            if line is None:
                raise oversized_record(path, line_no, settings.max_record_bytes)
            doc = read_record(line, path, line_no, as_of)
        except InputError as exc:
            if problems is None:
                raise
            problems.append(InputProblem(path=path, line=exc.line, message=exc.message))
            continue
        if doc is not None:
            yield doc


def oversized_record(path: str, line_no: int, limit: int) -> InputError:
    return InputError(f"record is longer than the {limit:,}-byte limit", path=path, line=line_no,
                      hint="raise it with --max-record-bytes")


def jsonl_lines(path: str, max_line_bytes: int = 1 << 20) -> Iterator[tuple[int, bytes | None]]:
    """The non-blank lines of a JSON-lines file (gzipped or not) with their line numbers, undecoded;
    None in place of a line longer than `max_line_bytes` (never held in memory whole).

    The serial reader parses them here; the parallel engine ships them to workers as they are.
    """
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        raw = opener(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    with raw:
        try:
            for line_no, line in enumerate(_lines(raw, max_line_bytes), 1):
                if line is None or line.strip():
                    yield line_no, line
        except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise InputError(f"cannot read compressed stream: {exc}", path=path) from None


def _lines(stream: IO[bytes], max_line_bytes: int, block: int = READ_BLOCK) -> Iterator[bytes | None]:
    """The lines of a binary stream, read a megabyte at a time (iterating a GzipFile line by line
    costs a Python call per line); None for a line over the limit, whose bytes are dropped as they
    come, so one endless line (a small .gz can expand to gigabytes) costs time, not memory."""
    pending = b""
    skipping = False  # inside a line already over the limit
    while chunk := stream.read(block):
        if skipping:
            newline = chunk.find(b"\n")
            if newline < 0:
                continue
            chunk, skipping = chunk[newline + 1:], False
            yield None
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        for line in lines:
            yield line if len(line) <= max_line_bytes else None
        if len(pending) > max_line_bytes:
            pending, skipping = b"", True
    if skipping:
        yield None
    elif pending:
        yield pending


def load_json(data: str | bytes, path: str, line: int | None = None) -> object:
    """json.loads with every way a hostile text can break it turned into a one-line InputError:
    nesting deeper than the interpreter's recursion limit, integers past the digit limit."""
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", path=path,
                         line=line if line is not None else exc.lineno) from None
    except RecursionError:
        raise InputError(f"JSON nested too deeply (the limit is about {sys.getrecursionlimit():,} levels)",
                         path=path, line=line) from None
    except ValueError as exc:  # an integer longer than sys.get_int_max_str_digits()
        reason = str(exc).split(";")[0]
        raise InputError(f"unusable JSON value: {reason}", path=path, line=line) from None


def check_unicode(text: str, path: str, line: int | None, field: str = "text") -> str:
    """`text` if it can be written as UTF-8; a lone surrogate (JSON allows "\\ud800") is an InputError."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"field {field!r} holds a lone surrogate \\u{ord(text[exc.start]):04x} at character "
                         f"{exc.start}, which is not Unicode text", path=path, line=line,
                         hint="fix the program that wrote the record") from None
    return text


def read_record(line: bytes, path: str, line_no: int, as_of: date) -> Document | None:
    """One JSON-lines record as a Document (None for an empty text); a bad record is an InputError."""
    record = load_json(_decode(line, path, line_no), path, line_no)
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError("record has no \"text\" string", path=path, line=line_no)
    if not record["text"].strip():
        return None
    text = check_unicode(record["text"], path, line_no)
    data = {k: record.get(k) for k in META_FIELDS if record.get(k)}
    if not data.get("date"):
        data["date"] = record.get("date_answered") or record.get("date_tabled") or None
    if not data.get("source") and record.get("addressee"):
        data["source"] = record["addressee"]
    data = {k: v for k, v in data.items() if v}
    meta = _meta(data, path, line_no)
    record_id = record.get("id", line_no)
    if not isinstance(record_id, (str, int)) or isinstance(record_id, bool):
        raise InputError("record \"id\" must be a string or an integer", path=path, line=line_no)
    doc_id = f"{path}#{check_unicode(str(record_id), path, line_no, 'id')}"
    return make_document(doc_id, path, text.replace("\r\n", "\n"), meta, as_of)
