"""Attribution: what each figure is about, what it measures, when, and in what role.

Claims are built directly from the texts below (not through the extractor, which changes on its own
branch), so these tests pin the attribute stage alone. All sentences are written for these tests.
"""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck import extract_claims, read_text
from factcheck.attribute import attribute_claims
from factcheck.models import Claim, Document
from factcheck.topics import topic_key

_SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def make_doc(text: str, doc_id: str = "doc.txt", date: str | None = None) -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(id=doc_id, path=doc_id, text=text, sha256=sha, meta={"date": date})


def claims_for(doc: Document, figures: list[str]) -> list[Claim]:
    """Claims for the given figure strings, found left to right in the document (each once, in order)."""
    import re

    out, pos = [], 0
    for fig in figures:
        start = doc.text.index(fig, pos)
        pos = start + len(fig)
        m = re.search(r"([£$€])?([\d,.]+)\s*(million|billion|m|bn)?\s*(%|per cent)?", fig)
        assert m, fig
        value = float(m.group(2).replace(",", "")) * _SCALE.get((m.group(3) or "").lower(), 1)
        kind = "money" if m.group(1) else "percent" if m.group(4) else "count"
        unit = {"£": "GBP", "$": "USD", "€": "EUR"}.get(m.group(1) or "") or ("%" if kind == "percent" else None)
        out.append(Claim(id=f"{doc.sha256[:12]}:{start}", doc=doc.id, start=start, end=pos, text=fig,
                         sentence="", kind=kind, unit=unit, value=value, lo=value, hi=value, date=doc.meta.date))
    return out


def attributed(text: str, *figures: str, doc_id: str = "doc.txt", date: str | None = None) -> list[Claim]:
    doc = make_doc(text, doc_id, date)
    return attribute_claims(doc, claims_for(doc, list(figures)))


def one(text: str, figure: str) -> Claim:
    return attributed(text, figure)[0]


# ---- topic ----

@pytest.mark.parametrize(("text", "figure", "topic"), [
    # the figure inside the noun phrase
    ("Councils may now bid to the £45 million Coastal Resilience Fund until May.", "£45 million",
     "Coastal Resilience Fund"),
    # the phrase after a preposition
    ("The council has invested £3.2 million in the town centre regeneration scheme.", "£3.2 million",
     "town centre regeneration scheme"),
    ("The budget sets aside £2 billion for adult skills training over the decade.", "£2 billion",
     "adult skills training"),
    ("The department funded the Rural Nursing Academy with £900,000 last year.", "£900,000",
     "Rural Nursing Academy"),
    # the subject of the clause
    ("The Clean Air Fund has allocated £12 million to date.", "£12 million", "Clean Air Fund"),
    ("The regional bus improvement programme, which began in 2019, has spent £64 million.", "£64 million",
     "regional bus improvement programme"),
    # "funding ... for X": what the money is for
    ("We raised capital funding to local councils for special schools by £75 million.", "£75 million",
     "special schools"),
    # speakers and institutions are not topics
    ("The Secretary of State announced £30 million for the Youth Investment Fund.", "£30 million",
     "Youth Investment Fund"),
    ("Ms Patel said £8 million would go to the Flood Defence Partnership.", "£8 million",
     "Flood Defence Partnership"),
])
def test_topic_is_the_phrase_the_figure_is_tied_to(text: str, figure: str, topic: str) -> None:
    assert one(text, figure).topic == topic


def test_figure_inside_a_plan_with_a_quoted_title() -> None:
    claim = one("Our £350 million plan, “Better Roads, Safer Towns”, starts next year.", "£350 million")
    assert claim.topic_key == "better road safer town plan"


def test_this_fund_and_the_programme_carry_over_the_earlier_name() -> None:
    text = ("Ministers created the Harbour Renewal Fund last spring. It aims to revive old ports. "
            "So far this fund has paid for 40 projects. The programme also trained 300 apprentices.")
    projects, apprentices = attributed(text, "40", "300")
    assert projects.topic == "Harbour Renewal Fund"
    assert apprentices.topic == "Harbour Renewal Fund"
    assert projects.cumulative


def test_it_refers_back_to_the_last_named_subject() -> None:
    text = "The Digital Skills Partnership opened in 2020. It has supported 1,200 learners since then."
    assert one(text, "1,200").topic == "Digital Skills Partnership"


