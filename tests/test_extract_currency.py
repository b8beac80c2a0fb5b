"""Money in any currency and any common form; bounds and ranges in every common form; figures in claim
positions without a noun; what is not a claim. Every sentence here is written for this file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import extract_claims, read_text
from factcheck.config import Settings


def claims_of(text: str, **settings):
    return extract_claims(read_text(text), Settings(**settings) if settings else None)


def money(text: str) -> list[tuple[float, str | None]]:
    return [(round(c.value, 6), c.unit) for c in claims_of(text) if c.kind == "money"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The ferry operator was fined $ 75 million last spring.", [(75e6, "USD")]),
    ("Queensland will put A$30 million into rail signalling.", [(30e6, "AUD")]),
    ("The Ontario scheme pays C$12 million a year.", [(12e6, "CAD")]),
    ("Wellington set aside NZ$4.5bn for flood defences.", [(4.5e9, "NZD")]),
    ("The tower sold for HK$800 million.", [(800e6, "HKD")]),
    ("The port authority raised S$2 billion.", [(2e9, "SGD")]),
    ("Tuition is 500 USD per term.", [(500, "USD")]),
    ("The licence costs 250USD, or 12 MEUR for the whole network.", [(250, "USD"), (12e6, "EUR")]),
    ("Zurich paid CHF 3 million to the contractor.", [(3e6, "CHF")]),
    ("The studio earned ¥500 million from the film.", [(500e6, "JPY")]),
    ("The state scheme costs ₹40 crore.", [(400e6, "INR")]),
    ("A season ticket is 20€ cheaper.", [(20, "EUR")]),
    ("The startup raised $10K from each angel.", [(10e3, "USD")]),
    ("Growers received 8 ringgit per sack.", [(8, "MYR")]),
    ("The watch cost 3 Swiss francs more in Basel.", [(3, "CHF")]),
    ("The village hall bought a kettle for 5 lakh rupees.", [(5e5, "INR")]),
    ("The reserve holds 42 Kuwaiti dinars per citizen.", [(42, "KWD")]),
    ("Stamps went up to 95p this week.", [(0.95, "GBP")]),
    ("The council's budget is £4.7m.", [(4.7e6, "GBP")]),
    ("The refund was 20 dollars 43 cents.", [(20.43, "USD")]),
    ("The vending machine took $2 and 15c.", [(2.15, "USD")]),
    ("Parking is 3 GBP 50 pence an hour.", [(3.5, "GBP")]),
    ("A newspaper now costs a dollar.", [(1, "USD")]),
    ("The deficit narrowed to -15€ per head.", [(-15, "EUR")]),
])
def test_money_in_any_currency_and_form(sentence, expected):
    assert money(sentence) == expected


def test_a_bare_dollar_sign_is_usd_and_says_so():
    claim = claims_of("The clinic spent $40 million on scanners.")[0]
    assert (claim.unit, claim.value) == ("USD", 40e6)
    assert "USD" in claim.assumption and "no other dollar" in claim.assumption


def test_a_named_dollar_earlier_decides_what_a_later_bare_dollar_means():
    first, later = claims_of("Canberra pledged A$2 billion. Of that, $500 million goes to Tasmania.")
    assert (first.unit, later.unit) == ("AUD", "AUD")
    assert first.assumption is None
    assert "AUD" in later.assumption and "earlier" in later.assumption


def test_a_sign_many_currencies_share_stays_unknown():
    claim = claims_of("The fine was 300 kr for each late return.")[0]
    assert claim.kind == "money" and claim.unit is None and claim.assumption


def test_minor_units_are_major_units_and_kuwaiti_fils_are_thousandths():
    assert money("Only 5 cents of every donation goes on overheads.") == [(0.05, "USD")]
    assert money("That costs 3 dimes.") == [(0.3, "USD")]
    assert money("Bread is 1 KWD and 250 fils.") in ([(1.25, "KWD")], [(1, "KWD")])


@pytest.mark.parametrize(("sentence", "bound", "lo", "hi"), [
    ("The grant is between 40 and 60 thousand pounds.", "range", 40e3, 60e3),
    ("Waiting lists hold 2000-4000 patients per trust.", "range", 2000, 4000),
    ("Tickets cost from 15 to 25 dollars.", "range", 15, 25),
    ("Each team fields at least 5 but no more than 10 players.", "range", 5, 10),
    ("The rate must be ≥ 45%.", "lower", 45, None),
    ("The rate must be >= 45%.", "lower", 45, None),
    ("Turnout was less than or equal to 45%.", "upper", None, 45),
    ("Margins of 45% or more are rare.", "lower", 45, None),
    ("A fee lower than 7 EUR applies.", "upper", None, 7),
])
def test_ranges_and_bounds_in_every_common_form(sentence, bound, lo, hi):
    claim = claims_of(sentence)[0]
    assert (claim.bound, claim.lo, claim.hi) == (bound, lo, hi)


@pytest.mark.parametrize(("sentence", "value"), [
    ("Of 900 applicants, of whom 310 were under 25, most were local.", 310),
    ("The audit office put the number at 65,000 last year.", 65000),
    ("As of March 3, 1,075 children were still waiting.", 1075),
])
def test_figures_in_claim_positions_without_a_noun(sentence, value):
    assert value in [c.value for c in claims_of(sentence)]


def test_a_figure_at_the_end_of_a_hard_wrapped_line_keeps_its_noun():
    claim = claims_of("The ambulance service hired 2,315\nnew paramedics in the year.")[0]
    assert (claim.value, claim.unit) == (2315, "paramedics")


@pytest.mark.parametrize("sentence", [
    "The food bank handed out 31.5 million pounds of rice.",
    "She carried a twenty pound sack of flour.",
    "There are 4,000 outstanding plan 2 loans.",
    "The scheme reached Tier 1 cities first.",
])
def test_weights_and_labels_are_not_money_or_counts(sentence):
    found = claims_of(sentence)
    assert not [c for c in found if c.kind == "money"]
    assert all(c.value not in (1, 2, 20) for c in found)


def test_pounds_of_funding_are_money():
    assert money("Ministers found 20 million pounds of funding for ferries.") == [(20e6, "GBP")]


def test_tokenised_numbers_read_whole():
    found = claims_of("Inflation hit 4 . 5 % as 60 , 000 jobs went.")
    assert [(c.kind, c.value) for c in found] == [("percent", 4.5), ("count", 60000)]


def test_basis_points_are_percentage_points():
    claim = claims_of("The central bank cut its rate by 25 basis points.")[0]
    assert (claim.kind, claim.unit, claim.value) == ("percentage_points", "pp", 0.25)
    assert claims_of("Spreads widened 150bps.")[0].value == 1.5


@pytest.mark.parametrize(("written", "value"), [
    ("three crore twelve lakh", 31_200_000), ("two point five million", 2_500_000), ("a dozen", 12),
    ("three thousand millions", 3e9), ("seven hundred twenty-one thousand and twelve", 721_012),
    ("minus four hundred", -400), ("nought", 0),
])
def test_numbers_in_words(written, value):
    found = claims_of(f"The answer was {written}.", extract_all_numbers=True)
    assert [c.value for c in found] == [value]


def test_all_numbers_yields_bare_numbers_as_kind_number_and_only_then():
    text = "Phase 3 of the plan starts in 2027; seventeen said yes and 2,345,678 said 20/100."
    assert [c.value for c in claims_of(text)] == []
    found = claims_of(text, extract_all_numbers=True)
    assert [(c.kind, c.value) for c in found] == [("number", 3), ("number", 2027), ("number", 17),
                                                  ("number", 2345678), ("number", 0.2)]


def test_all_numbers_flag_on_the_cli(tmp_path):
    path = tmp_path / "n.txt"
    path.write_text("Gate 12 opens at nine.", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(path), "--format", "jsonl",
                          "--all-numbers"], capture_output=True, text=True, check=True).stdout
    assert [(c["kind"], c["value"]) for c in map(json.loads, out.splitlines())] == [("number", 12), ("number", 9)]


# ---- changes: a from-to after a change word is a change, the stated change its own claim ------------------

def _by_text(text: str):
    return {c.text: c for c in claims_of(text)}


@pytest.mark.parametrize(("sentence", "start", "end", "stated"), [
    ("Ticket sales rose 9% from £120m to £150m.", "£120m", "£150m", "9%"),
    ("Exports increased 18% to $240 million, from $180 million a year earlier.", "$180 million", "$240 million",
     "18%"),
    ("Hospital admissions fell by 320, from 12,410 to 12,090.", "12,410", "12,090", "320"),
    ("The reservoir level dropped from 81% in June to 64% in August.", "81%", "64%", None),
    ("Membership climbed from 3,100 members in May to 3,900 in July.", "3,100", "3,900", None),
])
def test_a_change_links_its_ends_and_keeps_the_stated_change(sentence, start, end, stated):
    found = _by_text(sentence)
    first, last = found[start], found[end]
    assert (first.relation, last.relation) == ("change_from", "change_to")
    assert (first.related, last.related) == (last.id, first.id)
    assert first.bound == last.bound == "exact"
    if stated:
        assert found[stated].relation is None


def test_the_ends_of_a_change_without_a_noun_take_the_subjects():
    found = _by_text("Hospital admissions fell by 320, from 12,410 to 12,090.")
    assert found["12,410"].unit == found["12,090"].unit == found["320"].unit == "hospital admissions"


def test_from_to_without_a_change_is_a_range():
    claim = claims_of("Rooms cost from 80 to 120 dollars a night.")[0]
    assert (claim.bound, claim.lo, claim.hi, claim.unit) == ("range", 80, 120, "USD")


def test_currency_table_is_what_cldr_gives():
    """currency_data.py is generated from babel's CLDR data; regenerate it when babel is upgraded."""
    babel = pytest.importorskip("babel")
    from factcheck.extract import build_currency_data

    header = Path(build_currency_data.TARGET).read_text(encoding="utf-8").splitlines()[0]
    if re.search(r"babel ([\d.]+)", header).group(1) != babel.__version__:
        pytest.skip("generated with another babel version")
    assert build_currency_data.build() == build_currency_data.TARGET.read_text(encoding="utf-8")


def test_a_currency_named_before_the_amount_but_not_a_name_in_capitals():
    assert money("The stall charged ringgit 15 for the carving.") == [(15, "MYR")]
    assert money("The fine was Swiss francs 300.") == [(300, "CHF")]
    assert money("Trucks must meet the Euro 6 standard.") == []


def test_digits_with_a_spoken_point_and_a_leading_dot():
    found = claims_of("Scores were 1 point 5 and .75 on average.", extract_all_numbers=True)
    assert [c.value for c in found] == [1.5, 0.75]
