"""`factcheck check`: extract, attribute, group and apply the rules; report the findings.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error (a malformed rule file too).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..baseline import filter_new, load_baseline_with_documents, write_baseline
from ..config import Settings
from ..documents import expand_paths, skipped_inputs
from ..engine import SEVERITY_RANK, load_rules
from ..errors import ExitCode, UsageError
from ..ledger import Ledger
from ..models import CheckResult
from ..pipeline import check as run_check
from ..progress import processed_progress, use_color
from ..render import RESULT_FORMATS, render_result
from ..review import UNUSED_SUPPRESSION, Review, review, selected_rules
from .common import (
    as_of_option,
    config_option,
    engine_options,
    handle_errors,
    isolated_option,
    report_problems,
    run_config,
    split_ids,
)

FAIL_ON = ("error", "warning", "info", "never")
# click parameter -> configuration key: every option a configuration file may also set.
CONFIG_KEYS = {"output_format": "format", "fail_on": "fail_on", "rule_dirs": "rules", "ledger_path": "ledger",
               "record": "record", "baseline_path": "baseline", "as_of": "as_of", "select": "select",
               "ignore": "ignore", "min_severity": "min_severity", "exclude": "exclude"}


def exit_code_for(result: CheckResult, fail_on: str) -> ExitCode:
    """FINDINGS when any finding is at or above `fail_on` ('never' never fails); an unused inline
    suppression counts as a warning."""
    if fail_on == "never":
        return ExitCode.CLEAN
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings)
    failing = failing or (bool(result.coverage.unused_suppressions) and SEVERITY_RANK["warning"] >= threshold)
    return ExitCode.FINDINGS if failing else ExitCode.CLEAN


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(RESULT_FORMATS), default="text", show_default=True,
              help="Output format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(),
              help="Extra rule file or directory (repeatable); a rule with a shipped rule's id replaces it.")
@click.option("--select", multiple=True, metavar="IDS", help="Run only these rules (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, metavar="IDS",
              help="Do not run these rules (comma-separated, repeatable); `unused-suppression` too.")
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]), default="info", show_default=True,
              help="Report only findings at or above this severity.")
@click.option("--ledger", "ledger_path", metavar="DB", default=None,
              help="Also compare with every claim in this ledger; report only findings involving PATHS.")
@click.option("--record", multiple=True, type=click.Path(), metavar="PATH",
              help="Statements already on record (repeatable): PATHS are checked against them, and only "
                   "findings involving PATHS are reported, located in PATHS.")
@click.option("--changed", multiple=True, type=click.Path(), metavar="FILE",
              help="Of the inputs, the files under review (repeatable): the others are the record.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Leave out inputs matching this .gitignore-style pattern (repeatable).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Do not report findings recorded in this baseline file (see --write-baseline).")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Record every current finding in this file, to accept them, and exit 0.")
@as_of_option
@config_option
@isolated_option
@engine_options
@click.pass_context
@handle_errors()
def check(ctx: click.Context, paths: tuple[str, ...], output_format: str, fail_on: str,
          rule_dirs: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...], min_severity: str,
          ledger_path: str | None, record: tuple[str, ...], changed: tuple[str, ...], exclude: tuple[str, ...],
          baseline_path: str | None, write_baseline_path: str | None, as_of: str | None, config_path: str | None,
          isolated: bool, jobs: int, engine: str, scheduler: str | None) -> None:
    """Check PATHS for numeric claims that disagree with each other (and with the record)."""
    config = run_config(ctx, paths, config_path, isolated, CONFIG_KEYS)
    opts, settings = config.options, config.settings
    if opts.format not in RESULT_FORMATS:
        raise UsageError(f"unknown format {opts.format!r}", path=config.file,
                         hint=f"use one of {', '.join(RESULT_FORMATS)}")
    select_ids, ignore_ids = split_ids(opts.select), split_ids(opts.ignore)
    # before reading any input: a bad rule file, rule id or baseline is exit 2 at once
    rules = selected_rules(load_rules(list(opts.rules)), select_ids, ignore_ids)
    accepted, record_documents = load_baseline_with_documents(opts.baseline) if opts.baseline else (frozenset(),
                                                                                                     frozenset())
    store = Ledger(opts.ledger, read_only=True) if opts.ledger else None
    # The record and the text under review: `PATHS --record R` reviews PATHS against R; `PATHS --changed F`
    # reviews F against the rest of PATHS (F is read even when PATHS do not hold it).
    if changed:
        record_paths, review_paths = [*opts.record, *paths], list(changed)
    else:
        record_paths, review_paths = list(opts.record), list(paths)
    under_review = review_paths if record_paths else None
    inputs = [*record_files(record_paths, review_paths, settings), *review_paths]
    result = run_check(inputs, as_of=opts.as_of, settings=settings, rules=rules, ledger=store,
                       jobs=jobs, engine=engine, scheduler=scheduler,
                       progress=processed_progress(inputs, "checking", len(rules)))
    result.coverage.skipped[:0] = skipped_inputs(record_paths, settings)
    report_unused = UNUSED_SUPPRESSION not in ignore_ids and (not select_ids or UNUSED_SUPPRESSION in select_ids)
    review(result, Review(changed=under_review, record_documents=record_documents, min_severity=opts.min_severity,
                          report_unused_suppressions=report_unused))
    if write_baseline_path:
        count = write_baseline(write_baseline_path, result)
        click.echo(f"factcheck: wrote {count} finding(s) to the baseline {write_baseline_path}", err=True)
    if accepted:
        before = len(result.findings)
        result.findings = filter_new(result.findings, accepted)
        if before > len(result.findings) and opts.format == "text":
            click.echo(f"factcheck: {before - len(result.findings)} finding(s) in the baseline were not reported",
                       err=True)
    sys.stdout.write(render_result(result, opts.format, color=use_color()))
    sys.stdout.flush()
    if opts.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        write_step_summary(os.environ["GITHUB_STEP_SUMMARY"], result)
    if result.coverage.unreadable:
        report_problems(result.coverage.unreadable, opts.format)
        sys.exit(ExitCode.USAGE)
    sys.exit(ExitCode.CLEAN if write_baseline_path else exit_code_for(result, opts.fail_on))


def record_files(record: list[str], paths: list[str], settings: Settings) -> list[str]:
    """The files of the record, less those also named as PATHS (a changed file inside the statements
    folder is read once, as the text under review); a missing record path stays, to be reported."""
    named = {os.path.abspath(p) for p in paths if p != "-"}
    out: list[str] = []
    for raw in record:
        try:
            if not Path(raw).is_dir():
                if os.path.abspath(raw) not in named:
                    out.append(raw)  # a file, or a path the read stage reports
                continue
        except OSError:
            out.append(raw)
            continue
        out.extend(f for f in expand_paths([raw], None, settings) if os.path.abspath(f) not in named)
    return out


def write_step_summary(path: str, result: CheckResult) -> None:
    """Append the Markdown summary to the file GitHub shows on the run's page ($GITHUB_STEP_SUMMARY)."""
    try:
        with open(path, "a", encoding="utf-8") as out:
            out.write(render_result(result, "markdown"))
    except OSError as exc:
        click.echo(f"factcheck: warning: cannot write the step summary {path}: {exc.strerror}", err=True)
