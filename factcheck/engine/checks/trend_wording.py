"""Wording that contradicts the figures: "the gap continues to narrow, having gone from 19 to 21".

Looks for trend words (narrow, widen, shrink, grow...) earlier in the same clause as a change
"from A to B", and flags when they point the other way. Clause boundaries (';', 'but', 'while',
'whereas', 'although') stop the search so a word about something else is not used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...models import Claim
from .base import Context, Hit, Params, describe, interval_note, words_pattern
from .changes import direction, find_changes, tail_words

NAME = "trend-wording"
SUMMARY = "trend words in a sentence point the other way from the figures they describe"
PLACEHOLDERS = ("start", "end", "word", "moved")
NEEDS_TEXT = False


class TrendWordingParams(Params):
    up_words: tuple[str, ...] = ("widen", "widens", "widened", "widening", "grow", "grows", "growing",
                           "expand", "expanded", "expanding", "worsen", "worsened", "worsening")
    down_words: tuple[str, ...] = ("narrow", "narrows", "narrowed", "narrowing", "shrink", "shrinks", "shrank",
                             "shrunk", "shrinking", "closed", "closing")
    boundaries: tuple[str, ...] = (";", " but ", " while ", " whereas ", " although ", " however")
    window: int = 120  # characters before "from" searched for a trend word


Params = TrendWordingParams


def run(claims: list[Claim], params: TrendWordingParams, ctx: Context) -> Iterator[Hit]:
    up, down = words_pattern(params.up_words), words_pattern(params.down_words)
    boundary = re.compile("|".join(re.escape(b) for b in params.boundaries), re.IGNORECASE)
    for change in find_changes(sorted(claims, key=lambda c: (c.doc, c.start))):
        moved = direction(change)
        if moved is None:
            continue
        clause = tail_words(change.before, params.window)
        cut = list(boundary.finditer(clause))
        if cut:
            clause = clause[cut[-1].end():]
        words = [("up", m) for m in up.finditer(clause)] + [("down", m) for m in down.finditer(clause)]
        contrary = [(way, m) for way, m in words if way != moved]
        if not contrary or any(way == moved for way, _ in words):
            continue  # no contrary word, or the clause says both: not a clear contradiction
        word = contrary[-1][1].group(0)
        yield Hit(claims=[change.start, change.end],
                  fields={"start": describe(change.start), "end": describe(change.end), "word": word,
                          "moved": "up" if moved == "up" else "down"},
                  assumptions=[f"'{word}' describes the change from {change.start.text!r} to {change.end.text!r} "
                               "(same clause, before 'from')",
                               f"'{word}' means the figure goes {'up' if moved == 'down' else 'down'}",
                               interval_note(change.start), interval_note(change.end)])
