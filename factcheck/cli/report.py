"""`factcheck report`: write the HTML discrepancy report, from documents or from a saved JSON result."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from pydantic import ValidationError

from ..errors import ExitCode, InputError, UsageError
from ..models import CheckResult
from ..pipeline import check as run_check
from ..progress import phase, processed_progress
from ..render import html
from .common import as_of_option, config_option, handle_errors, report_problems, settings_from


@click.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", "output", required=True, metavar="FILE",
              help="Where to write the report (e.g. reports/budget.html); - for standard output.")
@click.option("--from-json", "from_json", type=click.Path(dir_okay=False), default=None,
              help="Render a saved `factcheck check --format json` result (- for standard input) "
                   "instead of reading PATHS.")
@click.option("--title", default=html.DEFAULT_TITLE, show_default=True, help="Headline of the report.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True), help="Extra rule directory or file.")
@as_of_option
@config_option
@handle_errors(format_param=None)
def report(paths: tuple[str, ...], output: str, from_json: str | None, title: str, rule_dirs: tuple[str, ...],
           as_of: str | None, config_path: str | None) -> None:
    """Write a self-contained HTML report of the figures in PATHS that disagree.

    The file needs no server and fetches nothing: open it in a browser, attach it to an email.
    Inputs that cannot be read are listed in the report and on stderr (exit code 2). Findings do not
    change the exit code: use `check --fail-on` to gate a build.
    """
    if bool(paths) == bool(from_json):
        raise UsageError("give either PATHS or --from-json FILE", hint="factcheck report seeds/ -o reports/seeds.html")
    result = load_result(from_json) if from_json else run_check(
        paths, as_of=as_of, settings=settings_from(config_path, paths), rule_dirs=list(rule_dirs),
        progress=processed_progress(paths, "reading"))
    phase(f"writing the report of {len(result.findings):,} finding(s)")
    page = html.render(result, title=title)
    if output == "-":
        sys.stdout.write(page)
    else:
        target = Path(output)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write report: {exc.strerror}", path=output) from None
        findings, documents = len(result.findings), result.coverage.documents
        click.echo(f"wrote {output}: {findings:,} finding(s) from {documents:,} document(s)", err=True)
    if result.coverage.unreadable and not from_json:  # a saved result's problems were reported when it was made
        report_problems(result.coverage.unreadable)
        sys.exit(ExitCode.USAGE)


def load_result(path: str) -> CheckResult:
    """A result saved by `check --format json`; a bad file is a one-line error naming it."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        return CheckResult.model_validate_json(data)
    except OSError as exc:
        raise InputError(f"cannot read result: {exc.strerror}", path=path) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"not a factcheck result: {where + ': ' if where else ''}{first['msg']}", path=path,
                         hint="save one with `factcheck check PATHS --format json > result.json`") from None
