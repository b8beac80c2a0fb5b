"""A change whose start is dated ("from £500m in 2019 to £1.5bn") links its ends; the year is no figure."""

import pytest

from factcheck import extract_claims, read_text


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Spending rose from £500m in 2019 to £1.5bn in 2023.", 500e6, 1.5e9),
    ("Funding grew from £2 billion in 2019-20 to £3 billion.", 2e9, 3e9),
    ("The grant was cut from £40m in 2020, to £35m.", 40e6, 35e6),
])
def test_dated_change_links_its_ends_and_drops_the_year(text, start, end):
    claims = extract_claims(read_text(text))
    assert [(c.value, c.relation) for c in claims] == [(start, "change_from"), (end, "change_to")]
    assert claims[0].related == claims[1].id and claims[1].related == claims[0].id
    assert all(c.lo == c.hi == c.value for c in claims)


def test_a_year_after_a_date_preposition_never_starts_a_range():
    claims = extract_claims(read_text("Applications opened in 2021 to 300 more schools."))
    assert [(c.kind, c.value, c.bound) for c in claims] == [("count", 300, "exact")]


def test_a_rate_between_the_ends_of_a_change_keeps_them_linked():
    claims = extract_claims(read_text("Ridership has fallen from 1.2 million a day in 2019 to 900,000."))
    assert [(c.kind, c.value, c.relation) for c in claims] == [
        ("count", 1.2e6, "change_from"), ("count", 900_000, "change_to")]
