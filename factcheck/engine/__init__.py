"""Rule engine: rules are YAML data over a small vocabulary of check kinds.

    rules = load_rules()                      # shipped rules (+ extra files/directories)
    findings = evaluate_rules(rules, claims, groups, settings, texts)
    results = run_examples(rules)             # each rule's flag/pass examples through the pipeline
"""

from __future__ import annotations

from .checks import CHECK_KINDS
from .evaluate import evaluate_rules, finding_id, rules_need_text
from .loader import load_rule_file, load_rules, parse_rule, shipped_rules_dir
from .schema import SEVERITIES, SEVERITY_RANK, Rule
from .selftest import ExampleResult, example_cases, run_example, run_examples

__all__ = [
    "CHECK_KINDS", "SEVERITIES", "SEVERITY_RANK", "ExampleResult", "Rule", "evaluate_rules", "example_cases",
    "finding_id", "load_rule_file", "load_rules", "parse_rule", "rules_need_text", "run_example", "run_examples",
    "shipped_rules_dir",
]
