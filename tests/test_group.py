"""Grouping: the same subject and measure meet across statements; look-alikes stay apart."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from test_attribute import attributed

from factcheck.config import Settings
from factcheck.group import group_claims, is_specific
from factcheck.models import Claim


def together(groups, a: Claim, b: Claim) -> bool:
    return any(a.id in g.claims and b.id in g.claims for g in groups)


def corpus() -> dict[str, Claim]:
    """Five statements about a few programmes, with look-alike figures."""
    c: dict[str, Claim] = {}
    (c["long_100"], c["long_projects"], c["long_las"]) = attributed(
        "The Adult Social Care Innovation Programme has allocated an extra £100 million for two years. "
        "The programme runs 40 projects and involves 60 local authorities.",
        "£100 million", "40", "60", doc_id="a.txt", date="2015-03-01")
    (c["short_150"], c["short_projects"]) = attributed(
        "Bids are open for the £150 million Innovation Programme. Since its launch this fund has already "
        "supported over 40 projects.", "£150 million", "40", doc_id="b.txt", date="2016-05-01")
    (c["plan_700"], c["plan_part_90"]) = attributed(
        "Our £700 million plan, “Stronger Towns, Better Jobs”, includes £90 million for youth hubs.",
        "£700 million", "£90 million", doc_id="c.txt", date="2017-01-01")
    (c["bursary_700"],) = attributed(
        "We are investing over £700 million in nursing bursaries and placements.",
        "£700 million", doc_id="d.txt", date="2017-02-01")
    (c["care_90"], c["dollars_100"]) = attributed(
        "The Social Care Workforce Fund is worth £90 million. Its US partner, the Adult Social Care "
        "Innovation Programme, raised $100 million.", "£90 million", "$100 million", doc_id="e.txt",
        date="2018-01-01")
    return c


def test_short_form_meets_the_full_name_across_statements() -> None:
    c = corpus()
    groups = group_claims(list(c.values()))
    assert together(groups, c["long_100"], c["short_150"])
    assert together(groups, c["long_projects"], c["short_projects"])


def test_counts_of_different_things_in_one_programme_stay_apart() -> None:
    c = corpus()
    groups = group_claims(list(c.values()))
    assert not together(groups, c["long_projects"], c["long_las"])


def test_same_figure_for_different_subjects_stays_apart() -> None:
    c = corpus()
    groups = group_claims(list(c.values()))
    assert not together(groups, c["plan_700"], c["bursary_700"])
    assert not together(groups, c["plan_part_90"], c["care_90"])


def test_money_needs_the_same_currency() -> None:
    c = corpus()
    groups = group_claims(list(c.values()))
    assert c["dollars_100"].topic_key == c["long_100"].topic_key
    assert not together(groups, c["dollars_100"], c["long_100"])


def test_a_word_shared_by_two_subjects_does_not_join_them() -> None:
    """ "social care" is inside "adult social care innovation programme" but names something else."""
    a = attributed("Spending on social care rose to £5 billion.", "£5 billion", doc_id="x.txt")[0]
    b = attributed("The Adult Social Care Innovation Programme holds £5 billion.", "£5 billion", doc_id="y.txt")[0]
    assert a.topic_key == "social care"
    assert not together(group_claims([a, b]), a, b)


def test_an_ambiguous_short_form_joins_neither_subject() -> None:
    a = attributed("The Health Innovation Programme has £20 million.", "£20 million", doc_id="a.txt")[0]
    b = attributed("The Transport Innovation Programme has £30 million.", "£30 million", doc_id="b.txt")[0]
    short = attributed("The £25 million Innovation Programme opens today.", "£25 million", doc_id="c.txt")[0]
    groups = group_claims([a, b, short])
    assert not together(groups, short, a) and not together(groups, short, b) and not together(groups, a, b)


def test_funding_and_funding_increases_are_different_measures() -> None:
    level, rise = attributed(
        "The Early Reading Fund is £400 million this year. We increased the Early Reading Fund by £30 million.",
        "£400 million", "£30 million")
    assert level.topic_key == rise.topic_key
    assert not together(group_claims([level, rise]), level, rise)


def test_a_generic_topic_groups_only_within_its_document() -> None:
    a1, a2 = attributed("The gap has gone from 19% to 17%.", "19%", "17%", doc_id="a.txt")
    (b1,) = attributed("The gap is 17%.", "17%", doc_id="b.txt")
    assert not is_specific(a1.topic, a1.topic_key)
    groups = group_claims([a1, a2, b1])
    assert together(groups, a1, a2)
    assert not together(groups, a1, b1)


def test_unattributed_claims_are_not_grouped() -> None:
    (claim,) = attributed("We welcome 25 new members.", "25")
    assert group_claims([claim]) == []


def test_group_shows_the_most_complete_topic_and_orders_claims_by_date() -> None:
    c = corpus()
    groups = group_claims(list(c.values()))
    (group,) = [g for g in groups if c["long_100"].id in g.claims]
    assert group.topic == "Adult Social Care Innovation Programme"
    assert group.claims == [c["long_100"].id, c["short_150"].id]


def test_blocking_skips_tokens_shared_by_too_many_topics() -> None:
    c = corpus()
    strict = Settings(max_block_size=1)  # "innovation" is now too common to compare on
    assert not together(group_claims(list(c.values()), strict), c["long_100"], c["short_150"])


@given(st.randoms(use_true_random=False))
@settings(max_examples=20, deadline=None)
def test_groups_do_not_depend_on_input_order(rnd: random.Random) -> None:
    claims = list(corpus().values())
    expected = group_claims(claims)
    rnd.shuffle(claims)
    assert group_claims(claims) == expected


def test_table_rows_group_only_within_their_document() -> None:
    a = attributed("Item | Lost\nMobile phones | 4\n", "4", doc_id="a.txt")[0]
    b = attributed("Item | Lost\nMobile phones | 9\n", "9", doc_id="b.txt")[0]
    assert a.topic_key == b.topic_key and a.metric == b.metric
    assert not together(group_claims([a, b]), a, b)


_SUBJECTS = ["the Coastal Homes Fund", "the coastal homes fund", "the Rural Bus Programme", "social care",
             "the Adult Social Care Innovation Programme", "the Innovation Programme", "the gap", "bursaries"]
_FIGURES = ["£5 million", "$5 million", "€7 million", "40 projects", "12 councils", "30%"]


@given(st.lists(st.tuples(st.sampled_from(_SUBJECTS), st.sampled_from(_FIGURES), st.integers(0, 3)),
                min_size=1, max_size=12))
@settings(max_examples=60, deadline=None)
def test_every_attributed_claim_is_in_exactly_one_group_of_one_kind_and_unit(rows) -> None:
    claims: list[Claim] = []
    for n, (subject, figure, doc) in enumerate(rows):
        text = f"In {subject}, we report {figure} here (note {n})."
        claims += attributed(text, figure.split()[0] if "projects" in figure or "councils" in figure else figure,
                             doc_id=f"d{doc}-{n}.txt")
    groups = group_claims(claims)
    seen = [cid for g in groups for cid in g.claims]
    assert len(seen) == len(set(seen))
    assert set(seen) == {c.id for c in claims if c.topic_key}
    by_id = {c.id: c for c in claims}
    for g in groups:
        assert {(by_id[cid].kind, by_id[cid].unit if by_id[cid].kind == "money" else None) for cid in g.claims} \
            == {(g.kind, g.unit if g.kind == "money" else None)}


def test_an_organisation_near_a_figure_is_not_a_subject_across_statements() -> None:
    """Figures an organisation spends or receives are about many things; its name alone does not join them."""
    (a,) = attributed("Since April, Northwater Utilities has paid £3 million to contractors.", "£3 million",
                      doc_id="a.txt")
    (b,) = attributed("Northwater Utilities has paid £9 million to contractors in fines.", "£9 million",
                      doc_id="b.txt")
    assert a.topic == b.topic == "Northwater Utilities" and a.topic_local
    assert not together(group_claims([a, b]), a, b)


def test_a_named_vehicle_is_a_subject_across_statements_even_when_only_near_the_figure() -> None:
    (a,) = attributed("The Clean Air Fund has allocated £12 million.", "£12 million", doc_id="a.txt")
    (b,) = attributed("Since 2020 the Clean Air Fund has handed out some £15 million.", "£15 million",
                      doc_id="b.txt")
    assert together(group_claims([a, b]), a, b)


def test_a_figure_tied_by_is_or_worth_is_a_subject_across_statements() -> None:
    (a,) = attributed("Northwater Utilities is worth £2 billion.", "£2 billion", doc_id="a.txt")
    (b,) = attributed("Northwater Utilities, worth £3 billion, was sold.", "£3 billion", doc_id="b.txt")
    assert together(group_claims([a, b]), a, b)


def test_an_unknown_measure_is_compared_only_within_its_statement() -> None:
    (a,) = attributed("The Post Office Banking Framework reaches 99% nationally.", "99%", doc_id="a.txt")
    (b,) = attributed("The Post Office Banking Framework reaches 95% in cities.", "95%", doc_id="b.txt")
    assert a.metric == b.metric == "percent"
    assert not together(group_claims([a, b]), a, b)


def test_counts_of_new_and_upgraded_things_are_different_measures() -> None:
    new, upgraded = attributed("The Mast Fund has paid for more than 150 new masts and over 1,500 upgraded masts.",
                               "150", "1,500")
    assert not together(group_claims([new, upgraded]), new, upgraded)


def test_check_reports_groups_and_unattributed_claims(cli) -> None:
    import json

    text = ("Bids are open for the £45 million Coastal Resilience Fund.\n\n"
            "The Coastal Resilience Fund has since grown to £60 million.\n\nWe welcome 25 new members.\n")
    out = json.loads(cli("check", "-", "--format", "json", input=text).stdout)
    [group] = [g for g in out["groups"] if g["kind"] == "money"]
    assert group["topic"] == "Coastal Resilience Fund" and len(group["claims"]) == 2
    assert out["coverage"]["unattributed_claims"] == 1


def test_one_word_inside_a_longer_name_does_not_make_a_short_form() -> None:
    long = attributed("The £40 million Andes Amazon Biodiverse Landscape Fund opened.", "£40 million",
                      doc_id="a.txt")[0]
    short = attributed("The £90 million Amazon Fund opened.", "£90 million", doc_id="b.txt")[0]
    aid = attributed("We have given £30 million in humanitarian food security support.", "£30 million",
                     doc_id="c.txt")[0]
    other_aid = attributed("We have given £24 million in humanitarian support.", "£24 million", doc_id="d.txt")[0]
    groups = group_claims([long, short, aid, other_aid])
    assert not together(groups, long, short)
    assert not together(groups, aid, other_aid)


def test_a_name_without_an_inner_capitalised_word_is_a_wider_name() -> None:
    """ "Coastal Flood Innovation Programme" may be the umbrella that holds the "Coastal Flood Resilience
    Innovation Programme": not its short form, though the same name restated still joins."""
    long = attributed("The £150 million Coastal Flood Resilience Innovation Programme opened.", "£150 million",
                      doc_id="a.txt")[0]
    wider = attributed("The £200 million Coastal Flood Innovation Programme opened.", "£200 million",
                       doc_id="b.txt")[0]
    again = attributed("Bids to the £180 million Coastal Flood Resilience Innovation Programme closed.",
                       "£180 million", doc_id="c.txt")[0]
    groups = group_claims([long, wider, again])
    assert not together(groups, long, wider)
    assert together(groups, long, again)


