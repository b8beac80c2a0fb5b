"""`factcheck ledger add|list|show|remove|stats`: the SQLite record of everything said before."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click
from tqdm import tqdm

from ..errors import ExitCode
from ..ledger import DEFAULT_LEDGER, LEDGER_ENV, Ledger, StoredDocument
from ..models import InputProblem
from ..pipeline import rebuild, record
from ..progress import bar_shown, count_documents
from ..render.claims import write_claims
from ..render.safe import one_line
from .common import as_of_option, config_option, engine_options, handle_errors, report_problems, settings_from

FORMATS = ("text", "json")


def ledger_option(f: Callable) -> Callable:
    return click.option("--ledger", "ledger_path", metavar="PATH", default=DEFAULT_LEDGER, envvar=LEDGER_ENV,
                        show_default=True, show_envvar=True, help="The ledger database file.")(f)


def format_option(f: Callable) -> Callable:
    return click.option("--format", "output_format", type=click.Choice(FORMATS), default="text")(f)


def _json(data: Any) -> None:
    click.echo(json.dumps(data, indent=1, ensure_ascii=False))


def _document_record(stored: StoredDocument) -> dict:
    return {"id": stored.id, **stored.summary.model_dump(mode="json", exclude_none=True),
            "claims": stored.claims, "added_at": stored.added_at}


@click.group()
def ledger() -> None:
    """The SQLite ledger of past statements and their claims (used by `check --ledger` and `verify`)."""


@ledger.command("add")
@click.argument("paths", nargs=-1, required=True)
@ledger_option
@format_option
@as_of_option
@config_option
@engine_options
@handle_errors()
def add(paths: tuple[str, ...], ledger_path: str, output_format: str, as_of: str | None,
        config_path: str | None, jobs: int, engine: str, scheduler: str | None) -> None:
    """Store the documents in PATHS and their claims (a text already stored is skipped)."""
    settings = settings_from(config_path, paths)
    problems: list[InputProblem] = []
    added = skipped = claims = 0
    shown = bar_shown()
    progress = tqdm(desc="adding", unit=" docs", disable=not shown, leave=False,
                    total=count_documents(paths) if shown else None)
    with Ledger(ledger_path, create=True) as store, progress:
        for outcome in record(paths, store, as_of, settings, problems, jobs=jobs, engine=engine, scheduler=scheduler):
            progress.update()
            if outcome.added:
                added += 1
                claims += outcome.claims
            else:
                skipped += 1
    if output_format == "json":
        _json({"ledger": ledger_path, "added": added, "claims": claims, "already_stored": skipped})
    else:
        click.echo(f"{ledger_path}: added {added} document(s) with {claims} claim(s); "
                   f"{skipped} already in the ledger.")
    if problems:
        report_problems(problems, output_format)
        sys.exit(ExitCode.USAGE)


@ledger.command("list")
@ledger_option
@format_option
@handle_errors()
def list_documents(ledger_path: str, output_format: str) -> None:
    """List the stored documents, oldest statement first."""
    with Ledger(ledger_path, read_only=True) as store:
        docs = store.documents()
    if output_format == "json":
        _json({"documents": [_document_record(d) for d in docs]})
        return
    for d in docs:
        s = d.summary
        click.echo(f"{d.id:>6}  {s.sha256[:12]}  {one_line(s.date or 'undated'):<10}  {d.claims:>5} claims  "
                   f"{one_line(s.id)}")
    click.echo(f"{len(docs)} document(s).")


@ledger.command("show")
@click.argument("ref", metavar="ID")
@ledger_option
@format_option
@click.option("--text", "show_text", is_flag=True, help="Print the stored text too.")
@handle_errors()
def show(ref: str, ledger_path: str, output_format: str, show_text: bool) -> None:
    """Show one document (by ledger id, SHA-256 prefix or doc id) and its claims."""
    with Ledger(ledger_path, read_only=True) as store:
        stored = store.find(ref, with_text=show_text)
        claims = store.claims(stored.id)
    if output_format == "json":
        data = _document_record(stored)
        if show_text:
            data["text"] = stored.text
        data["claims"] = [c.model_dump(mode="json", exclude={"source"}) for c in claims]
        _json(data)
        return
    s = stored.summary
    click.echo(f"document {stored.id}: {one_line(s.id)}")
    click.echo(f"  sha256: {s.sha256}")
    for field in ("date", "source", "speaker", "title", "url", "department"):
        value = s.date if field == "date" else getattr(s.meta, field)
        if value:
            click.echo(f"  {field}: {one_line(value)}")
    click.echo(f"  characters: {s.characters:,}; added {stored.added_at}; {len(claims)} claim(s)")
    if show_text:
        click.echo("\n" + (stored.text or "") + "\n")
    write_claims(claims, "table", sys.stdout)


@ledger.command("remove")
@click.argument("ref", metavar="ID")
@ledger_option
@format_option
@handle_errors()
def remove(ref: str, ledger_path: str, output_format: str) -> None:
    """Remove one document (by ledger id, SHA-256 prefix or doc id) with its claims and passages."""
    with Ledger(ledger_path) as store:
        stored = store.remove(ref)
    if output_format == "json":
        _json({"removed": _document_record(stored)})
    else:
        click.echo(f"removed document {stored.id} ({stored.summary.sha256[:12]}, {stored.claims} claims): "
                   f"{one_line(stored.summary.id)}")


@ledger.command("rebuild")
@ledger_option
@format_option
@handle_errors()
def rebuild_claims(ledger_path: str, output_format: str) -> None:
    """Extract the claims of every stored document again (after upgrading factcheck)."""
    documents = claims = 0
    with Ledger(ledger_path) as store:
        progress = tqdm(desc="extracting", unit=" docs", disable=not bar_shown(), leave=False,
                        total=store.stats().get("documents") if bar_shown() else None)
        with progress:
            for _document_id, count in rebuild(store):
                documents += 1
                claims += count
                progress.update()
    if output_format == "json":
        _json({"ledger": ledger_path, "documents": documents, "claims": claims})
    else:
        click.echo(f"{ledger_path}: extracted {claims} claim(s) from {documents} document(s) again.")


@ledger.command("stats")
@ledger_option
@format_option
@handle_errors()
def stats(ledger_path: str, output_format: str) -> None:
    """Counts, claims by kind, date range and size of the ledger."""
    with Ledger(ledger_path, read_only=True) as store:
        data = store.stats()
    if output_format == "json":
        _json(data)
        return
    click.echo(f"ledger:     {data['ledger']} ({data['size_bytes'] / 1e6:,.1f} MB, schema {data['schema'][-1]})")
    click.echo(f"documents:  {data['documents']:,} ({data['characters']:,} characters, "
               f"{data['undated_documents']:,} undated)")
    click.echo(f"dates:      {data['first_date'] or '-'} to {data['last_date'] or '-'}")
    click.echo(f"claims:     {data['claims']:,}")
    for kind, n in data["claims_by_kind"].items():
        click.echo(f"  {kind:<18}{n:>10,}")
    click.echo(f"passages:   {data['passages']:,}")
