"""Inputs from a tree: hidden directories, virtual environments and .gitignore'd files are left out,
and every file left out is listed in the coverage report with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.config import Settings
from factcheck.documents import expand_paths, skipped_inputs

STATEMENT = "---\ndate: 2022-04-01\nsource: Council press release\n---\nThe Harbour Wall Fund is worth £12 million.\n"


def _tree(root: Path) -> None:
    (root / "statements").mkdir()
    (root / "statements" / "2022-release.md").write_text(STATEMENT)
    (root / "statements" / "figures.csv").write_text("fund,amount\nHarbour Wall,12\n")
    (root / "statements" / "README").write_text("Statements go here.")
    (root / ".venv" / "lib").mkdir(parents=True)
    (root / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (root / ".venv" / "lib" / "empty.txt").write_text("")
    (root / "env2").mkdir()
    (root / "env2" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (root / "env2" / "LICENSE.txt").write_text("")
    (root / ".git").mkdir()
    (root / ".git" / "description.txt").write_text("")
    (root / ".gitignore").write_text("drafts/\n*.tmp.md\n!keep.tmp.md\n")
    (root / "drafts").mkdir()
    (root / "drafts" / "wip.md").write_text("")
    (root / "scratch.tmp.md").write_text("")
    (root / "keep.tmp.md").write_text("The Harbour Wall Fund is worth £15 million.\n")
    (root / "pkg.egg-info").mkdir()
    (root / "pkg.egg-info" / "PKG-INFO.txt").write_text("")


def test_walk_reads_statements_and_leaves_out_hidden_venv_and_ignored(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert list(expand_paths(["."], [])) == ["keep.tmp.md", "statements/2022-release.md"]
    skipped = {p.path: p.message for p in skipped_inputs(["."])}
    assert skipped == {
        ".git/": "hidden directory", ".gitignore": "hidden file", ".venv/": "virtual environment",
        "drafts/": "ignored by .gitignore", "env2/": "virtual environment",
        "pkg.egg-info/": "build or cache directory", "scratch.tmp.md": "ignored by .gitignore",
        "statements/README": "not a kind of file factcheck reads",
        "statements/figures.csv": "not a kind of file factcheck reads",
    }


def test_gitignore_of_a_parent_directory_applies_inside_the_repository(tmp_path, monkeypatch):
    _tree(tmp_path)
    (tmp_path / "statements" / "old.tmp.md").write_text("x")
    monkeypatch.chdir(tmp_path / "statements")
    assert list(expand_paths(["."], [])) == ["2022-release.md"]
    assert skipped_inputs(["."], Settings(respect_gitignore=False)) != skipped_inputs(["."])


def test_exclude_patterns_apply_to_walked_and_named_files(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    settings = Settings(exclude=["statements/"])
    assert list(expand_paths(["."], [], settings)) == ["keep.tmp.md"]
    assert list(expand_paths(["statements/2022-release.md"], [], settings)) == []
    assert skipped_inputs(["statements/2022-release.md"], settings)[0].message == "excluded by pattern 'statements/'"


def test_a_file_in_the_record_and_under_review_is_read_once(cli, tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    run = cli("check", "statements/2022-release.md", "--record", "statements", "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert [d["path"] for d in json.loads(run.stdout)["documents"]] == ["statements/2022-release.md"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_dot_in_a_repository_runs_and_reports_what_it_skipped(cli, tmp_path, monkeypatch, jobs):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    run = cli("check", ".", "--format", "json", "--jobs", jobs, "--exclude", "keep.tmp.md")
    assert run.exit_code == 0, run.stderr  # no empty file from .venv or .git stops the run
    coverage = json.loads(run.stdout)["coverage"]
    assert coverage["documents"] == 1 and coverage["unreadable"] == []
    skipped = {p["path"]: p["message"] for p in coverage["skipped"]}
    assert skipped[".venv/"] == "virtual environment" and skipped["keep.tmp.md"].startswith("excluded by")
    text = cli("check", ".", "--exclude", "keep.tmp.md")
    assert "coverage: skipped: drafts/: ignored by .gitignore" in text.stdout
