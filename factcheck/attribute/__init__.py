"""Attribute stage: give each claim its frame — subject, measure, period, role (and recipient).

Two readers, combined:
- `cues` (word patterns over the sentence, fast and explainable) gives every claim a first frame:
  topic, metric, period, role, cumulative;
- `subject` reads the sentence's dependency parse (spaCy, `parse`) and, where it finds what the figure
  belongs to — a named thing, or an anaphor `context` resolves to one — that subject replaces the
  cue topic, with role "part" and the recipient when the figure is drawn from or given out of it.
The parse runs first wherever it has an answer; the cues are the fallback (and the only reader when the
model is not installed). `measure` turns metrics into keys that say when two measures are the same.
"""

from __future__ import annotations

import re

from ..dates import dateline_end
from ..models import Claim, Document
from ..text.layout import TextLayout
from ..text.sentences import stop_fragments
from ..topics import NON_SUBJECT_WORDS, sentence_candidates, topic_key
from . import cues, parse
from .context import Context, read_context
from .measure import counted_noun, is_unknown, question_measure, rate_noun, share_group
from .period import clause_period, lead_in_period
from .subject import MEASURE_NOUNS, PRONOUNS, Subject, find_subject, mentions, scope_of

__all__ = ["attribute_claims", "prepare_parses"]


def attribute_claims(doc: Document, claims: list[Claim], layout: TextLayout | None = None) -> list[Claim]:
    """Claims of one document, with topic/metric/period/role/recipient filled where the text says.

    layout: the document's analysed text, when the caller has it from extraction (the pipeline).
    """
    layout = layout or TextLayout(doc.text)
    claims = [_with_period(doc.text, c) for c in cues.attribute_claims(doc, claims, layout)]
    if not claims or not parse.available():
        return claims
    ctx = read_context(doc, layout)
    _collect_names(doc, ctx, max(c.start for c in claims), layout)
    cells, questions, keys = _parse_plan(doc, claims, layout)
    by_key = parse.parse_sentences(keys.values())
    parsed = {text: by_key[key] for text, key in keys.items() if key in by_key}
    spans = {text: key[1] for text, key in keys.items()}
    out = []
    for claim in claims:
        if claim.id in cells:
            out.append(_table_claim(claim, ctx, parsed.get(cells[claim.id])))
            continue
        p = parsed.get(claim.sentence)
        if p is None or claim.sentence not in spans:
            out.append(_with_aliases(claim, ctx))
            continue
        update = _parse_frame(claim, p, list(spans[claim.sentence]), ctx) or {}
        question = parsed.get(questions.get(claim.id, ""))
        update.update(_measure(claim, p, question))
        if question is not None and not update.get("topic") and (not claim.topic or claim.topic_local):
            update.update(_question_subject(claim, question, ctx))
        out.append(claim.model_copy(update=update) if update else _with_aliases(claim, ctx))
    return out


def prepare_parses(documents: list[tuple[Document, list[Claim]]], layouts: list[TextLayout] | None = None) -> None:
    """Parse the sentences the given documents' claims will need, in one batch (they are then cached), so
    attributing them one by one does not call the parser per document. `layouts`: the documents' analysed
    texts, in the same order, when the caller has them."""
    if parse.available():
        found = layouts or [TextLayout(doc.text) for doc, _ in documents]
        parse.parse_sentences(key for (doc, claims), layout in zip(documents, found, strict=True) if claims
                              for key in _parse_plan(doc, claims, layout)[2].values())


def _parse_plan(doc: Document, claims: list[Claim], layout: TextLayout,
                ) -> tuple[dict[str, str], dict[str, str], dict[str, parse.Key]]:
    """What to parse for a document: its claims' sentences (with the figures' spans), the questions
    answers answer, table row labels. Returns (table-cell claim id -> row label, claim id -> question,
    text -> key)."""
    cells: dict[str, str] = {}
    for c in claims:
        cell = cues.table_cell(layout.tables, c)
        if cell:
            cells[c.id] = cell.label or ""
    questions = {c.id: q for c in claims if c.id not in cells and (q := _question_before(doc.text, c.sentence_start))}
    spans: dict[str, set[tuple[int, int]]] = {}
    for c in claims:
        if c.id not in cells:
            spans.setdefault(c.sentence, set()).add((c.start - c.sentence_start, c.end - c.sentence_start))
    keys = {text: (text, tuple(sorted(found))) for text, found in spans.items()}
    for text in [*cells.values(), *questions.values()]:
        if text:
            keys.setdefault(text, (text, ()))
    return cells, questions, keys


