"""Render claims (the `extract` command) as table, json, jsonl or csv, streaming."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from ..models import SCHEMA_VERSION, Claim
from .safe import one_line

CLAIM_FORMATS = ("table", "json", "jsonl", "csv")
CSV_FIELDS = ["id", "doc", "start", "end", "line", "column", "text", "kind", "unit", "value", "lo", "hi",
              "bound", "qualifier", "precision", "date", "topic", "metric", "sentence"]


def claim_record(claim: Claim) -> dict:
    return claim.model_dump(mode="json")


def write_claims(claims: Iterable[Claim], fmt: str, out: TextIO) -> None:
    """Write claims as they come (memory stays flat)."""
    if fmt == "json":
        out.write(f'{{"schema_version": "{SCHEMA_VERSION}", "claims": [')
        for i, claim in enumerate(claims):
            out.write((",\n" if i else "\n") + json.dumps(claim_record(claim), ensure_ascii=False))
        out.write("\n]}\n")
    elif fmt == "jsonl":
        for claim in claims:
            out.write(json.dumps(claim_record(claim), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for claim in claims:
            writer.writerow(claim.model_dump(mode="json", include=set(CSV_FIELDS)))
    else:
        for claim in claims:
            bounds = _bounds(claim)
            out.write(f"{one_line(claim.doc)}:{claim.line}:{claim.column}  {claim.kind:<17} {bounds:<28} "
                      f"{one_line(repr(claim.text))}\n")


def _bounds(claim: Claim) -> str:
    unit = claim.unit or ""
    if claim.lo == claim.hi:
        return f"{claim.value:,.15g} {unit}".strip()
    lo = "-inf" if claim.lo is None else f"{claim.lo:,.15g}"
    hi = "inf" if claim.hi is None else f"{claim.hi:,.15g}"
    return f"[{lo}, {hi}] {unit}".strip()
