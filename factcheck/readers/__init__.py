"""Readers for the formats statements arrive in besides plain text: web pages, PDF and Word files.

Each reader turns a file's bytes into `Part`s (text with metadata; a PDF gives one per page, named
`report.pdf#page=3`, so evidence names the page) and lives in its own module with its own optional
dependency, installed by an extra (`pip install 'factcheck[readers]'`, or `[html]`, `[pdf]`, `[docx]`).
`documents.py` calls `read_parts` for every suffix listed in READERS; a known document type without a
reader gets a hint instead (UNSUPPORTED).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType

from ..errors import InputError


@dataclass
class Part:
    """Text read from a file, and where in the file it came from.

    `text` keeps the file's line numbers where the format has them (a web page's paragraphs sit on the
    lines of the source they come from); `name` is appended to the path as `#name` (a PDF page)."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)  # title, date, url: as DocumentMeta fields
    name: str | None = None


@dataclass(frozen=True)
class Reader:
    module: str  # factcheck.readers.<module>, with a `read(data: bytes, path: str) -> list[Part]`
    extra: str  # the pip extra that installs its library
    library: str  # the library's import name, to tell a missing extra from a bug


READERS: dict[str, Reader] = {
    ".html": Reader("html", "html", "trafilatura"),
    ".htm": Reader("html", "html", "trafilatura"),
    ".xhtml": Reader("html", "html", "trafilatura"),
    ".pdf": Reader("pdf", "pdf", "pypdf"),
    ".docx": Reader("docx", "docx", "docx"),
}
# Document types people send that no reader takes: what to do instead.
UNSUPPORTED: dict[str, str] = {
    ".pages": "export it as PDF or Word (.docx)",
    ".doc": "save it as Word (.docx) or PDF",
    ".odt": "save it as Word (.docx) or PDF",
    ".rtf": "save it as Word (.docx) or PDF",
    ".key": "export it as PDF",
    ".numbers": "export it as CSV or PDF",
    ".xls": "export it as PDF, or save the sheet as text",
    ".xlsx": "export it as PDF, or save the sheet as text",
    ".ppt": "export it as PDF",
    ".pptx": "export it as PDF",
    ".epub": "export it as PDF",
    ".mht": "save the page as .html",
    ".mhtml": "save the page as .html",
    ".webarchive": "save the page as .html",
}


def suffix_of(path: str) -> str:
    name = path.rsplit("/", 1)[-1].lower()
    return name[name.rfind("."):] if "." in name else ""


def reader_for(path: str) -> Reader | None:
    return READERS.get(suffix_of(path))


def check_supported(path: str) -> None:
    """A known document type that no reader takes is an InputError that says what to do with it."""
    suffix = suffix_of(path)
    if suffix in UNSUPPORTED:
        raise InputError(f"a {suffix} file: {UNSUPPORTED[suffix]} to check it", path=path)


def _load(reader: Reader, path: str) -> ModuleType:
    try:
        importlib.import_module(reader.library)
    except ImportError:
        raise InputError(f"reading {suffix_of(path)} files needs the '{reader.extra}' extra: "
                         f"pip install 'factcheck[{reader.extra}]'", path=path) from None
    return importlib.import_module(f"{__name__}.{reader.module}")


def read_parts(data: bytes, path: str) -> list[Part]:
    """The text of a web page, PDF or Word file at `path` (its bytes `data`): an InputError names the
    file when the extra is missing or the file is damaged."""
    reader = reader_for(path)
    if reader is None:
        raise InputError("no reader for this file type", path=path)
    read: Callable[[bytes, str], list[Part]] = _load(reader, path).read
    return read(data, path)
