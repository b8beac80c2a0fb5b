"""`factcheck check`: extract, attribute, group and apply the rules; report the findings.

(First cut: JSON output only; formats, --fail-on and --ledger come with issues 3 and 4.)
"""

from __future__ import annotations

import sys

import click

from ..errors import ExitCode
from ..pipeline import check as run_check
from ..render import RESULT_FORMATS, render_result
from .common import as_of_option, config_option, engine_options, handle_errors, report_problems, settings_from


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(RESULT_FORMATS), default="text")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True), help="Extra rule directory or file.")
@as_of_option
@config_option
@engine_options
@handle_errors()
def check(paths: tuple[str, ...], output_format: str, rule_dirs: tuple[str, ...], as_of: str | None,
          config_path: str | None, jobs: int, engine: str, scheduler: str | None) -> None:
    """Check PATHS for numeric claims that disagree."""
    result = run_check(paths, as_of=as_of, settings=settings_from(config_path), rule_dirs=list(rule_dirs),
                       jobs=jobs, engine=engine, scheduler=scheduler)
    sys.stdout.write(render_result(result, output_format, color=sys.stdout.isatty()))
    if result.coverage.unreadable:
        report_problems(result.coverage.unreadable, json_mode=output_format == "json")
        sys.exit(ExitCode.USAGE)
