"""What a CI run reports out of a CheckResult: the findings about the text under review, minus those a
writer suppressed inline, at or above a severity, most severe first.

Plain functions over the result (the pipeline's output), used by `factcheck check` and callable from
the library: `review(result, Review(changed=..., min_severity="warning"))`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .engine import SEVERITY_RANK
from .errors import UsageError
from .models import CheckResult, Claim, Finding, InputProblem

UNUSED_SUPPRESSION = "unused-suppression"  # the id `--select`/`--ignore` use for unused `factcheck: ignore` comments


@dataclass
class Review:
    """How to narrow a result. `changed`: paths under review (None: every input is); `record_documents`:
    SHA-256 of documents already on record (from a baseline)."""

    changed: list[str] | None = None
    record_documents: frozenset[str] = frozenset()
    min_severity: str = "info"
    report_unused_suppressions: bool = True  # False with --ignore unused-suppression


def selected_rules(rules: list, select: Iterable[str], ignore: Iterable[str]) -> list:
    """The rules `--select` keeps (all when empty) minus those `--ignore` names; an unknown id is an error."""
    select, ignore = list(select), list(ignore)
    known = {r.id for r in rules} | {alias for r in rules for alias in getattr(r, "aliases", None) or []}
    known.add(UNUSED_SUPPRESSION)
    for rule_id in (*select, *ignore):
        if rule_id not in known:
            raise UsageError(f"unknown rule {rule_id!r}", hint="`factcheck rules list` shows the rule ids")

    def names(rule: object) -> set[str]:
        return {getattr(rule, "id", ""), *(getattr(rule, "aliases", None) or [])}

    return [r for r in rules if (not select or names(r) & set(select)) and not names(r) & set(ignore)]


def review(result: CheckResult, options: Review) -> CheckResult:
    """`result` narrowed in place: record documents marked, suppressed findings removed (unused comments
    listed in coverage), only findings involving text under review, at or above `min_severity`."""
    _mark_record(result, options)
    claims = {c.id: c for c in result.claims}
    new_docs = {d.id for d in result.documents if not d.record}
    if options.changed is not None:  # only findings that involve the text under review
        result.findings = [f for f in result.findings
                           if any(claims[c].doc in new_docs for c in f.claims if c in claims)]
    _apply_suppressions(result, claims, options.report_unused_suppressions)
    threshold = SEVERITY_RANK[options.min_severity]
    result.findings = [f for f in result.findings if SEVERITY_RANK[f.severity] >= threshold]
    if SEVERITY_RANK["warning"] < threshold:
        result.coverage.unused_suppressions = []  # reported as warnings: hidden below the threshold too
    return result


def _mark_record(result: CheckResult, options: Review) -> None:
    if options.changed is not None:
        under_review = {str(Path(p).resolve()) for p in options.changed}
        for doc in result.documents:
            if str(Path(doc.path).resolve()) not in under_review:
                doc.record = True
    for doc in result.documents:
        if doc.sha256 in options.record_documents:
            doc.record = True


def _apply_suppressions(result: CheckResult, claims: dict[str, Claim], report_unused: bool) -> None:
    """Drop findings an inline comment silences: one on a claim's line or the line before, naming the
    finding's rule (or no rule). Comments in record documents count as well as in new ones."""
    by_doc = {d.id: d for d in result.documents if d.suppressions}
    if not by_doc:
        return
    used: set[tuple[str, int]] = set()
    kept: list[Finding] = []
    for finding in result.findings:
        hit = None
        for claim_id in finding.claims:
            claim = claims.get(claim_id)
            doc = by_doc.get(claim.doc) if claim else None
            if claim is None or doc is None:
                continue
            hit = next((s for s in doc.suppressions if claim.line in (s.line, s.line + 1)
                        and (not s.rules or finding.rule in s.rules)), None)
            if hit is not None:
                used.add((doc.id, hit.line))
                break
        if hit is None:
            kept.append(finding)
    result.coverage.suppressed += len(result.findings) - len(kept)
    result.findings = kept
    if report_unused:
        result.coverage.unused_suppressions = [
            InputProblem(path=doc.path, line=s.line,
                         message="unused suppression: factcheck: ignore"
                                 + (f" {', '.join(s.rules)}" if s.rules else "") + " silences no finding")
            for doc in by_doc.values() if not doc.record for s in doc.suppressions if (doc.id, s.line) not in used]
