"""What looks like a figure but is not a claim: labels, references, years, list markers, ids, ages.

The scanner already consumes dates, financial years, times and phone numbers whole. These checks
look at the words around a candidate figure and say whether it is part of something else.
"""

from __future__ import annotations

import re

from ..text.vocabulary import MONTHS_LOWER, words
from .units import ADDRESS_WORDS, TIME_UNITS, counted_noun

# A number right after one of these words names something: "phase 1", "section 106", "Question 183040".
LABEL_WORDS = words("""
phase phases stage stages article articles section sections s regulation regulations reg regs rule rules
question questions uin uins clause clauses paragraph paragraphs para paras page pages p pp table tables
chapter chapters part parts schedule schedules annex annexes appendix appendices figure fig chart column
columns col cols exception exceptions tier tiers level band bands grade grades step steps round rounds wave
waves option options lot lots box room flight line lines volume vol no nos number ref reference references
item items point criterion principle principles recommendation recommendations standard objective objectives
priority amendment amendments division junction route routes platform category categories cat class classes
type types cohort version release issue edition series pillar strand theme goal goals group groups block
plot unit ward gate floor flat tranche window q session covid measure scope
finding findings action actions outcome outcomes footnote note notes annexe bill act order
district area zone lane bay case cases petition petitions motion edm form forms
""")
# Labels only when capitalised: "Year 6", "Week 3" name something, "last year 300 people" does not.
CAPITALISED_LABELS = words("year years week weeks day days month term quarter")
# Words after which a year-like number is a year: "in 2019 schools closed", "the 2019 review".
YEAR_CONTEXT = words("""in since from by until till to of during before after between and or the a an this that
its their our his her for on at as with within through throughout year years summer spring autumn winter
early late mid end start financial calendar academic fiscal""") | MONTHS_LOWER
# Emergency and service numbers: "999 calls", "111 service".
SERVICE_NUMBERS = frozenset({"999", "111", "101", "112", "911", "105", "119"})
SERVICE_NOUNS = words("call calls caller callers control service services number line lines operator operators "
                      "emergency emergencies handler handlers handling response")
# Words before a number that make it an age: "aged 65", "children under 5" is handled by the noun.
AGE_WORDS = frozenset({"aged", "age", "ages", "ageing"})

_ALL_CAPS = re.compile(r"[A-Z]{2,}[A-Z0-9]*$")
_LIST_MARKER_AFTER = re.compile(r"[.)](?:\s|$)")
# Text following a figure that makes it part of something else: ordinals (19th), ids (14a, 3D),
# fractions of a slash (24/7, 2023/988), compound adjectives (20-year, six-week), possessive years.
BAD_FOLLOWER = re.compile(r"[A-Za-z0-9_@]|/\d|[-–]\s?[A-Za-z]|['’]s\b|\.\d|,\d")
# Money and percentages may head a compound: "a £1,000-a-year saving", "a 10%-rise".
BAD_FOLLOWER_OF_UNIT = re.compile(r"[A-Za-z0-9_@]|/\d|['’]s\b|\.\d|,\d")


def previous_word(text: str, start: int) -> str:
    """The word just before `start` as written (skipping spaces and a "No."); "" if none."""
    tokens = text[max(0, start - 24):start].split()
    if not tokens:
        return ""
    word = tokens[-1]
    if word in ("No.", "No", "no.") and len(tokens) > 1:
        word = tokens[-2]
    return word.strip("([\"'“‘,;:")


def is_label(word: str, text: str, start: int) -> bool:
    """'Question 23506', 'phase 1', 'HCWS 150', 'Key Stage 2', 'No. 10', '#5'."""
    if not word:
        return text[start - 1:start] in ("#", "№")
    if text[max(0, start - 3):start].rstrip()[-1:] in (",", ";"):
        return False  # "140 research groups, 152 of them": a comma ends the word's phrase; no label
    lower = word.lower().rstrip(".")
    return lower in LABEL_WORDS or (word[0].isupper() and lower in CAPITALISED_LABELS) \
        or bool(_ALL_CAPS.fullmatch(word))


# The far end of a range says the near one is a quantity: "between 1500 and 2000 million pounds", "2000-4000 staff"
# (a number no year can be).
_RANGE_TO_QUANTITY = re.compile(
    r"\s*(?:-|–|to|and)\s*(?:[£$€]?\d[\d,.]*\s*(?:%|per\s?cent|percent|k\b|m\b|bn\b|thousand|million|billion)"
    r"|(?:[3-9]\d{3}|\d{5,}|\d{1,3}(?:,\d{3})+)(?![\d.]))",
    re.IGNORECASE)


def year_is_count(text: str, end: int, prev: str) -> bool:
    """Whether a year-like number (1500-2099) counts something: followed by a lowercase noun, after a
    lowercase word that does not introduce a date ("they planted 1995 trees", not "in 2019 schools")."""
    if _RANGE_TO_QUANTITY.match(text, end):
        return True  # "between 1500 and 2000 million pounds": the far end says it is a quantity
    if not prev or not prev[0].islower() or prev.lower() in YEAR_CONTEXT:
        return False
    noun, raw = counted_noun(text, end)
    return noun is not None and raw[0] not in TIME_UNITS and text[end + 1:end + 2].islower()


def is_year(written: str) -> bool:
    """A four-digit number a year could be: 1500-2099 without a thousands comma."""
    return len(written) == 4 and written.isdigit() and 1500 <= int(written) <= 2099


def is_list_marker(text: str, start: int, end: int) -> bool:
    """'1.' or '2)' at the start of a line, '[1]' or '(3)' footnote and sub-item markers."""
    line_start = max(text.rfind("\n", max(0, start - 12), start) + 1, start - 12)
    before = text[line_start:start] if line_start == 0 or text[line_start - 1] == "\n" else "x"
    if (not before.strip() or before.strip() in ("-", "*", "•")) and _LIST_MARKER_AFTER.match(text, end):
        return True
    opener, closer = text[start - 1:start] if start else "", text[end:end + 1]
    return (opener, closer) in (("[", "]"), ("(", ")"))


def is_address(text: str, end: int, noun_words: list[str]) -> bool:
    """'10 Downing Street': a capitalised name ending in a street word."""
    return text[end + 1:end + 2].isupper() and any(w in ADDRESS_WORDS for w in noun_words[1:3])
