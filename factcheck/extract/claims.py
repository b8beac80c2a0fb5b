"""Document -> Claims: scan for figures, drop what is not a claim, link ranges/changes/ratios, normalise.

Three passes over one document, each linear:
1. `_scan` runs the scanner regex and turns each candidate into a `Figure` (value, unit, qualifier),
   or drops it with a reason (label, year, list marker, duration, ...).
2. `_link` looks at neighbouring figures: "between 5 and 10" and "£759m to £879m" merge into one
   range; "from 19 to 17 percentage points" links two endpoints and carries the unit back;
   "for every £1 ... £5" links a ratio.
3. `_to_claims` adds bounds, sentence, line/column and date, and drops bare numbers nobody linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import Settings
from ..models import Bound, Claim, ClaimKind, Document, Relation
from . import nonclaims
from .numbers import DENOMINATORS, SCALE_ABBREVIATIONS, SCALES, UNITS, parse_number
from .patterns import (
    BETWEEN_BEFORE,
    CHANGE_FROM_BEFORE,
    DIGIT_CANDIDATE,
    EVERY_BEFORE,
    FROM_BEFORE,
    MONTHS,
    QUALIFIER_BEFORE,
    QUALIFIER_BOUND,
    SCANNER,
    WORD_CANDIDATE,
    WORD_CANDIDATE_ANY_CASE,
)
from .sentences import Sentences
from .units import CURRENCY_SYMBOLS, CURRENCY_WORDS, NOT_COUNTED, TIME_UNITS, counted_noun, normalise_heading, words

_DEFAULT_SETTINGS = Settings()
# Last words of qualifiers: the qualifier regex only runs when the word before a figure is one of these.
_QUALIFIER_LAST_WORDS = frozenset(q.split()[-1] for q in QUALIFIER_BOUND)
MONTH_NAMES = words("January February March April May June July August September October November December "
                    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
_CODE_CURRENCY = {"GBP": "GBP", "USD": "USD", "EUR": "EUR", "US$": "US$"}
_PER_CENT = re.compile(r"\bper ?cent", re.IGNORECASE)
_SPACE_ONLY = re.compile(r"\s*")
_GAP_DASH = re.compile(r"\s?[-–—]\s?")
_GAP_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_GAP_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_LABEL_LIST = re.compile(r",?\s*(?:(?:,|and|or|to|&)\s*)?|\s*[-–]\s*")
_NO_HALF_AFTER = frozenset({"first", "second", "latter", "former", "other", "last", "and", "one", "a"})
_SINGULAR_FRACTION_FOLLOW = re.compile(r"\s+(?:of|the|all|our|their|its|these|those|them)\b|\s*[.,;:)]")


@dataclass(slots=True)
class Figure:
    """A candidate claim before it becomes a Claim: mutable so linking can carry units across."""

    start: int  # includes the qualifier ("more than ...")
    end: int
    figure_start: int  # where the currency sign or numeral starts
    kind: ClaimKind
    value: float
    precision: float
    unit: str | None = None
    scale: float = 1.0  # the scale written ("million"), carried to a bare partner in a range
    qualifier: str | None = None
    bound: Bound = "exact"
    bare: bool = False  # digits with no unit or noun: kept only when a range, change or table gives context
    lo: float | None = None
    hi: float | None = None
    relation: Relation | None = None
    partner: Figure | None = None
    fraction: bool = False


def extract_claims(doc: Document, settings: Settings | None = None) -> list[Claim]:
    """Every numeric claim in `doc`, in text order."""
    settings = settings or _DEFAULT_SETTINGS
    text = doc.text
    figures = list(_scan(text))
    if not figures:
        return []
    sentences = Sentences(text)
    figures = _link(text, figures, sentences)
    return _to_claims(doc, figures, sentences, settings.approx_tolerance)


# ---- pass 1: scan ---------------------------------------------------------------------------------

def _matches(text: str):
    """SCANNER matches of figures, tried only where a digit, currency sign or number word starts."""
    lowered = text.lower()
    word_text, word_candidate = (lowered, WORD_CANDIDATE) if len(lowered) == len(text) else (
        text, WORD_CANDIDATE_ANY_CASE)  # lower() changed some lengths (rare Unicode): offsets must hold
    digit = DIGIT_CANDIDATE.search(text)
    word = word_candidate.search(word_text)
    digit_at = digit.start() if digit is not None else -1
    word_at = word.start() if word is not None else -1
    match = SCANNER.match
    while digit_at >= 0 or word_at >= 0:
        if word_at < 0 or 0 <= digit_at <= word_at:
            at, candidate_end = digit_at, digit.end()
        else:
            at, candidate_end = word_at, word.end()
        m = match(text, at)
        if m is None:
            pos = candidate_end
        else:
            end = m.end()
            pos = end if end > at else at + 1
            if m.lastgroup != "skip":
                yield m
        if 0 <= digit_at < pos:
            digit = DIGIT_CANDIDATE.search(text, pos)
            digit_at = digit.start() if digit is not None else -1
        if 0 <= word_at < pos:
            word = word_candidate.search(word_text, pos)
            word_at = word.start() if word is not None else -1


def _scan(text: str):
    label_end = -1  # end of the last number read as a label, so "Questions 12253, 12254 and 12255" all are
    for m in _matches(text):
        start = m.start()
        prev = nonclaims.previous_word(text, start)
        if m.group("frac"):
            fig = _fraction(text, m, prev)
        elif not m.group("cur") and prev not in _CODE_CURRENCY and (
                nonclaims.is_label(prev, text, start) or prev in MONTH_NAMES or _named(text, start, prev)
                or (label_end >= 0 and _LABEL_LIST.fullmatch(text, label_end, start))):
            label_end = m.end()
            continue
        else:
            code = _CODE_CURRENCY.get(prev) if prev.isupper() else None
            fig = _figure(text, m, prev, code)
            if fig is not None and code:
                fig.start = fig.figure_start = text.rfind(prev, 0, start)
        if fig is not None:
            if prev.lower() in _QUALIFIER_LAST_WORDS or text[start - 2:start] == "c.":
                _qualify(text, fig)
            yield fig


def _qualify(text: str, fig: Figure) -> None:
    """Attach a qualifier written just before the figure ("more than", "nearly", "about")."""
    start = fig.figure_start
    q = QUALIFIER_BEFORE.search(text, max(0, start - 40), start)
    if q:
        written = " ".join(q.group("q").lower().split())
        fig.qualifier = written
        fig.bound = QUALIFIER_BOUND[written]
        fig.start = q.start()


def _fraction(text: str, m: re.Match, prev: str) -> Figure | None:
    """'two thirds', 'a quarter of', 'one in five', 'three out of four', 'half of' -> a percent share."""
    if m.group("half"):
        if prev.lower() in _NO_HALF_AFTER:
            return None
        share = 0.5
    elif m.group("fd"):
        numerator_word, denominator_word = m.group("fn").lower(), m.group("fd").lower()
        numerator = 1 if numerator_word in ("a", "an", "one") else UNITS[numerator_word]
        denominator = DENOMINATORS[denominator_word]
        plural = denominator_word.endswith("s")
        if prev.lower() == "and":
            return None  # "one and a half"
        if numerator >= denominator or (numerator == 1) == plural:
            return None
        if not plural and not _SINGULAR_FRACTION_FOLLOW.match(text, m.end()):
            return None  # "a third party", "one quarter" of a year
        share = numerator / denominator
    else:
        part, _ = parse_number(m.group("fa"))
        whole, _ = parse_number(m.group("fb"))
        if not 0 < part <= whole <= 1000 or nonclaims.is_year(m.group("fb")):
            return None
        share = part / whole
    return Figure(start=m.start(), end=m.end(), figure_start=m.start(), kind="percent", value=share * 100,
                  precision=0.0, unit="%", bound="approx", fraction=True)


def _figure(text: str, m: re.Match, prev: str, code: str | None = None) -> Figure | None:
    """A numeral with its currency, scale and unit; None when the context says it is not a claim.

    `code` is a currency written as a word before the figure ("GBP 5", "US$ 5").
    """
    written = m.group("num")
    cur, scale_written, unit_written = m.group("cur") or code, m.group("scale"), m.group("unit")
    start, end = m.start(), m.end()
    if not (cur or scale_written or unit_written) and nonclaims.is_year(written) \
            and not (_qualified(text, start, prev) or nonclaims.year_is_count(text, end, prev)):
        return None  # "in 2013", "the 2019 review"; "over 2000 staff", "they planted 1995 trees" are counts
    if _in_url(text, start):
        return None
    if nonclaims.BAD_FOLLOWER.match(text, end):
        return None  # 19th, 14a, 24/7, 20-year, 1990's
    is_words = not written[0].isdigit()
    if is_words:
        lower = written.lower()
        if lower in ("one", "a", "an", "zero") and not scale_written and not unit_written:
            return None  # "one of the", "a" alone: never a count worth checking
        if written[0].isupper() and not _sentence_initial(text, start):
            return None  # "Five Eyes", "Group of Seven": part of a name
    value, precision = parse_number(written)
    scale = 1.0
    if scale_written:
        word = scale_written.strip().lower()
        scale = SCALES.get(word) or SCALE_ABBREVIATIONS[word]
    elif is_words:
        scale = _word_scale(written)
    value *= scale if scale_written else 1
    precision *= scale if scale_written else 1

    kind: ClaimKind = "count"
    unit: str | None = None
    if unit_written:
        u = " ".join(unit_written.lower().split())
        if "point" in u or u.startswith("pp"):
            kind, unit = "percentage_points", "pp"
        elif u.startswith(("%", "per", "percent")):
            kind, unit = "percent", "%"
        else:
            code, factor = CURRENCY_WORDS[u.removesuffix(" sterling")]
            if cur:
                return None  # "£5 pounds": garbled
            kind, unit = "money", code
            value *= factor
            precision *= factor
    if cur:
        if kind != "count":
            return None  # "£5%"
        kind, unit = "money", CURRENCY_SYMBOLS[cur.strip().lower()]
    fig = Figure(start=start, end=end, figure_start=start, kind=kind, value=value, precision=precision, unit=unit,
                 scale=scale)
    if kind != "count":
        if not cur and _excluded_reference(text, start, end, prev):
            return None
        return fig
    # A count: needs a noun, or a context (range, change, table) that supplies one.
    if _excluded_reference(text, start, end, prev):
        return None
    noun, raw = counted_noun(text, end)
    first = raw[0].split("-")[0] if raw else ""
    if first in TIME_UNITS or first in NOT_COUNTED:
        return None  # "six months", "three times"
    if written in nonclaims.SERVICE_NUMBERS and first in nonclaims.SERVICE_NOUNS:
        return None  # "999 calls"
    if first == "age" or nonclaims.is_address(text, end, raw):
        return None  # "the 0-25 age range", "10 Downing Street"
    if noun is None:
        if is_words:
            return None  # "the two": no noun, no claim
        fig.bare = True  # kept only if a range, change or table gives it a unit ("£100-120bn")
    fig.unit = noun
    return fig


def _excluded_reference(text: str, start: int, end: int, prev: str) -> bool:
    return prev.lower() in nonclaims.AGE_WORDS or nonclaims.is_list_marker(text, start, end)


def _in_url(text: str, start: int) -> bool:
    """Digits inside a web address or e-mail ('.../2017/03/...', 'www.x.org?id=5')."""
    token_start = max(text.rfind(" ", max(0, start - 200), start), text.rfind("\n", max(0, start - 200), start))
    token = text[token_start + 1:start]
    return ("/" in token and ("://" in token or "www." in token or ".uk" in token or ".com" in token)) or "@" in token


def _word_scale(written: str) -> float:
    last = written.lower().split()[-1]
    return SCALES.get(last, 1.0)


def _qualified(text: str, start: int, prev: str) -> bool:
    return prev.lower() in _QUALIFIER_LAST_WORDS \
        and QUALIFIER_BEFORE.search(text, max(0, start - 40), start) is not None


def _named(text: str, start: int, prev: str) -> bool:
    """A number right after a capitalised word inside a sentence is part of a name: 'Euro 1', 'Hornsea 2'."""
    if not prev[:1].isupper() or prev in MONTH_NAMES or not prev.isalpha():
        return False
    return not _sentence_initial(text, text.rfind(prev, max(0, start - 30), start))


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t\xa0\"'“‘(")
    return not before or before[-1] in ".!?:\n-•|;*"


# ---- pass 2: link ranges, changes and ratios ------------------------------------------------------

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


def _link(text: str, figures: list[Figure], sentences: Sentences) -> list[Figure]:
    out: list[Figure] = []
    i = 0
    n = len(figures)
    while i < n:
        a = figures[i]
        b = figures[i + 1] if i + 1 < n else None
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
                not between and not from_before and (_GAP_DASH.fullmatch(gap) or _GAP_TO.fullmatch(gap)))
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
    """'... £6 billion, an increase from £5 billion' and 'for every £1 invested ... £5'."""
    for i, fig in enumerate(figures):
        if fig.relation or fig.bare:
            continue
        before = text[max(0, fig.start - 40):fig.start]
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


# ---- pass 3: claims -------------------------------------------------------------------------------

def _to_claims(doc: Document, figures: list[Figure], sentences: Sentences, tolerance: float) -> list[Claim]:
    text = doc.text
    prefix = doc.sha256[:12]
    relative = [(s.start, text.find("\n", s.start)) for s in doc.sections if s.date_origin == "relative"]
    claims: list[Claim] = []
    line, line_pos, line_start = 1, 0, 0
    section_i = 0
    sections = doc.sections
    for fig in figures:
        if fig.bare and fig.relation is None and not _table_cell(text, fig):
            continue
        if relative and any(s <= fig.start < (e if e >= 0 else len(text)) for s, e in relative):
            continue  # "(5 years, 11 months ago)"
        start, end = fig.start, fig.end
        line += text.count("\n", line_pos, start)
        line_pos = start
        line_start = text.rfind("\n", 0, start) + 1
        while section_i + 1 < len(sections) and sections[section_i + 1].start <= start:
            section_i += 1
        section = sections[section_i] if sections and sections[0].start <= start else None
        s_start, sentence = sentences.at(fig.figure_start)
        lo, hi = _bounds(fig, tolerance)
        claims.append(Claim(
            id=f"{prefix}:{start}", doc=doc.id, start=start, end=end, line=line, column=start - line_start + 1,
            text=text[start:end], sentence=sentence, sentence_start=s_start, kind=fig.kind, unit=fig.unit,
            value=fig.value, lo=lo, hi=hi, bound=fig.bound, qualifier=fig.qualifier, precision=fig.precision,
            related=f"{prefix}:{fig.partner.start}" if fig.partner is not None else None, relation=fig.relation,
            date=section.date if section else doc.meta.date, date_origin=section.date_origin if section else "none",
            source=doc.meta,
        ))
    return claims


def _bounds(fig: Figure, tolerance: float) -> tuple[float | None, float | None]:
    v = fig.value
    if fig.bound == "range":
        return fig.lo, fig.hi
    if fig.bound == "lower":
        return v, None
    if fig.bound == "upper":
        return None, v
    if fig.bound == "approx":
        return v - abs(v) * tolerance, v + abs(v) * tolerance
    return v, v


def _table_cell(text: str, fig: Figure) -> bool:
    """A bare number that is a whole cell of a '|' table is a claim; its unit comes from the headings.

    The column heading names what is counted ("Number of staff"), unless it is a period ("Aug '24",
    "2023"), in which case the row's first cell does. A heading with "£m", "£000" or "%" makes the
    cell money or a percentage at that scale.
    """
    line_start = text.rfind("\n", 0, fig.start) + 1
    line_end = text.find("\n", fig.end)
    line_end = len(text) if line_end < 0 else line_end
    left = text.rfind("|", line_start, fig.start)
    right = text.find("|", fig.end, line_end)
    if left < 0 and right < 0:
        return False
    cell_start = left + 1 if left >= 0 else line_start
    cell_end = right if right >= 0 else line_end
    if text[cell_start:cell_end].strip() != text[fig.start:fig.end].strip():
        return False
    header_start = line_start  # the heading row: the first line of this block of '|' lines
    while header_start > 0:
        prev_start = text.rfind("\n", 0, header_start - 1) + 1
        if "|" not in text[prev_start:header_start - 1]:
            break
        header_start = prev_start
    if header_start == line_start:
        return False  # a number in the heading row is a heading
    header_end = text.find("\n", header_start)
    headings = text[header_start:header_end].split("|")
    column = text.count("|", line_start, fig.start)
    heading = headings[column].strip() if column < len(headings) else ""
    row_label = text[line_start:line_end].split("|")[0].strip() if column else ""
    label = row_label if (not heading or _PERIOD.search(heading)) and row_label else heading
    _apply_table_unit(fig, heading + " " + row_label, label)
    fig.bare = False
    return True


_PERIOD = re.compile(rf"\d|\b{MONTHS}\b|\b(?:total|q[1-4])\b", re.IGNORECASE)
_MONEY_HEADING = re.compile(r"£\s?(bn|billion|m|million|k|000s?|thousand)?\b|\(£\)", re.IGNORECASE)
_TABLE_SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "000": 1e3, "000s": 1e3,
                 "thousand": 1e3}


def _apply_table_unit(fig: Figure, headings: str, label: str) -> None:
    money = _MONEY_HEADING.search(headings)
    if money:
        scale = _TABLE_SCALES.get((money.group(1) or "").lower(), 1.0)
        fig.kind, fig.unit = "money", "GBP"
        fig.value *= scale
        fig.precision *= scale
    elif "%" in headings or _PER_CENT.search(headings):
        fig.kind, fig.unit = "percent", "%"
    else:
        fig.unit = normalise_heading(label)
