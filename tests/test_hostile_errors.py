"""Hostile and unlucky inputs end in one line naming the problem, never a traceback."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

GOOD = "The county opened 14 libraries in the spring.\n"


@pytest.mark.parametrize("header", ["(99999 years ago)", "(" + "9" * 5000 + " years ago)",
                                    "(3 years, 99999 months ago)"])
def test_a_relative_header_out_of_the_calendar_leaves_the_section_undated(tmp_path, header):
    doc = tmp_path / "q.md"
    doc.write_text(f"Questions\n\n{header}\n\n{GOOD}", encoding="utf-8")
    run = run_cli("check", str(doc), "--as-of", "2024-01-01", "--format", "json")
    assert run.exit_code == 0, run.stderr
    claims = json.loads(run.stdout)["claims"]
    assert [(c["value"], c["date"]) for c in claims] == [(14, None)]


def test_as_of_the_first_day_of_the_calendar_with_a_header_before_it(tmp_path):
    doc = tmp_path / "q.md"
    doc.write_text(f"(1 years ago)\n\n{GOOD}(2 days ago)\n\n{GOOD}", encoding="utf-8")
    run = run_cli("check", str(doc), "--as-of", "0001-01-05", "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert [c["date"] for c in json.loads(run.stdout)["claims"]] == [None, "0001-01-03"]


def test_a_baseline_nested_too_deeply_is_one_line(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(GOOD, encoding="utf-8")
    baseline = tmp_path / "b.json"
    baseline.write_text('{"factcheck_baseline": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}")
    run = run_cli("check", str(doc), "--baseline", str(baseline))
    assert run.exit_code == 2
    assert run.stderr == f"factcheck: error: {baseline}: baseline JSON is nested too deeply" \
                         " (hint: write one with --write-baseline)\n"


def test_a_path_inside_a_directory_that_cannot_be_searched(tmp_path, monkeypatch):
    good = tmp_path / "a.txt"
    good.write_text(GOOD, encoding="utf-8")
    hidden = str(tmp_path / "locked" / "b.txt")
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if str(path) == hidden:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    run = run_cli("extract", hidden, str(good), "--format", "csv")
    assert run.exit_code == 2
    assert run.stderr == f"factcheck: error: {hidden}: cannot read: Permission denied" \
                         " (skipped; the other inputs were processed)\n"
    assert ",14 libraries," not in run.stdout and "14.0" in run.stdout


def test_an_unreadable_sub_directory_is_reported_not_skipped_silently(tmp_path, monkeypatch):
    (tmp_path / "in" / "open").mkdir(parents=True)
    (tmp_path / "in" / "locked").mkdir()
    (tmp_path / "in" / "open" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "locked" / "b.txt").write_text(GOOD.replace("14", "15"), encoding="utf-8")
    locked = str(tmp_path / "in" / "locked")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    run = run_cli("extract", str(tmp_path / "in"), "--format", "csv")
    assert run.exit_code == 2
    assert run.stderr == f"factcheck: error: {locked}: cannot read directory: Permission denied" \
                         " (skipped; the other inputs were processed)\n"
    assert "14.0" in run.stdout and "15.0" not in run.stdout


def test_a_symlink_to_an_endless_device_is_refused_at_once(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    good = tmp_path / "a.txt"
    good.write_text(GOOD, encoding="utf-8")
    run = run_cli("extract", str(link), str(good), "--format", "csv")
    assert run.exit_code == 2
    assert run.stderr.startswith(f"factcheck: error: {link}: binary file (contains NUL bytes)")
    assert "14.0" in run.stdout


def test_an_endless_line_of_text_is_refused_by_line(tmp_path):
    doc = tmp_path / "long.txt"
    doc.write_text("Intro line.\n" + "The fund has 5 projects. " * 60_000, encoding="utf-8")
    run = run_cli("extract", str(doc), "--format", "csv")
    assert run.exit_code == 2
    assert run.stderr == f"factcheck: error: {doc}:2: line is longer than the 1,048,576-byte limit" \
                         " (skipped; the other inputs were processed)\n"


def test_stdout_on_a_full_disk_is_one_line(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(GOOD * 200, encoding="utf-8")
    for args in (["extract", "--format", "csv"], ["check", "--format", "text"], ["extract", "--format", "jsonl"]):
        with open("/dev/full", "w") as full:
            done = subprocess.run([sys.executable, "-m", "factcheck", *args, str(doc)], stdout=full,
                                  stderr=subprocess.PIPE, text=True, timeout=120)
        assert done.returncode == 2
        message = "cannot write the output: No space left on device"
        if "jsonl" in args:
            assert json.loads(done.stderr)["error"]["message"] == message
        else:
            assert done.stderr == f"factcheck: error: {message}\n"


def test_a_figure_too_large_for_a_number_is_not_a_claim(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("The council spent £" + "9" * 400 + " million on roads and £5 million on parks.\n"
                   "It has " + "7" * 5000 + " schools.\n", encoding="utf-8")
    run = run_cli("extract", str(doc), "--format", "jsonl")
    assert run.exit_code == 0, run.stderr
    assert [json.loads(line)["value"] for line in run.stdout.splitlines()] == [5_000_000]
    assert run_cli("check", str(doc)).exit_code == 0




BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"]
                 + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(9)]
                 + ["title: *j"])


def test_a_yaml_alias_bomb_in_front_matter_is_refused_and_the_file_beside_it_is_read(tmp_path):
    (tmp_path / "bomb.md").write_text(f"---\n{BOMB}\n---\n{GOOD}", encoding="utf-8")
    (tmp_path / "good.md").write_text(f"---\ntitle: fine\n---\n{GOOD}", encoding="utf-8")
    run = run_cli("extract", str(tmp_path), "--format", "csv")
    assert run.exit_code == 2
    assert run.stderr == f"factcheck: error: {tmp_path / 'bomb.md'}:3: invalid YAML front matter: aliases (*name)" \
                         " are not allowed here (skipped; the other inputs were processed)\n"
    assert "good.md" in run.stdout and "bomb.md" not in run.stdout


def test_a_yaml_alias_bomb_in_a_rule_file_is_refused_at_its_line(tmp_path):
    rule = tmp_path / "bomb.yaml"
    rule.write_text(BOMB + "\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text(GOOD, encoding="utf-8")
    run = run_cli("check", str(doc), "--rules", str(rule))
    assert run.exit_code == 2
    assert run.stderr == f"factcheck: error: {rule}:2: invalid YAML: aliases (*name) are not allowed here\n"


@pytest.mark.parametrize(("pattern", "problem"), [
    (r"^\s*(a+)+$", "can take exponential time"),
    (r"(\w+\s?)*x", "can take exponential time"),
    (r"(?:per|a)(", "not a valid regular expression: missing ), unterminated subpattern"),
])
def test_a_rule_regex_parameter_is_checked_when_the_rule_loads(tmp_path, pattern, problem):
    shipped = (Path(__file__).parent.parent / "rules" / "consistency" / "differing-totals.yaml").read_text()
    rule = tmp_path / "differing-totals.yaml"
    check = "  kind: differing-values\n"
    rule.write_text(shipped.replace(check, check + "  rate_pattern: " + json.dumps(pattern) + "\n"), encoding="utf-8")
    line = shipped[:shipped.index(check)].count("\n") + 2
    doc = tmp_path / "a.txt"
    doc.write_text(GOOD, encoding="utf-8")
    run = run_cli("check", str(doc), "--rules", str(rule))
    assert run.exit_code == 2
    assert run.stderr.startswith(f"factcheck: error: {rule}:{line}: check.rate_pattern: ")
    assert problem in run.stderr
