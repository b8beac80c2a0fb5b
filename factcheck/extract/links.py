"""Pass 2: neighbouring figures that belong together.

"between 5 and 10" and "£759m to £879m" merge into one range claim; "from 19 to 17 percentage points"
links two endpoints and carries the unit back; "an increase from £5 billion" links to the figure it
changed into; "for every £1 ... £5" links a ratio.
"""

from __future__ import annotations

import re

from ..text.sentences import Sentences
from .figure import Figure
from .patterns import BETWEEN_BEFORE, CHANGE_FROM_BEFORE, EVERY_BEFORE, FROM_BEFORE, MONTHS, change_word
from .units import NOUN_STOPS, minor_factor

_GAP_DASH = re.compile(r"\s?[-–—]\s?")
_GAP_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_GAP_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)  # "fell by 5% to 20%": an amount, then a level
# "from £500m in 2019 to £1.5bn", "from £2 billion in 2019-20 to £3 billion": a change whose start is dated.
# Also with a rate between: "from 1.2 million a day in 2019 to 900,000".
# Also with the counted noun and a month: "from 3,100 visitors in May to 2,950".
_GAP_DATED_TO = re.compile(r"(?:\s+[a-z][\w'’-]*){0,4}?"
                           r"(?:\s+(?:a|per|each)\s+(?:day|week|month|year|head|person))?"
                           rf"(?:\s+(?:in|during|by|for|on|at\s+the\s+end\s+of)\s+(?:(?:19|20)\d\d(?:\s?[-–/]\s?\d{{2,4}})?"
                           rf"|{MONTHS}(?:\s+(?:19|20)\d\d)?|the\s+(?:first|second|third|fourth|last)\s+quarter))?"
                           r",?\s+to\s+", re.IGNORECASE)
# "increased 18% to $240 million, from $180 million": the new level first, then where it came from.
_GAP_TO_FROM = re.compile(r"(?:\s+[a-z][\w'’-]*){0,3}?(?:\s+(?:in|during|by|for)\s+(?:19|20)\d\d)?"
                          r",?\s+(?:up\s+|down\s+)?(?:from|compared\s+with|against)\s+$", re.IGNORECASE)
_TO_BEFORE = re.compile(r"(?<![\w-])to\s+$", re.IGNORECASE)
# Two bounds of one interval: "at least 5 but no more than 10", "over 20 and under 30".
_GAP_TWO_BOUNDS = re.compile(r",?\s+(?:but|and|yet)\s+", re.IGNORECASE)
# A minor amount after a major one: "$20 and 43c", "20 dollars 43 cents", "3 GBP 1 pence".
_GAP_MINOR = re.compile(r",?\s*(?:and\s+)?", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?]\s|\n")
_YEAR = re.compile(r"(?:19|20)\d\d")
# "of which 2,950", "Of these, 340": a bare number that is a part of the figure just before it.
_PART_CUE_BEFORE = re.compile(r"\b(?:of\s+(?:which|whom|these|those|them|this|that|the\s+total)"
                              r"(?:\s+(?:sum|amount|total|figure|money|number))?|including|among\s+(?:them|these|those))"
                              r"\s*,?\s*$", re.IGNORECASE)
_PART_REACH = 200  # characters from the whole to its part (the cue may open the next sentence)
_DATE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|since|during|until|by|of)\s+$", re.IGNORECASE)


def _compatible(a: Figure, b: Figure) -> bool:
    if a.duration or b.duration:  # spans of time pair only with each other, in the same unit
        return a.duration and b.duration and a.unit == b.unit
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


def _change_before(text: str, start: int) -> re.Match | None:
    """A change verb or noun in the clause before `start` ("rose", "fell by 320,", "an increase of")."""
    lo = max(0, start - 80)
    window = text[lo:start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(window)), default=0)
    return change_word().search(text, lo + cut, start)


def _link(a: Figure, b: Figure, relation_a: str, relation_b: str) -> None:
    a.relation, a.partner, b.relation, b.partner = relation_a, b, relation_b, a  # type: ignore[assignment]


