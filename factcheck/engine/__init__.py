"""Rule engine: rules are YAML data over a small vocabulary of check kinds.

(Placeholder: owned by the rules work in issue 3.)
"""

from __future__ import annotations

from ..config import Settings
from ..models import Claim, Finding, Group


def load_rules(extra_dirs: list[str] | None = None) -> list:
    """The shipped rules plus any in `extra_dirs`."""
    return []


def evaluate_rules(rules: list, claims: list[Claim], groups: list[Group],
                   settings: Settings | None = None) -> list[Finding]:
    return []