def test_anaphor_takes_the_nearest_matching_mention_not_an_older_one() -> None:
    text = ("The Green Homes Grant closed early. Separately, the Boiler Upgrade Scheme opened. "
            "The scheme has paid £150 million so far.")
    assert one(text, "£150 million").topic == "Boiler Upgrade Scheme"


def test_a_new_indefinite_programme_is_not_the_earlier_one() -> None:
    text = "The Rural Broadband Programme connected villages. We also launched a programme for 500 carers."
    assert one(text, "500").topic != "Rural Broadband Programme"


def test_same_figure_restated_takes_the_stronger_topic() -> None:
    text = ("Minister announces £7.5m boost for coastal towns\n\n"
            "The minister today confirmed £7.5 million for the Seaside Towns Fund, to be spent by 2026.")
    headline, body = attributed(text, "£7.5m", "£7.5 million")
    assert body.topic == "Seaside Towns Fund"
    assert headline.topic == body.topic


def test_count_topic_is_not_the_counted_noun() -> None:
    text = "The Heritage Lottery Fund has backed nearly 90 innovative projects across the north."
    claim = one(text, "90")
    assert claim.topic == "Heritage Lottery Fund"
    assert claim.metric == "projects"


def test_sentence_without_any_subject_stays_unattributed() -> None:
    assert one("We welcome 25 new members.", "25").topic is None


# ---- topic keys ----

@pytest.mark.parametrize(("text", "key"), [
    ("The £200 million Innovation Programme", "innovation programme"),
    ("the Children's Social Care Innovation Programme", "child social care innovation programme"),
    ("the Children’s Social Care Innovation Program", "child social care innovation programme"),
    ("High-needs funding", "high need"),
    ("Teaching Partnerships programme", "teaching partnership programme"),
    ("bursaries", "bursary"),
])
def test_topic_key_normalises_case_possessives_plurals_and_money(text: str, key: str) -> None:
    assert topic_key(text) == key


@given(st.text(max_size=80))
@example("SECONDS")  # a plural whose singular is a stop word
@settings(max_examples=200, deadline=None)
def test_topic_key_never_raises_and_is_idempotent(text: str) -> None:
    key = topic_key(text)
    assert key is None or (key == key.strip() and topic_key(key) == key)


# ---- metric and role ----

@pytest.mark.parametrize(("text", "figure", "role", "metric"), [
    ("The Clean Air Fund will receive an additional £5 million.", "£5 million", "increase", "funding"),
    ("We have increased the school meals grant by £5 million.", "£5 million", "increase", "funding increase"),
    ("The Road Repair Fund was cut by £20 million this year.", "£20 million", "increase", "funding reduction"),
    ("The Heat Network Fund holds £90 million, of which £20 million is for London.", "£20 million", "part",
     "funding"),
    ("Schools receive £300 per pupil from the Catch-up Premium.", "£300", "per_unit", "funding"),
    ("The Rail Fund will spend £1 billion by 2030.", "£1 billion", "target", "funding"),
    ("The Tree Planting Fund has a total of £9 million.", "£9 million", "total", "funding"),
    ("The Prison Education Scheme saves £4 million a year.", "£4 million", "total", "savings"),
])
def test_role_and_metric_of_money(text: str, figure: str, role: str, metric: str) -> None:
    claim = one(text, figure)
    assert (claim.role, claim.metric) == (role, metric)


def test_increase_applies_to_every_figure_of_a_list() -> None:
    text = "We raised funding for the Adult Literacy Fund by £10 million in 2020-21 and £12 million in 2021-22."
    first, second = attributed(text, "£10 million", "£12 million")
    assert first.metric == second.metric == "funding increase"
    assert (first.period, second.period) == ("2020-21", "2021-22")


def test_an_increase_from_a_level_is_a_level_not_an_increase() -> None:
    text = "The Sports Premium is now £320 million, up from £160 million in 2013."
    now, before = attributed(text, "£320 million", "£160 million")
    assert before.metric == now.metric == "funding"
    assert before.period == "2013"


