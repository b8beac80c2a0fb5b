"""Sentence boundaries in one regex pass, so finding a claim's sentence is a bisect, not a re-scan.

A full stop ends a sentence when whitespace and a capital, digit, currency sign or opening quote
follow, unless it closes an abbreviation ("hon.", "Mr.", "e.g.", an initial). Every line break ends
a sentence too: headings, table rows and list items stand alone.
"""

from __future__ import annotations

import bisect
import re

ABBREVIATIONS = ("hon", "Hon", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Nos", "Rt", "Gen", "Col", "Capt",
                 "Lt", "Sgt", "Cllr", "Rev", "Revd", "Sr", "Jr", "Co", "Ltd", "Inc", "vs", "cf", "approx", "etc",
                 "e.g", "i.e", "E.g", "I.e", "al", "para", "paras", "pp", "ch", "cl", "art", "reg", "fig", "vol",
                 "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "c",
                 "Govt", "Dept", "est", "ed", "eds", "op", "cit", "viz", "Cmnd", "Cm", "Art", "Reg", "Para")
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(a)})" for a in ABBREVIATIONS)
BOUNDARY = re.compile(
    rf"(?:[!?]|{_NOT_AFTER}(?<!\b[A-Z])\.)[.!?]*[\"'”’)\]]*[ \t\xa0]+(?=[\"'“‘(\[]?[A-Z0-9£$€])"
    r"|[ \t\xa0]*\n\s*"
)


class Sentences:
    """The sentences of one text; built once, queried by offset in O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        self.ends: list[int] = []
        for m in BOUNDARY.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def at(self, offset: int) -> tuple[int, str]:
        """(start, text) of the sentence holding `offset`."""
        i = self.index(offset)
        start, end = self.starts[i], self.ends[i]
        return start, self.text[start:end]
