"""verify: find where a quote comes from, and whether its figures match the record.

quote -> candidate passages from the full-text index (FTS5, in the ledger or an in-memory one built from
--corpus) -> rapidfuzz alignment over a window of neighbouring sentences -> the figures of the quote and of
the passage, extracted and normalised by the same extractor, compared -> a verdict:

    verbatim        the words and figures are in the record
    paraphrase      the figures match, the wording differs
    figures_differ  the passage was found but a figure differs (value, scale, qualifier or unit)
    not_found       no passage matches confidently

A match is confident only when its similarity reaches `verify_min_score` AND the quote's words that it
shares (figures included) are specific enough: the number of passages expected to contain them all by
chance (N x product of each word's share of passages) must stay under `verify_max_chance_matches`. A quote of
common words therefore never gets a confident source, however well it aligns somewhere.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, Field
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .config import Settings
from .documents import iter_documents, read_text
from .extract import extract_claims
from .ledger import Ledger, Passage
from .models import Claim, Document, InputProblem
from .text.passages import split_passages
from .text.vocabulary import SEARCH_STOP_WORDS

Verdict = Literal["verbatim", "paraphrase", "figures_differ", "not_found"]
DifferenceKind = Literal["value", "scale", "qualifier", "unit", "missing"]

_ELISION = re.compile(r"\s*(?:\.\s?\.\s?\.|…|\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\))\s*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d[\d,.]*", re.UNICODE)
_KEEP = set("£$€%")
MAX_CANDIDATES = 40
MAX_QUERY_TERMS = 12
MAX_MATCHES = 5


class FigureDifference(BaseModel):
    """One figure of the quote set against the figure the record has in its place."""

    kind: DifferenceKind
    quoted: str
    recorded: str | None = None  # None: the passage has no figure of this kind to compare with
    quoted_value: float
    recorded_value: float | None = None
    quoted_bound: str = "exact"
    recorded_bound: str | None = None
    quoted_start: int = 0  # offsets into the quote and into the match's passage, for marking
    quoted_end: int = 0
    recorded_start: int | None = None
    recorded_end: int | None = None


class Match(BaseModel):
    """A passage the quote may come from."""

    doc: str
    document: int  # ledger id of the document
    start: int  # character offsets of the passage in the document's text
    end: int
    line: int = 1
    passage: str
    source: str | None = None
    speaker: str | None = None
    date: str | None = None
    url: str | None = None
    score: float  # 0-100 similarity of the quote and the passage (figures masked)
    chance: float  # passages expected to share the matched words by chance: lower is more specific
    confident: bool
    verbatim: bool = False
    differences: list[FigureDifference] = Field(default_factory=list)


class WordingChange(BaseModel):
    """Words of the quote set against the record's words in their place ("" when one side has none)."""

    quoted: str
    recorded: str
    moved: bool = False  # the quoted words are in the passage, in another place
    quoted_start: int | None = None  # offsets into the quote and into the match's passage, for marking
    quoted_end: int | None = None
    recorded_start: int | None = None
    recorded_end: int | None = None


class QuoteResult(BaseModel):
    """The verdict for one quote: `{"quote", "verdict", "matches": [...], "differences": [...]}`."""

    quote: str
    verdict: Verdict
    matches: list[Match] = Field(default_factory=list)  # best first; the first confident one is the source
    differences: list[FigureDifference] = Field(default_factory=list)  # of the source match
    wording: list[WordingChange] = Field(default_factory=list)  # how a paraphrase's words differ from the record
    note: str | None = None
    line: int | None = None  # where the quote is in the article (verify --file)
    column: int | None = None


# -- text normalisation ------------------------------------------------------------------------------