def test_count_metrics_keep_the_counted_noun_and_its_verb() -> None:
    text = "Within the Mentoring Scheme, more than 200 volunteers have been trained and 15 local authorities take part."
    volunteers, authorities = attributed(text, "200", "15")
    assert volunteers.metric == "volunteers trained"
    assert authorities.metric == "local authorities"


def test_percent_metric_is_what_it_is_a_share_of() -> None:
    text = "In the Apprenticeship Levy scheme, 42% of apprentices finished their course."
    assert one(text, "42%").metric == "share of apprentices"


@pytest.mark.parametrize(("text", "figure", "period", "cumulative"), [
    ("The Harbour Fund has spent £40 million since 2015.", "£40 million", "since 2015", True),
    ("Carers get £76 a week from the Carer's Allowance.", "£76", "a week", False),
    ("The Housing Fund paid out £3 billion in 2021-22.", "£3 billion", "2021-22", False),
    ("So far the Reading Scheme has reached 4,000 pupils.", "4,000", None, True),
    # periods written in other ways, and behind a bracketed abbreviation
    ("We set aside £96 million for teacher training (TT) bursaries for the 2024/25 recruitment cycle.",
     "£96 million", "2024/25", False),
    ("The Harbour Fund got £1.8 billion in both 2022/23 and 2023/24.", "£1.8 billion", "2022/23 and 2023/24", False),
    ("The Harbour Fund will get £300 million over the spending review period.", "£300 million",
     "over the spending review period", False),
    ("The Harbour Fund has £842 million, running from 1 April 2023 to 31 March 2024.", "£842 million",
     "from 1 April 2023 to 31 March 2024", False),
    ("The Harbour Fund is extended until March 2026 with £742 million.", "£742 million", "until March 2026", False),
    ("Spending over the next three financial years on the Dock Skills Scheme is forecast at $400 million.",
     "$400 million", "over the next three financial years", False),
])
def test_period_and_cumulative_cues(text: str, figure: str, period: str | None, cumulative: bool) -> None:
    claim = one(text, figure)
    assert (claim.period, claim.cumulative) == (period, cumulative)


@given(st.text(alphabet=st.sampled_from(list("abc XYZ£$.,;:\n'’“”-0123456789")), max_size=200))
@settings(max_examples=200, deadline=None)
def test_arbitrary_text_never_raises(text: str) -> None:
    doc = make_doc(text + " £5 million")
    claims = claims_for(doc, ["£5 million"])
    out = attribute_claims(doc, claims)
    assert len(out) == 1 and out[0].id == claims[0].id


def test_table_row_figures_are_about_the_row_label() -> None:
    text = "Item | 2022 | 2023\nAgency nurse costs | £4.5m | £5.1m\n"
    first, second = attributed(text, "£4.5m", "£5.1m")
    assert first.topic == second.topic == "Agency nurse costs"
    assert first.metric == "cost"


def test_the_whole_a_part_belongs_to_is_a_total() -> None:
    text = "The Port Upgrade Fund gave £2 million this year, as part of over £30 million committed since 2019."
    _part, whole = attributed(text, "£2 million", "£30 million")
    assert whole.role == "total" and whole.cumulative and whole.period == "since 2019"


def test_table_columns_are_different_measures_and_year_columns_are_periods() -> None:
    text = "Region | Nurses | Vacancies\nNorth | 120 | 14\n\nItem | 2022 | 2023\nAgency costs | £4.5m | £5.1m\n"
    nurses, vacancies, first, second = attributed(text, "120", "14", "£4.5m", "£5.1m")
    assert nurses.topic == vacancies.topic == "North"
    assert (nurses.metric, vacancies.metric) == ("nurses", "vacancies")
    assert (first.period, second.period) == ("2022", "2023")


def test_headline_boost_is_about_what_follows_for() -> None:
    claim = one("£12m boost for village bus routes\n", "£12m")
    assert (claim.topic, claim.role, claim.metric) == ("village bus routes", "increase", "funding")


@pytest.mark.parametrize("text", [
    "Smoking causes around 20% of cancer deaths in the United Kingdom.",
    "Councils won £18 million in Round 2 of bidding.",
    "As stated on 4 May, Official Report, column 12, the answer covered 150 files.",
])
def test_places_dates_and_parliamentary_furniture_are_not_topics(text: str) -> None:
    import re

    figure = re.search(r"£?\d[\d,]*(?: million|%)?", text).group(0)
    topic = one(text, figure).topic
    assert topic is None or not re.search(r"United Kingdom|Round|Official Report|May", topic)


