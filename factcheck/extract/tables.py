"""Numbers in '|' tables: a cell that is only a number is a count named by its column (or row)."""

from __future__ import annotations

import re

from .figure import Figure
from .patterns import MONTHS
from .units import normalise_heading

_PER_CENT = re.compile(r"\bper ?cent", re.IGNORECASE)
_MAX_ROW = 2000  # a line longer than this is prose, not a table row


class Tables:
    """Per-document memo: each table row finds its heading row once, each heading row is split once."""

    def __init__(self) -> None:
        self.heading_row: dict[int, int] = {}  # line start -> start of its block's heading row
        self.headings: dict[int, list[str]] = {}  # heading row start -> its cells


def table_cell(text: str, fig: Figure, tables: Tables) -> bool:
    """A bare number that is a whole cell of a '|' table is a claim; its unit comes from the headings.

    The column heading names what is counted ("Number of staff"), unless it is a period ("Aug '24",
    "2023"), in which case the row's first cell does. A heading with "£m", "£000" or "%" makes the
    cell money or a percentage at that scale.
    """
    newline = text.rfind("\n", max(0, fig.start - _MAX_ROW), fig.start)
    if newline < 0 and fig.start > _MAX_ROW:
        return False
    line_start = newline + 1
    line_end = text.find("\n", fig.end, fig.end + _MAX_ROW)
    if line_end < 0:
        if fig.end + _MAX_ROW < len(text):
            return False
        line_end = len(text)
    left = text.rfind("|", line_start, fig.start)
    right = text.find("|", fig.end, line_end)
    if left < 0 and right < 0:
        return False
    cell_start = left + 1 if left >= 0 else line_start
    cell_end = right if right >= 0 else line_end
    if text[cell_start:cell_end].strip() != text[fig.start:fig.end].strip():
        return False
    if not text[line_start:cell_start].replace("|", "").strip():
        return False  # the first cell of a row labels the row ("3 | Wenalt Farm"): not a count
    header_start = _heading_row(text, line_start, tables.heading_row)
    if header_start == line_start:
        return False  # a number in the heading row is a heading
    headings = tables.headings.get(header_start)
    if headings is None:
        header_end = text.find("\n", header_start)
        headings = tables.headings[header_start] = text[header_start:header_end].split("|")
    column = text.count("|", line_start, fig.start)
    heading = headings[column].strip() if column < len(headings) else ""
    row_label = text[line_start:text.find("|", line_start, line_end)].strip() if column else ""
    if _DATE_HEADING.search(heading) and len(text[fig.start:fig.end].strip()) == 4:
        return False  # "Year | ..." columns hold years
    label = row_label if (not heading or _PERIOD.search(heading)) and row_label else heading
    _apply_table_unit(fig, heading + " " + row_label, label)
    fig.bare = False
    return True


def _heading_row(text: str, line_start: int, headers: dict[int, int]) -> int:
    """Start of the first line of the block of '|' lines holding `line_start` (memoised per row)."""
    walked = []
    current = line_start
    while current > 0 and current not in headers:
        prev_newline = text.rfind("\n", max(0, current - 1 - _MAX_ROW), current - 1)
        if prev_newline < 0 and current - 1 > _MAX_ROW:
            break
        if "|" not in text[prev_newline + 1:current - 1]:
            break
        walked.append(current)
        current = prev_newline + 1
    header = headers.get(current, current)
    for row in (*walked, current):
        headers[row] = header
    return header


_DATE_HEADING = re.compile(r"\b(?:year|date|period|month|quarter|fy)\b", re.IGNORECASE)
_PERIOD = re.compile(rf"\d|\b{MONTHS}\b|\b(?:total|q[1-4])\b", re.IGNORECASE)
_MONEY_HEADING = re.compile(r"£\s?(bn|billion|m|million|k|000s?|thousand)?\b|\(£\)", re.IGNORECASE)
_TABLE_SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "000": 1e3, "000s": 1e3,
                 "thousand": 1e3}


def _apply_table_unit(fig: Figure, headings: str, label: str) -> None:
    money = _MONEY_HEADING.search(headings)
    if money:
        scale = _TABLE_SCALES.get((money.group(1) or "").lower(), 1.0)
        fig.kind, fig.unit = "money", "GBP"
        fig.value *= scale
        fig.precision *= scale
    elif "%" in headings or _PER_CENT.search(headings):
        fig.kind, fig.unit = "percent", "%"
    else:
        fig.unit = normalise_heading(label)