@functools.lru_cache(maxsize=8192)  # neighbouring windows share sentences; each is normalised once
def normalise(text: str, mask_digits: bool = True) -> str:
    """Case-folded words and figures, with punctuation, quote marks and spacing flattened to single spaces.
    Digits become 0 when masked, so "£860m" and "£680m" align perfectly and only the figure comparison
    tells them apart."""
    out: list[str] = []
    for ch in text:
        if ch.isalpha():
            c = ch.casefold()[0]
        elif ch.isdigit():
            c = "0" if mask_digits else ch
        elif ch in _KEEP:
            c = ch
        else:
            c = " "
        if c != " " or (out and out[-1] != " "):
            out.append(c)
    return "".join(out).rstrip(" ")


def _stem(word: str) -> str:
    """A crude suffix strip so "schools"/"school" and "funded"/"funding" count as the same word."""
    w = word.casefold().replace("’", "'")
    for suffix in ("ing", "ies", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def content_words(text: str) -> list[str]:
    """The words that say what a quote is about: no stopwords, no figures, in order, unique."""
    seen: dict[str, None] = {}
    for w in _WORD.findall(text):
        lw = w.casefold()
        if lw[0].isdigit() or lw in SEARCH_STOP_WORDS or len(lw) < 3:
            continue
        seen.setdefault(lw.replace("’", "'"), None)
    return list(seen)


def numbers_in(text: str) -> list[str]:
    """The numbers as written ("30", "1,000", "2.5"), unique, in order."""
    return list(dict.fromkeys(re.findall(r"\d+(?:[.,]\d+)*", text)))


def _has_number(text: str, number: str) -> bool:
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text) is not None


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# -- figures ---------------------------------------------------------------------------------------

def _figures(text: str) -> list[Claim]:
    return extract_claims(read_text(text))


def _same_value(a: Claim, b: Claim) -> bool:
    """Equal once normalised ("£200m" = "£200 million"); a quote must give the figure as said, so the
    written precision that `check` allows ("£1 billion" may mean £0.95bn) is no excuse here."""
    return abs(a.value - b.value) <= 1e-9 * max(abs(a.value), abs(b.value), 1.0)


def _same_unit(a: Claim, b: Claim) -> bool:
    """Same kind and unit. Counted nouns need only share a word, since a quote may shorten them ("3 trade
    ... office" for "3 trade union representatives"), or be absent (elided)."""
    if a.kind != b.kind:
        return False
    if a.unit == b.unit:
        return True
    if a.kind != "count":
        return False
    if a.unit is None or b.unit is None:
        return True
    return bool({_stem(w) for w in a.unit.split()} & {_stem(w) for w in b.unit.split()})


def _is_scale_change(a: float, b: float) -> bool:
    if a <= 0 or b <= 0:
        return False
    ratio = math.log10(max(a, b) / min(a, b))
    return ratio >= 2.9 and abs(ratio - round(ratio / 3) * 3) < 0.05  # thousand, million, billion apart


def _context(text: str, claim: Claim) -> tuple[str, str]:
    """The words just before and after a figure, normalised, to tell which figure stands where."""
    before = normalise(text[max(0, claim.start - 60):claim.start])[-30:]
    after = normalise(text[claim.end:claim.end + 60])[:30]
    return before, after


def _context_score(q: Claim, quote: str, r: Claim, passage: str) -> float:
    """How alike the words around two figures are (0-200); a quote may start or end at its figure."""
    (qb, qa), (rb, ra) = _context(quote, q), _context(passage, r)
    n_before, n_after = min(len(qb), len(rb)), min(len(qa), len(ra))
    before = fuzz.ratio(qb[len(qb) - n_before:], rb[len(rb) - n_before:]) if n_before else 0.0
    after = fuzz.ratio(qa[:n_after], ra[:n_after]) if n_after else 0.0
    return before + after


def _counterpart(q: Claim, free: list[Claim], quote: str, passage: str) -> Claim | None:
    """The passage figure standing where `q` stands: same value and unit, else same unit, else same kind,
    else any; among those, the one with the most alike surroundings."""
    tiers = ([r for r in free if _same_unit(q, r) and _same_value(q, r)], [r for r in free if _same_unit(q, r)],
             [r for r in free if r.kind == q.kind], free)
    for options in tiers:
        if options:
            return max(options, key=lambda r: _context_score(q, quote, r, passage))
    return None


