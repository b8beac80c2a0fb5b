"""The only module that knows the order of the stages.

read -> extract -> attribute -> group -> rules. Rendering is the caller's (see factcheck.render).

The per-document stages (read, extract, attribute) are independent across documents, so they run on
an engine (factcheck.run): in this process (`jobs=1`), in worker processes (`jobs=N`) or on a Dask
cluster (`engine="dask"`). Grouping and rules see all claims.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any

from .attribute import attribute_claims, prepare_parses
from .config import Settings
from .dates import parse_as_of
from .documents import iter_documents, skipped_inputs
from .engine import evaluate_rules, load_rules, rules_need_text
from .engine.texts import needed_text
from .errors import InputError
from .extract import extract_claims
from .group import group_claims
from .models import CheckResult, Claim, Coverage, Document, DocumentSummary, Finding, Group, InputProblem, RuleInfo
from .run import check_engine, map_blocks, map_chunks, session, whole_files_from
from .run.local import Unit, chunked, iter_units, pack_claims, read_unit, unpack_claims
from .text.layout import TextLayout

if TYPE_CHECKING:
    from .ledger import AddOutcome, Ledger

# What the per-document stages hand on: the document's summary, its claims, and its text when a rule reads it.
Processed = tuple[DocumentSummary, list[Claim], str | None]


def extract_documents(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
                      problems: list[InputProblem] | None = None) -> Iterator[tuple[Document, list[Claim]]]:
    """Stream (document, claims) pairs: the read and extract stages, one document at a time."""
    for doc in iter_documents(paths, parse_as_of(as_of), settings, problems):
        yield doc, extract_claims(doc, settings)


def document_claims(doc: Document, settings: Settings | None = None) -> list[Claim]:
    """The extract and attribute stages for one document (its text analysed once, for both)."""
    layout = TextLayout(doc.text)
    return attribute_claims(doc, extract_claims(doc, settings, layout), layout)


PARSE_BATCH_DOCUMENTS = 256  # documents whose claim sentences are parsed in one batch (one nlp.pipe call): about
# a worker's chunk (256 KB of text), some 150 sentences; 64 documents cost 3-4 % more parse time in overhead


def _documents_with_claims(documents: Iterable[Document], settings: Settings | None, attribute: bool = True,
                           guard: bool = False) -> Iterator[tuple[Document, list[Claim] | InputProblem]]:
    """Extract (and attribute) a stream of documents, parsing the claim sentences of a few dozen at a time:
    the parser is many times faster on one batch than on each document's few sentences.

    guard: a stage that fails on a document (a bug that one text triggers) gives an InputProblem naming it
    in place of its claims, so it does not cost the other documents their run (FACTCHECK_DEBUG=1 re-raises).
    """
    documents = iter(documents)
    while chunk := list(islice(documents, PARSE_BATCH_DOCUMENTS)):
        layouts = [TextLayout(doc.text) for doc in chunk]  # each text analysed once, for both stages
        batch = [(doc, _stage(guard, doc, extract_claims, doc, settings, layout))
                 for doc, layout in zip(chunk, layouts, strict=True)]
        if attribute:
            ready = [(i, doc, claims) for i, (doc, claims) in enumerate(batch) if isinstance(claims, list)]
            try:
                prepare_parses([(doc, claims) for _, doc, claims in ready], [layouts[i] for i, _, _ in ready])
            except Exception:  # only a warm-up of the parse cache: each document is parsed on its own below
                if not guard or os.environ.get("FACTCHECK_DEBUG"):
                    raise
            batch = [(doc, claims if isinstance(claims, InputProblem) else
                      _stage(guard, doc, attribute_claims, doc, claims, layout))
                     for (doc, claims), layout in zip(batch, layouts, strict=True)]
        yield from batch


def _stage(guard: bool, doc: Document, stage: Callable[..., list[Claim]], *args: Any) -> list[Claim] | InputProblem:
    if not guard:
        return stage(*args)
    try:
        return stage(*args)
    except Exception as exc:
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        return InputProblem(path=doc.id, message=f"internal error on this document ({type(exc).__name__}: "
                                                 f"{str(exc)[:200]}); please report it")


def process_documents(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
                      problems: list[InputProblem] | None = None, attribute: bool = True, jobs: int = 1,
                      engine: str = "local", scheduler: str | None = None,
                      keep_text: bool = False, texts_without_claims: bool = False,
                      text_rules: list | None = None) -> Iterator[Processed]:
    """Stream (summary, claims, text or None) in input order: read, extract and (optionally) attribute.

    keep_text: hand on the text of documents with claims (rules that read text need it);
    texts_without_claims: hand on every text (the ledger stores documents without claims too: their
    passages serve `verify`);
    text_rules: with keep_text, hand on only what these rules read of each text (`needed_text`), cut out
    where the document is processed: in the workers, not in this process, which feeds them and runs the
    rules after. The result is the same for every `jobs` and engine.
    """
    as_of_date, settings = parse_as_of(as_of), settings or Settings()
    check_engine(engine)
    if engine == "local" and jobs <= 1:
        for doc, claims in _documents_with_claims(iter_documents(paths, as_of_date, settings, problems), settings,
                                                  attribute, guard=problems is not None):
            if isinstance(claims, InputProblem):
                problems.append(claims)  # type: ignore[union-attr]  # guarded only with a problems list
                continue
            yield DocumentSummary.of(doc), claims, _text_to_ship(doc, claims, keep_text, False, text_rules)
        return
    work = partial(_process_chunk, as_of=as_of_date, settings=settings, attribute=attribute, keep_text=keep_text,
                   texts_without_claims=texts_without_claims, text_rules=text_rules)
    chunks = chunked(iter_units(paths, as_of_date, settings, whole_files_from=whole_files_from(engine)))
    for items in map_chunks(work, chunks, engine, jobs, scheduler):
        for summary, packed, text, problem in items:
            if problem is not None:
                if problems is None:
                    raise InputError(problem.message, path=problem.path, line=problem.line)
                problems.append(problem)
            else:
                yield summary, unpack_claims(packed), text


def _text_to_ship(doc: Document, claims: list[Claim], keep_text: bool, texts_without_claims: bool,
                  text_rules: list | None) -> Any:
    """The text handed on with a document's claims: all of it, what `text_rules` read of it, or None."""
    if texts_without_claims or (keep_text and claims and text_rules is None):
        return doc.text
    if keep_text and claims:  # a rule never reads a text without claims
        return needed_text(text_rules or [], claims, doc.text)
    return None


