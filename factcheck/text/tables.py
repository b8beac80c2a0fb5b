"""'|' tables: the row a figure stands in, its column, and the table's heading row.

Extraction (is a bare number a counted cell?) and attribution (what row and column name it?) read
the same tables; this is the one reading of their shape. A table is a block of consecutive lines
holding '|'; its first line is the heading row. Cells are counted without the outer pipes, so
"| a | b |" and "a | b" have the same two cells; with `keep_outer` a leading pipe opens an empty first
cell instead. The two agree unless a table's rows disagree about a leading pipe (a heading row
"| Year" over rows "Staff | 12"): extraction counts cells with `keep_outer` (what it reads there
was measured so), attribution without.
"""

from __future__ import annotations

MAX_ROW_CHARS = 2000  # a line longer than this is prose, not a table row (and scanning it per figure is quadratic)


def row_at(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the line holding text[start:end], without its newline; None when that line is longer
    than MAX_ROW_CHARS (it is prose, and no search runs further than that from a figure)."""
    newline = text.rfind("\n", max(0, start - MAX_ROW_CHARS), start)
    if newline < 0 and start > MAX_ROW_CHARS:
        return None
    line_end = text.find("\n", end, end + MAX_ROW_CHARS)
    if line_end < 0:
        if end + MAX_ROW_CHARS < len(text):
            return None
        line_end = len(text)
    return newline + 1, line_end


def cells(line: str, keep_outer: bool = False) -> list[str]:
    """The cells of a table row, each as written (not stripped); outer pipes dropped unless keep_outer."""
    return line.split("|") if keep_outer else line.strip().strip("|").split("|")


def column_at(text: str, line_start: int, offset: int, keep_outer: bool = False) -> int:
    """Which cell of the row starting at `line_start` holds `offset` (0: the first; see `cells`)."""
    if keep_outer:
        return text.count("|", line_start, offset)
    return text[line_start:offset].strip().lstrip("|").count("|")


class Tables:
    """The tables of one text, read as they are asked about: each row finds its heading row once (memoised,
    so walking up a long table is linear however many figures it holds), each heading row is split once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._heading_row: dict[int, int] = {}  # row start -> start of its table's heading row
        self._headings: dict[tuple[int, bool], list[str]] = {}  # (heading row start, keep_outer) -> its cells

    def heading_row(self, line_start: int) -> int:
        """Start of the first line of the block of '|' lines holding the line at `line_start`."""
        text, memo = self.text, self._heading_row
        walked = []
        current = line_start
        while current > 0 and current not in memo:
            prev_newline = text.rfind("\n", max(0, current - 1 - MAX_ROW_CHARS), current - 1)
            if prev_newline < 0 and current - 1 > MAX_ROW_CHARS:
                break
            if "|" not in text[prev_newline + 1:current - 1]:
                break
            walked.append(current)
            current = prev_newline + 1
        header = memo.get(current, current)
        for row in (*walked, current):
            memo[row] = header
        return header

    def headings(self, header_start: int, keep_outer: bool = False) -> list[str]:
        """The cells of the heading row starting at `header_start` (see `cells`)."""
        found = self._headings.get((header_start, keep_outer))
        if found is None:
            line = self.text[header_start:self.text.find("\n", header_start)]
            found = self._headings[header_start, keep_outer] = cells(line, keep_outer)
        return found
