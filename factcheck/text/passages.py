"""Cut a document into passages for the full-text index: sentences that never cross a paragraph.

Coarser than text.sentences on purpose: a hard-wrapped line runs on (only a blank line, a heading or a list
item ends a paragraph), and a passage is cut only to keep one hit readable.
"""

from __future__ import annotations

import re

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before a capital, digit,
# opening quote or currency sign. A blank line always ends one, and so does a line break before a heading,
# list item or quote marker; other line breaks are hard wrapping inside a sentence.
_BREAK = re.compile(r"(?<=[.!?])[\"'’”)\]]?\s+(?=[A-Z0-9\"'‘“(£$€])|\n[ \t]*\n\s*|\n(?=[ \t]*(?:[-*•#>|]|\d+[.)]\s))")
MAX_PASSAGE_CHARS = 1500  # very long "sentences" (tables, lists) are cut so one hit stays readable


def split_passages(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of `text`, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BREAK.finditer(text):
        _add(text, pos, m.start() + (len(m.group()) - len(m.group().lstrip("\"'’”)]"))), spans)
        pos = m.end()
    _add(text, pos, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    heading_end = text.find("\n", start, end) if text.startswith("#", start) else -1
    if heading_end > 0:  # a markdown heading is a passage of its own
        _add(text, start, heading_end, spans)
        start = heading_end
        _add(text, start, end, spans)
        return
    while end - start > MAX_PASSAGE_CHARS:
        cut = text.rfind(" ", start, start + MAX_PASSAGE_CHARS)
        cut = cut if cut > start else start + MAX_PASSAGE_CHARS
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        spans.append((start, end))
