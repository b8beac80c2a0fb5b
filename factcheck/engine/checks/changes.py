"""Finding stated changes "from A to B" among a sentence's claims (shared by two check kinds).

Uses the extraction's change_from/change_to relation when present, and otherwise reads the sentence:
two claims in text order where the first follows "from" and only a few words ending in "to" separate
them ("from £7 billion in 2010 to £6 billion"). A bare first number takes the second's unit
("from 19 to 17 percentage points").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...models import Claim
from ...text.vocabulary import MONTH_SHORT
from .base import below, claim_at

# A month name right after a number: "from 1 April to 31 March" is a date range, not a change.
_MONTH_AFTER = re.compile(r"^\s*(?:st|nd|rd|th)?\s*(?:" + "|".join(MONTH_SHORT) + r")[a-z]*\b",
                          re.IGNORECASE)
_BETWEEN_TO = re.compile(r"^[^.;:!?]{0,30}?\bto\s*$", re.IGNORECASE)
_ENDS_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_ENDS_TO = re.compile(r"\bto\s*$", re.IGNORECASE)
_BETWEEN_FROM = re.compile(r"^\s*,?\s*(?:[\w-]+,?\s+){0,3}?from\s*$", re.IGNORECASE)  # "to B last year, from A"


@dataclass
class Change:
    start: Claim  # "from" end
    end: Claim  # "to" end
    before: str  # sentence text before "from" (original case)


def _compatible(a: Claim, b: Claim) -> bool:
    if a.kind == b.kind:
        return a.kind == "count" or a.unit == b.unit or a.unit is None or b.unit is None
    return a.kind == "count" and a.unit is None  # a bare number borrowing the other end's unit


def _plausible_link(start: Claim, end: Claim, at: int, end_at: int) -> bool:
    """The "to" end follows the "from" end in the same sentence, with no other "from" between."""
    if start.doc != end.doc or start.sentence_start != end.sentence_start or at < 0 or end_at <= at:
        return False
    return re.search(r"\bfrom\b", start.sentence[at + len(start.text):end_at], re.IGNORECASE) is None


def find_changes(claims: list[Claim]) -> Iterator[Change]:
    """Every "from A to B" pair among claims of one sentence (claims in text order)."""
    by_id = {c.id: c for c in claims}
    ordered = sorted(claims, key=lambda c: (c.doc, c.start))
    paired: set[str] = set()
    for claim in ordered:
        if claim.relation == "change_from" and claim.related in by_id:
            other = by_id[claim.related]
            at, other_at = claim_at(claim), claim_at(other)
            if not _plausible_link(claim, other, at, other_at):
                continue  # a link that runs backwards or across another "from": read the text instead
            paired.update((claim.id, other.id))
            yield Change(claim, other, _ENDS_FROM.sub("", claim.sentence[:at]))
    for n, a in enumerate(ordered):
        if a.id in paired:
            continue
        for b in ordered[n + 1:n + 4]:  # the "to" end may come after another figure ("at week 12")
            if b.id in paired or a.doc != b.doc or a.sentence_start != b.sentence_start:
                break
            change = _read_change(a, b)
            if change is not None:
                paired.update((a.id, b.id))
                yield change
                break


def _read_change(a: Claim, b: Claim) -> Change | None:
    """`a` and `b` (in text order) as the ends of one change: "from A ... to B", or "to B, from A"."""
    pa, pb = claim_at(a), claim_at(b)
    if pa < 0 or pb < 0 or not _compatible(a, b):
        return None
    before = a.sentence[:pa]
    between = a.sentence[pa + len(a.text):pb]
    if a.text.lower().startswith("from "):
        before += "from "
    after_b = b.sentence[pb + len(b.text):]
    if _MONTH_AFTER.match(between) or _MONTH_AFTER.match(after_b):
        return None
    if _ENDS_FROM.search(before) and _BETWEEN_TO.match(between):
        return Change(a, b, _ENDS_FROM.sub("", before))
    # "increased 18% to $240 million, from $180 million a year earlier": the end first, then the start.
    if _ENDS_TO.search(before) and _BETWEEN_FROM.match(between) and not _ENDS_FROM.search(before):
        return Change(b, a, _ENDS_TO.sub("", before))
    return None


def tail_words(text: str, chars: int) -> str:
    """The last `chars` characters of `text`, without a word cut in half at the start."""
    if len(text) <= chars:
        return text
    tail = text[-chars:]
    return tail if not text[-chars - 1].isalnum() else re.sub(r"^\w+", "", tail)


def direction(change: Change) -> str | None:
    """'up', 'down', or None when the endpoints' intervals overlap (no clear direction)."""
    if below(change.start, change.end):
        return "up"
    if below(change.end, change.start):
        return "down"
    return None
