"""Hostile and unlucky records: nothing lost in parallel, one bad record never stops the others."""

from __future__ import annotations

import gzip
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli

from factcheck.documents import iter_documents
from factcheck.models import InputProblem

TOPICS = ("bridges", "libraries", "clinics", "ferries", "orchards", "kilns", "lighthouses", "bakeries")


def statements(n: int) -> list[dict]:
    """Records of our own: most carry figures, every fifth carries none (its passages still serve verify)."""
    out = []
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        if i % 5 == 0:
            text = f"Answer {i}: the council keeps its {topic} under review and will write to the member."
        else:
            text = f"Answer {i}: the county funded {i + 3} {topic} with £{i + 1}.5 million in the year to March."
        out.append({"id": f"r{i}", "text": text, "date": "2024-05-01", "source": "County hall"})
    out.append({"id": "copy", "text": out[1]["text"]})  # the same text again: stored once
    return out


def write_jsonl(path: Path, rows: list, extra_lines: dict[int, str] | None = None) -> Path:
    lines = [json.dumps(r) for r in rows]
    for at, line in sorted((extra_lines or {}).items()):  # ascending: each lands at its index
        lines.insert(at, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ledger_rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT sha256, doc, text, (SELECT count(*) FROM claims c WHERE c.document_id = d.id),"
                            " (SELECT count(*) FROM passages p WHERE p.document_id = d.id) FROM documents d"
                            " ORDER BY id").fetchall()


BAD_LINES = {
    "deep nesting": '{"text": "The fund has 5 projects.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "lone surrogate": '{"text": "The fund has \\ud800 5 projects."}',
    "5,000-digit integer": '{"text": "The fund has 5 projects.", "n": ' + "7" * 5000 + "}",
    "surrogate in metadata": '{"text": "The fund has 6 projects.", "source": "\\udfff"}',
    "nested metadata": '{"text": "The fund has 7 projects.", "source": {"a": 1}}',
}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ledger_add_in_parallel_stores_what_one_process_stores(tmp_path, jobs):
    data = write_jsonl(tmp_path / "answers.jsonl", statements(40))
    reference = tmp_path / "serial.db"
    assert run_cli("ledger", "add", str(data), "--ledger", str(reference), "--jobs", "1").exit_code == 0
    db = tmp_path / f"jobs{jobs}.db"
    run = run_cli("ledger", "add", str(data), "--ledger", str(db), "--jobs", jobs)
    assert run.exit_code == 0, run.stderr
    assert "added 40 document(s)" in run.stdout and "1 already in the ledger" in run.stdout
    rows = ledger_rows(db)
    assert rows == ledger_rows(reference)
    assert all(text.strip() for _sha, _doc, text, _claims, _passages in rows)
    assert sum(1 for row in rows if row[3] == 0) == 8  # documents without claims are kept, with passages
    assert all(row[4] > 0 for row in rows)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("command", ["extract", "check", "ledger"])
def test_one_bad_record_is_reported_by_line_and_the_others_still_run(tmp_path, jobs, command):
    rows = statements(30)
    bad = {5 + 3 * i: line for i, line in enumerate(BAD_LINES.values())}
    data = write_jsonl(tmp_path / "answers.jsonl", rows, bad)
    args = {"extract": ["extract", "--format", "jsonl"], "check": ["check", "--format", "json"],
            "ledger": ["ledger", "add", "--ledger", str(tmp_path / "l.db")]}[command]
    run = run_cli(*args, str(data), "--jobs", jobs)
    assert run.exit_code == 2
    errors = [json.loads(e)["error"] if e.startswith("{") else e for e in run.stderr.strip().splitlines()]
    assert [(e["path"], e["line"]) if isinstance(e, dict) else e.split(": ")[2] for e in errors] == [
        (str(data), at + 1) if command != "ledger" else f"{data}:{at + 1}" for at in sorted(bad)]
    if command == "ledger":
        assert "added 30 document(s)" in run.stdout
    elif command == "extract":
        docs = {json.loads(line)["doc"] for line in run.stdout.splitlines()}
        assert len(docs) == 25  # every record with figures (and the copy), none of the bad ones
    else:
        assert json.loads(run.stdout)["coverage"]["documents"] == 31


def test_an_overlong_record_is_skipped_unread_and_named(tmp_path):
    rows = statements(6)
    overlong = json.dumps({"text": "The fund has 5 projects." + " " * 1_100_000})
    data = write_jsonl(tmp_path / "a.jsonl", rows, {3: overlong})
    problems: list[InputProblem] = []
    docs = list(iter_documents([str(data)], date(2024, 1, 1), problems=problems))
    assert len(docs) == 7
    assert [(p.line, "longer than the 1,048,576-byte limit" in p.message) for p in problems] == [(4, True)]
    run = run_cli("extract", str(data), "--format", "jsonl", "--max-record-bytes", "2000000")
    assert run.exit_code == 0, run.stderr


def test_a_small_gzip_that_expands_to_one_endless_line_is_refused_in_flat_memory(tmp_path):
    data = tmp_path / "bomb.jsonl.gz"
    with gzip.open(data, "wb", compresslevel=9) as fh:
        fh.write(json.dumps({"text": "Three bridges were built."}).encode() + b"\n")
        block = b"x" * (1 << 20)
        for _ in range(64):  # 64 MB of one line from well under a megabyte on disk
            fh.write(block)
        fh.write(b"\n" + json.dumps({"text": "Four ferries sail daily."}).encode() + b"\n")
    assert data.stat().st_size < 1 << 20
    for jobs in ("1", "2"):
        run = run_cli("extract", str(data), "--format", "jsonl", "--jobs", jobs)
        assert run.exit_code == 2
        error = json.loads(run.stderr)["error"]
        assert (error["path"], error["line"]) == (str(data), 2)
        assert error["message"].startswith("record is longer than the 1,048,576-byte limit")
        assert [json.loads(line)["value"] for line in run.stdout.splitlines()] == [3, 4]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_stage_failing_on_one_document_costs_only_that_document(tmp_path, monkeypatch, jobs):
    import factcheck.pipeline as pipeline

    real = pipeline.attribute_claims

    def fragile(doc, claims, *layout):
        if "kilns" in doc.text:  # stands for any bug one text triggers
            raise ValueError("boom")
        return real(doc, claims, *layout)

    monkeypatch.setattr(pipeline, "attribute_claims", fragile)
    data = write_jsonl(tmp_path / "answers.jsonl", statements(16))
    run = run_cli("ledger", "add", str(data), "--ledger", str(tmp_path / "l.db"), "--jobs", jobs)
    assert run.exit_code == 2
    assert "added 14 document(s)" in run.stdout  # 16 distinct texts, two about kilns
    errors = run.stderr.strip().splitlines()
    assert len(errors) == 2
    assert all("internal error on this document (ValueError: boom); please report it" in e for e in errors)
    assert [e.split(": ")[2].rsplit("#", 1)[1] for e in errors] == ["r5", "r13"]
