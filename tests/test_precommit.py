"""The pre-commit hook, run as pre-commit runs it: its entry and args from .pre-commit-hooks.yaml, then
the staged files that match its `files` pattern. A commit that contradicts the record must fail."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

HOOKS = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
FACTCHECK = str(Path(sys.executable).parent / "factcheck")

ON_RECORD = ("---\ndate: 2019-09-10\nsource: Water company annual report\n---\n"
             "The Reservoir Safety Programme has a budget of £80 million over five years.\n")
CONTRADICTS = ("---\ndate: 2024-03-01\nsource: Water company press release\n---\n"
               "Work continues on the £65 million Reservoir Safety Programme.\n")
UNRELATED = ("---\ndate: 2024-03-02\nsource: Water company press release\n---\n"
             "The new visitor centre welcomed 12,000 visitors in its first month.\n")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def _run_hook(repo: Path, hook_id: str) -> subprocess.CompletedProcess:
    hook = HOOKS[hook_id]
    staged = _git(repo, "diff", "--cached", "--name-only", "--diff-filter=ACMR").split()
    files = [f for f in staged if re.search(hook["files"], f)]
    assert files, "the hook would not run"
    command = [FACTCHECK if part == "factcheck" else part for part in hook["entry"].split()]
    return subprocess.run([*command, *hook.get("args", []), *files], cwd=repo, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "ci@example.org")
    _git(tmp_path, "config", "user.name", "CI")
    (tmp_path / "statements").mkdir()
    (tmp_path / "statements" / "2019-annual-report.md").write_text(ON_RECORD)
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "record")
    return tmp_path


def test_hook_fails_a_commit_that_contradicts_the_statements_folder(repo):
    (repo / "statements" / "2024-release.md").write_text(CONTRADICTS)
    _git(repo, "add", "statements/2024-release.md")
    proc = _run_hook(repo, "factcheck")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "£80 million" in proc.stdout and "£65 million" in proc.stdout
    assert "statements/2024-release.md" in proc.stdout


def test_hook_passes_a_commit_that_agrees_with_the_record(repo):
    (repo / "statements" / "2024-visitors.md").write_text(UNRELATED)
    _git(repo, "add", "statements/2024-visitors.md")
    proc = _run_hook(repo, "factcheck")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ledger_hook_fails_a_commit_that_contradicts_the_ledger(repo):
    added = subprocess.run([FACTCHECK, "ledger", "add", "statements/", "--ledger", "factcheck.db"], cwd=repo,
                           capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    (repo / "statements" / "2024-release.md").write_text(CONTRADICTS)
    _git(repo, "add", "statements/2024-release.md")
    proc = _run_hook(repo, "factcheck-ledger")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "£80 million" in proc.stdout
