"""Numerals as written -> values, with the precision the writing implies.

"£4.7m" means £4.65m-£4.75m, so every parsed numeral carries `precision`: half its last written digit
times its scale. Number words ("twenty-five", "two hundred thousand", "a million") parse here too.
"""

from __future__ import annotations

import re

from ..text.vocabulary import DENOMINATORS, SCALE_ABBREVIATIONS, SCALES, TENS, UNITS, ZERO_WORDS

__all__ = ["DENOMINATORS", "SCALES", "SCALE_ABBREVIATIONS", "TENS", "UNITS", "ZERO_WORDS"]  # the number words

_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN_WORDS = "|".join(TENS)
_SCALE_WORDS = "|".join(sorted(SCALES, key=len, reverse=True))
# One to 999 in words: "seven", "forty-two", "three hundred and six", "seven hundred twenty-one".
_SMALL = rf"(?:(?:{_TEN_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|(?:{_UNIT_WORDS}))"
_GROUP = rf"{_SMALL}(?:\s+hundred(?:\s+(?:(?:and|&)\s+)?{_SMALL}(?![\w-]))?)?"
_DECIMAL = rf"(?:\s+point(?:\s+(?:{_UNIT_WORDS}|oh))+(?![\w-])|\s+and\s+a\s+half(?=\s+(?:{'|'.join(SCALES)})\b))?"
# Any number in words: a group, "a" before a scale ("a million"), each scale optionally followed by more;
# "two point two million"; scales may follow each other ("three thousand millions").
WORD_NUMBER = (rf"(?:nought|naught|nil)(?![\w-])|(?:{_GROUP}{_DECIMAL}|an?(?=\s+(?:hundred|{_SCALE_WORDS})\b))"
               rf"(?:\s+(?:hundreds?|{_SCALE_WORDS})\b(?:,?\s+(?:(?:and|&)\s+)?{_GROUP}\b{_DECIMAL})?)*")
# Digits: "1,234.5", "1234", ".77", "10 000" (spaced groups), "2.48×10−5", "1e6", and as tokenisers leave
# them, "60 , 000" and "4 . 5".
DIGIT_NUMBER = (r"\d+(?:\.\d+)?(?:[eE][-+−]?\d{1,3}\b|[ ]?[×x][ ]?10(?:\^[-+−]?|[-+−])\d{1,3}\b)"
                r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d|\.\d)|\d{1,3}(?:[ \xa0\u202f]\d{3}(?![\d.,]\d))+(?![\d%])"
                r"|\d{1,3}(?:[ ],[ ]\d{3}(?!\d))+|\d+[ ]\.[ ]\d+(?=[ ]?%|[ ][a-z])"
                r"|\d+(?:\.\d+)?|\.\d+")

_WORD_SPLIT = re.compile(r"[\s,&-]+")
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b")  # "one and a half million" is 1.5 million


_POWER_OF_TEN = re.compile(r"[ ]?[×x][ ]?10\^?")


def parse_digits(written: str) -> tuple[float, float]:
    """'1,234.5' -> (1234.5, 0.05): the value and half a unit of its last written digit."""
    plain = re.sub(r"[ ,\xa0\u202f]", "", written).replace("−", "-")
    if "e" in plain.lower() or "×" in plain or "x" in plain:
        mantissa, exponent = re.split(r"[eE]|[×x]10\^?", plain, maxsplit=1)
        value, precision = parse_digits(mantissa)
        return value * 10.0 ** int(exponent), precision * 10.0 ** int(exponent)
    decimals = len(plain) - plain.index(".") - 1 if "." in plain else 0
    return float(plain), 0.5 * 10 ** -decimals


def parse_words(written: str) -> tuple[float, float]:
    """'two hundred and fifty thousand' -> (250000.0, 500.0); 'three crore twelve lakh' -> 31,200,000.

    A scale larger than every scale before it multiplies all that came before ("three thousand millions"
    is 3e9); a smaller one adds its group ("twenty-one thousand eleven"). Precision is half a unit at the
    scale the last group is counted in ("two million" is 1.5m-2.5m only if rounded to the million, which
    is what writing it in words says).
    """
    total = 0.0
    current = 0.0
    largest = 0.0
    last_scale = 1.0
    decimal_place = 0.0  # after "point": the place of the next digit word
    digit_place = 1.0  # the place of the last digit written in words
    for word in _WORD_SPLIT.split(_AND_A_HALF.sub(" point five", written.lower())):
        if word in ("", "and"):
            continue
        if word == "point":
            decimal_place = 0.1
            last_scale = 1.0
        elif decimal_place and (word in UNITS or word == "oh"):
            current += UNITS.get(word, 0) * decimal_place
            last_scale = digit_place = decimal_place
            decimal_place /= 10
        elif word in ("a", "an"):
            current = 1
        elif word in UNITS or word in ZERO_WORDS:
            current += UNITS.get(word, 0)
            last_scale = 1.0
        elif word in TENS:
            current += TENS[word]
            last_scale = 1.0
        elif word in ("hundred", "hundreds"):
            current = (current or 1) * 100
        elif word in SCALES:
            scale = SCALES[word]
            if scale > largest:
                total = (total + (current or (0 if total else 1))) * scale
                largest = scale
            else:
                total += (current or 1) * scale
            current = 0
            decimal_place = 0.0
            last_scale = scale * digit_place
            digit_place = 1.0
    return total + current, 0.5 * last_scale


def parse_number(written: str) -> tuple[float, float]:
    """A numeral in digits or words -> (value, precision)."""
    if written[:1].isdigit() or written[:1] == ".":
        return parse_digits(written)
    return parse_words(written)
