"""A part larger than its whole: "a £50 million fund, of which £60 million goes to schools".

A part is a claim that a part cue introduces directly ("of which £60 million", "including 405",
"of these, 300") or opens the clause of ("of which the offshore fleet produced 7.3 TWh"), or with
use_roles one the attribute stage marked role=part. Its whole is the nearest
earlier claim of the same kind and unit in the same sentence that is not itself a part; when the cue
opens its sentence ("Of the total, £2.4 billion ...", "Of these, 300 ..."), the sentence just before
is searched too. "17 of these 25" is not a cue: there the figure after "of these" is the whole. One
pass in text order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...models import Claim
from ...text.vocabulary import OF_A_GROUP, OPENS_ON_WHOLE, ROUNDING_WORD
from .base import Context, Hit, Params, below, claim_prefix, claim_suffix, describe, fmt_number, interval_note

NAME = "part-exceeds-whole"
SUMMARY = "a figure given as part of another is larger than it"
PLACEHOLDERS = ("part", "whole")
NEEDS_TEXT = False


class PartExceedsWholeParams(Params):
    # Each cue must end right before the part figure (only spaces between).
    part_cues: tuple[str, ...] = ("of which", "of whom", "including", "includes", "include", "comprises",
                                  "of these,", "of this,", "of those,",
                                  "of them,", "of the total,", "of this total,", "of that total,", "of that,",
                                  "of this amount,", "of that amount,", "of the amount,", "of this sum,",
                                  "of that sum,", "of the sum,", "of this money,", "of that money,")
    cue_window: int = 25
    # A cue that opens a relative clause may have its subject and verb before the part: "6.8 TWh, of which
    # the offshore portfolio alone produced 7.3 TWh" (up to clause_words words, no punctuation between).
    clause_cues: tuple[str, ...] = ("of which", "of whom")
    clause_words: int = 7
    # Characters between one sentence's end and the next one's start for them to count as neighbours.
    max_sentence_gap: int = 4
    # The attribute stage's role=part is a guess from wording ("as part of £15 billion" names the whole);
    # by default only a direct cue makes a part.
    use_roles: bool = False
    lookback: int = 20  # earlier figures searched for the whole (keeps long stretches linear)
    tolerance: float = 0.0
    # A part above its whole as written by more than this share is an error even where the whole's
    # rounding would leave room ("a $2 billion plan ... of the total, $2.4 billion"); by less, a warning.
    written_margin: float = 0.05


Params = PartExceedsWholeParams


def _same_measure(a: Claim, b: Claim, check_noun: bool) -> bool:
    """Same kind and currency; with check_noun, counts of named things must count the same noun."""
    if a.kind != b.kind:
        return False
    if a.kind != "count":
        return a.unit == b.unit
    return not (check_noun and a.unit and b.unit) or _same_noun(a.unit, b.unit)


def _same_noun(a: str, b: str) -> bool:
    """Counted nouns of one kind: "buses" and "electric buses", "bikes" and "e-bikes"."""
    x, y = a.split()[-1].lower(), b.split()[-1].lower()
    return x == y or x.endswith("-" + y) or y.endswith("-" + x)


def _just_before(earlier: Claim, claim: Claim, gap: int) -> bool:
    """`earlier` is in the sentence right before `claim`'s (only white space between them)."""
    return 0 <= claim.sentence_start - (earlier.sentence_start + len(earlier.sentence)) <= gap


def _one_for(candidates: list[Claim], part: Claim) -> Claim | None:
    """The nearest candidate: any in the part's own sentence, else the only one in the sentence before."""
    if not candidates:
        return None
    if candidates[0].sentence_start == part.sentence_start:
        return candidates[0]
    return candidates[0] if len(candidates) == 1 else None


