"""Differing figures for the same thing: statements that each give one figure, and the figures disagree.

Figures are compared as intervals (Claim.interval: a qualifier's bound as written, an exact figure
widened by its written precision), so "over £800 million" and "more than £680 million" do not
contradict and "£4.7m" equals "£4.7 million". They disagree when no single value fits them all.

Like is compared with like: totals with totals, a rate ("£3bn a year") with rates of the same unit, a
pledge with pledges, an outturn with outturns, and a part (an allocation, a grant to a named
recipient) only with parts for the same recipient - never a part with the whole it comes out of.
An outturn that differs from a pledge is reported at info with both figures. The unit of comparison
is a sentence: one sentence giving several different figures is a list of several things and is left
out, and one figure restated in the same document agrees with itself; two sentences of one document
that give a subject different sizes are compared like two statements. Linear in the group's size.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Literal

from rapidfuzz import fuzz

from ...attribute.measure import measure_key
from ...models import Claim
from ...text.vocabulary import MONTHS_LOWER
from .base import (
    GENERIC_SUBJECT_WORDS,
    Context,
    Hit,
    Params,
    below,
    claim_at,
    claim_prefix,
    claim_suffix,
    date_key,
    describe,
    described_alike,
    doc_hash,
    interval_note,
    named_near,
    words_pattern,
)

NAME = "differing-values"
SUMMARY = "statements give figures for the same group whose intervals do not overlap"
PLACEHOLDERS = ("figures", "count")
NEEDS_TEXT = False


class DifferingValuesParams(Params):
    tolerance: float = 0.0  # extra relative slack beyond the written precision (0.01 = 1 %)
    compatible_severity: Literal["info", "none"] = "info"  # written figures differ but intervals overlap
    increase_cues: tuple[str, ...] = ("additional", "extra", "further", "top-up", "top up", "increase of",
                                "increased by", "rise of", "uplift of", "boost of")
    # Money measures of things handed out (funding, grants, allocations): in one year they go to many
    # recipients and purposes, so the same stated year alone does not make two figures one amount.
    handed_out_measures: tuple[str, ...] = ("funding", "funding increase", "funding reduction")
    # Words that make an amount a top-up of something already there: the text's own reason for a difference.
    top_up_cues: tuple[str, ...] = ("a further", "further", "top-up", "top up", "increase of", "increased by",
                                    "rise of", "uplift of", "boost of", "another")
    max_shown: int = 3  # figures named in the message; the rest are counted
    # When a disagreement is weak evidence, it is reported at info instead of the rule's severity:
    max_ratio: float = 10.0  # figures further apart than this are more likely different measures than a slip
    max_distinct: int = 3  # a subject given more different figures than this is likely several subjects
    # What to do with a disagreement whose figures are not tied to the subject (not named near them, or
    # another fund or scheme named nearer), or are more than max_ratio apart: report it at info, or not
    # at all (it is more likely two things under one name than one thing misstated).
    untied: Literal["info", "none"] = "info"
    beyond_ratio: Literal["info", "none"] = "info"
    # A disagreement that is weak evidence (money never stated as the thing's size, counts or shares not said
    # for one period) whose two sentences share no words describing the figure (besides its subject and
    # measure: "recruited", "newly qualified") is more likely two things under one name; read on written
    # answers, none such was a real conflict. Report it at info, or not at all.
    undescribed_weak: Literal["info", "none"] = "info"
    # Kinds whose true value changes over time (a count of people, claims, schools): they disagree only
    # when said for the same stated period.
    time_varying_kinds: tuple[str, ...] = ("count", "percent")  # a rate ("unemployment at 4.2%") is a level
    # Measures reset from time to time (a fare cap, an allowance, a wage rate: metric "level"): likewise.
    time_varying_metrics: tuple[str, ...] = ("level",)
    # Money given, spent or allocated varies by year and recipient; a stated size of a thing ("the £200
    # million Innovation Programme", "a fund worth £5m") does not. Without a size statement on either
    # side the disagreement is info.
    require_size_statement: bool = True
    size_cues: tuple[str, ...] = ("worth", "budget of", "totalling", "totaling", "totals", "total of",
                                  "valued at", "value of", "size of", "will cost", "is expected to cost",
                                  "is forecast to cost", "is estimated to cost")
    # "£70 million per year", "£800 million a year": a rate is not a total, and is left out.
    rate_pattern: str = (r"^\s*(?:per|a|an|each|every)\s+(?:year|annum|month|week|day|hour)\b"
                         r"|^\s*(?:annually|hourly)\b")
    # A figure is tied to its subject when the subject's distinctive words are named near it (not only
    # carried over from an earlier sentence or named elsewhere in a long one): at least this share of
    # them within `subject_window` words before or after the figure.
    subject_window: int = 8
    subject_share: float = 0.5
    generic_words: tuple[str, ...] = GENERIC_SUBJECT_WORDS
    # "has spent £272m so far": an amount spent or paid to date only says the total is at least that much.
    spent_cues: tuple[str, ...] = ("spent", "disbursed", "paid out", "drawn down", "so far", "to date", "invested",
                                   "investing", "contributed", "contributing")
    # "contributing up to £12.3m through the Fund": money passed through a vehicle likewise only bounds its size.
    channel_cues: tuple[str, ...] = ("through", "via")
    # "the fund is now worth £15m", "revised to £2.2bn": the statement itself says the figure changed.
    changed_cues: tuple[str, ...] = ("now worth", "now stands at", "now totals", "is now", "has now", "revised",
                                     "has risen to", "has grown to", "has fallen to", "raised to", "increased to",
                                     "cut to", "reduced to", "scaled back to", "updated", "has been increased to",
                                     "has been cut to", "rather than the", "reduced level",
                                     "increased level", "extended", "expanded", "topped up", "initial")


Params = DifferingValuesParams


def _agree(claims: list[Claim], tolerance: float) -> tuple[Claim, Claim] | None:
    """None when one value fits every claim's interval; else the pair that cannot both be true.

    In one dimension intervals share a point iff the largest lower end is at most the smallest upper
    end (Helly), so this is one pass instead of all pairs.
    """
    highest_floor = max(claims, key=lambda c: c.interval()[0])
    lowest_ceiling = min(claims, key=lambda c: c.interval()[1])
    if highest_floor is lowest_ceiling or not below(lowest_ceiling, highest_floor, tolerance):
        return None
    return lowest_ceiling, highest_floor


def _across_statements(claims: list[Claim], tolerance: float) -> tuple[Claim, Claim] | None:
    """The pair that cannot both be true, from two statements when there is one: the extreme pair of one
    statement (a maintenance budget beside the project's cost) must not hide a disagreement between two.

    Linear: besides the extreme pair, only the extremes among the other statements' claims are tried."""
    pair = _agree(claims, tolerance)
    if pair is None or doc_hash(pair[0]) != doc_hash(pair[1]):
        return pair
    low, high = pair
    others = [c for c in claims if doc_hash(c) != doc_hash(low)]
    if not others:
        return pair
    tries = [(min(others, key=lambda c: c.interval()[1]), high), (low, max(others, key=lambda c: c.interval()[0]))]
    values = defaultdict(set)  # the figures each statement gives
    for claim in claims:
        values[doc_hash(claim)].add(claim.value)
    # a pair whose statements each give both figures is one list said twice, not a disagreement
    across = [(a, b) for a, b in tries if _disjoint(a, b, tolerance)
              and b.value not in values[doc_hash(a)] and a.value not in values[doc_hash(b)]]
    # the closest such pair: the likeliest to be one measure misstated
    return min(across, key=lambda ab: abs(ab[1].value) / max(abs(ab[0].value), 1e-9)) if across else pair


def _disjoint(a: Claim, b: Claim, tolerance: float) -> bool:
    return _agree([a, b], tolerance) is not None


def _by_period(claims: list[Claim]) -> list[list[Claim]]:
    """Claims that may be about the same period, in disjoint sets (so the check stays linear).

    A stated period meets only itself. Figures with no period meet the one stated period when the
    group has just one (a total said once "for 2014-15" and elsewhere without a period); when it has
    several (a series over years) they are compared only with each other.
    """
    unstated = [c for c in claims if not c.period]
    by_period: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.period:
            by_period[period_key(claim.period)].append(claim)
    if len(by_period) <= 1:
        return [claims]
    return [*by_period.values(), unstated]


def period_key(period: str) -> str:
    """One spelling per period: "2024/25", "2024-25", "2024–2025" and "in 2024-25" are the same year."""
    key = re.sub(r"\s+", " ", period.lower().replace("–", "-").replace("/", "-")).strip()
    key = re.sub(r"\b((?:19|20)\d\d) ?- ?(?:19|20)?(\d\d)\b", r"\1-\2", key)
    return re.sub(r"^(?:in|for|during) (?:the )?(?:financial year )?", "", key)


def run(claims: list[Claim], params: DifferingValuesParams, ctx: Context) -> Iterator[Hit]:
    claims = [c for c in _unlinked(claims) if not _DENIED.search(claim_prefix(c, 20))]
    classes: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        measure = measure_class(claim, params)
        if measure is not None:
            classes[measure].append(claim)
    for measure in sorted(classes):
        for subset in _by_period(classes[measure]):
            yield from _compare(subset, params, ctx, measure)
    for rate in sorted({m[1] for m in classes}):
        yield from _outturn_against_pledge(classes.get(("outturn", rate, ""), []),
                                           classes.get(("pledge", rate, ""), []), params, ctx)


_RATE_UNITS = {"annum": "year", "annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
               "daily": "day", "hourly": "hour"}


def rate_unit(claim: Claim, params: DifferingValuesParams) -> str:
    """'year' for "£3bn a year" (or a period "a year"), '' for a figure that is not a rate."""
    rate = re.compile(params.rate_pattern, re.IGNORECASE)
    for text in (claim_suffix(claim, 30), claim.period or ""):
        found = rate.search(text)
        if found:
            word = re.findall(r"[a-z]+", found.group(0).lower())[-1]
            return _RATE_UNITS.get(word, word)
    return ""


# "£45 million of funding for eight trailblazers": money shared among counted recipients is their part
# (a year is no count: "for the 2022 season").
_COUNTED_RECIPIENTS = re.compile(r"^\s*(?:of\s+)?(?:funding\s+|investment\s+)?(?:for|to|between|among)\s+"
                                 r"(?:the\s+)?(?P<name>(?:(?!(?:19|20)\d\d\b)\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|"
                                 r"eleven|twelve|\w+teen|\w+ty)\s+[a-z][\w-]+)", re.IGNORECASE)
_NAME_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:to|for)\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")


