"""`factcheck config`: print the effective settings (defaults overridden by --config FILE)."""

from __future__ import annotations

import json

import click

from .common import config_option, handle_errors, settings_from


@click.command("config")
@click.option("--format", "output_format", type=click.Choice(["toml", "json"]), default="toml", show_default=True)
@config_option
@handle_errors()
def config(output_format: str, config_path: str | None) -> None:
    """Print every threshold and tolerance in effect; save as TOML and pass with --config to change them."""
    values = settings_from(config_path).model_dump()
    if output_format == "json":
        click.echo(json.dumps(values, indent=1))
        return
    click.echo("[factcheck]")
    for name, value in values.items():
        click.echo(f"{name} = {json.dumps(value)}")