@pytest.mark.parametrize(("text", "figure", "role"), [
    ("As part of the Clean Bus Scheme, Leeds was awarded £35.7m for new buses.", "£35.7m", "part"),
    ("How much of the £12,000 was his share of the £150,000 cost of the flights?", "£150,000", "total"),
    ("The Port Fund holds £90 million, including £20 million for Hull.", "£20 million", "part"),
])
def test_part_and_whole(text: str, figure: str, role: str) -> None:
    assert one(text, figure).role == role


def test_period_stated_at_the_start_of_the_clause() -> None:
    text = "In 2023/24, we are giving the World Food Programme more than £30 million for food aid."
    assert one(text, "£30 million").period == "2023/24"


def test_a_change_from_a_to_b_is_two_levels_not_a_part() -> None:
    text = "The carers' grant under the age of 25 rose from £1,000 to £3,000, helping more people."
    assert [c.role for c in attributed(text, "£1,000", "£3,000")] == ["total", "total"]


def test_a_round_of_a_fund_is_a_part_of_it() -> None:
    claim = one("We are opening a £450 million third round of the Council Housing Fund.", "£450 million")
    assert (claim.role, claim.topic) == ("part", "Council Housing Fund")


def test_the_thing_money_is_spent_on_beats_a_nearby_programme() -> None:
    text = ("Councils reported £68 million on the stop smoking services programme and £12 million "
            "on wider tobacco control.")
    assert one(text, "£12 million").topic == "wider tobacco control"


def test_hard_wrapped_lines_are_read_as_one_sentence() -> None:
    text = ("On innovation, the minister said the Coastal Towns Innovation Programme had allocated an extra\n"
            "£100 million across two years, and that the programme now covers 40 projects.\n")
    money, projects = attributed(text, "£100 million", "40")
    assert money.topic == projects.topic == "Coastal Towns Innovation Programme"
    assert (money.role, money.metric) == ("increase", "funding")


def test_a_later_clause_is_not_about_the_first_clauses_subject() -> None:
    text = "The gap in reading narrowed from 9 to 7 percentage points, and the £50 million Reading Fund will help."
    nine, seven, fund = attributed(text, "9", "7 percentage points", "£50 million")
    assert fund.topic == "Reading Fund"
    assert nine.topic == seven.topic == "gap in reading" or nine.topic_key == seven.topic_key != fund.topic_key


def test_a_headline_line_stays_apart_from_the_body() -> None:
    text = "Council confirms £12m for village bus routes\nThe council today confirmed £15 million for libraries."
    headline, body = attributed(text, "£12m", "£15 million")
    assert (headline.topic, body.topic) == ("village bus routes", "libraries")


@pytest.mark.parametrize(("text", "figure", "topic"), [
    ("A further £20 million was sent in response to the floods.", "£20 million", None),
    ("It includes £50 million for growing and improving the science campus.", "£50 million", None),
    ("Councils get £90 million for housing and homelessness.", "£90 million", "housing and homelessness"),
])
def test_idioms_and_verbs_after_a_preposition_are_not_topics(text: str, figure: str, topic: str | None) -> None:
    assert one(text, figure).topic == topic


def test_a_figure_in_brackets_is_about_the_name_just_before() -> None:
    text = "We work through the Tax Framework (with over 130 members) and the Global Forum (with over 160 members)."
    first, second = attributed(text, "130", "160")
    assert (first.topic, second.topic) == ("Tax Framework", "Global Forum")


def test_listed_figures_share_the_subject_named_after_the_last() -> None:
    text = "£1.2 billion has been allocated in 2023/24 and £1.4 billion for 2024/25 for heat networks."
    first, second = attributed(text, "£1.2 billion", "£1.4 billion")
    assert first.topic == second.topic == "heat networks"
    assert (first.period, second.period) == ("2023/24", "2024/25")


def test_an_actor_before_a_lower_case_subject_does_not_hide_it() -> None:
    claim = one("As part of this, the Department’s capital budget is £7 billion in 2023/24.", "£7 billion")
    assert claim.topic == "capital budget"


