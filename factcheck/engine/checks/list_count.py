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
from .base import Context, Hit, Params, claim_at, describe

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
# "Four new clinics will open next year: A, B and C": the counted noun, then a short predicate, then a colon.
# Or a spaced dash: "Four stations will close in July — A, B and C."
# Or places after a comma: "Three depots will open next year, in Ashford, Brent and Crewe" (names only).
_INTRO_PREDICATE = re.compile(r"^[ \t]*((?:[\w’'][\w\-’']*[ \t]+){1,9}[\w’'][\w\-’']*)[ \t]*"
                              r"(:|(?<=[ \t])[—–-](?=[ \t])|,[ \t]*(?:in|at|across)(?=[ \t]+[A-Z]))[ \t]*")
_OPEN_LIST = re.compile(r"\s*(?:including|includes|such as|among (?:them|others)|e\.g\.|for example|for instance|"
                        r"notably|like)\b", re.IGNORECASE)
_PREDICATE_NOUN_WORDS = 4  # the counted noun is among the first words after the count
_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)]|\([a-z0-9]\))\s+(.+?)\s*$")
_SPLIT = re.compile(r"\s*(?:;|,)\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+", re.IGNORECASE)
_END = re.compile(r"\.(?:\s|$)|\)|\n")


def _bullets(lines: str, ends_document: bool) -> list[str] | None:
    """Consecutive bullet lines ("- Leeds", "2. Hull") at the start of `lines`; None when the text read
    ends inside the list (more bullets may follow, so their number is unknown)."""
    items = []
    rows = lines.lstrip("\n \t").split("\n")  # a blank line may stand between the colon and the list
    for n, line in enumerate(rows):
        m = _BULLET.match(line)
        if not m:
            return items
        if n == len(rows) - 1 and not ends_document:
            return None  # the last bullet read may be cut off, and more may follow
        items.append(m.group(1))
    return items if ends_document else None


def _inline(line: str, opener: str) -> str | None:
    """The text of a closed list on one line: up to the sentence's end (or ')' after '(')."""
    end = _END.search(line)
    body = line[: end.start()] if end else line
    if opener in ("-", "–", "—"):  # "the three towns - A, B and C - reported...": the next dash closes it
        closing = re.search(r"\s[—–-]\s", body)
        body = body[: closing.start()] if closing else body
    if opener == "(" and (not end or end.group(0) != ")"):
        return None
    if not re.search(r"(?:,|\s)(?:and|or|&)\s+\S", body, re.IGNORECASE):
        return None  # no "and"/"or" before the last item: not a closed list
    return body.strip()


def item_count_range(items_text: str) -> tuple[int, int]:
    """How many items a one-line list may hold: "a and b, c and d" is 3 or 4 items.

    Semicolons separate when there are any (commas then sit inside items), else commas do. A list
    closed by ", and X" ends there (", for England" after it is not an item). A conjunction inside an
    item may be part of its name ("provision and access"), except the one that joins the last item.
    """
    separator = ";" if ";" in items_text else ","
    segments = [s.strip() for s in items_text.split(separator) if s.strip()]
    leading_conj = re.compile(r"^(?:and|or)\s+", re.IGNORECASE)
    closing = next((n for n, seg in enumerate(segments) if n and leading_conj.match(seg)), None)
    if closing is not None:
        segments = segments[: closing + 1]
    conj = re.compile(r"\s+(?:and|or|&)\s+", re.IGNORECASE)
    most = sum(len(conj.split(leading_conj.sub("", seg))) for seg in segments)
    least = len(segments) + (0 if closing is not None or not conj.search(segments[-1]) else 1)
    return least, most


