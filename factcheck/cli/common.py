"""What every command shares: options, error rendering and exit codes, in one place."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

import click
from click.core import ParameterSource

from ..config import Config, Settings, load_config
from ..errors import ExitCode, FactcheckError, Terminated
from ..models import InputProblem
from ..render.safe import one_line


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
                        help="TOML file of settings (see `factcheck config`); default: the nearest .factcheck.toml "
                             "or pyproject.toml with [tool.factcheck], from the inputs upwards.")(f)


def isolated_option(f: Callable) -> Callable:
    return click.option("--isolated", is_flag=True, default=False,
                        help="Ignore configuration files: defaults and flags only.")(f)


def split_ids(values: tuple[str, ...] | list[str]) -> list[str]:
    """`--select a,b --select c` -> [a, b, c]."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def given_flags(ctx: click.Context, names: dict[str, str]) -> dict[str, Any]:
    """The options the user actually gave on the command line (or in the environment), keyed by the
    configuration key they set: `names` maps click parameter names to configuration keys."""
    flags: dict[str, Any] = {}
    for param, key in names.items():
        source = ctx.get_parameter_source(param)
        if source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT):
            value = ctx.params[param]
            flags[key] = list(value) if isinstance(value, tuple) else value
    return flags


def run_config(ctx: click.Context, paths: tuple[str, ...] | list[str], config_path: str | None, isolated: bool,
               names: dict[str, str]) -> Config:
    """Defaults < configuration file (given, or found from `paths` upwards) < command-line flags."""
    config = load_config(list(paths), explicit=config_path, isolated=isolated).with_flags(given_flags(ctx, names))
    if ctx.meta.get("factcheck.max_record_bytes"):
        config.settings = _with_cli_limits(config.settings)
        config.sources["max_record_bytes"] = "--max-record-bytes"
    return config


def _remember_limit(ctx: click.Context, _param: click.Parameter, value: int | None) -> None:
    if value is not None:
        ctx.meta["factcheck.max_record_bytes"] = value


def engine_options(f: Callable) -> Callable:
    """--jobs, --engine, --scheduler: where the per-document stages run (the output never depends on it)."""
    from ..run import ENGINES
    from ..run.local import default_jobs

    f = click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="Address of a running Dask scheduler (with --engine dask; default: a local cluster).")(f)
    f = click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                     help="Run on this machine, or on Dask (needs factcheck[dask]).")(f)
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=default_jobs(), show_default=True,
                        help="Worker processes for reading and extraction (default: the cores available).")(f)


def settings_from(config_path: str | None, paths: tuple[str, ...] | list[str] = ()) -> Settings:
    """The settings for a command: `--config FILE`, else the configuration file found from `paths` upwards;
    then --max-record-bytes when given."""
    return _with_cli_limits(load_config(list(paths), explicit=config_path).settings)


def _with_cli_limits(settings: Settings) -> Settings:
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
        click.echo(one_line(err.render()), err=True)  # a file name or message may hold a newline and "::error"


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def report_problems(problems: list[InputProblem], output_format: str | None = None) -> None:
    """Inputs that were skipped while the others were processed."""
    for p in problems:
        err = FactcheckError(p.message + " (skipped; the other inputs were processed)", path=p.path, line=p.line)
        report_error(err, output_format)


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the output still buffered is not flushed (and failing again) at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):  # no real file descriptor (tests capture stdout)
        pass


def raise_on_sigterm() -> None:
    """SIGTERM raises Terminated in the main thread (the default would end the process on the spot, leaving
    worker processes behind); a no-op outside the main thread."""

    def terminated(_signum: int, _frame: object) -> None:
        raise Terminated

    with contextlib.suppress(ValueError):  # not the main thread
        signal.signal(signal.SIGTERM, terminated)


def handle_errors(format_param: str | None = "output_format") -> Callable:
    """Decorator: FactcheckError -> one line on stderr and exit 2; never a traceback for bad input."""

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            output_format = kwargs.get(format_param) if format_param else None
            try:
                try:
                    return fn(*args, **kwargs)
                finally:  # here, not at interpreter exit, where a failed flush is a traceback and exit 120
                    sys.stdout.flush()
            except FactcheckError as err:
                report_error(err, output_format)
                sys.exit(err.exit_code)
            except KeyboardInterrupt:
                _discard_stdout()
                click.echo("factcheck: interrupted", err=True)
                sys.exit(ExitCode.INTERRUPTED)
            except Terminated:
                _discard_stdout()
                click.echo("factcheck: terminated", err=True)
                sys.exit(ExitCode.TERMINATED)
            except BrokenPipeError:  # `factcheck extract ... | head`
                _discard_stdout()
                sys.stderr.close()
                sys.exit(ExitCode.CLEAN)
            except OSError as exc:  # stdout on a full disk, or an I/O error no reader turned into an InputError
                if exc.filename is None:
                    _discard_stdout()
                    err = FactcheckError(f"cannot write the output: {exc.strerror or exc}")
                else:
                    err = FactcheckError(f"cannot read or write: {exc.strerror or exc}", path=str(exc.filename))
                report_error(err, output_format)
                sys.exit(ExitCode.USAGE)

        return wrapper

    return decorate
