"""`factcheck check`: extract, attribute, group and apply the rules; report the findings.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error (a malformed rule file too).
"""

from __future__ import annotations

import sys

import click

from ..baseline import filter_new, load_baseline, write_baseline
from ..engine import SEVERITY_RANK, load_rules
from ..errors import ExitCode
from ..ledger import Ledger
from ..models import CheckResult
from ..pipeline import check as run_check
from ..progress import processed_progress, use_color
from ..render import RESULT_FORMATS, render_result
from .common import as_of_option, config_option, engine_options, handle_errors, report_problems, settings_from

FAIL_ON = ("error", "warning", "info", "never")


def exit_code_for(result: CheckResult, fail_on: str) -> ExitCode:
    """FINDINGS when any finding is at or above `fail_on` ('never' never fails)."""
    if fail_on == "never":
        return ExitCode.CLEAN
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings)
    return ExitCode.FINDINGS if failing else ExitCode.CLEAN


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(RESULT_FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
              help="Extra rule file or directory (repeatable); a rule with a shipped rule's id replaces it.")
@click.option("--ledger", "ledger_path", metavar="DB", default=None,
              help="Also compare with every claim in this ledger; report only findings involving PATHS.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Do not report findings recorded in this baseline file (see --write-baseline).")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Record every current finding in this file, to accept them, and exit 0.")
@as_of_option
@config_option
@engine_options
@handle_errors()
def check(paths: tuple[str, ...], output_format: str, fail_on: str, rule_dirs: tuple[str, ...], as_of: str | None,
          config_path: str | None, ledger_path: str | None, baseline_path: str | None,
          write_baseline_path: str | None, jobs: int, engine: str, scheduler: str | None) -> None:
    """Check PATHS for numeric claims that disagree with each other."""
    settings = settings_from(config_path)
    rules = load_rules(list(rule_dirs))  # before reading any input: a bad rule file is exit 2 at once
    accepted = load_baseline(baseline_path) if baseline_path else frozenset()  # a bad baseline fails early too
    store = Ledger(ledger_path) if ledger_path else None
    result = run_check(paths, as_of=as_of, settings=settings, rules=rules, ledger=store, jobs=jobs,
                       engine=engine, scheduler=scheduler,
                       progress=processed_progress(paths, "checking", len(rules)))
    if write_baseline_path:
        count = write_baseline(write_baseline_path, result)
        click.echo(f"factcheck: wrote {count} finding(s) to the baseline {write_baseline_path}", err=True)
    if accepted:
        before = len(result.findings)
        result.findings = filter_new(result.findings, accepted)
        if before > len(result.findings) and output_format == "text":
            click.echo(f"factcheck: {before - len(result.findings)} finding(s) in the baseline were not reported",
                       err=True)
    sys.stdout.write(render_result(result, output_format, color=use_color()))
    sys.stdout.flush()
    if result.coverage.unreadable:
        report_problems(result.coverage.unreadable, output_format)
        sys.exit(ExitCode.USAGE)
    sys.exit(ExitCode.CLEAN if write_baseline_path else exit_code_for(result, fail_on))
