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
        for rec in _records(8_000):
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
    assert 200 <= len(rows) < 8_000
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

    # The killed ledger is usable: adding again completes the rest without duplicates.
    rerun = subprocess.run([sys.executable, "-m", "factcheck", "ledger", "add", str(source), "--ledger", str(db),
                            "--format", "json"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["already_stored"] == len(rows)
