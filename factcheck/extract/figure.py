"""The working form of a claim while extraction decides about it."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Bound, ClaimKind, Relation


@dataclass(slots=True)
class Figure:
    """A candidate claim before it becomes a Claim: mutable so linking can carry units across."""

    start: int  # includes the qualifier ("more than ...")
    end: int
    figure_start: int  # where the currency sign or numeral starts
    kind: ClaimKind
    value: float
    precision: float
    unit: str | None = None
    scale: float = 1.0  # the scale written ("million"), carried to a bare partner in a range
    qualifier: str | None = None
    bound: Bound = "exact"
    bare: bool = False  # digits with no unit or noun: kept only when a range, change or table gives context
    # A span of time ("47 days", "six months"): kept only as an end of a stated change ("waits rose from 47
    # days to 63 days"); elsewhere it says how long something lasts, not a figure to check.
    duration: bool = False
    lo: float | None = None
    hi: float | None = None
    relation: Relation | None = None
    partner: Figure | None = None
    fraction: bool = False
    minor: bool = False  # an amount in a minor unit ("43 cents"): joins a major amount just before it
    assumption: str | None = None  # what reading it needed ("'$' read as USD: no other dollar named")
    currency_written: str = ""  # the sign or name as written, for the assumption