def recipient_of(claim: Claim, params: DifferingValuesParams) -> str | None:
    """Who receives the figure when it is a part handed out of its subject: the attribute stage's
    recipient, else a proper name after "to"/"for" that is not the subject's own ("£12 million to
    Portsmouth", "£3m for Tyneside")."""
    if claim.recipient:
        return claim.recipient.strip().lower()
    subject = {w.rstrip("s") for w in re.findall(r"[a-z]+", (claim.topic_key or claim.topic or "").lower())}
    after = _original_suffix(claim, 60)
    counted = _COUNTED_RECIPIENTS.match(after)
    if counted:
        return counted.group("name").lower()
    named = _NAME_AFTER.match(after)
    if named:
        name = named.group("name")
        if not {w.rstrip("s") for w in re.findall(r"[a-z]+", name.lower())} & subject \
                and name.lower() not in _NOT_RECIPIENTS:
            return name.lower()
    return None


# Capitalised words after "for" that are not who gets the money.
_NOT_RECIPIENTS = MONTHS_LOWER | {"this", "that", "these", "those", "each", "every", "all", "its", "their"}


def _original_suffix(claim: Claim, chars: int) -> str:
    """The sentence just after the claim, case kept (names are capitalised)."""
    at = claim_at(claim)
    return claim.sentence[at + len(claim.text):at + len(claim.text) + chars] if at >= 0 else ""


