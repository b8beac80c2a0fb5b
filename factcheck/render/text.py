"""Terminal output: findings grouped by topic, each with its rule, assumptions and quoted evidence.

Colour only when the caller says the output is a terminal; without colour the figure is marked
[like this] so the evidence still reads in a log file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..models import CheckResult, Claim, Finding
from .evidence import ResultView, by_sentence, coverage_lines, marked, shortened, summary_line, who
from .safe import one_line

SEVERITY_STYLE: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True}, "warning": {"fg": "yellow", "bold": True}, "info": {"fg": "cyan"}}


def render(result: CheckResult, color: bool = False) -> str:
    view = ResultView(result)

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if color else text  # type: ignore[arg-type]

    lines: list[str] = []
    for topic, findings in view.by_topic():
        lines.append(style(one_line(topic), bold=True, underline=True))
        for finding in findings:
            lines.extend(_finding_lines(view, finding, style, color))
        lines.append("")
    lines.append(summary_line(view))
    lines.extend(style(f"coverage: {one_line(line)}", dim=True) for line in coverage_lines(result))
    return "\n".join(lines) + "\n"


def _finding_lines(view: ResultView, finding: Finding, style: Callable[..., str], color: bool) -> list[str]:
    severity = style(f"{finding.severity:<7}", **SEVERITY_STYLE.get(finding.severity, {}))
    lines = [f"  {severity} {one_line(finding.message)}  {style(one_line(finding.rule), dim=True)}"]
    lines.extend(f"    assumes: {one_line(a)}" for a in finding.assumptions)
    for claims in by_sentence(view.finding_claims(finding)):
        lines.extend(_evidence_lines(claims, style, color, on_record=view.is_record(claims[0])))
    return lines


def _evidence_lines(claims: list[Claim], style: Callable[..., str], color: bool, on_record: bool = False) -> list[str]:
    """One quoted sentence with every figure the finding read in it marked; "(on record)" when it is in
    older text the inputs were checked against."""
    first = claims[0]
    where = ", ".join([f"{one_line(first.doc)}:{first.line}:{first.column}"]
                      + [f"{c.line}:{c.column}" for c in claims[1:]])
    said = one_line("  ".join(x for x in (first.date or "undated", who(first), "(on record)" if on_record else "")
                              if x))
    sentence = "".join((style(one_line(text), bold=True, underline=True) if color else f"[{one_line(text)}]")
                       if is_figure else one_line(text) for text, is_figure in shortened(marked(claims)))
    return [f"    {style(where, dim=True)}  {said}", f"      \"{sentence}\""]
