"""Extraction on sentences written for these tests: every claim form, and every look-alike that is not a claim."""

from __future__ import annotations

import itertools
import json
import time
from datetime import date

import pytest

from factcheck import extract_claims, read_text
from factcheck.config import Settings
from factcheck.models import DocumentMeta


def claims_of(text: str, **kwargs):
    return extract_claims(read_text(text, **kwargs))


def only(text: str):
    found = claims_of(text)
    assert len(found) == 1, [(c.text, c.kind, c.value) for c in found]
    return found[0]


# ---- money ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "written", "value", "unit"), [
    ("The trust received £4.7m last spring.", "£4.7m", 4_700_000, "GBP"),
    ("Ministers promised £6 billion for roads.", "£6 billion", 6e9, "GBP"),
    ("The port cost $3bn to rebuild.", "$3bn", 3e9, "USD"),
    ("A grant of €250,000 went to the choir.", "€250,000", 250_000, "EUR"),
    ("Councils asked for 6 billion pounds in total.", "6 billion pounds", 6e9, "GBP"),
    ("The estate sold for 4,700,000 pounds.", "4,700,000 pounds", 4_700_000, "GBP"),
    ("A loaf now costs 50p more.", "50p", 0.5, "GBP"),
    ("Each pupil gets £1.50 a day for milk.", "£1.50", 1.5, "GBP"),
    ("The levy raised £12k from the market stalls.", "£12k", 12_000, "GBP"),
    ("Fares rose by 20 pence overnight.", "20 pence", 0.2, "GBP"),
    ("The bank lent GBP 5 million to the mill.", "GBP 5 million", 5e6, "GBP"),
])
def test_money(sentence, written, value, unit):
    claim = only(sentence)
    assert (claim.kind, claim.text, claim.unit) == ("money", written, unit)
    assert claim.value == pytest.approx(value)
    assert (claim.lo, claim.hi, claim.bound) == (claim.value, claim.value, "exact")


@pytest.mark.parametrize(("sentence", "precision"), [
    ("It cost £4.7m.", 50_000),
    ("It cost £200 million.", 500_000),
    ("It cost £1.25bn.", 5_000_000),
    ("There were 400,000 visitors.", 0.5),
    ("Turnout was 36.5%.", 0.05),
])
def test_precision_is_half_the_last_written_digit(sentence, precision):
    assert only(sentence).precision == pytest.approx(precision)


# ---- counts ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("The survey covered 72 local authorities.", 72, "local authorities"),
    ("We consulted six experts before deciding.", 6, "experts"),
    ("The scheme expands to 11 new areas next year.", 11, "areas"),
    ("Funding reached 300 additional health visitors.", 300, "health visitors"),
    ("The county now has twenty-five libraries.", 25, "libraries"),
    ("Around the region, one hundred volunteers helped.", 100, "volunteers"),
    ("The campaign reached 1.2 million people.", 1_200_000, "people"),
    ("Inspectors visited 1,035 care homes across the north.", 1035, "care homes"),
    ("There are two hundred and fifty thousand members.", 250_000, "members"),
    ("We have trained 150 mental health nurses since spring.", 150, "mental health nurses"),
    ("Last year 3,400 people moving into new homes applied.", 3400, "people"),
    ("We opened four such centres in the city.", 4, "centres"),
    ("The round awards 875MW of capacity.", 875, "MW"),
    ("The new road is 4.5km long.", 4.5, "km"),
    ("The trusts will take on 26,000 more nurses.", 26_000, "nurses"),
    ("The meals reach half a million children.", 500_000, "children"),
    ("We opened 3 day centres.", 3, "day centres"),
])
def test_counts_carry_their_counted_noun(sentence, value, unit):
    claim = only(sentence)
    assert (claim.kind, claim.value, claim.unit) == ("count", value, unit)


def test_number_words_at_sentence_start_count_but_names_do_not():
    assert only("Seven hospitals will close.").value == 7
    assert claims_of("The Five Eyes partners met in Ottawa.") == []


