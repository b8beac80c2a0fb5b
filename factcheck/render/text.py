"""Terminal output: findings grouped by topic, each with its rule, assumptions and quoted evidence.

Colour only when the caller says the output is a terminal; without colour the figure is marked
[like this] so the evidence still reads in a log file.
"""

from __future__ import annotations

from collections.abc import Callable

import click

from ..models import CheckResult, Claim, Finding
from .evidence import ResultView, coverage_lines, quote, shortened, summary_line, who

SEVERITY_STYLE = {"error": {"fg": "red", "bold": True}, "warning": {"fg": "yellow", "bold": True},
                  "info": {"fg": "cyan"}}


def render(result: CheckResult, color: bool = False) -> str:
    view = ResultView(result)

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if color else text  # type: ignore[arg-type]

    lines: list[str] = []
    for topic, findings in view.by_topic():
        lines.append(style(topic, bold=True, underline=True))
        for finding in findings:
            lines.extend(_finding_lines(view, finding, style, color))
        lines.append("")
    lines.append(summary_line(view))
    lines.extend(style(f"coverage: {line}", dim=True) for line in coverage_lines(result))
    return "\n".join(lines) + "\n"


def _finding_lines(view: ResultView, finding: Finding, style: Callable[..., str], color: bool) -> list[str]:
    severity = style(f"{finding.severity:<7}", **SEVERITY_STYLE.get(finding.severity, {}))
    lines = [f"  {severity} {finding.message}  {style(finding.rule, dim=True)}"]
    lines.extend(f"    assumes: {a}" for a in finding.assumptions)
    for claim in view.finding_claims(finding):
        lines.extend(_evidence_lines(claim, style, color))
    return lines


def _evidence_lines(claim: Claim, style: Callable[..., str], color: bool) -> list[str]:
    where = f"{claim.doc}:{claim.line}:{claim.column}"
    said = "  ".join(x for x in (claim.date or "undated", who(claim)) if x)
    q = shortened(quote(claim))
    figure = style(q.figure, bold=True, underline=True) if color else f"[{q.figure}]"
    return [f"    {style(where, dim=True)}  {said}", f"      \"{q.before}{figure}{q.after}\""]