def compare_figures(quoted: Sequence[Claim], recorded: Sequence[Claim], quote: str = "",
                    passage: str = "") -> list[FigureDifference]:
    """Pair each figure of the quote with one of the passage and say how they differ (nothing if equal).

    Equal figures pair first (same value, unit and bound). Each other quoted figure pairs with the passage
    figure of the same kind and unit whose surrounding words are most like its own ("an extra £700m in
    2023/24" with "an extra £600m in 2023/24", not with "at least £16.8bn" a sentence earlier).
    """
    free = list(recorded)
    unpaired: list[Claim] = []
    for q in quoted:
        twin = next((r for r in free if _same_unit(q, r) and _same_value(q, r) and q.bound == r.bound), None)
        if twin is not None:
            free.remove(twin)
        else:
            unpaired.append(q)
    differences = []
    for q in unpaired:
        r = _counterpart(q, free, quote, passage)
        if r is None and f" {normalise(q.text, mask_digits=False)} " in f" {normalise(passage, mask_digits=False)} ":
            continue  # the figure is there as written, only not read as a claim ("a third" of "a third round")
        if r is None:
            differences.append(FigureDifference(kind="missing", quoted=q.text.strip(), quoted_value=q.value,
                                                quoted_bound=q.bound, quoted_start=q.start, quoted_end=q.end))
            continue
        free.remove(r)
        if not _same_unit(q, r):
            kind: DifferenceKind = "unit"
        elif _same_value(q, r):
            kind = "qualifier"
        elif _is_scale_change(q.value, r.value):
            kind = "scale"
        else:
            kind = "value"
        differences.append(FigureDifference(
            kind=kind, quoted=q.text.strip(), recorded=r.text.strip(), quoted_value=q.value,
            recorded_value=r.value, quoted_bound=q.bound, recorded_bound=r.bound, quoted_start=q.start,
            quoted_end=q.end, recorded_start=r.start, recorded_end=r.end))
    return differences


# -- search and scoring ------------------------------------------------------------------------------

@dataclass
class _Scored:
    passages: list[Passage]  # the window's sentences that the quote aligns with
    score: float
    stems: set[str]


def _segments(quote: str) -> list[str]:
    """The quote cut at its elisions ("...", "…", "[...]"), each part normalised."""
    parts = [normalise(p) for p in _ELISION.split(quote)]
    return [p for p in parts if p]


def _score_window(segments: list[str], quote_norm: str, window: list[Passage], numbers: Sequence[str] = ()) -> _Scored:
    """Similarity of the quote to a window of sentences, and the sentences it lines up with.

    Each elided part is aligned on its own (rapidfuzz partial_ratio_alignment), scaled by how much of the
    part found a place, and the parts are averaged by length. Reordered clauses and paraphrase are
    scored by the share of the quote's content words the aligned sentences hold, and by token_sort_ratio
    when the lengths are alike. A passage that holds only part of the quote never scores high.
    """
    texts = [normalise(p.text) for p in window]
    joined = " ".join(texts)
    bounds, pos = [], 0
    for t in texts:
        bounds.append((pos, pos + len(t)))
        pos += len(t) + 1
    total = sum(len(s) for s in segments) or 1
    aligned_score = 0.0
    hit: set[int] = set()
    strong = True
    for seg in segments:
        al = fuzz.partial_ratio_alignment(seg, joined)
        covered = (al.src_end - al.src_start) / max(1, len(seg))
        aligned_score += al.score * covered * len(seg) / total
        if al.score * covered >= 80:  # a weak alignment (reordered clauses) says little about where it is
            hit.update(i for i, (s, e) in enumerate(bounds) if s < al.dest_end and e > al.dest_start)
        else:
            strong = False
    quote_stems = {_stem(w) for w in content_words(quote_norm)}
    for i, t in enumerate(texts):  # a reordered clause may sit in a sentence the alignment missed
        if not strong and len(quote_stems & {_stem(w) for w in content_words(t)}) >= 2:
            hit.add(i)
    chosen = [window[i] for i in sorted(hit)] or window
    region = " ".join(normalise(p.text) for p in chosen)
    stems = {_stem(w) for w in content_words(region)}
    raw = " ".join(p.text for p in chosen)
    found = len(quote_stems & stems) + sum(_has_number(raw, n) for n in numbers)
    coverage = 100.0 * found / (len(quote_stems) + len(numbers)) if quote_stems or numbers else 0.0
    alike = 0.6 * len(quote_norm) <= len(region) <= 1.6 * len(quote_norm)
    reordered = fuzz.token_sort_ratio(quote_norm, region) if alike else 0.0
    score = max(aligned_score, reordered, (aligned_score + coverage) / 2)
    return _Scored(chosen, round(score, 1), stems)


