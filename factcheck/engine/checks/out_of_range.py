"""Shares outside 0-100 %: "115% of pupils" cannot be a share of pupils.

Only percentages that read as a share of a population are checked: followed by "of" and a group
("of pupils", "of all schools"), and not preceded by change words ("an increase of 150%", "up 150%")
nor of a reference quantity ("150% of the 2010 level"), which may well exceed 100.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...models import Claim
from .base import Context, Hit, Params, claim_prefix, claim_suffix, describe, interval_note, words_pattern

NAME = "out-of-range"
SUMMARY = "a share of a population is below 0 % or above 100 %"
PLACEHOLDERS = ("figure", "minimum", "maximum")
NEEDS_TEXT = False


class OutOfRangeParams(Params):
    minimum: float = 0.0
    maximum: float = 100.0
    change_words: tuple[str, ...] = ("increase", "increased", "rise", "rose", "growth", "grew", "up", "by", "more",
                               "higher", "above", "over", "extra", "additional", "boost", "uplift", "return")
    reference_words: tuple[str, ...] = ("level", "levels", "value", "cost", "costs", "budget", "average", "target",
                                  "baseline", "gdp", "amount", "figure", "figures", "rate", "income", "pay",
                                  "salary", "salaries", "price", "prices", "capacity", "allocation", "need",
                                  "requirement", "spending", "funding", "previous", "last", "pre-pandemic",
                                       # amounts of money are not populations, even in the plural
                                       "arrears", "earnings", "wages", "profits", "sales", "revenues", "savings",
                                       "losses", "receipts", "funds", "taxes", "fees", "payments", "rents",
                                       "benefits", "contributions", "liabilities", "assets", "debts", "emissions")


Params = OutOfRangeParams

# "of pupils", "of all the schools", "of those eligible children": a share of a (plural) population.
_SHARE_OF = re.compile(r"^\s*of\s+((?:[\w\-]+\s+){0,2}[\w\-]+)", re.IGNORECASE)
_DETERMINERS = {"the", "all", "those", "these", "our", "their", "its", "his", "her", "this", "that", "a", "an"}
_POPULATION_SINGULARS = {"people", "children", "staff", "women", "men", "population", "workforce", "public",
                         "audience", "electorate", "membership", "cohort", "crowd", "readership"}
# "made up 127% of the audience": a share's verb, not the change word "up"
_SHARE_VERB = re.compile(r"\b(?:made|make|makes|making)\s+up\s*$", re.IGNORECASE)


def _population(words: list[str], reference: set[str]) -> str | None:
    """The plural noun a share is of, or None when it is a share of a reference amount (or unclear)."""
    if words and words[0].lower() in ("them", "those", "these") and (len(words) == 1 or words[1].lower() in (
            "who", "that", "which", "were", "are", "had", "have", "passed", "said")):
        return words[0].lower()  # "112 per cent of them passed": of a group just named
    words = [w.lower() for w in words if w.lower() not in _DETERMINERS]
    if any(w in reference or w[:1].isdigit() for w in words):
        return None
    return next((w for w in words if w in _POPULATION_SINGULARS or (w.endswith("s") and not w.endswith("ss"))),
                None)


# Where the clause of the percentage starts: after a comma, semicolon, "and", or an earlier figure.
_CLAUSE_BREAK = re.compile(r"[,;:()]|\band\b|\d%?", re.IGNORECASE)


def _own_clause(prefix: str) -> str:
    """The words before a figure in its own clause: "rose by 5% in May, and 112% of" gives " " for 112%."""
    return _CLAUSE_BREAK.split(prefix)[-1]


def run(claims: list[Claim], params: OutOfRangeParams, ctx: Context) -> Iterator[Hit]:
    change = words_pattern(params.change_words)
    reference = {w.lower() for w in params.reference_words}
    for claim in claims:
        if claim.kind != "percent":
            continue
        lo, hi = claim.interval()
        if params.minimum <= lo and hi <= params.maximum:
            continue
        if claim.value <= params.maximum and claim.value >= params.minimum:
            continue  # only the qualifier's open end is outside the range ("more than 95%")
        share = _SHARE_OF.match(claim_suffix(claim, 60))
        noun = _population(share.group(1).split(), reference) if share else None
        if noun is None:
            continue
        if change.search(_SHARE_VERB.sub("", _own_clause(claim_prefix(claim, 25)))):
            continue
        yield Hit(claims=[claim], fields={"figure": describe(claim), "minimum": f"{params.minimum:g}%",
                                          "maximum": f"{params.maximum:g}%"},
                  assumptions=[f"{claim.text!r} is a share of {noun!r} (it is followed by 'of {noun}')",
                               "no change word (increase, up, by...) comes just before it",
                               interval_note(claim)])
