"""What every result renderer shares: a deterministic order, rule lookup, and the quoted figure in its sentence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import CheckResult, Claim, Finding, RuleInfo

SEVERITIES = ("error", "warning", "info")
SEVERITIES_RANK = {"error": 3, "warning": 2, "info": 1}
MAX_SKIPPED_LINES = 20  # paths left out, listed in text output before the rest are counted
CURRENCY_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}


@dataclass(frozen=True)
class Quote:
    """A claim's sentence split around its figure, so each format can mark the figure its own way."""

    before: str
    figure: str
    after: str


class ResultView:
    """Indexes over one CheckResult, built once (lookups stay O(1) however many claims there are)."""

    def __init__(self, result: CheckResult) -> None:
        self.result = result
        self.claims: dict[str, Claim] = {c.id: c for c in result.claims}
        self.rules: dict[str, RuleInfo] = {r.id: r for r in result.rules}
        self.documents = {d.id: d for d in result.documents}
        self.record_docs = {d.id for d in result.documents if d.record}
        self.findings = sorted(result.findings, key=self._finding_key)

    def _finding_key(self, finding: Finding) -> tuple:
        """Most severe first (GitHub shows only the first annotations of each level), then by where the
        finding is: its primary claim's document and offset."""
        primary = self.primary(finding)
        where = (primary.doc, primary.start) if primary else ("", 0)
        return (-SEVERITIES_RANK.get(finding.severity, 0), *where, finding.rule, finding.id)

    def primary(self, finding: Finding) -> Claim | None:
        """Where a finding is shown: its first claim in new text (not in a record document: a ledger's
        statement, a file not under review), else its first claim."""
        claims = self.finding_claims(finding)
        return next((c for c in claims if c.doc not in self.record_docs), claims[0] if claims else None)

    def others(self, finding: Finding) -> list[Claim]:
        """The finding's claims other than the primary one, in the rule's order."""
        primary = self.primary(finding)
        return [c for c in self.finding_claims(finding) if c is not primary]

    def is_record(self, claim: Claim) -> bool:
        return claim.doc in self.record_docs

    def finding_claims(self, finding: Finding) -> list[Claim]:
        """The finding's claims in the order the rule gave them (date order); unknown ids skipped."""
        return [self.claims[cid] for cid in finding.claims if cid in self.claims]

    def rule(self, finding: Finding) -> RuleInfo:
        """The rule's metadata, or what the finding itself says when the result carries none."""
        return self.rules.get(finding.rule) or RuleInfo(id=finding.rule, title=finding.title,
                                                          severity=finding.severity)

    def topic(self, finding: Finding) -> str:
        if finding.topic:
            return finding.topic
        topics = [c.topic for c in self.finding_claims(finding) if c.topic]
        return topics[0] if topics else "(no topic)"

    def by_topic(self) -> list[tuple[str, list[Finding]]]:
        """Findings grouped by topic; topics in the order of their first finding."""
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            grouped.setdefault(self.topic(finding), []).append(finding)
        return list(grouped.items())

    def severity_counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter(f.severity for f in self.result.findings)
        return {s: counts[s] for s in SEVERITIES}


def quote(claim: Claim) -> Quote:
    """The claim's sentence with its figure located by offsets (falling back to a text search)."""
    sentence = claim.sentence or claim.text
    offset = claim.start - claim.sentence_start
    # as written, or with its line wraps made spaces as the sentence has them
    for text in dict.fromkeys((claim.text, claim.text.replace("\n", " "))):
        at = offset if offset >= 0 and sentence[offset:offset + len(text)] == text else sentence.find(text)
        if at >= 0 and text:
            return Quote(sentence[:at], text, sentence[at + len(text):])
    return Quote(sentence, "", "")


def file_of(doc: str, paths: dict[str, str]) -> tuple[str, str | None]:
    """(file path, record id) of a document id: "answers.jsonl#123" is record 123 of answers.jsonl,
    whose claims' lines and columns count within the record's text, not within the file."""
    path = paths.get(doc)
    if path is None:
        path, _, record = doc.partition("#")
        return path, record or None
    return path, (doc[len(path) + 1:] or None) if doc != path and doc.startswith(path + "#") else None


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def summary_line(view: ResultView) -> str:
    """'3 findings (1 error, 1 warning, 1 info) in 4 documents, 9 claims.'"""
    counts = view.severity_counts()
    parts = ", ".join(plural(n, s, "info" if s == "info" else None) for s, n in counts.items() if n)
    cov = view.result.coverage
    detail = f" ({parts})" if parts else ""
    return (f"{plural(len(view.result.findings), 'finding')}{detail} in {plural(cov.documents, 'document')}, "
            f"{plural(cov.claims, 'claim')}.")


