"""The wheel a user installs: `python -m build` makes it, and it works in a fresh environment.

Marked `packaging` (it builds the wheel and installs it with its dependencies, spaCy included: about a
minute from pip's cache); `.ci/run` runs it with the rest. Deselect it while working with
`pytest -m "not packaging"`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.packaging


def test_distribution_name_keeps_the_import_package_and_command():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["name"] == "factcheck-numbers"  # "factcheck" on PyPI is an unrelated 2013 library
    assert project["scripts"] == {"factcheck": "factcheck.cli:main"}
    readme = (ROOT / "README.md").read_text()
    assert "pip install dist/factcheck_numbers-" in readme and re.search(r"pip install \"?git\+https://", readme)
    assert "pip install factcheck\n" not in readme and "pip install factcheck " not in readme


def test_wheel_ships_rules_and_templates_and_checks_the_seeds_in_a_fresh_venv(tmp_path):
    dist = tmp_path / "dist"
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheel = next(dist.glob("factcheck_numbers-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped_rules = sorted(n.removeprefix("factcheck/rules/") for n in names if n.startswith("factcheck/rules/"))
    assert shipped_rules == sorted(p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yaml"))
    assert any(n.startswith("factcheck/render/templates/") for n in names)
    assert "factcheck/py.typed" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", str(wheel)],
                               capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr[-2000:]
    # Run from an empty directory: nothing from this checkout (rules/, templates) can be picked up.
    work = tmp_path / "work"
    work.mkdir()
    proc = subprocess.run([str(venv / "bin" / "factcheck"), "check", str(ROOT / "seeds"), "--as-of", "2024-12-01",
                           "--format", "json"], cwd=work, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr[-2000:]  # the demo corpus has findings
    result = json.loads(proc.stdout)
    assert "differing-totals" in {f["rule"] for f in result["findings"]}
    where = subprocess.run([str(python), "-c", "import factcheck.engine as e; print(e.shipped_rules_dir())"],
                           cwd=work, capture_output=True, text=True)
    assert Path(where.stdout.strip()).is_relative_to(venv)
    html = subprocess.run([str(venv / "bin" / "factcheck"), "report", str(ROOT / "seeds"), "-o", "out.html",
                           "--as-of", "2024-12-01"], cwd=work, capture_output=True, text=True)
    assert html.returncode == 0, html.stderr[-2000:]
    assert "<html" in (work / "out.html").read_text()