def run(claims: list[Claim], params: PartExceedsWholeParams, ctx: Context) -> Iterator[Hit]:
    cues = re.compile(r"(?<![\w-])(?<!up to and )(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+")
                                                              for c in params.part_cues) + r")\s*$", re.IGNORECASE)
    clause = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in params.clause_cues)
                        + rf")\s+(?:[^\W\d][\w’'-]*\s+){{1,{params.clause_words}}}$", re.IGNORECASE)
    earlier: list[tuple[Claim, bool]] = []  # (claim, is it a part), nearest last
    opener: Claim | None = None  # "Of the 640 people employed, ...": the whole that opens the sentence
    for claim in sorted(claims, key=lambda c: (c.doc, c.start)):
        lead = claim.sentence[:max(0, claim.start - claim.sentence_start)]
        if _OPENING_WHOLE.fullmatch(lead):
            opener = claim
        elif opener is not None and opener.doc == claim.doc and opener.sentence_start == claim.sentence_start \
                and _same_measure(opener, claim, check_noun=True) and _AFTER_OPENING.fullmatch(lead):
            earlier.append((claim, True))
            yield from _compare(opener, claim, None, params)
            continue
        cue = cues.search(claim_prefix(claim, params.cue_window)) or clause.search(claim_prefix(claim, 90))
        of_group = _OF_THEM_AFTER.match(claim_suffix(claim, 20)) if cue is None else None
        if of_group:
            # "trained 6,800 tutors, and 7,400 of them": "them" is the one earlier figure of its kind in the
            # sentence; with several ("65 schemes ... 6 ... and 39 ..., with 63 of these") it is unclear which
            group = [c for c, part in earlier if c.doc == claim.doc and c.sentence_start == claim.sentence_start
                     and _same_measure(c, claim, check_noun=False)]
            if any(part for c, part in earlier if c in group):
                group = []  # "55 of these patients ..., and 1,405 of these patients": both parts of one whole
            earlier.append((claim, True))
            if len(group) == 1:
                yield from _compare(group[0], claim, of_group, params)
            continue
        is_part = cue is not None or (params.use_roles and claim.role == "part")
        earlier.append((claim, is_part))
        if not is_part:
            continue
        opens_sentence = cue is not None and not claim.sentence[:max(0, claim.start - claim.sentence_start)] \
            .lower().rstrip().removesuffix(cue.group(0).lower().rstrip()).strip()
        before = [(c, p) for c, p in reversed(earlier[-params.lookback - 1:-1]) if c.doc == claim.doc
                  and _same_measure(c, claim, check_noun=False)
                  and (c.sentence_start == claim.sentence_start
                       or (opens_sentence and _just_before(c, claim, params.max_sentence_gap)))]
        # The whole is the nearest earlier figure counting the same noun ("1,041 claims and 82 appeals ...
        # of those, 517 claims"), else (only for a cue, whatever noun the part carries: "of whom 300 work
        # nights") the nearest earlier figure that is not itself a part. In the sentence before, a figure
        # is only taken when it is the one candidate of its sort there ("3,714 claims and 201 reversal
        # claims. Of those, 1,041 claims ..." names its whole by the full noun).
        same_noun = [c for c, _ in before if c.unit and claim.unit and _same_measure(c, claim, check_noun=True)]
        exact = [c for c in same_noun if c.unit.lower() == claim.unit.lower()]
        # "The five buildings ... include 461 homes": what a thing includes may be another kind of thing,
        # so after a verb cue only a figure counting the same noun is the whole
        loose = [c for c, part in before if not part] if cue is not None and not _VERB_CUE.match(cue.group(0)) else []
        if claim.kind == "count" and claim.unit:  # across sentences, a counted noun must be the same noun
            same_noun = [c for c in same_noun if c.sentence_start == claim.sentence_start]
            loose = [c for c in loose if c.sentence_start == claim.sentence_start or c.unit == claim.unit]
        whole = next((c for c in (_one_for(exact, claim), _one_for(same_noun, claim), _one_for(loose, claim))
                      if c is not None), None)
        if whole is not None:
            yield from _compare(whole, claim, cue, params)


# "trained 6,800 tutors, and 7,400 of them were women": the count of a group just named
_OF_THEM_AFTER = re.compile(r"\s*" + OF_A_GROUP, re.IGNORECASE)
_VERB_CUE = re.compile(r"(?:includes|include|comprises)\b", re.IGNORECASE)
# "Of the 640 people employed on site, some 710 were recruited locally": a sentence that opens on its whole
# (the figure after "Of the"), then gives a part of it after the clause's comma.
_OPENING_WHOLE = re.compile(r"\W*" + OPENS_ON_WHOLE, re.IGNORECASE)
_AFTER_OPENING = re.compile(r"\W*" + OPENS_ON_WHOLE + r"[^,;:.!?]*?\S+\s+[^;:.!?]{0,160},\s*(?:" + ROUNDING_WORD
                            + r"\s+)?", re.IGNORECASE)


def _compare(whole: Claim, claim: Claim, cue: re.Match | None, params: PartExceedsWholeParams) -> Iterator[Hit]:
    """A finding when the part is larger than its whole (see run)."""
    if below(whole, claim, params.tolerance):
        severity, rounding = None, "even at the ends of the whole's written rounding"
    elif _written_above(claim, whole, params.written_margin):
        severity, rounding = None, (
            f"as written, by more than {params.written_margin:.0%}; the rounding of {whole.text.strip()!r} "
            f"(up to {fmt_number(whole.interval()[1])}) is not taken to excuse a part stated in the same "
            "breath, since the writer knew both figures")
    elif _written_above(claim, whole, 0.0):
        severity = "warning"
        rounding = (f"as written; only the rounding of {whole.text.strip()!r} (it may stand for up to "
                    f"{fmt_number(whole.interval()[1])}) leaves room for it, so reported as a warning")
    else:
        return
    why = f"introduced by {cue.group(0).strip()!r}" if cue else (
        "the attribute stage marked it a part" if whole.sentence_start != claim.sentence_start
        or not _OPENING_WHOLE.match(whole.sentence) else "its sentence opens on the whole ('Of the ...')")
    where = ("the nearest earlier figure of the same kind" if whole.sentence_start == claim.sentence_start
             else "the nearest figure of the same kind in the sentence before, which the cue refers back to")
    yield Hit(claims=[whole, claim], fields={"part": describe(claim), "whole": describe(whole)},
              severity=severity,
              assumptions=[f"{claim.text.strip()!r} is a part of {whole.text.strip()!r}: {why}, and "
                           f"{whole.text.strip()!r} is {where}",
                           f"the part is larger than the whole {rounding}",
                           interval_note(whole), interval_note(claim)])


def _written_above(part: Claim, whole: Claim, margin: float) -> bool:
    """The part's smallest value as written is above the whole's largest as written (no rounding) by
    more than `margin` of the whole."""
    part_lo = part.lo if part.lo is not None else float("-inf")
    whole_hi = whole.hi if whole.hi is not None else float("inf")
    return part_lo > whole_hi * (1 + margin)
