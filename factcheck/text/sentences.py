"""Where sentences end: the one module that cuts English text into sentences.

A full stop ends a sentence when whitespace and a capital, digit, currency sign or opening quote
follow, unless it closes an abbreviation ("hon.", "Mr.", "e.g.", an initial). A line break ends a
sentence too (headings, table rows and list items stand alone) unless it is a soft wrap inside a
paragraph of hard-wrapped prose, which `unwrap` turns into a space first.

Two readers use these boundaries:
- `Sentences`: the sentence around an offset (extraction gives each claim its sentence), found by
  scanning only near the claims;
- `split_sentences`: every sentence of a text in order, with its paragraph (attribution walks them to
  carry a subject from one sentence to the next). Its cuts are coarser (see there).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .vocabulary import FUNCTION_CAPS, MONTH_ABBREVIATIONS

ABBREVIATIONS = ("hon", "Hon", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Nos", "Rt", "Gen", "Col", "Capt",
                 "Lt", "Sgt", "Cllr", "Rev", "Revd", "Sr", "Jr", "Co", "Ltd", "Inc", "vs", "cf", "approx", "etc",
                 "e.g", "i.e", "E.g", "I.e", "al", "para", "paras", "pp", "ch", "cl", "art", "reg", "fig", "vol",
                 *MONTH_ABBREVIATIONS, "c",
                 "Govt", "Dept", "est", "ed", "eds", "op", "cit", "viz", "Cmnd", "Cm", "Art", "Reg", "Para")
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in ABBREVIATIONS)
# Each branch starts with a literal character, so the regex engine skips ordinary text quickly.
# The runs after the stop are bounded ({0,3}): unbounded, a run of 50,000 "!" costs a scan of the rest of
# the run from every one of them. A longer run still ends a sentence, matched from its last few stops.
BOUNDARY = re.compile(
    rf"(?:[!?]|\.{_NOT_AFTER}(?<!\b[A-Z]\.))[.!?]{{0,3}}[\"'”’)\]]{{0,3}}[ \t\xa0]+(?=[\"'“‘(\[]?[A-Z0-9£$€])"
    r"|\n\s*"
)
# No real sentence is this long (the longest in 24,000 written answers is under 1,000 characters). A
# longer one (a list run together, text without stops) is read in pieces of at most this size, cut at
# a space, so that every stage's work per figure stays bounded however long the line.
MAX_SENTENCE_CHARS = 1200


def sentence_pieces(text: str, start: int, end: int) -> list[int]:
    """The start offsets of the pieces of the sentence text[start:end]: just `start` unless it is longer
    than MAX_SENTENCE_CHARS. Depends only on the sentence, so every figure in a piece sees the same one."""
    starts = [start]
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        start = cut + 1 if cut >= 0 else start + MAX_SENTENCE_CHARS
        starts.append(start)
    return starts


_BLOCK_START = re.compile(r"\s*(?:[-*•#>|]|\d{1,2}[.)]\s|\(?[a-z]{1,3}\)\s|$)")


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

    def __init__(self, text: str, unwrapped: str | None = None) -> None:
        """`unwrapped`: unwrap(text), when the caller has it already (a TextLayout)."""
        self.text = unwrap(text) if unwrapped is None else unwrapped  # same length as the text, so offsets hold
        self._start = 0  # the sentence found last: [start, end), and where the next one starts
        self._end = -1
        self._next = 0
        self._pieces = [0]  # its piece starts (see sentence_pieces)

    def at(self, offset: int) -> tuple[int, str]:
        """(start, text) of the sentence holding `offset` (of its piece, in an overlong sentence)."""
        if not self._start <= offset < self._end:
            self._start = self._find_start(offset)
            m = BOUNDARY.search(self.text, offset)
            # The sentence keeps its closing punctuation and quotes: it ends where the whitespace starts.
            self._end, self._next = (m.start() + len(m.group().rstrip()), m.end()) if m else (
                len(self.text), len(self.text))
            self._pieces = sentence_pieces(self.text, self._start, self._end)
        if len(self._pieces) == 1:
            return self._start, self.text[self._start:self._end].rstrip()
        i = bisect.bisect_right(self._pieces, offset) - 1
        end = self._pieces[i + 1] if i + 1 < len(self._pieces) else self._end
        return self._pieces[i], self.text[self._pieces[i]:end].rstrip()

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
        """Whether offsets a <= b fall in one sentence (one piece of an overlong one)."""
        if b - a > MAX_SENTENCE_CHARS:
            return False
        return BOUNDARY.search(self.text, a, b) is None


@dataclass(frozen=True)
class Sentence:
    """One sentence of `split_sentences`: [start, end) in the (unwrapped) text, and its paragraph's number."""

    start: int
    end: int
    text: str  # the sentence as cut: it may run on over the closing quote and one space after `end`
    paragraph: int


