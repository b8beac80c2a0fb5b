"""The only module that knows the order of the stages.

read -> extract -> attribute -> group -> rules. Rendering is the caller's (see factcheck.render).

The per-document stages (read, extract, attribute) are independent across documents, so they run on
an engine: in this process (`jobs=1`), in worker processes (`jobs=N`, factcheck.parallel) or on a
Dask cluster (`engine="dask"`, factcheck.engines.dask_engine). Grouping and rules see all claims.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
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
from .models import CheckResult, Claim, Coverage, Document, DocumentSummary, Finding, Group, InputProblem
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


def block_of(claim: Claim) -> tuple[str, str, str]:
    """The shuffle key for grouping on a cluster: kind, unit and the first word of the topic key.

    Claims in different blocks are never compared, so grouping and rules scale with the largest
    block, not with the archive; the price is that claims whose topic keys start differently are
    never grouped (and a rule that relates claims of different kinds would not see both).
    """
    words = (claim.topic_key or "").split()
    return claim.kind, claim.unit or "", words[0] if words else ""


def _group_and_evaluate(claims: list[Claim], settings: Settings, rules: list) -> tuple[list[Group], list[Finding]]:
    groups = group_claims(claims, settings)
    return groups, evaluate_rules(rules, claims, groups, settings)


def check(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
          rule_dirs: list[str] | None = None, rules: list | None = None, jobs: int = 1,
          engine: str = "local", scheduler: str | None = None, shuffle: bool = False) -> CheckResult:
    """Run the whole pipeline over `paths`; unreadable inputs are listed in result.coverage.

    jobs: worker processes for the per-document stages (1: all in this process).
    engine: "local" or "dask" (needs `factcheck[dask]`; `scheduler` is a running cluster's address,
    default a local cluster). The result does not depend on either.
    shuffle (dask only): group and apply rules per `block_of` block on the cluster instead of once
    over all claims; for claim sets too large to group on one machine, at the cost described there.
    """
    settings = settings or Settings()
    rules = load_rules(rule_dirs) if rules is None else rules
    problems: list[InputProblem] = []
    claims: list[Claim] = []
    documents: list[DocumentSummary] = []
    coverage = Coverage()
    with _session(engine, scheduler, jobs):  # one cluster for both phases
        for summary, doc_claims in document_claims(paths, as_of, settings, problems, attribute=True, jobs=jobs,
                                                   engine=engine, scheduler=scheduler):
            claims.extend(doc_claims)
            documents.append(summary)
            coverage.documents += 1
            coverage.characters += summary.characters
            if summary.date is None:
                coverage.undated_documents.append(summary.id)
        if engine == "dask" and shuffle:
            from .engines.dask_engine import map_blocks
            work = partial(_group_and_evaluate, settings=settings, rules=rules)
            blocks = map_blocks(claims, block_of, work, scheduler=scheduler, jobs=jobs)
            groups = [g for block_groups, _ in blocks for g in block_groups]
            findings = [f for _, block_findings in blocks for f in block_findings]
        else:
            groups, findings = _group_and_evaluate(claims, settings, rules)
    coverage.claims = len(claims)
    coverage.unreadable = problems
    coverage.unattributed_claims = sum(1 for c in claims if not c.topic)
    return CheckResult(claims=claims, groups=groups, findings=findings, documents=documents, coverage=coverage)


def _session(engine: str, scheduler: str | None, jobs: int) -> AbstractContextManager:
    """The Dask client both phases share (one local cluster, not two); nothing for the local engine."""
    if engine != "dask":
        return nullcontext()
    from .engines.dask_engine import client_for
    return client_for(scheduler, jobs)