def _process_chunk(units: list[Unit], as_of: date, settings: Settings, attribute: bool, keep_text: bool,
                   texts_without_claims: bool = False, text_rules: list | None = None,
                   ) -> list[tuple[DocumentSummary | None, list[tuple], str | None, InputProblem | None]]:
    """In a worker: the per-document stages over a chunk, in order; problems kept in sequence."""
    items: list[Document | InputProblem] = []  # read first, so the chunk's claim sentences parse in one batch
    for unit in units:
        problems: list[InputProblem] = []
        for doc in read_unit(unit, as_of, settings, problems):
            items.extend(problems)
            problems.clear()
            items.append(doc)
        items.extend(problems)
    docs = _documents_with_claims((d for d in items if isinstance(d, Document)), settings, attribute, guard=True)
    out: list[tuple[DocumentSummary | None, list[tuple], str | None, InputProblem | None]] = []
    for item in items:
        if isinstance(item, InputProblem):
            out.append((None, [], None, item))
            continue
        doc, claims = next(docs)
        if isinstance(claims, InputProblem):
            out.append((None, [], None, claims))
            continue
        text = _text_to_ship(doc, claims, keep_text, texts_without_claims, text_rules)
        out.append((DocumentSummary.of(doc), pack_claims(claims), text, None))
    return out


