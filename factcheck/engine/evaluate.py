"""Apply rules to claims: select, partition (group_by), order (order_by), run the check kind, and
turn its hits into Findings with a message and a stable id.

Finding ids hash the rule id, the topic key and each claim's document and normalised text - never
offsets - so an unrelated edit elsewhere in a document keeps the id (baselines and the ledger key on it).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from ..config import Settings
from ..models import Claim, Finding, Group
from .checks import CHECK_KINDS, Context, Hit
from .schema import SEVERITY_RANK, Rule


def rules_need_text(rules: Iterable[Rule]) -> bool:
    """Whether any rule's check kind reads document text (so the pipeline must keep it)."""
    return any(rule.needs_text for rule in rules)


def evaluate_rules(rules: list[Rule], claims: list[Claim], groups: list[Group], settings: Settings | None = None,
                   texts: Mapping[str, str] | None = None) -> list[Finding]:
    """Every finding of every rule, sorted by (document, offset, rule)."""
    settings = settings or Settings()
    by_id = {c.id: c for c in claims}
    findings: dict[str, Finding] = {}
    for rule in rules:
        for finding in evaluate_rule(rule, claims, groups, by_id, settings, texts):
            findings.setdefault(finding.id, finding)  # the same hit found twice (e.g. two periods) is one finding
    first = {fid: min(((by_id[c].doc, by_id[c].start) for c in f.claims if c in by_id), default=("", 0))
             for fid, f in findings.items()}
    return sorted(findings.values(), key=lambda f: (*first[f.id], f.rule, f.id))


def evaluate_rule(rule: Rule, claims: list[Claim], groups: list[Group], by_id: Mapping[str, Claim],
                  settings: Settings, texts: Mapping[str, str] | None = None) -> Iterator[Finding]:
    kind = CHECK_KINDS[rule.check.kind]
    for group, members in _partitions(rule, claims, groups, by_id):
        ctx = Context(settings=settings, group=group, texts=texts)
        for hit in kind.run(_ordered(members, rule.order_by), rule.params, ctx):
            yield make_finding(rule, hit, group)


def _partitions(rule: Rule, claims: list[Claim], groups: list[Group],
                by_id: Mapping[str, Claim]) -> Iterator[tuple[Group | None, list[Claim]]]:
    select = rule.select
    if rule.group_by == "group":
        for group in groups:
            members = [by_id[i] for i in group.claims if i in by_id and select.matches(by_id[i])]
            if members:
                yield group, members
        return
    parts: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        if not select.matches(claim):
            continue
        key: tuple = ()
        if rule.group_by == "document":
            key = (claim.doc,)
        elif rule.group_by == "sentence":
            key = (claim.doc, claim.sentence_start)
        parts[key].append(claim)
    for key in sorted(parts):
        yield None, parts[key]


def _ordered(claims: list[Claim], order_by: str) -> list[Claim]:
    if order_by == "date":
        return sorted(claims, key=lambda c: (c.date is None, c.date or "", c.doc, c.start))
    if order_by == "value":
        return sorted(claims, key=lambda c: (c.value, c.doc, c.start))
    return sorted(claims, key=lambda c: (c.doc, c.start))


def normalised_text(claim: Claim) -> str:
    return re.sub(r"\s+", " ", claim.text).strip().lower()


def finding_id(rule: Rule, topic_key: str, claims: list[Claim]) -> str:
    """rule id + hash of (topic key, each claim's document and normalised text): no offsets."""
    evidence = sorted({f"{c.doc}\x1f{normalised_text(c)}" for c in claims})
    digest = hashlib.sha1("\x1e".join([rule.id, topic_key, *evidence]).encode("utf-8")).hexdigest()[:12]
    return f"{rule.id}:{digest}"


def make_finding(rule: Rule, hit: Hit, group: Group | None) -> Finding:
    topic = group.topic if group else next((c.topic for c in hit.claims if c.topic), None)
    topic_key = next((c.topic_key for c in hit.claims if c.topic_key), None) or (topic or "").lower()
    fields = {"topic": topic or "this subject", "rule": rule.id, "title": rule.title, **hit.fields}
    severity = rule.severity
    if hit.severity and SEVERITY_RANK[hit.severity] < SEVERITY_RANK[severity]:
        severity = hit.severity
    return Finding(id=finding_id(rule, topic_key, hit.claims), rule=rule.id, severity=severity, title=rule.title,
                   message=rule.message.format(**fields), claims=[c.id for c in hit.claims],
                   group=group.id if group else None, topic=topic, assumptions=hit.assumptions)
