"""--engine dask gives the same result as the single-process engine (skipped without the dask extra)."""

from __future__ import annotations

from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from scale_corpus import write_corpus  # noqa: E402

from factcheck.pipeline import check  # noqa: E402
from factcheck.run import dask as dask_engine  # noqa: E402


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


def test_shuffle_groups_each_block_once_and_keeps_every_claim(tmp_path: Path, scheduler: str) -> None:
    corpus = write_corpus(tmp_path)
    local = check(corpus, as_of="2024-01-01", jobs=1)
    sharded = check(corpus, as_of="2024-01-01", engine="dask", scheduler=scheduler, shuffle=True)
    assert sharded.claims == local.claims
    grouped = [cid for g in sharded.groups for cid in g.claims]
    assert len(grouped) == len(set(grouped))  # no claim lands in two blocks


def test_map_blocks_calls_the_function_once_per_key(scheduler: str) -> None:
    words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"] * 50
    sizes = dask_engine.map_blocks(words, _first_letter, len, scheduler=scheduler)
    assert sizes == [150, 100, 50]  # a, b, c: in key order, each block whole


def _first_letter(word: str) -> str:
    return word[0]


def test_archive_of_many_files_goes_to_workers_as_paths(tmp_path: Path, scheduler: str, monkeypatch) -> None:
    """Past the threshold every file is read by a worker itself; the result must not change."""
    from factcheck import run

    corpus = write_corpus(tmp_path)
    local = check(corpus, as_of="2024-01-01", jobs=1)
    monkeypatch.setattr(run, "DASK_WHOLE_FILES_FROM", 2)
    on_dask = check(corpus, as_of="2024-01-01", engine="dask", scheduler=scheduler)
    assert [c.model_dump() for c in on_dask.claims] == [c.model_dump() for c in local.claims]
    assert on_dask.findings == local.findings
    assert on_dask.coverage == local.coverage
