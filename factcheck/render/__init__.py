"""Render stage: one result model in, many formats out (a registry of renderer modules).

`render_result(result, "json")` is what every command calls; each format is a module with a
`render(result, color=False) -> str` function, listed in RENDERERS. Every format orders findings by
severity, then (document, offset), so the same input gives byte-identical output.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import UsageError
from ..models import CheckResult
from . import github, html, json_format, markdown, sarif, text
from .claims import CLAIM_FORMATS, write_claims

RENDERERS: dict[str, Callable[..., str]] = {
    "text": text.render,  # people at a terminal
    "json": json_format.render,  # the contract other tools read (result.model_dump)
    "sarif": sarif.render,  # code-scanning services
    "github": github.render,  # GitHub Actions annotations
    "html": html.render,  # the discrepancy report for analysts
    "markdown": markdown.render,  # a summary for a CI job's page ($GITHUB_STEP_SUMMARY)
}
RESULT_FORMATS = tuple(RENDERERS)


def render_result(result: CheckResult, fmt: str, color: bool = False) -> str:
    """The result in format `fmt` (one of RESULT_FORMATS)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}", hint=f"use one of {', '.join(RESULT_FORMATS)}") from None
    return renderer(result, color=color)


__all__ = ["CLAIM_FORMATS", "RENDERERS", "RESULT_FORMATS", "render_result", "write_claims"]
