"""Numbers in '|' tables: a cell that is only a number is a count named by its column (or row).

The table's shape (rows, columns, heading row) is read by text.tables; this is what extraction makes of it."""

from __future__ import annotations

import re

from ..text.tables import Tables, column_at, row_at
from ..text.vocabulary import MONTH_PATTERN
from .figure import Figure
from .units import normalise_heading

_PER_CENT = re.compile(r"\bper ?cent", re.IGNORECASE)


def table_cell(text: str, fig: Figure, tables: Tables) -> bool:
    """A bare number that is a whole cell of a '|' table is a claim; its unit comes from the headings.

    The column heading names what is counted ("Number of staff"), unless it is a period ("Aug '24",
    "2023"), in which case the row's first cell does. A heading with "£m", "£000" or "%" makes the
    cell money or a percentage at that scale.
    """
    row = row_at(text, fig.start, fig.end)
    if row is None:
        return False
    line_start, line_end = row
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
    header_start = tables.heading_row(line_start)
    if header_start == line_start:
        return False  # a number in the heading row is a heading
    headings = tables.headings(header_start, keep_outer=True)
    column = column_at(text, line_start, fig.start, keep_outer=True)
    heading = headings[column].strip() if column < len(headings) else ""
    row_label = text[line_start:text.find("|", line_start, line_end)].strip() if column else ""
    if _DATE_HEADING.search(heading) and len(text[fig.start:fig.end].strip()) == 4:
        return False  # "Year | ..." columns hold years
    label = row_label if (not heading or _PERIOD.search(heading)) and row_label else heading
    _apply_table_unit(fig, heading + " " + row_label, label)
    fig.bare = False
    return True


_DATE_HEADING = re.compile(r"\b(?:year|date|period|month|quarter|fy)\b", re.IGNORECASE)
_PERIOD = re.compile(rf"\d|\b{MONTH_PATTERN}\b|\b(?:total|q[1-4])\b", re.IGNORECASE)
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
