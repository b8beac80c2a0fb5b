"""A Markdown summary of a run, for a CI job's page (`$GITHUB_STEP_SUMMARY`) or a pull-request comment.

Counts by severity, then one table row per finding (most severe first) with where it is and what the
record says, then what the run could not read or left out. Every piece of quoted text is escaped, so a
statement's own `|`, `<script>` or `[link](...)` stays text.
"""

from __future__ import annotations

import html
import re

from ..models import CheckResult
from .evidence import ResultView, coverage_lines, summary_line

MAX_ROWS = 200  # the step summary is limited to 1 MiB; the full list is in the other formats


def render(result: CheckResult, color: bool = False) -> str:
    view = ResultView(result)
    lines = ["## factcheck", "", escape(summary_line(view)), ""]
    if view.findings:
        lines += ["| severity | rule | finding | where | compared with |", "| --- | --- | --- | --- | --- |"]
        for finding in view.findings[:MAX_ROWS]:
            primary = view.primary(finding)
            where = f"{escape(primary.doc)}:{primary.line}" if primary else ""
            others = "<br>".join(
                f"{escape(c.text)} ({escape(c.doc)}:{c.line}{', on record' if view.is_record(c) else ''})"
                for c in view.others(finding))
            lines.append(f"| {finding.severity} | `{finding.rule}` | {escape(finding.message)} | {where} | {others} |")
        if len(view.findings) > MAX_ROWS:
            lines += ["", f"... and {len(view.findings) - MAX_ROWS} more (see the SARIF or JSON output)."]
        lines.append("")
    notes = coverage_lines(result)
    if notes:
        lines += ["<details><summary>Coverage</summary>", "", *(f"- {escape(n)}" for n in notes), "", "</details>", ""]
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    """Plain text inside a Markdown table cell: HTML escaped, Markdown punctuation and pipes backslashed,
    newlines as spaces."""
    text = html.escape(" ".join(text.split()), quote=False)
    return re.sub(r"([\\`*_\[\]|~])", r"\\\1", text)
