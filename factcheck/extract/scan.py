"""Pass 1: find candidate figures and decide, from the words around each, whether it is a claim.

A figure is kept with its value, unit, scale and qualifier, or dropped with the reason in a comment:
a label ("phase 1"), a year, a list marker, a duration ("six months"), a name ("Euro 6"), an address.
Digits with no unit or noun are kept as `bare`; pass 2 or a table may still give them a unit.
"""

from __future__ import annotations

import math
import re

from ..models import ClaimKind
from ..text.vocabulary import MONTH_WORDS, OF_A_GROUP, OPENS_ON_WHOLE, ROUNDING_WORD, words
from . import nonclaims
from .figure import Figure
from .numbers import DENOMINATORS, SCALE_ABBREVIATIONS, SCALES, UNITS, ZERO_WORDS, parse_number
from .patterns import (
    DIGIT_CANDIDATE,
    QUALIFIER_AFTER,
    QUALIFIER_AFTER_BOUND,
    QUALIFIER_BEFORE,
    QUALIFIER_BOUND,
    SCANNER,
    WORD_CANDIDATE,
    figure_after_currency,
    word_candidate_any_case,
)
from .units import (
    FAMILY,
    FAMILY_DEFAULTS,
    NOT_COUNTED,
    NOUN_STOPS,
    TIME_UNITS,
    counted_noun,
    currency_after,
    currency_before,
    currency_code,
    currency_name_before,
    minor_factor,
)

# Last words of qualifiers: the qualifier regex only runs when the word before a figure is one of these.
_QUALIFIER_LAST_WORDS = frozenset(q.split()[-1] for q in QUALIFIER_BOUND)
_NEGATIVE_WORDS = frozenset({"minus", "negative"})
# "pounds of X" weighs X unless X is money: "20 million pounds of funding" is money, "of food" is not.
_MONEY_NOUNS = words("""funding funds money investment investments spending spend support aid cuts savings tax taxes
revenue revenues income debt debts grants grant contracts contract public taxpayers taxpayer's taxpayers' extra new
additional capital cash subsidy subsidies profit profits losses loss sales assets borrowing fees fines damages
compensation benefits benefit budget budgets government state lottery""")
_GAP_DASH = re.compile(r"\s?[-–—]\s?")
_GAP_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_GAP_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)  # "fell by 5% to 20%": an amount, then a level
_COPULAS = frozenset({"was", "were", "is", "are", "at", "totalled", "totals", "reached"})
_LABEL_LIST = re.compile(r",?\s*(?:(?:,|and|or|to|&)\s*)?|\s*[-–]\s*")
_NO_HALF_AFTER = frozenset({"first", "second", "latter", "former", "other", "last", "and", "one", "a"})
_SINGULAR_FRACTION_FOLLOW = re.compile(r"\s+(?:of|the|all|our|their|its|these|those|them)\b|\s*[.,;:)]")


def _matches(text: str):
    """SCANNER matches of figures, tried only where a digit, currency sign or number word starts."""
    lowered = text.lower()
    word_text, word_candidate = (lowered, WORD_CANDIDATE) if len(lowered) == len(text) else (
        text, word_candidate_any_case())  # lower() changed some lengths (rare Unicode): offsets must hold
    digits = DIGIT_CANDIDATE.finditer(text)
    words = word_candidate.finditer(word_text)
    digit, word = next(digits, None), next(words, None)
    match = SCANNER.match
    pos = 0
    while digit is not None or word is not None:
        from_digits = word is None or (digit is not None and digit.start() <= word.start())
        candidate = digit if from_digits else word
        at = candidate.start()
        if at < pos:  # inside what the last match consumed
            if candidate.end() > pos:  # straddles it: look again from where that match ended
                candidate = (DIGIT_CANDIDATE.search(text, pos) if from_digits
                             else word_candidate.search(word_text, pos))
            elif from_digits:
                candidate = next(digits, None)
            else:
                candidate = next(words, None)
            if from_digits:
                digit = candidate
            else:
                word = candidate
            continue
        if from_digits and at and text[at - 1] == "." and (at == 1 or text[at - 2] in " \t\n(\xa0"):
            at -= 1  # ".77"
        m = match(text, at)
        if m is None and from_digits and at and text[at - 1].isalpha() and currency_before(text, at):
            m = figure_after_currency().match(text, at)  # "USD3.14", "RM42": a code glued to the digits
        if m is None:
            pos = candidate.end()
        else:
            end = m.end()
            pos = end if end > at else at + 1
            if m.re is not SCANNER or m.group("skip") is None:
                yield m
        if from_digits:
            digit = next(digits, None)
        else:
            word = next(words, None)


