"""Text output never carries a workflow command, a line break or a terminal escape from user text."""

from __future__ import annotations

import re

from conftest import run_cli
from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.render.safe import one_line

EVIL = "Council\n::error file=README.md,line=1::pwned \x1b]0;owned\x07\x1b[31mred\x1b[0m \u202eevil"
ACTIVE = re.compile(r"\x1b|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _yaml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\x1b", "\\e").replace("\x07", "\\a") + '"'


def _assert_inert(output: str) -> None:
    assert not ACTIVE.search(output)
    for line in output.splitlines():
        assert not line.lstrip().startswith("::")  # a GitHub runner reads "::cmd" at a line start
        assert "::error" not in line and "::warning" not in line


def test_metadata_file_names_and_quoted_text_are_inert_in_text_output(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\ndate: 2023-01-10\nsource: {_yaml_quoted(EVIL)}\n---\n"
                                 "The Harbour Renewal Fund is worth £100 million, the council said.\n",
                                 encoding="utf-8")
    (folder / "b\n::error file=x,line=1::bad.md").write_text(
        "---\ndate: 2023-06-10\n---\nThe Harbour Renewal Fund is worth £200 million. \x1b[2J\x1b]8;;http://x\x07\n",
        encoding="utf-8")
    (folder / "c\n::warning::zz.md").write_text("", encoding="utf-8")  # unreadable: reported by name
    run = run_cli("check", str(folder), "--as-of", "2024-01-01")
    assert run.exit_code == 2
    assert "Different figures for Harbour Renewal Fund" in run.stdout
    assert "Council : :error file=README.md,line=1: :pwned red evil" in run.stdout  # still readable
    _assert_inert(run.stdout)
    _assert_inert(run.stderr)
    assert len(run.stderr.splitlines()) == 1
    for args in (["extract", str(folder), "--format", "table"], ["ledger", "add", str(folder), "--ledger",
                                                                  str(tmp_path / "l.db")]):
        run = run_cli(*args)
        _assert_inert(run.stdout + run.stderr)
    for args in (["ledger", "list"], ["ledger", "show", "1"]):
        run = run_cli(*args, "--ledger", str(tmp_path / "l.db"))
        assert run.exit_code == 0
        _assert_inert(run.stdout)


@given(st.text())
@example(":::error::x\n::")
def test_one_line_leaves_nothing_a_terminal_or_runner_acts_on(text):
    safe = one_line(text)
    assert "\n" not in safe and "\r" not in safe and "::" not in safe
    assert not ACTIVE.search(safe)


@given(st.text(alphabet=st.characters(categories=("L", "N", "P", "S", "Zs"))))
def test_one_line_keeps_printable_text_as_it_is(text):
    if "::" not in text and text.isprintable():
        assert one_line(text) == text
