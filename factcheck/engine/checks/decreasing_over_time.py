"""Cumulative figures that go down over time: a running total said later is below one said earlier.

Claims are ordered by statement date and swept once, keeping the largest lower bound said so far, so a
growing count ("50 projects", then "over 50", then "nearly 100") passes and the check is O(n log n).
Undated claims cannot be ordered and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...models import Claim
from .base import Context, Hit, Params, describe, interval_note, slack

NAME = "decreasing-over-time"
SUMMARY = "a cumulative figure said later is lower than one said earlier"
PLACEHOLDERS = ("earlier", "later")
NEEDS_TEXT = False


class DecreasingOverTimeParams(Params):
    tolerance: float = 0.0  # relative slack beyond the written precision
    only_cumulative: bool = True  # compare only claims the attribute stage marked cumulative


Params = DecreasingOverTimeParams


def run(claims: list[Claim], params: DecreasingOverTimeParams, ctx: Context) -> Iterator[Hit]:
    dated = sorted((c for c in claims if c.date and (c.cumulative or not params.only_cumulative)),
                   key=lambda c: (c.date or "", c.doc, c.start))
    best: Claim | None = None  # the claim with the highest lower bound said on an earlier date
    pending: list[Claim] = []  # claims of the current date, folded into `best` once the date changes
    current_date = None
    reported: set[str] = set()
    for claim in dated:
        if claim.date != current_date:
            for earlier in pending:
                if best is None or earlier.interval()[0] > best.interval()[0]:
                    best = earlier
            pending, current_date = [], claim.date
        pending.append(claim)
        if best is None:
            continue
        floor = best.interval()[0]
        top = claim.interval()[1]
        if top + slack(params.tolerance, floor) < floor and best.id not in reported:
            reported.add(best.id)
            assumptions = [
                f"both are running totals of the same thing (group {ctx.group.topic!r})" if ctx.group
                else "both are running totals of the same thing",
                interval_note(best), interval_note(claim),
                f"statement dates: {best.date} ({best.date_origin}) before {claim.date} ({claim.date_origin})",
            ]
            yield Hit(claims=[best, claim], fields={"earlier": describe(best), "later": describe(claim)},
                      assumptions=assumptions)