def scan(text: str, all_numbers: bool = False):
    """Candidate figures in text order. With `all_numbers`, what is not a claim (a label, a year, a bare
    "seventeen") is yielded too, as kind `number`."""
    label_end = -1  # end of the last number read as a label, so "Questions 12253, 12254 and 12255" all are
    families: dict[str, str] = {}  # currency family -> the one this document named ("A$" -> dollar: AUD)
    noun_end = -1  # end of the last count, whose noun may run into a label: "4,000 plan 2 loans"
    last_end = -1  # end of the last figure yielded
    for m in _matches(text):
        start = m.start()
        frac = m.re is SCANNER and m.group("frac")
        before = None if frac else currency_before(text, start)
        if before is not None and before[1] < last_end:
            before = None  # "3 GBP 50 pence": the code belongs to the figure before
        prev = nonclaims.previous_word(text, start if before is None else before[1])
        if before is None and not frac and not _named(text, start, prev) \
                and (named := currency_name_before(text, start, prev)) is not None and named[1] > last_end:
            before = named  # "ringgit 42", "Swiss francs 300"
            prev = nonclaims.previous_word(text, before[1])
        if frac:
            fig = _fraction(text, m, prev)
        elif before is None and not currency_code(prev) and (
                nonclaims.is_label(prev, text, start) or (prev in MONTH_WORDS and _DAY.fullmatch(m.group("num") or ""))
                or _named(text, start, prev)
                or (label_end >= 0 and "," not in m.group("num") and _LABEL_LIST.fullmatch(text, label_end, start))
                or (noun_end >= 0 and _NOUN_THEN_LABEL.fullmatch(text, noun_end, start)
                    and _LABEL_NUMBER.fullmatch(m.group("num")) and not _NOT_A_LABEL_NOUN.search(prev)
                    and not _OF_THEM_AFTER.match(text, m.end())
                    and not any(w.lower() in NOUN_STOPS for w in text[noun_end:start].split()))):
            label_end = -1 if prev in MONTH_WORDS else m.end()  # "June 2, 1,075 patients": a date, then a count
            if all_numbers and (number := _number(text, m)) is not None:
                yield number
            continue
        else:
            fig = _figure(text, m, prev, before)
        if fig is not None and prev.lower() == "half" and (m.group("num") or "")[:2].lower() in ("a ", "an"):
            fig.value *= 0.5  # "half a million"
            fig.precision *= 0.5
            fig.start = fig.figure_start = text.rfind(prev, 0, start)
            prev = nonclaims.previous_word(text, fig.start)
        if fig is not None and prev.lower() in _NEGATIVE_WORDS:
            fig.start = fig.figure_start = text.rfind(prev, 0, fig.start)  # "minus 1,200", "negative five"
            fig.value, fig.lo, fig.hi = -fig.value, None, None
            prev = nonclaims.previous_word(text, fig.start)
        if fig is None:
            if all_numbers and (number := _number(text, m)) is not None:
                yield number
            continue
        if not math.isfinite(fig.value):
            continue  # "£9…9 million" with hundreds of digits: no quantity anybody states
        noun_end = fig.end if fig.kind == "count" and fig.unit and not fig.bare else -1
        if fig.kind == "money":
            _resolve_currency(fig, families)
        start = fig.start
        if prev.lower() in _QUALIFIER_LAST_WORDS or text[start - 2:start] == "c." or text[start - 1:start] == "c":
            _qualify(text, fig)
            if fig.qualifier and nonclaims.previous_word(text, fig.start).lower() in nonclaims.AGE_WORDS:
                if all_numbers and (number := _number(text, m)) is not None:
                    yield number
                continue  # "adults aged over 60"
        if fig.qualifier is None and fig.kind != "count" and text[fig.end:fig.end + 1] == " ":
            after = QUALIFIER_AFTER.match(text, fig.end)
            if after:
                fig.qualifier = " ".join(after.group().lower().split())
                fig.bound = QUALIFIER_AFTER_BOUND[after.group("q").lower()]
                fig.end = after.end()
        last_end = fig.end
        yield fig


