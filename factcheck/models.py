"""The contracts between pipeline stages.

Every stage is a plain function from one of these models to another:
read (paths -> Document) -> extract (Document -> Claim) -> attribute (Claim gains topic/metric/...)
-> group (Claims -> Group) -> rules (Groups -> Finding) -> render (CheckResult -> text).
"""

from __future__ import annotations

import bisect
import operator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# `number`: a numeral that is not a claim (a label, a year, a bare "seventeen"), only with --all-numbers.
ClaimKind = Literal["money", "count", "percent", "percentage_points", "ratio", "number"]
# How the qualifier bounds the figure: "more than 50" is a lower bound, "nearly 100" an upper one.
Bound = Literal["exact", "lower", "upper", "approx", "range"]
# Where a date came from, so a finding can say how sure it is of "when".
DateOrigin = Literal["metadata", "text", "relative", "none"]
# total: the whole; part: a share, allocation or recipient's grant out of a whole; increase: a top-up or change;
# target: a pledge or plan; outturn: what was actually spent or achieved; per_unit: a rate per person or item.
Role = Literal["total", "increase", "part", "target", "outturn", "per_unit", "unknown"]
Relation = Literal["range_start", "range_end", "change_from", "change_to", "ratio_base", "ratio_return"]
Severity = Literal["error", "warning", "info"]
# The version of the JSON outputs (`check`, `verify`); `factcheck schema` prints their JSON Schemas.
# Adding a field keeps it; removing or renaming one, or changing a field's meaning, bumps it.
SCHEMA_VERSION = "2"


class DocumentMeta(BaseModel):
    """Metadata of a statement: from front matter, JSON fields, or found in the text."""

    model_config = ConfigDict(extra="allow")

    date: str | None = None  # ISO, partial allowed: "2023-09", "2016-11-03"
    source: str | None = None
    speaker: str | None = None
    url: str | None = None
    title: str | None = None
    department: str | None = None


class Section(BaseModel):
    """A stretch of a document that carries one statement date (seed pages hold several)."""

    start: int
    date: str | None = None
    date_origin: DateOrigin = "none"
    header: str | None = None  # the text that dated it, e.g. "(7 years ago)"


_section_start = operator.attrgetter("start")


class Document(BaseModel):
    """One statement as read: its text exactly as decoded, and where it came from."""

    id: str  # what claims cite as `doc`: the path as given, plus "#<record id>" for JSON lines
    path: str
    text: str
    sha256: str
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    sections: list[Section] = Field(default_factory=list)  # sorted by start
    line_offset: int = 0  # lines before `text` in the file (front matter), so claim lines are file lines

    def section_at(self, offset: int) -> Section | None:
        """The dated section an offset falls in (the last one starting at or before it); a bisect, since a
        hostile text can hold tens of thousands of date headers."""
        at = bisect.bisect_right(self.sections, offset, key=_section_start)
        return self.sections[at - 1] if at else None


class Claim(BaseModel):
    """One numeric claim, normalised, with its evidence and (after attribution) its context."""

    id: str  # stable: "<first 12 hex of document sha256>:<start>"
    doc: str
    start: int  # character offsets into the document's text; text == doc.text[start:end]
    end: int
    line: int = 1  # 1-based line and column of start, for SARIF and editor annotations
    column: int = 1
    text: str
    sentence: str
    sentence_start: int = 0
    kind: ClaimKind
    unit: str | None = None  # ISO currency code for money ("GBP"), the counted noun for counts, "%" for percent
    value: float
    lo: float | None = None  # bounds from the qualifier; exact figures have lo == hi == value
    hi: float | None = None
    bound: Bound = "exact"
    qualifier: str | None = None  # the qualifier word as written ("more than", "nearly")
    precision: float = 0.0  # half the last written digit: "£4.7m" -> 50,000 (it means £4.65m-£4.75m)
    related: str | None = None  # id of the other end of a range, change or ratio
    relation: Relation | None = None
    # What reading the figure needed, for findings to state: "'$' read as USD: no other dollar named earlier".
    assumption: str | None = None
    date: str | None = None
    date_origin: DateOrigin = "none"
    source: DocumentMeta = Field(default_factory=DocumentMeta)
    # Filled by the attribute stage.
    topic: str | None = None
    topic_key: str | None = None  # normalised topic used for blocking and matching
    metric: str | None = None
    period: str | None = None
    role: Role | None = None
    recipient: str | None = None  # for a part: who receives it ("Portsmouth" in "£12m to Portsmouth")
    cumulative: bool = False
    # The topic names a subject only inside its own document (a table's row label, "the gap"): grouped there only.
    topic_local: bool = False
    # Other keys the subject goes by, learnt from the documents ("the Coastal Resilience Fund (CRF)": both).
    topic_aliases: list[str] | None = None
    # The words the sentence uses for the subject when they are not its name: a short form, an acronym or an
    # anaphor ("NCL", "the fund"), so a finding can say how it read them.
    topic_mention: str | None = None
    # Other names the sentence says the figure is in or with ("with Ukraine", "in Western Sahara"): a place or
    # party that scopes it. Two figures scoped to different ones are not one total misstated.
    scope: list[str] | None = None

    def interval(self) -> tuple[float, float]:
        """The values this claim allows once its qualifier and written precision are respected.

        A qualifier's bound is the figure as written: "more than £2bn" allows (£2bn, no limit) and "nearly
        100" (no limit, 100), so "more than £2 billion" excludes £1.8bn. The half-unit rounding allowance
        ("£4.7m" is £4.65m-£4.75m) belongs to figures given as a value (exact, approximate, a range's ends).
        """
        if self.bound == "lower" and self.lo is not None:
            return self.lo, float("inf") if self.hi is None else self.hi + self.precision
        if self.bound == "upper" and self.hi is not None:
            return float("-inf") if self.lo is None else self.lo - self.precision, self.hi
        lo = self.lo if self.lo is not None else float("-inf")
        hi = self.hi if self.hi is not None else float("inf")
        return lo - self.precision, hi + self.precision


