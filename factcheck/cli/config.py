"""`factcheck config [PATH...]`: every setting in effect for a run over PATHS, and where each came from."""

from __future__ import annotations

import json

import click

from ..config import load_config
from .common import config_option, handle_errors, isolated_option


@click.command("config")
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["toml", "json"]), default="toml", show_default=True)
@config_option
@isolated_option
@handle_errors()
def config(paths: tuple[str, ...], output_format: str, config_path: str | None, isolated: bool) -> None:
    """Print the merged settings for a run over PATHS (default: the current directory), each with its
    source: the default, or the configuration file found from PATHS upwards (or given with --config).
    The TOML output can be saved and passed back with --config."""
    merged = load_config(list(paths), explicit=config_path, isolated=isolated)
    values = merged.values()
    if output_format == "json":
        click.echo(json.dumps({"config_file": merged.file, "settings": values,
                               "sources": {key: merged.source(key) for key in values}}, indent=1))
        return
    click.echo(f"# configuration file: {merged.file or 'none found (defaults)'}")
    click.echo("[factcheck]")
    for name, value in values.items():
        line = f"{name} = {json.dumps(value)}" if value is not None else f"# {name} = (not set)"
        click.echo(f"{line:<40} # {merged.source(name)}")
