"""Terminal output: findings grouped by topic with the quoted evidence. (First cut.)"""

from __future__ import annotations

from ..models import CheckResult


def render(result: CheckResult, color: bool = False) -> str:
    claims = {c.id: c for c in result.claims}
    lines = []
    for f in result.findings:
        lines.append(f"{f.severity}: [{f.rule}] {f.message}")
        for cid in f.claims:
            c = claims.get(cid)
            if c:
                lines.append(f"  {c.doc}:{c.line}:{c.column} ({c.date or 'undated'}) {c.sentence}")
    cov = result.coverage
    lines.append(f"{len(result.findings)} finding(s) in {cov.documents} document(s), {cov.claims} claim(s).")
    return "\n".join(lines) + "\n"