class Group(BaseModel):
    """Claims about the same subject and measure, across documents."""

    id: str
    topic: str
    metric: str | None = None
    kind: ClaimKind
    unit: str | None = None
    claims: list[str]  # claim ids, in (date, doc, start) order


class Finding(BaseModel):
    """An inconsistency a rule found, with the claims that show it and what it assumed."""

    id: str  # stable across runs: rule id + hash of the claims' evidence
    rule: str
    severity: Severity
    title: str = ""
    message: str
    claims: list[str]
    group: str | None = None
    topic: str | None = None
    assumptions: list[str] = Field(default_factory=list)


class RuleInfo(BaseModel):
    """What a rule is, for reports that explain a finding (SARIF rules, the HTML report)."""

    id: str
    title: str = ""
    severity: Severity = "warning"
    description: str = ""  # plain-language: what the rule flags and why it matters
    help_uri: str | None = None

    @classmethod
    def of(cls, rule: Any) -> RuleInfo:
        """From an engine rule (id, title, severity, description as text or what/why sections, references)."""
        description = rule.description
        if not isinstance(description, str):
            description = " ".join(s for s in (getattr(description, "what", ""), getattr(description, "why", "")) if s)
        references = [r for r in getattr(rule, "references", None) or [] if str(r).startswith(("http://", "https://"))]
        return cls(id=rule.id, title=rule.title, severity=rule.severity, description=description.strip(),
                   help_uri=references[0] if references else None)


class InputProblem(BaseModel):
    """Something the run could not read or use, reported rather than silently skipped."""

    path: str
    line: int | None = None
    message: str


class Coverage(BaseModel):
    """What a run saw and what it could not read, date or attribute."""

    documents: int = 0
    characters: int = 0
    claims: int = 0
    unreadable: list[InputProblem] = Field(default_factory=list)
    # Left out on purpose, with the reason: hidden or ignored paths, excluded ones, files of another kind.
    skipped: list[InputProblem] = Field(default_factory=list)
    suppressed: int = 0  # findings silenced by inline `factcheck: ignore` comments
    # `factcheck: ignore` comments that silenced nothing (reported as ruff reports an unused noqa)
    unused_suppressions: list[InputProblem] = Field(default_factory=list)
    undated_documents: list[str] = Field(default_factory=list)
    unattributed_claims: int = 0


class Suppression(BaseModel):
    """An inline `factcheck: ignore RULE -- reason` comment: it silences the rules it names (every rule when
    it names none) for claims on its own line or the line after it."""

    line: int  # 1-based line of the comment in the file
    rules: list[str] = Field(default_factory=list)
    reason: str | None = None


class DocumentSummary(BaseModel):
    """A document as renderers and the ledger see it: no text, just identity and metadata."""

    id: str
    path: str
    sha256: str
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    date: str | None = None  # the document's own date (first dated section, else metadata)
    characters: int = 0
    line_offset: int = 0  # as on Document
    # Older text the inputs are checked against (a ledger's statement, a file not under review): findings
    # are located at the new text and point back at this one.
    record: bool = False
    suppressions: list[Suppression] = Field(default_factory=list)

    @classmethod
    def of(cls, doc: Document) -> DocumentSummary:
        from .suppress import find_suppressions

        dated = next((s.date for s in doc.sections if s.date), None)
        return cls(id=doc.id, path=doc.path, sha256=doc.sha256, meta=doc.meta,
                   date=doc.meta.date or dated, characters=len(doc.text), line_offset=doc.line_offset,
                   suppressions=find_suppressions(doc.text, doc.line_offset))


class CheckResult(BaseModel):
    """Everything a renderer needs; sorted by (doc, start) so output is deterministic."""

    schema_version: str = SCHEMA_VERSION

    claims: list[Claim] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    documents: list[DocumentSummary] = Field(default_factory=list)
    coverage: Coverage = Field(default_factory=Coverage)
    rules: list[RuleInfo] = Field(default_factory=list)  # the rules that ran, so reports can explain findings
