"""The compiled patterns extraction runs on.

Two cheap candidate regexes find where a figure could start (a digit or currency sign; a number word,
searched in the lowercased text). Only there does SCANNER run, anchored: it matches either a span
that is *not* a claim and is consumed whole (dates, financial years, times, phone numbers) or a
candidate figure (a fraction, or [currency] numeral [scale] [percent | points | currency word | unit
of measure]). The words around each figure are then judged in Python (scan.py, nonclaims.py).
"""

from __future__ import annotations

import functools
import re

from ..text.vocabulary import MONTH_PATTERN
from .currency_data import NAMES
from .numbers import DENOMINATORS, DIGIT_NUMBER, SCALES, TENS, UNITS, WORD_NUMBER, ZERO_WORDS

MONTHS = MONTH_PATTERN
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]|20)\d\d"

# Spans that are never claims. Order matters only among alternatives that start at the same place.
_SKIP = "|".join([
    rf"{_DAY}(?:[ \xa0]+of)?[ \xa0-]+(?i:{MONTHS})\b\.?(?:,?[ \xa0-]+\d{{4}}\b)?",        # 3 November 2016, 04-Nov-2016
    r"\d{4}-\d\d(?:-\d\d)?(?![\d-])",                                         # 2016-11-03, 2024-01
    r"\d{1,2}/\d{1,2}/\d{2,4}(?!\d)",                                         # 25/03/2015
    rf"{_YEAR}\s?[-–/]\s?(?:{_YEAR}|\d\d)(?![\d,.]\d|[\d%])",                 # 2014-15, 2014/15, 2015-2024
    r"\d{1,2}(?:[:.]\d\d)?\s?(?i:am|pm|a\.m\.|p\.m\.)(?!\w)|\d{1,2}:\d\d(?::\d\d)?",  # 10am, 14:00
    r"(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d,.%])",             # phone numbers
])

_UNIT_WORDS = "|".join(UNITS)
_DENOMS = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_SMALL_NUMBER = rf"\d+|(?:{_UNIT_WORDS}|{'|'.join(TENS)}|(?:a|one) hundred)"
_FRACTION = (
    # "one in five", "1 in 10", "three out of four"; not "212 in 2023", "40 in 2023-24" (a figure and its year)
    r"(?!\d{2,}\s+in\s+(?:1[5-9]|20)\d\d\b|\d+\s+in\s+(?:1[5-9]|20)\d\d\s?[-–/]\s?\d)"
    rf"(?P<fa>{_SMALL_NUMBER})\s+(?:in|out\s+of)\s+(?P<fb>{_SMALL_NUMBER})(?![\w.,]\d|[\w%])"
    # "two thirds", "a quarter", "three-fifths", "one half"
    rf"|(?P<fn>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?P<fd>{_DENOMS})\b"
    r"|(?P<half>half)(?=\s+(?:of|the|all|our|their|its|these|those|them)\b)"
)
_SCALE_WORDS = "|".join(sorted(SCALES, key=len, reverse=True))
# One of a currency or its minor unit: "a dollar", "a penny", "a euro" (CLDR's one-word names).
A_CURRENCY_WORDS = sorted({n for n in NAMES if n.isalpha() and not n.endswith("s")} | {"penny", "cent", "buck", "quid"})
# (WORD_CANDIDATE only stops at "a" before one of these, so the scanner's lookahead can stay short.)
_A_CURRENCY = r"an?(?=[ \t\xa0]+[^\W\d_])"
# A figure: numeral [scale] [percent | points | basis points | unit of measure]. The currency is read around
# it in Python (units.currency_before / currency_after), from CLDR's codes, symbols and names.
_FIGURE = (
    rf"(?P<num>\d+[ \xa0]point[ \xa0]\d+\b|(?:{DIGIT_NUMBER})|(?i:{WORD_NUMBER})\b|{_A_CURRENCY})"
    rf"(?P<scale>\s?(?:k|m|mn|bn|tn)\b|(?:K|M|MM|B|Bn|BN|T|b)\b|\s?(?i:{_SCALE_WORDS})\b)?"
    r"(?P<unit>\s?(?i:percentage\s+points?|per\s?cent(?:age)?\s+points?|%\s?points?)\b|\s?(?:pp|ppts?)\b"
    r"|\s?(?i:basis\s+points?)\b|\s?bps?\b"
    r"|\s?%|\s?(?i:per\s?cent|percent)\b|\s?pct\b)?"
    # a unit of measure written onto the digits: "875MW", "1.5km", "20kg" (spaced units are read as nouns)
    r"(?P<measure>(?:[kMGT]Wh?|km|kg|ha|mph|[MG]bps|[KMGT]B|sqm|mm|cm|ml|Mt|kt|bcm)\b)?"
)

