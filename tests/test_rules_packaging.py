"""The shipped rules must load from an installed package, not only from a source checkout.

Runs the package build step (setup.py's build_py, which copies the top-level rules/ into
factcheck/rules/) into a temporary directory and loads the rules from there in a fresh interpreter.
(`pip wheel . -w DIR` uses the same step; see README.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_built_package_ships_and_loads_every_rule(tmp_path):
    build = tmp_path / "lib"
    proc = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(build)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    expected = sorted(p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yaml"))
    shipped = sorted(p.relative_to(build / "factcheck" / "rules").as_posix()
                     for p in (build / "factcheck" / "rules").rglob("*.yaml"))
    assert expected and shipped == expected
    code = ("import json; from factcheck.engine import load_rules, shipped_rules_dir; "
            "print(json.dumps([str(shipped_rules_dir()), [r.id for r in load_rules()]]))")
    env = {**os.environ, "PYTHONPATH": str(build)}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    where, ids = json.loads(out.stdout)
    assert Path(where).is_relative_to(build)
    assert sorted(ids) == sorted(Path(p).stem for p in expected)
