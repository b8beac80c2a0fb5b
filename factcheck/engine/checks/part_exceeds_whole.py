"""A part larger than its whole: "a £50 million fund, of which £60 million goes to schools".

A part is a claim the attribute stage marked role=part, or one introduced by a part cue ("of which").
Its whole is the nearest earlier claim of the same kind and unit in the same stretch (the rule's
group_by; a sentence by default) that is not itself a part. One pass in text order.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...models import Claim
from .base import Context, Hit, Params, claim_prefix, describe, interval_note, slack, words_pattern

NAME = "part-exceeds-whole"
SUMMARY = "a figure given as part of another is larger than it"
PLACEHOLDERS = ("part", "whole")
NEEDS_TEXT = False


class PartExceedsWholeParams(Params):
    part_cues: tuple[str, ...] = ("of which", "of this", "of that", "of these", "of those", "of them", "including")
    cue_window: int = 25  # characters before the part figure in which a cue must end
    tolerance: float = 0.0


Params = PartExceedsWholeParams


def _same_measure(a: Claim, b: Claim) -> bool:
    return a.kind == b.kind and (a.kind == "count" or a.unit == b.unit)


def run(claims: list[Claim], params: PartExceedsWholeParams, ctx: Context) -> Iterator[Hit]:
    cues = words_pattern(params.part_cues)
    wholes: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (c.doc, c.start)):
        cue = cues.search(claim_prefix(claim, params.cue_window))
        is_part = claim.role == "part" or cue is not None
        if not is_part:
            wholes.append(claim)
            continue
        whole = next((w for w in reversed(wholes) if w.doc == claim.doc and _same_measure(w, claim)), None)
        if whole is None:
            continue
        part_lo, whole_hi = claim.interval()[0], whole.interval()[1]
        if part_lo > whole_hi + slack(params.tolerance, whole_hi):
            why = f"introduced by {cue.group(0)!r}" if cue else "the attribute stage marked it a part"
            yield Hit(claims=[whole, claim], fields={"part": describe(claim), "whole": describe(whole)},
                      assumptions=[f"{claim.text!r} is a part of {whole.text!r}: {why}, and {whole.text!r} is "
                                   "the nearest earlier figure of the same kind",
                                   interval_note(whole), interval_note(claim)])
