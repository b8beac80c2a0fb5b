"""What every command shares: options, error rendering and exit codes, in one place."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from ..config import Settings, load_settings
from ..errors import ExitCode, FactcheckError
from ..models import InputProblem


def as_of_option(f: Callable) -> Callable:
    return click.option("--as-of", "as_of", metavar="DATE", default=None,
                        help="Resolve relative dates such as '(7 years ago)' against DATE "
                             "(YYYY-MM-DD; default today).")(f)


def config_option(f: Callable) -> Callable:
    """--config, and --max-record-bytes (the one limit a user meets in the middle of a run), kept in the
    click context so every command that reads settings honours it without a parameter of its own."""
    f = click.option("--max-record-bytes", type=click.IntRange(min=1), default=None, expose_value=False,
                     callback=_remember_limit, metavar="BYTES",
                     help="Longest JSON-lines record or text line to read (default 1 MiB; see `factcheck config`).")(f)
    return click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                        help="TOML file of settings (see `factcheck config`).")(f)


def _remember_limit(ctx: click.Context, _param: click.Parameter, value: int | None) -> None:
    if value is not None:
        ctx.meta["factcheck.max_record_bytes"] = value


def engine_options(f: Callable) -> Callable:
    """--jobs, --engine, --scheduler: where the per-document stages run (the output never depends on it)."""
    from ..parallel import default_jobs
    from ..pipeline import ENGINES

    f = click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="Address of a running Dask scheduler (with --engine dask; default: a local cluster).")(f)
    f = click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                     help="Run on this machine, or on Dask (needs factcheck[dask]).")(f)
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=default_jobs(), show_default=True,
                        help="Worker processes for reading and extraction (default: the cores available).")(f)


def settings_from(config_path: str | None) -> Settings:
    settings = load_settings(config_path)
    ctx = click.get_current_context(silent=True)
    limit = ctx.meta.get("factcheck.max_record_bytes") if ctx is not None else None
    return settings.model_copy(update={"max_record_bytes": limit}) if limit else settings


JSON_FORMATS = ("json", "jsonl", "sarif")


def report_error(err: FactcheckError, output_format: str | None = None) -> None:
    """One line on stderr, in the shape the output format's reader expects: what, where, how to fix.

    JSON for machine formats; a workflow `::error` annotation for `github` (so a CI log shows it on
    the file); otherwise `factcheck: error: PATH:LINE: MESSAGE (hint: ...)`.
    """
    if output_format in JSON_FORMATS:
        click.echo(json.dumps({"error": err.to_dict()}), err=True)
    elif output_format == "github":
        where = ",".join(f"{key}={_gh_property(str(value))}" for key, value in
                         (("file", err.path), ("line", err.line)) if value is not None)
        click.echo(f"::error {where}::{_gh_data(err.render())}".replace("::error ::", "::error::"), err=True)
    else:
        click.echo(err.render(), err=True)


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def report_problems(problems: list[InputProblem], output_format: str | None = None) -> None:
    """Inputs that were skipped while the others were processed."""
    for p in problems:
        err = FactcheckError(p.message + " (skipped; the other inputs were processed)", path=p.path, line=p.line)
        report_error(err, output_format)


def handle_errors(format_param: str | None = "output_format") -> Callable:
    """Decorator: FactcheckError -> one line on stderr and exit 2; never a traceback for bad input."""

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            output_format = kwargs.get(format_param) if format_param else None
            try:
                return fn(*args, **kwargs)
            except FactcheckError as err:
                report_error(err, output_format)
                sys.exit(err.exit_code)
            except BrokenPipeError:  # `factcheck extract ... | head`
                sys.stderr.close()
                sys.exit(ExitCode.CLEAN)

        return wrapper

    return decorate
