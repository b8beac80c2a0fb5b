"""Units: currencies, percentages, and the noun a count counts ("72 local authorities" -> "local authorities")."""

from __future__ import annotations

import re

from ..text.vocabulary import words
from .currency_data import CODES, FAMILY, MINOR_DIGITS, NAMES, SYMBOLS

__all__ = ["FAMILY"]


# ---- currencies --------------------------------------------------------------------------------------
# Codes, symbols and names come from CLDR (currency_data.py, generated). What CLDR does not hold is here:
# which currency a shared name or sign means when the document names none, and minor units and slang.

# A sign or name several currencies share ("$", "dollars", "Rs") means this one unless the document
# named another of the family earlier ("A$", "Australian dollars"); the claim records the assumption.
FAMILY_DEFAULTS = {"dollar": "USD", "pound": "GBP", "rupee": "INR"}
# Codes that are also English words in capitals ("TOP 10", "ALL 5 schools", "COP26"): read only when spaced from
# the figure and not in an all-capitals line. They stay codes in currency_data; extraction skips them.
CODE_WORDS = frozenset({"ALL", "TOP", "CUP", "PEN", "MOP", "BOB", "SOS", "TRY", "GEL", "MAD", "NAD", "AMD",
                        "BAM", "CAT", "PAB", "SIT", "SUR", "BOP", "ESP", "CHE", "ARA", "COP"})
# Minor units and slang CLDR does not name: word -> (currency or family, share of the major unit).
# A family ("?dollar") resolves like "$"; a minor unit right after an amount takes that amount's currency.
MINOR_WORDS = {"cent": ("?dollar", 0.01), "cents": ("?dollar", 0.01), "¢": ("?dollar", 0.01), "c": ("?dollar", 0.01),
               "penny": ("GBP", 0.01), "pennies": ("GBP", 0.01), "pence": ("GBP", 0.01), "p": ("GBP", 0.01),
               "dime": ("USD", 0.1), "dimes": ("USD", 0.1), "nickel": ("USD", 0.05), "nickels": ("USD", 0.05),
               "sen": ("MYR", 0.01), "sens": ("MYR", 0.01), "kopiyka": ("UAH", 0.01), "kopiykas": ("UAH", 0.01),
               "kopiyky": ("UAH", 0.01), "kopeck": ("RUB", 0.01), "kopecks": ("RUB", 0.01),
               "kopek": ("RUB", 0.01), "kopeks": ("RUB", 0.01), "paise": ("INR", 0.01), "paisa": ("INR", 0.01)}
# Informal names of a family: "42 bucks", "a quid".
SLANG_WORDS = {"buck": "?dollar", "bucks": "?dollar", "quid": "GBP", "grand": None}
_SCALED_CODE = {"K": 1e3, "M": 1e6, "MM": 1e6, "B": 1e9, "BN": 1e9}  # "12 MEUR", "5 KUSD"

_ALPHA_SYMBOLS = sorted((s for s in SYMBOLS if s[:1].isalpha()), key=len, reverse=True)
_SIGN_SYMBOLS = sorted((s for s in SYMBOLS if not s[:1].isalpha()), key=len, reverse=True)
_SYMBOL_ALT = "|".join([*(re.escape(s) + r"\.?" for s in _ALPHA_SYMBOLS), *(re.escape(s) for s in _SIGN_SYMBOLS)])
# A currency written just before a figure: "£", "A$", "US$ ", "USD", "Rs. ", "RM", "EUR " (search with endpos).
CURRENCY_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<sym>{_SYMBOL_ALT})|(?<![A-Za-z])(?P<code>[A-Z]{{3}}))[ \t\xa0]?(?P<sign>[-−])?\Z")
# The characters a currency written before a figure can end with (a fast test before the search).
BEFORE_LAST_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.-−" + "".join(s[-1] for s in SYMBOLS) + "".join(
    s[-1] for s in SYMBOLS if s[-1].isalpha()))
# A sign or symbol written right after a figure: "20€", "10.99$", "3.14US$", "42 RM", "10¢".
_SYMBOL_AFTER = re.compile(rf"[ \xa0]?(?P<sym>{_SYMBOL_ALT}|¢)(?!\w)")
_WORDS_AFTER = re.compile(r"[ \t\xa0]*(?P<w1>[^\W\d_][\w'’]*)(?:[ \t\xa0]+(?P<w2>[^\W\d_][\w'’]*))?"
                          r"(?:[ \t\xa0]+(?P<w3>[^\W\d_][\w'’]*))?")


_SYMBOL_FIRST = frozenset(s[0] for s in SYMBOLS) | {"¢"}
_FIRST_WORDS = (frozenset(n.split()[0] for n in NAMES) | frozenset(MINOR_WORDS) | frozenset(SLANG_WORDS)
                | {s.rstrip(".").lower() for s in SYMBOLS if s[:1].isalpha()})
_FIRST_WORD = re.compile(r"[ \t\xa0]?([^\W\d_][\w'’]*)")


def currency_code(written: str) -> bool:
    """An ISO 4217 code in current use, written as a code (capitals) and not an English word."""
    return written in CODES and written not in CODE_WORDS


# What makes a lone "R" before digits the rand: a scale word or grouped thousands ("R38 million", "R1,450"),
# never a bare "R1" or "R0" (a road, a reproduction number).
_RAND_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\d+(?:\.\d+)?\s?(?:million|billion|bn|m)\b")


