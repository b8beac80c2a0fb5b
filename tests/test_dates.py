"""Statement dates: metadata first, then cues in the text, then relative headers resolved against --as-of."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck import extract_claims, read_text
from factcheck.dates import find_statement_date, is_publication_line, parse_as_of, parse_date_value
from factcheck.errors import UsageError
from factcheck.models import DocumentMeta

AS_OF = date(2024, 12, 1)


@pytest.mark.parametrize(("written", "iso"), [
    ("2016-11-03", "2016-11-03"), ("2023-09", "2023-09"), ("2019", "2019"), ("3 November 2016", "2016-11-03"),
    ("25th March 2015", "2015-03-25"), ("04-Nov-2016", "2016-11-04"), ("March 25, 2015", "2015-03-25"),
    ("2016-11-03T09:30:00", "2016-11-03"),
])
def test_parse_date_value(written, iso):
    assert parse_date_value(written) == iso


@pytest.mark.parametrize("written", ["2023-02-30", "2023-13", "next Tuesday", "31/02/2020"])
def test_impossible_dates_are_none(written):
    assert parse_date_value(written) is None


def test_as_of_must_be_a_real_date():
    assert parse_as_of("2024-02-29") == date(2024, 2, 29)
    with pytest.raises(UsageError, match="2023-02-29"):
        parse_as_of("2023-02-29")


@pytest.mark.parametrize(("text", "iso"), [
    ("Written question answered on 25th March 2015 by the minister.", "2015-03-25"),
    ("Posted on: 21 March 2017\nA round-up of the week.", "2017-03-21"),
    ("Answered (2024-03)\n\nWe trained 80 nurses.", "2024-03"),
    ("Schools review: 21 March 2017\nThe findings follow.", "2017-03-21"),
])
def test_statement_date_from_cues(text, iso):
    assert find_statement_date(text) == iso


def test_answered_month_outranks_a_publication_date_in_the_question():
    text = "To ask about the report published on 24 November 2023.\n\nAnswered (2024-01)\n\nWe hired 9 staff."
    assert find_statement_date(text) == "2024-01"


def test_a_date_mentioned_in_passing_is_not_the_statement_date():
    assert find_statement_date("The scheme, launched in May 2010, now has 40 members and more to come.") is None


def test_relative_headers_date_the_text_below_them():
    text = "(5 years, 11 months ago)\nWe built 10 homes.\n(7 years ago)\nWe built 20 homes.\n"
    first, second = extract_claims(read_text(text, as_of=AS_OF))
    assert (first.date, first.date_origin) == ("2019-01", "relative")
    assert (second.date, second.date_origin) == ("2017-12", "relative")
    assert len([s for s in read_text(text, as_of=AS_OF).sections if s.date_origin == "relative"]) == 2


def test_relative_header_with_weeks_resolves_to_a_day():
    doc = read_text("(2 weeks ago)\nWe hired 9 wardens.", as_of=AS_OF)
    assert extract_claims(doc)[0].date == "2024-11-17"


def test_metadata_date_wins_over_text_cues():
    doc = read_text("Posted on: 21 March 2017\nWe hired 9 wardens.", meta=DocumentMeta(date="2018-01-02"), as_of=AS_OF)
    claim = extract_claims(doc)[0]
    assert (claim.date, claim.date_origin) == ("2018-01-02", "metadata")


def test_undated_text_says_so():
    claim = extract_claims(read_text("We hired 9 wardens.", as_of=AS_OF))[0]
    assert (claim.date, claim.date_origin) == (None, "none")


@pytest.mark.parametrize(("text", "iso"), [
    ("Media statement, 7 June 2019.\n\nThe trust opened 4 new wards.", "2019-06-07"),
    ("GLASGOW, 21 October 2022 — The ferry operator carried 3 million people.", "2022-10-21"),
    ("Harbour works finish early\nPublished 2 August 2018\n\nThe works cost £4m.", "2018-08-02"),
    ("Last updated: 09/11/2021\n\nThe library lent 12,000 books.", "2021-11-09"),
    ("September 30, 2020\n\nThe county paved 85 miles of road.", "2020-09-30"),
    ("Nairobi, 3 April 2023 – The cooperative signed 200 new growers.", "2023-04-03"),
])
def test_datelines_and_publication_lines_date_the_statement(text, iso):
    assert find_statement_date(text) == iso


@pytest.mark.parametrize("text", [
    "Deadline: 5 June 2024 for all bids\n\nThe fund has £3m.",  # a deadline, not when it was said
    "The museum reopened on 14 March 2022 after 2 years.",  # a date in passing
    "Opening hours\nMonday to Friday 9 to 5\n\nThe centre has 40 desks.",
    "Founded 2011, based in Leeds; 90 staff",  # a year, no day
])
def test_dates_that_are_not_the_statement_date_are_not_read_as_one(text):
    assert find_statement_date(text) is None


@pytest.mark.parametrize(("line", "expected"), [
    ("Press release, 9 June 2023.", True),
    ("OSLO, 2 March 2024 —", True),
    ("Updated: 21/11/2022", True),
    ("Harbour ferry reaches its millionth passenger", False),
    ("The ferry carried 2 million passengers in 2023.", False),
])
def test_a_publication_line_is_told_from_a_headline(line: str, expected: bool) -> None:
    assert is_publication_line(line) is expected