class Verifier:
    """Verifies quotes against one ledger (a file, or an in-memory one built from a corpus)."""

    def __init__(self, ledger: Ledger, settings: Settings | None = None) -> None:
        self.ledger = ledger
        self.settings = settings or Settings()
        self.total = max(1, ledger.passage_count())
        self._df: dict[str, int] = {}

    def document_frequency(self, word: str) -> int:
        """How many passages contain `word` (as the index stems it), asked once per word."""
        if word not in self._df:
            self._df[word] = self.ledger.passage_frequency(word)
        return self._df[word]

    def _share(self, df: int) -> float:
        """The share of passages holding a word, pulled towards `verify_word_prior` in a small record (one
        or two passages say nothing about how common a word is)."""
        weight = self.settings.verify_prior_passages
        return (df + weight * self.settings.verify_word_prior) / (self.total + weight)

    def verify(self, quote: str) -> QuoteResult:
        quote = quote.strip()
        words = content_words(quote) + numbers_in(quote)  # figures said the same way are evidence too
        df = {w: self.document_frequency(w) for w in words}
        present = sorted((w for w in words if df[w] > 0), key=lambda w: df[w])
        if not present:
            return QuoteResult(quote=quote, verdict="not_found", note="none of the quote's words is in the record")
        query = " OR ".join('"' + w.replace('"', '""') + '"' for w in present[:MAX_QUERY_TERMS])
        candidates = self.ledger.search(query, limit=MAX_CANDIDATES)
        segments = _segments(quote)
        quote_norm = " ".join(segments)
        too_short = (word_count(quote) < self.settings.verify_min_quote_words
                     or len(words) < self.settings.verify_min_content_words)
        quoted_figures = _figures(quote)
        matches: list[Match] = []
        covered: dict[int, list[tuple[int, int]]] = {}
        numbers = numbers_in(quote)
        # the window reaches as many sentences either way as the quote could span (elisions skip some)
        reach = max(1, len(segments) - 1 + len(split_passages(quote)))
        scored = [_score_window(segments, quote_norm, self.ledger.neighbours(p, reach, reach), numbers)
                  for p in candidates]
        for s in sorted(scored, key=lambda s: -s.score):
            first, last = s.passages[0], s.passages[-1]
            spans = covered.setdefault(first.document_id, [])
            if any(a < last.end and first.start < b for a, b in spans):
                continue  # the same stretch of text, reached from a neighbouring sentence
            spans.append((first.start, last.end))
            matches.append(self._match(s, quote, quoted_figures, words, df, too_short))
            if len(matches) >= MAX_MATCHES:
                break
        return self._verdict(quote, matches, too_short)

    def _match(self, s: _Scored, quote: str, quoted_figures: list[Claim], words: list[str],
               df: dict[str, int], too_short: bool) -> Match:
        first, last = s.passages[0], s.passages[-1]
        stored = self.ledger.document(first.document_id)
        text = self.ledger.passage_text(first.document_id, first.start, last.end)
        shared = [w for w in words if df[w] > 0 and (_stem(w) in s.stems if w[0].isalpha() else _has_number(text, w))]
        chance = self.total * math.prod(self._share(df[w]) for w in shared)
        differences = compare_figures(quoted_figures, _figures(text), quote, text)
        segs = [normalise(p, mask_digits=False) for p in _ELISION.split(quote)]
        text_norm = normalise(text, mask_digits=False)
        verbatim = not differences and _in_order(segs, text_norm)
        confident = (not too_short and s.score >= self.settings.verify_min_score
                     and chance <= self.settings.verify_max_chance_matches)
        meta = stored.summary.meta
        return Match(doc=stored.summary.id, document=stored.id, start=first.start, end=last.end,
                     line=self.ledger.line_of(first.document_id, first.start), passage=text,
                     source=meta.source, speaker=meta.speaker, date=stored.date_at(first.start), url=meta.url,
                     score=s.score, chance=float(f"{chance:.3g}"), confident=confident, verbatim=verbatim,
                     differences=differences)

    @staticmethod
    def _verdict(quote: str, matches: list[Match], too_short: bool) -> QuoteResult:
        confident = [m for m in matches if m.confident]
        if not confident:
            note = ("too few words to attribute with confidence" if too_short
                    else "no passage matches confidently; the closest are listed, marked low-confidence"
                    if matches else None)
            return QuoteResult(quote=quote, verdict="not_found", matches=matches, note=note)
        best = confident[0]
        if best.differences:  # the same words may be on record elsewhere with the quoted figures
            best = next((m for m in confident if not m.differences and m.score >= best.score - 5), best)
        ordered = [best] + [m for m in matches if m is not best]
        wording = wording_changes(quote, best.passage) if not best.verbatim else []
        differences = best.differences or unread_figure_differences(wording)
        verdict: Verdict = ("figures_differ" if differences else "verbatim" if best.verbatim else "paraphrase")
        return QuoteResult(quote=quote, verdict=verdict, matches=ordered, differences=differences,
                           wording=wording if verdict == "paraphrase" else [])


