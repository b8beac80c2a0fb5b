"""The only module that knows the order of the stages.

read -> extract -> attribute -> group -> rules. Rendering is the caller's (see factcheck.render).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from .attribute import attribute_claims
from .config import Settings
from .dates import parse_as_of
from .documents import iter_documents
from .engine import evaluate_rules, load_rules
from .extract import extract_claims
from .group import group_claims
from .models import CheckResult, Claim, Coverage, Document, DocumentSummary, InputProblem


def extract_documents(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
                      problems: list[InputProblem] | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """Stream (document, claims) pairs: the read and extract stages, one document at a time."""
    for doc in iter_documents(paths, parse_as_of(as_of), settings, problems):
        yield doc, extract_claims(doc)


def check(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
          rule_dirs: list[str] | None = None, rules: list | None = None) -> CheckResult:
    """Run the whole pipeline over `paths`; unreadable inputs are listed in result.coverage."""
    settings = settings or Settings()
    rules = load_rules(rule_dirs) if rules is None else rules
    problems: list[InputProblem] = []
    claims: list[Claim] = []
    documents: list[DocumentSummary] = []
    coverage = Coverage()
    for doc, doc_claims in extract_documents(paths, as_of, settings, problems):
        doc_claims = attribute_claims(doc, doc_claims)
        claims.extend(doc_claims)
        summary = DocumentSummary.of(doc)
        documents.append(summary)
        coverage.documents += 1
        coverage.characters += len(doc.text)
        if summary.date is None:
            coverage.undated_documents.append(doc.id)
    groups = group_claims(claims, settings)
    findings = evaluate_rules(rules, claims, groups, settings)
    coverage.claims = len(claims)
    coverage.unreadable = problems
    coverage.unattributed_claims = sum(1 for c in claims if not c.topic)
    return CheckResult(claims=claims, groups=groups, findings=findings, documents=documents, coverage=coverage)
