"""`factcheck schema check|extract|verify`: the JSON Schema of a command's JSON output."""

from __future__ import annotations

import json

import click

from ..schemas import OUTPUTS, output_schema


@click.command("schema")
@click.argument("output", type=click.Choice(OUTPUTS))
def schema(output: str) -> None:
    """Print the JSON Schema (draft 2020-12) of OUTPUT's JSON: `check --format json`, one claim of
    `extract --format json|jsonl`, or `verify --format json`. Generated from the models that write it."""
    click.echo(json.dumps(output_schema(output), indent=1, ensure_ascii=False))
