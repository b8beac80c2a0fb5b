"""The docs tell the truth about the commands, and the installed tool runs."""

import json
import subprocess
import sys

import click
from conftest import ROOT

from factcheck.cli import main


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        names.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            names.extend(_commands(command, f"{prefix}{name} "))
    return names


def test_every_command_has_help_and_is_in_the_readme(cli):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands(main):
        run = cli(*name.split(), "--help")
        assert run.exit_code == 0, name
        assert "Usage:" in run.stdout
        assert f"factcheck {name.split()[0]}" in readme, f"`factcheck {name}` is not documented in README.md"


def test_config_round_trips_through_a_file(cli, tmp_path):
    defaults = json.loads(cli("config", "--format", "json", "--isolated").stdout)["settings"]
    toml = tmp_path / "factcheck.toml"
    toml.write_text(cli("config", "--isolated").stdout.replace(
        f"approx_tolerance = {defaults['approx_tolerance']}", "approx_tolerance = 0.2"))
    merged = json.loads(cli("config", "--format", "json", "--config", str(toml)).stdout)
    changed = merged["settings"]
    assert changed["approx_tolerance"] == 0.2 and merged["sources"]["approx_tolerance"].endswith("[factcheck]")
    assert {k: v for k, v in changed.items() if k != "approx_tolerance"} == \
        {k: v for k, v in defaults.items() if k != "approx_tolerance"}


def test_bad_config_is_one_line_error_naming_the_file(cli, tmp_path):
    toml = tmp_path / "bad.toml"
    toml.write_text("[factcheck]\napprox_tolerance = 'wide'\n")
    run = cli("config", "--config", str(toml))
    assert run.exit_code == 2
    assert str(toml) in run.stderr and "approx_tolerance" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_python_dash_m_runs_the_installed_tool():
    out = subprocess.run([sys.executable, "-m", "factcheck", "extract", "-", "--format", "jsonl"],
                         input="Ministers promised 300 new schools.", capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[0])["value"] == 300
