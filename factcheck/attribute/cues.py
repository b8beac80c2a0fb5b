"""Attribute stage: give each claim its topic, metric, period, role and cumulative cue.

Everything here is a regex over the claim's sentence (plus, for "this fund" / "the programme" / "it",
the earlier sentences of the same dated section), so it is fast and every choice can be explained:

- topic: the candidate phrase (see topics.py) with the best strength + tie to the figure. Ties, best
  first: the figure sits inside the phrase ("the £200 million Innovation Programme"); the phrase follows
  the figure after a preposition ("£6 billion for high needs", "invested £8.4m in the Virtual Staff
  College"); the phrase comes before the figure in the clause ("X has allocated £100 million"), nearer
  is better. Anaphors take the nearest earlier mention with a compatible head. A sentence with no
  candidate at all carries over the last strong mention of the same paragraph.
- A figure restated in the same document with a weaker topic takes the stronger one ("£4.7m for training"
  in a headline, "£4.7 million for the teaching partnership programme" in the body).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..models import Claim, Document, Role
from ..text.layout import TextLayout
from ..text.sentences import proper_words as proper_words  # re-exported: callers found it here
from ..text.tables import Tables, cells, column_at, row_at
from ..text.vocabulary import FULL_MONTH_PATTERN, SUPERLATIVES
from ..topics import (
    NOT_SUBJECTS,
    STOP,
    VEHICLE_CLASS,
    Candidate,
    object_phrase,
    sentence_candidates,
    singular,
    topic_key,
    vocab,
)

# Sentence ends, line breaks, and headings glued to the text by scraping ("Commons ChamberHigh-needs").

# ---- cue vocabularies (kept together so a reader sees every rule) ----
_MONEY_NOUN = r"(?:funding|investment|money|spending|budget|allocations?|grants?|capital|revenue)"
_AFTER_SLOT = re.compile(
    r"\s*(?:(?:of\s+)?(?:(?:new|additional|extra|capital|revenue|further|government|public)\s+)*"
    r"(?:" + _MONEY_NOUN + r"|boost|uplift|package|injection|top-up|pot|more|extra)\s+)?"
    r"(?:(?:a|per|each)\s+year\s+|annually\s+)?"
    r"(?P<passive>(?:(?:is|was|were|has been|have been|had been|will be|being|to be)\s+)?"
    r"(?:[a-z]+ed|spent|paid|given|put|made|set aside|lent|sent|won)\s+)?"
    r"(?:(?:over|in|for|during)\s+(?:the\s+)?(?:(?:next\s+|last\s+|past\s+)?(?:\w+\s+)?(?:years?|months?)|"
    r"(?:financial year\s+)?(?:19|20)\d\d(?:[-/–]\d{2,4})?)\s+)?"
    r"(?P<prep>for|on|in|into|towards|to|through)\s+")
_COUNT_AFTER_SLOT = re.compile(r"\s*(?:[a-z][\w’'-]*\s+){1,3}?(?:in|under|through|funded by|supported by)\s+")
# A figure in a predicate noun phrase: "X is now a £2bn programme", "X has become an £80m scheme".
_PREDICATE = re.compile(r"\b(?:is|was|are|were|becomes|became|has become|remains|remained)\s+"
                        r"(?:now\s+|still\s+|currently\s+)?an?\s+$", re.IGNORECASE)
_COPULA = re.compile(r"\s*,?\s*(?:(?:is|was|are|were|stands? at|stood at|totals?|totalled|amounts? to|amounted to|"
                     r"worth|costs?|of|at|reached|reaches|rose to|fell to|has risen to|has fallen to|now|an?)\s+)+"
                     r"(?:(?:now|currently|about|around|nearly|almost|over|more than|up to|some|an estimated|"
                     r"approximately|roughly|just|under|less than)\s+)*")
_PURPOSE = re.compile(r"\b" + _MONEY_NOUN + r"\b(?:\s+[\w’'-]+){0,4}?\s+(?:for|on|towards)\s+")

_PER_UNIT_AFTER = re.compile(r"^\s*(?:per|a|an|each|for each|for every)\s+(?!year|week|month|day|annum|hour|"
                             r"quarter|term|decade|fortnight|time|further|total|lot|number|bit|little|few|great)"
                             r"[a-z]+\b|^\s*each\b|^\s*a head\b")
_PER_UNIT_BEFORE = re.compile(r"\b(?:for every|for each|per)\s*$")
_PART_BEFORE = re.compile(r"\b(?:of which|including|includes|included|within|comprising|"
                          r"(?:rounds?|tranches?|phases?|waves?|instalments?)\s+of)\s+"
                          r"(?:(?:some|around|about|nearly|almost|over|more than|up to|the|a|its|this|that|[\w-]+['’]s)"
                          r"\s+)*$")
# "£15 million from the Harbour Fund": an amount drawn from a larger pot, not the pot's size.
_PART_AFTER = re.compile(r"^\s*(?:of (?:the|this|that|its|which)\b|of which|out of|(?:[a-z]+\s+)?(?:round|tranche|"
                         r"phase|wave|stage|instalment|installment|portion|share)\s+of\b|"
                         r"(?:(?:is|was|has been|will be)\s+)?(?:drawn\s+)?from\s+(?:the|our|its|this|their)\s+"
                         r"(?!start|beginning|end|previous|last|first|same|year|period)[a-z]+)", re.I)
# "As part of the ZEBRA scheme, the city was awarded £35.7m": a share of the named thing.
_PART_OF_CLAUSE = re.compile(r"\b(?:as part of)\s+(?:the|this|its|our)\s+[^,;]{2,80},\s[^;]*$", re.I)
# "as part of over £15 billion", "a share of the £150,000 cost": the figure is the whole.
_WHOLE_BEFORE = re.compile(r"\b(?:part of|out of|share of)\s+(?:(?:a|an|the|its|this|over|more than|about|around|"
                           r"nearly|almost|some|up to)\s+)*$", re.I)
_DELTA_UP = r"(?:increas|rais|ris|rose|boost|grew|grow|up\b|uplift)"
_DELTA_DOWN = r"(?:cut|reduc|decreas|fell|fall|drop|lower|down\b)"
_INCREASE_BY = re.compile(r"\b(?P<verb>" + _DELTA_UP + "|" + _DELTA_DOWN + r")\w*\b[^.;]{0,90}\bby\s*$", re.I)
_DELTA_OF = re.compile(r"\b(?P<verb>increase|rise|uplift|boost|cut|reduction|decrease|fall)s?\s+(?:of\s+)?$", re.I)
_DELTA_AFTER = re.compile(r"^\s*(?:a year\s+|per year\s+)?(?P<verb>increase|rise|more than|cut|reduction|"
                          r"decrease|fall|less)\b", re.I)
_ADDITIONAL = re.compile(r"\b(?:additional|extra|a further|further|another|top-up of|new)\s+$", re.I)
_ADDED_TO = re.compile(r"^\s*(?:cash\s+)?(?:boost|uplift|top-up|top up|injection|increase)\s+(?:in\s+funding\s+)?to\s+"
                       r"(?:the|its|our|their|this)\b", re.I)
_ADDITIONAL_AFTER = re.compile(r"^\s*(?:boost|uplift|top-up|injection|cash injection|more\b(?! than)|extra\b)", re.I)
_TARGET = re.compile(r"\b(?:will|would|shall|plans? to|aims? to|aiming to|pledged?|commit(?:ted)? to|"
                     r"target(?:s|ed|ing)?|intends? to|going to|expects? to|set to)\b[^.;]{0,40}$", re.I)
# "will cost", "is expected to cost", "would be worth": a thing's size said before it is built or bought
_SIZE_VERB = re.compile(r"\b(?:cost|be worth|be valued at)\s+(?:(?:about|around|some|roughly|approximately|an "
                        r"estimated|up to|more than|over|nearly|almost)\s+)?$", re.I)
# "by 2030", "the appeal's €7.5 million goal": a figure to reach
_TARGET_AFTER = re.compile(r"^[^.;]{0,40}\bby (?:20\d\d|the end of)\b|^\s*(?:[a-z-]+\s+)?(?:goal|target|ambition)s?\b",
                           re.I)
_TOTAL = re.compile(r"\b(?:total|totals|totalling|totaling|totalled|in total|overall|altogether|combined|"
                    r"a total of)\b[^.;]{0,25}$", re.I)
# A running total says it has been counting up to now. "As of 13 November, 562,296 tests were booked" is a
# level at a date, and "worth $190m in total" a size: neither is a count that can only grow.
# ("its largest to date", "the best yet so far": a superlative ranks the figure, it does not run a total)
_CUMULATIVE = re.compile("".join(rf"(?<!\b{word} )" for word in SUPERLATIVES) +
                         r"\b(?:so far|to date|till date|already|since|cumulative(?:ly)?|thus far|"
                         r"up to now|until now|over the (?:past|last))\b", re.I)
_YEAR = r"(?:19|20)\d\d(?:\s*[-/–]\s*\d{2,4})?"
_MONTH = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + FULL_MONTH_PATTERN + r"\s+(?:19|20)\d\d"
_PERIOD = re.compile(
    r"\b(?:(?P<mspan>(?:from|between)\s+" + _MONTH + r"\s*(?:to|and|until|-|–)\s*" + _MONTH + r")"
    r"|(?P<until>(?:until|till|to|through|by)\s+(?:the\s+end\s+of\s+)?" + _MONTH + r")"
    r"|(?P<review>(?:over|during|across|in|for|within)\s+(?:the|this)\s+(?:current\s+|next\s+|last\s+|previous\s+)?"
    r"(?:spending\s+review|parliament)(?:\s+period)?)"
    r"|(?P<prep>in|for|during|by|since|from|between|over|until|to)\s+(?:the\s+)?(?:both\s+)?"
    r"(?:financial\s+years?\s+|years?\s+|calendar\s+year\s+)?(?P<span>" + _YEAR + r"(?:\s*(?:and|to|-|–)\s*"
    + _YEAR + r")?)"
    r"|(?P<rel>this|last|next|the current|the previous|each|every|a|per)\s+(?P<unit>financial year|year|week|"
    r"month|day|annum|parliament|spending review period)"
    r"|(?P<adv>annually|weekly|monthly|daily)"
    r"|(?P<over>(?:over|across|during|within) (?:the )?(?:next |last |past )?(?:\w+ )?(?:financial |calendar )?"
    r"(?:years?|months?))"
    r"|(?P<since>since (?:its|the scheme's|the programme's) (?:launch|creation|start|inception)))", re.I)

_SHARE_OF = re.compile(r"^\s*(?:of\s+(?:the\s+|all\s+|our\s+|their\s+|its\s+)?(?P<np>(?:[\w’'-]+\s+){0,3}?[\w’'-]+))"
                       r"(?=\s+(?:are|is|were|was|have|has|had|live|in|who|that|received|rated|with|from|on|at)\b|"
                       r"[,.;]|$)")
_COUNT_NOUN = re.compile(r"^\s*(?P<np>(?:[a-z][\w’'-]*\s+){0,3}?[a-z][\w’'-]*)(?=\s+(?:have|has|had|were|was|are|is|"
                         r"in|to|across|from|who|that|which|and|with|for|at|on|of|per|a|each|over|under|since|by|"
                         r"will|would|can|could|may|might|must|should)\b|\s+[a-z]+ed\b|\s+[a-z]+ing\b|[,.;:!?)—–-]|$)")
_COUNT_VERB = re.compile(r"^\s+(?:have|has|had|were|was|are|is)\s+(?:now\s+|so far\s+|already\s+)?(?:been\s+)?"
                         r"(?P<verb>[a-z]+ed)\b")
_COUNT_ADJ = vocab("""
new more additional extra further other such key successful innovative different separate existing current
whole entire full eligible
""")
_NOT_NOUN = vocab("""
of per cent percent million billion thousand times years year months weeks days
""")


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class _Choice:
    topic: str | None
    strength: float
    local: bool = False  # meaningful only within this document


def _sentences(layout: TextLayout) -> list[_Sentence]:
    """The text's sentences (text.sentences), each to collect its subject candidates."""
    return [_Sentence(s.start, s.end, s.text, s.paragraph) for s in layout.sentences]


