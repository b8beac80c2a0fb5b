"""Render stage: one result model in, many formats out (a registry of renderer modules).

`render_result(result, "json")` is what every command calls; each format is a module with a
`render(result, color=False) -> str` function, listed in RENDERERS.
"""

from __future__ import annotations

from collections.abc import Callable

from ..models import CheckResult
from . import json_format, text
from .claims import CLAIM_FORMATS, write_claims

RENDERERS: dict[str, Callable[..., str]] = {
    "text": text.render,
    "json": json_format.render,
}
RESULT_FORMATS = tuple(RENDERERS)


def render_result(result: CheckResult, fmt: str, color: bool = False) -> str:
    """The result in format `fmt` (one of RESULT_FORMATS)."""
    return RENDERERS[fmt](result, color=color)


__all__ = ["CLAIM_FORMATS", "RENDERERS", "RESULT_FORMATS", "render_result", "write_claims"]