def _number(text: str, m: re.Match) -> Figure | None:
    """Any numeral as a plain number (for --all-numbers): "Phase 3", "in 2019", "seventeen"; not a piece of
    an identifier ("06F6") or an ordinal ("21st")."""
    written = m.group("frac") if m.re is SCANNER and m.group("frac") else m.group("num")
    start = m.start()
    end = start + len(written)
    if m.re is SCANNER and m.group("fa"):
        value, precision = parse_number(m.group("fa"))  # "Voyager 2 in 1979": a number, not a share
        end = m.end("fa")
    elif m.re is SCANNER and m.group("frac"):
        value, precision = _fraction_value(m), 0.0
    else:
        value, precision = parse_number(written)
        scale = m.group("scale")
        if scale and (scale.strip().lower() in SCALES or scale.strip().lower() in SCALE_ABBREVIATIONS):
            factor = SCALES.get(scale.strip().lower()) or SCALE_ABBREVIATIONS[scale.strip().lower()]
            value, precision, end = value * factor, precision * factor, m.end("scale")
        slash = _SLASH_FRACTION.match(text, end)
        if slash and not written.startswith(".") and "," not in written and value.is_integer() and int(slash.group(1)):
            value, end = value / int(slash.group(1)), slash.end()  # "1/40", "20/100"
    if _ID_FOLLOWER.match(text, end) or written.lower() in ("a", "an"):
        return None
    if start and text[start - 1] in "-−" and (start < 2 or not text[start - 2].isalnum()):
        start, value = start - 1, -value
    elif nonclaims.previous_word(text, start).lower() in _NEGATIVE_WORDS:
        start, value = text.rfind(nonclaims.previous_word(text, start), 0, start), -value
    return Figure(start=start, end=end, figure_start=start, kind="number", value=value, precision=precision)


_ID_FOLLOWER = re.compile(r"[A-Za-z0-9_]|[.,]\d")
# A count's noun running into a small number: "4,000 outstanding plan 2 student loans", "300 Year 6 pupils".
_DAY = re.compile(r"\d{1,2}")  # "June 2": a date; "in June, 22,100": a count
_NOUN_THEN_LABEL = re.compile(r"(?:[ \t\xa0]+[A-Za-z][a-z'’-]*){1,3}[ \t\xa0]+")
_LABEL_NUMBER = re.compile(r"\d{1,2}")
_NOT_A_LABEL_NOUN = re.compile(r"(?:ing|ed|s)$")  # "50 projects involving 72 authorities": a verb, a plural


_SLASH_FRACTION = re.compile(r"/(\d{1,4})(?![\d/])")


def _fraction_value(m: re.Match) -> float:
    if m.group("half"):
        return 0.5
    if m.group("fd"):
        numerator_word = m.group("fn").lower()
        numerator = 1 if numerator_word in ("a", "an", "one") else UNITS[numerator_word]
        return numerator / DENOMINATORS[m.group("fd").lower()]
    part, _ = parse_number(m.group("fa"))
    whole, _ = parse_number(m.group("fb"))
    return part / whole if whole else part