def test_an_amount_added_to_a_named_fund_is_a_change_of_its_size() -> None:
    boost = one("The council announced an additional £16 million boost to the Harbour Fund.", "£16 million")
    assert (boost.topic, boost.role, boost.metric) == ("Harbour Fund", "increase", "funding increase")
    headline = one("£12m boost for village bus routes\n", "£12m")
    assert headline.metric == "funding"  # a boost *for* something is still what it gets


def test_amounts_drawn_from_a_fund_or_given_as_rounds_are_parts() -> None:
    drawn = one("Another £15 million from the Harbour Fund will pay for new teams.", "£15 million")
    rounds = one("A third round follows the first two rounds of £750 million.", "£750 million")
    assert (drawn.role, rounds.role) == ("part", "part")


@pytest.mark.parametrize(("text", "figure"), [
    ("The Harbour Toll Allowance is frozen at £12,570.", "£12,570"),
    ("Ferry riders pay no more than the £2 fare cap.", "£2"),
    ("The Coastal Living Wage rises to £12.60.", "£12.60"),
])
def test_rates_set_per_unit_are_levels_not_funding(text: str, figure: str) -> None:
    assert one(text, figure).metric == "level"


@pytest.mark.parametrize("text", [
    "The games added £870 million GVA to the economy.",
    "The refit cost £6,950 plus VAT.",
    "The Autumn Budget and Spending Review gave £2 billion to the Harbour Fund.",
])
def test_measures_and_fiscal_events_are_not_subjects(text: str) -> None:
    import re
    figure = re.search(r"£[\d,.]+(?: (?:million|billion))?", text).group(0)
    claim = one(text, figure)
    assert claim.topic_key not in {"gva", "vat", "autumn", "spring"}
    assert claim.topic is None or "Budget" not in claim.topic


def test_a_figure_set_apart_from_a_subject_is_not_about_it() -> None:
    apart = one("In addition to the Harbour Grant, councils got £267 million for ferry repairs.", "£267 million")
    assert apart.topic != "Harbour Grant"
    inside = one("This is in addition to the £750 million Harbour Grant.", "£750 million")
    assert inside.topic == "Harbour Grant"


def test_a_figure_in_a_predicate_noun_phrase_belongs_to_the_subject() -> None:
    doc = read_text("The officials said the Harbour Renewal Plan is now a £2.4 billion programme.")
    [claim] = attribute_claims(doc, extract_claims(doc))
    assert claim.topic == "Harbour Renewal Plan"


def test_a_named_phrase_around_the_figure_still_wins() -> None:
    doc = read_text("The council said it is a £40 million Coastal Defence Fund.")
    [claim] = attribute_claims(doc, extract_claims(doc))
    assert claim.topic == "Coastal Defence Fund"


# ---- claim frames from the dependency parse (through the real extractor; every sentence written here) ----

def framed(text: str, doc_id: str = "doc.txt", date: str = "2024-01-01") -> list[Claim]:
    doc = read_text(text, doc_id=doc_id, meta=None)
    doc = doc.model_copy(update={"meta": doc.meta.model_copy(update={"date": date})})
    return attribute_claims(doc, extract_claims(doc))


def frame_of(text: str, figure: str, doc_id: str = "doc.txt") -> Claim:
    return next(c for c in framed(text, doc_id) if c.text == figure or figure in c.text)


needs_parser = pytest.mark.skipif(not __import__("factcheck.attribute.parse", fromlist=["available"]).available(),
                                  reason="the spaCy model is not installed")