def test_one_alone_is_not_a_count():
    assert claims_of("One of the councils replied, and one response was late.") == []


# ---- percentages, points and fractions ------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "kind", "value"), [
    ("Some 89% of parents agreed.", "percent", 89),
    ("Attendance was 36 per cent lower.", "percent", 36),
    ("Attendance was 36 percent lower.", "percent", 36),
    ("The gap shrank by 2 percentage points.", "percentage_points", 2),
    ("The gap shrank by 0.5pp this year.", "percentage_points", 0.5),
])
def test_percentages_and_points(sentence, kind, value):
    claim = next(c for c in claims_of(sentence) if c.kind == kind)
    assert claim.value == value
    assert claim.unit == ("%" if kind == "percent" else "pp")


@pytest.mark.parametrize(("sentence", "value"), [
    ("Two thirds of the wards are full.", 200 / 3),
    ("Half of all depots closed early.", 50),
    ("A quarter of the staff work part time.", 25),
    ("One in five drivers was stopped.", 20),
    ("Three out of four tenants renewed.", 75),
    ("We found 1 in 10 meters were faulty.", 10),
    ("Three quarters of the budget is spent.", 75),
])
def test_fractions_become_approximate_percentages(sentence, value):
    claim = only(sentence)
    assert (claim.kind, claim.unit, claim.bound) == ("percent", "%", "approx")
    assert claim.value == pytest.approx(value)
    assert claim.lo < claim.value < claim.hi


@pytest.mark.parametrize("sentence", [
    "In the first half of the year nothing moved.",
    "A third party will audit the accounts.",
    "The third quarter was quiet.",
    "It took one and a half days.",
])
def test_fraction_look_alikes_are_not_claims(sentence):
    assert claims_of(sentence) == []


# ---- qualifiers and bounds ------------------------------------------------------------------------

@pytest.mark.parametrize("qualifier", ["more than", "over", "at least", "in excess of", "upwards of", "above",
                                       "exceeding"])
def test_lower_bound_qualifiers(qualifier):
    claim = only(f"The fund helped {qualifier} 40 charities.")
    assert (claim.bound, claim.lo, claim.hi, claim.qualifier) == ("lower", 40, None, qualifier)
    assert claim.text == f"{qualifier} 40"


@pytest.mark.parametrize("qualifier", ["nearly", "almost", "up to", "under", "less than", "fewer than",
                                       "no more than", "at most", "just under", "below"])
def test_upper_bound_qualifiers(qualifier):
    claim = only(f"The fund helped {qualifier} 40 charities.")
    assert (claim.bound, claim.lo, claim.hi, claim.qualifier) == ("upper", None, 40, qualifier)


@pytest.mark.parametrize("qualifier", ["about", "around", "some", "roughly", "approximately", "an estimated",
                                       "circa"])
def test_approximate_qualifiers_use_the_configured_tolerance(qualifier):
    claim = only(f"The fund helped {qualifier} 40 charities.")
    tolerance = Settings().approx_tolerance
    assert claim.bound == "approx"
    assert (claim.lo, claim.hi) == pytest.approx((40 * (1 - tolerance), 40 * (1 + tolerance)))


def test_a_qualified_number_is_a_claim_even_without_a_noun():
    claim = only("The department's headcount is approximately 7,000.")
    assert (claim.kind, claim.unit, claim.bound, claim.text) == ("count", None, "approx", "approximately 7,000")


def test_a_scale_word_makes_a_bare_number_a_quantity():
    assert [(c.text, c.value, c.unit) for c in claims_of("The town's population is 5 million.")] == [
        ("5 million", 5e6, None)]
    assert only("Visitors reached about two million.").value == 2e6


def test_by_then_to_is_an_amount_and_a_level_not_a_range():
    found = claims_of("Vacancies fell by 5 per cent to 20 per cent.")
    assert [(c.value, c.bound) for c in found] == [(5, "exact"), (20, "exact")]


