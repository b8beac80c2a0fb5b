"""Keep only the document text that text-reading checks look at.

A check kind with NEEDS_TEXT reads around some claims (list-count: the few hundred characters after a
small count). Holding every document's full text until the rules run costs memory in proportion to the
whole archive; `needed_text` keeps just those windows, and `TextWindows` answers slices by the
document's own offsets, so a check reads it exactly as it would read the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Claim
from ..text.sentences import unwrap
from .checks import CHECK_KINDS
from .schema import Rule


class TextWindows:
    """Parts of a document's text, sliced by the document's offsets; outside the kept parts it reads
    as spaces (so a pattern never matches across a gap as if the text ran on)."""

    def __init__(self, text: str, spans: Iterable[tuple[int, int]]) -> None:
        self.length = len(text)
        merged: list[list[int]] = []
        clamped = ((max(0, s), min(len(text), e)) for s, e in spans)
        for start, end in sorted((s, e) for s, e in clamped if e > s):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.parts = [(start, text[start:end]) for start, end in merged]

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, key: slice) -> str:
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("TextWindows supports plain slices only")
        start, stop, _ = key.indices(self.length)
        if stop <= start:
            return ""
        out = [" "] * (stop - start)
        for offset, part in self.parts:
            lo, hi = max(start, offset), min(stop, offset + len(part))
            if lo < hi:
                out[lo - start:hi - start] = part[lo - offset:hi - offset]
        return "".join(out)


def needed_text(rules: Iterable[Rule], claims: list[Claim], text: str) -> TextWindows | str:
    """What of `text` the rules' text-reading checks may look at, for this document's claims.

    A check kind says where it reads with `text_window(claim, params) -> (start, end) | None`; one
    that does not say keeps the whole text. Soft line wraps read as spaces (`unwrap`: same offsets), so
    a list or sentence that hard-wrapped prose runs over two lines is read whole.
    """
    text = unwrap(text)
    spans: list[tuple[int, int]] = []
    for rule in rules:
        if not rule.needs_text:
            continue
        window = getattr(CHECK_KINDS[rule.check.kind], "text_window", None)
        if window is None:
            return text
        for claim in claims:
            if rule.select.matches(claim):
                span = window(claim, rule.params)
                if span is not None:
                    spans.append(span)
    return TextWindows(text, spans)
