"""What every check kind shares: the hit it returns, the context it sees, and how claims are described.

A check kind is one pure function `run(claims, params, ctx) -> Iterable[Hit]` plus a pydantic `Params`
model. The evaluator turns hits into Findings (message, stable id); checks never build Findings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict

from ...config import Settings
from ...models import Claim, Group, Severity
from ...text.vocabulary import MONTHS_LOWER, SEASONS_LOWER, STOP
from ...text.vocabulary import words as vocab


class Params(BaseModel):
    """Base of every check kind's parameters: unknown keys are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


@dataclass
class Context:
    """What a check may consult besides its claims."""

    settings: Settings = field(default_factory=Settings)
    group: Group | None = None
    # doc id -> text (or the parts of it the kinds read: engine.texts.TextWindows), only for NEEDS_TEXT kinds
    texts: Mapping[str, Any] | None = None


@dataclass
class Hit:
    """One inconsistency: the claims that show it, message fields, and what was assumed to see it."""

    claims: list[Claim]
    fields: dict[str, str] = field(default_factory=dict)
    assumptions: list[str] = field(default_factory=list)
    severity: Severity | None = None  # only ever lower than the rule's own (e.g. compatible bounds -> info)


class CheckKind(Protocol):
    NAME: ClassVar[str]
    SUMMARY: ClassVar[str]
    PLACEHOLDERS: ClassVar[tuple[str, ...]]
    NEEDS_TEXT: ClassVar[bool]
    Params: ClassVar[type[Params]]

    @staticmethod
    def run(claims: list[Claim], params: Params, ctx: Context) -> Iterable[Hit]: ...


def source_label(claim: Claim) -> str:
    """Who said it, as briefly as the metadata allows: speaker, source, else the document's name."""
    meta = claim.source
    parts = [p for p in (meta.speaker, meta.source) if p]
    if not parts and meta.title:
        parts = [meta.title if len(meta.title) <= 60 else meta.title[:57] + "..."]
    if not parts:
        parts = [claim.doc.rsplit("/", 1)[-1]]
    return ", ".join(parts)


def describe(claim: Claim) -> str:
    """'£100 million (written answer, 2015-03-25)': the figure as written, who said it and when."""
    return f"{claim.text.strip()} ({source_label(claim)}, {claim.date or 'undated'})"


def date_key(claim: Claim) -> str:
    """Sort key for statement dates; ISO strings (partial allowed) sort correctly as text."""
    return claim.date or ""


def doc_hash(claim: Claim) -> str:
    """The statement's content identity: identical texts (one answer given to many questions) share it."""
    return claim.id.split(":", 1)[0]


def claim_at(claim: Claim) -> int:
    """Where the claim's text stands in its sentence (-1 if not found): `sentence` may be stripped, so
    look near the expected offset first. The sentence has its soft line wraps made spaces, so a figure
    wrapped over a line ("17 percentage⏎points") is looked for with a space there too."""
    text = claim.text.replace("\n", " ")
    at = claim.sentence.find(text, max(0, claim.start - claim.sentence_start - 5))
    return at if at >= 0 else claim.sentence.find(text)


def claim_prefix(claim: Claim, chars: int = 60) -> str:
    """The sentence text just before the claim (lower case), for cue words such as 'additional'."""
    at = claim_at(claim)
    return claim.sentence[max(0, at - chars):at].lower() if at >= 0 else ""


def claim_suffix(claim: Claim, chars: int = 60) -> str:
    """The sentence text just after the claim (lower case)."""
    at = claim_at(claim)
    if at < 0:
        return ""
    end = at + len(claim.text)
    return claim.sentence[end:end + chars].lower()


# Words that say a figure is a running total or bound it, not what it counts: "so far", "to date", "over".
_NOT_WORDING = STOP | vocab("""
far date since total now already overall more than over around about nearly almost some least
""")


def shared_wording(a: Claim, b: Claim, window: int = 4) -> list[str]:
    """Content words that both sentences put within `window` words of their figure ("engineers have
    repaired 21,400 leaks" / "have repaired 18,900 leaks so far": repaired, leaks), as evidence that two
    figures whose subject was inferred still count the same thing."""
    def near(claim: Claim) -> set[str]:
        before = re.findall(r"[a-z]+", claim_prefix(claim, 15 * window))[-window:]
        after = re.findall(r"[a-z]+", claim_suffix(claim, 15 * window))[:window]
        return {w.removesuffix("s") for w in before + after if len(w) > 2 and w not in _NOT_WORDING}
    return sorted(near(a) & near(b))


