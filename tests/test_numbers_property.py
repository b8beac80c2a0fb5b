"""Property tests: a figure written in any supported style reads back as the same value and interval;
arbitrary text never breaks extraction; every claim's offsets slice the text back to its evidence."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import extract_claims, read_text
from factcheck.config import Settings
from factcheck.extract.currency_data import CODES, NAMES, SYMBOLS
from factcheck.extract.numbers import parse_words
from factcheck.extract.units import currency_code

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    """A British English rendering: 'three hundred and forty-two thousand, six hundred and one'."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _UNITS[n // 100] + " hundred" + (" and " + in_words(rest) if rest else "")
    thousands, rest = divmod(n, 1000)
    return in_words(thousands) + " thousand" + (("," if rest >= 100 else " and") + " " + in_words(rest)
                                                if rest else "")


def claims_in(sentence: str):
    return extract_claims(read_text(sentence))


@given(st.integers(min_value=0, max_value=999_999))
def test_words_parse_back(n):
    assert parse_words(in_words(n))[0] == n


@given(st.integers(min_value=2, max_value=999_999))
def test_count_in_words_or_digits_reads_the_same(n):
    for written in (in_words(n), f"{n:,}"):
        found = claims_in(f"The trust employs {written} porters.")
        assert [(c.kind, c.value, c.unit) for c in found] == [("count", n, "porters")], written


@given(st.integers(min_value=1, max_value=9_999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("m", 1e6), ("bn", 1e9)]))
def test_money_styles_agree(whole, tenth, scale):
    """£4.7m, £4.7 million, 4.7 million pounds and 4,700,000 pounds are one amount and one interval."""
    abbreviation, factor = scale
    word = "million" if factor == 1e6 else "billion"
    number = f"{whole}.{tenth}"
    value = (whole + tenth / 10) * factor
    spelled = f"{round(value):,} pounds"
    styles = [f"£{number}{abbreviation}", f"£{number} {word}", f"{number} {word} pounds"]
    for written in [*styles, spelled]:
        found = claims_in(f"The council spent {written} on roads.")
        assert len(found) == 1, written
        claim = found[0]
        assert (claim.kind, claim.unit) == ("money", "GBP")
        assert claim.value == pytest.approx(value)
        if written in styles:  # the same written precision: half a tenth of the scale
            assert claim.interval() == pytest.approx((value - factor / 20, value + factor / 20))
        else:
            assert claim.interval() == pytest.approx((value - 0.5, value + 0.5))


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["%", " per cent", " percent"]))
def test_percent_styles_agree(n, sign):
    [claim] = claims_in(f"Turnout fell to {n}{sign} in the ward.")
    assert (claim.kind, claim.unit, claim.value, claim.lo, claim.hi) == ("percent", "%", n, n, n)


@given(st.integers(min_value=10, max_value=100_000),
       st.sampled_from([("more than", "lower"), ("nearly", "upper"), ("about", "approx"), ("up to", "upper"),
                        ("at least", "lower"), ("roughly", "approx")]))
def test_qualifiers_bound_every_value(n, qualifier):
    word, bound = qualifier
    [claim] = claims_in(f"The library lent {word} {n:,} books.")
    tolerance = Settings().approx_tolerance
    expected = {"lower": (n, None), "upper": (None, n), "approx": (n * (1 - tolerance), n * (1 + tolerance))}[bound]
    assert claim.bound == bound
    assert (claim.lo, claim.hi) == pytest.approx(expected)
    assert claim.text == f"{word} {n:,}"


_PIECES = st.sampled_from([
    "£4.7m", " over ", "nearly", " 2014-15 ", "between 5 and", " 10 ", "%", " per cent", "two thirds", "one in",
    " five ", "\n", "1. ", " | ", "3 November 2016", "(7 years ago)", " from 19 to 17 percentage points", "£",
    "bn", " million ", "pounds", "hon. ", "Mr. ", ". ", "for every £1", "—", "-", ",", "0", "9", "a quarter of",
    "half of", "https://x.org/2017/03/", " schools", "Question 12", " 2019 ", "é", "İ", "\u00a0", "\t",
])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join))
def test_arbitrary_text_never_raises_and_offsets_hold(text):
    doc = read_text(text)
    for claim in extract_claims(doc):
        assert doc.text[claim.start:claim.end] == claim.text
        assert claim.start <= claim.sentence_start + len(claim.sentence) and claim.sentence_start <= claim.start
        assert claim.line == doc.text.count("\n", 0, claim.start) + 1
        lo, hi = claim.interval()
        assert lo <= claim.value <= hi


