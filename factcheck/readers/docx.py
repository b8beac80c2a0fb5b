"""Word .docx files (python-docx): paragraphs and table rows in document order, one a line, and the title.

Line N of a .docx is its Nth paragraph or table row (Word shows no line numbers of its own).
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table

from ..errors import InputError
from . import Part


def read(data: bytes, path: str) -> list[Part]:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"damaged or unreadable Word file ({exc})", path=path) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(" | ".join(" ".join(cell.text.split()) for cell in row.cells) for row in block.rows)
        else:
            lines.append(" ".join(block.text.split()))
    title = document.core_properties.title
    return [Part(text="\n".join(lines) + "\n", meta={"title": title} if title else {})]