def record(paths: Sequence[str], ledger: Ledger, as_of: date | str | None = None, settings: Settings | None = None,
           problems: list[InputProblem] | None = None, jobs: int = 1, engine: str = "local",
           scheduler: str | None = None) -> Iterator[AddOutcome]:
    """Read, extract and attribute each document and store it in `ledger` (one transaction each, in input
    order, written by this process only).

    In one process, texts already in the ledger (same SHA-256) are not extracted again; with `jobs` > 1
    (or Dask) the workers extract everything and this process stores what is new.
    """
    from .documents import make_document
    from .ledger import AddOutcome

    as_of_date = parse_as_of(as_of)
    if engine == "local" and jobs <= 1:
        for doc in iter_documents(paths, as_of_date, settings, problems):
            if ledger.has(doc.sha256):
                yield AddOutcome(0, doc.id, doc.sha256, added=False, claims=0)
                continue
            claims = _stage(problems is not None, doc, document_claims, doc, settings)
            if isinstance(claims, InputProblem):
                problems.append(claims)  # type: ignore[union-attr]  # guarded only with a problems list
                continue
            yield ledger.add(doc, claims)
        return
    with session(engine, scheduler, jobs):
        for summary, claims, text in process_documents(paths, as_of_date, settings, problems, jobs=jobs,
                                                       engine=engine, scheduler=scheduler, keep_text=True,
                                                       texts_without_claims=True):
            if text is None:  # cannot happen with texts_without_claims; never store an empty text in its place
                raise InputError("internal error: a worker returned no text", path=summary.path)
            doc = make_document(summary.id, summary.path, text, summary.meta, as_of_date, summary.line_offset)
            yield ledger.add(doc, claims)


def rebuild(ledger: Ledger) -> Iterator[tuple[int, int]]:
    """Extract and attribute every stored document again with this version of factcheck, replacing its
    claims (one transaction each); yields (ledger id, claims). Run it after upgrading factcheck so new
    statements and the record are read the same way."""
    for document_id, doc in ledger.stored_documents():
        claims = document_claims(doc)
        ledger.replace_claims(document_id, claims)
        yield document_id, len(claims)


def check(paths: Sequence[str], as_of: date | str | None = None, settings: Settings | None = None,
          rule_dirs: list[str] | None = None, rules: list | None = None, ledger: Ledger | None = None,
          jobs: int = 1, engine: str = "local", scheduler: str | None = None, shuffle: bool = False,
          progress: Callable[[Iterable[Processed]], Iterable[Processed]] | None = None) -> CheckResult:
    """Run the whole pipeline over `paths`; unreadable inputs are listed in result.coverage.

    ledger: group the new claims with the stored claims that could match them and report only findings
    that involve at least one new claim (the CI use: "does this contradict the record?").
    jobs: worker processes for the per-document stages (1: all in this process).
    engine: "local" or "dask" (needs `factcheck[dask]`; `scheduler` is a running cluster's address,
    default a local cluster). The result does not depend on either.
    shuffle (dask only): group and apply rules per `block_of` block on the cluster instead of once
    over all claims; for claim sets too large to group on one machine, at the cost described there.
    progress: wraps the stream of processed documents (the CLI passes a progress bar).
    """
    settings = settings or Settings()
    rules = load_rules(rule_dirs) if rules is None else rules
    problems: list[InputProblem] = []
    with session(engine, scheduler, jobs):  # one cluster for both phases
        processed = process_documents(paths, as_of, settings, problems, jobs=jobs, engine=engine,
                                      scheduler=scheduler, keep_text=rules_need_text(rules), text_rules=rules)
        if progress is not None:
            processed = progress(processed)
        result = _check_processed(processed, settings, rules, ledger, texts_cut=True,
                                  blocks=(scheduler, jobs) if engine == "dask" and shuffle else None)
    result.coverage.unreadable = problems
    result.coverage.skipped = skipped_inputs(paths, settings)
    return result


def check_documents(documents: Iterable[Document], settings: Settings | None = None,
                    rules: list | None = None, ledger: Ledger | None = None) -> CheckResult:
    """The pipeline from documents already read (library use, rule examples)."""
    settings = settings or Settings()
    rules = load_rules() if rules is None else rules
    processed = ((DocumentSummary.of(doc), claims, doc.text)
                 for doc, claims in _documents_with_claims(documents, settings))
    return _check_processed(processed, settings, rules, ledger)


