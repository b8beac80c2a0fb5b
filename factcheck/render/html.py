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
from ..models import CheckResult, Claim, DocumentMeta, Finding, Group
from ..text.vocabulary import MONTH_SHORT
from .evidence import (
    SEVERITIES,
    ResultView,
    Segments,
    by_sentence,
    coverage_lines,
    format_value,
    marked,
    plural,
    shortened,
    summary_line,
)

DEFAULT_TITLE = "Figures that disagree"
MAX_DOCUMENT_ROWS = 500  # past this, the "Documents read" table lists only the documents findings quote
SHOWN_STATEMENTS = 6  # a finding quoting more statements shows the rest behind "N more statements"
MAX_OTHER_CHARTS = 40  # the appendix draws the subjects with the most dates; the JSON result has them all
QUOTE_CHARS = 320  # a longer sentence is shown cut around its figures, the whole of it one click away
SOURCE_CHARS = 44  # a source named in a finding's headline is cut to this
CHART_WIDTH, CHART_HEIGHT = 560, 210
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 76, 28, 26, 30
LABEL_FONT = 16  # the largest size of a point's value label, in SVG units (report.css `.chart .value`, phone)
LABEL_CHAR_WIDTH = 0.64  # of the font size: wide enough for bold digits and £, so boxes never under-measure


@dataclass
class Statement:
    """One quoted claim as the report shows it."""

    segments: Segments  # the sentence, figures marked (cut around them when the sentence is long)
    whole: Segments | None  # the whole sentence when `segments` is cut, else None
    figure: str
    written: str  # the figures as the statement writes them ("an extra £100 million")
    short_source: str  # who said it, in a few words, for the finding's headline
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
    label_x: float | None = None  # where the value label sits; None: no room without overprinting another
    label_y: float | None = None
    leader: bool = False  # a thin line from the label to its dot, when the label had to move away


@dataclass
class Chart:
    """Geometry of a small figures-over-time chart, in SVG user units."""

    title: str
    points: list[ChartPoint]
    line: str
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    zero_y: float | None = None  # where 0 is, drawn when figures go below it (falls, negative changes)
    has_flagged: bool = False  # the legend explains only what the chart draws
    has_other: bool = False
    has_range: bool = False
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    plot_left: int = MARGIN_LEFT
    plot_right: int = CHART_WIDTH - MARGIN_RIGHT
    plot_bottom: int = CHART_HEIGHT - MARGIN_BOTTOM
    plot_top: int = MARGIN_TOP


@dataclass
class GlanceSide:
    figure: str
    source: str
    date: str


@dataclass
class Glance:
    """The finding in one line: subject, figure A (source, date) against figure B (source, date), verdict."""

    subject: str
    sides: list[GlanceSide]
    more: int  # statements the line leaves out (they are among the evidence)
    verdict: str


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
    glance: Glance


@dataclass
class OtherCharts:
    """The appendix: charts of subjects without a finding, capped, saying what it left out."""

    charts: list[Chart]
    eligible: int  # subjects with figures on two or more dates and no finding


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
    other_charts = _other_charts([g for g in result.groups if g.id not in charted], view)
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
        other_charts=other_charts.charts,
        other_eligible=other_charts.eligible,
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


def _other_charts(groups: list[Group], view: ResultView) -> OtherCharts:
    """Charts for the subjects with no finding: only those with figures on two or more dates, and at most
    MAX_OTHER_CHARTS of them (the most dates first), so a large archive's report stays small."""
    def dates(group: Group) -> int:
        return len({c.date[:10] for cid in group.claims if (c := view.claims.get(cid)) is not None
                    and parse_date(c.date) is not None and c.date})

    eligible = [(n, g) for g in groups if (n := dates(g)) >= 2]
    chosen = sorted(eligible, key=lambda ng: (-ng[0], -len(ng[1].claims), ng[1].topic, ng[1].id))[:MAX_OTHER_CHARTS]
    chosen.sort(key=lambda ng: (ng[1].topic, ng[1].metric or "", ng[1].id))
    charts = [c for _, g in chosen for c in [chart_for(g, view, flagged=set())] if c is not None]
    return OtherCharts(charts=charts, eligible=len(eligible))


def _card(view: ResultView, finding: Finding, chart: Chart | None) -> FindingCard:
    rule = view.rule(finding)
    statements = [_statement(view, claims) for claims in by_sentence(view.finding_claims(finding))]
    return FindingCard(
        id=finding.id, anchor=_anchor(finding.id), rule=finding.rule, rule_title=rule.title or finding.title,
        description=rule.description, severity=finding.severity, message=finding.message,
        assumptions=finding.assumptions, topic=view.topic(finding), statements=statements, chart=chart,
        glance=_glance(view.topic(finding), statements, rule.title or finding.title or finding.rule))


