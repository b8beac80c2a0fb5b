"""Document -> Claims: scan for figures, drop what is not a claim, link ranges/changes/ratios, normalise.

Three passes over one document, each linear:
1. `scan.scan` runs the scanner regex and turns each candidate into a `Figure` (value, unit, qualifier),
   or drops it with a reason (label, year, list marker, duration, ...).
2. `links.link` looks at neighbouring figures: "between 5 and 10" and "£759m to £879m" merge into one
   range; "from 19 to 17 percentage points" links two endpoints and carries the unit back;
   "for every £1 ... £5" links a ratio.
3. `_to_claims` adds bounds, sentence, line/column and date, and drops bare numbers nobody linked.
"""

from __future__ import annotations

import bisect

from ..config import Settings
from ..models import Claim, Document
from ..text.layout import TextLayout
from ..text.sentences import Sentences
from ..text.tables import Tables
from .figure import Figure
from .links import link
from .scan import scan
from .tables import table_cell

_DEFAULT_SETTINGS = Settings()


def extract_claims(doc: Document, settings: Settings | None = None, layout: TextLayout | None = None) -> list[Claim]:
    """Every numeric claim in `doc`, in text order.

    layout: the document's analysed text, when the caller hands it on to attribution too (the pipeline).
    """
    settings = settings or _DEFAULT_SETTINGS
    layout = layout or TextLayout(doc.text)
    # Read with soft line wraps as spaces (same length, so offsets hold): "hired 2,315\nnew paramedics".
    text = layout.unwrapped
    figures = list(scan(text, settings.extract_all_numbers))
    if not figures:
        return []
    sentences = layout.sentence_lookup()
    figures = link(text, figures, sentences)
    return _to_claims(doc, figures, sentences, layout.tables, settings.approx_tolerance, settings.extract_all_numbers)


# ---- pass 3: claims -------------------------------------------------------------------------------

def _to_claims(doc: Document, figures: list[Figure], sentences: Sentences, tables: Tables, tolerance: float,
               all_numbers: bool = False) -> list[Claim]:
    text = doc.text
    prefix = doc.sha256[:12]
    relative = [(s.start, text.find("\n", s.start)) for s in doc.sections if s.date_origin == "relative"]
    relative_starts = [s for s, _ in relative]  # sorted, as sections are: a bisect finds the header before
    claims: list[Claim] = []
    line, line_pos, line_start = 1, 0, 0
    section_i = 0
    sections = doc.sections
    for fig in figures:
        if fig.duration and (fig.bare or fig.relation not in ("change_from", "change_to")):
            continue  # a span of time that is not an end of a stated change
        if fig.bare and fig.relation is None and fig.qualifier is None and not table_cell(text, fig, tables):
            if not all_numbers:
                continue
            fig.kind, fig.unit = "number", None
        header = bisect.bisect_right(relative_starts, fig.start) - 1
        if header >= 0 and fig.start < (relative[header][1] if relative[header][1] >= 0 else len(text)):
            continue  # "(5 years, 11 months ago)"
        start, end = fig.start, fig.end
        newlines = text.count("\n", line_pos, start) if start > line_pos else 0
        if newlines:
            line += newlines
            line_start = text.rfind("\n", line_pos, start) + 1
        line_pos = max(line_pos, start)
        while section_i + 1 < len(sections) and sections[section_i + 1].start <= start:
            section_i += 1
        section = sections[section_i] if sections and sections[0].start <= start else None
        s_start, sentence = sentences.at(fig.figure_start)
        lo, hi = _bounds(fig, tolerance)
        claims.append(Claim(
            id=f"{prefix}:{start}", doc=doc.id, start=start, end=end, line=line + doc.line_offset,
            column=start - line_start + 1,
            text=text[start:end], sentence=sentence, sentence_start=s_start, kind=fig.kind, unit=fig.unit,
            value=fig.value, lo=lo, hi=hi, bound=fig.bound, qualifier=fig.qualifier, precision=fig.precision,
            related=f"{prefix}:{fig.partner.start}" if fig.partner is not None else None, relation=fig.relation,
            assumption=fig.assumption,
            date=section.date if section else doc.meta.date, date_origin=section.date_origin if section else "none",
            source=doc.meta,
        ))
    return claims


def _bounds(fig: Figure, tolerance: float) -> tuple[float | None, float | None]:
    v = fig.value
    if fig.bound == "range":
        return fig.lo, fig.hi
    if fig.bound == "lower":
        return v, None
    if fig.bound == "upper":
        return None, v
    if fig.bound == "approx":
        return v - abs(v) * tolerance, v + abs(v) * tolerance
    return v, v