def _with_period(text: str, claim: Claim) -> Claim:
    period = clause_period(claim, claim.period) or lead_in_period(text, claim)
    return claim if period == claim.period else claim.model_copy(update={"period": period})


def _collect_names(doc: Document, ctx: Context, until: int, layout: TextLayout) -> None:
    """Named mentions of every sentence up to the last claim: what "it" and "the fund" may stand for."""
    text = doc.text[:until]
    proper = layout.proper_words
    for start, fragment in stop_fragments(text):
        for cand in sentence_candidates(fragment, proper):
            if cand.named and cand.strength >= 2.0:
                ctx.add(start + cand.start, ctx.full_name(cand.text))


def _parse_frame(claim: Claim, p: parse.Parsed, sentence_spans: list[tuple[int, int]], ctx: Context) -> dict | None:
    cs, ce = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    fig = p.span(cs, ce)
    if not fig:
        return None
    skip = {i for s, e in sentence_spans for i in p.span(s, e)}
    name = None
    found: Subject | None = None
    label_end = _run_in_label_end(p.text)
    # "**Cost.** The project's sanctioned cost is ...": a run-in heading is a label, not what the figure is about
    sentence_mentions = mentions(p, skip)
    candidates = [c for c in find_subject(p, fig, skip, sentence_mentions) if c.mention.start >= label_end]
    for found in candidates:
        mention = found.mention
        if cues.CONTRAST.search(p.text, max(0, mention.start - 30), mention.start):
            continue  # "In addition to the X Fund, ... £5m": the figure is about something else
        if mention.named:
            name = ctx.full_name(mention.text, claim.sentence_start + mention.start)
            ctx.add(claim.sentence_start + mention.start, name)
            break
        if mention.head_word in PRONOUNS and claim.topic and not claim.topic_local and not found.owner:
            return None  # a pronoun is weak evidence (unless it owns what the figure sizes): the cues' topic stands
        name = ctx.resolve(mention.head_word, claim.sentence_start + mention.start)
        if name is not None:
            break
    if name is None and claim.topic and _EXCLUDED_TOPIC.search(claim.sentence) and re.search(
            _EXCLUDED_TOPIC.pattern + r"[^.;]{0,60}?" + re.escape(claim.topic), claim.sentence, re.I):
        return {"topic": None, "topic_key": None, "topic_aliases": None}  # the cues took what it leaves out
    if name is None:
        if not (ctx.headline and _names_nothing(claim) and not any(c.mention.named for c in candidates)):
            return None
        # Nothing in the sentence names what the figure is about ("Engineers have repaired 18,900 leaks so far
        # in the programme", "**Cost.** The sanctioned cost is ..."): the statement's headline subject is.
        name, found = ctx.headline, None
    name = _clean(name)
    if found and found.thing and claim.kind == "money" and found.thing.lower() not in name.lower():
        name = f"{name} {found.thing}"  # "Tamar Water's £2bn investment programme": the programme, not the firm
    key = topic_key(name)
    if not key:
        return None
    if claim.topic and claim.topic_key and claim.topic_key != key and set(key.split()) < set(claim.topic_key.split()) \
            and re.search(r"[\"“‘']" + re.escape(claim.topic), claim.sentence):
        name, key = claim.topic, claim.topic_key  # the cues read a longer form of the same name (a quoted title)
    update: dict = {"topic": name, "topic_key": key, "topic_local": False,
                    "topic_aliases": _aliases(ctx, name)}
    if found is not None and topic_key(found.mention.text) != key:
        update["topic_mention"] = found.mention.text  # "NCL", "the fund": how the sentence named it
    if found and found.part:
        update["role"] = "part"
        update["recipient"] = found.recipient
    # other names the figure is said to be in or with: not the subject, its recipient or their words
    recipient = found.recipient if found else None
    scope = [name for name in scope_of(p, sentence_mentions, found.mention if found else None)
             if name != recipient and (k := topic_key(name)) and not set(k.split()) & set(key.split())]
    if scope:
        update["scope"] = scope
    return update


_EXCLUDED_TOPIC = re.compile(r"\b(?:excluding|except(?: for)?|other than|not including)\b", re.I)


