"""A stated number of things followed by a list of a different length: "the 4 local authorities:
Leeds, Hull, York, Bath and Wells".

Needs the document text (the list may run on to bullet lines). Only clear, closed lists count: the
number is introduced by "the" or followed by a colon, the list starts right after the noun (":", a
dash, "(", "namely", "are", "were"), items are short, and the list ends with "and"/"or" or is a run of
bullet lines. "including" lists are open and never checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...models import Claim
from .base import Context, Hit, Params, describe

NAME = "list-count"
SUMMARY = "a stated count is followed by a list with a different number of items"
PLACEHOLDERS = ("figure", "items", "listed")
NEEDS_TEXT = True


class ListCountParams(Params):
    max_count: int = 20  # larger counts are rarely listed in full
    max_item_words: int = 6
    lookahead: int = 600  # characters after the claim searched for the list


Params = ListCountParams

# After the count: up to four more words of noun phrase, then what opens the list.
_INTRO = re.compile(r"^[ \t]*((?:[\w\-’']+[ \t]+){0,3}[\w\-’']+)?[ \t]*"
                    r"(:|[—–-](?=[ \t])|\(|,?[ \t]*namely\b|(?<=[ \t])(?:are|were)\b)[ \t]*", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)]|\([a-z0-9]\))\s+(.+?)\s*$")
_SPLIT = re.compile(r"\s*(?:;|,)\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+", re.IGNORECASE)
_END = re.compile(r"\.(?:\s|$)|\)|\n|;\s*(?:and\s+)?[a-z]")


def _bullets(lines: str) -> list[str]:
    """Consecutive bullet lines ("- Leeds", "2. Hull") at the start of `lines`."""
    items = []
    for line in lines.split("\n"):
        m = _BULLET.match(line)
        if not m:
            break
        items.append(m.group(1))
    return items


def _inline(line: str, opener: str) -> list[str] | None:
    """Items of a closed list on one line: up to the sentence's end (or ')' after '(')."""
    end = _END.search(line)
    body = line[: end.start()] if end else line
    if opener == "(" and (not end or end.group(0) != ")"):
        return None
    if not re.search(r"(?:,|\s)(?:and|or|&)\s+\S", body, re.IGNORECASE):
        return None  # no "and"/"or" before the last item: not a closed list
    return [i for i in _SPLIT.split(body.strip()) if i]


def find_list(text: str, claim: Claim, params: ListCountParams) -> list[str] | None:
    """The items listed right after the claim, or None when no closed list follows."""
    window = text[claim.end: claim.end + params.lookahead]
    intro = _INTRO.match(window)
    if not intro:
        return None
    opener = intro.group(2).strip(" ,\t").lower()
    first_line, _, after = window[intro.end():].partition("\n")
    if opener == ":" and not first_line.strip():
        items = _bullets(after)
        return items if len(items) >= 2 else None
    items = _inline(first_line, opener[:1] if opener.startswith("(") else opener)
    if not items or len(items) < 2 or any(len(i.split()) > params.max_item_words for i in items):
        return None
    if opener in ("are", "were") and not all(i[:1].isupper() for i in items):
        return None  # "are now working together" is not a list of names
    return items


def run(claims: list[Claim], params: ListCountParams, ctx: Context) -> Iterator[Hit]:
    if not ctx.texts:
        return
    for claim in claims:
        text = ctx.texts.get(claim.doc)
        if text is None or claim.kind != "count" or not float(claim.value).is_integer():
            continue
        if claim.bound != "exact" or not 2 <= claim.value <= params.max_count:
            continue
        before = text[max(0, claim.start - 12): claim.start].lower()
        if not re.search(r"\b(?:the|these|those|following)\s+$", before) and \
                not re.match(r"^[ \t]*(?:[\w\-’']+[ \t]+){0,3}[\w\-’']*:", text[claim.end: claim.end + 60]):
            continue
        if re.search(r"\bincluding\s*$", before):
            continue
        items = find_list(text, claim, params)
        if items is None or len(items) == int(claim.value):
            continue
        listed = ", ".join(items)
        yield Hit(claims=[claim],
                  fields={"figure": describe(claim), "items": str(len(items)), "listed": listed},
                  assumptions=[f"the list right after {claim.text!r} names every one of them: {listed}",
                               "items are separated by commas, semicolons, 'and', 'or' or bullet lines"])
