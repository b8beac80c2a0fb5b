"""SARIF 2.1.0, the format code-scanning services read (GitHub code scanning, Azure DevOps, IDE viewers).

One run; one `reportingDescriptor` per rule that ran or fired (with `helpUri`, the rule's section of the
README's rules reference, and `help.markdown`); one result per finding, located at its primary claim -
the first claim in new text when some documents are the record (a ledger, files not under --changed) -
with the other claims as relatedLocations that the message links to (`[£200 million](1)`).
Columns count Unicode code points (as Claim columns do), which the run declares with columnKind.
partialFingerprints carry Finding.id, so a finding keeps its identity across runs and code
scanning does not re-open it after unrelated edits.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath
from urllib.parse import quote as url_quote

from .. import __version__
from ..models import CheckResult, Claim, Finding, RuleInfo
from .evidence import ResultView, file_of, quote, who

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://github.com/factcheck/factcheck"
RULES_REFERENCE_URI = INFORMATION_URI + "/blob/main/README.md"
UNUSED_SUPPRESSION = RuleInfo(id="unused-suppression", title="An inline suppression that silences nothing",
                              severity="warning",
                              description="A `factcheck: ignore` comment matched no finding: the finding it "
                                          "was written for has gone, or it names the wrong rule or line.")


def render(result: CheckResult, color: bool = False) -> str:
    return json.dumps(to_sarif(result), indent=1, ensure_ascii=False) + "\n"


def to_sarif(result: CheckResult) -> dict:
    view = ResultView(result)
    unused = result.coverage.unused_suppressions
    rule_ids = sorted({r.id for r in result.rules} | {f.rule for f in result.findings}
                      | ({UNUSED_SUPPRESSION.id} if unused else set()))
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    known = {**view.rules, UNUSED_SUPPRESSION.id: UNUSED_SUPPRESSION}
    rules = [_descriptor(known.get(rule_id) or _rule_from_findings(view, rule_id)) for rule_id in rule_ids]
    paths = {d.id: d.path for d in result.documents}
    results = [_result(view, f, rule_index[f.rule], paths) for f in view.findings]
    results.extend({"ruleId": UNUSED_SUPPRESSION.id, "ruleIndex": rule_index[UNUSED_SUPPRESSION.id],
                    "level": "warning", "message": {"text": p.message},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(p.path)},
                                                        "region": {"startLine": p.line or 1}}}]}
                   for p in unused)
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
    reference = rule_reference_uri(rule)
    markdown = [f"**{_md(title)}** (`{rule.id}`, {rule.severity})", "", _md(rule.description or title), "",
                f"[The rule in the rules reference]({reference}): what it checks, why it matters, what it assumes, "
                f"with examples. Silence one finding with `<!-- factcheck: ignore {rule.id} -- reason -->` on the "
                "claim's line or the line before."]
    if rule.help_uri:
        markdown += ["", f"Reference: <{rule.help_uri}>"]
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),  # SARIF suggests PascalCase names
        "shortDescription": {"text": title},
        "fullDescription": {"text": rule.description or title},
        "help": {"text": rule.description or title, "markdown": "\n".join(markdown)},
        "helpUri": reference,
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def rule_reference_uri(rule: RuleInfo) -> str:
    """The rule's section of the README's rules reference: GitHub's anchor for the heading
    "#### `ID` — TITLE" (lower case; characters other than letters, digits, spaces, - and _ dropped;
    spaces to hyphens)."""
    if rule.id == UNUSED_SUPPRESSION.id:
        return RULES_REFERENCE_URI + "#inline-suppression"
    heading = f"{rule.id} — {rule.title}" if rule.title else rule.id
    anchor = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
    return f"{RULES_REFERENCE_URI}#{anchor}"


def _md(text: str) -> str:
    """Text safe inside Markdown: characters that would start markup are escaped."""
    return re.sub(r"([\\`*_{}\[\]()<>#|!])", r"\\\1", text)


def _result(view: ResultView, finding: Finding, rule_index: int, paths: dict[str, str]) -> dict:
    primary, others = view.primary(finding), view.others(finding)
    message = _escape_message(finding.message)
    if others:  # links to the related locations, which GitHub shows only when the message references them
        links = []
        for i, claim in enumerate(others, start=1):
            said = ", ".join(x for x in (claim.date or "undated", who(claim)) if x)
            links.append(f"[{_escape_message(claim.text)}]({i}) ({_escape_message(said)}"
                         f"{', on record' if view.is_record(claim) else ''})")
        message += (" Compare " if primary is not None and not view.is_record(primary) and
                    any(view.is_record(c) for c in others) else " See also ") + "; ".join(links) + "."
    if finding.assumptions:
        message += " Assumes: " + _escape_message(" ".join(finding.assumptions))
    out: dict = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [_location(primary, paths)] if primary is not None else [],
        "partialFingerprints": {"factcheckFindingId/v1": finding.id},
    }
    if others:
        related = []
        for i, claim in enumerate(others, start=1):
            loc = _location(claim, paths)
            loc["id"] = i
            said = ", ".join(x for x in (claim.date or "undated", who(claim)) if x)
            loc["message"] = {"text": f"{claim.text} ({said})"}
            related.append(loc)
        out["relatedLocations"] = related
    return out


def _escape_message(text: str) -> str:
    """SARIF message text: a literal [ or ] is escaped, so only our links are links (SARIF 3.11.6)."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


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
