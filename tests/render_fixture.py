"""A small, fixed CheckResult for renderer tests, built by hand until the rule engine produces findings.

The statements are invented for these tests: a diagnostics fund announced at £100 million and later
described twice as £200 million, a count of open centres that falls when it should not, and a change
in waiting times given two ways. `python tests/render_fixture.py` rewrites examples/check-result.json,
the saved result that reports/example.html is rendered from (a test checks the two agree).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from factcheck.models import (
    CheckResult,
    Claim,
    Coverage,
    DocumentMeta,
    DocumentSummary,
    Finding,
    Group,
    InputProblem,
    RuleInfo,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_JSON = ROOT / "examples" / "check-result.json"

DOCS: dict[str, tuple[DocumentMeta, str]] = {
    "statements/2021-03-04-press-release.md": (
        DocumentMeta(date="2021-03-04", source="Department of Health press release",
                     url="https://example.org/news/diagnostics-fund", title="New fund for local scans"),
        "Local scanning centres\n\n"
        "The Community Diagnostics Fund will receive £100 million over three years, the department said.\n"
        "It expects 30 centres to open by the end of the programme.\n",
    ),
    "statements/2022-06-14-debate.txt": (
        DocumentMeta(date="2022-06-14", source="House of Commons debate", speaker="Minister for Health"),
        "The Minister for Health: We have committed £200 million to the Community Diagnostics Fund, "
        "and more than 40 centres are already open.\n"
        "Waiting times for scans fell by 12% over the last year.\n",
    ),
    "statements/2023-01-20-blog.md": (
        DocumentMeta(date="2023-01-20", source="Health policy blog", speaker="Policy director"),
        "Ministers now call the Community Diagnostics Fund a £200 million programme.\n"
        "Only 25 centres have opened so far, and scan waiting times fell by 8% last year.\n",
    ),
    "statements/undated-briefing.txt": (
        DocumentMeta(source="Briefing note"),
        "The briefing mentions 7 pilot sites.\n",
    ),
}


def _claim(doc: str, figure: str, kind: str, value: float, *, occurrence: int = 0, **fields: object) -> Claim:
    """A claim located in DOCS by its figure's text, with offsets, line and column computed."""
    meta, text = DOCS[doc]
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(figure, start + 1)
    end = start + len(figure)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    sentence_start = text.rfind("\n", 0, start) + 1
    colon = text.find(": ", sentence_start, start)
    if colon != -1:
        sentence_start = colon + 2
    sentence_end = text.index("\n", start)
    sha = hashlib.sha256(text.encode()).hexdigest()
    defaults: dict[str, object] = {"lo": value, "hi": value}
    defaults.update(fields)
    return Claim(id=f"{sha[:12]}:{start}", doc=doc, start=start, end=end, line=line, column=column, text=figure,
                 sentence=text[sentence_start:sentence_end], sentence_start=sentence_start, kind=kind,
                 value=value, date=meta.date, date_origin="metadata" if meta.date else "none", source=meta,
                 **defaults)