def _names_nothing(claim: Claim) -> bool:
    """The cue reader's topic names no particular thing: none, local to its sentence, written in lower case
    ("student housing"), only measure words, or a run-in heading ("**Progress.** Till date ...")."""
    if not claim.topic or not claim.topic_key or claim.topic_local or not any(ch.isupper() for ch in claim.topic):
        return True
    label = _RUN_IN_LABEL.match(claim.sentence)
    if label and claim.topic.lower() in label.group("label").lower():
        return True  # the heading the cues took for a name
    return all(t in MEASURE_NOUNS or t in NON_SUBJECT_WORDS for t in claim.topic_key.split())


# A paragraph's run-in heading: "**Cost.** ...", "2. *Progress:* ...", "__Scale.__ ..."
_RUN_IN_LABEL = re.compile(r"\s*(?:\d+[.)]\s*)?(?P<mark>\*\*|__|\*|_)(?P<label>[^*_\n]{1,60}?)[.:]?(?P=mark)[.:]?\s")


def _run_in_label_end(sentence: str) -> int:
    """Where a sentence's run-in heading or opening dateline ends (0 when it has neither): "**Cost.** ...",
    "HOSHANGABAD, Madhya Pradesh — ..." label the sentence; they are not what its figures are about."""
    label = _RUN_IN_LABEL.match(sentence)
    return label.end() if label else dateline_end(sentence)


def _question_before(text: str, start: int) -> str | None:
    """The question a figure answers: the line just before it when that line ends with "?" ("Q: ...?")."""
    before = text[:start].rstrip()
    if not before.endswith("?"):
        return None
    line = before[before.rfind("\n") + 1:]
    return line if len(line) <= 400 else None


def _measure(claim: Claim, p: parse.Parsed, question: parse.Parsed | None) -> dict:
    """The measure from the parse where the cues had none or a weaker one (a count's noun, a share's group)."""
    cs, ce = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    fig = p.root_of(p.span(cs, ce))
    if fig is None:
        return {}
    metric = claim.metric or ""
    if claim.kind == "count":
        noun = counted_noun(p, fig)
        if noun and not metric.endswith("ed") and len(noun.split()[-1]) > 1:  # not "e" of a split "e-book"
            return {"metric": noun}
    elif claim.kind in ("percent", "percentage_points") and (is_unknown(metric) or metric.startswith("share")):
        group = share_group(p, fig)
        if group:
            return {"metric": f"share of {group}"}
        noun = rate_noun(p, fig) if is_unknown(metric) else None
        if noun:
            return {"metric": noun}
    if question is not None and is_unknown(metric):
        asked = question_measure(question, claim.kind)
        if asked:
            return {"metric": asked}
    return {}


def _question_subject(claim: Claim, question: parse.Parsed, ctx: Context) -> dict:
    """An answer with no subject of its own ("A: 62 per cent.") is about what the question named."""
    named = [m for m in mentions(question, set()) if m.named]
    if not named:
        return {}
    name = _clean(ctx.full_name(named[-1].text))
    key = topic_key(name)
    return {"topic": name, "topic_key": key, "topic_local": False, "topic_aliases": _aliases(ctx, name)} if key else {}


def _clean(name: str) -> str:
    name = re.sub(r"^(?:the|a|an|this|that|its|their|our)\s+", "", name.strip(" ,.;:"), flags=re.I)
    return re.sub(r"['’]s?$", "", name)


def _table_claim(claim: Claim, ctx: Context, label: parse.Parsed | None) -> Claim:
    """A table cell's row label names its subject; a named label (a proper noun) is one in every document."""
    if claim.topic and label is not None and any(t.pos == "PROPN" for t in label.tokens):
        name = ctx.full_name(claim.topic)
        return claim.model_copy(update={"topic": name, "topic_key": topic_key(name), "topic_local": False,
                                        "topic_aliases": _aliases(ctx, name)})
    return claim


def _aliases(ctx: Context, name: str) -> list[str] | None:
    keys = ctx.aliases_of(name)
    return keys if len(keys) > 1 else None


def _with_aliases(claim: Claim, ctx: Context) -> Claim:
    if claim.topic and ctx.aliases:
        aliases = ctx.aliases_of(claim.topic)
        if len(aliases) > 1:
            name = ctx.full_name(claim.topic)
            return claim.model_copy(update={"topic_key": topic_key(name), "topic_aliases": aliases})
    return claim
