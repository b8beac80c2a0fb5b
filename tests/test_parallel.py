"""Running on several processes changes where the work happens, never what comes out."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scale_corpus import SENTENCES, write_corpus

from factcheck import documents
from factcheck.documents import read_text
from factcheck.extract import extract_claims
from factcheck.pipeline import check, process_documents
from factcheck.run import local
from factcheck.run.local import ordered_map, pack_claims, unpack_claims


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(local, "CHUNK_CHARS", 600)  # many small chunks, so order across chunks matters
    return write_corpus(tmp_path)


def test_check_with_two_jobs_equals_one_job(corpus: list[str]) -> None:
    serial = check(corpus, as_of="2024-01-01", jobs=1)
    multi = check(corpus, as_of="2024-01-01", jobs=2)
    assert serial.coverage.claims > 500  # the corpus really exercises extraction
    assert [c.model_dump() for c in multi.claims] == [c.model_dump() for c in serial.claims]
    assert multi.findings == serial.findings
    assert multi.groups == serial.groups
    assert multi.documents == serial.documents
    assert multi.coverage == serial.coverage
    assert [(p.path, p.line) for p in multi.coverage.unreadable] == [
        (p.path, p.line) for p in serial.coverage.unreadable]
    assert len(serial.coverage.unreadable) == 3  # empty.txt, the bad JSON line, missing.txt


def test_extract_command_output_identical_for_any_jobs(cli, corpus: list[str]) -> None:
    one = cli("extract", *corpus, "--format", "jsonl", "--as-of", "2024-01-01", "--jobs", "1")
    two = cli("extract", *corpus, "--format", "jsonl", "--as-of", "2024-01-01", "--jobs", "2")
    assert one.exit_code == two.exit_code == 2  # the unusable inputs are reported...
    assert one.stdout == two.stdout and one.stdout.count("\n") > 500  # ...and the rest is processed
    assert one.stderr == two.stderr


def test_stdin_works_with_several_jobs(cli) -> None:
    run = cli("extract", "-", "--format", "jsonl", "--jobs", "2", input="Over 40 schools got £3m.\n")
    assert run.exit_code == 0, run.stderr
    assert [json.loads(line)["value"] for line in run.stdout.splitlines()] == [40, 3_000_000]


def test_without_problem_list_the_first_bad_input_raises(corpus: list[str]) -> None:
    from factcheck.errors import InputError

    with pytest.raises(InputError):
        list(process_documents(corpus, as_of="2024-01-01", problems=None, jobs=2))


def _square(x: int) -> int:
    return x * x


def test_ordered_map_keeps_order_and_bounds_work_in_flight() -> None:
    taken = []

    def numbers():
        for i in range(200):
            taken.append(i)
            yield i

    results = ordered_map(_square, numbers(), jobs=2, max_in_flight=4)
    first = [next(results) for _ in range(3)]
    assert first == [0, 1, 4]
    assert len(taken) <= 3 + 4  # the input is pulled lazily, not swallowed whole
    assert first + list(results) == [i * i for i in range(200)]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8), st.integers(0, 10_000))
def test_packed_claims_round_trip_exactly(templates: list[str], n: int) -> None:
    text = " ".join(t.format(n=n, k=n % 999 + 1, p=n % 50, q=n % 70) for t in templates)
    claims = extract_claims(read_text(text, as_of=None))
    rebuilt = unpack_claims(pack_claims(claims))
    assert rebuilt == claims
    assert [c.model_dump_json() for c in rebuilt] == [c.model_dump_json() for c in claims]
    assert [c.model_fields_set for c in rebuilt] == [c.model_fields_set for c in claims]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300).map(lambda b: b.replace(b"\r", b"\n")), st.integers(1, 40))
def test_block_line_splitter_yields_the_lines_a_file_iterator_yields(data: bytes, block: int) -> None:
    expected = [line.removesuffix(b"\n") for line in io.BytesIO(data)]
    assert list(documents._lines(io.BytesIO(data), 1 << 20, block=block)) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=30).map(lambda b: b.replace(b"\n", b"")), max_size=8), st.integers(1, 40),
       st.integers(0, 20))
def test_block_line_splitter_drops_each_overlong_line_in_its_place(lines: list[bytes], block: int, limit: int) -> None:
    data = b"\n".join(lines)
    expected = [line if len(line) <= limit else None for line in data.split(b"\n")]
    if expected and expected[-1] == b"":  # no line after a final newline
        expected.pop()
    assert list(documents._lines(io.BytesIO(data), limit, block=block)) == expected
