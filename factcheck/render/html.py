"""The HTML discrepancy report: one self-contained file (inline CSS, JS and SVG; nothing fetched).

Python prepares plain view objects (quotes already split around the figure, chart geometry already
computed); the Jinja2 template only lays them out, with autoescaping on, so no statement text can
become markup. Links are kept only for http(s) URLs.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import PurePosixPath

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .. import __version__
from ..models import CheckResult, Claim, Finding, Group
from .evidence import (
    SEVERITIES,
    ResultView,
    Segments,
    by_sentence,
    coverage_lines,
    format_value,
    marked,
    plural,
    summary_line,
)

DEFAULT_TITLE = "Figures that disagree"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_DOCUMENT_ROWS = 500  # past this, the "Documents read" table lists only the documents findings quote
SHOWN_STATEMENTS = 6  # a finding quoting more statements shows the rest behind "N more statements"
CHART_WIDTH, CHART_HEIGHT = 560, 210
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 76, 28, 26, 30


@dataclass
class Statement:
    """One quoted claim as the report shows it."""

    segments: Segments  # the sentence, figures marked
    figure: str
    date: str
    speaker: str
    source: str
    title: str
    url: str | None
    where: str  # doc:line:col in full
    where_short: str  # the same with the file's folders left out (the full form is the tooltip)


@dataclass
class ChartPoint:
    x: float
    y: float
    label: str
    date: str
    flagged: bool
    y_lo: float | None = None  # ends of the bar drawn for a figure given as a range or bound
    y_hi: float | None = None


@dataclass
class Chart:
    """Geometry of a small figures-over-time chart, in SVG user units."""

    title: str
    points: list[ChartPoint]
    line: str
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    zero_y: float | None = None  # where 0 is, drawn when figures go below it (falls, negative changes)
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    plot_left: int = MARGIN_LEFT
    plot_right: int = CHART_WIDTH - MARGIN_RIGHT
    plot_bottom: int = CHART_HEIGHT - MARGIN_BOTTOM
    plot_top: int = MARGIN_TOP


@dataclass
class FindingCard:
    id: str
    anchor: str
    rule: str
    rule_title: str
    description: str
    severity: str
    message: str
    assumptions: list[str]
    topic: str
    statements: list[Statement]
    chart: Chart | None


@dataclass
class TopicSection:
    name: str
    findings: list[FindingCard] = field(default_factory=list)


def render(result: CheckResult, color: bool = False, title: str = DEFAULT_TITLE) -> str:
    view = ResultView(result)
    groups = {g.id: g for g in result.groups}
    charted: set[str] = set()
    sections = []
    for topic, findings in view.by_topic():
        section = TopicSection(topic)
        for finding in findings:
            group = groups.get(finding.group or "")
            chart = None
            if group is not None and group.id not in charted:
                chart = chart_for(group, view, flagged=set(finding.claims))
                if chart:
                    charted.add(group.id)
            section.findings.append(_card(view, finding, chart))
        sections.append(section)
    uncharted = sorted((g for g in result.groups if g.id not in charted), key=lambda g: (g.topic, g.metric or "", g.id))
    other_charts = [c for g in uncharted for c in [chart_for(g, view, flagged=set())] if c is not None]
    documents = result.documents
    if len(documents) > MAX_DOCUMENT_ROWS:  # a 24,000-record archive: list the documents the findings quote
        quoted = {c.doc for f in result.findings for c in view.finding_claims(f)}
        documents = [d for d in documents if d.id in quoted]
    documents = sorted(documents, key=lambda d: (d.date or "9999", d.id))
    return _template().render(
        title=title,
        version=__version__,
        shown_statements=SHOWN_STATEMENTS,
        summary=summary_line(view),
        counts=view.severity_counts(),
        severities=SEVERITIES,
        result=result,
        coverage=coverage_lines(result),
        sections=sections,
        rules=sorted({f.rule for f in result.findings}),
        topics=[s.name for s in sections],
        other_charts=other_charts,
        documents=documents,
        all_documents=len(result.documents),
        plural=plural,
    )


@cache
def _template():
    env = Environment(loader=PackageLoader("factcheck.render", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env.get_template("report.html.j2")


def _card(view: ResultView, finding: Finding, chart: Chart | None) -> FindingCard:
    rule = view.rule(finding)
    return FindingCard(
        id=finding.id, anchor=_anchor(finding.id), rule=finding.rule, rule_title=rule.title or finding.title,
        description=rule.description, severity=finding.severity, message=finding.message,
        assumptions=finding.assumptions, topic=view.topic(finding),
        statements=[_statement(view, claims) for claims in by_sentence(view.finding_claims(finding))], chart=chart)


def _statement(view: ResultView, claims: list[Claim]) -> Statement:
    """One quoted sentence; a finding about two figures in one sentence quotes it once."""
    claim = claims[0]
    doc = view.documents.get(claim.doc)
    meta = claim.source
    url = meta.url or (doc.meta.url if doc else None)
    where = [f"{c.line}:{c.column}" for c in claims]
    return Statement(segments=marked(claims), figure=" → ".join(figure_label(c) for c in claims),
                     date=claim.date or "undated", speaker=meta.speaker or "", source=meta.source or "",
                     title=(meta.title or (doc.meta.title if doc else None) or ""), url=safe_url(url),
                     where=f"{claim.doc}:{', '.join(where)}",
                     where_short=f"{PurePosixPath(claim.doc.replace(chr(92), '/')).name}:{', '.join(where)}")


def figure_label(claim: Claim) -> str:
    """The figure as the rule read it, with its bound: "> 40", "~ £3m", "£100m"."""
    prefix = {"lower": "> ", "upper": "< ", "approx": "~ "}.get(claim.bound, "")
    return prefix + format_value(claim.value, claim.unit, claim.kind)


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become hrefs; anything else (javascript:, data:) is dropped."""
    if url and re.match(r"https?://", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def _anchor(finding_id: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9_-]+", "-", finding_id)


def parse_date(text: str | None) -> date | None:
    """ISO dates, partial ones included ("2023-09" is taken as its first day)."""
    if not text:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def chart_for(group: Group, view: ResultView, flagged: set[str]) -> Chart | None:
    """Figures over time for a group with at least two dated claims; None otherwise."""
    dated = [(d, c) for c in (view.claims.get(cid) for cid in group.claims) if c is not None
             for d in [parse_date(c.date)] if d is not None]
    if len(dated) < 2:
        return None
    dated.sort(key=lambda dc: (dc[0], dc[1].doc, dc[1].start))
    days = [d.toordinal() for d, _ in dated]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 30, last + 30
    values = [v for _, c in dated for v in (c.value, c.lo, c.hi) if v is not None]
    y_min, y_max = min(0.0, *values), max(0.0, *values)
    y_max = y_min + 1 if y_max == y_min else y_max + (y_max - y_min) * 0.18
    plot_w = CHART_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = CHART_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def x_of(day: int) -> float:
        return round(MARGIN_LEFT + (day - first) / (last - first) * plot_w, 1)

    def y_of(value: float) -> float:
        return round(MARGIN_TOP + (y_max - value) / (y_max - y_min) * plot_h, 1)

    points = []
    for (d, claim), day in zip(dated, days, strict=True):
        label = figure_label(claim)
        bar = claim.bound == "range" and claim.lo is not None and claim.hi is not None
        points.append(ChartPoint(x=x_of(day), y=y_of(claim.value), label=label, date=d.isoformat(),
                                 flagged=claim.id in flagged, y_lo=y_of(claim.lo) if bar else None,
                                 y_hi=y_of(claim.hi) if bar else None))
    line = " ".join(f"{p.x},{p.y}" for p in points)
    unit_claim = dated[0][1]
    y_ticks = [(y_of(v), format_value(v, unit_claim.unit, unit_claim.kind)) for v in _nice_ticks(y_min, y_max)]
    title = group.topic + (f" — {group.metric}" if group.metric else "")
    return Chart(title=title, points=points, line=line, y_ticks=y_ticks, x_ticks=_x_ticks(points),
                 zero_y=y_of(0.0) if y_min < 0 else None)


def _nice_ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    """Round-numbered ticks (1, 2, 2.5, 5 x 10^n) covering [lo, hi]."""
    raw = (hi - lo) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next((m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw), raw)
    start = step * int(lo / step)
    ticks, value = [], start
    while value <= hi + 1e-9 and len(ticks) < 12:
        if value >= lo - 1e-9:
            ticks.append(round(value, 10))
        value += step
    return ticks


def _x_ticks(points: list[ChartPoint], min_gap: float = 64) -> list[tuple[float, str]]:
    """A date under each point ("Jun 2022"), skipping any that would collide with the previous one."""
    ticks: list[tuple[float, str]] = []
    for p in points:
        day = date.fromisoformat(p.date)
        label = f"{MONTHS[day.month - 1]} {day.year}"  # not strftime: its month names follow the locale
        if ticks and (p.x - ticks[-1][0] < min_gap or label == ticks[-1][1]):
            continue
        ticks.append((p.x, label))
    return ticks