# "£450 million for a third round of the Fund": a tranche of the subject, not its size.
_TRANCHE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:for|in|from)\s+(?:a|an|the|its|this|each)\s+"
                            r"(?:[a-z-]+\s+){0,2}?(?:round|tranche|phase|wave|stage|window|year|allocation)s?\s+of\b")
_APART = re.compile(r"\b(?:in addition to|as well as|on top of|separate(?:ly)? from|apart from|besides|"
                    r"alongside|other than|outside)\b([^,;:]{0,80})[,;:]", re.IGNORECASE)


def set_apart(claim: Claim, params: DifferingValuesParams) -> bool:
    """The sentence sets the figure apart from its subject: "In addition to the Harbour Grant, the
    department has allocated £267 million", "The £150m is new funding in addition to the £1.1bn for the
    Harbour Grant" (the phrase that names the subject before the figure, or just after it)."""
    at = claim_at(claim)
    if at < 0:
        return False
    subject = {w.rstrip("s") for w in re.findall(r"[a-z]+", (claim.topic_key or claim.topic or "").lower())
               if len(w) > 2 and w not in params.generic_words}
    end = at + len(claim.text)
    after = _APART.search(claim.sentence + ",", end)
    for m in [*_APART.finditer(claim.sentence, 0, at), *([after] if after and after.start() < end + 60 else [])]:
        if {w.rstrip("s") for w in re.findall(r"[a-z]+", m.group(1).lower())} & subject:
            return True
    return False


# "£1 billion CDEL or £800 million RDEL", "£5m or £7m": one of two figures offered as alternatives (a
# threshold, an option), never a statement of what something is
_OR_FIGURE_BEFORE = re.compile(r"\d[\d,.]*\s*(?:[a-z]+\s+)?(?:[A-Za-z]+\s+)?or\s+$", re.IGNORECASE)
_OR_FIGURE_AFTER = re.compile(r"^\s*(?:[A-Za-z]+\s+){0,2}or\s+(?:[£$€¥₹]|\d)", re.IGNORECASE)


def _alternative(claim: Claim) -> bool:
    at = claim_at(claim)
    if at < 0:
        return False
    before = claim.sentence[max(0, at - 40):at]
    after = claim.sentence[at + len(claim.text):at + len(claim.text) + 40]
    return bool(_OR_FIGURE_BEFORE.search(before) or _OR_FIGURE_AFTER.match(after))


def measure_class(claim: Claim, params: DifferingValuesParams) -> tuple[str, str, str] | None:
    """(what the figure is, its rate unit, its recipient): only figures of one class are compared.

    None for a part with no recipient: it cannot be matched to another part of the same thing.
    """
    if set_apart(claim, params) or _TRANCHE_AFTER.match(claim_suffix(claim, 60)):
        return None
    rate = rate_unit(claim, params)
    recipient = recipient_of(claim, params)
    if claim.role == "part" or recipient:
        return ("part", rate, recipient) if recipient else None
    if claim.role == "target":
        return "pledge", rate, ""
    if claim.role == "outturn":
        return "outturn", rate, ""
    if claim.role == "per_unit":
        return None
    return "total", rate, ""


def _unlinked(claims: list[Claim]) -> list[Claim]:
    """Without the claims linked to another of them by `related` (the two ends of "from £7bn to £6bn",
    of a range, of a ratio): such a pair describes one change or span, never two totals to compare."""
    ids = {c.id for c in claims}
    linked = {c.id for c in claims if c.related in ids} | {c.related for c in claims if c.related in ids}
    return [c for c in claims if c.id not in linked]


