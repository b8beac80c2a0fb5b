"""Period: when a figure is for, where the text gives it beyond the figure's own clause.

The cues (`cues._period`) read "in 2024-25", "over the next four years", "a year", "since 2019" in the
figure's clause. This adds what they miss:
- a year used as a modifier: "The 2024-25 settlement for Tyneside is £40m", "its 2023 budget", "Acme's 2023 revenue";
- an end date: "through to 2030/31", "up to 2030" (until, not in, that year);
- a list's lead-in: "Over the next four years we will provide:" gives its period to every item below it
  ("- £40m for roads") that has none of its own.
"""

from __future__ import annotations

import re

from ..models import Claim
from .cues import _period

_YEAR = r"(?:19|20)\d\d(?:\s*[-/–]\s*\d{2,4})?"
# After a determiner or a possessive ("the 2024-25 settlement", "Acme's 2023 revenue", "the Ferries' 2023 sales").
_ATTRIBUTIVE = re.compile(r"(?:\b(?:the|its|their|our|this|his|her|a)|\w['’]s|\ws['’])\s+(?P<y>" + _YEAR
                          + r")\s+(?!and\b|to\b|or\b)[a-z]", re.I)
_UNTIL = re.compile(r"\b(?:through to|up to|up until|until|till|through)\s+(?:the end of\s+)?(?P<y>" + _YEAR + r")\b",
                    re.I)
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")


def clause_period(claim: Claim, current: str | None) -> str | None:
    """An end date or an attributive year in the figure's sentence, when the cues found no better period."""
    sentence = claim.sentence
    at = claim.start - claim.sentence_start
    after = sentence[at:at + 120]
    m = _UNTIL.search(after)
    if m and (current is None or current.replace(" ", "") == m.group("y").replace(" ", "")):
        return f"until {m.group('y')}"
    if current is None:
        before = sentence[max(0, at - 120):at]
        for window in (before, after):
            found = [x.group("y") for x in _ATTRIBUTIVE.finditer(window)]
            if found:
                return found[-1] if window is before else found[0]
    return current


def lead_in_period(text: str, claim: Claim) -> str | None:
    """The period of the lead-in line ("... over the next four years:") of the list a bulleted figure is in."""
    line_start = text.rfind("\n", 0, claim.start) + 1
    if not _BULLET.match(text[line_start:claim.start + 1]):
        return None
    pos = line_start
    for _ in range(30):  # up the list, over its other items and blank lines
        if pos <= 0:
            return None
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev_start:pos].strip()
        pos = prev_start
        if not line or _BULLET.match(line):
            continue
        if line.endswith(":"):
            return _period(line, "")
        return None
    return None