def test_a_generic_subject_groups_across_statements_only_when_measure_and_period_agree() -> None:
    from test_attribute import framed

    [a] = framed("The bursary scheme cost £3 million in 2023-24.", "a.md")
    [b] = framed("The bursary scheme cost £4 million in 2023-24.", "b.md")
    [c] = framed("The bursary scheme cost £5 million in 2022-23.", "c.md")
    [d] = framed("The bursary scheme cost £6 million.", "d.md")
    assert not is_specific(a.topic, a.topic_key)
    groups = group_claims([a, b, c, d])
    assert together(groups, a, b)
    assert not together(groups, a, c) and not together(groups, a, d)


def test_a_name_without_its_lower_case_description_is_the_same_subject() -> None:
    from test_attribute import framed

    [long] = framed("The €640 million Brenner light-rail programme opens in 2027.", "a.md")
    [short] = framed("The Brenner programme, costing €710m, is late.", "b.md")
    [named] = framed("The £2 million Halden Housing Fund opened.", "c.md")
    [other] = framed("The £3 million Halden Fund opened.", "d.md")
    groups = group_claims([long, short, named, other])
    assert together(groups, long, short)
    assert not together(groups, named, other)  # "Housing" is part of that name


def test_a_short_form_fitting_two_described_names_joins_neither() -> None:
    from test_attribute import framed

    ferry, bus = framed("The £12 million Halden ferry service starts in May. The £30 million Halden bus "
                        "service starts in June.", "a.md")
    [short] = framed("The Halden service has cost £14 million so far.", "b.md")
    groups = group_claims([ferry, bus, short])
    assert not together(groups, ferry, bus)
    assert not together(groups, ferry, short) and not together(groups, bus, short)