def _resolve_currency(fig: Figure, families: dict[str, str]) -> None:
    """A family ("$", "dollars", "cents") becomes the one this document named earlier, else its default;
    the figure records which. A named currency of a family becomes the family's reading from here on."""
    unit = fig.unit or ""
    if unit.startswith("?"):
        family = unit[1:]
        named = families.get(family)
        code = named or FAMILY_DEFAULTS.get(family)
        fig.unit = code
        written = fig.currency_written or family
        if code and named:
            fig.assumption = f"'{written}' read as {code}: the document names {code} earlier"
        elif code:
            fig.assumption = f"'{written}' read as {code}: no other {family} named earlier in the document"
        else:
            fig.assumption = f"'{written}' names no one currency"
        if fig.minor and code and minor_factor(code) != 0.01:
            fig.value *= minor_factor(code) / 0.01
            fig.precision *= minor_factor(code) / 0.01
    elif unit in FAMILY:
        families[FAMILY[unit]] = unit


def _qualify(text: str, fig: Figure) -> None:
    """Attach a qualifier written just before the figure ("more than", "nearly", "about")."""
    start = fig.figure_start
    q = QUALIFIER_BEFORE.search(text, max(0, start - 40), start)
    if q and q.group("q").lower() in ("above", "below") and \
            nonclaims.previous_word(text, q.start()).lower() in ("the", "these", "those"):
        return  # "the above two questions": a reference, not a bound
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


