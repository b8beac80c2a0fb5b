"""The rule file schema: pydantic models with extra="forbid", so a typo is an error, not a no-op.

A rule names one check kind (`check.kind`) whose own parameter model validates the rest of `check`.
"""

from __future__ import annotations

import string
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, field_validator

from ..models import Bound, Claim, ClaimKind, Relation, Role, Severity
from .checks import CHECK_KINDS, COMMON_PLACEHOLDERS

RuleId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Description(Strict):
    """Fixed sections, so `rules explain` and the generated reference read the same for every rule."""

    what: str  # what it checks
    why: str  # why it matters
    assumes: str  # what it assumes (and so when it can be wrong)
    # When a finding is an error, a warning or info (the README's severity policy applied to this rule).
    severity: str = ""


class Select(Strict):
    """Which claims the rule sees. Empty lists mean "any"."""

    kinds: list[ClaimKind] = []
    roles: list[Role] = []  # a claim without a role counts as "unknown"
    exclude_roles: list[Role] = []
    metrics: list[str] = []  # case-insensitive substrings of Claim.metric
    units: list[str] = []
    bounds: list[Bound] = []
    exclude_relations: list[Relation] = []  # e.g. the ends of a change or range are not totals
    exclude_table_rows: bool = False  # cells of a table row ("a | b | c") are a breakdown, not statements
    exclude_questions: bool = False  # a question asks about a figure, it does not assert it
    cumulative: bool | None = None
    min_value: float | None = None
    max_value: float | None = None

    def matches(self, claim: Claim) -> bool:
        role = claim.role or "unknown"
        metric = (claim.metric or "").lower()
        return ((not self.kinds or claim.kind in self.kinds)
                and (not self.roles or role in self.roles)
                and role not in self.exclude_roles
                and (not self.metrics or any(m.lower() in metric for m in self.metrics))
                and (not self.units or claim.unit in self.units)
                and (not self.bounds or claim.bound in self.bounds)
                and (claim.relation is None or claim.relation not in self.exclude_relations)
                and not (self.exclude_table_rows and " | " in claim.sentence)
                and not (self.exclude_questions and is_question(claim.sentence))
                and (self.cumulative is None or claim.cumulative == self.cumulative)
                and (self.min_value is None or claim.value >= self.min_value)
                and (self.max_value is None or claim.value <= self.max_value))


def is_question(sentence: str) -> bool:
    """An interrogative sentence, or a parliamentary written question ("To ask the Secretary of State...")."""
    text = sentence.strip()
    return text.endswith("?") or text.lower().startswith("to ask ")


class ExampleDocument(Strict):
    """One statement of an example: its text and the metadata a finding's message would quote."""

    text: str
    date: str | None = None
    source: str | None = None
    speaker: str | None = None
    title: str | None = None


# An example is one text, or several dated statements (cross-document rules need more than one).
Example = str | list[ExampleDocument]


class Examples(Strict):
    flag: list[Example] = []
    pass_: list[Example] = Field(default=[], alias="pass")
    todo_flag: list[Example] = []  # known misses: should flag but does not yet (strict: fails once it flags)
    todo_pass: list[Example] = []  # known false alarms: should pass but flags (strict likewise)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class CheckSpec(BaseModel):
    """`check: {kind: ..., <that kind's parameters>}`; the parameters are validated by the kind's model."""

    model_config = ConfigDict(extra="allow")

    kind: str

    @field_validator("kind")
    @classmethod
    def known_kind(cls, value: str) -> str:
        if value not in CHECK_KINDS:
            raise ValueError(f"unknown check kind {value!r}; known kinds: {', '.join(sorted(CHECK_KINDS))}")
        return value

    def raw_params(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class Rule(Strict):
    id: RuleId
    title: str
    severity: Severity
    description: Description
    message: str
    references: list[str] = []
    aliases: list[RuleId] = []  # former ids, so baselines keyed on an old id keep working
    select: Select = Select()
    group_by: Literal["group", "document", "sentence", "all"] = "group"
    order_by: Literal["date", "offset", "value"] = "offset"
    check: CheckSpec
    examples: Examples = Examples()

    _params: Any = PrivateAttr(default=None)
    _path: str | None = PrivateAttr(default=None)
    _category: str | None = PrivateAttr(default=None)

    @property
    def params(self) -> Any:
        """The check kind's validated parameter model (set by the loader)."""
        if self._params is None:
            self._params = CHECK_KINDS[self.check.kind].Params.model_validate(self.check.raw_params())
        return self._params

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def category(self) -> str:
        return self._category or "custom"

    @property
    def needs_text(self) -> bool:
        return bool(CHECK_KINDS[self.check.kind].NEEDS_TEXT)


def template_problem(rule: Rule) -> str | None:
    """Why the message template cannot be filled for this check kind, or None when it can."""
    allowed = set(COMMON_PLACEHOLDERS) | set(CHECK_KINDS[rule.check.kind].PLACEHOLDERS)
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(rule.message) if name is not None}
    except ValueError as exc:
        return f"message is not a valid template: {exc}"
    unknown = sorted(n for n in names if n not in allowed)
    if unknown:
        return (f"message uses unknown placeholder(s) {', '.join('{' + n + '}' for n in unknown)}; "
                f"check kind {rule.check.kind!r} offers {', '.join('{' + n + '}' for n in sorted(allowed))}")
    return None
