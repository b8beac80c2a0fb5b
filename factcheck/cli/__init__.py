"""The click commands, nothing else: each command module parses options, calls the library, renders."""

from __future__ import annotations

import click

from .. import __version__
from ..progress import COLOR_CHOICES
from .check import check
from .common import raise_on_sigterm
from .config import config
from .extract import extract
from .ledger import ledger
from .report import report
from .rules import rules
from .schema import schema
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
    raise_on_sigterm()


# One example or two for every command's --help (a test checks that none is missing).
EXAMPLES: dict[str, list[str]] = {
    "extract": ["factcheck extract statement.md", "factcheck extract answers.jsonl.gz --format csv > claims.csv"],
    "check": ["factcheck check seeds/ --as-of 2024-12-01",
              "factcheck check new-release.md --ledger factcheck.db --format sarif > findings.sarif"],
    "config": ["factcheck config > factcheck.toml", "factcheck check statements/ --config factcheck.toml"],
    "rules": ["factcheck rules list", "factcheck rules explain differing-totals"],
    "rules list": ["factcheck rules list", "factcheck rules list --rules my-rules/"],
    "rules explain": ["factcheck rules explain differing-totals"],
    "rules test": ["factcheck rules test", "factcheck rules test --rules my-rules/"],
    "ledger": ["factcheck ledger add archive/ --ledger newsroom.db", "factcheck ledger stats --ledger newsroom.db"],
    "ledger add": ["factcheck ledger add archive/ answers.jsonl.gz --ledger newsroom.db -j 4"],
    "ledger list": ["factcheck ledger list --ledger newsroom.db"],
    "ledger show": ["factcheck ledger show 12 --ledger newsroom.db"],
    "ledger remove": ["factcheck ledger remove 12 --ledger newsroom.db"],
    "ledger stats": ["factcheck ledger stats --ledger newsroom.db --format json"],
    "ledger rebuild": ["factcheck ledger rebuild --ledger newsroom.db"],
    "verify": ['factcheck verify "We have committed £860m to rural roads" --corpus statements/',
               "factcheck verify --file draft.md --ledger newsroom.db --as-of 2024-05-01"],
    "schema": ["factcheck schema check > check.schema.json", "factcheck schema extract"],
    "report": ["factcheck report seeds/ -o reports/seeds.html --as-of 2024-12-01",
               "factcheck report --from-json result.json -o report.html"],
}


def _add_examples(command: click.Command, path: str = "") -> None:
    """Put each command's examples under its --help (click keeps lines after a \\b as written)."""
    if path in EXAMPLES:
        command.epilog = "\b\nExamples:\n" + "\n".join(f"  {line}" for line in EXAMPLES[path])
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            _add_examples(sub, f"{path} {name}".strip())


main.add_command(extract)
main.add_command(check)
main.add_command(config)
main.add_command(rules)
main.add_command(ledger)
main.add_command(verify)
main.add_command(report)
main.add_command(schema)
_add_examples(main)