_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|[£$€%]|\.\.\.|…", re.UNICODE)
_ELIDED = "\x00"


def _token_key(token: str) -> str:
    return _ELIDED if token in ("...", "…") else token.casefold().replace("’", "'")


def wording_changes(quote: str, passage: str) -> list[WordingChange]:
    """Which words of a paraphrase differ from the passage: each run of changed words against the record's
    words in its place, and whether quoted words stand elsewhere in the passage (a reordered clause). Words
    the quote leaves out at an elision ("...") and the passage's words before the quote starts or after it
    ends are no change."""
    quoted, recorded = list(_TOKEN.finditer(quote)), list(_TOKEN.finditer(passage))
    q_keys, r_keys = [_token_key(t.group()) for t in quoted], [_token_key(t.group()) for t in recorded]
    ops: list[list[Any]] = []  # [tag, src_start, src_end, dest_start, dest_end], neighbouring changes merged
    for op in Levenshtein.opcodes(q_keys, r_keys):
        if op.tag != "equal" and ops and ops[-1][0] != "equal":
            ops[-1][2], ops[-1][4] = op.src_end, op.dest_end
        else:
            ops.append([op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end])
    equal = [i for i, op in enumerate(ops) if op[0] == "equal"]
    if not equal:
        return []  # nothing in common to set the words against
    record_words = set(r_keys)
    changes = []
    for i, (tag, src_start, src_end, dest_start, dest_end) in enumerate(ops):
        if tag == "equal":
            continue
        q_side = [quoted[k] for k in range(src_start, src_end) if q_keys[k] != _ELIDED]
        r_side = recorded[dest_start:dest_end]
        if i < equal[0]:  # before the quote's first word on record: only the words in its place count
            r_side = r_side[len(r_side) - len(q_side):] if q_side else []
        elif i > equal[-1]:
            r_side = r_side[:len(q_side)]
        elided = _ELIDED in q_keys[max(0, src_start - 1):src_end + 1]
        if (not q_side and elided) or (not q_side and not r_side):
            continue
        moved = bool(q_side) and not r_side and all(_token_key(t.group()) in record_words for t in q_side)
        changes.append(WordingChange(
            quoted=quote[q_side[0].start():q_side[-1].end()] if q_side else "",
            recorded=passage[r_side[0].start():r_side[-1].end()] if r_side else "", moved=moved,
            quoted_start=q_side[0].start() if q_side else None, quoted_end=q_side[-1].end() if q_side else None,
            recorded_start=r_side[0].start() if r_side else None,
            recorded_end=r_side[-1].end() if r_side else None))
    return changes


