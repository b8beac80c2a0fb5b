"""Apply rules to claims: select, partition (group_by), order (order_by), run the check kind, and
turn its hits into Findings with a message and a stable id.

Finding ids hash the rule id, the topic key and each claim's normalised sentence and text - never
offsets or paths - so an unrelated edit elsewhere in a document, a renamed folder or an absolute path
keeps the id (baselines and code scanning key on it). Only when the same evidence occurs in different
documents are those findings told apart by the documents' contents (their SHA-256).
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
    found: dict[tuple[str, frozenset[str]], Finding] = {}
    for rule in rules:
        for finding in evaluate_rule(rule, claims, groups, by_id, settings, texts):
            # the same hit found twice (e.g. two periods) is one finding
            found.setdefault((finding.id, _documents_of(finding)), finding)
    findings = _distinct_ids(found)
    first = {fid: min(((by_id[c].doc, by_id[c].start) for c in f.claims if c in by_id), default=("", 0))
             for fid, f in ((f.id, f) for f in findings)}
    return sorted(findings, key=lambda f: (*first[f.id], f.rule, f.id))


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
    """rule id + hash of (topic key, each claim's normalised sentence and text): no offsets, no paths."""
    evidence = sorted({f"{' '.join(c.sentence.split()).lower()}\x1f{normalised_text(c)}" for c in claims})
    return _id(rule.id, [topic_key, *evidence])


def _id(rule_id: str, parts: list[str]) -> str:
    return f"{rule_id}:{hashlib.sha1(chr(0x1e).join([rule_id, *parts]).encode('utf-8')).hexdigest()[:12]}"


def _documents_of(finding: Finding) -> frozenset[str]:
    """The SHA-256 prefixes of the finding's documents (a claim id is '<document sha256[:12]>:<start>')."""
    return frozenset(claim_id.partition(":")[0] for claim_id in finding.claims)


def _distinct_ids(found: Mapping[tuple[str, frozenset[str]], Finding]) -> list[Finding]:
    """Findings whose evidence reads the same but lies in different documents (one sentence copied into
    two statements) get ids that also hash those documents' contents, so each keeps its own id."""
    documents_by_id: dict[str, int] = defaultdict(int)
    for finding_id_, _ in found:
        documents_by_id[finding_id_] += 1
    return [f if documents_by_id[fid] == 1 else f.model_copy(update={"id": _id(f.rule, [fid, *sorted(docs)])})
            for (fid, docs), f in found.items()]


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
