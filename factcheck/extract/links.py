"""Pass 2: neighbouring figures that belong together.

"between 5 and 10" and "£759m to £879m" merge into one range claim; "from 19 to 17 percentage points"
links two endpoints and carries the unit back; "an increase from £5 billion" links to the figure it
changed into; "for every £1 ... £5" links a ratio.
"""

from __future__ import annotations

import re

from .figure import Figure
from .patterns import BETWEEN_BEFORE, CHANGE_FROM_BEFORE, EVERY_BEFORE, FROM_BEFORE
from .sentences import Sentences

_GAP_DASH = re.compile(r"\s?[-–—]\s?")
_GAP_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_GAP_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)  # "fell by 5% to 20%": an amount, then a level
# "from £500m in 2019 to £1.5bn", "from £2 billion in 2019-20 to £3 billion": a change whose start is dated.
# Also with a rate between: "from 1.2 million a day in 2019 to 900,000".
_GAP_DATED_TO = re.compile(r"(?:\s+(?:a|per|each)\s+(?:day|week|month|year|head|person))?"
                           r"(?:\s+(?:in|during|by|for)\s+(?:19|20)\d\d(?:\s?[-–/]\s?\d{2,4})?)?,?\s+to\s+",
                           re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
# "of which 2,950", "Of these, 340": a bare number that is a part of the figure just before it.
_PART_CUE_BEFORE = re.compile(r"\bof\s+(?:which|whom|these|those|them|this|the\s+total)\s*,?\s*$", re.IGNORECASE)
_PART_REACH = 200  # characters from the whole to its part (the cue may open the next sentence)
_DATE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|since|during|until|by|of)\s+$", re.IGNORECASE)


def _compatible(a: Figure, b: Figure) -> bool:
    return a.bare or b.bare or (a.kind == b.kind and (a.kind == "count" or a.unit == b.unit))


def _carry(src: Figure, dst: Figure) -> None:
    """Give `dst` what it left to its partner: the scale ("£100-120bn", "5 to 10 million") and, if it
    is bare, the kind and unit ("from 19 to 17 percentage points")."""
    if src.scale != 1.0 and dst.scale == 1.0 and dst.value * src.scale <= src.value * 1.000001:
        dst.value *= src.scale
        dst.precision *= src.scale
        dst.scale = src.scale
    if dst.bare and not src.bare:
        dst.kind, dst.unit, dst.bare = src.kind, src.unit, False


def _dated_year(text: str, fig: Figure) -> bool:
    """A bare "2019" after "in", "since", "by"...: a date, never a figure or a range partner."""
    return fig.bare and bool(_YEAR.fullmatch(text[fig.figure_start:fig.end].strip())) and bool(
        _DATE_PREPOSITION_BEFORE.search(text, max(0, fig.start - 8), fig.start))


def link(text: str, figures: list[Figure], sentences: Sentences) -> list[Figure]:
    figures = [f for f in figures if not _dated_year(text, f)]
    out: list[Figure] = []
    i = 0
    n = len(figures)
    while i < n:
        a = figures[i]
        b = figures[i + 1] if i + 1 < n else None
        if (b is not None and a.qualifier is None and not a.bare and _compatible(a, b)
                and _GAP_DATED_TO.fullmatch(text, a.end, b.start)
                and FROM_BEFORE.search(text, max(0, a.start - 8), a.start)):
            _carry(b, a)
            _carry(a, b)  # "to 900,000" takes the kind and unit of "from 1.2 million a day"
            a.relation, a.partner, b.relation, b.partner = "change_from", b, "change_to", a
            out += [a, b]
            i += 2
            continue
        if b is not None and b.start - a.end <= 7 and not a.fraction and not b.fraction and _compatible(a, b) \
                and b.qualifier is None and "\n" not in (gap := text[a.end:b.start]):
            between = bool(BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start))
            from_before = a.qualifier is None and bool(FROM_BEFORE.search(text, max(0, a.start - 8), a.start))
            if from_before and _GAP_TO.fullmatch(gap):
                _carry(b, a)
                _carry(a, b)
                a.relation, a.partner, b.relation, b.partner = "change_from", b, "change_to", a
                out += [a, b]
                i += 2
                continue
            is_range = (between and _GAP_AND.fullmatch(gap)) or (
                not between and not from_before and (_GAP_DASH.fullmatch(gap) or (
                    _GAP_TO.fullmatch(gap) and not _BY_BEFORE.search(text, max(0, a.start - 6), a.start))))
            if is_range and _short_financial_year(text, a, b):
                i += 2  # "23-24": a financial year written short
                continue
            if is_range:
                merged = _merge_range(text, a, b, between)
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
        out.append(a)
        i += 1
    _link_loose(text, out, sentences)
    return out


def _short_financial_year(text: str, a: Figure, b: Figure) -> bool:
    first, second = text[a.figure_start:a.end].strip(), text[b.figure_start:b.end].strip()
    return (len(first) == len(second) == 2 and first.isdigit() and second.isdigit() and int(first) >= 10
            and int(second) == (int(first) + 1) % 100)


def _merge_range(text: str, a: Figure, b: Figure, between: bool) -> Figure | None:
    _carry(b, a)
    _carry(a, b)
    if a.bare or b.bare or a.value > b.value or a.kind != b.kind:
        return None
    start = a.start
    qualifier = a.qualifier
    if between:
        start = BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start).start()
        qualifier = "between"
    return Figure(start=start, end=b.end, figure_start=a.figure_start, kind=b.kind, value=(a.value + b.value) / 2,
                  precision=max(a.precision, b.precision), unit=b.unit or a.unit, scale=b.scale, qualifier=qualifier,
                  bound="range", lo=a.value, hi=b.value)


def _link_loose(text: str, figures: list[Figure], sentences: Sentences) -> None:
    """'... £6 billion, an increase from £5 billion' and 'for every £1 invested ... £5'; and a bare part
    ("2,600 blocks, of which 2,950 now ...") takes the kind and unit of the figure it is a part of."""
    for i, fig in enumerate(figures):
        if fig.bare and i and _PART_CUE_BEFORE.search(text, max(0, fig.start - 20), fig.start):
            whole = figures[i - 1]
            if not whole.bare and fig.start - whole.end <= _PART_REACH:
                _carry(whole, fig)
        if fig.relation or fig.bare:
            continue
        before = text[max(0, fig.start - 40):fig.start].lower()
        if "from" in before and CHANGE_FROM_BEFORE.search(text, max(0, fig.start - 40), fig.start):
            other = _neighbour(figures, i, -1, fig, sentences)
            if other is not None:
                fig.relation, fig.partner, other.relation, other.partner = "change_from", other, "change_to", fig
        elif ("every" in before or "each" in before) and EVERY_BEFORE.search(text, max(0, fig.start - 15), fig.start):
            other = _neighbour(figures, i, 1, fig, sentences) or _neighbour(figures, i, -1, fig, sentences)
            if other is not None:
                fig.relation, fig.partner, other.relation, other.partner = "ratio_base", other, "ratio_return", fig


def _neighbour(figures: list[Figure], i: int, step: int, fig: Figure, sentences: Sentences) -> Figure | None:
    """The nearest unlinked figure of the same kind and unit in the same sentence, in direction `step`."""
    j = i + step
    while 0 <= j < len(figures) and (sentences.same(figures[j].end, fig.start) if step < 0
                                     else sentences.same(fig.end, figures[j].start)):
        other = figures[j]
        if not other.relation and not other.bare and other.kind == fig.kind and other.unit == fig.unit:
            return other
        j += step
    return None