def build_result() -> CheckResult:
    press, debate, blog, briefing = DOCS
    fund = {"topic": "Community Diagnostics Fund", "topic_key": "community diagnostics fund", "metric": "funding",
            "role": "total"}
    centres = {"topic": "community diagnostics centres", "topic_key": "community diagnostics centres",
               "metric": "centres open", "role": "total", "cumulative": True}
    waits = {"topic": "scan waiting times", "topic_key": "scan waiting times", "metric": "change", "role": "increase"}
    claims = [
        _claim(press, "£100 million", "money", 100e6, unit="GBP", precision=500_000, period="three years", **fund),
        _claim(press, "30 centres", "count", 30, unit="centres", role="target",
               topic="community diagnostics centres", topic_key="community diagnostics centres"),
        _claim(debate, "£200 million", "money", 200e6, unit="GBP", precision=500_000, **fund),
        _claim(debate, "more than 40 centres", "count", 40, unit="centres", lo=40, hi=None, bound="lower",
               qualifier="more than", **centres),
        _claim(debate, "12%", "percent", -12, unit="%", **waits),
        _claim(blog, "£200 million", "money", 200e6, unit="GBP", precision=500_000, **fund),
        _claim(blog, "25 centres", "count", 25, unit="centres", **centres),
        _claim(blog, "8%", "percent", -8, unit="%", **waits),
        _claim(briefing, "7 pilot sites", "count", 7, unit="pilot sites"),
    ]
    by_text = {(c.doc, c.text): c.id for c in claims}
    groups = [
        Group(id="g-fund", topic="Community Diagnostics Fund", metric="funding", kind="money", unit="GBP",
              claims=[by_text[press, "£100 million"], by_text[debate, "£200 million"], by_text[blog, "£200 million"]]),
        Group(id="g-centres", topic="community diagnostics centres", metric="centres open", kind="count",
              unit="centres", claims=[by_text[debate, "more than 40 centres"], by_text[blog, "25 centres"]]),
        Group(id="g-waits", topic="scan waiting times", metric="change", kind="percent", unit="%",
              claims=[by_text[debate, "12%"], by_text[blog, "8%"]]),
    ]
    rules = [
        RuleInfo(id="changed-total", title="A total changed between statements", severity="warning",
                 description="The same programme's total is given as different amounts in different statements. "
                             "Either the funding changed, which the later statement should say, or one figure "
                             "is wrong."),
        RuleInfo(id="cumulative-count-fell", title="A running total went down", severity="error",
                 description="A count that can only grow (centres opened, people helped so far) is lower in a "
                             "later statement than in an earlier one."),
        RuleInfo(id="differing-change", title="The same change is given two ways", severity="info",
                 description="Two statements describe the same change over the same period with different "
                             "percentages."),
    ]
    findings = [
        Finding(id="changed-total:5d1f0c2a9b7e", rule="changed-total", severity="warning",
                title="A total changed between statements", group="g-fund", topic="Community Diagnostics Fund",
                message="Community Diagnostics Fund is given as £100 million (2021-03-04) and as £200 million "
                        "(2022-06-14, 2023-01-20).",
                claims=groups[0].claims,
                assumptions=["All three figures are the fund's total over the same three years.",
                             "A rounding margin of ±£0.5 million applies to each figure."]),
        Finding(id="cumulative-count-fell:0e4b7d93c1aa", rule="cumulative-count-fell", severity="error",
                title="A running total went down", group="g-centres", topic="community diagnostics centres",
                message="More than 40 centres were open on 2022-06-14 but only 25 on 2023-01-20.",
                claims=groups[1].claims,
                assumptions=["Centres that have opened stay open, so the count should not fall."]),
        Finding(id="differing-change:a73c55e0f412", rule="differing-change", severity="info",
                title="The same change is given two ways", group="g-waits", topic="scan waiting times",
                message="Scan waiting times fell by 12% (2022-06-14) and by 8% (2023-01-20) over the last year.",
                claims=groups[2].claims,
                assumptions=["Both statements mean the same twelve months; they are seven months apart, so "
                             "they may not."]),
    ]
    documents = []
    for doc_id, (meta, text) in DOCS.items():
        documents.append(DocumentSummary(id=doc_id, path=doc_id, sha256=hashlib.sha256(text.encode()).hexdigest(),
                                         meta=meta, date=meta.date, characters=len(text)))
    coverage = Coverage(documents=len(DOCS), characters=sum(len(t) for _, t in DOCS.values()), claims=len(claims),
                        unreadable=[InputProblem(path="statements/scan.pdf", message="binary file; not text")],
                        undated_documents=[briefing], unattributed_claims=1)
    return CheckResult(claims=claims, groups=groups, findings=findings, documents=documents, coverage=coverage,
                       rules=rules)


def hostile_result() -> CheckResult:
    """The fixture with markup in every field a statement or rule can put there (for escaping tests)."""
    result = build_result()
    evil_script = "<script>window.__pwned = 1</script>"
    evil_attr = '"><img src=x onerror="window.__pwned = 2">'
    for claim in result.claims:
        claim.sentence = f"{evil_script} {claim.sentence} {evil_attr}"
        claim.sentence_start -= len(evil_script) + 1
        claim.source = claim.source.model_copy(update={"speaker": evil_attr, "source": evil_script,
                                                       "url": "javascript:window.__pwned=3"})
    for finding in result.findings:
        finding.message += " " + evil_attr
        finding.topic = f"{finding.topic} {evil_script}"
        finding.assumptions.append(evil_script)
    for doc in result.documents:
        doc.meta = doc.meta.model_copy(update={"title": evil_script})
    return result


if __name__ == "__main__":
    EXAMPLE_JSON.parent.mkdir(exist_ok=True)
    EXAMPLE_JSON.write_text(build_result().model_dump_json(indent=1) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {EXAMPLE_JSON.relative_to(ROOT)}\n")
