"""Attribute stage: give each claim its topic, metric, period, role and cumulative cue.

(Placeholder: owned by the attribution work in issue 3.)
"""

from __future__ import annotations

from .models import Claim, Document


def attribute_claims(doc: Document, claims: list[Claim]) -> list[Claim]:
    """Claims of one document, with topic/metric/period/role filled where the text says."""
    return claims
