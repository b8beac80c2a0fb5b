"""Stated changes that do not match their endpoints.

Two contradictions inside one sentence: a direction word governing "from A to B" that points the
other way ("an increase from £7 billion to £6 billion"), and a stated amount of change that the
endpoints do not give ("a rise of £2 billion, from £5 billion to £6 billion"; a stated percentage is
read as the relative change).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...models import Claim
from .base import Context, Hit, Params, claim_at, describe, fmt_interval, interval_note, words_pattern
from .changes import Change, direction, find_changes, tail_words

NAME = "change-endpoints"
SUMMARY = "a stated change disagrees with its own endpoints"
PLACEHOLDERS = ("start", "end", "stated", "problem")
NEEDS_TEXT = False


class ChangeEndpointsParams(Params):
    up_words: tuple[str, ...] = ("increase", "increased", "increases", "increasing", "rise", "rose", "risen", "rising",
                           "grew", "grown", "growth", "up", "boost", "boosted", "climbed", "jumped", "doubled",
                           "tripled", "higher")
    down_words: tuple[str, ...] = ("decrease", "decreased", "decreasing", "fall", "fell", "fallen", "falling", "drop",
                             "dropped", "decline", "declined", "cut", "reduced", "reduction", "down", "lower",
                             "lowered", "halved")
    window: int = 48  # characters before "from" for the direction word ("fell sharply over the past year, from")
    amount_tolerance: float = 0.05  # relative slack when comparing a stated amount with the endpoints


Params = ChangeEndpointsParams

_AMOUNT_LINK = re.compile(r"\b(?:of|by)\s*$", re.IGNORECASE)


def run(claims: list[Claim], params: ChangeEndpointsParams, ctx: Context) -> Iterator[Hit]:
    up, down = words_pattern(params.up_words), words_pattern(params.down_words)
    ordered = sorted(claims, key=lambda c: (c.doc, c.start))
    for change in find_changes(ordered):
        moved = direction(change)
        near = tail_words(change.before, params.window)
        said = _last_direction(near, up, down)
        base = [f"{change.start.text!r} and {change.end.text!r} are the two ends of one change ('from ... to')",
                interval_note(change.start), interval_note(change.end)]
        if said and moved and said[0] != moved:
            problem = f"'{said[1]}' but the figures go {moved}"
            yield Hit(claims=[change.start, change.end],
                      fields={"start": describe(change.start), "end": describe(change.end),
                              "stated": said[1], "problem": problem},
                      assumptions=[*base, f"'{said[1]}' describes this change (it is within {params.window} "
                                          "characters before 'from')"])
            continue
        stated = _stated_amount(change, ordered, words_pattern(params.up_words + params.down_words))
        if stated is not None:
            hit = _amount_mismatch(change, stated, params)
            if hit:
                yield hit


def _last_direction(text: str, up: re.Pattern[str], down: re.Pattern[str]) -> tuple[str, str] | None:
    """The direction word closest to the end of `text`: ('up'|'down', word)."""
    found = [(m.end(), "up", m.group(0)) for m in up.finditer(text)]
    found += [(m.end(), "down", m.group(0)) for m in down.finditer(text)]
    if not found:
        return None
    _, which, word = max(found)
    return which, word


def _stated_amount(change: Change, ordered: list[Claim], direction_words: re.Pattern[str]) -> Claim | None:
    """The size of the change, just before its first end in the text: 'a rise of £2 billion, from ...',
    'rose 9% from A to B', 'increased 18% to B, from A' (with or without 'by', either order)."""
    first = min(change.start, change.end, key=lambda c: c.start)
    index = next(i for i, c in enumerate(ordered) if c.id == first.id)
    if index == 0:
        return None
    amount = ordered[index - 1]
    if amount.sentence_start != first.sentence_start or amount.doc != first.doc:
        return None
    pa, ps = claim_at(amount), claim_at(first)
    if pa < 0 or ps < 0:
        return None
    between = amount.sentence[pa + len(amount.text):ps].strip(" ,")
    if not re.fullmatch(r"(?:[\w,]+\s+){0,3}(?:from|to)", between, re.IGNORECASE):
        return None
    lead = amount.sentence[:pa]
    if not _AMOUNT_LINK.search(lead) and not re.search(direction_words.pattern + r"\s+(?:by\s+)?(?:a\s+|an\s+)?$",
                                                        lead, re.IGNORECASE):
        return None
    return amount


def _amount_mismatch(change: Change, amount: Claim, params: ChangeEndpointsParams) -> Hit | None:
    (a_lo, a_hi), (b_lo, b_hi) = change.start.interval(), change.end.interval()
    if amount.kind == "percent" and change.end.kind != "percent":
        if a_lo <= 0:
            return None
        lo = (b_lo - a_hi) / a_hi * 100
        hi = (b_hi - a_lo) / a_lo * 100
        what = "relative change"
    elif amount.kind == change.end.kind or amount.kind == "percentage_points":
        lo, hi = b_lo - a_hi, b_hi - a_lo
        what = "difference"
    else:
        return None
    if lo < 0 < hi:
        return None  # the endpoints do not fix a direction; nothing to compare
    low, high = (lo, hi) if lo >= 0 else (-hi, -lo)  # stated amounts are magnitudes
    s_lo, s_hi = amount.interval()
    allowance = params.amount_tolerance * max(abs(low), abs(high))
    if s_lo <= high + allowance and low - allowance <= s_hi:
        return None
    problem = f"it says {amount.text.strip()!r} but the endpoints give a {what} of {fmt_interval((low, high))}"
    return Hit(claims=[amount, change.start, change.end],
               fields={"start": describe(change.start), "end": describe(change.end),
                       "stated": amount.text, "problem": problem},
               assumptions=[f"{amount.text!r} is the size of the change from {change.start.text!r} to "
                            f"{change.end.text!r}", interval_note(amount), interval_note(change.start),
                            interval_note(change.end), f"{params.amount_tolerance:.0%} tolerance for rounding"])