@needs_parser
@pytest.mark.parametrize(("text", "figure", "subject"), [
    ("The Moorland Bursary has a total budget of £4 million.", "£4 million", "moorland bursary"),
    ("Corvex Ltd's 2023 revenue was $3.1bn.", "$3.1bn", "corvex ltd"),
    ("Corvex Ltd reported revenue of $2.3 billion for 2023.", "$2.3 billion", "corvex ltd"),
    ("€6m has been set aside for the Valdor Wetland Project to restore reed beds.", "€6m", "valdor wetland project"),
    ("Since 2019 the Fenland Drainage Programme has spent £40 million on pumps that keep farms dry.",
     "£40 million", "fenland drainage programme"),
    ("A local charity gave the Ashgrove Youth Orchestra £80,000 to tour Europe.", "£80,000",
     "ashgrove youth orchestra"),
    ("The Ostrava Conservatory opened in 2001. Today it employs 85 gardeners.", "85", "ostrava conservatory"),
    ("Q: How many rangers does the Kestor Park Authority have?\nA: It has 42 rangers.", "42",
     "kestor park authority"),
    ("38% of members of the Tollgate Rowing Club are under 30.", "38%", "tollgate rowing club"),
    # "our" is the body the statement speaks for; the figure sizes its visitor centre, not the park
    ("Kaldera National Park welcomes a million walkers a year. Our €45 million visitor centre opens in May.",
     "€45 million", "kaldera national park visitor centre"),
    # a name joined by "and" is one name, and starts at its first capital
    ("Ministers backed the new €2bn, five-year Rail and Sea Freight Programme on Monday.", "€2bn",
     "rail sea freight programme"),
    # a symbol-led figure is a number to the parser: it sizes the terminal, not the airport that confirms it
    ("Port Esk Airport has confirmed that the NZ$610m cargo terminal remains on budget.", "NZ$610m",
     "port esk airport cargo terminal"),
    # "our" parsed as owning the figure itself: it owns the programme the figure sizes
    ("The board made clear that spending on our new €2.1bn, five-year Northern Grid Upgrade Programme "
     "(2026-27 to 2030-31) will start in March.", "€2.1bn", "northern grid upgrade programme"),
    # "Stage 2" says which part of the scheme; money for a class of bodies is given to them
    ("To date 2,450 families have been rehoused under Lakeland Rehousing Scheme Stage 2.", "2,450",
     "lakeland rehousing scheme stage 2"),
    ("The minister announced a one-off top-up, up to $30 million, for RFBs in 2025.", "$30 million", "rfb"),
])
def test_the_subject_is_read_off_the_sentence_structure(text, figure, subject):
    assert frame_of(text, figure).topic_key == subject


@needs_parser
@needs_parser
@pytest.mark.parametrize(("text", "figure", "recipient"), [
    ("The minister announced a one-off top-up, up to $30 million, for RFBs in 2025.", "$30 million", "RFBs"),
    ("This year the agency gave €12 million to help Ukrainians settling in the region.", "€12 million", "Ukrainians"),
])
def test_money_for_a_class_of_bodies_or_people_is_a_part_given_to_them(text, figure, recipient):
    claim = frame_of(text, figure)
    assert (claim.role, claim.recipient) == ("part", recipient)


@needs_parser
def test_a_fund_named_in_two_phrasings_is_one_group():
    from factcheck.group import group_claims

    a = frame_of("The Moorland Bursary has a total budget of £4 million.", "£4 million", "a.md")
    b = frame_of("The Moorland Bursary is worth £6m, its trustees say.", "£6m", "b.md")
    assert a.topic_key == b.topic_key and not a.topic_local and not b.topic_local
    assert any(a.id in g.claims and b.id in g.claims for g in group_claims([a, b]))


@needs_parser
def test_an_acronym_defined_in_one_statement_names_the_subject_in_another():
    from factcheck.group import group_claims

    a = frame_of("The Lakeside Flood Defence Partnership (LFDP) will spend £12 million on sea walls.", "£12 million",
                 "a.md")
    b = frame_of("LFDP has a budget of £18 million.", "£18 million", "b.md")
    assert a.topic == "Lakeside Flood Defence Partnership"
    assert any(a.id in g.claims and b.id in g.claims for g in group_claims([a, b]))


@needs_parser
def test_a_grant_given_out_of_a_fund_is_a_part_with_its_recipient():
    given_out = frame_of("The Clearwater Grant Fund has given £2 million to Dunmore Harbour Trust to mend its quay.",
                         "£2 million")
    fund = topic_key("Clearwater Grant Fund")
    assert (given_out.topic_key, given_out.role, given_out.recipient) == (fund, "part", "Dunmore Harbour Trust")
    drawn = frame_of("Dunmore Harbour Trust was awarded £2m from the Clearwater Grant Fund.", "£2m")
    assert (drawn.topic_key, drawn.role, drawn.recipient) == (fund, "part", "Dunmore Harbour Trust")


