"""The vocabulary of check kinds: one module each, with its own parameter model and pure `run`."""

from __future__ import annotations

from types import ModuleType

from . import (
    change_endpoints,
    decreasing_over_time,
    differing_values,
    list_count,
    out_of_range,
    part_exceeds_whole,
    restated_in_document,
    trend_wording,
)
from .base import Context, Hit

CHECK_KINDS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (differing_values, decreasing_over_time, part_exceeds_whole, change_endpoints, trend_wording,
                   out_of_range, list_count, restated_in_document)
}
# Placeholders every message template may use, whatever the check kind.
COMMON_PLACEHOLDERS = ("topic", "rule", "title")

__all__ = ["CHECK_KINDS", "COMMON_PLACEHOLDERS", "Context", "Hit"]
