"""Kill `ledger add` part-way (SIGKILL): the database opens, passes integrity_check, and holds exactly the
documents whose add completed, each with all its claims and passages. A reader polls meanwhile (WAL)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.dates import parse_as_of
from factcheck.documents import iter_documents
from factcheck.ledger import split_passages
from factcheck.pipeline import document_claims

ROOT = Path(__file__).resolve().parent.parent


def _records(n: int):
    for i in range(n):
        text = (f"Answer {i}. The department spent £{i % 97 + 1}.{i % 10}m on {i % 400 + 3} projects in region {i}. "
                f"About {i % 60 + 10}% of them finished on time, and more than {i * 7 + 100:,} people took part.\n\n"
                f"A further {i % 13 + 2} schemes are planned, costing nearly £{i % 9 + 1} billion over ten years.")
        yield {"id": f"r{i}", "date": "2023-05-04", "speaker": "A minister", "text": text}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_during_add_leaves_only_whole_documents(tmp_path):
    source = tmp_path / "big.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        for rec in _records(3_000):
            fh.write(json.dumps(rec) + "\n")
    db = tmp_path / "ledger.db"
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "ledger", "add", str(source), "--ledger", str(db),
                             "--jobs", "1"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stored = 0
    deadline = time.monotonic() + 60
    try:
        while stored < 200 and time.monotonic() < deadline:  # a concurrent reader while the writer works
            time.sleep(0.05)
            if db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as reader:
                        stored = reader.execute("SELECT count(*) FROM documents").fetchone()[0]
                except sqlite3.OperationalError:  # schema not created yet
                    continue
        assert proc.poll() is None, "add finished before it could be killed: make the input larger"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')") is not None
    rows = conn.execute("SELECT id, sha256 FROM documents ORDER BY id").fetchall()
    assert 200 <= len(rows) < 3_000
    expected = {}
    for doc in iter_documents([str(source)], parse_as_of("2024-01-01")):
        expected[doc.sha256] = ({c.id for c in document_claims(doc)}, len(split_passages(doc.text)))
        if len(expected) > len(rows):
            break
    order = list(expected)
    assert [sha for _, sha in rows] == order[:len(rows)]  # the documents whose add completed, in order
    for doc_id, sha in rows:
        claim_ids = {r[0] for r in conn.execute("SELECT id FROM claims WHERE document_id = ?", (doc_id,))}
        passages = conn.execute("SELECT count(*) FROM passages WHERE document_id = ?", (doc_id,)).fetchone()[0]
        assert (claim_ids, passages) == expected[sha]
    conn.close()

    # The killed ledger is usable: adding again skips what is stored and adds the rest, without duplicates.
    head = tmp_path / "head.jsonl"
    head.write_text("".join(source.read_text(encoding="utf-8").splitlines(keepends=True)[:len(rows) + 20]),
                    encoding="utf-8")
    rerun = subprocess.run([sys.executable, "-m", "factcheck", "ledger", "add", str(head), "--ledger", str(db),
                            "--format", "json"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert (json.loads(rerun.stdout)["already_stored"], json.loads(rerun.stdout)["added"]) == (len(rows), 20)


def test_two_writers_at_once_store_each_text_once(tmp_path):
    """Two `ledger add` runs on the same new ledger at the same time: the busy timeout makes one wait for
    the other's transaction, and the hash check inside the transaction stores each text once."""
    source = tmp_path / "some.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        for rec in _records(400):
            fh.write(json.dumps(rec) + "\n")
    db = tmp_path / "shared.db"
    cmd = [sys.executable, "-m", "factcheck", "ledger", "add", str(source), "--ledger", str(db), "--jobs", "1",
           "--format", "json"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    added = [json.loads(out)["added"] for out, _ in outputs]
    assert sum(added) == 400
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*), count(DISTINCT sha256) FROM documents").fetchone() == (400, 400)
    conn.close()
