"""GitHub Actions workflow commands: each finding becomes an annotation on the file and line of its claim.

`::warning file=F,line=L,col=C,title=T::message`. Values are escaped as the Actions toolkit does:
% CR LF in the message; also : and , in properties, which would otherwise end the property.
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
        claims = view.finding_claims(finding)
        props = {}
        if claims:
            first = claims[0]
            path, record = file_of(first.doc, paths)
            props = {"file": path}
            if record is None:  # a record's lines count within the record, so only the file is annotated
                props.update(line=str(first.line), col=str(first.column), endColumn=str(first.column + len(first.text)))
        props["title"] = f"{finding.rule}: {view.rule(finding).title or finding.rule}"
        message = finding.message
        if len(claims) > 1:
            message += "\nAlso at: " + "; ".join(f"{c.doc}:{c.line}:{c.column} ({c.text})" for c in claims[1:])
        if finding.assumptions:
            message += "\nAssumes: " + " ".join(finding.assumptions)
        prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
        lines.append(f"::{COMMANDS[finding.severity]} {prop_text}::{escape_data(message)}")
    lines.append(summary_line(view))
    return "\n".join(lines) + "\n"
