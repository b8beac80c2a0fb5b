"""Measure: what a figure counts or prices, and the key that says when two measures are one.

From the parse: the noun a count counts ("310 technicians" -> technicians, with its lower-case
modifiers: "upgraded masts"); the group a share is of ("62% of households", "the share who ... among
households", "What share of households ...? 62 per cent" -> share of households).
`measure_key` is what grouping compares: a money figure's size is one measure whatever the sentence calls
it (budget, funding, cost, worth, value, allocation); revenue, pay, savings, debt and fines are others;
a share is keyed by its group ("Households (%)" in a table heading is the share of households).
"""

from __future__ import annotations

import re

from ..topics import singular, vocab
from .parse import Parsed

# What a money figure's size is called; all one measure.
_MONEY_SIZE = vocab("""
funding budget budgets cost costs worth value investment investments allocation allocations money amount grant
grants pot package fund purse endowment kitty reserve reserves pool envelope
""")
_SHARE_WORDS = vocab("share proportion percentage percent fraction rate")
_COUNT_QUALIFIERS = vocab("new more additional extra further other such innovative different separate existing")
_UNKNOWN = frozenset({"percent", "count", "amount", "share", "proportion", "percentage", "percentage points"})


def _noun_phrase(p: Parsed, head: int) -> str:
    """A noun with its lower-case left modifiers ("upgraded masts", "food waste collections")."""
    left = head
    while left - 1 >= 0 and p.tokens[left - 1].head in range(left, head + 1) \
            and p.tokens[left - 1].dep in ("compound", "amod") and p.tokens[left - 1].text.islower() \
            and p.tokens[left - 1].text.lower() not in _COUNT_QUALIFIERS:
        left -= 1
    return " ".join(t.text.lower() for t in p.tokens[left:head + 1])


def _of_object(p: Parsed, i: int, words: tuple[str, ...] = ("of",)) -> int | None:
    for c in p.children[i]:
        if p.tokens[c].dep == "prep" and p.tokens[c].text.lower() in words:
            for g in p.children[c]:
                if p.tokens[g].dep == "pobj" and p.tokens[g].pos in ("NOUN", "PROPN"):
                    return g
    return None


def counted_noun(p: Parsed, fig: int) -> str | None:
    """"310 technicians", "310 of its technicians": the noun the number counts."""
    tok = p.tokens[fig]
    if tok.dep in ("nummod", "quantmod") and p.tokens[tok.head].pos == "NOUN" and tok.head > fig:
        return _noun_phrase(p, tok.head)
    obj = _of_object(p, fig)
    if obj is not None and p.tokens[obj].pos == "NOUN":
        return _noun_phrase(p, obj)
    return None


def share_group(p: Parsed, fig: int) -> str | None:
    """"62% of households" / "the share (of households) who ... is 62%" / "among households, the share ...":
    the group a share is of."""
    obj = _of_object(p, fig)
    if obj is not None and p.tokens[obj].pos == "NOUN":
        return _noun_phrase(p, obj)
    for i, t in enumerate(p.tokens):
        if t.text.lower() in _SHARE_WORDS and t.pos == "NOUN":
            obj = _of_object(p, i)
            if obj is not None and p.tokens[obj].pos == "NOUN":
                return _noun_phrase(p, obj)
    for i, t in enumerate(p.tokens):
        if t.text.lower() in ("among", "amongst") and t.dep == "prep":
            objs = [g for g in p.children[i] if p.tokens[g].dep == "pobj" and p.tokens[g].pos == "NOUN"]
            if objs:
                return _noun_phrase(p, objs[0])
    return None


def rate_noun(p: Parsed, fig: int) -> str | None:
    """"Unemployment fell to 3.1%", "the unemployment rate was 4.2%", "inflation stood at 2%": the common
    noun the sentence says is at that level (the subject of the verb the figure completes)."""
    i = fig
    if p.tokens[i].dep == "pobj" and p.tokens[p.tokens[i].head].text.lower() in ("to", "at", "of", "from", "by"):
        i = p.tokens[i].head  # the preposition
    head = p.tokens[i].head
    if p.tokens[i].dep not in ("prep", "attr", "dobj", "acomp", "npadvmod") \
            or p.tokens[head].pos not in ("VERB", "AUX"):
        return None
    subjects = [c for c in p.children[head] if p.tokens[c].dep in ("nsubj", "nsubjpass") and p.tokens[c].pos == "NOUN"]
    return _noun_phrase(p, subjects[0]) if subjects else None


def question_measure(p: Parsed, kind: str) -> str | None:
    """"How many technicians ...?" / "What share of households ...?": the measure a question asks for."""
    for i, t in enumerate(p.tokens):
        low = t.text.lower()
        if kind == "count" and low == "many" and i > 0 and p.tokens[i - 1].text.lower() == "how" \
                and t.head > i and p.tokens[t.head].pos == "NOUN":
            return _noun_phrase(p, t.head)
        if kind in ("percent", "percentage_points") and low in _SHARE_WORDS:
            obj = _of_object(p, i)
            if obj is not None:
                return "share of " + _noun_phrase(p, obj)
    return None


def is_unknown(metric: str | None) -> bool:
    return not metric or metric.strip().lower() in _UNKNOWN


def measure_key(metric: str, kind: str) -> str:
    """The measure as grouping compares it (see the module docstring)."""
    metric = metric.lower().replace("’", "'")
    if kind == "money":
        words = metric.split()
        delta = [w for w in words if w in ("increase", "reduction")]
        if any(w in _MONEY_SIZE for w in words) and not any(w in _OTHER_MONEY for w in words):
            return " ".join(["funding", *delta])
        return " ".join(singular(w) for w in words)
    if kind in ("percent", "percentage_points"):
        m = re.fullmatch(r"(.+?)\s*\((?:%|per cent|percent)\)", metric)
        if m:
            metric = "share of " + m.group(1)
        metric = re.sub(r"\s+(?:rate|level|figure)$", "", metric)  # "unemployment rate" is "unemployment"
    words = [singular(w.removesuffix("'s")) for w in metric.split()]
    if kind == "count" and words:
        return " ".join(w for w in words if w not in _COUNT_QUALIFIERS) or words[-1]
    return " ".join(words)


_OTHER_MONEY = vocab("revenue income sales turnover profit profits pay salary wage wages savings debt fines fine "
                     "return level")
