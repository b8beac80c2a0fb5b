"""The JSON contract of `check --format json` (read by ../shared/eval/score_seeds.py)."""

from __future__ import annotations

from ..models import CheckResult


def render(result: CheckResult, color: bool = False) -> str:
    return result.model_dump_json(indent=1) + "\n"
