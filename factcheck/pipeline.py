"""The only module that knows the order of the stages.

read -> extract -> attribute -> group -> rules. Rendering is the caller's (see factcheck.render).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from .attribute import attribute_claims
from .config import Settings
from .dates import parse_as_of
from .documents import iter_documents
from .engine import evaluate_rules, load_rules
from .extract import extract_claims
from .group import group_claims
from .models import CheckResult, Claim, Coverage, Document, DocumentSummary, InputProblem

if TYPE_CHECKING:
    from .ledger import AddOutcome, Ledger


def extract_documents(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
                      problems: list[InputProblem] | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """Stream (document, claims) pairs: the read and extract stages, one document at a time."""
    for doc in iter_documents(paths, parse_as_of(as_of), settings, problems):
        yield doc, extract_claims(doc)


def document_claims(doc: Document) -> list[Claim]:
    """The extract and attribute stages for one document."""
    return attribute_claims(doc, extract_claims(doc))


def record(paths: Sequence[str], ledger: Ledger, as_of: date | str | None = None, settings: Settings | None = None,
           problems: list[InputProblem] | None = None) -> Iterator[AddOutcome]:
    """Read, extract and attribute each document and store it in `ledger` (one transaction each).

    Texts already in the ledger (same SHA-256) are not extracted again.
    """
    from .ledger import AddOutcome

    for doc in iter_documents(paths, parse_as_of(as_of), settings, problems):
        if ledger.has(doc.sha256):
            yield AddOutcome(0, doc.id, doc.sha256, added=False, claims=0)
            continue
        yield ledger.add(doc, document_claims(doc))


def check(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
          rule_dirs: list[str] | None = None, rules: list | None = None, ledger: Ledger | None = None) -> CheckResult:
    """Run the whole pipeline over `paths`; unreadable inputs are listed in result.coverage.

    With a `ledger`, the new claims are grouped with the stored claims that could match them and only
    findings that involve at least one new claim are reported (the CI use: "does this contradict the record?").
    """
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
    if ledger is not None:
        return _check_against_ledger(ledger, claims, documents, coverage, problems, rules, settings)
    groups = group_claims(claims, settings)
    findings = evaluate_rules(rules, claims, groups, settings)
    coverage.claims = len(claims)
    coverage.unreadable = problems
    coverage.unattributed_claims = sum(1 for c in claims if not c.topic)
    return CheckResult(claims=claims, groups=groups, findings=findings, documents=documents, coverage=coverage)


def _check_against_ledger(ledger: Ledger, new_claims: list[Claim], documents: list[DocumentSummary],
                          coverage: Coverage, problems: list[InputProblem], rules: list,
                          settings: Settings) -> CheckResult:
    new_ids = {c.id for c in new_claims}
    stored = [c for c in ledger.candidate_claims(new_claims, settings.max_block_size) if c.id not in new_ids]
    everything = new_claims + stored
    groups = [g for g in group_claims(everything, settings) if new_ids.intersection(g.claims)]
    findings = [f for f in evaluate_rules(rules, everything, groups, settings) if new_ids.intersection(f.claims)]
    cited = {cid for f in findings for cid in f.claims} | {cid for g in groups for cid in g.claims}
    old_cited = [c for c in stored if c.id in cited]
    seen_docs = {d.id for d in documents}
    for claim in old_cited:
        if claim.doc not in seen_docs:
            seen_docs.add(claim.doc)
            documents.append(ledger.document_of_claim(claim.id).summary)
    coverage.claims = len(new_claims)
    coverage.unreadable = problems
    coverage.unattributed_claims = sum(1 for c in new_claims if not c.topic)
    return CheckResult(claims=sorted(new_claims + old_cited, key=lambda c: (c.doc, c.start)), groups=groups,
                       findings=findings, documents=documents, coverage=coverage)
