"""Run each rule's examples through the real pipeline (read -> extract -> attribute -> group -> rule).

`factcheck rules test` and pytest share `example_cases` / `run_example`, one case per example with an
id such as `differing-totals/flag-0`. An example "flags" when the rule reports a finding at the rule's
own severity (a finding it downgraded, say to info for compatible bounds, does not count).
todo_flag / todo_pass are known gaps: they are expected to fail, and a todo that starts passing is
reported as a failure so the list of gaps stays true.

It sits above the pipeline (it runs all of it), not in factcheck.engine, which the pipeline imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .config import Settings
from .documents import read_text
from .engine.schema import Example, Rule
from .models import DocumentMeta, Finding
from .pipeline import check_documents

EXAMPLE_KINDS = ("flag", "pass", "todo_flag", "todo_pass")
AS_OF = date(2024, 12, 1)  # fixed, so examples with relative dates give the same result every day


@dataclass
class ExampleResult:
    id: str  # "<rule id>/<kind>-<n>"
    rule: str
    kind: str
    ok: bool
    detail: str


def example_cases(rules: list[Rule]) -> list[tuple[str, Rule, str, Example]]:
    """(case id, rule, example kind, example) for every example of every rule."""
    cases = []
    for rule in rules:
        for kind in EXAMPLE_KINDS:
            examples = getattr(rule.examples, "pass_" if kind == "pass" else kind)
            for n, example in enumerate(examples):
                cases.append((f"{rule.id}/{kind.replace('_', '-')}-{n}", rule, kind, example))
    return cases


def findings_for(rule: Rule, example: Example, settings: Settings | None = None) -> list[Finding]:
    """The rule's findings on the example's statements, through the whole pipeline."""
    statements = [{"text": example}] if isinstance(example, str) else [d.model_dump() for d in example]
    docs = []
    for n, statement in enumerate(statements):
        text = statement.pop("text")
        meta = DocumentMeta(**{k: v for k, v in statement.items() if v is not None})
        docs.append(read_text(text, doc_id=f"example-{n}", as_of=AS_OF, meta=meta))
    result = check_documents(docs, settings=settings, rules=[rule])
    return [f for f in result.findings if f.rule == rule.id]


def run_example(rule: Rule, kind: str, example: Example, case_id: str = "") -> ExampleResult:
    findings = findings_for(rule, example)
    flagged = [f for f in findings if f.severity == rule.severity]
    wants_flag = kind in ("flag", "todo_flag")
    works = bool(flagged) == wants_flag
    ok = works if kind in ("flag", "pass") else not works
    if kind in ("flag", "todo_flag"):
        detail = flagged[0].message if flagged else "no finding at severity " + rule.severity
    else:
        detail = flagged[0].message if flagged else "no finding"
    if kind.startswith("todo") and works:
        detail = "a known gap now works: move this example from " + kind + " to " + kind[5:] + f" ({detail})"
    return ExampleResult(case_id, rule.id, kind, ok, detail)


def run_examples(rules: list[Rule]) -> list[ExampleResult]:
    return [run_example(rule, kind, example, case_id) for case_id, rule, kind, example in example_cases(rules)]
