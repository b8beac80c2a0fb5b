"""The documented benchmark command keeps working as the stages change, and its Nx input is N times the input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scale_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_runs_and_replicates_the_corpus(tmp_path: Path) -> None:
    corpus = Path(write_corpus(tmp_path)[1])  # answers.jsonl: 30 records and a malformed line
    out = tmp_path / "figures.json"
    run = subprocess.run([sys.executable, "-m", "benchmarks.bench_pipeline", "--corpus", str(corpus),
                          "--scale", "1,3", "--jobs", "2", "--quantulum-sample", "0", "--json", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "factcheck check -j2" in run.stdout and "time per character" in run.stdout
    figures = json.loads(out.read_text())
    one, three = figures["1"]["stages"], figures["3"]["stages"]
    assert one["documents"] == 30 and three["documents"] == 90
    assert three["claims"] == 3 * one["claims"] > 0
    assert set(one["stages"]) == {"read", "extract", "attribute", "group", "rules", "render"}
    assert set(figures["3"]["e2e"]) == {"extract -j1", "extract -j2"}  # check only up to --check-scale-max
