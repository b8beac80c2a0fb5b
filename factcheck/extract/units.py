"""Units: currencies, percentages, and the noun a count counts ("72 local authorities" -> "local authorities")."""

from __future__ import annotations

import re


def words(block: str) -> frozenset[str]:
    """A set of words written as a whitespace-separated block (easier to read and extend than a list)."""
    return frozenset(block.split())


CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "us$": "USD", "€": "EUR", "gbp": "GBP", "usd": "USD", "eur": "EUR"}
# Currency written after the figure: "6 billion pounds", "50p", "20 euros". Value multiplier for pence/cents.
CURRENCY_WORDS = {"pound": ("GBP", 1.0), "pounds": ("GBP", 1.0), "pence": ("GBP", 0.01), "p": ("GBP", 0.01),
                  "euro": ("EUR", 1.0), "euros": ("EUR", 1.0), "dollar": ("USD", 1.0), "dollars": ("USD", 1.0)}

# Leading words that say nothing about what is counted: "11 new areas" counts areas.
NOUN_MODIFIERS = frozenset({
    "new", "additional", "such", "more", "extra", "key", "further", "other", "different", "separate",
    "individual", "existing", "current", "main", "major", "specific", "total", "whole", "full", "brand",
    "distinct", "successful", "named", "respective", "various", "so-called", "fewer", "less",
})
# Words that end a counted noun phrase: function words, auxiliaries and common verbs.
NOUN_STOPS = words("""
a an the and or but nor of in on at to for from by with within without into onto over under about
as than then that which who whom whose where when while whilst if because since until per each every
is are was were be been being am has have had having do does did will would shall should may might
can could must not no so this these those next last later ago today onwards
it its their our your his her my we they he she you
i me us them there here also only just still all both either neither any some many much most
least few very too out up down off across through throughout between among amongst against
during before after above below around via including included includes include currently already now
recently previously respectively annually nationally locally together overall alone
receive received receiving get got given give gave make made take took say said see saw per cent percent
""")
# The counted noun is a time span: "six months", "three years" are durations, not claims.
TIME_UNITS = words("""
second seconds minute minutes min mins hour hours hr hrs day days night nights week weeks fortnight
fortnights month months year years yr yrs decade decades century centuries term terms semester semesters
weekday weekdays weekend weekends am pm o'clock
""")
# Nouns after a number that make it a multiplier or a position, not a count.
NOT_COUNTED = frozenset({"times", "fold", "odd", "plus", "th", "st", "nd", "rd", "x", "percentile", "percentiles"})
ADDRESS_WORDS = frozenset({"street", "road", "lane", "avenue", "square", "place", "drive", "close", "court",
                           "gardens", "terrace", "crescent", "row", "way", "walk"})

NOUN_WORD = re.compile(r"[ \t\xa0]+([A-Za-z][A-Za-z'’-]*)")
_HEADING_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_PARTICIPLE = re.compile(r"(?:ed|ing)$")


def counted_noun(text: str, end: int) -> tuple[str | None, list[str]]:
    """The noun phrase after a count, normalised, and the raw words read.

    Reads up to four words on the same line, stops at function words, then trims trailing
    participles ("1,000 people moving into ..." counts people; "2,260 concluded." counts nothing)
    and leading modifiers ("11 new areas" counts areas).
    """
    words: list[str] = []
    pos = end
    while len(words) < 4:
        m = NOUN_WORD.match(text, pos)
        if not m:
            break
        lower = m.group(1).lower().strip("'’-")
        if not lower or lower in NOUN_STOPS:
            break
        words.append(lower)
        pos = m.end()
    raw = list(words)
    while words and _PARTICIPLE.search(words[-1]):
        words.pop()
    while words and words[0] in NOUN_MODIFIERS:
        words.pop(0)
    return (" ".join(words[:3]) or None), raw


def normalise_heading(heading: str) -> str | None:
    """A table column heading as a unit: lowercase words, no punctuation ("Number of staff" stays)."""
    cleaned = " ".join(_HEADING_WORD.findall(heading)[:8]).lower()
    return cleaned or None