def test_circa_written_short():
    claim = only("The fund has unlocked c260,000 homes.")
    assert (claim.value, claim.bound, claim.qualifier, claim.text) == (260_000, "approx", "c", "c260,000")


def test_percent_in_brackets_is_a_claim():
    assert [c.value for c in claims_of("Satisfaction was similar in 2021 (43%) and 2018 (45%).")] == [43, 45]


def test_qualifier_before_currency_is_part_of_the_claim():
    claim = only("The bridge cost over £8.4 million.")
    assert (claim.text, claim.bound, claim.lo) == ("over £8.4 million", "lower", 8_400_000)


def test_approx_tolerance_comes_from_settings():
    claim = extract_claims(read_text("About 200 firms signed."), Settings(approx_tolerance=0.25))[0]
    assert (claim.lo, claim.hi) == (150, 250)


# ---- ranges, changes, ratios ----------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "lo", "hi", "kind"), [
    ("Repairs will cost between 5 and 10 million pounds.", 5e6, 10e6, "money"),
    ("The estimate is £759m to £879m.", 759e6, 879e6, "money"),
    ("Prices rose 5-10% in a month.", 5, 10, "percent"),
    ("We expect between 200 and 300 applicants.", 200, 300, "count"),
    ("The upgrade will cost £100-120bn in total.", 100e9, 120e9, "money"),
    ("The fund is worth £2bn to £3.5bn.", 2e9, 3.5e9, "money"),
    ("Repairs will cost £1.2bn-£1.5bn.", 1.2e9, 1.5e9, "money"),
])
def test_ranges_are_one_claim(sentence, lo, hi, kind):
    claim = only(sentence)
    assert (claim.bound, claim.kind, claim.lo, claim.hi) == ("range", kind, lo, hi)
    assert claim.value == (lo + hi) / 2


def test_change_links_both_ends_and_carries_the_unit_back():
    first, second = claims_of("The attainment gap went from 19 to 17 percentage points.")
    assert (first.text, first.kind, first.value) == ("19", "percentage_points", 19)
    assert (second.kind, second.value) == ("percentage_points", 17)
    assert (first.relation, first.related) == ("change_from", second.id)
    assert (second.relation, second.related) == ("change_to", first.id)


def test_change_between_money_figures():
    first, second = claims_of("Funding grew from £5 billion to £6 billion.")
    assert (first.value, first.relation, second.value, second.relation) == (5e9, "change_from", 6e9, "change_to")


def test_increase_from_links_to_the_figure_it_changed_into():
    now, before = claims_of("The budget is £6 billion this year, an increase from £5 billion in 2013.")
    assert (now.value, now.relation, before.value, before.relation) == (6e9, "change_to", 5e9, "change_from")
    assert before.related == now.id


def test_ratio_without_for_and_return_before_base():
    base, ret = claims_of("Every £1 invested returns £4 to taxpayers.")
    assert (base.relation, ret.relation) == ("ratio_base", "ratio_return")
    ret, base = claims_of("The scheme raised £3.3 of private money for every £1 of public money.")
    assert (ret.value, ret.relation, base.value, base.relation) == (3.3, "ratio_return", 1, "ratio_base")


def test_up_from_links_a_change():
    now, before = claims_of("Turnout rose to 17%, up from 15% last year.")
    assert (now.relation, before.relation, before.related) == ("change_to", "change_from", now.id)


def test_ratio_links_base_and_return():
    base, ret = claims_of("For every £1 spent on the scheme, councils save £5 later.")
    assert (base.value, base.relation, base.related) == (1, "ratio_base", ret.id)
    assert (ret.value, ret.relation) == (5, "ratio_return")


