"""Cumulative figures that go down over time: a running total said later is below one said earlier.

Claims are ordered by statement date and swept once, keeping the figures with the highest lower bounds said
on earlier dates (at most `max_earlier`), so a growing count ("50 projects", then "over 50", then "nearly
100") passes and the check stays linear. A later figure is set against the earlier one counted in the same
words ("homes completed", not "homes insulated") where there is one, else against the highest.
Undated claims cannot be ordered and are skipped. Running totals counted from different starts
("since 2017", "since 2019") are not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...models import Claim
from .base import Context, Hit, Params, below, describe, described_alike, interval_note, named_near, shared_wording

NAME = "decreasing-over-time"
SUMMARY = "a cumulative figure said later is lower than one said earlier"
PLACEHOLDERS = ("earlier", "later")
NEEDS_TEXT = False


class DecreasingOverTimeParams(Params):
    tolerance: float = 0.0  # relative slack beyond the written precision
    only_cumulative: bool = True  # compare only claims the attribute stage marked cumulative
    subject_window: int = 8  # a running total whose subject is not named this near it is only info
    subject_share: float = 0.5
    shared_words: int = 2  # ...unless both sentences describe the figure in this many of the same words,
    #                        one besides the counted noun ("repaired ... leaks", not just "leaks")
    max_earlier: int = 64  # earlier figures kept for comparison (the highest), so the check stays linear
    max_ratio: float = 3.0  # a running total that falls more than this far is reported at info (likely
    #                          another measure, such as one region's share of a national total)


Params = DecreasingOverTimeParams


def run(claims: list[Claim], params: DecreasingOverTimeParams, ctx: Context) -> Iterator[Hit]:
    dated = sorted((c for c in claims if c.date and (c.cumulative or not params.only_cumulative)),
                   key=lambda c: (c.date or "", c.doc, c.start))
    earlier: list[Claim] = []  # claims said on an earlier date, highest lower bound last
    pending: list[Claim] = []  # claims of the current date, added to `earlier` once the date changes
    current_date = None
    reported: set[str] = set()
    for claim in dated:
        if claim.date != current_date:
            earlier = sorted([*earlier, *pending], key=lambda c: c.interval()[0])[-params.max_earlier:]
            pending, current_date = [], claim.date
        pending.append(claim)
        above = [e for e in earlier if below(claim, e, params.tolerance) and _same_start(e, claim)
                 and _same_thing(e, claim)]
        if not above:
            continue
        # the earlier figure counted in the same words ("homes completed", not "homes insulated"), else the highest
        worded = [e for e in above if _counted_alike(e, claim, params)]
        best = (worded or above)[-1]
        if best.id in reported:
            continue
        reported.add(best.id)
        yield _hit(best, claim, params, ctx)


def _counted_alike(a: Claim, b: Claim, params: DecreasingOverTimeParams) -> list[str]:
    """Words both sentences put beside the figure, when there are enough of them and one is not the counted
    noun or the subject's name (empty otherwise)."""
    same_words = shared_wording(a, b)
    return same_words if len(same_words) >= params.shared_words and described_alike(a, b) else []


def _hit(best: Claim, claim: Claim, params: DecreasingOverTimeParams, ctx: Context) -> Hit:
    assumptions = [
        f"both are running totals of the same thing (group {ctx.group.topic!r})" if ctx.group
        else "both are running totals of the same thing",
        interval_note(best), interval_note(claim),
        f"statement dates: {best.date} ({best.date_origin}) before {claim.date} ({claim.date_origin})",
    ]
    start = _start(best) or _start(claim)
    if start:
        assumptions.append(f"both count from the same start ({start}) or only one says where it starts")
    weak = bool(claim.value and best.value > params.max_ratio * claim.value)
    if weak:
        assumptions.append(f"reported as info: the later figure is less than a {params.max_ratio:g}th of "
                           "the earlier, more likely a different measure than a fall")
    loose = [c.text.strip() for c in (best, claim) if not named_near(c, params.subject_window, params.subject_share)]
    same_words = _counted_alike(best, claim, params)
    if loose and same_words:
        assumptions.append(f"the subject is not named near {', '.join(map(repr, loose))} (its topic was inferred), "
                           f"but both describe the figure in the same words ({', '.join(map(repr, same_words))})")
    elif loose:
        weak = True
        assumptions.append(f"reported as info: the subject is not named near {', '.join(map(repr, loose))} "
                           "(its topic was inferred), so the two may count different things")
    return Hit(claims=[best, claim], fields={"earlier": describe(best), "later": describe(claim)},
               assumptions=assumptions, severity="info" if weak else None)


_SINCE = re.compile(r"\bsince\s+((?:the\s+)?(?:start|launch|beginning|inception)\s+of\s+(?:the\s+|its\s+)?[\w-]+"
                    r"|[^.;,]{0,40}?\b(?:19|20)\d\d\b)|\b(this\s+(?:financial\s+)?year)\b", re.IGNORECASE)


def _start(claim: Claim) -> str | None:
    """Where a running total counts from, when the sentence says: a year ("since its launch in 2018" ->
    2018), an event ("since the start of the pandemic") or "this (financial) year"."""
    found = _SINCE.search(claim.sentence)
    if not found:
        return None
    phrase = (found.group(1) or found.group(2)).lower()
    year = re.search(r"\b(?:19|20)\d\d\b", phrase)
    return year.group(0) if year else " ".join(phrase.split())


def _same_start(a: Claim, b: Claim) -> bool:
    start_a, start_b = _start(a), _start(b)
    return start_a is None or start_b is None or start_a == start_b


def _same_thing(a: Claim, b: Claim) -> bool:
    """Counts of different nouns ("appointees", "appointments") are not one running total."""
    if a.kind != "count" or not (a.unit and b.unit):
        return True
    return a.unit.split()[-1].lower().rstrip("s") == b.unit.split()[-1].lower().rstrip("s")