def currency_before(text: str, start: int) -> tuple[str, int, bool] | None:
    """(currency or family, where it starts, negative) for a currency written just before `start`."""
    if start == 0 or (text[start - 1] not in BEFORE_LAST_CHARS
                      and (start < 2 or text[start - 1] not in " \t\xa0" or text[start - 2] not in BEFORE_LAST_CHARS)):
        return None
    m = CURRENCY_BEFORE.search(text, max(0, start - 8), start)
    if m is None:
        if text[start - 1] == "R" and (start < 2 or not text[start - 2].isalnum()) and _RAND_AMOUNT.match(text, start):
            return "ZAR", start - 1, False  # "R38 million", "R1,450": the rand (a lone "R" is otherwise too vague)
        return None
    if m.group("code"):
        if not currency_code(m.group("code")):
            return None
        target = m.group("code")
    else:
        symbol = m.group("sym") if m.group("sym") in SYMBOLS else m.group("sym").rstrip(".")
        target = "?dollar" if symbol == "$" else SYMBOLS[symbol]
    return target, m.start(), bool(m.group("sign"))


_NAME_LAST_WORDS = frozenset(n.split()[-1] for n in NAMES)
_WORDS_BEFORE = re.compile(r"(?:(?<![\w'’])([^\W\d_][\w'’]*)[ \t\xa0]+)?(?:(?<![\w'’])([^\W\d_][\w'’]*)[ \t\xa0]+)?"
                           r"(?<![\w'’])([^\W\d_][\w'’]*)[ \t\xa0]+\Z")


def currency_name_before(text: str, start: int, prev: str) -> tuple[str, int, bool] | None:
    """A currency named before the amount: "ringgit 42", "Malaysian ringgit 42" (as currency_before)."""
    if prev.lower() not in _NAME_LAST_WORDS:
        return None
    m = _WORDS_BEFORE.search(text, max(0, start - 48), start)
    if m is None:
        return None
    for first in (1, 2, 3):
        words = [w for w in m.groups()[first - 1:] if w]
        key = " ".join(words).lower().replace("’", "'")
        if len(words) == 4 - first and key in NAMES:
            return NAMES[key], m.start(first), False
    return None


def currency_after(text: str, end: int) -> tuple[str | None, float, float, int, bool] | None:
    """A currency written after a figure: (currency or family, factor, scale, new end, minor unit).

    `factor` turns a minor unit into major units ("43 cents" -> 0.43); `scale` is a scale glued to a code
    ("12 MEUR" -> 1e6). Names are looked up longest first ("Swiss francs", "malaysian ringgit", "francs").
    """
    first = text[end:end + 1]
    if first in " \xa0":
        first = text[end + 1:end + 2]
    if not first:
        return None
    if first.islower() and first.isalpha():
        word = _FIRST_WORD.match(text, end)
        if word is None or word.group(1).lower() not in _FIRST_WORDS:
            return None  # "12 people": the common case, decided with one short match
    m = _SYMBOL_AFTER.match(text, end) if first in _SYMBOL_FIRST else None
    if m:
        symbol = m.group("sym")
        bare = symbol if symbol in SYMBOLS else symbol.rstrip(".")
        sym_end = m.end() - (len(symbol) - len(bare))  # "42 RM.": the full stop ends the sentence
        if bare == "¢":
            return "?dollar", 0.01, 1.0, sym_end, True
        if bare in SYMBOLS:
            return ("?dollar" if bare == "$" else SYMBOLS[bare]), 1.0, 1.0, sym_end, False
    m = _WORDS_AFTER.match(text, end)
    if m is None:
        return None
    w1 = m.group("w1")
    if not w1.isupper() and w1.lower() not in _FIRST_WORDS:
        return None
    if w1.isupper() and len(w1) >= 3:
        if currency_code(w1) and m.start("w1") > end:
            return w1, 1.0, 1.0, m.end("w1"), False
        if currency_code(w1) and w1 not in CODE_WORDS:
            return w1, 1.0, 1.0, m.end("w1"), False
        for prefix, scale in _SCALED_CODE.items():
            if w1.startswith(prefix) and currency_code(w1[len(prefix):]):
                return w1[len(prefix):], 1.0, scale, m.end("w1"), False
    words = [w for w in (m.group("w1"), m.group("w2"), m.group("w3")) if w]
    for n in range(len(words), 0, -1):
        key = " ".join(words[:n]).lower().replace("’", "'")
        group = f"w{n}"
        if key in NAMES:
            return NAMES[key], 1.0, 1.0, m.end(group), False
        if n == 1:
            if key in MINOR_WORDS and (key not in ("p", "c") or m.start("w1") == end):
                target, factor = MINOR_WORDS[key]
                return target, factor, 1.0, m.end(group), True
            if SLANG_WORDS.get(key):
                return SLANG_WORDS[key], 1.0, 1.0, m.end(group), False
    return None


def minor_factor(code: str | None) -> float:
    """The share of a major unit one minor unit is (0.01; 0.001 for the Kuwaiti dinar)."""
    return 10.0 ** -MINOR_DIGITS.get(code or "", 2)


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
# A hard-wrapped line may end with the figure: "hired 2,315\nnew paramedics" (the next line goes on lowercase).
_NOUN_WORD_NEXT_LINE = re.compile(r"[ \t\xa0]*\n[ \t\xa0]*([a-z][A-Za-z'’-]*)")
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
        m = NOUN_WORD.match(text, pos) or (None if words else _NOUN_WORD_NEXT_LINE.match(text, pos))
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