def _check_processed(processed: Iterable[Processed], settings: Settings, rules: list, ledger: Ledger | None,
                     blocks: tuple[str | None, int] | None = None, texts_cut: bool = False) -> CheckResult:
    """Group and apply rules to what the per-document stages produced (texts_cut: their texts are already
    what the rules read, `process_documents`'s text_rules)."""
    claims: list[Claim] = []
    documents: list[DocumentSummary] = []
    texts: dict[str, Any] = {}
    keep_text = rules_need_text(rules)
    coverage = Coverage()
    for summary, doc_claims, text in processed:
        claims.extend(doc_claims)
        if text is not None and doc_claims and keep_text:  # only what text-reading rules read
            texts[summary.id] = text if texts_cut else needed_text(rules, doc_claims, text)
        documents.append(summary)
        coverage.documents += 1
        coverage.characters += summary.characters
        if summary.date is None:
            coverage.undated_documents.append(summary.id)
    coverage.claims = len(claims)
    coverage.unattributed_claims = sum(1 for c in claims if not c.topic)
    text_map = texts if rules_need_text(rules) else None
    if ledger is not None:
        return _check_against_ledger(ledger, claims, documents, coverage, rules, settings, text_map)
    if blocks is not None:
        work = partial(_group_and_evaluate, settings=settings, rules=rules, texts=text_map)
        done = map_blocks(claims, block_of, work, scheduler=blocks[0], jobs=blocks[1])
        groups = [g for block_groups, _ in done for g in block_groups]
        findings = [f for _, block_findings in done for f in block_findings]
    else:
        groups, findings = _group_and_evaluate(claims, settings, rules, text_map)
    return CheckResult(claims=claims, groups=groups, findings=findings, documents=documents, coverage=coverage,
                       rules=[RuleInfo.of(rule) for rule in rules])  # so reports can explain each finding


def block_of(claim: Claim) -> tuple[str, str, str]:
    """The shuffle key for grouping on a cluster: kind, unit and the first word of the topic key.

    Claims in different blocks are never compared, so grouping and rules scale with the largest
    block, not with the archive; the price is that claims whose topic keys start differently are
    never grouped (and a rule that relates claims of different kinds would not see both).
    """
    words = (claim.topic_key or "").split()
    return claim.kind, claim.unit or "", words[0] if words else ""


def _group_and_evaluate(claims: list[Claim], settings: Settings, rules: list,
                        texts: dict[str, str] | None = None) -> tuple[list[Group], list[Finding]]:
    groups = group_claims(claims, settings)
    return groups, evaluate_rules(rules, claims, groups, settings, texts=texts)


def _check_against_ledger(ledger: Ledger, new_claims: list[Claim], documents: list[DocumentSummary],
                          coverage: Coverage, rules: list, settings: Settings,
                          texts: dict[str, str] | None) -> CheckResult:
    """Group new claims with the stored ones that could match; keep findings that involve something new."""
    new_ids = {c.id for c in new_claims}
    new_docs = {d.id for d in documents}  # an earlier version of a file being checked is superseded by it
    stored = [c for c in ledger.candidate_claims(new_claims, settings.max_block_size)
              if c.id not in new_ids and c.doc not in new_docs]
    everything = new_claims + stored
    groups = [g for g in group_claims(everything, settings) if new_ids.intersection(g.claims)]
    findings = [f for f in evaluate_rules(rules, everything, groups, settings, texts=texts)
                if new_ids.intersection(f.claims)]
    cited = {cid for f in findings for cid in f.claims} | {cid for g in groups for cid in g.claims}
    old_cited = [c for c in stored if c.id in cited]
    seen_docs = {d.id for d in documents}
    for claim in old_cited:
        if claim.doc not in seen_docs:
            seen_docs.add(claim.doc)
            documents.append(ledger.document_of_claim(claim.id).summary.model_copy(update={"record": True}))
    return CheckResult(claims=sorted(new_claims + old_cited, key=lambda c: (c.doc, c.start)), groups=groups,
                       findings=findings, documents=documents, coverage=coverage,
                       rules=[RuleInfo.of(rule) for rule in rules])