# "pledged £425 million (not £785 million)", "rather than £5m": a figure the statement denies.
_DENIED = re.compile(r"\b(?:not|never|rather than|instead of|as opposed to)\s+(?:the\s+)?$", re.IGNORECASE)


def _is_increment(claim: Claim, cues: re.Pattern[str], by_role: bool = True) -> bool:
    """An amount added to something ("a further £16 million", "a £300m boost"): a tranche, not a total.

    "An extra £100 million for the programme" is not enough on its own: a new programme's money is often
    called extra (extra to existing budgets) and is then its whole size; the finding notes the word. So
    as the text's reason for a difference (`by_role=False`) only a top-up word counts, not the role."""
    before = claim_prefix(claim, 25).rstrip()
    cue = next((m for m in cues.finditer(before) if m.end() == len(before)), None)  # "a further £450m", not
    return (by_role and claim.role == "increase") or cue is not None \
        or _INCREMENT_AFTER.match(claim_suffix(claim, 30)) is not None  # "Further to this, the £1.2bn"


_RELATES_TO_TOTAL = re.compile(r"\b(?:bring(?:s|ing)?|tak(?:es|ing)|on top of|in addition to|total(?:ling)?|"
                               r"overall|increas(?:es|ing) (?:it|the fund|the total))\b", re.IGNORECASE)
# "the £500 million funding uplift", "a £16m boost to": the figure names an addition.
_INCREMENT_AFTER = re.compile(r"^\s*(?:[a-z-]+\s+){0,2}?(?:uplift|boost|top-up|top up|increase|injection|rise)\b",
                              re.IGNORECASE)


def _compare(claims: list[Claim], params: DifferingValuesParams, ctx: Context,
             measure: tuple[str, str, str] = ("total", "", "")) -> Iterator[Hit]:
    claims, spent_ids = _as_bounds(claims, params)
    if len(claims) < 2:
        return
    statements: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:  # identical texts (one answer given twice) share a key, and count once
        statements[(doc_hash(claim), claim.sentence_start)].append(claim)
    single: list[Claim] = []  # sentences that give one figure (all their claims agree)
    ambiguous = 0
    for said in statements.values():
        # Several different figures in one sentence ("up to £86m ..., up to £200m ...") are several things,
        # even when as bounds they could agree.
        # ... and so are figures offered as alternatives ("£1bn CDEL or £800m RDEL for X, £250m for Y")
        if len({c.value for c in said}) > 1 or _agree(said, params.tolerance) is not None \
                or any(_alternative(c) for c in said):
            ambiguous += 1
        else:
            single.extend(said)
    single, outliers = _without_outliers(single, params.max_ratio)
    ambiguous += outliers
    if len({(doc_hash(c), c.sentence_start) for c in single}) < 2:
        return
    conflict = _across_statements(single, params.tolerance)
    if conflict is not None:
        low, high = conflict
        pair_statements = {doc_hash(low): low.value, doc_hash(high): high.value}
        # other figures of the pair's own statements are other things they size, not a third opinion
        involved = [c for c in single if c in conflict or (
            (_disjoint(c, low, params.tolerance) or _disjoint(c, high, params.tolerance))
            and pair_statements.get(doc_hash(c), c.value) == c.value)]
        cues = words_pattern(params.increase_cues)
        periods = {period_key(c.period) if c.period else None for c in involved}
        if all(_is_increment(c, cues) for c in involved) and (len(periods) != 1 or None in periods
                                                             or all(c.kind == "count" for c in involved)):
            # different increments (this year's top-up, last year's) do not contradict, nor do counts of
            # "a further five" said at different times (each counts from an unstated moment)
            return
        hit = _hit(involved, (low, high), ambiguous, params, ctx, compatible=False, measure=measure)
        if (params.untied == "none" and any(_UNTIED in a for a in hit.assumptions)) or \
                (params.beyond_ratio == "none" and any(_BEYOND in a for a in hit.assumptions)):
            return
        if params.undescribed_weak == "none" and any(_NO_SIZE in a or _NOT_SAME_TIME in a for a in hit.assumptions) \
                and not described_alike(*sorted((low, high), key=_when)):
            return  # weak evidence, and the sentences share no words for what the figure is: two things
        if doc_hash(low) == doc_hash(high) and not _sizes_in_one_statement(low, high, hit, params):
            return
        yield hit
    elif len({c.value for c in single if c.id not in spent_ids}) >= 2 and params.compatible_severity != "none" \
            and len({doc_hash(c) for c in single}) > 1:
        yield _hit(single, None, ambiguous, params, ctx, compatible=True, measure=measure)


_PERCENTS = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b)")
_NO_SIZE = "no figure is stated as the size of the thing"
_NOT_SAME_TIME = "change over time and these were not said for the same stated period"
_UNTIED = "so the figures may be about different things"
_BEYOND = "more likely different measures than one misstated"
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def _sizes_in_one_statement(low: Claim, high: Claim, hit: Hit, params: DifferingValuesParams) -> bool:
    """Within one statement two figures for one subject are usually two things (first and second
    payments, this year and last); they contradict only when both are given as its size, near its name,
    for no different year, and nothing else weakens the evidence."""
    if hit.severity is not None or low.kind != "money":
        return False  # counts in one statement are usually of different subsets ("those schools", "all schools")
    if not all(is_size_statement(c, params) and named_near(c, 6, 1.0, params.generic_words) for c in (low, high)):
        return False
    years = [set(_YEARS.findall(c.sentence)) for c in (low, high)]
    return not (years[0] and years[1] and years[0] != years[1])


