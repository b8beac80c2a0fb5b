"""Error classes that stay structured (what, where, how to fix) until the CLI renders them."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The same exit codes for every command."""

    CLEAN = 0
    FINDINGS = 1  # findings at or above --fail-on (verify: a figure differs or a quote was not found)
    USAGE = 2  # bad usage or unusable input
    INTERRUPTED = 130  # SIGINT (Ctrl-C): 128 + the signal's number, as shells report it
    TERMINATED = 143  # SIGTERM


class Terminated(BaseException):
    """SIGTERM, raised in the main thread like KeyboardInterrupt for SIGINT, so that open transactions
    roll back and worker processes are stopped on the way out."""


class FactcheckError(Exception):
    """An error a user can act on: rendered as `factcheck: error: PATH:LINE: MESSAGE (hint: HINT)`."""

    code = "error"
    exit_code = ExitCode.USAGE

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def location(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "

    def render(self) -> str:
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"factcheck: error: {self.location()}{self.message}{hint}"

    def to_dict(self) -> dict:
        return {"code": self.code, "path": self.path, "line": self.line,
                "message": self.message, "hint": self.hint}


class InputError(FactcheckError):
    """A document that cannot be read: missing, binary, undecodable, empty, too large, malformed."""

    code = "input"


class UsageError(FactcheckError):
    """An option value that makes no sense (an impossible --as-of, an unknown format)."""

    code = "usage"


class RuleFileError(FactcheckError):
    """A rule file that is not valid YAML or does not match the rule schema."""

    code = "rule-file"


class LedgerError(FactcheckError):
    """A ledger database that cannot be opened, migrated or written."""

    code = "ledger"
