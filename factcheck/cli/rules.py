"""`factcheck rules list|explain|test`: what the rules are, what each checks, and whether its examples hold."""

from __future__ import annotations

import json
import sys

import click

from ..engine import Rule, load_rules
from ..engine.reference import explain_rule, rules_reference
from ..errors import ExitCode, UsageError
from ..rule_examples import run_examples
from .common import handle_errors

rules_option = click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
                            help="Rule file or directory (repeatable) instead of the shipped rules.")


def _load(rule_dirs: tuple[str, ...]) -> list[Rule]:
    return load_rules(list(rule_dirs), shipped=not rule_dirs)


@click.group()
def rules() -> None:
    """List, explain and test the rules."""


@rules.command("list")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="markdown prints the rules reference used in README.md.")
@rules_option
@handle_errors()
def list_rules(output_format: str, rule_dirs: tuple[str, ...]) -> None:
    """One line per rule: id, severity, check kind, title."""
    loaded = _load(rule_dirs)
    if output_format == "json":
        rows = [{"id": r.id, "category": r.category, "severity": r.severity, "kind": r.check.kind,
                 "title": r.title, "aliases": r.aliases} for r in loaded]
        click.echo(json.dumps(rows, indent=1))
    elif output_format == "markdown":
        click.echo(rules_reference(loaded), nl=False)
    else:
        width = max((len(r.id) for r in loaded), default=0)
        for r in loaded:
            click.echo(f"{r.id:<{width}}  {r.severity:<7}  {r.check.kind:<20}  {r.title}")


@rules.command()
@click.argument("rule_id")
@rules_option
@handle_errors()
def explain(rule_id: str, rule_dirs: tuple[str, ...]) -> None:
    """What RULE_ID checks, why, what it assumes, and its examples."""
    loaded = _load(rule_dirs)
    match = next((r for r in loaded if r.id == rule_id or rule_id in r.aliases), None)
    if match is None:
        raise UsageError(f"no rule {rule_id!r}", hint="see `factcheck rules list`")
    click.echo(explain_rule(match), nl=False)


@rules.command("test")
@rules_option
@click.option("-v", "--verbose", is_flag=True, help="Show every example, not only failures.")
@handle_errors()
def test_rules(rule_dirs: tuple[str, ...], verbose: bool) -> None:
    """Run every rule's flag/pass examples through the pipeline; exit 1 if any does not hold."""
    results = run_examples(_load(rule_dirs))
    failed = [r for r in results if not r.ok]
    for r in results:
        if verbose or not r.ok:
            click.echo(f"{'ok  ' if r.ok else 'FAIL'}  {r.id}: {r.detail}")
    click.echo(f"{len(results) - len(failed)} of {len(results)} examples hold.")
    sys.exit(ExitCode.FINDINGS if failed else ExitCode.CLEAN)