# ---- not claims -----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The law changed in 2013.",
    "It was signed on 3 November 2016.",
    "Published 04-Nov-2016 by the department.",
    "The reply came on 25th March 2015.",
    "The reply came on March 25, 2015.",
    "Spending in 2014-15 was reviewed.",
    "Spending in 2014/15 was reviewed.",
    "The plan covers 2015-2024.",
    "He left six months ago.",
    "Visas are issued within five working days.",
    "The trial ran for three years.",
    "We met last week and again 10 days later.",
    "We are in phase 1 of the programme.",
    "Pupils at Key Stage 2 sat the test.",
    "Children in Year 6 move school.",
    "Article 1 of the treaty applies.",
    "Payments under section 106 were agreed.",
    "See regulation 122 of the rules.",
    "This answers Question 183040 from last month.",
    "I refer to UIN 12345 and 12346.",
    "Covid-19 delayed the works.",
    "She came first and he finished 19th.",
    "Details are at https://www.example.gov.uk/news/2017/03/funding-500.",
    "Write to team5@example.org for help.",
    "The meeting starts at 10am and ends at 14:00.",
    "Call 020 7946 0018 to book.",
    "Send it to SW1A 2AA by post.",
    "It is open 24/7 to callers.",
    "A 20-year plan was agreed.",
    "People aged 65 and over can apply.",
    "Adults aged over 60 are eligible.",
    "Reference HCWS285 sets this out.",
    "The rifle is the L119A1 model.",
    "Answered (2024-01)",
    "The 23-24 data is still provisional.",
    "After the Autumn Statement 2023 announcement we acted.",
    "The plan runs from 2022 to 2025 roadmap end.",
    "Emissions met the Euro 6 engine standard.",
    "Turbines at Hornsea 2 offshore wind farm turned.",
    "The Prime Minister spoke at 10 Downing Street today.",
    "Support covers the 0-25 age range.",
    "Scope 3 emissions are reported separately.",
    "Specialists now sit in every 999 control room.",
    "Support is planned for 2025 onwards.",
])
def test_not_claims(sentence):
    assert claims_of(sentence) == [], [c.text for c in claims_of(sentence)]


def test_list_markers_are_not_claims():
    text = "The plan:\n1. Build 40 homes.\n2) Repair the old ones.\n"
    assert [c.text for c in claims_of(text)] == ["40"]


def test_relative_date_headers_are_not_claims():
    doc = read_text("(7 years ago)\nThe council built 30 homes.", as_of=date(2024, 12, 1))
    assert [c.text for c in extract_claims(doc)] == ["30"]


def test_the_number_of_x_was_n_counts_x():
    claim = only("In 2023 the number of stolen laptops was 24.")
    assert (claim.value, claim.unit) == (24, "stolen laptops")


def test_bare_numbers_in_prose_are_not_claims():
    assert claims_of("The answers to questions 12 and 14 follow.") == []
    assert claims_of("Of those, 78 were approved.") == []


def test_table_cells_are_counts_named_by_their_column():
    text = "Region | Inspections | Spend (£m)\nNorth | 120 | 4.5\nSouth | 95 | 3\n"
    found = [(c.text, c.kind, c.unit, c.value) for c in claims_of(text)]
    assert found == [("120", "count", "inspections", 120), ("4.5", "money", "GBP", 4_500_000),
                     ("95", "count", "inspections", 95), ("3", "money", "GBP", 3_000_000)]


def test_year_like_counts_in_tables_and_years_in_year_columns():
    text = "Office | Year | Appeals\nBirmingham | 2023 | 1984\nDerby | 2023 | 701\n"
    assert [(c.value, c.unit) for c in claims_of(text)] == [(1984, "appeals"), (701, "appeals")]


def test_numbers_labelling_rows_are_not_claims():
    text = "No | Site | Hectares\n3 | Hill Farm | 12\n5 | Low Farm | 40\n"
    assert [(c.value, c.unit) for c in claims_of(text)] == [(12, "hectares"), (40, "hectares")]


def test_the_above_is_a_reference_not_a_bound():
    claim = only("We have answered the above two questions together.")
    assert (claim.value, claim.bound, claim.qualifier) == (2, "exact", None)


def test_period_columns_take_the_row_label_as_unit():
    text = "Item | 2023 | 2024\nNew permits | 310 | 402\n"
    assert [(c.value, c.unit) for c in claims_of(text)] == [(310, "new permits"), (402, "new permits")]