def _without_outliers(claims: list[Claim], max_ratio: float) -> tuple[list[Claim], int]:
    """Leave out figures more than max_ratio from the median figure ("the £260m scheme ... part of a
    €3.4bn allocation"): another measure under the subject's name, which would hide the real pair."""
    values = sorted(abs(c.value) for c in claims)
    median = values[len(values) // 2] if values else 0
    if not median or len(values) < 3:
        return claims, 0
    kept = [c for c in claims if median / max_ratio <= abs(c.value) <= median * max_ratio]
    kept_ids = {c.id for c in kept}
    statements = {(doc_hash(c), c.sentence_start) for c in claims if c.id not in kept_ids}
    return kept, len(statements)


def _as_bounds(claims: list[Claim], params: DifferingValuesParams) -> tuple[list[Claim], set[str]]:
    """An amount spent so far, or passed "through" the subject, only says its size is at least that."""
    spent = words_pattern(params.spent_cues)
    channel = re.compile(r"^\s*" + words_pattern(params.channel_cues).pattern, re.IGNORECASE)
    spent_ids = {c.id for c in claims if spent.search(claim_prefix(c, 40)) or spent.search(claim_suffix(c, 20))
                 or channel.match(claim_suffix(c, 20))}
    return [c.model_copy(update={"hi": None, "bound": "lower"}) if c.id in spent_ids and c.hi is not None else c
            for c in claims], spent_ids


def _outturn_against_pledge(outturns: list[Claim], pledges: list[Claim], params: DifferingValuesParams,
                            ctx: Context) -> Iterator[Hit]:
    """What was spent or achieved against what was pledged, for one period: info, both figures shown."""
    for outturn in outturns:
        for pledge in pledges:
            same_period = (period_key(outturn.period) if outturn.period else None) == \
                (period_key(pledge.period) if pledge.period else None)
            if not same_period or doc_hash(outturn) == doc_hash(pledge) or not _disjoint(outturn, pledge,
                                                                                          params.tolerance):
                continue
            pair = sorted([pledge, outturn], key=_when)
            yield Hit(claims=pair,
                      fields={"figures": f"{describe(pledge)} pledged or planned vs {describe(outturn)} "
                                         "spent or achieved", "count": "2"},
                      assumptions=[_same_subject(pair, ctx), interval_note(pledge), interval_note(outturn),
                                   "reported as info: an outturn often differs from the pledge or budget it "
                                   "delivers, and the difference may be explained elsewhere"],
                      severity="info")
            return  # one such pair per group says what there is to say


def _when(claim: Claim) -> tuple[str, str, int]:
    """Earliest statement first; undated ones last."""
    return (date_key(claim) or "9999", claim.doc, claim.start)


def _hit(involved: list[Claim], pair: tuple[Claim, Claim] | None, ambiguous: int, params: DifferingValuesParams,
         ctx: Context, compatible: bool, measure: tuple[str, str, str] = ("total", "", "")) -> Hit:
    earliest: dict[float, Claim] = {}  # one claim per distinct value: the first to say it
    for claim in sorted(involved, key=_when):
        earliest.setdefault(claim.value, claim)
    shown = list(earliest.values())
    # The message names the two figures that cannot both be true, in the order they were said.
    named = sorted(pair, key=_when) if pair else shown[: params.max_shown]
    figures = " vs ".join(describe(c) for c in named)
    others = len(shown) - len({c.value for c in named})
    if others > 0:
        figures += f" and {others} more differing figure(s)"
    assumptions = [_same_subject(involved, ctx), _measure_note(measure)]
    assumptions += [interval_note(c) for c in named]
    weak = [] if compatible else _weak_evidence(involved, len(shown), params)
    weak += [] if compatible else _explained(named, measure, params)
    if compatible:
        assumptions.append("the figures differ as written, but as bounds they can all be true at once")
    assumptions += [f"reported as info: {why}" for why in weak]
    cues = words_pattern(params.increase_cues)
    for claim in named:
        cue = cues.search(claim_prefix(claim, 40))
        if claim.role == "increase" or cue:
            why = f"'{cue.group(0)}'" if cue else "its role is an increase"
            assumptions.append(f"{claim.text.strip()!r} is described as an addition ({why}): it may be a "
                               "tranche or top-up rather than the whole amount")
    undated = sum(1 for c in named if not c.date)
    assumptions.append("statement dates: " + ", ".join(f"{c.text.strip()!r} {c.date or 'date unknown'}"
                                                       for c in named)
                       + (" (the date is unknown, so which came first cannot be said; compared all the same)"
                          if undated else ""))
    stated = {c.period for c in involved if c.period}
    unstated = list(dict.fromkeys(c.text.strip() for c in involved if not c.period))
    if not stated:
        assumptions.append("no period stated; assumed the same")
    else:
        assumptions.append(f"period: {sorted(stated)[0]}"
                           + (f"; {', '.join(repr(t) for t in unstated)} state(s) none and were assumed to be "
                              "for it" if unstated else ""))
    if ambiguous:
        assumptions.append(f"left out {ambiguous} statement(s) that themselves give several figures for this, "
                           f"or whose figure is more than {params.max_ratio:g}-fold from the others'")
    return Hit(claims=sorted(involved, key=_when), fields={"figures": figures, "count": str(len(shown))},
               assumptions=assumptions, severity="info" if compatible or weak else None)


def _measure_note(measure: tuple[str, str, str]) -> str:
    what, rate, recipient = measure
    kind = {"total": "totals", "pledge": "pledges or plans", "outturn": "outturns (spent or achieved)",
            "part": f"parts given to {recipient}"}[what]
    return f"compared as {kind}" + (f" per {rate}" if rate else "") + (
        "; parts and allocations are never set against the whole they come from" if what == "part" else
        "; a part, a grant to a named recipient or a rate is not compared with these")


def _explained(named: list[Claim], measure: tuple[str, str, str], params: DifferingValuesParams) -> list[str]:
    """The text gives a reason for the difference: a later statement says the figure changed, or a pledge."""
    changed = words_pattern(params.changed_cues)
    reasons = []
    # A top-up against a total is explained when it is called a top-up ("a further £40m", "a £16m boost") or
    # its own sentence relates it to the total ("bringing the total to"). "An extra £100m" alone is not:
    # a tranche presented alone is still a warning, with the word noted in the assumptions.
    top_ups, increase = words_pattern(params.top_up_cues), words_pattern(params.increase_cues)
    increments = [c for c in named if _is_increment(c, top_ups, by_role=False)
                  or (_is_increment(c, increase) and _RELATES_TO_TOTAL.search(c.sentence))]
    if increments and len(increments) < len(named):  # two top-ups are compared like totals
        reasons.append(f"{increments[0].text.strip()!r} is described as an addition or top-up, which the "
                       "text gives as the reason the figures differ")
    first, second = named[0], named[-1]
    lists = [set(_PERCENTS.findall(c.sentence)) for c in (first, second)] if first.kind == "percent" else []
    if lists and min(len(x) for x in lists) >= 3 and not lists[0] & lists[1]:
        reasons.append(f"each statement lists {len(lists[0])} and {len(lists[1])} shares and not one of them "
                       "agrees: two lists of the same groups measuring different things, not one share misstated")
    if first.scope and second.scope and not {s.lower() for s in first.scope} & {s.lower() for s in second.scope}:
        reasons.append(f"{first.text.strip()!r} is said for {', '.join(first.scope)} and {second.text.strip()!r} "
                       f"for {', '.join(second.scope)}: figures for different places or parties")
    for claim in named:
        cue = changed.search(claim_prefix(claim, 40))
        if cue:
            reasons.append(f"a statement says the figure changed ('{cue.group(0)}')")
            break
    periods = {period_key(c.period) if c.period else None for c in named}
    same_period = len(periods) == 1 and None not in periods
    if measure[0] == "pledge" and not reasons and not same_period:
        reasons.append("both are pledges or plans, not said for the same stated period, and pledges are "
                       "revised from time to time: the pledge changed")
    if measure[1] and not reasons and not same_period:
        reasons.append(f"rates (per {measure[1]}) are set from time to time and these were not said for the "
                       "same stated period")
    return reasons


def _weak_evidence(involved: list[Claim], distinct: int, params: DifferingValuesParams) -> list[str]:
    """Why this disagreement is weak evidence of an error (empty when it is strong).

    The test runs on the figures tied to the subject (named near it): if those still disagree, the
    other checks look at them; figures only inferred to be about the subject do not make a warning.
    """
    others = {c.id: name for c in involved if (name := other_subject_nearer(c, params))}
    heads = [head_phrase(c, params) for c in involved]
    shared = {h for h in heads if h and heads.count(h) > 1}
    # a claim that names no subject is tied by the words it is described in, shared with another claim
    unnamed = {c.id for c in involved if not c.topic_key
               and any(o is not c and described_alike(c, o) for o in involved)}
    tied = [c for c, h in zip(involved, heads, strict=True)
            if (subject_named_near(c, params) or h in shared or c.id in unnamed) and c.id not in others]
    conflict = _agree(tied, params.tolerance) if len(tied) >= 2 else None
    if conflict is None:
        loose = [c for c in involved if c not in tied]
        if any(c.id in others for c in loose):
            return [f"another subject is named nearer to {c.text.strip()!r} ({others[c.id]!r}), {_UNTIED}"
                    for c in loose if c.id in others][:2]
        return ["the subject is not named near " + ", ".join(repr(c.text.strip()) for c in loose[:3])
                + f" (its topic was inferred from context), {_UNTIED}"]
    reasons = []
    low, high = conflict
    fiscal = [c for c in (low, high) if c.period and _FINANCIAL_YEAR.fullmatch(period_key(c.period))]
    if len(fiscal) == 1:
        one, other = fiscal[0], high if fiscal[0] is low else low
        if not other.period:
            reasons.append(f"{one.text.strip()!r} is for one financial year ({one.period}) and "
                           f"{other.text.strip()!r} states no period: a year's amount is not the whole")
    if low.value and abs(high.value) > params.max_ratio * abs(low.value):
        reasons.append(f"the figures differ more than {params.max_ratio:g}-fold, so they are {_BEYOND}")
    if distinct > params.max_distinct:
        reasons.append(f"{distinct} different figures for one subject suggest several subjects under one name")
    money = [c for c in tied if c.kind == "money"]
    sized_phrase = any(h and h.split()[-1] in _SIZED_THINGS for h in shared)  # "the £2.4bn renewal programme"
    # "revenue of €84.5m for 2022" against "its 2022 revenue was €79m": a measure an organisation reports
    # (revenue, profit, cost: not money handed out, which goes to many recipients and purposes in one year)
    # for one stated period leaves no year or recipient to explain the difference.
    # (A rate's "a year" is not a period: "would spend £3bn a year" says how much, not when.)
    one_period = all(c.period and re.search(r"\d", c.period) for c in (low, high)) \
        and len({period_key(c.period or "") for c in (low, high)}) == 1 \
        and not any(c.recipient or c.role == "increase" for c in (low, high)) \
        and all(c.metric and measure_key(c.metric, c.kind) not in params.handed_out_measures for c in (low, high))
    if params.require_size_statement and money and not sized_phrase and not one_period \
            and not any(is_size_statement(c, params) for c in money):
        reasons.append(f"{_NO_SIZE} (as in 'the £5m fund' or 'worth £5m'); amounts given or spent differ by year "
                       "and recipient")
    if any(c.kind in params.time_varying_kinds or c.metric in params.time_varying_metrics for c in tied):
        periods = {period_key(c.period) if c.period else None for c in tied}
        if len(periods) != 1 or None in periods:
            what = "counts and shares" if any(c.kind in params.time_varying_kinds for c in tied) else "rates and levels"
            reasons.append(f"{what} {_NOT_SAME_TIME}")
    return reasons


_FINANCIAL_YEAR = re.compile(r"(?:19|20)\d\d-\d\d")
# A named fund, programme or scheme: capitalised words (small joining words allowed) ending in its head.
_NAMED_SUBJECT = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:in|of|and|for|on|to|[A-Z][\w’'-]+))*\s+"
                            r"(?i:fund|programme|program|scheme|grant|initiative|partnership|facility|deal|account)\b")


def other_subject_nearer(claim: Claim, params: DifferingValuesParams) -> str | None:
    """A fund, programme or scheme other than the claim's subject, named nearer to the figure than the
    subject is ("... the Accelerators programme, investing £200 million through the Places Fund")."""
    at = claim_at(claim)
    if at < 0:
        return None
    end = at + len(claim.text)
    skip = set(params.generic_words)
    ordered = [w.rstrip("s") for w in re.findall(r"[a-z]+", (claim.topic_key or claim.topic or "").lower())
               if len(w) > 2 and w not in skip]
    subject = set(ordered)
    if not subject:
        return None

    def distance(lo: int, hi: int) -> int:
        return lo - end if lo >= end else (at - hi if hi <= at else 0)

    # The subject's name: its distinctive words in order, a word or two apart at most.
    name = re.compile(r"\W+(?:\w+\W+){0,2}?".join(re.escape(w) + r"\w*" for w in ordered), re.IGNORECASE)
    own = [distance(m.start(), m.end()) for m in name.finditer(claim.sentence)]
    nearest_own = min(own, default=10 ** 6)
    # "The £50 million adoption and special guardianship support fund" when the subject is "Adoption England":
    # a thing that shares a word with the subject but is not it.
    phrase = re.match(r"\s*((?:[A-Za-z’'-]+\s+){0,7}?(?:" + "|".join(_SIZED_THINGS) + r"))\b",
                      claim.sentence[end:end + 90], re.IGNORECASE)
    if phrase and not re.search(r"\b(?:for|to|in|on|from|with|by|at|which|that)\b", phrase.group(1), re.IGNORECASE):
        found = [w.rstrip("s") for w in re.findall(r"[a-z]+", phrase.group(1).lower()) if len(w) > 2 and w not in skip]
        words = set(found)
        # ... unless the phrase is the subject's own thing: "our £300m campus masterplan" for the subject
        # "University of Northmoor campus masterplan"
        if words & subject and not subject <= words and ordered[-len(found):] != found:
            return phrase.group(1)
    for m in _NAMED_SUBJECT.finditer(claim.sentence):
        words = {w.rstrip("s") for w in re.findall(r"[a-z]+", m.group(0).lower()) if len(w) > 2 and w not in skip}
        if words and not words & subject and distance(m.start(), m.end()) < nearest_own:
            return m.group(0)
    return None


def _same_subject(claims: list[Claim], ctx: Context) -> str:
    """How the claims were judged to be about one thing: the group, and the fuzzy match of topic keys."""
    keys = sorted({c.topic_key for c in claims if c.topic_key})
    topic = ctx.group.topic if ctx.group else (claims[0].topic or "")
    if len(keys) >= 2:
        score = fuzz.token_set_ratio(keys[0], keys[-1])
        return f"same subject: topic keys {keys[0]!r} ≈ {keys[-1]!r} (rapidfuzz token_set_ratio {score:.0f})"
    if keys:
        return f"same subject: every claim has topic key {keys[0]!r}"
    return f"same subject: grouped as {topic!r}" if topic else "same subject: grouped together"


_PREPOSITIONS = {"to", "for", "of", "into", "in", "on", "from", "through", "towards", "across", "by", "at", "with",
                 "and", "or", "over", "per", "a", "each"}


def is_size_statement(claim: Claim, params: DifferingValuesParams) -> bool:
    """Whether the figure is given as the size of its subject: it modifies the subject's name
    ("£200 million Innovation Programme") or follows a size word ("worth £5m", "a budget of £5m")."""
    # the subject's words as keyed and as written ("opera" is keyed as its singular "opus")
    topic_words = {w.rstrip("s") for w in re.findall(r"[a-z]+", " ".join(
        t for t in (claim.topic_key, claim.topic, claim.topic_mention) if t).lower()) if len(w) > 2}
    cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in params.size_cues)
    # "the Fund, worth £5m", "the scheme is worth £5m": the size word must follow the subject's name.
    prefix = claim_prefix(claim, 90)
    named = re.search(rf"((?:[a-z’'\-]+\s+){{0,2}}[a-z’'\-]+)[\s,]*(?:(?:is|was|are|were|has been|will be|has)\s+)?"
                      rf"(?:an?\s+)?(?:(?:total|overall|combined|entire|whole|[a-z]+)\s+)?(?:{cues})\s*$", prefix)
    if named:  # "the Orchard Grant is worth £14m", "X has a total budget of £5m": the subject's name just before
        words = [w for w in named.group(1).split() if w not in params.generic_words] or named.group(1).split()[-1:]
        if words[-1].rstrip("s") in topic_words:
            return True
    # "X's budget for 2025-26 is £94m", "Y's total prize pool totals $3m": the subject's own size, said of it
    owned = re.search(r"([a-z’'\-]+)['’]s\s+(?:[\w-]+\s+){0,3}?(?:budget|cost|value|worth|size|pool|pot|funding)\b"
                      r"[^.;]{0,60}?\b(?:is|was|are|were|totals?|totalled|stands? at|came to|comes? to)\s*$", prefix)
    if owned:
        return owned.group(1).rstrip("s") in topic_words
    # "the approved budget for the GCDP is $1.52bn", "the cost of the X Bridge was £90m": the same, said with "for"/"of"
    of_it = re.search(r"\b(?:budget|cost|value|size|price)\s+(?:for|of)\s+(?:the\s+)?((?:[\w’'\-]+\s+){0,5}?[\w’'\-]+)"
                      r"\s+(?:is|was|are|were|totals?|totalled|stands? at|came to|comes? to)\s*$", prefix)
    if of_it:
        return of_it.group(1).split()[-1].rstrip("s") in topic_words
    # "the festival is working with a production budget of R38m", "the 2024 KSF was staged on a budget of
    # R43m": a budget is the size of what has it, named earlier in the clause ("a total of £X has been paid
    # to service providers" or "a value of £378m" say how much of something, not whose size)
    budget = re.search(r"\bbudget\s+of\s*$", prefix)
    if budget:
        before = [w.rstrip("s") for w in re.findall(r"[a-z’'\-]+", prefix[:budget.start()])][-12:]
        mention = {w.rstrip("s") for w in re.findall(r"[a-z]+", (claim.topic_mention or "").lower()) if len(w) > 1}
        distinctive = {w for w in topic_words if w not in params.generic_words}
        near = set(before)
        if (mention and mention <= near) or (distinctive and len(distinctive & near) * 2 >= len(distinctive)):
            return True
    if named:
        return False
    following = re.findall(r"[a-z’'\-]+", claim_suffix(claim, 60))[:4]
    for word in following:
        if word in _PREPOSITIONS:
            return False
        if word.rstrip("s") in topic_words:
            return True
    return False


# Heads of a noun phrase a figure can be the size of ("the £2.4bn renewal programme", "a £40m package").
_SIZED_THINGS = frozenset({"programme", "program", "fund", "scheme", "plan", "package", "project", "budget", "deal",
                           "contract", "initiative", "settlement", "masterplan", "refit", "upgrade", "extension"})


def head_phrase(claim: Claim, params: DifferingValuesParams) -> str | None:
    """The noun phrase the figure modifies ("£2.4bn investment programme" -> "investment programme"),
    when it holds a word that is not generic: two figures of one subject's group modifying the same
    phrase are tied to one thing however far the subject's name is."""
    words = []
    for word in re.findall(r"[a-z’'\-]+|[^\sa-z]", claim_suffix(claim, 40))[:2]:
        if not word[0].isalpha() or word in _PREPOSITIONS or word in ("is", "was", "will", "has", "are", "were"):
            break
        words.append(word.rstrip("s"))
    if not any(w not in params.generic_words for w in words):
        return None
    return " ".join(words)


def subject_named_near(claim: Claim, params: DifferingValuesParams) -> bool:
    return named_near(claim, params.subject_window, params.subject_share, params.generic_words)
