"""JSON Schemas of the machine outputs, generated from the pydantic models that produce them, so the
schema and the output cannot drift apart (`factcheck schema check|extract|verify`).

- check: `factcheck check --format json` (and `report --from-json` input): a CheckResult.
- extract: `extract --format json`, `{"schema_version", "claims": [...]}`; each line of `--format jsonl`
  is one claim, `#/$defs/Claim` of the same schema.
- verify: `verify --format json` for one quote (a QuoteResult), or for `--file` an object of quotes.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from .models import SCHEMA_VERSION, CheckResult, Claim

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = "https://github.com/factcheck/factcheck/schemas"
OUTPUTS = ("check", "extract", "verify")


class _SkippedQuote(BaseModel):
    line: int
    column: int
    quote: str
    reason: str


def output_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of output `name` (one of OUTPUTS)."""
    if name == "check":
        schema = CheckResult.model_json_schema()
    elif name == "extract":
        claim = Claim.model_json_schema(ref_template="#/$defs/{model}")
        schema = {"title": "ExtractOutput", "type": "object", "required": ["claims"],
                  "properties": {"schema_version": {"type": "string", "default": SCHEMA_VERSION},
                                 "claims": {"type": "array", "items": {"$ref": "#/$defs/Claim"}}},
                  "$defs": {**claim.pop("$defs", {}), "Claim": claim}}
    elif name == "verify":
        schema = _verify_schema()
    else:
        raise ValueError(f"unknown output {name!r}")
    return {"$schema": DIALECT, "$id": f"{BASE_URI}/{name}-v{SCHEMA_VERSION}.json", **schema}


def _verify_schema() -> dict[str, Any]:
    from .verify import QuoteResult

    class VerifiedQuote(QuoteResult):
        model_config = ConfigDict(title="VerifiedQuote")
        schema_version: str = SCHEMA_VERSION

    class VerifiedArticle(BaseModel):
        schema_version: str = SCHEMA_VERSION
        file: str | None
        quotes: list[QuoteResult]
        skipped: list[_SkippedQuote]

    one = VerifiedQuote.model_json_schema(ref_template="#/$defs/{model}")
    article = VerifiedArticle.model_json_schema(ref_template="#/$defs/{model}")
    defs = {**one.pop("$defs", {}), **article.pop("$defs", {}), "VerifiedQuote": one, "VerifiedArticle": article}
    return {"title": "VerifyOutput", "oneOf": [{"$ref": "#/$defs/VerifiedQuote"}, {"$ref": "#/$defs/VerifiedArticle"}],
            "$defs": defs}