def described_alike(a: Claim, b: Claim) -> list[str]:
    """Words both sentences put beside their figure besides what it counts and its subject's name
    ("have built 300,000 new homes" / "212,000 new homes have been built": built)."""
    own = {w.removesuffix("s") for c in (a, b)
           for w in re.findall(r"[a-z]+", f"{c.metric or ''} {c.topic or ''} {c.topic_key or ''}".lower())}
    return [w for w in shared_wording(a, b) if w not in own]


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive whole-word pattern for a list of words or phrases from a rule."""
    return _words_pattern(tuple(words))


@functools.lru_cache(maxsize=256)  # rules ask for the same word lists for every claim
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(w.strip()).replace(r"\ ", r"\s+") for w in words if w.strip()),
                          key=len, reverse=True)
    if not alternatives:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def slack(tolerance: float, value: float) -> float:
    """A relative tolerance as an absolute amount; none around an open end (infinity)."""
    if not tolerance or value in (float("inf"), float("-inf")):
        return 0.0
    return tolerance * abs(value)


def below(a: Claim, b: Claim, tolerance: float = 0.0) -> bool:
    """Every value `a` allows is below every value `b` allows.

    Rounding intervals are half-open: "£6 billion" means 5.5-6.5 and "£7 billion" 6.5-7.5, and 6.5
    rounds to 7, so two figures whose rounding intervals only touch do not agree.
    """
    top, floor = a.interval()[1], b.interval()[0]
    if top + slack(tolerance, floor) < floor:
        return True
    # Touching rounding intervals disagree; a bound's end as written ("below £500,000", "£500,000 and
    # above") is a threshold that meets the other figure, not a disagreement.
    rounded = ("exact", "approx", "range")
    return top == floor and a.precision > 0 and b.precision > 0 and a.bound in rounded and b.bound in rounded


def fmt_number(value: float) -> str:
    """1,234,500 / 12.5 / -inf: plain numbers for assumptions (no exponent notation)."""
    if value in (float("inf"), float("-inf")):
        return "no upper limit" if value > 0 else "no lower limit"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt_interval(interval: tuple[float, float]) -> str:
    if interval[0] == interval[1]:
        return fmt_number(interval[0])
    return f"{fmt_number(interval[0])} to {fmt_number(interval[1])}"


def interval_note(claim: Claim) -> str:
    """'"over £800 million" read as 800,000,000 to no upper limit' for the assumptions list."""
    return f"{claim.text.strip()!r} read as {fmt_interval(claim.interval())}"


GENERIC_SUBJECT_WORDS = ("fund", "funds", "funding", "programme", "programmes", "program", "scheme", "schemes",
                         "grant", "grants", "package", "initiative", "project", "projects", "department",
                         "government", "the", "and", "for", "new", "national", "total", "budget", "support",
                         "uk", "england")
_DATE_WORDS = MONTHS_LOWER | SEASONS_LOWER | {"year", "years", "month", "financial"}


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whose)\b")


def named_near(claim: Claim, window: int, share: float, generic: Iterable[str] = GENERIC_SUBJECT_WORDS) -> bool:
    """Whether the claim's subject is named within `window` words of it ("the £5m Harbour Fund").

    At least `share` of the subject's distinctive words (not generic or date words) must be near; a
    subject of only generic or date words ("April", "the fund") names nothing.
    """
    skip = set(generic) | _DATE_WORDS
    distinctive = {w for w in re.findall(r"[a-z]+", (claim.topic_key or claim.topic or "").lower())
                   if len(w) > 2 and w not in skip}
    topic = (claim.topic or "").strip()
    if not distinctive and 2 <= len(topic) <= 6 and topic.isalpha() and topic.isupper():
        distinctive = {topic.lower()}  # a short acronym ("ES") names its subject as fully as the name
    # function words do not put a name further away: "X's total prize pool for the 2025 season is $2.4m"
    prefix = claim_prefix(claim, 16 * window)
    aside = _RELATIVE_CLAUSE.search(prefix)
    if aside and prefix.rfind(",") > aside.start():
        # "X, which sells milk, curd and ghee under the Y brand, reported ...": the clause set off by commas
        # is an aside; the subject is as near as the verb after it
        prefix = prefix[:aside.start()] + " " + prefix[prefix.rfind(",") + 1:]
    before = [w for w in re.findall(r"[a-z]+", prefix) if w not in STOP][-window:]
    after = [w for w in re.findall(r"[a-z]+", claim_suffix(claim, 16 * window)) if w not in STOP][:window]
    near = {w.rstrip("s") for w in before + after}
    # the sentence's own words for the subject ("NCL's 2025 prize pool", "The fund, worth $190m"), read as
    # the subject by the attribute stage; a bare pronoun ("it") is too weak to count
    mention = {w.rstrip("s") for w in re.findall(r"[a-z]+", (claim.topic_mention or "").lower())
               if len(w) > 2 and w not in _DATE_WORDS and w not in STOP}
    if mention and mention <= near:
        return True
    if not distinctive:
        return False
    return sum(1 for w in distinctive if w.rstrip("s") in near) >= share * len(distinctive)
