"""Statement dates: from metadata, from cues in the text, or from relative headers.

A document is cut into Sections, each with the date that applies from its start onwards. Relative
headers such as "(7 years ago)" or "(5 years, 11 months ago)" date the text below them and are resolved
against `as_of`. Dates are ISO strings, partial where the text is ("2023-09").
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from .models import DocumentMeta, Section
from .text.vocabulary import MONTH_PATTERN
from .text.vocabulary import words as vocab

_MONTHS = MONTH_PATTERN
# "25th March 2015", "3 November 2016", "March 25, 2015", "04-Nov-2016", "2016-11-03", "25/03/2015"
DATE_PATTERN = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \-]{_MONTHS}\.?[ \-,]+\d{{4}}"
    rf"|{_MONTHS}\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{4})"
)

# Cues that say "this is when the statement was made", strongest first, each with the words that must
# appear for it to match (a cheap substring test spares most texts the regex search).
_CUES = [
    (("answered on",), re.compile(rf"\banswered on (?:the )?(?P<d>{DATE_PATTERN})", re.IGNORECASE)),
    (("today (",), re.compile(rf"\btoday \((?P<d>{DATE_PATTERN})\)", re.IGNORECASE)),
    (("posted on", "published on", "updated on"),
     re.compile(rf"\b(?:posted|published|updated) on:? (?P<d>{DATE_PATTERN})", re.IGNORECASE)),
    (("",), re.compile(rf"^[A-Z][A-Za-z .'-]{{1,40}}, (?P<d>{DATE_PATTERN})\s*(?:—|–|-{{1,2}}|:)", re.MULTILINE)),
    (("made on", "said on", "spoke on", "delivered on", "dated on"),
     re.compile(rf"\b(?:made|said|spoke|delivered|dated) on (?:the )?(?P<d>{DATE_PATTERN})", re.IGNORECASE)),
]
_MONTH_CUE = re.compile(r"\bAnswered \((?P<d>\d{4}-\d{2})\)")
_TITLE_DATE = re.compile(rf"^.{{0,120}}?(?P<d>{DATE_PATTERN})\s*$", re.MULTILINE)

_RELATIVE = re.compile(  # counts of at most five digits: "(99999 years ago)" is read, then found out of range
    r"^[ \t]*\((?:(?P<y>\d{1,5}) years?)?(?:,? ?(?P<m>\d{1,5}) months?)?(?:,? ?(?P<w>\d{1,5}) weeks?)?"
    r"(?:,? ?(?P<dd>\d{1,5}) days?)? ago\)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


def parse_date_value(value: str) -> str | None:
    """A date written by a person or in metadata -> ISO (partial kept); None if impossible."""
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        return value
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        return value if 1 <= int(m.group(2)) <= 12 else None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    try:
        parsed = date_parser.parse(value, dayfirst=True, default=datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat() if parsed.year > 1 else None


def parse_as_of(value: str | date | None) -> date:
    """The `--as-of` reference date: a full ISO date, or today when not given."""
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        from .errors import UsageError

        raise UsageError(f"--as-of: impossible date {value!r}", hint="use YYYY-MM-DD, e.g. 2024-12-01") from None


def find_statement_date(text: str) -> str | None:
    """The date a statement was made, from the cues in its text (not any date it mentions)."""
    head = text[:20000]
    lowered = head.lower()
    for i, (needles, cue) in enumerate(_CUES):
        if i == 1:  # "Answered (2024-03)" outranks any date the question itself cites ("published on ...")
            m = _MONTH_CUE.search(head)
            if m:
                return m.group("d")
        if not any(n in lowered for n in needles):
            continue
        m = cue.search(head)
        if m:
            found = parse_date_value(m.group("d"))
            if found:
                return found
    found = find_dateline(head)
    if found:
        return found
    m = _TITLE_DATE.search(text[:2000])  # a heading that ends in a date: "Education in the media: 21 March 2017"
    if m:
        return parse_date_value(m.group("d"))
    return None


# Words a publication line may carry besides its date: "Press release, 5 May 2021.", "Updated: 14/02/2023",
# "Published 3 March 2020", "Date of issue: March 14, 2024". Anything else (a deadline, an event) is not
# the statement's date.
_PUBLICATION_WORDS = vocab("""
press release media news statement published publication updated last modified posted issued issue date dated
on of for immediate at am pm gmt bst utc
""")
_DATELINE_SPLIT = re.compile(r"\s+(?:—|–|--?)\s+|:\s+(?=[A-Z])")
_DATELINE_LINES = 12


def _full_date(candidate: str) -> tuple[str, list[str]] | None:
    """The complete date (day, month and year all written) dateutil finds in a short text, and the words
    it skipped; None when any part is missing or the text holds no date."""
    try:
        one, skipped = date_parser.parse(candidate, dayfirst=True, fuzzy_with_tokens=True,
                                         default=datetime(1, 1, 1))
        two = date_parser.parse(candidate, dayfirst=True, fuzzy=True, default=datetime(2, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    if (one.year, one.month, one.day) != (two.year, two.month, two.day) or not 1000 < one.year < 3000:
        return None
    words = [w for token in skipped for w in re.findall(r"[^\W\d_]+|\d+", token)]
    return one.date().isoformat(), words


def find_dateline(text: str) -> str | None:
    """A dateline or publication line near the top: "LONDON, 5 May 2021 —", "Press release, 5 May 2021.",
    "Published 3 March 2020", "Updated: 14/02/2023", "March 14, 2024". Read by dateutil; accepted only
    when the words beside the date are a place in capitals before a comma or publication words."""
    lines = [ln.strip(" #*_>") for ln in text.split("\n", 60)[:60] if ln.strip()][:_DATELINE_LINES]
    for line in lines:
        found = _publication_date(line)
        if found is not None:
            return found
    return None


def is_publication_line(line: str) -> bool:
    """A line that is only a dateline or publication date ("Press release, 5 May 2022."): no headline."""
    return _publication_date(line.strip(" #*_>")) is not None and len(line.split()) <= 8


# A dateline's place: a city in capitals (or one or two capitalised words), then up to two region parts
# ("SAULT STE. MARIE, Ont.,", "SUTHERLAND, Northern Cape,", "HOSHANGABAD, Madhya Pradesh").
_PLACE = r"(?:[A-Z][A-Z .'-]+|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}){0,2}"
# "(Nordic Wire)", "(Reuters)": the agency after a dateline's date.
_AGENCY = re.compile(r"\s*\([A-Z][^()]{0,40}\)\s*$")
# A sentence that opens with a dateline, with or without its date: "HOSHANGABAD, Madhya Pradesh — The ...".
_DATELINE_OPENING = re.compile(r"\s*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:,\s+[A-Z0-9][\w.'-]*(?:\s+[\w.'-]+){0,3}){0,3}"
                               r"(?:\s*\([A-Z][^()]{0,40}\))?\s*(?:—|–|--?|:)\s+")


def dateline_end(sentence: str) -> int:
    """Where a sentence's opening dateline ends ("SUTHERLAND, Northern Cape, 2 October 2024 — "), or 0:
    a place that says where the statement was made, not what its figures are about."""
    m = _DATELINE_OPENING.match(sentence)
    return m.end() if m and len(m.group(0)) <= 90 else 0


def _publication_date(line: str) -> str | None:
    if not re.search(r"\d", line):
        return None
    head = _AGENCY.sub("", _DATELINE_SPLIT.split(line, maxsplit=1)[0])
    if len(head) > 60:
        return None
    place = re.match(r"^" + _PLACE + r",\s+(?=\S*\d|[A-Z][a-z]+ \d)", head)
    found = _full_date(head[place.end():] if place else head)
    if found is None:
        return None
    iso, words = found
    return iso if all(w.lower() in _PUBLICATION_WORDS for w in words) else None


def resolve_relative(years: int, months: int, weeks: int, days: int, as_of: date) -> str | None:
    """"(5 years, 11 months ago)" against as_of, at the precision the header gives; None when that
    falls outside the calendar ("(99999 years ago)", or "(1 years ago)" with --as-of 0001-01-01)."""
    try:
        then = as_of - relativedelta(years=years, months=months, weeks=weeks, days=days)
    except (ValueError, OverflowError):
        return None
    return then.isoformat() if (weeks or days) else f"{then.year:04d}-{then.month:02d}"


def date_sections(text: str, meta: DocumentMeta, as_of: date) -> list[Section]:
    """Cut the text into dated sections: metadata date, relative headers, or cues in the text."""
    sections: list[Section] = []
    for m in _RELATIVE.finditer(text) if "ago)" in text else ():
        if not any(m.group(g) for g in ("y", "m", "w", "dd")):
            continue
        n = [int(m.group(g) or 0) for g in ("y", "m", "w", "dd")]
        resolved = resolve_relative(*n, as_of)
        sections.append(Section(start=m.start(), date=resolved, date_origin="relative" if resolved else "none",
                                header=m.group(0).strip()))
    if meta.date:
        if not sections or sections[0].start > 0:
            sections.insert(0, Section(start=0, date=meta.date, date_origin="metadata"))
        return sections
    if not sections:
        found = find_statement_date(text)
        sections.append(Section(start=0, date=found, date_origin="text" if found else "none"))
    elif sections[0].start > 0 and text[: sections[0].start].strip():
        found = find_statement_date(text[: sections[0].start])
        sections.insert(0, Section(start=0, date=found, date_origin="text" if found else "none"))
    return sections