def _resolve(anaphor: Candidate, history: list[tuple[int, Candidate]], pos: int) -> Candidate | None:
    """The earlier mention an anaphor stands for: same head first, then any funding vehicle nearby.

    Looks back at most 3,000 characters, so long documents cost no more per anaphor than short ones."""
    want = "programme" if anaphor.head in ("program", "programme") else anaphor.head
    vehicle = None
    for off, cand in reversed(history):
        if pos - off >= 3000:
            break
        if anaphor.head == "it":
            if pos - off >= 400:
                break
            if cand.strength >= 2.5:
                return cand
            continue
        head = "programme" if cand.head in ("program", "programme") else cand.head
        if head == want:
            return cand
        if vehicle is None and want in VEHICLE_CLASS and cand.head in VEHICLE_CLASS and pos - off < 1500 \
                and cand.strength >= 2.5:
            vehicle = cand
    return vehicle


def _slot_candidates(sent: _Sentence, claims: list[Claim]) -> dict[int, tuple[Candidate, float]]:
    """Noun phrases a figure is tied to by a preposition: claim index -> (candidate, tie bonus)."""
    out: dict[int, tuple[Candidate, float]] = {}
    for idx, claim in enumerate(claims):
        ce = claim.end - sent.start
        after = sent.text[ce:]
        if claim.kind == "money":
            m = _AFTER_SLOT.match(after)
            if m and not (m.group("prep") == "to" and not m.group("passive")):
                cand = object_phrase(sent.text, ce + m.end())
                if cand:
                    out[idx] = (cand, 2.5)
        elif claim.kind == "count":
            m = _COUNT_AFTER_SLOT.match(after)
            if m:
                cand = object_phrase(sent.text, ce + m.end())
                if cand and (cand.named or cand.strength >= 2.5):
                    out[idx] = (cand, 1.0)
    return out