def _subject_noun(text: str, verb_start: int) -> str | None:
    """The noun of the subject just before a change verb: "Staff numbers fell" -> "staff",
    "The number of nurses rose" -> "nurses", "Visits fell" -> "visits"."""
    window = text[max(0, verb_start - 60):verb_start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(window)), default=0)
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", window[cut:])
    phrase: list[str] = []
    for word in reversed(words[-5:]):
        lower = word.lower()
        if lower in NOUN_STOPS and lower != "of":
            break
        phrase.insert(0, lower)
    while phrase and phrase[0] in ("number", "numbers", "total", "count", "of", "level", "levels"):
        phrase.pop(0)
    while phrase and phrase[-1] in ("number", "numbers", "total", "figures", "count", "levels", "level", "of"):
        phrase.pop()
    return " ".join(phrase[-3:]) or None


def link(text: str, figures: list[Figure], sentences: Sentences) -> list[Figure]:
    # Plain numbers (--all-numbers) and dated years ("in 2019") never link; they rejoin in text order.
    aside = [f for f in figures if f.kind == "number" or _dated_year(text, f)]
    if aside:
        figures = [f for f in figures if not (f.kind == "number" or _dated_year(text, f))]
    out: list[Figure] = []
    i = 0
    n = len(figures)
    while i < n:
        a = figures[i]
        b = figures[i + 1] if i + 1 < n else None
        if b is not None and a.kind == "money" and b.minor and not a.minor and b.kind == "money" \
                and b.qualifier is None and _GAP_MINOR.fullmatch(text, a.end, b.start) and 0 < b.value < 1:
            a.value += b.value * minor_factor(a.unit) / 0.01  # "$20 and 43c" is $20.43
            a.precision = min(a.precision, b.precision * minor_factor(a.unit) / 0.01)
            a.end = b.end
            figures[i + 1] = a
            i += 1
            continue
        if (b is not None and a.bound == "lower" and b.bound == "upper" and _compatible(a, b)
                and b.start - a.end <= 8 and _GAP_TWO_BOUNDS.fullmatch(text, a.end, b.start)):
            _carry(b, a)
            _carry(a, b)
            if not a.bare and a.value <= b.value:  # "at least 5 but no more than 10": one two-sided interval
                out.append(Figure(start=a.start, end=b.end, figure_start=a.figure_start, kind=b.kind,
                                  value=(a.value + b.value) / 2, precision=max(a.precision, b.precision),
                                  unit=b.unit or a.unit, scale=b.scale, qualifier=f"{a.qualifier} ... {b.qualifier}",
                                  bound="range", lo=a.value, hi=b.value, assumption=a.assumption or b.assumption))
                i += 2
                continue
        from_before = b is not None and a.qualifier is None and bool(
            FROM_BEFORE.search(text, max(0, a.start - 8), a.start))
        change = _change_before(text, a.start) if from_before else None
        # "from A to B" is a change after a change word or when the ends are dated ("in May"); else a range.
        if (from_before and _compatible(a, b) and _GAP_DATED_TO.fullmatch(text, a.end, b.start)
                and (change or not _GAP_TO.fullmatch(text, a.end, b.start))):
            _carry(b, a)
            _carry(a, b)  # "to 900,000" takes the kind and unit of "from 1.2 million a day"
            if a.duration and b.duration:
                a.bare = b.bare = False  # "waits rose from 47 days to 63 days": a change of a span of time
            elif change and a.bare and b.bare:
                a.unit = b.unit = _subject_noun(text, change.start())
                a.bare = b.bare = False
            _link(a, b, "change_from", "change_to")
            out += [a, b]
            i += 2
            continue
        if (b is not None and not a.bare and _compatible(a, b) and b.qualifier is None and b.start - a.end <= 60
                and _TO_BEFORE.search(text, max(0, a.start - 5), a.start)
                and _GAP_TO_FROM.search(text, a.end, b.start) and _change_before(text, a.start)):
            _carry(a, b)  # "increased 18% to $240 million, from $180 million a year earlier"
            _carry(b, a)
            _link(b, a, "change_from", "change_to")
            out += [a, b]
            i += 2
            continue
        if b is not None and b.start - a.end <= 7 and not a.fraction and not b.fraction and _compatible(a, b) \
                and b.qualifier is None and "\n" not in (gap := text[a.end:b.start]):
            between = bool(BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start))
            is_range = (between and _GAP_AND.fullmatch(gap)) or (
                not between and (_GAP_DASH.fullmatch(gap) or (
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
    _bare_series(text, out, sentences)
    _link_loose(text, out, sentences)
    for fig in out:
        if fig.bare and fig.relation is None and _BY_BEFORE.search(text, max(0, fig.start - 6), fig.start):
            change = _change_before(text, fig.start)  # "fell by 320": the stated change is a claim
            if change is not None:
                fig.bare = False
                fig.unit = _subject_noun(text, change.start())
    if aside:
        out = sorted(out + aside, key=lambda f: f.start)
    return out


def _short_financial_year(text: str, a: Figure, b: Figure) -> bool:
    first, second = text[a.figure_start:a.end].strip(), text[b.figure_start:b.end].strip()
    return (len(first) == len(second) == 2 and first.isdigit() and second.isdigit() and int(first) >= 10
            and int(second) == (int(first) + 1) % 100)


def _merge_range(text: str, a: Figure, b: Figure, between: bool) -> Figure | None:
    _carry(b, a)
    _carry(a, b)
    if a.value > b.value or a.kind != b.kind or a.bare != b.bare:
        return None
    start = a.start
    qualifier = a.qualifier
    if between:
        start = BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start).start()
        qualifier = "between"
    return Figure(start=start, end=b.end, figure_start=a.figure_start, kind=b.kind, value=(a.value + b.value) / 2,
                  precision=max(a.precision, b.precision), unit=b.unit or a.unit, scale=b.scale, qualifier=qualifier,
                  bound="range", lo=a.value, hi=b.value, bare=a.bare, assumption=a.assumption or b.assumption)


# Between two steps of a series: the first's noun (a few words) and the year it is for, then a comma or "and"
# ("611,000 visits in 2022, 648,000 in 2023", "84 in FY2021 and 97 in FY2022").
_WHEN = rf"(?:in|for|during)\s+(?:(?:FY\s?)?(?:19|20)\d\d(?:\s?[-–/]\s?\d{{2,4}})?|{MONTHS})"
_SERIES_STEP = re.compile(r"(?:\s+[a-z][\w'’-]*){0,3}?\s+" + _WHEN + r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)",
                          re.IGNORECASE)
_SERIES_END = re.compile(r"(?:\s+[a-z][\w'’-]*){0,3}?\s+" + _WHEN + r"\b", re.IGNORECASE)


def _bare_series(text: str, figures: list[Figure], sentences: Sentences) -> None:
    """Three or more bare numbers in a row, each said for a year or month ("enrolment has fallen: 41,000
    in 2022, 48,500 in 2023 and 56,200 in 2024"): one quantity over time, counts however little is named."""
    i = 0
    while i < len(figures):
        j = i
        while j + 1 < len(figures) and figures[j].bare and figures[j + 1].bare and not figures[j].duration \
                and _SERIES_STEP.fullmatch(text, figures[j].end, figures[j + 1].start) \
                and sentences.same(figures[j].end, figures[j + 1].start):
            j += 1
        if j - i >= 2 and _SERIES_END.match(text, figures[j].end) and not figures[j].duration:
            for fig in figures[i:j + 1]:
                fig.bare = False
        i = j + 1


def _link_loose(text: str, figures: list[Figure], sentences: Sentences) -> None:
    """'... £6 billion, an increase from £5 billion' and 'for every £1 invested ... £5'; and a bare part
    ("2,600 blocks, of which 2,950 now ...") takes the kind and unit of the figure it is a part of."""
    for i, fig in enumerate(figures):
        if fig.bare and i and _PART_CUE_BEFORE.search(text, max(0, fig.start - 20), fig.start):
            whole = figures[i - 1]
            if not whole.bare and fig.start - whole.end <= _PART_REACH:
                _carry(whole, fig)
        if fig.bare and fig.relation is None and i and "from" in text[max(0, fig.start - 40):fig.start].lower() \
                and CHANGE_FROM_BEFORE.search(text, max(0, fig.start - 40), fig.start):
            other = figures[i - 1]  # "2,000 nurses left, down from 2,400": the bare start takes the end's unit
            if not other.bare and other.relation is None and other.kind != "number" and sentences.same(other.end,
                                                                                                         fig.start):
                _carry(other, fig)
                fig.relation, fig.partner, other.relation, other.partner = "change_from", other, "change_to", fig
        if fig.bare and fig.relation is None and i and not fig.duration:
            other = figures[i - 1]  # "611,000 visits in 2022, 648,000 in 2023": a series' next step, same unit
            if not other.bare and other.kind in ("count", "money", "percent") and other.relation is None \
                    and _SERIES_STEP.fullmatch(text, other.end, fig.start) and sentences.same(other.end, fig.start):
                _carry(other, fig)
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