SCANNER = re.compile(
    rf"(?P<skip>{_SKIP})"
    rf"|(?:(?<=\bc\.)|(?<=\bc)|(?<![\w.,@/#=:]))(?<![A-Za-z][-–−])(?:(?P<frac>(?i:{_FRACTION}))|{_FIGURE})"
)


# Patterns only some texts need compile on first use: `factcheck extract` on one file starts sooner.
@functools.cache
def figure_after_currency() -> re.Pattern[str]:
    """The figure alone, for digits glued to a currency code or symbol ("USD3.14", "RM42")."""
    return re.compile(_FIGURE)


def _first_letter_trie(words: list[str]) -> str:
    """Alternatives grouped by first letter ("t(?:wo|hree|en)"): Python's re tries far fewer branches."""
    by_first: dict[str, set[str]] = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(re.escape(word[1:]))
    return "|".join(f"{first}(?:{'|'.join(sorted(rests, key=len, reverse=True))})"
                     for first, rests in sorted(by_first.items()))


# Where a figure can start. Scanning for these two is fast; SCANNER.match runs only where they hit.
# WORD_CANDIDATE runs on the lowercased text: literal branches are much faster than [oO] classes.
# ("GBP 5" and "US$5" are found from their digits: the currency code is read back as the previous word.)
DIGIT_CANDIDATE = re.compile(r"\d[\d,.]*+")  # (".77" is found from its digits: scan steps back over the dot)
WORD_CANDIDATE = re.compile(
    r"\b(?:" + _first_letter_trie([*UNITS, *ZERO_WORDS, "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                   "eighty", "ninety", "half"])
    + r"|an?[ \t\xa0]+(?:" + _first_letter_trie(["hundred", "thousand", "million", "billion", "trillion", "dozen",
                                                     "lakh", "crore", *DENOMINATORS, *A_CURRENCY_WORDS])
    + r"))\b")


@functools.cache
def word_candidate_any_case() -> re.Pattern[str]:
    """WORD_CANDIDATE for the rare text whose lowercase changes length (offsets must hold)."""
    return re.compile(WORD_CANDIDATE.pattern, re.IGNORECASE)

LOWER_QUALIFIERS = ("more than", "over", "at least", "in excess of", "upwards of", "above", "exceeding",
                    "greater than", "no fewer than", "no less than", "not less than", "a minimum of", "just over",
                    "well over", "well above", "over and above", "higher than", "greater than or equal to",
                    "more than or equal to", "not under", "not below", ">=", "≥", ">")
UPPER_QUALIFIERS = ("nearly", "almost", "up to", "under", "less than", "fewer than", "no more than", "at most",
                    "just under", "below", "a maximum of", "not more than", "just short of", "well under",
                    "well below", "not exceeding", "just below", "up to a maximum of", "lower than",
                    "less than or equal to", "not above", "not over", "<=", "≤", "<")
APPROX_QUALIFIERS = ("about", "around", "some", "roughly", "approximately", "approx.", "approx", "an estimated",
                     "estimated", "circa", "c.", "c", "in the region of", "of the order of", "in the order of",
                     "close to", "around about", "broadly", "an approximate")
QUALIFIER_BOUND = {q: "lower" for q in LOWER_QUALIFIERS} | {q: "upper" for q in UPPER_QUALIFIERS} \
    | {q: "approx" for q in APPROX_QUALIFIERS}
_QUALS = "|".join(re.escape(q).replace(r"\ ", r"[ \t\xa0]+")
                  for q in sorted(QUALIFIER_BOUND, key=len, reverse=True))
# Matched against the text just before a figure (search with endpos = figure start).
# The qualifier is on the same line as its figure.
QUALIFIER_BEFORE = re.compile(rf"(?<![\w-])(?P<q>{_QUALS})(?:(?<=[<>=≤≥])[ \t\xa0]*|[ \t\xa0]+|(?<=\bc\.)|(?<=\bc))\Z",
                              re.IGNORECASE)
# Written after a figure: "45 or more", "10 and above", "five or fewer".
QUALIFIER_AFTER = re.compile(r"[ \t\xa0]+(?:or|and)[ \t\xa0]+(?P<q>more|over|above|greater|higher|upwards|"
                             r"less|fewer|under|below|lower)\b", re.IGNORECASE)
QUALIFIER_AFTER_BOUND = {"more": "lower", "over": "lower", "above": "lower", "greater": "lower", "higher": "lower",
                         "upwards": "lower", "less": "upper", "fewer": "upper", "under": "upper", "below": "upper",
                         "lower": "upper"}
BETWEEN_BEFORE = re.compile(r"(?<![\w-])between\s+$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"(?<![\w-])from\s+$", re.IGNORECASE)
CHANGE_FROM_BEFORE = re.compile(
    r"(?<![\w-])(?:increase[sd]?|increasing|rise|rises|rising|rose|up|grew|grown|growth|fall|falls|fell|fallen|"
    r"down|decrease[sd]?|decreasing|drop|dropped|cut|reduction|reduced|change|changed|compared)\s+"
    r"(?:\w+\s+){0,2}?from\s+$", re.IGNORECASE)
# A change stated in the clause before a figure: "rose", "fell by 320,", "an increase", "went up".
_CHANGE_WORD = (
    r"(?<![\w-])(?:increas(?:e[sd]?|ing)|ris(?:e[sn]?|ing)|rose|gr(?:ew|own|owth|ows?|owing)|fall(?:s|en|ing)?|fell|"
    r"declin(?:e[sd]?|ing)|drop(?:s|ped|ping)?|cut(?:s|ting)?|reduc(?:e[sd]?|ing|tion)|chang(?:e[sd]?|ing)|"
    r"climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|soar(?:s|ed|ing)?|slump(?:s|ed|ing)?|plung(?:e[sd]?|ing)|"
    r"surg(?:e[sd]?|ing)|dip(?:s|ped|ping)?|shr(?:ank|ink|inks|unk|inking)|expand(?:s|ed|ing)?|"
    r"(?:went|gone|go|goes|going|moved?|was|were)\s+(?:up|down)|went|moved|shifted|up|down|doubl(?:e[sd]?|ing)|halv(?:e[sd]?|ing)|"
    r"tripl(?:e[sd]?|ing)|boost(?:s|ed|ing)?|rais(?:e[sd]?|ing)|lower(?:s|ed|ing)?|slash(?:es|ed|ing)?|"
    r"widen(?:s|ed|ing)?|narrow(?:s|ed|ing)?|improv(?:e[sd]?|ing|ement)|worsen(?:s|ed|ing)?|"
    r"deteriorat(?:e[sd]?|ing)|recover(?:s|ed|ing)?|tumbl(?:e[sd]?|ing)|spik(?:e[sd]?|ing)|"
    r"decrease[sd]?|decreasing)\b")


@functools.cache
def change_word() -> re.Pattern[str]:
    """A change stated in the clause before a figure (compiled on first use)."""
    return re.compile(_CHANGE_WORD, re.IGNORECASE)
EVERY_BEFORE = re.compile(r"(?<![\w-])(?:for\s+)?(?:every|each)\s+$", re.IGNORECASE)
