"""Group stage: claims about the same topic and metric, across documents.

(Placeholder: owned by the grouping work in issue 3.)
"""

from __future__ import annotations

from .config import Settings
from .models import Claim, Group


def group_claims(claims: list[Claim], settings: Settings | None = None) -> list[Group]:
    """Groups of claim ids that are about the same subject and measure."""
    return []