def coverage_lines(result: CheckResult) -> list[str]:
    """What the run could not read, date or attribute: said plainly, never silently skipped."""
    cov = result.coverage
    lines = [f"unreadable: {p.path}{f':{p.line}' if p.line else ''}: {p.message}" for p in cov.unreadable]
    lines.extend(f"skipped: {p.path}: {p.message}" for p in cov.skipped[:MAX_SKIPPED_LINES])
    if len(cov.skipped) > MAX_SKIPPED_LINES:
        lines.append(f"skipped: {plural(len(cov.skipped) - MAX_SKIPPED_LINES, 'more path')} "
                     "(every one is in --format json, coverage.skipped)")
    lines.extend(f"{p.path}:{p.line}: {p.message}" for p in cov.unused_suppressions)
    if cov.suppressed:
        lines.append(f"suppressed: {plural(cov.suppressed, 'finding')} by inline `factcheck: ignore` comments")
    if cov.undated_documents:
        lines.append(f"undated: {', '.join(cov.undated_documents)} "
                     "(claims there cannot be compared over time)")
    if cov.unattributed_claims:
        lines.append(f"unattributed: {plural(cov.unattributed_claims, 'claim')} with no topic "
                     "(rules compare grouped claims only)")
    return lines


def format_value(value: float, unit: str | None, kind: str) -> str:
    """A figure as a reader writes it: £100m, £1.2bn, 40, 12%."""
    if kind in ("percent", "percentage_points"):
        return f"{value:g}{'%' if kind == 'percent' else ' pp'}"
    symbol = CURRENCY_SYMBOLS.get(unit or "", "") if kind == "money" else ""
    magnitude = abs(value)
    steps = [(1e12, "tn"), (1e9, "bn"), (1e6, "m")] + ([(1e3, "k")] if symbol else [])
    for size, suffix in steps:
        if magnitude >= size:
            return f"{'-' if value < 0 else ''}{symbol}{magnitude / size:.3g}{suffix}"
    text = f"{value:,.10g}"
    return f"{symbol}{text}" if symbol else text


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


Segments = list[tuple[str, bool]]  # (text, is_figure): a sentence with its figures marked


def by_sentence(claims: list[Claim]) -> list[list[Claim]]:
    """Claims grouped by the sentence that holds them (first-seen order), so each sentence is quoted once."""
    runs: dict[tuple[str, int, str], list[Claim]] = {}
    for claim in claims:
        runs.setdefault((claim.doc, claim.sentence_start, claim.sentence), []).append(claim)
    return list(runs.values())


def marked(claims: list[Claim]) -> Segments:
    """The sentence shared by `claims`, split into plain text and their figures (overlapping ones once)."""
    sentence = quote(claims[0])
    text = sentence.before + sentence.figure + sentence.after
    spans = []
    for claim in claims:
        q = quote(claim)
        if q.figure and q.before + q.figure + q.after == text:
            spans.append((len(q.before), len(q.before) + len(q.figure)))
    segments: Segments = []
    at = 0
    for start, end in sorted(set(spans)):
        if start < at:
            continue
        if start > at:
            segments.append((text[at:start], False))
        segments.append((text[start:end], True))
        at = end
    if at < len(text) or not segments:
        segments.append((text[at:], False))
    return segments


def shortened(segments: Segments, width: int = 240) -> Segments:
    """Segments cut to about `width` characters: the plain text before the first figure and after the last
    one is trimmed, with '…' where text was cut; figures and the text between them are kept."""
    segments = [(" ".join(text.split("\n")), is_figure) for text, is_figure in segments]
    figures = sum(len(text) for text, is_figure in segments if is_figure)
    room = max(width - figures, 40) // 2
    if segments and not segments[0][1] and len(segments[0][0]) > room:
        segments[0] = ("…" + segments[0][0][-room:].lstrip(), False)
    if len(segments) > 1 and not segments[-1][1] and len(segments[-1][0]) > room:
        segments[-1] = (segments[-1][0][:room].rstrip() + "…", False)
    return segments


def who(claim: Claim) -> str:
    """'Minister for Health, House of Commons debate': speaker and source, whichever are known."""
    return ", ".join(unique(x for x in (claim.source.speaker, claim.source.source) if x))