# ---- evidence fields ------------------------------------------------------------------------------

def test_offsets_line_column_and_sentence():
    text = "Opening line.\nThe right hon. Member asked twice. Mr. Jones said 45 schools closed. Then he left."
    claim = only(text)
    assert text[claim.start:claim.end] == claim.text == "45"
    assert (claim.line, claim.column) == (2, text.index("45") - text.index("\n"))
    assert claim.sentence == "Mr. Jones said 45 schools closed."
    assert text[claim.sentence_start:].startswith("Mr. Jones")


def test_abbreviation_hon_does_not_end_a_sentence():
    claim = only("My right hon. Friend funded 12 clinics.")
    assert claim.sentence == "My right hon. Friend funded 12 clinics."


def test_ids_are_stable_and_cite_the_document():
    doc = read_text("We built 12 bridges and 4 tunnels.", doc_id="notes.txt")
    first, second = extract_claims(doc)
    assert first.id == f"{doc.sha256[:12]}:{first.start}"
    assert first.doc == "notes.txt"
    assert [c.id for c in extract_claims(doc)] == [first.id, second.id]


def test_date_and_source_come_from_the_document():
    meta = DocumentMeta(date="2019-05-02", source="Press office")
    claim = only_doc = extract_claims(read_text("We hired 30 wardens.", meta=meta))[0]
    assert (claim.date, claim.date_origin, claim.source.source) == ("2019-05-02", "metadata", "Press office")
    assert only_doc is claim


def test_many_claims_in_one_long_document_stay_in_order():
    text = " ".join(f"Site {i}: we planted {i + 10} oak trees." for i in range(2000))
    found = claims_of(text)
    assert len(found) == 2000
    assert [c.value for c in found[:3]] == [10, 11, 12]
    assert all(a.start < b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize("shape", ["one line", "table"])
def test_large_documents_cost_linear_time(shape):
    """No per-claim scan back to the start of a line or table: 20,000 claims stay well under 10 s."""
    n = 20_000
    if shape == "one line":
        text = " ".join(f"we planted {i % 900 + 10} oak trees and" for i in range(n))
    else:
        text = "Area | Count\n" + "\n".join(f"Ward {i} | {i % 900 + 10}" for i in range(n))
    started = time.process_time()
    found = claims_of(text)
    assert len(found) == n
    assert time.process_time() - started < 10


def test_config_file_sets_the_approx_tolerance_through_the_cli(cli, tmp_path):
    config = tmp_path / "factcheck.toml"
    config.write_text("[factcheck]\napprox_tolerance = 0.25\n", encoding="utf-8")
    run = cli("extract", "-", "--config", str(config), "--format", "jsonl", input="About 200 firms signed.\n")
    claim = json.loads(run.stdout)
    assert (claim["lo"], claim["hi"]) == (150, 250)


def test_a_figure_after_a_label_and_a_colon_is_a_claim_but_a_numbered_name_is_not():
    texts = [c.text for c in extract_claims(read_text("Harlow Museum: 45 volunteers guide the visitors\n"))]
    assert texts == ["45"]
    assert [c.text for c in extract_claims(read_text("Work on Hornsea 3 starts in May.\n"))] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("It cost £12,500, the council said.", [("£12,500", 12_500.0)]),
    ("The club took £3,400,000, a record.", [("£3,400,000", 3_400_000.0)]),
    ("The pool totals $950,000, against $600,000 in 2021.", [("$950,000", 950_000.0), ("$600,000", 600_000.0)]),
])
def test_a_grouped_number_followed_by_a_comma_is_read_whole(text, expected):
    assert [(c.text, c.value) for c in extract_claims(read_text(text))] == expected


def test_a_count_dated_by_its_year_is_no_fraction():
    text = "Ferry delays fell from 140 in 2022 to 175 in 2023, but 1 in 8 sailings ran late."
    claims = extract_claims(read_text(text))
    assert [(c.text, c.kind) for c in claims] == [("140", "count"), ("175", "count"), ("1 in 8", "percent")]
