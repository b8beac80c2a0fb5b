"""SARIF 2.1.0, the format code-scanning services read (GitHub code scanning, Azure DevOps, IDE viewers).

One run; one `reportingDescriptor` per rule that ran or fired; one result per finding, located at its
first claim, with the other claims as relatedLocations. Columns count Unicode code points (as Claim
columns do), which the run declares with columnKind. partialFingerprints carry Finding.id, so a
finding keeps its identity across runs and code scanning does not re-open it after unrelated edits.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from urllib.parse import quote as url_quote

from .. import __version__
from ..models import CheckResult, Claim, Finding, RuleInfo
from .evidence import ResultView, file_of, quote, who

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://github.com/factcheck/factcheck"


def render(result: CheckResult, color: bool = False) -> str:
    return json.dumps(to_sarif(result), indent=1, ensure_ascii=False) + "\n"


def to_sarif(result: CheckResult) -> dict:
    view = ResultView(result)
    rule_ids = sorted({r.id for r in result.rules} | {f.rule for f in result.findings})
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    rules = [_descriptor(view.rules.get(rule_id) or _rule_from_findings(view, rule_id)) for rule_id in rule_ids]
    paths = {d.id: d.path for d in result.documents}
    results = [_result(view, f, rule_index[f.rule], paths) for f in view.findings]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _rule_from_findings(view: ResultView, rule_id: str) -> RuleInfo:
    finding = next(f for f in view.findings if f.rule == rule_id)
    return view.rule(finding)


def _descriptor(rule: RuleInfo) -> dict:
    title = rule.title or rule.id
    descriptor = {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),  # SARIF suggests PascalCase names
        "shortDescription": {"text": title},
        "fullDescription": {"text": rule.description or title},
        "help": {"text": rule.description or title},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }
    if rule.help_uri:
        descriptor["helpUri"] = rule.help_uri
    return descriptor


def _result(view: ResultView, finding: Finding, rule_index: int, paths: dict[str, str]) -> dict:
    claims = view.finding_claims(finding)
    message = finding.message
    if finding.assumptions:
        message += " Assumes: " + " ".join(finding.assumptions)
    out: dict = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [_location(claims[0], paths)] if claims else [],
        "partialFingerprints": {"factcheckFindingId/v1": finding.id},
    }
    if len(claims) > 1:
        related = []
        for i, claim in enumerate(claims[1:], start=1):
            loc = _location(claim, paths)
            loc["id"] = i
            said = ", ".join(x for x in (claim.date or "undated", who(claim)) if x)
            loc["message"] = {"text": f"{claim.text} ({said})"}
            related.append(loc)
        out["relatedLocations"] = related
    return out


def _location(claim: Claim, paths: dict[str, str]) -> dict:
    """Where a claim is: a region of its file, or, for a record of a JSON-lines file (where the claim's
    line and column count within the record), the file plus the record as a logical location."""
    path, record = file_of(claim.doc, paths)
    physical: dict = {"artifactLocation": {"uri": artifact_uri(path)}}
    q = quote(claim)
    snippet = {"text": q.before + q.figure + q.after}
    if record is None:
        lines = claim.text.split("\n")
        physical["region"] = {"startLine": claim.line, "startColumn": claim.column,
                              "endLine": claim.line + len(lines) - 1,
                              "endColumn": (claim.column if len(lines) == 1 else 1) + len(lines[-1]),
                              "snippet": snippet}
        return {"physicalLocation": physical}
    return {"physicalLocation": physical,
            "logicalLocations": [{"name": record, "kind": "object"}],
            "message": {"text": f"record {record}: {snippet['text']}"}}


def artifact_uri(path: str) -> str:
    """A relative URI for a document path: relative to the working directory when it lies inside it."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    return url_quote(PurePosixPath(*p.parts).as_posix() if p.parts else path, safe="/")