def _glance(subject: str, statements: list[Statement], verdict: str) -> Glance:
    """Figure A against figure B: the first and the last statement the finding quotes (the rule gives them
    in date order); a finding about one statement shows that one."""
    ends = statements if len(statements) <= 2 else [statements[0], statements[-1]]
    return Glance(subject=subject, sides=[GlanceSide(s.written, s.short_source, s.date) for s in ends],
                  more=len(statements) - len(ends), verdict=verdict)


def short_source(meta: DocumentMeta, doc: str) -> str:
    """Who made a statement, in a few words: its source (without a parenthetical), else the first speaker,
    else the file's name."""
    text = meta.source or (meta.speaker or "").split(";")[0].split(",")[0] or PurePosixPath(
        doc.replace(chr(92), "/")).name
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text.strip()) or text.strip()
    if len(text) > SOURCE_CHARS:
        text = text[:SOURCE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


def _statement(view: ResultView, claims: list[Claim]) -> Statement:
    """One quoted sentence; a finding about two figures in one sentence quotes it once."""
    claim = claims[0]
    doc = view.documents.get(claim.doc)
    meta = claim.source
    url = meta.url or (doc.meta.url if doc else None)
    where = [f"{c.line}:{c.column}" for c in claims]
    segments = marked(claims)
    cut = shortened(segments, QUOTE_CHARS) if sum(len(t) for t, _ in segments) > QUOTE_CHARS else None
    return Statement(segments=cut or segments, whole=segments if cut else None,
                     written=" → ".join(" ".join(c.text.split()) for c in claims),
                     short_source=short_source(meta, claim.doc),
                     figure=" → ".join(figure_label(c) for c in claims),
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
    if len({d for d, _ in dated}) < 2:  # figures of one day make no line over time
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
    place_labels(points)
    return Chart(title=title, points=points, line=line, y_ticks=y_ticks, x_ticks=_x_ticks(points),
                 zero_y=y_of(0.0) if y_min < 0 else None, has_flagged=any(p.flagged for p in points),
                 has_other=not all(p.flagged for p in points), has_range=any(p.y_lo is not None for p in points))


Box = tuple[float, float, float, float]  # left, top, right, bottom in SVG units


def label_box(x: float, y: float, text: str) -> Box:
    """The box a centred value label with its baseline at y takes (measured generously)."""
    half = len(text) * LABEL_FONT * LABEL_CHAR_WIDTH / 2 + 2
    return x - half, y - LABEL_FONT * 0.95, x + half, y + LABEL_FONT * 0.3


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(points: list[ChartPoint]) -> None:
    """Put each point's value label where it overprints no other label and no dot: above the point, else
    below, beside it, or further up or down; a label with no free place is left out (the point's tooltip and the
    chart's description still give it). Figures of one month stack instead of overprinting. Boxes are kept
    in buckets of x, so each try looks only at its neighbours."""
    buckets: dict[int, list[Box]] = {}

    def cells(box: Box) -> range:
        return range(int(box[0] // 40), int(box[2] // 40) + 1)

    def add(box: Box) -> None:
        for cell in cells(box):
            buckets.setdefault(cell, []).append(box)

    for p in points:
        add((p.x - 6, p.y - 6, p.x + 6, p.y + 6))  # the dots
    for p in sorted(points, key=lambda p: not p.flagged):  # the figures a finding compares are labelled first
        half = len(p.label) * LABEL_FONT * LABEL_CHAR_WIDTH / 2 + 2
        side = half + 10
        tries = [(0, -10), (0, 20), (-side, 5), (side, 5)] + [
            (dx, dy) for dy in (-24, 34, -38, 48, -52, 62) for dx in (0, -side, side)]
        for dx, dy in tries:
            x = min(max(p.x + dx, MARGIN_LEFT - 20 + half), CHART_WIDTH - 2 - half)  # inside the drawing
            y = p.y + dy
            box = label_box(x, y, p.label)
            if box[1] < 0 or box[3] > CHART_HEIGHT - MARGIN_BOTTOM:
                continue
            if not any(_overlaps(box, other) for cell in cells(box) for other in buckets.get(cell, ())):
                p.label_x, p.label_y = round(x, 1), round(y, 1)
                p.leader = abs(dy) > 20 or abs(x - p.x) > half  # a label moved away points to its dot
                add(box)
                break


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
        label = f"{MONTH_SHORT[day.month - 1]} {day.year}"  # not strftime: its month names follow the locale
        if ticks and (p.x - ticks[-1][0] < min_gap or label == ticks[-1][1]):
            continue
        ticks.append((p.x, label))
    return ticks
