"""The click commands, nothing else: each command module parses options, calls the library, renders."""

from __future__ import annotations

import click

from .. import __version__
from ..progress import COLOR_CHOICES
from .check import check
from .config import config
from .extract import extract
from .ledger import ledger
from .report import report
from .rules import rules
from .verify import verify


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="factcheck")
@click.option("--color", "color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
              help="Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.")
def main(color: str) -> None:
    """factcheck: check that the numbers in public statements agree with each other.

    \b
    Examples:
      factcheck check seeds/
      factcheck --color never verify --file draft.md --corpus statements/
    """


main.add_command(extract)
main.add_command(check)
main.add_command(config)
main.add_command(rules)
main.add_command(ledger)
main.add_command(verify)
main.add_command(report)
