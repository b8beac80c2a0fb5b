"""The same figure restated within one document with a different value: headline vs body.

A headline is the document's first line when it is short and more lines follow. For each headline
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
NEEDS_TEXT = False


class RestatedInDocumentParams(Params):
    max_headline_chars: int = 160  # a longer first line is a paragraph, not a headline
    tolerance: float = 0.0


Params = RestatedInDocumentParams


def run(claims: list[Claim], params: RestatedInDocumentParams, ctx: Context) -> Iterator[Hit]:
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    for doc_claims in by_doc.values():
        headline = [c for c in doc_claims if c.line == 1 and len(c.sentence) <= params.max_headline_chars]
        body = [c for c in doc_claims if c.line > 1]
        if not headline or not body:
            continue
        for top in headline:
            if any(not below(top, b, params.tolerance) and not below(b, top, params.tolerance) for b in body):
                continue
            nearest = min(body, key=lambda b: abs(b.value - top.value))
            yield Hit(claims=[top, nearest], fields={"headline": describe(top), "body": describe(nearest)},
                      assumptions=[f"the first line is a headline and {top.text!r} in it is the figure "
                                   f"{nearest.text!r} restates (same group"
                                   + (f" {ctx.group.topic!r})" if ctx.group else ")"),
                                   "no figure in the body for this group agrees with the headline",
                                   interval_note(top), interval_note(nearest)])
