"""GitHub Actions workflow commands: each finding becomes an annotation on the file and line of its claim.

`::warning file=F,line=L,col=C,title=T::message`. Values are escaped as the Actions toolkit does:
% CR LF in the message; also : and , in properties, which would otherwise end the property.

GitHub shows only the first 10 annotations of each level per step, so errors come first, then
warnings, then notices. An annotation is on the finding's primary claim: the new text when some
documents are the record (a ledger, files not under --changed); the record's claims are listed in the
message. Unused inline suppressions are warnings on their own line.
"""

from __future__ import annotations

from ..models import CheckResult
from .evidence import ResultView, file_of, summary_line

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: CheckResult, color: bool = False) -> str:
    view = ResultView(result)
    paths = {d.id: d.path for d in result.documents}
    lines = []
    for finding in view.findings:
        first, others = view.primary(finding), view.others(finding)
        props = {}
        if first is not None:
            path, record = file_of(first.doc, paths)
            props = {"file": path}
            if record is None:  # a record's lines count within the record, so only the file is annotated
                props.update(line=str(first.line), col=str(first.column), endColumn=str(first.column + len(first.text)))
        props["title"] = f"{finding.rule}: {view.rule(finding).title or finding.rule}"
        message = finding.message
        on_record = [c for c in others if view.is_record(c)]
        also = [c for c in others if not view.is_record(c)]
        if also:
            message += "\nAlso at: " + "; ".join(f"{c.doc}:{c.line}:{c.column} ({c.text})" for c in also)
        if on_record:
            message += "\nOn record: " + "; ".join(f"{c.doc}:{c.line}:{c.column} ({c.text}, {c.date or 'undated'})"
                                                   for c in on_record)
        if finding.assumptions:
            message += "\nAssumes: " + " ".join(finding.assumptions)
        prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
        lines.append(f"::{COMMANDS[finding.severity]} {prop_text}::{escape_data(message)}")
    for problem in result.coverage.unused_suppressions:
        props = {"file": problem.path, "line": str(problem.line or 1), "title": "unused-suppression"}
        prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
        lines.append(f"::warning {prop_text}::{escape_data(problem.message)}")
    lines.append(summary_line(view))
    return "\n".join(lines) + "\n"
