"""Every shipped rule's examples, one test id each (`differing-totals/flag-0`), through the real pipeline.

The same function backs `factcheck rules test`. todo_* examples are strict: one that starts working
fails here until it is moved to flag/pass.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.engine import load_rules, shipped_rules_dir
from factcheck.engine.reference import REFERENCE_END, REFERENCE_START, rules_reference
from factcheck.rule_examples import example_cases, run_example

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules()
CASES = example_cases(RULES)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_rule_example(case):
    case_id, rule, kind, example = case
    result = run_example(rule, kind, example, case_id)
    assert result.ok, result.detail


def test_every_rule_has_examples_of_both_kinds():
    for rule in RULES:
        assert rule.examples.flag, f"{rule.id} has no flag example"
        assert rule.examples.pass_, f"{rule.id} has no pass example"


def test_every_rule_says_when_it_is_an_error_a_warning_or_info():
    for rule in RULES:
        assert rule.description.severity.strip(), f"{rule.id} has no severity section in its description"


def test_rule_files_live_under_a_category_named_by_their_id():
    files = sorted(p for p in (ROOT / "rules").rglob("*.yaml"))
    assert files, "no rule files"
    assert {p.stem for p in files} == {r.id for r in RULES}
    for path in files:
        assert path.parent.parent == ROOT / "rules", f"{path} is not in rules/<category>/"


def test_shipped_rules_are_the_top_level_rules_directory_in_a_checkout():
    assert shipped_rules_dir().resolve() == (ROOT / "rules").resolve() or (shipped_rules_dir() / "consistency").is_dir()


def test_readme_rules_reference_is_generated_from_the_rules():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(re.escape(REFERENCE_START) + ".*?" + re.escape(REFERENCE_END) + "\n", readme, re.S)
    assert found, "README.md lacks the rules reference markers"
    assert found.group(0) == rules_reference(RULES), (
        "README.md's rules reference is out of date: regenerate it with "
        "`factcheck rules list --format markdown` and paste it between the markers")
