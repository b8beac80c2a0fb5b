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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from .config import Settings
from .documents import iter_documents, read_text
from .extract import extract_claims
from .ledger import Ledger, Passage, split_passages
from .models import Claim, InputProblem

Verdict = Literal["verbatim", "paraphrase", "figures_differ", "not_found"]
DifferenceKind = Literal["value", "scale", "qualifier", "unit", "missing"]

_ELISION = re.compile(r"\s*(?:\.\s?\.\s?\.|…|\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\))\s*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d[\d,.]*", re.UNICODE)
_KEEP = set("£$€%")
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your yours yourself yourselves
said says say will shall may might must per cent percent mr mrs ms hon
""".split())  # noqa: SIM905 (a word list reads better as text)
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


class QuoteResult(BaseModel):
    """The verdict for one quote: `{"quote", "verdict", "matches": [...], "differences": [...]}`."""

    quote: str
    verdict: Verdict
    matches: list[Match] = Field(default_factory=list)  # best first; the first confident one is the source
    differences: list[FigureDifference] = Field(default_factory=list)  # of the source match
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
        if lw[0].isdigit() or lw in STOPWORDS or len(lw) < 3:
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
        verdict: Verdict = ("figures_differ" if best.differences else "verbatim" if best.verbatim
                            else "paraphrase")
        return QuoteResult(quote=quote, verdict=verdict, matches=ordered, differences=best.differences)


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
                  problems: list[InputProblem] | None = None) -> Ledger:
    """An in-memory ledger of the documents under `paths`, passages only (verify needs no claims)."""
    from .dates import parse_as_of

    ledger = Ledger(":memory:")
    for doc in iter_documents(paths, parse_as_of(None), settings, problems):
        ledger.add(doc, [])
    return ledger


# "straight", “curly” and ‘single curly’ quotations; an apostrophe (don’t) never opens or closes one.
_QUOTE_RE = re.compile(r'"([^"\n]+?)"|“([^”]+?)”|(?<![\w’])‘([^‘’]+?(?:’\w[^‘’]*?)*)’(?!\w)')


def find_quotes(text: str) -> list[tuple[int, str]]:
    """(offset, quoted text) of every quotation in an article, in order."""
    found = []
    for m in _QUOTE_RE.finditer(text):
        group = next(i for i in (1, 2, 3) if m.group(i) is not None)
        found.append((m.start(group), m.group(group)))
    return found


def verify_article(text: str, verifier: Verifier) -> tuple[list[QuoteResult], list[tuple[int, int, str]]]:
    """Verdicts for the quotations in `text` long enough to attribute, and (line, column, quote) of those
    skipped as too short (scare quotes such as "levelling up"). YAML front matter is not part of the article."""
    results, skipped = [], []
    if text.startswith("---\n") and (end := text.find("\n---", 3)) > 0:
        text = re.sub(r"[^\n]", " ", text[:end + 4]) + text[end + 4:]  # blanked, so lines keep their numbers
    for offset, quote in find_quotes(text):
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        if word_count(quote) < verifier.settings.verify_min_quote_words:
            skipped.append((line, column, quote))
            continue
        result = verifier.verify(quote)
        result.line, result.column = line, column
        results.append(result)
    return results, skipped


def failed(results: Iterable[QuoteResult]) -> bool:
    """True when a figure differs or a quote was not found (exit code 1)."""
    return any(r.verdict in ("figures_differ", "not_found") for r in results)