def test_a_names_first_word_alone_joins_the_one_name_it_starts() -> None:
    from test_attribute import framed

    [full] = framed("Meridian Rail Freight is worth £40 million.", "a.md")
    [short] = framed("Meridian is worth £52 million, analysts say.", "b.md")
    [ferries] = framed("Northwind Ferries is worth £9 million.", "c.md")
    [ports] = framed("Northwind Ports is worth £12 million.", "d.md")
    [either] = framed("Northwind is worth £15 million, analysts say.", "e.md")
    groups = group_claims([full, short, ferries, ports, either])
    assert together(groups, full, short)
    assert not together(groups, either, ferries) and not together(groups, either, ports)


def test_a_name_that_drops_a_leading_name_word_is_a_different_programme() -> None:
    from test_attribute import framed

    [long] = framed("The £39 billion Highland and Rural Broadband Programme starts in 2026.", "a.md")
    [short] = framed("The £11.5 billion Rural Broadband Programme ends in 2026.", "b.md")
    assert not together(group_claims([long, short]), long, short)


def test_a_thing_of_a_named_owner_is_neither_the_owner_nor_a_thing_of_an_adjective() -> None:
    from factcheck.group import cluster_topics

    described = {"orla transport pilot scheme": frozenset({"pilot", "scheme"}),
                 "university northmoor campus masterplan": frozenset({"campus", "masterplan"}),
                 "welsh human right": frozenset({"human", "right"})}
    keys = ["orla transport", "orla transport pilot scheme", "campus masterplan",
            "university northmoor campus masterplan", "human right", "welsh human right"]
    clusters = cluster_topics(keys, Settings(), described=described)
    assert clusters["orla transport"] != clusters["orla transport pilot scheme"]
    assert clusters["campus masterplan"] == clusters["university northmoor campus masterplan"]
    assert clusters["human right"] != clusters["welsh human right"]


def test_a_numbered_part_of_a_subject_is_not_the_subject() -> None:
    """ "Stage 2" says which part: it meets the same part, never the whole nor another stage."""
    def claim(topic: str, doc: str) -> Claim:
        from factcheck.topics import topic_key

        return Claim(id=f"{doc}:0", doc=doc, start=0, end=3, text="120", sentence="120 families.", kind="count",
                     value=120, lo=120, hi=120, topic=topic, topic_key=topic_key(topic), metric="families")
    whole, alias = claim("Lakeland Rehousing Scheme", "a"), claim("LRS", "b")
    whole = whole.model_copy(update={"topic_aliases": ["lakeland rehousing scheme", "lrs"]})
    stage2, stage2_again, stage3 = claim("LRS Stage 2", "c"), claim("LRS Stage 2", "d"), claim("LRS Stage 3", "e")
    groups = group_claims([whole, alias, stage2, stage2_again, stage3])
    assert together(groups, whole, alias) and together(groups, stage2, stage2_again)
    assert not together(groups, whole, stage2) and not together(groups, stage2, stage3)
