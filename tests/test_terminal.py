"""Terminal manners: examples in every --help, colour by --color and NO_COLOR, bars only for a person."""

from __future__ import annotations

import io
import shlex

import click
import pytest
from conftest import ROOT, run_cli

from factcheck.cli import EXAMPLES, main
from factcheck.progress import processed_progress, progress


def _commands(command: click.Command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            found.extend(_commands(sub, (*path, name)))
    return found


@pytest.mark.parametrize(("path", "command"), _commands(main)[1:], ids=lambda v: " ".join(v) if isinstance(v, tuple)
                         else "")
def test_every_command_help_has_an_example(path, command) -> None:
    run = run_cli(*path, "--help")
    assert run.exit_code == 0
    examples = run.stdout.split("Examples:\n", 1)[1].splitlines()
    assert examples and all(line.strip().startswith(f"factcheck {' '.join(path)}") or "factcheck" in line
                            for line in examples if line.strip())


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_use_real_options(name: str) -> None:
    """An example names only options its command has, so a renamed option cannot leave a stale example."""
    for example in EXAMPLES[name]:
        words = shlex.split(example.split(">")[0])[1:]
        command: click.Command = main
        while isinstance(command, click.Group) and words and words[0] in command.commands:
            command = command.commands[words.pop(0)]
        known = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
        known |= {opt for param in main.params for opt in param.opts}
        assert {w for w in words if w.startswith("-")} <= known, (example, known)


SEEDS = str(ROOT / "seeds")


def test_color_follows_the_option_and_no_color(monkeypatch) -> None:
    quote = "the Children's Social Care Innovation Programme had allocated an extra £300 million across 2014-15"
    plain = run_cli("verify", quote, "--corpus", SEEDS)
    assert "\x1b[" not in plain.stdout  # not a terminal
    coloured = run_cli("--color", "always", "verify", quote, "--corpus", SEEDS)
    assert "\x1b[" in coloured.stdout
    assert coloured.stdout.replace("\x1b[", "").count("[") >= plain.stdout.count("[")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr("factcheck.progress._is_terminal", lambda stream: True)  # as if on a terminal
    assert "\x1b[" not in run_cli("verify", quote, "--corpus", SEEDS).stdout
    assert "\x1b[" not in run_cli("--color", "never", "check", SEEDS, "--as-of", "2024-12-01").stdout
    assert "\x1b[" in run_cli("--color", "always", "check", SEEDS, "--as-of", "2024-12-01").stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bars_only_on_a_terminal_with_a_total_and_the_next_phase(monkeypatch, tmp_path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("We opened 4 libraries.\n", encoding="utf-8")
    items = [("doc-a", [1, 2], None), ("doc-b", [3], None)]
    quiet = io.StringIO()
    monkeypatch.setattr("sys.stderr", quiet)
    assert list(processed_progress([str(tmp_path)], "checking", rules=9)(iter(items))) == items
    assert quiet.getvalue() == ""  # a pipe or a CI log gets no bar
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert list(processed_progress([str(tmp_path)], "checking", rules=9)(iter(items))) == items
    shown = terminal.getvalue()
    assert "checking" in shown and "0/2" in shown  # the total, so tqdm shows the time left too
    assert "factcheck: grouping 3 claims and applying 9 rules" in shown
    assert list(progress(range(3), desc="x", total=3)) == [0, 1, 2]
