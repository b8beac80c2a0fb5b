"""`factcheck extract`: print every numeric claim, normalised, with its evidence."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from ..errors import ExitCode
from ..models import Claim, InputProblem
from ..pipeline import process_documents
from ..render.claims import CLAIM_FORMATS, write_claims
from .common import as_of_option, config_option, engine_options, handle_errors, report_problems, settings_from


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(CLAIM_FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl otherwise).")
@click.option("--all-numbers", is_flag=True,
              help="Also print the numbers that are not claims (labels, years, bare numbers) as kind 'number'.")
@as_of_option
@config_option
@engine_options
@handle_errors()
def extract(paths: tuple[str, ...], output_format: str | None, all_numbers: bool, as_of: str | None,
            config_path: str | None, jobs: int, engine: str, scheduler: str | None) -> None:
    """Extract every numeric claim from PATHS (files, directories, or - for stdin)."""
    fmt = output_format or ("table" if sys.stdout.isatty() else "jsonl")
    settings = settings_from(config_path, paths)
    if all_numbers:
        settings = settings.model_copy(update={"extract_all_numbers": True})
    problems: list[InputProblem] = []

    def claims() -> Iterator[Claim]:
        for _doc, doc_claims, _text in process_documents(paths, as_of, settings, problems, attribute=False, jobs=jobs,
                                                engine=engine, scheduler=scheduler):
            yield from doc_claims

    write_claims(claims(), fmt, sys.stdout)
    sys.stdout.flush()
    if problems:
        report_problems(problems, fmt)
        sys.exit(ExitCode.USAGE)
