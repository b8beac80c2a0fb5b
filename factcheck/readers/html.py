"""Web pages: the main text without navigation and boilerplate (trafilatura), title and publication date.

Each paragraph of the main text is placed on the line of the source file where it starts, so a claim's
line is its line in the .html file (paragraphs that cannot be found there follow the one before).
"""

from __future__ import annotations

import html as html_escapes
import re

import trafilatura

from ..errors import InputError
from . import Part

_SKIPPED = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
PROBE_CHARS = 40  # letters and digits of a paragraph's start that find it in the source


def read(data: bytes, path: str) -> list[Part]:
    source = _decode(data, path)
    extracted = trafilatura.bare_extraction(source, with_metadata=True, include_comments=False,
                                            include_tables=True)
    text = (extracted.text if extracted is not None else None) or trafilatura.html2txt(source) or ""
    meta = {}
    if extracted is not None:
        meta = {key: str(value) for key, value in (("title", extracted.title), ("date", extracted.date),
                                                  ("url", extracted.url)) if value}
    if "title" not in meta and (title := re.search(r"<title[^>]*>(.*?)</title>", source, re.S | re.I)):
        meta["title"] = " ".join(html_escapes.unescape(title.group(1)).split())
    return [Part(text=place_on_source_lines(text, source), meta=meta)]


def _decode(data: bytes, path: str) -> str:
    declared = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
    for encoding in ("utf-8-sig", declared.group(1).decode("ascii") if declared else "utf-8", "cp1252"):
        try:
            return data.decode(encoding).replace("\r\n", "\n")
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError("cannot decode the web page", path=path, hint="save it as UTF-8")


def _visible_index(source: str) -> tuple[str, list[int]]:
    """The source's visible letters and digits, case-folded, with the line each one stands on."""
    letters: list[str] = []
    lines: list[int] = []
    line, pos = 1, 0
    for m in _SKIPPED.finditer(source + "<end>"):
        chunk = html_escapes.unescape(source[pos:m.start()])
        for ch in chunk:
            if ch == "\n":
                line += 1
            elif ch.isalnum():
                letters.append(ch.casefold())
                lines.append(line)
        line += m.group().count("\n")
        pos = m.end()
    return "".join(letters), lines


def place_on_source_lines(text: str, source: str) -> str:
    """`text` (one paragraph a line) with each paragraph moved down to the source line it starts on."""
    letters, lines = _visible_index(source)
    out: list[str] = []
    current, search_from = 0, 0
    for paragraph in text.split("\n"):
        probe = "".join(ch.casefold() for ch in paragraph if ch.isalnum())[:PROBE_CHARS]
        found = letters.find(probe, search_from) if probe else -1
        target = current + 1
        if found >= 0:
            target = max(lines[found], current + 1)
            search_from = found + len(probe)
        out.append("\n" * (target - current - 1 if out else target - 1))
        out.append(paragraph + "\n")
        current = target
    return "".join(out)
