"""The text layer (factcheck/text/): at the bottom of the import graph, and one reading of the text for all.

What English text looks like (sentences, tables, month names, function words) is known once, in
factcheck/text/, and every stage uses it. These tests keep it that way: text/ imports nothing else of
factcheck (but the models), the package has no import loops, and the readers in text/ agree with
what the stages make of the same text.
"""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factcheck import extract_claims, read_text
from factcheck.text.layout import TextLayout
from factcheck.text.sentences import Sentences, split_sentences, unwrap
from factcheck.text.tables import Tables, cells, column_at, row_at
from factcheck.text.vocabulary import MONTH_NAMES, MONTH_PATTERN, MONTH_WORDS

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
TEXT_MAY_IMPORT = {"factcheck.text", "factcheck.models"}
# Loops that were there before the text layer, each dodged with a late import inside a function.
KNOWN_LOOPS = [{"factcheck.models", "factcheck.suppress"}]


def _module_name(path: Path) -> tuple[str, list[str]]:
    """(dotted module name, its package's parts) of a file under factcheck/."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
        return ".".join(parts), parts
    return ".".join(parts), parts[:-1]


def _factcheck_imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every factcheck module a file imports (anywhere in it, late imports too), as dotted names."""
    _, package = _module_name(path)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "factcheck"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.split(".")[0] == "factcheck":  # `from . import cues` is the module cues, not its package
                found |= {f"{module}.{a.name}" if f"{module}.{a.name}" in modules else module for a in node.names}
    return found


def _modules() -> dict[str, Path]:
    return {_module_name(p)[0]: p for p in PACKAGE.rglob("*.py")}


def test_the_text_layer_imports_nothing_of_factcheck_but_itself_and_the_models():
    modules = _modules()
    text_files = sorted((PACKAGE / "text").glob("*.py"))
    assert len(text_files) >= 5  # the walk found the package
    for path in text_files:
        for owner in _factcheck_imports(path, modules):
            assert any(owner == allowed or owner.startswith(allowed + ".") for allowed in TEXT_MAY_IMPORT), \
                f"{path.name} imports {owner}: factcheck/text must stay below every stage"


def test_the_package_has_no_import_loops():
    """A loop (the engine's rule self-tests importing the pipeline that imports the engine) makes import
    order matter and forces late imports; the graph of module imports must be a tree of layers."""
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        deps = set()
        for imported in _factcheck_imports(path, modules):
            if imported in modules and imported != name:
                deps.add(imported)
        graph[name] = deps
    loops = [loop for loop in _strongly_connected(graph) if len(loop) > 1 and loop not in KNOWN_LOOPS]
    assert not loops, f"import loops: {loops}"


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative (no recursion limit on a deep graph)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                found.append(component)
    return found


def test_the_loop_finder_finds_a_loop():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert {"a", "b", "c"} in _strongly_connected(graph)
    assert {"d"} in _strongly_connected(graph)


# ---- what the readers in text/ say -------------------------------------------------------------------

LETTER = "The Rev. Okafor wrote to Dr. Lindqvist on 4 Sept. 2023. She replied that the orchard grant had " \
         "paid 17 growers. A second letter followed."


def test_extraction_reads_past_titles_and_abbreviations():
    lookup = Sentences(LETTER)
    start, sentence = lookup.at(LETTER.index("Lindqvist"))
    assert start == 0
    assert sentence == "The Rev. Okafor wrote to Dr. Lindqvist on 4 Sept. 2023."


def test_the_sentence_list_cuts_at_every_stop_unless_asked_to_read_abbreviations():
    coarse = [s.text.strip() for s in split_sentences(LETTER)]
    assert "Okafor wrote to Dr." in coarse  # attribution's reading: a title's stop ends a "sentence"
    careful = [s.text.strip() for s in split_sentences(LETTER, abbreviations=True)]
    assert careful == ["The Rev. Okafor wrote to Dr. Lindqvist on 4 Sept. 2023.",
                       "She replied that the orchard grant had paid 17 growers.", "A second letter followed."]


def test_sentences_carry_their_paragraph():
    text = "Orchards first. Then hedgerows.\nA new paragraph here."
    assert [s.paragraph for s in split_sentences(text)] == [0, 0, 1]


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n|Dr:£5")), max_size=300))
def test_every_sentence_is_a_slice_of_the_unwrapped_text(text):
    unwrapped = unwrap(text)
    assert len(unwrapped) == len(text)
    for abbreviations in (False, True):
        for s in split_sentences(text, abbreviations):
            assert 0 <= s.start <= s.end <= len(text)
            assert unwrapped[s.start:s.end] == s.text[:s.end - s.start]


ROSTER = """Depot | Drivers | Vans
| Northgate | 41 | 12 |
| Riverside | 37 | 9 |
"""


def test_a_table_cell_knows_its_row_column_and_heading():
    tables = Tables(ROSTER)
    at = ROSTER.index("37")
    line_start, line_end = row_at(ROSTER, at, at + 2)
    assert ROSTER[line_start:line_end] == "| Riverside | 37 | 9 |"
    assert tables.heading_row(line_start) == 0
    assert [c.strip() for c in cells(ROSTER[line_start:line_end])] == ["Riverside", "37", "9"]
    assert column_at(ROSTER, line_start, at) == 1
    assert tables.headings(0)[1].strip() == "Drivers"
    # Counted with the outer pipes, a leading pipe opens an empty cell: the heading row here has none.
    assert column_at(ROSTER, line_start, at, keep_outer=True) == 2


def test_a_line_longer_than_a_table_row_is_not_one():
    prose = "word " * 1000 + "| 12 |"
    at = prose.index("12")
    assert row_at(prose, at, at + 2) is None


def test_the_layout_hands_on_what_the_functions_give():
    text = "The lighthouse trust repaired 3 towers.\nIt plans 2 more\nnext spring, when the weather allows it."
    layout = TextLayout(text)
    assert layout.unwrapped == unwrap(text)
    assert layout.sentences == split_sentences(text)
    assert layout.sentence_lookup().at(text.index("2 more")) == Sentences(text).at(text.index("2 more"))
    doc = read_text(text)
    assert extract_claims(doc, layout=TextLayout(doc.text)) == extract_claims(doc)


def test_month_names_agree_across_the_vocabulary():
    import re

    month = re.compile(rf"{MONTH_PATTERN}$")
    assert all(month.match(word) for word in MONTH_WORDS)
    assert len(MONTH_NAMES) == 12 and all(name in MONTH_WORDS for name in MONTH_NAMES)
