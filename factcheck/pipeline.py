"""The only module that knows the order of the stages.

read -> extract -> attribute -> group -> rules. Rendering is the caller's (see factcheck.render).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from .attribute import attribute_claims
from .config import Settings
from .dates import parse_as_of
from .documents import iter_documents
from .engine import evaluate_rules, load_rules, rules_need_text
from .extract import extract_claims
from .group import group_claims
from .models import CheckResult, Claim, Coverage, Document, DocumentSummary, InputProblem, RuleInfo


def extract_documents(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
                      problems: list[InputProblem] | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """Stream (document, claims) pairs: the read and extract stages, one document at a time."""
    for doc in iter_documents(paths, parse_as_of(as_of), settings, problems):
        yield doc, extract_claims(doc)


def check(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
          rule_dirs: list[str] | None = None, rules: list | None = None) -> CheckResult:
    """Run the whole pipeline over `paths`; unreadable inputs are listed in result.coverage."""
    settings = settings or Settings()
    problems: list[InputProblem] = []
    result = check_documents(iter_documents(paths, parse_as_of(as_of), settings, problems), settings,
                             rules=load_rules(rule_dirs) if rules is None else rules)
    result.coverage.unreadable = problems
    return result


def check_documents(documents: Iterable[Document], settings: Settings | None = None,
                    rules: list | None = None) -> CheckResult:
    """The pipeline from documents already read (library use, rule examples)."""
    settings = settings or Settings()
    rules = load_rules() if rules is None else rules
    keep_text = rules_need_text(rules)  # texts are kept only when a rule reads them
    texts: dict[str, str] = {}
    claims: list[Claim] = []
    documents_seen: list[DocumentSummary] = []
    coverage = Coverage()
    for doc in documents:
        doc_claims = attribute_claims(doc, extract_claims(doc))
        claims.extend(doc_claims)
        if keep_text and doc_claims:
            texts[doc.id] = doc.text
        summary = DocumentSummary.of(doc)
        documents_seen.append(summary)
        coverage.documents += 1
        coverage.characters += len(doc.text)
        if summary.date is None:
            coverage.undated_documents.append(doc.id)
    groups = group_claims(claims, settings)
    findings = evaluate_rules(rules, claims, groups, settings, texts=texts if keep_text else None)
    coverage.claims = len(claims)
    coverage.unattributed_claims = sum(1 for c in claims if not c.topic)
    return CheckResult(claims=claims, groups=groups, findings=findings, documents=documents_seen, coverage=coverage,
                       rules=[RuleInfo.of(rule) for rule in rules])  # so reports can explain each finding
