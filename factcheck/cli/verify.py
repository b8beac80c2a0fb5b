"""`factcheck verify`: where does a quote come from, and are its figures the ones on record?"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from ..dates import parse_as_of
from ..errors import ExitCode, InputError, UsageError
from ..ledger import LEDGER_ENV, Ledger, ledger_path
from ..models import SCHEMA_VERSION, InputProblem
from ..progress import bar_shown, count_documents, progress, use_color
from ..readers import check_supported, read_parts, reader_for
from ..render.safe import one_line
from ..verify import (
    ArticleResult,
    FigureDifference,
    Match,
    Verifier,
    WordingChange,
    corpus_ledger,
    failed,
    verify_article,
)
from .common import as_of_option, config_option, handle_errors, report_problems, settings_from

VERDICT_TEXT = {
    "verbatim": "verbatim: the words and figures are on record",
    "paraphrase": "paraphrase: the figures match the record, the wording differs",
    "figures_differ": "figures differ: the passage is on record with other figures",
    "not_found": "not found: no passage on record matches confidently",
}


@click.command()
@click.argument("quote", required=False)
@click.option("--file", "article", type=click.Path(dir_okay=False), default=None,
              help="Verify every quotation (\"...\", “...”, ‘...’, also wrapped and in > block quotes) "
                   "in this draft instead of one QUOTE.")
@click.option("--corpus", "corpus", multiple=True, metavar="PATH",
              help="Search these documents (files, directories, .jsonl); repeatable.")
@click.option("--ledger", "ledger_file", metavar="DB", default=None,
              help=f"Search this ledger (default: ${LEDGER_ENV}, else factcheck.db) when no --corpus is given.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@as_of_option
@config_option
@handle_errors()
def verify(quote: str | None, article: str | None, corpus: tuple[str, ...], ledger_file: str | None,
           output_format: str, as_of: str | None, config_path: str | None) -> None:
    """Find the passages QUOTE comes from and compare its figures with the record.

    Exit code 1 when a figure differs, a quote is not found or a quotation is never closed; 0 when
    every quote is on record.
    """
    if (quote is None) == (article is None):
        raise UsageError("give either a QUOTE or --file ARTICLE", hint='factcheck verify "the quote" --corpus DIR')
    if corpus and ledger_file:
        raise UsageError("give --corpus or --ledger, not both")
    parse_as_of(as_of)  # a bad date is a usage error before any reading
    settings = settings_from(config_path)
    problems: list[InputProblem] = []
    text = _read_article(article) if article else None
    if corpus:
        store = corpus_ledger(corpus, settings, problems, as_of=as_of,
                              progress=lambda docs: progress(docs, desc="indexing the corpus", unit=" docs",
                                                             total=count_documents(corpus) if bar_shown() else None))
    else:
        store = Ledger(ledger_path(ledger_file), read_only=True)
    with store:
        verifier = Verifier(store, settings)
        if text is None:
            outcome = ArticleResult(quotes=[verifier.verify(quote or "")])
        else:
            outcome = verify_article(text, verifier, progress=lambda quotes, total: progress(
                quotes, desc="verifying quotations", total=total, unit=" quotes"))
    if output_format == "json":
        if text is None:
            click.echo(json.dumps({"schema_version": SCHEMA_VERSION, **outcome.quotes[0].model_dump(mode="json")},
                                  indent=1, ensure_ascii=False))
        else:
            click.echo(json.dumps({
                "schema_version": SCHEMA_VERSION, "file": article,
                "quotes": [r.model_dump(mode="json") for r in outcome.quotes],
                "skipped": [{"line": ln, "column": col, "quote": q, "reason": "too short to attribute"}
                            for ln, col, q in outcome.skipped],
                "unclosed": [{"line": ln, "column": col, "mark": mark} for ln, col, mark in outcome.unclosed]},
                indent=1, ensure_ascii=False))
    else:
        colour = use_color(sys.stdout)
        click.echo(render_text(outcome, article, colour), color=colour)
    if problems:
        report_problems(problems, output_format)
        sys.exit(ExitCode.USAGE)
    sys.exit(ExitCode.FINDINGS if failed(outcome.quotes) or outcome.unclosed else ExitCode.CLEAN)


def display_path(path: str) -> str:
    """`path` relative to the working directory when it lies under it, as a person would type it."""
    doc, _, record = path.partition("#")
    try:
        relative = os.path.relpath(doc)
    except ValueError:  # another drive
        return path
    shown = doc if relative.startswith("..") else relative
    return f"{shown}#{record}" if record else shown


def _read_article(path: str) -> str:
    """The draft's text: UTF-8 text or Markdown, or a web page, PDF or Word file through its reader."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    if reader_for(path):
        return "\n\n".join(part.text for part in read_parts(data, path))
    check_supported(path)
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start})", path=path,
                         line=data[: exc.start].count(b"\n") + 1) from None