# The cuts of `split_sentences`: after . ! ? (and one closing quote or bracket) before a capital, digit,
# currency sign or opening quote; at every line break (a new paragraph); and between two words run
# together without a space ("the fundThe scheme", as converted web pages leave them).
_CUT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"‘(£$€0-9])|\n\s*|(?<=[a-z]{4})(?=[A-Z][a-z]+[\s-])")
_ABBREVIATION_BEFORE = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS) + r"|[A-Z])\.$")


def split_sentences(text: str, abbreviations: bool = False, unwrapped: str | None = None) -> list[Sentence]:
    """Every sentence of `text` in order (lines too: headings, bullets and table rows end a sentence), an
    overlong one in the pieces `sentence_pieces` cuts, each with the number of its paragraph.

    abbreviations: whether a stop that closes an abbreviation or an initial ("hon.", "Dr.", "J.") is
    passed over, as `BOUNDARY` does. Attribution cuts there (False): its cue reading was tuned on those
    cuts, and a name after "Dr." then starts a sentence of its own.
    `unwrapped`: unwrap(text), when the caller has it already (a TextLayout).
    """
    text = unwrap(text) if unwrapped is None else unwrapped
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    for m in _CUT.finditer(text):
        if abbreviations and m.start() > pos and "\n" not in m.group(0) \
                and _ABBREVIATION_BEFORE.search(text, max(pos, m.start() - 8), m.start()):
            continue
        if m.start() > pos:
            end = m.start() + 1 if text[m.start():m.start() + 1] in ".!?" else m.start()
            out.extend(_pieces(text, Sentence(pos, end, text[pos:m.start() + 1], paragraph)))
        if "\n" in m.group(0):
            paragraph += 1
        pos = m.end()
    if pos < len(text):
        out.extend(_pieces(text, Sentence(pos, len(text), text[pos:], paragraph)))
    return out


def _pieces(text: str, sent: Sentence) -> list[Sentence]:
    """An overlong sentence in the pieces extraction reads it in, so the work per figure stays bounded."""
    if sent.end - sent.start <= MAX_SENTENCE_CHARS:
        return [sent]
    starts = sentence_pieces(text, sent.start, sent.end)
    ends = [*starts[1:], sent.end]
    return [Sentence(s, e, text[s:e], sent.paragraph) for s, e in zip(starts, ends, strict=True)]


def proper_words(text: str) -> set[str]:
    """Words the text capitalises mid-sentence: they are names even at the start of a sentence."""
    return {m.group(1) for m in re.finditer(r"[a-z,;:] ([A-Z][\w’'-]+)", text)}


_FRAGMENT = re.compile(r"[^\n.!?]+")


def stop_fragments(text: str) -> Iterator[tuple[int, str]]:
    """(start, text) of each run between stops and line breaks: the cheapest cut, for scanning every mention
    of a name, where a cut too many (after "Dr.", inside "2.5") costs less than a sentence boundary missed."""
    for m in _FRAGMENT.finditer(text):
        yield m.start(), m.group(0)
