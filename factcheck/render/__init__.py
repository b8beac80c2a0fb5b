"""Render stage: one result model in, many formats out (a registry of renderer modules)."""

from __future__ import annotations

from .claims import CLAIM_FORMATS, write_claims

__all__ = ["CLAIM_FORMATS", "write_claims"]
