"""Shared test helpers: run the CLI in-process with stderr kept apart, and small documents."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, input: str | None = None) -> Run:
    """Invoke `factcheck ARGS`; a traceback is never an acceptable way to fail."""
    result = CliRunner().invoke(main, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise AssertionError("command raised instead of exiting cleanly:\n"
                             + "".join(traceback.format_exception(result.exception)))
    assert "Traceback" not in result.stderr
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def cli():
    return run_cli
