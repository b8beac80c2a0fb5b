"""Wording that contradicts the figures: "the gap continues to narrow, having gone from 19 to 21".

Looks for trend words (narrow, widen, shrink, grow...) earlier in the same clause as a change
"from A to B", or as a series that a trend word introduces ("shrinking year by year: 9.5 in 2022,
11.8 in 2023 and 14.2 in 2024"), and flags when they point the other way. Clause boundaries (';',
'but', 'while', 'whereas', 'although') stop the search so a word about something else is not used.
A series may start a new line after a colon, so the kind reads the text just before its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...models import Claim
from .base import Context, Hit, Params, below, claim_at, describe, interval_note, words_pattern
from .changes import direction, find_changes, tail_words

NAME = "trend-wording"
SUMMARY = "trend words in a sentence point the other way from the figures they describe"
PLACEHOLDERS = ("start", "end", "word", "moved")
NEEDS_TEXT = True


class TrendWordingParams(Params):
    up_words: tuple[str, ...] = ("widen", "widens", "widened", "widening", "grow", "grows", "growing",
                           "expand", "expanded", "expanding", "worsen", "worsened", "worsening")
    down_words: tuple[str, ...] = ("narrow", "narrows", "narrowed", "narrowing", "shrink", "shrinks", "shrank",
                             "shrunk", "shrinking", "closed", "closing")
    boundaries: tuple[str, ...] = (";", " but ", " while ", " whereas ", " although ", " however")
    # Words that say which way a series goes: a change "from A to B" with these is change-endpoints' to
    # judge, but a series ("declined steadily: 38 in 2022, 41 in 2023 and 44 in 2024") only this kind reads.
    series_up_words: tuple[str, ...] = ("rise", "rises", "rose", "risen", "rising", "increase", "increased",
                                        "increasing", "grew", "grown", "climb", "climbed", "climbing", "higher",
                                        "bounced back", "rebounded", "recovered",
                                        "more frequent", "more common")
    series_down_words: tuple[str, ...] = ("fall", "falls", "fell", "fallen", "falling", "decline", "declined",
                                          "declining", "drop", "dropped", "dropping", "decrease", "decreased",
                                          "decreasing", "slipped", "slipping", "dipped", "lower", "fewer",
                                          "less frequent", "less common")
    window: int = 120  # characters before "from" (or before a series) searched for a trend word
    min_series: int = 3  # figures in a row ("A in 2022, B in 2023 and C in 2024") that make a series


Params = TrendWordingParams


def run(claims: list[Claim], params: TrendWordingParams, ctx: Context) -> Iterator[Hit]:
    up, down = words_pattern(params.up_words), words_pattern(params.down_words)
    boundary = re.compile("|".join(re.escape(b) for b in params.boundaries), re.IGNORECASE)
    ordered = sorted(claims, key=lambda c: (c.doc, c.start))
    for change in find_changes(ordered):
        moved = direction(change)
        if moved is None:
            continue
        word = _contrary_word(tail_words(change.before, params.window), moved, up, down, boundary)
        if word is None:
            continue
        yield Hit(claims=[change.start, change.end],
                  fields={"start": describe(change.start), "end": describe(change.end), "word": word,
                          "moved": moved},
                  assumptions=[f"'{word}' describes the change from {change.start.text!r} to {change.end.text!r} "
                               "(same clause, before 'from')",
                               f"'{word}' means the figure goes {'up' if moved == 'down' else 'down'}",
                               interval_note(change.start), interval_note(change.end)])
    series_up = words_pattern(params.up_words + params.series_up_words)
    series_down = words_pattern(params.down_words + params.series_down_words)
    for series, lead in _series(ordered, params, ctx):
        moved = "up" if below(series[0], series[1]) else "down"
        word = _contrary_word(tail_words(lead, params.window), moved, series_up, series_down, boundary)
        if word is None:
            continue
        first, last = series[0], series[-1]
        yield Hit(claims=series,
                  fields={"start": describe(first), "end": describe(last), "word": word, "moved": moved},
                  assumptions=[f"'{word}' introduces the series {', '.join(repr(c.text) for c in series)} "
                               "(same clause, just before it), and the series is one quantity over time",
                               f"'{word}' means the figure goes {'up' if moved == 'down' else 'down'}; every "
                               f"step of the series goes {moved}", *(interval_note(c) for c in series)])


def _contrary_word(clause: str, moved: str, up: re.Pattern[str], down: re.Pattern[str],
                   boundary: re.Pattern[str]) -> str | None:
    """The trend word of the clause when it points against `moved` and no word in it agrees."""
    cut = list(boundary.finditer(clause))
    if cut:
        clause = clause[cut[-1].end():]
    words = [("up", m) for m in up.finditer(clause)] + [("down", m) for m in down.finditer(clause)]
    contrary = [(way, m) for way, m in words if way != moved]
    if not contrary or any(way == moved for way, _ in words):
        return None
    return max(contrary, key=lambda wm: wm[1].end())[1].group(0)


# Between two figures of a series: a few words (the year or place each is for), then a comma or "and".
_SERIES_GAP = re.compile(r"^[^.;:!?()]{0,30}?(?:,|\band\b|\bthen\b)\s*(?:and\s+|then\s+)?$", re.IGNORECASE)


def _series(ordered: list[Claim], params: TrendWordingParams, ctx: Context) -> Iterator[tuple[list[Claim], str]]:
    """Runs of figures of one measure listed in a row, each step the same way, with the text that leads in."""
    run: list[Claim] = []
    for claim in [*ordered, None]:
        if claim is not None and run and _continues(run, claim):
            run.append(claim)
            continue
        if len(run) >= params.min_series:
            lead = _lead_in(run[0], params, ctx)
            if lead is not None:
                yield run, lead
        run = [claim] if claim is not None else []


def _continues(run: list[Claim], claim: Claim) -> bool:
    last = run[-1]
    same = ("doc", "sentence_start", "kind", "unit")
    if any(getattr(claim, f) != getattr(last, f) for f in same):
        return False
    if claim.relation or last.relation:
        return False  # the ends of a range or change are not steps of a series
    at, last_at = claim_at(claim), claim_at(last)
    if at < 0 or last_at < 0 or not _SERIES_GAP.match(claim.sentence[last_at + len(last.text):at]):
        return False
    way = below(last, claim)
    if not way and not below(claim, last):
        return False
    return len(run) < 2 or way == below(run[-2], last)


def _lead_in(first: Claim, params: TrendWordingParams, ctx: Context) -> str | None:
    """The clause before a series: its sentence up to the first figure, or, when the series opens its
    sentence, the text before it ending in a colon ("shrinking year by year:")."""
    before = first.sentence[:claim_at(first)]
    if before.strip():
        return before
    text = ctx.texts.get(first.doc) if ctx.texts else None
    if text is None:
        return None
    lead = text[max(0, first.sentence_start - params.window):first.sentence_start].rstrip()
    return lead[:-1] if lead.endswith(":") else None


def text_window(claim: Claim, params: TrendWordingParams) -> tuple[int, int]:
    """A series may start its own line after a colon: read the text just before each sentence."""
    return claim.sentence_start - params.window - 5, claim.sentence_start