def _figure(text: str, m: re.Match, prev: str, before: tuple[str, int, bool] | None) -> Figure | None:
    """A numeral with its currency, scale and unit; None when the context says it is not a claim.

    `before` is a currency written just before the figure ("£", "A$", "USD ", "Rs. "): (currency or
    family, where it starts, whether a minus sign sits between it and the digits).
    """
    written = m.group("num")
    scale_written, unit_written = m.group("scale"), m.group("unit")
    start, end = m.start(), m.end()
    measure = m.group("measure")
    cur: str | None = before[0] if before else None
    negative = bool(before and before[2])
    if before is None and start and text[start - 1] in "-−" and (start < 2 or not text[start - 2].isalnum()):
        negative = True  # "-504", "(-15)"; not the dash of a range "10-20"
        start -= 1
    after = None if unit_written or measure else currency_after(text, end)
    minor = False
    currency_written = text[before[1]:start].strip(" -−\xa0") if before else ""
    if after is not None:
        target, _factor, _scale, after_end, minor = after
        if cur is not None or (minor and scale_written):
            after = None  # "$10 USD" keeps its sign; "5m cents" is garbled
        elif _weight(text, end, after_end, written):
            return None  # "31.5 million pounds of food", "a twenty pound bag": weights
        else:
            cur, end = target, after_end
            currency_written = text[m.end():after_end].strip()
    if not (cur or scale_written or unit_written) and nonclaims.is_year(written) \
            and not (_qualified(text, start, prev) or nonclaims.year_is_count(text, end, prev)
                     or _table_delimited(text, start, end)):
        return None  # "in 2013", "the 2019 review"; "over 2000 staff", "they planted 1995 trees" are counts
    if _in_url(text, start):
        return None
    follower = nonclaims.BAD_FOLLOWER_OF_UNIT if cur or unit_written else nonclaims.BAD_FOLLOWER
    if follower.match(text, end):
        return None  # 19th, 14a, 24/7, 20-year, 1990's
    is_words = not written[0].isdigit() and written[0] != "."
    if is_words:
        lower = written.lower()
        if lower in ("one", "a", "an", "zero", *ZERO_WORDS) and not scale_written and not unit_written and not cur:
            return None  # "one of the", "a" alone: never a count worth checking
        if written[0].isupper() and not _sentence_initial(text, start):
            return None  # "Five Eyes", "Group of Seven": part of a name
    value, precision = parse_number(re.sub(r"[ \xa0]point[ \xa0]", ".", written) if not is_words else written)
    scale = 1.0
    if scale_written:
        word = scale_written.strip().lower()
        scale = SCALES.get(word) or SCALE_ABBREVIATIONS[word]
    elif is_words:
        scale = _word_scale(written)
    if after is not None:
        scale_factor = after[2]
        value *= after[1] * scale_factor
        precision *= after[1] * scale_factor
    value *= scale if scale_written else 1
    precision *= scale if scale_written else 1
    if negative:
        value = -value

    kind: ClaimKind = "count"
    unit: str | None = None
    if measure:
        if cur or unit_written or scale_written:
            return None  # "£5MW": garbled
        return Figure(start=start, end=end, figure_start=start, kind="count", value=value, precision=precision,
                      unit=measure)
    if unit_written:
        u = " ".join(unit_written.lower().split())
        if u.startswith(("basis", "bp")):
            kind, unit = "percentage_points", "pp"  # 100 basis points are one percentage point
            value, precision = value / 100, precision / 100
        elif "point" in u or u.startswith("pp"):
            kind, unit = "percentage_points", "pp"
        else:
            kind, unit = "percent", "%"
    if cur:
        if kind != "count":
            return None  # "£5%"
        kind, unit = "money", cur
    fig = Figure(start=start, end=end, figure_start=start, kind=kind, value=value, precision=precision, unit=unit,
                 scale=scale, minor=minor, currency_written=currency_written)
    if before is not None:
        fig.start = fig.figure_start = before[1]
    if kind != "count":
        if not cur and prev.lower() in nonclaims.AGE_WORDS:
            return None
        return fig
    # A count: needs a noun, or a context (range, change, table) that supplies one.
    if _excluded_reference(text, start, end, prev):
        return None
    noun, raw = counted_noun(text, end)
    first = raw[0].split("-")[0] if raw else ""
    duration = first in TIME_UNITS and (len(raw) == 1 or first.endswith("s") or first == "o'clock")
    if (duration or (noun and noun.rsplit(" ", 1)[-1] in TIME_UNITS)) and first not in NOT_COUNTED and noun \
            and ((scale >= 1000 and not _AGO.match(text, end)) or (value >= 10_000 and len(raw) >= 2)):
        fig.unit = noun  # "48 million hours watched", "12,000 days lost": a quantity of time, counted
        return fig
    if duration and not is_words and noun and first != "o'clock":
        fig.bare, fig.duration, fig.unit = True, True, first  # "from 47 days to 63 days": kept only as a change
        return fig
    if duration or first in NOT_COUNTED or (noun and noun.rsplit(" ", 1)[-1] in TIME_UNITS):
        return None  # "six months", "three years old", "three times", "five working days"; not "3 day centres"
    if written in nonclaims.SERVICE_NUMBERS and first in nonclaims.SERVICE_NOUNS:
        return None  # "999 calls"
    if first == "age" or nonclaims.is_address(text, end, raw):
        return None  # "the 0-25 age range", "10 Downing Street"
    if noun is None and prev.lower() in _COPULAS:
        noun = _number_of_noun(text, start)  # "the number of stolen laptops was 24"
    if noun is None:
        scale_word = bool(scale_written) and scale_written.strip().lower() in SCALES
        if scale >= 1000 and (is_words or scale_word):
            return fig  # "5 million", "two million": a scale word only ever describes a quantity
        if _part_of_named_whole(text, start, end) or _OF_THEM_AFTER.match(text, end):
            return fig  # "Of the 640 people employed, some 710 were local", "7,400 of them were women": a count
        if is_words:
            return None  # "the two": no noun, no claim
        if _claim_position(text, start, prev):
            return fig  # "of whom 310 were", "put the number at 65,000": a count of what the sentence is about
        fig.bare = True  # kept only if a range, change or table gives it a unit ("£100-120bn")
    fig.unit = noun
    return fig


_AGO = re.compile(r"\s+\w+\s+(?:ago|old)\b")  # "2 million years ago", "a million years old": when, not how much


def _weight(text: str, end: int, after_end: int, written: str) -> bool:
    """'pounds' that weigh: 'pounds of food' (not 'pounds of funding'), 'a twenty pound bag'."""
    word = text[end:after_end].strip().lower()
    if word == "pounds":
        of = _OF_NOUN.match(text, after_end)
        return of is not None and of.group(1).lower() not in _MONEY_NOUNS
    if word == "pound":
        of = _OF_NOUN.match(text, after_end)
        if of is not None:
            return of.group(1).lower() not in _MONEY_NOUNS  # "a pound of coal"
        noun = _NOUN_AFTER.match(text, after_end)
        return noun is not None and written.lower() not in ("one", "a", "1") and noun.group(1) not in _MONEY_NOUNS
    return False


