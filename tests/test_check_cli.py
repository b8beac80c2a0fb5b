"""`factcheck check` and `factcheck rules ...` through the CLI: exit codes, JSON contract, errors."""

from __future__ import annotations

import json

BAD = "Prison spending saw an increase from £7 billion to £6 billion.\n"
CLEAN = "The council spent £4.7m on 12 new libraries.\n"


def test_clean_input_exits_0(cli):
    run = cli("check", "-", "--as-of", "2024-01-01", input=CLEAN)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("0 findings in 1 document")


def test_findings_exit_1_and_fail_on_controls_it(cli):
    assert cli("check", "-", input=BAD).exit_code == 1
    assert cli("check", "-", "--fail-on", "error", input=BAD).exit_code == 1
    assert cli("check", "-", "--fail-on", "never", input=BAD).exit_code == 0


def test_json_contract(cli):
    run = cli("check", "-", "--format", "json", input=BAD)
    out = json.loads(run.stdout)
    assert set(out) >= {"claims", "groups", "findings"}
    [finding] = out["findings"]
    assert {"id", "rule", "severity", "message", "claims", "assumptions"} <= set(finding)
    assert finding["rule"] == "change-endpoints" and finding["severity"] == "error"
    claim_ids = {c["id"] for c in out["claims"]}
    assert set(finding["claims"]) <= claim_ids


def test_malformed_rule_file_is_exit_2_with_file_and_line(cli, tmp_path):
    rule = tmp_path / "mine.yaml"
    rule.write_text("id: mine\ntitle: t\nseverity: high\n")
    run = cli("check", "-", "--rules", str(rule), input=CLEAN)
    assert run.exit_code == 2
    assert run.stderr.strip() == (f"factcheck: error: {rule}:3: severity must be one of error, warning, info "
                                  "(got 'high')")
    run = cli("check", "-", "--rules", str(rule), "--format", "json", input=CLEAN)
    assert json.loads(run.stderr)["error"]["line"] == 3


def test_missing_input_is_exit_2(cli, tmp_path):
    run = cli("check", str(tmp_path / "nope.txt"))
    assert run.exit_code == 2 and "nope.txt" in run.stderr


def test_rules_list_and_explain(cli):
    run = cli("rules", "list")
    assert run.exit_code == 0
    assert "differing-totals" in run.stdout and "change-endpoints" in run.stdout
    listed = json.loads(cli("rules", "list", "--format", "json").stdout)
    assert {"id", "severity", "kind", "title"} <= set(listed[0])
    run = cli("rules", "explain", "differing-totals")
    assert run.exit_code == 0
    for section in ("What it checks:", "Why it matters:", "What it assumes:", "Flags:", "Passes:"):
        assert section in run.stdout
    run = cli("rules", "explain", "no-such-rule")
    assert run.exit_code == 2 and "no-such-rule" in run.stderr


def test_rules_test_on_a_custom_directory(cli, tmp_path):
    good = tmp_path / "shares"
    good.mkdir()
    (good / "big-share.yaml").write_text(
        "id: big-share\ntitle: Big shares\nseverity: warning\n"
        "description: {what: w, why: y, assumes: a}\nmessage: '{figure}'\ngroup_by: document\n"
        "check: {kind: out-of-range, maximum: 50}\n"
        "examples:\n  flag: ['Some 70% of pupils passed.']\n  pass: ['Some 30% of pupils passed.']\n"
        "  todo_pass: ['Some 60% of pupils passed.']\n")
    run = cli("rules", "test", "--rules", str(good), "-v")
    assert run.exit_code == 0, run.stdout
    assert "3 of 3 examples hold." in run.stdout
    (good / "big-share.yaml").write_text((good / "big-share.yaml").read_text().replace("60%", "40%"))
    run = cli("rules", "test", "--rules", str(good))
    assert run.exit_code == 1
    assert "FAIL  big-share/todo-pass-0: a known gap now works" in run.stdout


def test_every_command_is_in_the_readme(cli):
    from pathlib import Path
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    for command in ("factcheck check", "factcheck rules list", "factcheck rules explain", "factcheck rules test"):
        assert command in readme
    for args in (("check", "--help"), ("rules", "--help"), ("rules", "test", "--help")):
        assert cli(*args).exit_code == 0


def test_baseline_accepts_current_findings_and_new_ones_still_fail(cli, tmp_path):
    old = tmp_path / "old.md"
    old.write_text("---\ndate: 2020-01-10\n---\nThe Harbour Renewal Fund is worth £5 million.\n")
    new = tmp_path / "new.md"
    new.write_text("---\ndate: 2021-03-02\n---\nThe Harbour Renewal Fund is worth £9 million.\n")
    baseline = tmp_path / "baseline.json"
    first = cli("check", str(old), str(new), "--write-baseline", str(baseline))
    assert first.exit_code == 0 and baseline.exists()
    assert cli("check", str(old), str(new)).exit_code == 1  # without the baseline the finding fails the run
    quiet = cli("check", str(old), str(new), "--baseline", str(baseline), "--format", "json")
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)["findings"] == []
    # An unrelated edit above the figures keeps the finding recognised.
    new.write_text("---\ndate: 2021-03-02\n---\nA note added later.\n\nThe Harbour Renewal Fund is worth £9 million.\n")
    assert cli("check", str(old), str(new), "--baseline", str(baseline)).exit_code == 0
    # A new contradiction is reported.
    third = tmp_path / "third.md"
    third.write_text("---\ndate: 2022-05-05\n---\nThe Harbour Renewal Fund is worth £14 million.\n")
    assert cli("check", str(old), str(new), str(third), "--baseline", str(baseline)).exit_code == 1


def test_unreadable_baseline_is_one_line_error(cli, tmp_path):
    bad = tmp_path / "baseline.json"
    bad.write_text("{not json")
    run = cli("check", "-", "--baseline", str(bad), input="We built 5 schools.")
    assert run.exit_code == 2 and str(bad) in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_input_errors_in_github_format_are_error_annotations(cli, tmp_path):
    run = cli("check", str(tmp_path / "missing, really.txt"), "--format", "github")
    assert run.exit_code == 2
    line = run.stderr.strip()
    assert line.startswith("::error file=") and "missing%2C really.txt" in line and "no such file" in line
    assert len(line.splitlines()) == 1


def test_input_errors_in_json_format_are_json(cli, tmp_path):
    run = cli("check", str(tmp_path / "missing.txt"), "--format", "json")
    assert run.exit_code == 2
    error = json.loads(run.stderr)["error"]
    assert error["path"].endswith("missing.txt") and "no such file" in error["message"]
