"""`factcheck schema`: JSON Schemas generated from the models; real output of each command validates."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import ROOT

SEEDS = str(ROOT / "seeds")


def _schema(cli, name: str) -> dict:
    run = cli("schema", name)
    assert run.exit_code == 0, run.stderr
    schema = json.loads(run.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def test_check_output_validates_and_carries_its_schema_version(cli):
    schema = _schema(cli, "check")
    run = cli("check", SEEDS, "--as-of", "2024-12-01", "--format", "json")
    result = json.loads(run.stdout)
    jsonschema.Draft202012Validator(schema).validate(result)
    assert result["schema_version"] == schema["properties"]["schema_version"]["default"]
    assert result["findings"] and result["claims"]  # a real result, not an empty one
    broken = {**result, "findings": [{**result["findings"][0], "severity": "high"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_extract_output_and_records_validate(cli):
    schema = _schema(cli, "extract")
    whole = json.loads(cli("extract", SEEDS, "--as-of", "2024-12-01", "--format", "json").stdout)
    jsonschema.Draft202012Validator(schema).validate(whole)
    assert whole["schema_version"] == schema["properties"]["schema_version"]["default"] and whole["claims"]
    record = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/Claim"})
    lines = cli("extract", SEEDS, "--as-of", "2024-12-01", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == len(whole["claims"])
    for line in lines:
        record.validate(json.loads(line))


def test_verify_output_validates_for_a_quote_and_an_article(cli, tmp_path):
    validator = jsonschema.Draft202012Validator(_schema(cli, "verify"))
    one = json.loads(cli("verify", "an extra £100 million for the innovation programme", "--corpus", SEEDS,
                         "--format", "json").stdout)
    validator.validate(one)
    assert one["schema_version"] and one["verdict"]
    article = tmp_path / "draft.md"
    article.write_text('The minister said the programme was "an extra £100 million for the innovation programme".\n')
    many = json.loads(cli("verify", "--file", str(article), "--corpus", SEEDS, "--format", "json").stdout)
    validator.validate(many)
    assert many["quotes"]
