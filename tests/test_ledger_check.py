"""The CI use: `check NEW --ledger DB` compares new statements with everything said before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

RECORD = {
    "2021-budget.md": "---\ndate: 2021-03-03\nspeaker: Treasury minister\n---\n"
                      "The Coastal Towns Fund is worth £3.6 billion and will support 101 towns.\n",
    "2022-update.md": "---\ndate: 2022-05-10\nspeaker: Housing minister\n---\n"
                      "So far the Coastal Towns Fund, worth £3.6 billion, has agreed deals with 101 towns.\n",
    "2022-roads.md": "---\ndate: 2022-07-01\n---\nThe pothole fund will repair 2 million potholes a year.\n",
}


@pytest.fixture
def ledger_db(tmp_path: Path, cli) -> Path:
    folder = tmp_path / "record"
    folder.mkdir()
    for name, text in RECORD.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert cli("ledger", "add", str(folder), "--ledger", str(db)).exit_code == 0
    return db


def _new(tmp_path: Path, text: str) -> str:
    path = tmp_path / "new-release.md"
    path.write_text("---\ndate: 2024-02-01\nspeaker: Local government minister\n---\n" + text, encoding="utf-8")
    return str(path)


def test_contradicting_statement_exits_1_and_is_named(cli, ledger_db, tmp_path):
    new = _new(tmp_path, "The Coastal Towns Fund is worth £2.1 billion and will support 101 towns.\n")
    run = cli("check", new, "--ledger", str(ledger_db), "--format", "json")
    assert run.exit_code == 1, run.stdout + run.stderr
    data = json.loads(run.stdout)
    assert data["findings"]
    claims = {c["id"]: c for c in data["claims"]}
    for finding in data["findings"]:  # every finding involves the new statement
        assert any(claims[cid]["doc"] == new for cid in finding["claims"])
    assert "new-release.md" in cli("check", new, "--ledger", str(ledger_db)).stdout


def test_consistent_statement_exits_0(cli, ledger_db, tmp_path):
    new = _new(tmp_path, "The Coastal Towns Fund, worth £3.6 billion, supports 101 towns.\n")
    run = cli("check", new, "--ledger", str(ledger_db), "--format", "json")
    assert run.exit_code == 0, run.stdout + run.stderr
    data = json.loads(run.stdout)
    assert data["findings"] == []
    assert data["coverage"]["claims"] == 2  # only the new statement's claims are counted


def test_old_disagreements_are_not_reported_again(cli, ledger_db, tmp_path):
    """Findings among stored statements only are the past's business, not this change's."""
    new = _new(tmp_path, "The pothole fund will repair 2 million potholes a year.\n")
    data = json.loads(cli("check", new, "--ledger", str(ledger_db), "--format", "json").stdout)
    assert all(any(c["doc"] == new for c in data["claims"] if c["id"] in f["claims"]) for f in data["findings"])


def test_missing_ledger_exit_2(cli, tmp_path):
    new = _new(tmp_path, "The fund is worth £3.6 billion.\n")
    run = cli("check", new, "--ledger", str(tmp_path / "none.db"))
    assert run.exit_code == 2 and "no such ledger" in run.stderr


def test_an_edited_file_is_not_compared_with_its_own_earlier_version(cli, tmp_path):
    release = tmp_path / "release.md"
    release.write_text("---\ndate: 2024-02-01\n---\nThe Coastal Towns Fund is worth £3.6 billion.\n", encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert cli("ledger", "add", str(release), "--ledger", str(db)).exit_code == 0
    release.write_text("---\ndate: 2024-02-01\n---\nThe Coastal Towns Fund is worth £3.9 billion.\n", encoding="utf-8")
    run = cli("check", str(release), "--ledger", str(db), "--format", "json")
    assert run.exit_code == 0, run.stdout
    assert json.loads(run.stdout)["findings"] == []


def test_ci_sarif_names_the_new_line_and_the_record_it_contradicts(cli, ledger_db, tmp_path):
    new = _new(tmp_path, "Councils welcomed the news.\n\nThe Coastal Towns Fund is worth £2.1 billion.\n")
    run = cli("check", new, "--ledger", str(ledger_db), "--format", "sarif")
    assert run.exit_code == 1, run.stderr
    [sarif_run] = json.loads(run.stdout)["runs"]
    [result] = [r for r in sarif_run["results"] if r["ruleId"] == "differing-totals"]
    places = [loc["physicalLocation"] for loc in result["locations"] + result.get("relatedLocations", [])]
    lines = {(p["artifactLocation"]["uri"].rsplit("/", 1)[-1], p["region"]["startLine"]) for p in places}
    # front matter is 4 lines, so the new figure is on line 7 and the recorded £3.6 billion on line 5
    assert ("new-release.md", 7) in lines
    assert ("2021-budget.md", 5) in lines or ("2022-update.md", 5) in lines
    new_region = next(p["region"] for p in places if p["artifactLocation"]["uri"].endswith("new-release.md"))
    line_text = Path(new).read_text(encoding="utf-8").splitlines()[new_region["startLine"] - 1]
    assert line_text[new_region["startColumn"] - 1:].startswith("£2.1 billion")