def _mark(text: str, spans: list[tuple[int, int]], color: str | None) -> str:
    """`text` with each span bracketed (and coloured on a terminal) so the differing figures stand out."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        inner = one_line(text[start:end])
        out.append(one_line(text[pos:start]))
        out.append(click.style(f"[{inner}]", fg=color, bold=True) if color else f"[{inner}]")
        pos = end
    out.append(one_line(text[pos:]))
    return "".join(out)


def _flat(text: str) -> str:
    """One line: hard wraps and paragraph breaks in a passage become single spaces."""
    return " ".join(text.split())


def _difference_line(d: FigureDifference) -> str:
    if d.recorded is None:
        return f"{d.quoted} is quoted; the passage has no figure of that kind"
    what = {"value": "a different value", "scale": "a different scale (thousand/million/billion)",
            "qualifier": f"a different qualifier ({d.quoted_bound} vs {d.recorded_bound})",
            "unit": "a different unit or kind", "missing": "missing"}[d.kind]
    return f"{d.quoted} quoted, {d.recorded} on record: {what}"


def _source_line(m: Match) -> str:
    who = ", ".join(x for x in (m.speaker, m.source, m.date) if x) or "undated, no source"
    confidence = "" if m.confident else ", low confidence"
    return one_line(f"{display_path(m.doc)}:{m.line} (ledger document {m.document}) — {who} "
                    f"(score {m.score:.0f}{confidence})")


def _wording_line(w: WordingChange) -> str:
    if not w.recorded:
        return f"“{w.quoted}” is quoted; the record has it {'elsewhere' if w.moved else 'nowhere here'}"
    if not w.quoted:
        return f"“{w.recorded}” is on record; the quote leaves it out"
    return f"“{w.quoted}” quoted, “{w.recorded}” on record"


def render_text(outcome: ArticleResult, article: str | None, color: bool) -> str:
    lines: list[str] = []
    shown = one_line(display_path(article)) if article else None
    for r in outcome.quotes:
        where = f"{shown}:{r.line}:{r.column}: " if shown and r.line else ""
        diffs = r.differences
        quoted = _mark(r.quote, [(d.quoted_start, d.quoted_end) for d in diffs], "red" if color else None)
        verdict = click.style(VERDICT_TEXT[r.verdict], bold=True) if color else VERDICT_TEXT[r.verdict]
        lines.append(f"{where}{verdict}")
        lines.append(f"  quoted:   {_flat(quoted)}")
        if r.verdict != "not_found" and r.matches:
            best = r.matches[0]
            spans = [(d.recorded_start, d.recorded_end) for d in diffs
                     if d.recorded_start is not None and d.recorded_end is not None]
            lines.append(f"  recorded: {_flat(_mark(best.passage, spans, 'green' if color else None))}")
            lines.append(f"  source:   {_source_line(best)}")
            lines.extend(f"  differs:  {_difference_line(d)}" for d in diffs)
            lines.extend(f"  wording:  {one_line(_wording_line(w))}" for w in r.wording)
            lines.extend(f"  also:     {_source_line(m)}" for m in r.matches[1:] if m.confident)
        else:
            if r.note:
                lines.append(f"  ({r.note})")
            for m in r.matches[:2]:
                lines.append(f"  closest:  {_source_line(m)}")
                lines.append(f"            {one_line(_flat(m.passage)[:300])}")
        lines.append("")
    for line, column, quote in outcome.skipped:
        lines.append(f"{shown}:{line}:{column}: “{one_line(quote)}” skipped: too short to attribute")
    for line, column, mark in outcome.unclosed:
        lines.append(f"{shown}:{line}:{column}: quotation opened with {mark} is never closed: not checked "
                     "(close it with the matching mark)")
    counts = {v: sum(r.verdict == v for r in outcome.quotes) for v in VERDICT_TEXT}
    if len(outcome.quotes) > 1 or outcome.skipped or outcome.unclosed:
        lines.append(", ".join(f"{n} {v.replace('_', ' ')}" for v, n in counts.items()) +
                     f"; {len(outcome.skipped)} skipped; {len(outcome.unclosed)} never closed.")
    return "\n".join(lines).rstrip("\n")