_PREPOSITIONS = {"of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "per", "here", "there"}
_PLURALS = {"people", "children", "staff", "men", "women", "police", "cattle", "personnel"}


def counted_noun(phrase: str) -> bool:
    """Whether the words after a number name what is counted: "coastal towns", "following trusts".

    Labels and dates ("Regulation 18:", "section 8 of the act:", "18 July:", "5:30am") do not.
    """
    words = phrase.lower().split()
    if not words or words[0] in _PREPOSITIONS:
        return False
    # the head may be followed by a short qualifier: "boroughs served first", "towns named below"
    return any(w in _PLURALS or (w.endswith("s") and not w.endswith("ss") and len(w) > 2)
               for w in (word.strip("’'") for word in words))


def _opens_clause(claim: Claim) -> bool:
    """The count opens its sentence ("Four new clinics will open ...", "The three towns ...")."""
    at = claim_at(claim)
    lead = claim.sentence[:at] if at >= 0 else "?"
    return re.fullmatch(r"\s*(?:(?:the|all|our|its|their|these|those)\s+)?", lead, re.IGNORECASE) is not None


def find_list(text: str, claim: Claim, params: ListCountParams) -> tuple[list[str], int, int] | None:
    """The items listed right after the claim and how many there may be (least, most), or None when no
    closed list follows."""
    window = text[claim.end: claim.end + params.lookahead]
    intro = _INTRO.match(window)
    if intro and counted_noun(intro.group(1) or (claim.unit or "")):
        opener = intro.group(2).strip(" ,\t").lower()
    else:
        intro = _INTRO_PREDICATE.match(window)
        if not intro or not counted_noun(" ".join(intro.group(1).split()[:_PREDICATE_NOUN_WORDS])):
            return None
        opener = intro.group(2)
        if not _opens_clause(claim):
            return None  # "... in six, seven or ten activities by condition:": not the list's own count
    first_line, _, after = window[intro.end():].partition("\n")
    if opener == ":" and not first_line.strip():
        items = _bullets(after, ends_document=claim.end + params.lookahead >= len(text))
        return (items, len(items), len(items)) if items and len(items) >= 2 else None
    body = _inline(first_line, opener[:1] if opener.startswith("(") else opener)
    if body is None or _OPEN_LIST.match(body):
        return None  # "10 tonnes of aid - including water, rice and baby food -": examples, not every one
    items = [i for i in _SPLIT.split(body) if i]
    if len(items) < 2 or any(len(i.split()) > params.max_item_words for i in items):
        return None
    if (opener in ("are", "were") or opener.startswith(",")) and not all(i[:1].isupper() for i in items):
        return None  # "are now working together", ", in May and June" are not lists of names
    if any(re.match(r"(?:which|who|that|where|whose)\b", i, re.IGNORECASE) or "(" in i for i in items):
        return None  # a clause or an aside inside the list: not a plain list of names
    return (items, *item_count_range(body))


# What follows "the two tables:" is notes on them or their rows, never a list of the tables.
_DOCUMENT_PARTS = ("tables", "charts", "graphs", "figures", "annexes", "appendices", "footnotes", "sections",
                   "paragraphs", "pages")
_BEFORE = 40  # characters before a claim that `run` reads ("the", "of the five", "including")


def _candidate(claim: Claim, params: ListCountParams) -> bool:
    return (claim.kind == "count" and float(claim.value).is_integer() and claim.bound == "exact"
            and 2 <= claim.value <= params.max_count)


def text_window(claim: Claim, params: ListCountParams) -> tuple[int, int] | None:
    """The stretch of the document `run` reads for this claim (None: it never reads it)."""
    return (claim.start - _BEFORE, claim.end + params.lookahead) if _candidate(claim, params) else None


def run(claims: list[Claim], params: ListCountParams, ctx: Context) -> Iterator[Hit]:
    if not ctx.texts:
        return
    for claim in claims:
        text = ctx.texts.get(claim.doc)
        if text is None or not _candidate(claim, params):
            continue
        before = text[max(0, claim.start - 12): claim.start].lower()
        if not re.search(r"\b(?:the|these|those|following)\s+$", before) and \
                not re.match(r"^[ \t]*(?:[\w’'][\w\-’']*[ \t]+){0,9}[\w’'][\w\-’']*(?::|[ \t]+[—–-][ \t]|"
                             r",[ \t]*(?:in|at|across)[ \t]+[A-Z])", text[claim.end: claim.end + 90]):
            continue
        if re.search(r"\bincluding\s*$", before):
            continue
        if re.search(r"\b(?:of|about|regarding|concerning)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$",
                     text[max(0, claim.start - _BEFORE): claim.start], re.IGNORECASE):
            continue  # "three of the five priorities: a, b and c" lists the three, not the five
        if re.match(r"\s*(?:" + "|".join(_DOCUMENT_PARTS) + r")\b", text[claim.end: claim.end + 20], re.IGNORECASE):
            continue  # "Notes on the two tables:" is followed by notes, not by the tables
        found = find_list(text, claim, params)
        if found is None:
            continue
        items, least, most = found
        if least <= int(claim.value) <= most:
            continue
        listed = ", ".join(items)
        yield Hit(claims=[claim],
                  fields={"figure": describe(claim), "items": str(least) if least == most else f"{least} to {most}",
                          "listed": listed},
                  assumptions=[f"the list right after {claim.text!r} names every one of them: {listed}",
                               "items are separated by commas, semicolons or bullet lines, and the 'and'/'or' "
                               "before the last item; an 'and' inside an item may belong to its name, so "
                               f"the list holds {least} to {most} items"])