@given(st.integers(min_value=1, max_value=5_000), st.integers(min_value=1, max_value=5_000),
       st.sampled_from(["between £{a}m and £{b}m", "£{a}m to £{b}m", "£{a}m-£{b}m",
                        "between {a} and {b} million pounds"]))
def test_money_ranges_are_one_claim_with_both_ends(a, b, form):
    lo, hi = sorted((a, b))
    [claim] = claims_in(f"The works will cost {form.format(a=lo, b=hi)} in all.")
    assert (claim.kind, claim.bound, claim.lo, claim.hi) == ("money", "range", lo * 1e6, hi * 1e6)
    assert claim.value == pytest.approx((lo + hi) / 2 * 1e6)


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99))
def test_change_endpoints_share_the_later_unit(a, b):
    first, second = claims_in(f"The gap moved from {a} to {b} percentage points.")
    assert (first.kind, first.value, second.kind, second.value) == ("percentage_points", a, "percentage_points", b)
    assert (first.related, second.related) == (second.id, first.id)


# ---- any amount in any currency, written in any supported way, reads back as that amount and currency ----


_CODES = sorted(c for c in CODES if currency_code(c))
_SYMBOLS = sorted((s, c) for s, c in SYMBOLS.items() if not c.startswith("?") and s != "$")
_NAMES = sorted((n, c) for n, c in NAMES.items()
                if not c.startswith("?") and n.replace(" ", "").isalpha() and len(n.split()) <= 3)
_SCALES = [("", 1), ("m", 1e6), ("bn", 1e9), (" million", 1e6), (" billion", 1e9), ("k", 1e3)]


def _amount(whole: int, cents: int) -> tuple[str, float]:
    return (f"{whole:,}.{cents:02d}", whole + cents / 100) if cents else (f"{whole:,}", float(whole))


@settings(max_examples=300)
@given(st.sampled_from(_CODES), st.integers(1, 999_999), st.integers(0, 99), st.sampled_from(_SCALES),
       st.sampled_from(["{c} {n}{s}", "{n}{s} {c}", "{c}{n}{s}", "{n}{c}"]))
def test_any_iso_code_before_after_or_glued(code, whole, cents, scale, form):
    written, value = _amount(whole, cents)
    suffix, factor = scale if "{s}" in form else ("", 1)
    text = form.format(c=code, n=written, s=suffix)
    [claim] = [c for c in claims_in(f"The contract is worth {text} in all.") if c.kind == "money"]
    assert (claim.unit, claim.value) == (code, pytest.approx(value * factor)), text


@settings(max_examples=300)
@given(st.sampled_from(_SYMBOLS), st.integers(1, 999_999), st.integers(0, 99), st.sampled_from(_SCALES),
       st.sampled_from(["{s}{n}{x}", "{s} {n}{x}", "{n}{s}", "{n}{x} {s}"]))
def test_any_currency_symbol_with_or_without_a_space(symbol_code, whole, cents, scale, form):
    symbol, code = symbol_code
    if symbol.endswith(".") and form.startswith("{s}{n}"):
        form = "{s} {n}{x}"  # "Cg.1" reads as Cg and .1
    if symbol[0].isalpha() and form == "{n}{s}":
        form = "{n}{x} {s}"  # a letter symbol glued after the digits is a unit of measure ("1GB")
    written, value = _amount(whole, cents)
    suffix, factor = scale if "{x}" in form else ("", 1)
    text = form.format(s=symbol, n=written, x=suffix)
    found = [c for c in claims_in(f"The contract is worth {text} in all.") if c.kind == "money"]
    assert [(c.unit, c.value) for c in found] == [(code, pytest.approx(value * factor))], text


@settings(max_examples=300)
@given(st.sampled_from(_NAMES), st.integers(2, 999_999), st.sampled_from([("", 1), (" million", 1e6)]))
def test_any_currency_name_after_the_amount(name_code, whole, scale):
    name, code = name_code
    suffix, factor = scale
    text = f"{whole:,}{suffix} {name}"
    found = [c for c in claims_in(f"The contract is worth {text} in all.") if c.kind == "money"]
    assert [(c.unit, c.value) for c in found] == [(code, pytest.approx(whole * factor))], text


@given(st.integers(1, 99), st.integers(1, 99), st.sampled_from([("$", "cents", "USD"), ("£", "pence", "GBP")]))
def test_a_minor_amount_after_a_major_one_is_one_amount(whole, minor, currency):
    sign, minor_word, code = currency
    [claim] = claims_in(f"The fare was {sign}{whole} and {minor} {minor_word} each way.")
    assert (claim.unit, claim.value) == (code, pytest.approx(whole + minor / 100))