def _number(text: str) -> float | None:
    found = re.search(r"\d+(?:[.,]\d+)*", text)
    return float(found.group().replace(",", "")) if found else None


def unread_figure_differences(changes: Sequence[WordingChange]) -> list[FigureDifference]:
    """Numbers the extractor did not read as claims ("14 a week") that still differ between the quote and
    the record, word for word in the same place: a changed figure is never a mere paraphrase."""
    differences = []
    for w in changes:
        q, r = _number(w.quoted), _number(w.recorded)
        if q is None or r is None or q == r:
            continue
        differences.append(FigureDifference(
            kind="scale" if _is_scale_change(q, r) else "value", quoted=w.quoted, recorded=w.recorded,
            quoted_value=q, recorded_value=r, quoted_start=w.quoted_start or 0, quoted_end=w.quoted_end or 0,
            recorded_start=w.recorded_start, recorded_end=w.recorded_end))
    return differences


def _in_order(segments: list[str], text: str) -> bool:
    pos = 0
    for seg in segments:
        if not seg:
            continue
        found = text.find(seg, pos)
        if found < 0:
            return False
        pos = found + len(seg)
    return True


# -- corpus and articles -------------------------------------------------------------------------------

def corpus_ledger(paths: Sequence[str], settings: Settings | None = None,
                  problems: list[InputProblem] | None = None, as_of: str | date | None = None,
                  progress: Callable[[Iterable[Document]], Iterable[Document]] | None = None) -> Ledger:
    """An in-memory ledger of the documents under `paths`, passages only (verify needs no claims).
    Relative dates in the documents ("(2 years ago)") resolve against `as_of` (default today)."""
    from .dates import parse_as_of

    ledger = Ledger(":memory:")
    documents = iter_documents(paths, parse_as_of(as_of), settings, problems)
    for doc in progress(documents) if progress else documents:
        ledger.add(doc, [])
    return ledger


class FoundQuote(NamedTuple):
    """A quotation as a reader sees it: soft line breaks and block-quote markers flattened to single spaces."""

    offset: int  # of the quotation's first character in the draft
    line: int
    column: int
    text: str


class UnclosedQuote(NamedTuple):
    """An opening quotation mark never closed in its paragraph: the quotation could not be checked."""

    line: int
    column: int
    mark: str


