"""Sentence boundaries in one regex pass, so finding a claim's sentence is a bisect, not a re-scan.

A full stop ends a sentence when whitespace and a capital, digit, currency sign or opening quote
follow, unless it closes an abbreviation ("hon.", "Mr.", "e.g.", an initial). A line break ends a
sentence too (headings, table rows and list items stand alone) unless it is a soft wrap inside a
paragraph of hard-wrapped prose, which `unwrap` turns into a space first.
"""

from __future__ import annotations

import functools
import re

from ..topics import FUNCTION_CAPS

ABBREVIATIONS = ("hon", "Hon", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Nos", "Rt", "Gen", "Col", "Capt",
                 "Lt", "Sgt", "Cllr", "Rev", "Revd", "Sr", "Jr", "Co", "Ltd", "Inc", "vs", "cf", "approx", "etc",
                 "e.g", "i.e", "E.g", "I.e", "al", "para", "paras", "pp", "ch", "cl", "art", "reg", "fig", "vol",
                 "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "c",
                 "Govt", "Dept", "est", "ed", "eds", "op", "cit", "viz", "Cmnd", "Cm", "Art", "Reg", "Para")
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in ABBREVIATIONS)
# Each branch starts with a literal character, so the regex engine skips ordinary text quickly.
BOUNDARY = re.compile(
    rf"(?:[!?]|\.{_NOT_AFTER}(?<!\b[A-Z]\.))[.!?]*[\"'”’)\]]*[ \t\xa0]+(?=[\"'“‘(\[]?[A-Z0-9£$€])"
    r"|\n\s*"
)


_BLOCK_START = re.compile(r"\s*(?:[-*•#>|]|\d{1,2}[.)]\s|\(?[a-z]{1,3}\)\s|$)")


@functools.lru_cache(maxsize=4)  # extraction, attribution and the rules read the same text in turn
def unwrap(text: str) -> str:
    """The text with soft line wraps turned into spaces (same length, so offsets still hold).

    A line break is a soft wrap when the line before it is long, does not end a sentence, is not a table
    row, and the next line does not start a new block (bullet, heading, list item, blank line).
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    joins = []
    for k in range(len(lines) - 1):
        line = lines[k]
        stripped = line.strip()
        joins.append(" " if len(stripped) >= 40 and _soft_wrap(line, stripped, lines[k + 1]) else "\n")
    joins.append("")
    return "".join(line + join for line, join in zip(lines, joins, strict=True))




def _ends_sentence(line: str) -> bool:
    """Punctuation that ends a sentence, followed by nothing but punctuation and spaces (linear in the line)."""
    end = len(line)
    while end and not (line[end - 1].isalnum() or line[end - 1] == "_"):
        end -= 1
    return any(c in ".!?:;" for c in line[end:])
_FIRST_WORD = re.compile(r"\s*(\S+)")


def _soft_wrap(line: str, stripped: str, nxt: str) -> bool:
    """Whether the break after a long line is a soft wrap (see unwrap)."""
    if "|" in line or "|" in nxt or _ends_sentence(line) or _BLOCK_START.match(nxt):
        return False
    first = _FIRST_WORD.match(nxt)
    if first is not None and first.group(1)[0].isupper() and first.group(1).lower() in FUNCTION_CAPS:
        return False
    return len(stripped) >= 60 or bool(re.match(r"\s*[a-z0-9£$€]", nxt))


class Sentences:
    """Sentence lookup for the claims of one text, in offset order.

    Only the stretches around claims are scanned: each lookup searches back from the claim to the
    previous boundary (never further than the last sentence found) and forward to the next one, so
    a document is read at most about once however many claims it has.
    """

    WINDOW = 400
    MAX_CHARS = 1000  # a "sentence" longer than this (run-on text, no punctuation) is quoted around the claim

    def __init__(self, text: str) -> None:
        self.text = unwrap(text)  # same length as the text, so offsets hold
        self._start = 0  # the sentence found last: [start, end), and where the next one starts
        self._end = -1
        self._next = 0
        self._sentence: str | None = None  # its text, made once for all its claims

    def at(self, offset: int) -> tuple[int, str]:
        """(start, text) of the sentence holding `offset`: at most MAX_CHARS of it, around the offset."""
        if not self._start <= offset < self._end:
            self._start = self._find_start(offset)
            m = BOUNDARY.search(self.text, offset)
            # The sentence keeps its closing punctuation and quotes: it ends where the whitespace starts.
            self._end, self._next = (m.start() + len(m.group().rstrip()), m.end()) if m else (
                len(self.text), len(self.text))
            self._sentence = None
        start, end = self._start, self._end
        if end - start <= self.MAX_CHARS:
            if self._sentence is None:
                self._sentence = self.text[start:end].rstrip()
            return start, self._sentence
        lo = max(start, min(offset - self.MAX_CHARS // 2, end - self.MAX_CHARS))
        hi = min(end, lo + self.MAX_CHARS)
        if lo > start and (space := self.text.find(" ", lo, offset)) >= 0:
            lo = space + 1  # whole words at both ends
        if hi < end and (space := self.text.rfind(" ", offset, hi)) >= 0:
            hi = space
        return lo, self.text[lo:hi].rstrip()

    def _find_start(self, offset: int) -> int:
        floor = self._next if self._next <= offset else 0
        lo = max(floor, offset - self.WINDOW)
        while True:
            last = None
            for m in BOUNDARY.finditer(self.text, lo, min(offset + 1, len(self.text))):
                if m.end() <= offset:
                    last = m
            if last is not None:
                return last.end()
            if lo == floor:
                return floor
            lo = max(floor, lo - 10 * self.WINDOW)

    def same(self, a: int, b: int) -> bool:
        """Whether offsets a <= b fall in one sentence."""
        return BOUNDARY.search(self.text, a, b) is None