def _purpose_candidates(sent: _Sentence) -> list[Candidate]:
    """"funding allocations ... for high needs": the thing the money is for."""
    found = []
    for m in _PURPOSE.finditer(sent.text):
        cand = object_phrase(sent.text, m.end())
        if cand:
            found.append(cand)
    return found


def _choose(claim: Claim, sent: _Sentence, cands: list[Candidate], slot: tuple[Candidate, float] | None) -> _Choice:
    """The best candidate for one figure. A topic the figure is not tied to (only near it) that is not a
    named vehicle — an organisation, a place, a lower-case phrase — is kept to this document (`local`):
    "the MOD spent £5.7 billion with SMEs" is not a figure for "MOD" that other statements should match."""
    cs, ce = claim.start - sent.start, claim.end - sent.start
    best: tuple[float, Candidate, bool] | None = None
    pool = [(c, None) for c in cands] + ([slot] if slot else [])
    for cand, bonus in pool:
        if cand.strength <= 0:
            continue
        tied = True
        if bonus is not None:
            tie = bonus
        elif cand.start >= ce and _inside(sent.text[ce:cand.start]) and not cand.anaphor:
            if claim.kind == "count":
                continue  # "50 innovative projects": the counted noun, not the subject
            if not cand.named and _PREDICATE.search(sent.text, max(0, cs - 40), cs):
                continue  # "the Harbour Plan is now a £2bn programme": the phrase says what the subject is
            tie = 4.0  # inside the phrase: "the £200 million Innovation Programme"
        elif cand.end <= cs:
            if CONTRAST.search(sent.text, max(0, cand.start - 30), cand.start):
                continue  # "In addition to the Harbour Fund, £5m went to...": the figure is about something else
            gap = sent.text[cand.end:cs]
            # "X is £6 billion", "X, worth £38 million,"; "the Global Forum (with over 160 members)"
            aside = re.fullmatch(r"\s*\((?:[a-z]+\s+){0,2}", gap) is not None
            tied = aside or _COPULA.fullmatch(gap) is not None
            tie = 3.0 if aside else max(0.0, 1.5 - len(gap) / 100) + (0.5 if tied else 0.0)
            if ";" in gap:
                tie -= 1.0
            elif re.search(r",\s*(?:and|but|while|whereas)\s", gap):
                tie -= 1.5  # "X ..., and that a programme supports 1,000 people": another clause
        elif cand.start >= ce:
            if re.search(r"[,;]\s*(?:and|but|while|whereas|which)\b", sent.text[ce:cand.start]):
                continue  # a later clause is about something else
            tied = False
            tie = -min(2.5, 0.5 + (cand.start - ce) / 50)
        else:
            continue
        score = cand.strength + tie
        if best is None or score > best[0]:
            best = (score, cand, tied)
    if best is None:
        return _Choice(None, 0.0)
    _, cand, tied = best
    return _Choice(cand.text, cand.strength, local=not tied and cand.strength < 2.5)


