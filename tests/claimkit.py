"""Build Claims by hand for check-kind unit tests (no extraction involved)."""

from __future__ import annotations

import hashlib

from factcheck.models import Claim, DocumentMeta


def claim(text: str, value: float, *, kind: str = "money", doc: str = "a.txt", start: int = 0,
          date: str | None = None, bound: str = "exact", precision: float = 0.0, sentence: str | None = None,
          sentence_start: int = 0, topic_key: str | None = "harbour fund", role: str | None = None,
          period: str | None = None, cumulative: bool = False, source: str | None = None,
          content: str | None = None, line: int = 1, unit: str | None = None) -> Claim:
    """A claim; `content` names the statement's text identity (defaults to the doc name)."""
    lo = None if bound == "upper" else value
    hi = None if bound == "lower" else value
    digest = hashlib.sha256((content or doc).encode()).hexdigest()[:12]
    sentence = sentence if sentence is not None else f"The Harbour Fund gets {text}."
    if sentence_start == 0 and text in sentence:
        sentence_start = start - sentence.find(text)
    return Claim(id=f"{digest}:{start}", doc=doc, start=start, end=start + len(text), text=text, sentence=sentence,
                 sentence_start=sentence_start, kind=kind, unit=unit or ("GBP" if kind == "money" else None),
                 value=value, lo=lo, hi=hi, bound=bound, precision=precision, date=date, line=line,
                 source=DocumentMeta(source=source, date=date), topic="the fund" if topic_key else None,
                 topic_key=topic_key, role=role, period=period, cumulative=cumulative)


def sentence_claims(sentence: str, *figures: tuple[str, float, str], doc: str = "a.txt") -> list[Claim]:
    """Claims for each (text, value, kind) found in one sentence, offsets taken from the sentence."""
    out, at = [], 0
    for text, value, kind in figures:
        at = sentence.index(text, at)
        out.append(claim(text, value, kind=kind, doc=doc, start=at, sentence=sentence, sentence_start=0))
        at += len(text)
    return out
