"""The same figure restated within one document with a different value: headline vs body.

A headline is the first line of the document's text (after any front matter) when it is short, stands
alone (the text as read, soft line wraps joined, breaks the line after it: the first lines of a
hard-wrapped paragraph are not a headline) and more lines follow. For each headline
figure, the body's figures in the same group are compared: if the body mentions the group but none of
its figures agrees with the headline's (as intervals), the headline figure was restated differently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ...models import Claim
from .base import Context, Hit, Params, below, describe, interval_note

NAME = "restated-in-document"
SUMMARY = "a headline figure is restated in the body of the same document with a different value"
PLACEHOLDERS = ("headline", "body")
NEEDS_TEXT = True  # only the first line: is it a line of its own?


class RestatedInDocumentParams(Params):
    max_headline_chars: int = 160  # a longer first line is a paragraph, not a headline
    max_summed: int = 40  # body figures tried in pairs for a headline that adds them up
    tolerance: float = 0.0


Params = RestatedInDocumentParams


def _on_first_line(claim: Claim) -> bool:
    """The claim is on the text's first line (after any front matter, which `line` counts as file lines):
    its line starts at the text's beginning, give or take a leading blank line."""
    return claim.start - (claim.column - 1) <= 2


def text_window(claim: Claim, params: RestatedInDocumentParams) -> tuple[int, int] | None:
    """The stretch `run` reads: the start of the text, for a claim on its first line."""
    return (0, params.max_headline_chars + 4) if _on_first_line(claim) else None


def _stands_alone(claim: Claim, params: RestatedInDocumentParams, ctx: Context) -> bool:
    """The claim's line ends within the headline length: a line of its own, not a wrapped paragraph."""
    text = ctx.texts.get(claim.doc) if ctx.texts else None
    if text is None:
        return True  # no text to look at: the first line as the claims give it
    end = params.max_headline_chars + 4
    head = text[0:end]
    newline = head.find("\n", claim.end)
    if newline < 0:
        return len(text) <= end  # a text of one short line has no body to compare anyway
    # A line that ends a sentence with the next line straight under it is a paragraph's first line
    # ("X reported revenue of €84.5m.⏎Of that, ..."); a headline has no full stop or a blank line after it.
    return not (head[:newline].rstrip().endswith(".") and text[newline + 1:newline + 2].strip() != "")


def run(claims: list[Claim], params: RestatedInDocumentParams, ctx: Context) -> Iterator[Hit]:
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    for doc_claims in by_doc.values():
        headline = [c for c in doc_claims if _on_first_line(c) and len(c.sentence) <= params.max_headline_chars
                    and _stands_alone(c, params, ctx)]
        if not headline:
            continue
        body = [c for c in doc_claims if c.line > headline[0].line]
        if not headline or not body:
            continue
        for top in headline:
            same = [b for b in body if _same_measure(top, b)]
            if not same or any(not below(top, b, params.tolerance) and not below(b, top, params.tolerance)
                               for b in same):
                continue
            if _sum_of_two(top, same[: params.max_summed]):
                continue  # "£40m package" over "£25m for roads and £15m for schools": the headline adds them up
            wholes = [b for b in same if b.role != "part"]  # a part of something does not restate a headline
            if not wholes:
                continue
            nearest = min(wholes, key=lambda b: b.start)  # the lead restates the headline
            yield Hit(claims=[top, nearest], fields={"headline": describe(top), "body": describe(nearest)},
                      assumptions=[f"the first line is a headline and {top.text!r} in it is the figure "
                                   f"{nearest.text!r} restates: the body's first figure of the same measure (the lead "
                                   "restates the headline)"
                                   + (f" (group {ctx.group.topic!r})" if ctx.group else ""),
                                   "no figure of that measure in the body agrees with the headline, nor do two "
                                   "of them in one sentence add up to it",
                                   interval_note(top), interval_note(nearest)])


def _same_measure(a: Claim, b: Claim) -> bool:
    """Same kind and currency; counts of the same noun (its last word) when both name one."""
    if a.kind != b.kind:
        return False
    if a.kind == "count":
        if not (a.unit and b.unit):
            return True
        # a headline's noun may run on into its verb ("1,900 Durham prisoners gain qualifications"): the
        # body's noun among the headline's words is the same measure
        words_a = {w.lower().rstrip("s") for w in a.unit.split()}
        words_b = {w.lower().rstrip("s") for w in b.unit.split()}
        return a.unit.split()[-1].lower().rstrip("s") in words_b or b.unit.split()[-1].lower().rstrip("s") in words_a
    return a.unit == b.unit


def _sum_of_two(top: Claim, figures: list[Claim]) -> bool:
    lo, hi = top.interval()
    return any(lo <= a.value + b.value <= hi for i, a in enumerate(figures) for b in figures[i + 1:]
               if a.sentence_start == b.sentence_start)  # one sentence listing the parts
