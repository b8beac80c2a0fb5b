"""Find numeric claims in a document's text. (First cut: digits, money, percentages.)"""

from __future__ import annotations

import bisect
import re

from ..models import Claim, Document

_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR"}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CLAIM_RE = re.compile(
    rf"(?P<qual>\b(?:more than|over|at least|nearly|almost|up to|under|about|around|some|roughly)\s+)?"
    rf"(?P<cur>[£$€])?(?P<num>{_NUMBER})\s?(?P<scale>k|m|bn|thousand|million|billion)?\b"
    rf"(?:\s?(?P<pct>%|per cent|percent|percentage points?))?",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'(])|\n+")
_LOWER = {"more than", "over", "at least"}
_UPPER = {"nearly", "almost", "up to", "under"}


def extract_claims(doc: Document) -> list[Claim]:
    """Every numeric claim in `doc`, in text order."""
    text = doc.text
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    claims = []
    for m in _CLAIM_RE.finditer(text):
        cur, pct, scale = m.group("cur"), m.group("pct"), (m.group("scale") or "").lower()
        if not cur and not pct and re.fullmatch(r"(1[89]|20)\d\d", m.group("num")):
            continue  # a year
        value = float(m.group("num").replace(",", "")) * _SCALE.get(scale, 1)
        kind = "money" if cur else ("percentage_points" if pct and "point" in pct.lower() else
                                    "percent" if pct else "count")
        qual = (m.group("qual") or "").strip().lower() or None
        lo = None if qual in _UPPER else value
        hi = None if qual in _LOWER else value
        start = m.start("qual") if qual else m.start()
        s_start, sentence = _sentence(text, start)
        line = bisect.bisect_right(line_starts, start)
        section = doc.section_at(start)
        claims.append(Claim(
            id=f"{doc.sha256[:12]}:{start}", doc=doc.id, start=start, end=m.end(), text=text[start:m.end()],
            line=line, column=start - line_starts[line - 1] + 1, sentence=sentence, sentence_start=s_start,
            kind=kind, unit=_CURRENCY.get(cur or "") or ("%" if pct else None), value=value, lo=lo, hi=hi,
            bound="lower" if qual in _LOWER else "upper" if qual in _UPPER else "approx" if qual else "exact",
            qualifier=qual, date=section.date if section else doc.meta.date,
            date_origin=section.date_origin if section else "none", source=doc.meta,
        ))
    return claims


def _sentence(text: str, offset: int) -> tuple[int, str]:
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text, 0, offset)]
    start = starts[-1]
    end_m = _SENTENCE_END.search(text, offset)
    end = end_m.start() if end_m else len(text)
    return start, text[start:end].strip()
