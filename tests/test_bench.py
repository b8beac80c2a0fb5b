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


def test_check_benchmark_splits_the_stages_and_measures_the_commands(tmp_path: Path) -> None:
    corpus = Path(write_corpus(tmp_path)[1])
    out = tmp_path / "check.json"
    run = subprocess.run([sys.executable, "-m", "benchmarks.bench_check", "--corpus", str(corpus), "--jobs", "2",
                          "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    figures = json.loads(out.read_text())
    split = figures["split"]
    assert split["documents"] == 30 and split["claims"] > 0
    assert set(split["seconds"]) == {"read", "extract", "attribute: parse", "attribute: rest", "group", "rules",
                                     "render"}
    assert split["seconds"]["attribute: parse"] > 0  # the model loads in the parse, if nothing else
    assert set(figures["e2e"]) == {"check -j2", "extract -j1", "extract -j2"}
    for row in figures["e2e"].values():
        assert row["wall"] > 0 and row["cpu"] > 0 and row["max_rss_mb"] > 10
    assert "attribute: parse" in run.stdout and "factcheck check -j2" in run.stdout