_OF_NOUN = re.compile(r"[ \t\xa0]+of[ \t\xa0]+(?:the[ \t\xa0]+)?([A-Za-z'’]+)")
_NOUN_AFTER = re.compile(r"[ \t\xa0]+([a-z]+)\b(?![ \t\xa0]+(?:and|or|to|for|from|in|on|a|each|per)\b)")


# A number in these positions states a count even with no noun after it.
_OF_WHOM_BEFORE = re.compile(r"\bof[ \t\xa0]+(?:whom|which|these|those|them)[ \t\xa0]+\Z", re.IGNORECASE)
_PUT_AT_BEFORE = re.compile(r"\b(?:stood|stands|standing|put|puts|estimated|estimates|valued|set|capped|peaked|fixed|"
                            r"number|figure|total|count)\b[^.;:!?]{0,30}?\bat[ \t\xa0]+\Z", re.IGNORECASE)
_TOTAL_VERBS = frozenset({"totalled", "totaled", "totalling", "totaling", "numbered", "numbering"})


# "Of the 640 people employed on site, some 710 were ...": a sentence that opens on a counted whole.
_OF_THE_WHOLE = re.compile(r"(?:^|[.!?]\s+|\n)\s*" + OPENS_ON_WHOLE + r"[\d,.]+\s+[a-z][^.;:!?\n]{0,120},\s*"
                           r"(?:" + ROUNDING_WORD + r"\s+)?\Z")
_OF_THEM_AFTER = re.compile(r"[ \t\xa0]+" + OF_A_GROUP, re.IGNORECASE)
_WERE_AFTER = re.compile(r"\s+(?:were|are|was|is|had|have|has|will|would|came|come|live|work|said)\b")


def _part_of_named_whole(text: str, start: int, end: int) -> bool:
    """A bare count right after the clause that names its whole and followed by its verb ("Of the 640
    people employed on site, some 710 were recruited locally"): a part of that whole."""
    return _WERE_AFTER.match(text, end) is not None and _OF_THE_WHOLE.search(text, max(0, start - 200), start) \
        is not None


def _claim_position(text: str, start: int, prev: str) -> bool:
    """Digits with no noun that still state a count: 'of whom 310 were under 25', 'put the number at 65,000',
    'visitors totalled 4,100'."""
    lower = prev.lower()
    if lower in _TOTAL_VERBS:
        return True
    if lower in ("whom", "which", "these", "those", "them") and _OF_WHOM_BEFORE.search(text, max(0, start - 20), start):
        return True
    return lower == "at" and _PUT_AT_BEFORE.search(text, max(0, start - 48), start) is not None


def _table_delimited(text: str, start: int, end: int) -> bool:
    """A number standing alone between '|' cell borders: tables.py decides what it is."""
    before = text[max(0, start - 3):start].rpartition("\n")[2].strip()
    after = text[end:end + 3].partition("\n")[0].strip()
    borders = before[-1:] + after[:1]
    return borders in ("|", "||")


def _number_of_noun(text: str, start: int) -> str | None:
    """The noun of "the number of X ... was N" earlier in the same sentence, if there is one."""
    window_start = max(0, start - 160)
    window = text[window_start:start]
    at = window.lower().rfind("number of ")
    if at < 0 or "\n" in window[at:] or ". " in window[at:]:
        return None
    noun, _ = counted_noun(text, window_start + at + len("number of"))
    return noun


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
    if not prev[:1].isupper() or prev in MONTH_WORDS or not prev.isalpha():
        return False
    at = text.rfind(prev, max(0, start - 30), start)
    if at >= 0 and text[at + len(prev):start].strip(" \t\xa0"):
        return False  # "Kelvin Laboratory: 310 technicians": a label, then a figure
    return not _sentence_initial(text, at)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t\xa0\"'“‘(")
    return not before or before[-1] in ".!?:\n-•|;*"
