"""Extract stage: Document -> numeric Claims (normalised value, unit, bounds, evidence)."""

from __future__ import annotations

from .claims import extract_claims

__all__ = ["extract_claims"]