_FENCE = re.compile(r"[ \t]{0,3}(?:```|~~~)")
_BLOCK_QUOTE = re.compile(r"[ \t]{0,3}>(?:[ \t]{0,4}>)*[ \t]?")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_LIST_ITEM = re.compile(r"[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_MARK = re.compile("[\"“”‘’']")
_DOUBLE_OPENERS = ('"', "“")


class Paragraph(NamedTuple):
    start: int
    end: int
    line: int
    block_quote: bool  # every line of it is marked with ">"


def reader_view(text: str) -> tuple[str, list[Paragraph]]:
    """The draft with the Markdown that is not prose blanked to spaces (block-quote markers, code fences and
    their contents, YAML front matter), so offsets still name the draft's characters, and its paragraphs. A
    blank line, a heading, a list item, a fence and the start or end of a block quote end a paragraph."""
    out: list[str] = []
    paragraphs: list[Paragraph] = []
    para_start: int | None = None
    para_line, para_quoted = 1, False
    pos = 0
    in_fence = False
    front = text.startswith("---\n") and text.find("\n---", 3) > 0
    for number, line in enumerate(text.split("\n"), 1):
        line_end = pos + len(line)
        breaks_before = breaks_after = quoted = False
        if front:
            front = not (number > 1 and line.startswith("---"))
            out.append(" " * len(line))
            breaks_before = True
        elif in_fence or _FENCE.match(line):
            in_fence = not in_fence if _FENCE.match(line) else in_fence
            out.append(" " * len(line))
            breaks_before = True
        else:
            marker = _BLOCK_QUOTE.match(line)
            if marker:
                line, quoted = " " * marker.end() + line[marker.end():], True
            out.append(line)
            if not line.strip():
                breaks_before = True
            elif _HEADING.match(line):
                breaks_before = breaks_after = True
            elif _LIST_ITEM.match(line):
                breaks_before = True
        if para_start is not None and (breaks_before or quoted != para_quoted):
            paragraphs.append(Paragraph(para_start, pos - 1, para_line, para_quoted))
            para_start = None
        if out[-1].strip() and para_start is None:
            para_start, para_line, para_quoted = pos, number, quoted
        if breaks_after and para_start is not None:
            paragraphs.append(Paragraph(para_start, line_end, para_line, para_quoted))
            para_start = None
        pos = line_end + 1
    if para_start is not None:
        paragraphs.append(Paragraph(para_start, len(text), para_line, para_quoted))
    return "\n".join(out), paragraphs


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def scan_quotes(text: str) -> tuple[list[FoundQuote], list[UnclosedQuote]]:
    """Every quotation in a draft, in order, and the opening marks never closed.

    "Straight", “curly”, ‘single curly’ and 'single straight' quotes; a quotation may wrap over lines and
    sit in a Markdown block quote. Only the outermost quotation is returned (one nested in it is part of
    its text). An apostrophe (don’t, councils’) never opens a quotation. A quotation continued into the
    next paragraph, which opens with the same mark (the typographic convention), is one quotation. One pass
    over the marks: a draft of 60,000 unclosed quotes costs no more than its length.
    """
    view, paragraphs = reader_view(text)
    found: list[FoundQuote] = []
    unclosed: list[UnclosedQuote] = []
    cur_pos, cur_line, line_start = 0, 1, 0

    def locate(p: int) -> tuple[int, int]:
        nonlocal cur_pos, cur_line, line_start
        newlines = view.count("\n", cur_pos, p)
        if newlines:
            cur_line += newlines
            line_start = view.rfind("\n", cur_pos, p) + 1
        cur_pos = p
        return cur_line, p - line_start + 1

    # the open quotation: its mark, where it opened, and its text so far as (start, end) spans
    outer: tuple[str, int, int, int] | None = None  # mark, content start, line, column
    spans: list[tuple[int, int]] = []
    inner: str | None = None

    def emit(close: int) -> None:
        assert outer is not None
        words = " ".join(" ".join(view[s:e].split()) for s, e in [*spans, (outer[1], close)]).strip()
        if words:
            found.append(FoundQuote(outer[1], outer[2], outer[3], words))

    for index, (start, end, _line, block_quote) in enumerate(paragraphs):
        continuing = outer is not None
        marks = list(_MARK.finditer(view, start, end))
        if outer is None and block_quote and not any(m.group() in "\"“‘" for m in marks):
            body = view[start:end]  # a block quote without quotation marks is a quotation in itself
            first = start + len(body) - len(body.lstrip())
            found.append(FoundQuote(first, *locate(first), " ".join(body.split())))
            continue
        for m in marks:
            ch, p = m.group(), m.start()
            before = view[p - 1] if p > start else " "
            after = view[p + 1] if p + 1 < end else " "
            if continuing:
                continuing = False
                if outer is not None and ch == outer[0] and p == start + len(view[start:end]) - len(
                        view[start:end].lstrip()):
                    outer = (outer[0], p + 1, outer[2], outer[3])
                    continue
            closes_single = not (_is_word(before) and _is_word(after)) and not _is_word(after)
            if ch == "“" or (ch == '"' and outer is None):
                if ch == '"' and (after.isspace() or _is_word(before)):
                    continue  # 5'10" or a stray mark
                if outer is None:
                    outer, spans, inner = (ch, p + 1, *locate(p + 1)), [], None
                elif outer[0] == ch:
                    unclosed.append(UnclosedQuote(outer[2], outer[3] - 1, outer[0]))
                    outer, spans, inner = (ch, p + 1, *locate(p + 1)), [], None
                else:
                    inner = ch
            elif ch in ('"', "”"):
                if inner == ("“" if ch == "”" else '"'):
                    inner = None
                elif outer is not None and outer[0] == ("“" if ch == "”" else '"'):
                    emit(p)
                    outer = None
                elif outer is not None and ch == '"' and inner is None and not after.isspace():
                    inner = ch
            elif ch == "‘":
                if _is_word(before):
                    continue
                if outer is None:
                    outer, spans, inner = (ch, p + 1, *locate(p + 1)), [], None
                elif outer[0] == ch:
                    unclosed.append(UnclosedQuote(outer[2], outer[3] - 1, outer[0]))
                    outer, spans, inner = (ch, p + 1, *locate(p + 1)), [], None
                elif inner is None:
                    inner = ch
            elif ch == "’":
                if not closes_single:
                    continue  # we’ll
                if inner == "‘":
                    inner = None
                elif outer is not None and outer[0] == "‘":
                    emit(p)
                    outer = None
            else:  # a straight single quote: an apostrophe unless it stands at a word's edge
                if _is_word(before) and _is_word(after):
                    continue
                if closes_single and not before.isspace():
                    if inner == "'":
                        inner = None
                    elif outer is not None and outer[0] == "'":
                        emit(p)
                        outer = None
                elif not _is_word(before) and _is_word(after):
                    if outer is None:
                        outer, spans, inner = (ch, p + 1, *locate(p + 1)), [], None
                    elif inner is None and outer[0] != "'":
                        inner = ch
        if outer is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if (nxt is not None and outer[0] in ("“", '"', "‘")
                    and view[nxt[0]:nxt[1]].lstrip().startswith(outer[0])):
                spans.append((outer[1], end))  # the quotation goes on in the next paragraph
                inner = None
                continue
            if outer[0] != "'":  # an unmatched straight single quote is most likely an apostrophe ('90s)
                unclosed.append(UnclosedQuote(outer[2], outer[3] - 1, outer[0]))
            outer, spans, inner = None, [], None
    return found, unclosed


def find_quotes(text: str) -> list[tuple[int, str]]:
    """(offset, quoted text) of every quotation in an article, in order."""
    return [(q.offset, q.text) for q in scan_quotes(text)[0]]


class ArticleResult(BaseModel):
    """The verdicts for a draft's quotations, the ones too short to attribute, and those never closed."""

    quotes: list[QuoteResult] = Field(default_factory=list)
    skipped: list[tuple[int, int, str]] = Field(default_factory=list)  # (line, column, quote)
    unclosed: list[tuple[int, int, str]] = Field(default_factory=list)  # (line, column, opening mark)


def verify_article(text: str, verifier: Verifier, progress: Callable[[Iterable[FoundQuote], int],
                   Iterable[FoundQuote]] | None = None) -> ArticleResult:
    """Verdicts for the quotations in `text` long enough to attribute, those skipped as too short (scare
    quotes such as "levelling up"), and the quotations opened but never closed. YAML front matter, code
    blocks and block-quote markers are not part of the quotations."""
    found, unclosed = scan_quotes(text)
    article = ArticleResult(unclosed=[(u.line, u.column, u.mark) for u in unclosed])
    attributable = []
    for q in found:
        if word_count(q.text) < verifier.settings.verify_min_quote_words:
            article.skipped.append((q.line, q.column, q.text))
        else:
            attributable.append(q)
    for q in progress(attributable, len(attributable)) if progress else attributable:
        result = verifier.verify(q.text)
        result.line, result.column = q.line, q.column
        article.quotes.append(result)
    return article


def failed(results: Iterable[QuoteResult]) -> bool:
    """True when a figure differs or a quote was not found (exit code 1)."""
    return any(r.verdict in ("figures_differ", "not_found") for r in results)
