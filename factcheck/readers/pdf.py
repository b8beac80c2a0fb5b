"""PDF files: the text of each page (pypdf), one part per page, so evidence names the page."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ..errors import InputError
from . import Part


def read(data: bytes, path: str) -> list[Part]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("the PDF is encrypted", path=path, hint="save an unprotected copy")
        title = reader.metadata.title if reader.metadata else None
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError(f"damaged or unreadable PDF ({exc})", path=path) from None
    meta = {"title": " ".join(str(title).split())} if title else {}
    parts = [Part(text=text.replace("\r\n", "\n"), meta=meta, name=f"page={number}")
             for number, text in enumerate(pages, 1) if text.strip()]
    if not parts:
        raise InputError("the PDF has no text layer (a scan?)", path=path, hint="run OCR on it first")
    return parts
