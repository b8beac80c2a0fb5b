"""--engine dask gives the same result as the single-process engine (skipped without the dask extra)."""

from __future__ import annotations

from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from scale_corpus import write_corpus  # noqa: E402

from factcheck.engines import dask_engine  # noqa: E402
from factcheck.pipeline import check  # noqa: E402


@pytest.fixture(scope="module")
def scheduler():
    """A cluster of threads on loopback: quick to start, nothing listens beyond this machine."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None, silence_logs=40) as cluster:
        yield cluster.scheduler_address


def test_dask_engine_finds_what_the_local_engine_finds(tmp_path: Path, scheduler: str) -> None:
    corpus = write_corpus(tmp_path)
    local = check(corpus, as_of="2024-01-01", jobs=1)
    on_dask = check(corpus, as_of="2024-01-01", engine="dask", scheduler=scheduler)
    assert local.coverage.claims > 500
    assert [c.model_dump() for c in on_dask.claims] == [c.model_dump() for c in local.claims]
    assert on_dask.findings == local.findings
    assert on_dask.groups == local.groups
    assert on_dask.documents == local.documents
    assert on_dask.coverage == local.coverage


def test_cli_runs_on_a_running_cluster(cli, tmp_path: Path, scheduler: str) -> None:
    corpus = write_corpus(tmp_path)
    local = cli("extract", *corpus, "--format", "jsonl", "--as-of", "2024-01-01", "--jobs", "1")
    on_dask = cli("extract", *corpus, "--format", "jsonl", "--as-of", "2024-01-01", "--engine", "dask",
                  "--scheduler", scheduler)
    assert on_dask.exit_code == local.exit_code == 2  # the bad inputs are reported either way
    assert on_dask.stdout == local.stdout


def test_unreachable_scheduler_is_a_one_line_usage_error(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    doc = tmp_path / "a.txt"
    doc.write_text("We built 12 bridges.", encoding="utf-8")
    run = cli("check", str(doc), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert run.exit_code == 2
    assert "scheduler" in run.stderr and len(run.stderr.strip().splitlines()) == 1
