"""Rule engine: rules are YAML data over a small vocabulary of check kinds.

    rules = load_rules()                      # shipped rules (+ extra files/directories)
    findings = evaluate_rules(rules, claims, groups, settings, texts)

Each rule's flag/pass examples run through the whole pipeline in factcheck.rule_examples (above the
pipeline, which imports this package).
"""

from __future__ import annotations

from .checks import CHECK_KINDS
from .evaluate import evaluate_rules, finding_id, rules_need_text
from .loader import load_rule_file, load_rules, parse_rule, shipped_rules_dir
from .schema import SEVERITIES, SEVERITY_RANK, Rule

__all__ = [
    "CHECK_KINDS", "SEVERITIES", "SEVERITY_RANK", "Rule", "evaluate_rules", "finding_id", "load_rule_file",
    "load_rules", "parse_rule", "rules_need_text", "shipped_rules_dir",
]