# What a sentence sets a figure apart from: "in addition to the X", "alongside the X", "as well as X".
CONTRAST = re.compile(r"\b(?:in addition to|alongside|as well as|on top of|separate(?:ly)? from|besides|apart from|"
                       r"rather than|instead of|excluding|except(?: for)?|other than|not including)\s+"
                       r"(?:\(?[a-z]\)\s+)?(?:the\s+|its\s+|our\s+|their\s+|this\s+)?$", re.I)


def _inside(gap: str) -> bool:
    """Only an adjective or two between the figure and the phrase: "£800 million ambitious plan"."""
    m = re.fullmatch(r"\s*((?:[a-z]+\s+){0,2})(?:,\s*)?", gap)
    return m is not None and not any(w in STOP for w in m.group(1).split())


def _merge_titles(cands: list[Candidate], text: str) -> list[Candidate]:
    """A bare head followed by a quoted title is one name: "plan, “Unlocking Talent”"."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if (i + 1 < len(cands) and not c.named and c.head in {singular(h) for h in ("plan", "programme", "strategy",
                                                                                          "scheme", "fund", "report",
                                                                                          "initiative", "review")}
                and cands[i + 1].head == "title" and re.fullmatch(r",?\s*", text[c.end:cands[i + 1].start])):
            t = cands[i + 1]
            out.append(Candidate(c.start, t.end, f"{t.text} {c.text}", 3.0, c.head, named=True))
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def attribute_claims(doc: Document, claims: list[Claim], layout: TextLayout | None = None) -> list[Claim]:
    """Claims of one document, with topic/metric/period/role filled where the text says."""
    if not claims:
        return claims
    layout = layout or TextLayout(doc.text)
    proper = layout.proper_words
    sentences = _sentences(layout)
    tables = layout.tables
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[int]] = {}
    for idx, claim in enumerate(claims):
        si = max(0, bisect.bisect_right(starts, claim.start) - 1)
        by_sentence.setdefault(si, []).append(idx)
    last_needed = max(by_sentence)
    history: list[tuple[int, Candidate]] = []
    strengths: dict[int, float] = {}
    section_of = {id(s): (doc.section_at(s.start).start if doc.section_at(s.start) else 0) for s in sentences}
    current_section = None
    para_start, para = 0, -1
    for si, sent in enumerate(sentences[:last_needed + 1]):
        if sent.paragraph != para:
            para_start, para = sent.start, sent.paragraph
        section = section_of[id(sent)]
        if section != current_section:
            history = []
            current_section = section
        cands = _merge_titles(sentence_candidates(sent.text, proper), sent.text)
        cands = sorted(cands + [c for c in _purpose_candidates(sent)
                                if not any(o.start == c.start for o in cands)], key=lambda c: c.start)
        resolved: list[Candidate] = []
        for cand in cands:
            if cand.anaphor:
                ante = _resolve(cand, history, sent.start + cand.start)
                if ante is None:
                    if cand.head != "it":  # an unresolved "the programme" is still a (document-local) topic
                        resolved.append(cand)
                    continue
                cand = Candidate(cand.start, cand.end, ante.text, ante.strength, ante.head, named=ante.named)
            elif cand.strength >= 2.0:
                history.append((sent.start + cand.start, cand))
            resolved.append(cand)
        idxs = by_sentence.get(si)
        if not idxs:
            continue
        sent_claims = [claims[i] for i in idxs]
        slots = _slot_candidates(sent, sent_claims)
        for k, (cand, bonus) in list(slots.items()):
            if cand.anaphor:
                ante = _resolve(cand, history, sent.start + cand.start)
                if ante is None:
                    del slots[k]
                else:
                    slots[k] = (Candidate(cand.start, cand.end, ante.text, ante.strength, ante.head), bonus)
        for k, idx in enumerate(idxs):
            claim = claims[idx]
            cell = table_cell(tables, claim)
            if cell:
                update = _context(claim, sent, sent_claims, k, cell.label)
                update.update(_cell_measure(cell, update, claim), topic_local=True)
                claims[idx] = claim.model_copy(update=update)
                strengths[idx] = 1.5
                continue
            choice = _choose(claim, sent, resolved, slots.get(k))
            if choice.topic is None:
                choice = _carry_over(history, max(para_start, sentences[max(0, si - 2)].start), claim.start) \
                    or _weak_subject(sent)
            update = _context(claim, sent, sent_claims, k, choice.topic)
            update["topic_local"] = choice.local
            claims[idx] = claim.model_copy(update=update)
            strengths[idx] = choice.strength
    claims = _inherit_lists(claims, by_sentence, sentences)
    claims = _unify_restated(claims, strengths)
    return _unify_related(claims)


def _carry_over(history: list[tuple[int, Candidate]], since: int, before: int) -> _Choice | None:
    """No candidate in the sentence: the last strong mention before the figure, if it is in this paragraph and
    at most two sentences back (`since` is the later of the paragraph's start and two sentences back)."""
    for off, cand in reversed(history):
        if off < before:
            return _Choice(cand.text, min(cand.strength, 2.0), local=True) if off >= since else None
    return None


def _cell_measure(cell: _Cell, update: dict, claim: Claim) -> dict:
    """A column heading that is a date is the period; any other heading names the measure."""
    header = cell.header
    if not header or not re.search(r"[A-Za-z0-9]", header):
        base = {"money": "amount", "count": "count"}.get(claim.kind, claim.kind)
        return {"metric": f"{base} (column {cell.column})", "role": "unknown"}
    if re.fullmatch(r"(?:[A-Za-z]+\s+)?(?:19|20)\d\d(?:\s*[-/–]\s*\d{2,4})?|[A-Z][a-z]+ \d{4}", header.strip()):
        return {"period": header.strip(), "role": "unknown"}
    return {"metric": header.strip().lower(), "role": "unknown"}


@dataclass
class _Cell:
    label: str | None  # the row's first cell: what the figures of the row are about
    column: int
    header: str | None  # the column's heading: what the figure measures, or when


def table_cell(tables: Tables, claim: Claim) -> _Cell | None:
    """A figure in a table row ("Agency staff | £4.5m | £5.1m"), with its row label and column heading."""
    text = tables.text
    row = row_at(text, claim.start, claim.end)
    if row is None:
        return None  # a line this long is prose, not a table row
    line_start, line_end = row
    line = text[line_start:line_end]
    if "|" not in line:
        return None
    label = cells(line)[0].strip(" -*")
    column = column_at(text, line_start, claim.start)
    if column == 0 or not re.search(r"[A-Za-z]{3}", label) or len(label) > 80:
        return None
    if label.lower() in NOT_SUBJECTS or label.lower() in {"grand total", "other", "all", "overall", "unknown"}:
        label = ""  # a total or "other" row: the cell is not about a named subject
    header = None
    first = tables.heading_row(line_start)
    if first < line_start:
        head_cells = tables.headings(first)
        if column < len(head_cells):
            header = head_cells[column].strip(" -*") or None
    return _Cell(re.sub(r"^\(?[a-z]{1,3}\)\s*", "", label) or None, column, header)


def _weak_subject(sent: _Sentence) -> _Choice:
    """Last resort: the sentence's own opening noun phrase ("The gap ..."); grouped within the document only."""
    m = re.match(r"\s*(?:The|This|That|Our|Their|Its)\s+((?:[a-z][\w’'-]*\s+){0,2}?[a-z][\w’'-]*)\s+"
                 r"(?:is|are|was|were|has|have|had|continues|continue|will|stands|rose|fell|grew)\b", sent.text)
    if m:
        return _Choice(m.group(1), 0.3, local=True)
    return _Choice(None, 0.0)


# ---- metric, role, period, cumulative ----

# A short bracketed abbreviation or aside ("(ITT)", "(SRP)") inside a clause: blanked, not a clause break.
_ASIDE = re.compile(r"\((?:[A-Za-z][\w’'&.-]*)(?:\s+[A-Za-z][\w’'&.-]*){0,2}\)")


def _clause_bounds(sent: _Sentence, claim: Claim, sent_claims: list[Claim], k: int) -> tuple[str, str]:
    """Text before the figure (back to the clause start) and after it (up to the next figure or clause end)."""
    cs, ce = claim.start - sent.start, claim.end - sent.start
    text = _ASIDE.sub(lambda m: " " * len(m.group(0)), sent.text)
    left = text[:cs]
    cut = max(left.rfind(";"), left.rfind(":"), left.rfind("("), left.rfind("—"))
    before = left[cut + 1:][-120:]
    right_end = len(sent.text)
    for other in sent_claims[k + 1:]:
        if other.start - sent.start >= ce:
            right_end = other.start - sent.start
            break
    after = text[ce:right_end]
    m = re.search(r"[;:(—]", after)
    if m:
        after = after[:m.start()]
    return before, after


def _role(claim: Claim, before: str, after: str, tied_total: bool) -> tuple[Role, str | None]:
    """The role and, for changes, the direction word ("increase"/"reduction") that makes a distinct metric."""
    tight = before[-60:]
    if _PER_UNIT_BEFORE.search(tight) or (claim.kind == "money" and _PER_UNIT_AFTER.search(after)):
        return "per_unit", None
    if _WHOLE_BEFORE.search(tight):
        return "total", None
    if _PART_BEFORE.search(tight) or _PART_AFTER.search(after) or _PART_OF_CLAUSE.search(before):
        return "part", None
    m = _INCREASE_BY.search(before) or _DELTA_OF.search(tight) or _DELTA_AFTER.search(after)
    if m:
        down = re.match(_DELTA_DOWN, m.group("verb"), re.I) or m.group("verb").lower() == "less"
        return "increase", "reduction" if down else "increase"
    if _ADDED_TO.search(after):
        return "increase", "increase"  # "a £16m boost to the Harbour Fund": a change of its size, not its size
    if _ADDITIONAL.search(tight) or _ADDITIONAL_AFTER.search(after):
        return "increase", None
    if _SIZE_VERB.search(tight):
        return "total", None  # "will cost $1.38bn", "would be worth £5m": the size said ahead, not a pledge
    if _TARGET.search(tight) or _TARGET_AFTER.search(after):
        return "target", None
    if _TOTAL.search(tight) or re.match(r"^\s*in total\b", after):
        return "total", None
    return ("total" if tied_total else "unknown"), None


def _money_metric(window: str) -> str:
    """Lower-case cue words only: "Cost of Living Payments" is a name, "the cost of" is a measure."""
    w = window
    if re.search(r"(?<!-)\bsav(?:e|es|ed|ing|ings)\b", w):  # not "life-saving"
        return "savings"
    if re.search(r"\bcost(?:s|ing)?\b", w):
        return "cost"
    if re.search(r"\b(?:revenue|income|receipts|tax take|recover(?:ed|s|y)?|turnover|net sales|sales)\b", w):
        return "revenue"
    if re.search(r"(?<![\w-])(?:profits?|earnings|surplus|operating loss|net loss|pre-tax loss)\b", w):
        return "profit"
    # "nurses are paid £30,000" is pay; "paid from the general fund", "paid to councils" say where money goes
    if re.search(r"\b(?:salary|salaries|pay|paid(?! (?:from|by|out|to|for|through|via|into|back)\b)|wages?|earn\w*)\b",
                 w) and not re.search(r"\bpay(?:ment)?s? for\b", w):
        return "pay"
    if re.search(r"\b(?:debt|borrowing|deficit)\b", w):
        return "debt"
    if re.search(r"\b(?:fines?|penalt\w+)\b", w):
        return "fines"
    return "funding"


def _noun_phrase(words: list[str]) -> list[str]:
    """Cut a counted noun phrase after its first plural: "local authorities take part" -> "local authorities"."""
    for i, w in enumerate(words):
        lw = w.lower()
        if lw in {"children", "people", "men", "women", "staff"} or (
                lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s")) and len(lw) > 3):
            return words[:i + 1]
    return words


def _count_metric(claim: Claim, after: str) -> str:
    if claim.unit:
        noun = " ".join(w for w in claim.unit.split() if w.lower() not in _COUNT_ADJ) or claim.unit
    else:
        m = _COUNT_NOUN.match(after)
        if not m:
            return "count"
        words = _noun_phrase([w for w in m.group("np").split() if w.lower() not in _COUNT_ADJ])
        if not words or words[0].lower() in _NOT_NOUN:
            return "count"
        noun = " ".join(words[-3:])
        after = after[m.end():]
    v = _COUNT_VERB.match(after)
    if v and v.group("verb") not in {"needed", "based"}:
        noun = f"{noun} {v.group('verb')}"
    return noun.lower()


def _percent_metric(before: str, after: str) -> str:
    m = _SHARE_OF.match(after)
    if m:
        words = _noun_phrase([w for w in m.group("np").split() if w.lower() not in _COUNT_ADJ | {"most", "many"}])
        if words:
            return "share of " + " ".join(words).lower()
    if re.search(r"\b(?:increas|ris|rose|fell|fall|grew|grow|cut|reduc|decreas|drop|up|down)\w*\s+(?:by\s+)?$",
                 before, re.I) or re.match(r"\s*(?:increase|rise|fall|cut|reduction|decrease|drop)\b", after, re.I):
        return "change"
    m = re.search(r"\b((?:[a-z]+\s+)?(?:rate|share|proportion|gap|level|turnout|growth|inflation))\b[^.;]{0,40}$",
                  before, re.I)
    if m:
        return re.sub(r"^(?:the|a|an|this|that|its|our|their)\s+", "", m.group(1).lower())
    return "percent"


def _period(before: str, after: str) -> str | None:
    """The period a figure is for, looked for after it, then just before it, then anywhere in its clause."""
    for window in (after[:80], before[-50:], before):
        m = _PERIOD.search(window)
        if m:
            if m.group("span"):
                prep = m.group("prep").lower()
                return f"{prep} {m.group('span')}" if prep in ("since", "by", "between", "from", "until") \
                    else m.group("span")
            return m.group(0).strip()
    return None


def _context(claim: Claim, sent: _Sentence, sent_claims: list[Claim], k: int, topic: str | None) -> dict:
    before, after = _clause_bounds(sent, claim, sent_claims, k)
    topic = _clean_topic(topic)
    tied = topic is not None and claim.kind == "money"
    role, delta = _role(claim, before, after, tied)
    if claim.kind == "money" and _is_level(topic):
        metric = "level"  # "the £2 fare cap", "the Personal Allowance of £12,570": a rate set per unit
    elif claim.kind == "money":
        if re.search(r"\bfor (?:every|each)\s*$", before[-20:]) or re.search(r"\bfor (?:every|each) [£$€]\d",
                                                                            sent.text[:claim.start - sent.start]):
            metric = "return per unit spent"
        else:
            metric = _money_metric(before[-60:] + " " + after[:40])
            if delta:
                metric = f"{metric} {delta}"
    elif claim.kind == "count":
        metric = _count_metric(claim, after)
    elif claim.kind in ("percent", "percentage_points"):
        metric = _percent_metric(before, after)
        if claim.kind == "percentage_points" and metric == "percent":
            m = re.search(r"\b(gap|rate|share|proportion|turnout|margin|lead)\b", sent.text, re.I)
            metric = m.group(1).lower() if m else "percentage points"
    else:
        metric = "ratio"
    clause = re.split(r"[,;]\s*(?:and|but|while|whereas)\s", before)[-1]
    window = clause + " " + after
    return {
        "topic": topic,
        "topic_key": topic_key(topic),
        "metric": metric,
        "period": _period(before, after),
        "role": role,
        "cumulative": bool(_CUMULATIVE.search(window)),
    }


# Heads of subjects whose money figures are rates set per person, unit or hour (and reset over time), not totals.
_LEVEL_HEADS = vocab("cap caps fare fares allowance wage wages salary salaries threshold thresholds limit price fee")


def _is_level(topic: str | None) -> bool:
    words = re.findall(r"[a-z]+", (topic or "").lower())
    return bool(words) and words[-1] in _LEVEL_HEADS


def _clean_topic(topic: str | None) -> str | None:
    if not topic:
        return None
    topic = re.sub(r"^(?:the|a|an|this|that|these|its|their|our)\s+", "", topic.strip(" ,.;:"), flags=re.I)
    return topic or None


_LIST_GAP = re.compile(r"\s*(?:(?:has|have|had|was|were|is|are|will)\s+(?:been\s+|be\s+)?[a-z]+\s+)?"
                       r"(?:(?:in|for|during)\s+\S+\s*)?(?:,|and|or|, and|,\s*and)\s*")


def _inherit_lists(claims: list[Claim], by_sentence: dict[int, list[int]], sentences: list[_Sentence]) -> list[Claim]:
    """"by £130 million in 2017-18 and £142 million in 2018-19": listed figures share role, metric and topic."""
    for si, idxs in by_sentence.items():
        sent = sentences[si]
        last_of_kind: dict[str, int] = {}
        for b in idxs:
            a = last_of_kind.get(claims[b].kind)
            last_of_kind[claims[b].kind] = b
            if a is None:
                continue
            prev, cur = claims[a], claims[b]
            between = sent.text[prev.end - sent.start:cur.start - sent.start]
            listed = _LIST_GAP.fullmatch(between) is not None
            if listed and bool(prev.topic) != bool(cur.topic):
                # "£1.2 billion in 2023/24 and £1.4 billion in 2024/25 for heat networks": one subject
                src, dst = (prev, b) if prev.topic else (cur, a)
                claims[dst] = claims[dst].model_copy(update={"topic": src.topic, "topic_key": src.topic_key,
                                                             "topic_local": src.topic_local})
                prev, cur = claims[a], claims[b]
            if (cur.role == "increase" and prev.role == "increase" and prev.metric and cur.metric
                    and prev.metric.startswith(cur.metric + " ")):
                # "raised by £130 million ..., with a further £120 million": the series of changes goes on
                claims[b] = cur.model_copy(update={"metric": prev.metric})
                continue
            if cur.role not in ("unknown", "total") or prev.role in ("unknown", "total"):
                continue
            if listed:
                claims[b] = cur.model_copy(update={"role": prev.role, "metric": prev.metric,
                                                   "topic": cur.topic or prev.topic,
                                                   "topic_key": cur.topic_key or prev.topic_key,
                                                   "topic_local": cur.topic_local if cur.topic else prev.topic_local,
                                                   "cumulative": cur.cumulative or prev.cumulative})
    return claims


def _unify_restated(claims: list[Claim], strengths: dict[int, float]) -> list[Claim]:
    """The same figure twice in one document with a weak and a strong topic: both take the strong one."""
    best: dict[tuple, int] = {}
    for idx, claim in enumerate(claims):
        key = (claim.kind, claim.unit, claim.value, claim.metric)
        if claim.topic and (key not in best or strengths.get(idx, 0) > strengths.get(best[key], 0)):
            best[key] = idx
    for idx, claim in enumerate(claims):
        key = (claim.kind, claim.unit, claim.value, claim.metric)
        strong = best.get(key)
        if strong is None or strong == idx or claim.kind not in ("money", "count"):
            continue
        if strengths.get(strong, 0) >= 2.5 and strengths.get(idx, 0) < 2.5:
            stronger = claims[strong]
            claims[idx] = claim.model_copy(update={"topic": stronger.topic, "topic_key": stronger.topic_key,
                                                   "topic_local": stronger.topic_local})
    return claims


def _unify_related(claims: list[Claim]) -> list[Claim]:
    """Two ends of a range, change or ratio are about the same thing: they share a topic (a ratio: a metric)."""
    index = {c.id: i for i, c in enumerate(claims)}
    for i, claim in enumerate(claims):
        j = index.get(claim.related or "")
        if j is None:
            continue
        other = claims[j]
        update: dict = {}
        if not claim.topic and other.topic:
            update.update(topic=other.topic, topic_key=other.topic_key, topic_local=other.topic_local)
        if claim.relation in ("change_to", "range_end") and other.topic and other.topic != claim.topic:
            # "from 19 to 17 percentage points": both ends are about what the start is about
            update.update(topic=other.topic, topic_key=other.topic_key, topic_local=other.topic_local)
        if claim.relation in ("ratio_base", "ratio_return"):
            update["metric"] = "return per unit spent"
        elif claim.relation in ("range_end", "change_to") and other.metric and claim.kind == other.kind:
            update["metric"] = other.metric
        if update:
            claims[i] = claim.model_copy(update=update)
    return claims
