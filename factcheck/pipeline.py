"""The only module that knows the order of the stages.

read -> extract -> attribute -> group -> rules. Rendering is the caller's (see factcheck.render).

The per-document stages (read, extract, attribute) are independent across documents, so they run on
an engine: in this process (`jobs=1`), in worker processes (`jobs=N`, factcheck.parallel) or on a
Dask cluster (`engine="dask"`, factcheck.engines.dask_engine). Grouping and rules see all claims.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from functools import partial

from .attribute import attribute_claims
from .config import Settings
from .dates import parse_as_of
from .documents import iter_documents
from .engine import evaluate_rules, load_rules
from .errors import InputError, UsageError
from .extract import extract_claims
from .group import group_claims
from .models import CheckResult, Claim, Coverage, Document, DocumentSummary, InputProblem
from .parallel import Unit, chunked, iter_units, ordered_map, pack_claims, read_unit, unpack_claims

ENGINES = ("local", "dask")


def extract_documents(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
                      problems: list[InputProblem] | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """Stream (document, claims) pairs: the read and extract stages, one document at a time."""
    for doc in iter_documents(paths, parse_as_of(as_of), settings, problems):
        yield doc, extract_claims(doc)


def document_claims(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
                    problems: list[InputProblem] | None = None, attribute: bool = True, jobs: int = 1,
                    engine: str = "local", scheduler: str | None = None,
                    ) -> Iterator[tuple[DocumentSummary, list[Claim]]]:
    """Stream (document summary, claims) in input order: read, extract and (optionally) attribute.

    The result is the same for every `jobs` and engine; only where the work runs differs.
    """
    as_of_date, settings = parse_as_of(as_of), settings or Settings()
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}", hint=f"use one of: {', '.join(ENGINES)}")
    if engine == "local" and jobs <= 1:
        for doc in iter_documents(paths, as_of_date, settings, problems):
            claims = extract_claims(doc)
            yield DocumentSummary.of(doc), attribute_claims(doc, claims) if attribute else claims
        return
    work = partial(_process_chunk, as_of=as_of_date, settings=settings, attribute=attribute)
    split_jsonl = engine == "local"
    chunks = chunked(iter_units(paths, as_of_date, settings, split_jsonl=split_jsonl))
    if engine == "dask":
        from .engines.dask_engine import map_ordered
        results = map_ordered(work, chunks, scheduler=scheduler, jobs=jobs)
    else:
        results = ordered_map(work, chunks, jobs)
    for items in results:
        for summary, packed, problem in items:
            if problem is not None:
                if problems is None:
                    raise InputError(problem.message, path=problem.path, line=problem.line)
                problems.append(problem)
            else:
                yield summary, unpack_claims(packed)


def _process_chunk(units: list[Unit], as_of: date, settings: Settings,
                   attribute: bool) -> list[tuple[DocumentSummary | None, list[tuple], InputProblem | None]]:
    """In a worker: the per-document stages over a chunk, in order; problems kept in sequence."""
    out: list[tuple[DocumentSummary | None, list[tuple], InputProblem | None]] = []
    for unit in units:
        problems: list[InputProblem] = []
        for doc in read_unit(unit, as_of, settings, problems):
            out.extend((None, [], p) for p in problems)
            problems.clear()
            claims = extract_claims(doc)
            if attribute:
                claims = attribute_claims(doc, claims)
            out.append((DocumentSummary.of(doc), pack_claims(claims), None))
        out.extend((None, [], p) for p in problems)
    return out


def check(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
          rule_dirs: list[str] | None = None, rules: list | None = None, jobs: int = 1,
          engine: str = "local", scheduler: str | None = None) -> CheckResult:
    """Run the whole pipeline over `paths`; unreadable inputs are listed in result.coverage.

    jobs: worker processes for the per-document stages (1: all in this process).
    engine: "local" or "dask" (needs `factcheck[dask]`; `scheduler` is a running cluster's address,
    default a local cluster). The result does not depend on either.
    """
    settings = settings or Settings()
    rules = load_rules(rule_dirs) if rules is None else rules
    problems: list[InputProblem] = []
    claims: list[Claim] = []
    documents: list[DocumentSummary] = []
    coverage = Coverage()
    for summary, doc_claims in document_claims(paths, as_of, settings, problems, attribute=True, jobs=jobs,
                                               engine=engine, scheduler=scheduler):
        claims.extend(doc_claims)
        documents.append(summary)
        coverage.documents += 1
        coverage.characters += summary.characters
        if summary.date is None:
            coverage.undated_documents.append(summary.id)
    groups = group_claims(claims, settings)
    findings = evaluate_rules(rules, claims, groups, settings)
    coverage.claims = len(claims)
    coverage.unreadable = problems
    coverage.unattributed_claims = sum(1 for c in claims if not c.topic)
    return CheckResult(claims=claims, groups=groups, findings=findings, documents=documents, coverage=coverage)