@needs_parser
def test_counts_and_shares_keep_their_measure_in_any_phrasing():
    from factcheck.group import metric_key

    nurses = [frame_of("Fenwick Hospital employs 140 nurses.", "140"),
              frame_of("140 nurses work for Fenwick Hospital.", "140"),
              frame_of("Fenwick Hospital's 140 nurses cover every ward.", "140")]
    assert {(c.topic_key, metric_key(c)) for c in nurses} == {("fenwick hospital", "nurse")}
    shares = [frame_of("31% of pupils in Dalby walk to school.", "31%"),
              frame_of("Among pupils in Dalby, the share who walk to school is 31%.", "31%"),
              frame_of("Q: What share of pupils in Dalby walk to school?\nA: 31 per cent.", "31 per cent")]
    assert {(c.topic_key, metric_key(c)) for c in shares} == {("dalby", "share of pupil")}


@needs_parser
def test_look_alikes_stay_apart():
    from factcheck.group import group_claims

    fund = frame_of("The Hartwell Fund is worth £3m.", "£3m", "a.md")
    housing = frame_of("The Hartwell Housing Fund is worth £3m.", "£3m", "b.md")
    revenue = frame_of("Veltra Group's revenue was $5bn in 2023.", "$5bn", "c.md")
    profit = frame_of("Veltra Group's profit was $1bn in 2023.", "$1bn", "d.md")
    programme = frame_of("Norland Rail's £2bn signalling programme starts in May.", "£2bn", "e.md")
    package = frame_of("Norland Rail's £50m hardship package starts in May.", "£50m", "f.md")
    groups = group_claims([fund, housing, revenue, profit, programme, package])
    for a, b in ((fund, housing), (revenue, profit), (programme, package)):
        assert not any(a.id in g.claims and b.id in g.claims for g in groups), (a.topic, b.topic)


@pytest.mark.parametrize(("text", "figure", "period"), [
    ("The 2026-27 settlement for Wexbridge is £14 million.", "£14 million", "2026-27"),
    ("The ferry subsidy will total £9m through to 2031/32.", "£9m", "until 2031/32"),
    ("Across the next three years the trust will fund:\n\n- £2m for new boilers\n- £1.5m for roofs\n",
     "£1.5m", "Across the next three years"),
])
def test_periods_are_read_wherever_the_text_gives_them(text, figure, period):
    assert frame_of(text, figure).period == period


@needs_parser
def test_a_short_name_stands_for_the_full_name_given_earlier_in_the_statement():
    text = "The Ashby Wetlands Restoration Fund opened today. So far the Ashby fund has replanted 420 hectares."
    assert frame_of(text, "420").topic_key == "ashby wetland restoration fund"
    text = "Meridian Rail Freight was founded in 1998. Meridian's revenue was £40m last year."
    assert frame_of(text, "£40m").topic_key == "meridian rail freight"


@needs_parser
def test_a_short_name_that_fits_two_full_names_is_left_as_written():
    text = "Northwind Ferries and Northwind Ports both reported results. Northwind's revenue was £40m last year."
    assert frame_of(text, "£40m").topic_key not in ("northwind ferry", "northwind port")


@needs_parser
def test_a_run_in_heading_is_a_label_and_the_headline_names_the_subject():
    text = "# Audit of the Harlow Tram Extension\n\n1. **Cost.** The project's approved cost is £310m, auditors found."
    claim = frame_of(text, "£310m")
    assert "harlow tram extension" in (claim.topic_key or "")


@needs_parser
def test_what_a_figure_excludes_is_not_its_subject():
    claim = frame_of("The cost of translation in 2024 was £7,100,000, excluding Welsh Sign Language and Gaelic.",
                     "£7,100,000")
    assert claim.topic_key not in ("welsh sign language", "gaelic")


@needs_parser
def test_a_rate_is_measured_by_the_noun_said_to_be_at_it():
    from factcheck.group import metric_key

    a = frame_of("Unemployment in Norland fell to 3.1% in 2023, the minister said.", "3.1%")
    b = frame_of("The unemployment rate in Norland was 4.2% in 2023.", "4.2%")
    assert metric_key(a) == metric_key(b) == "unemployment"
