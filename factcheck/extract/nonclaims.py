"""What looks like a figure but is not a claim: labels, references, years, list markers, ids, ages.

The scanner already consumes dates, financial years, URLs, times and phone numbers whole. These
checks look at the words around a candidate figure and say why it is not a claim (or None).
"""

from __future__ import annotations

import re

from .units import ADDRESS_WORDS, words

# A number right after one of these words names something: "phase 1", "section 106", "Question 183040".
LABEL_WORDS = words("""
phase phases stage stages year article articles section sections s regulation regulations reg regs rule rules
question questions uin uins clause clauses paragraph paragraphs para paras page pages p pp table tables
chapter chapters part parts schedule schedules annex annexes appendix appendices figure fig chart column
columns col cols exception exceptions tier tiers level band bands grade grades step steps round rounds wave
waves option options lot lots box room flight line lines volume vol no nos number ref reference references
item items point criterion principle principles recommendation recommendations standard objective objectives
priority amendment amendments division junction route routes platform category categories cat class classes
type types cohort version release issue edition series pillar strand theme goal goals group groups block
plot unit ward gate floor flat tranche window term week day month quarter q session key covid measure
finding findings action actions outcome outcomes number footnote note notes annexe bill act order
district area zone lane bay case cases petition petitions motion edm order section schedule form forms
""")
# Words before a number that make it an age: "aged 65", "children under 5" is handled by the noun.
AGE_WORDS = frozenset({"aged", "age", "ages", "ageing"})

_PREVIOUS_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)[\s\xa0]*(?:No\.?\s*)?$")
_ALL_CAPS = re.compile(r"[A-Z]{2,}[A-Z0-9]*$")
_LIST_MARKER_AFTER = re.compile(r"[.)]\s")
# Text following a figure that makes it part of something else: ordinals (19th), ids (14a, 3D),
# fractions of a slash (24/7, 2023/988), compound adjectives (20-year, six-week), possessive years.
BAD_FOLLOWER = re.compile(r"[A-Za-z0-9_@]|/\d|[-–]\s?[A-Za-z]|['’]s\b|\.\d|,\d")


def previous_word(text: str, start: int) -> str:
    """The word just before `start` (skipping spaces and a "No."), as written."""
    m = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    return m.group(1) if m else ""


def label_before(text: str, start: int) -> bool:
    """'Question 23506', 'phase 1', 'HCWS 150', 'Key Stage 2', 'No. 10'."""
    word = previous_word(text, start)
    if not word:
        return text[max(0, start - 1):start] in ("#", "№")
    return word.lower().rstrip(".") in LABEL_WORDS or bool(_ALL_CAPS.fullmatch(word))


def is_age(text: str, start: int) -> bool:
    return previous_word(text, start).lower() in AGE_WORDS


def is_year(written: str) -> bool:
    """A four-digit number a year could be: 1500-2099 without a thousands comma."""
    return len(written) == 4 and written.isdigit() and 1500 <= int(written) <= 2099


def is_list_marker(text: str, start: int, end: int) -> bool:
    """'1.' or '2)' at the start of a line, '[1]' or '(3)' footnote and sub-item markers."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if (not before.strip() or before.strip() in ("-", "*", "•")) and _LIST_MARKER_AFTER.match(text + " ", end):
        return True
    opener, closer = text[start - 1:start] if start else "", text[end:end + 1]
    return (opener, closer) in (("[", "]"), ("(", ")"))


def is_address(noun_words: list[str]) -> bool:
    """'10 Downing Street'."""
    return bool(noun_words) and noun_words[-1] in ADDRESS_WORDS and len(noun_words) >= 2
