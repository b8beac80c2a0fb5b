"""Ledger and process faults: another application's database untouched, read-only reads, signals."""

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
from conftest import run_cli

from factcheck.errors import LedgerError
from factcheck.ledger import Ledger
from factcheck.ledger.store import APPLICATION_ID

ROOT = Path(__file__).resolve().parent.parent
GOOD = "The county opened 14 libraries in the spring.\n"


def _snapshot(path: Path) -> tuple[bytes, list[str]]:
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize("make", ["tables", "application_id"])
def test_another_applications_database_is_refused_untouched(tmp_path, make):
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        if make == "tables":
            conn.execute("CREATE TABLE recipes (name TEXT)")
            conn.execute("INSERT INTO recipes VALUES ('bread')")
        else:
            conn.execute("PRAGMA application_id = 1234")
    conn.close()
    doc = tmp_path / "a.txt"
    doc.write_text(GOOD, encoding="utf-8")
    before = _snapshot(db)
    for args in (["ledger", "add", str(doc)], ["ledger", "list"], ["check", str(doc), "--ledger"]):
        run = run_cli(*args, str(db)) if args[0] == "check" else run_cli(*args, "--ledger", str(db))
        assert run.exit_code == 2
        assert run.stderr.startswith(f"factcheck: error: {db}: not a factcheck ledger (")
        assert len(run.stderr.splitlines()) == 1
        assert _snapshot(db) == before


def test_a_ledger_made_before_the_application_id_still_opens_and_is_stamped_on_write(tmp_path):
    db = tmp_path / "old.db"
    doc = tmp_path / "a.txt"
    doc.write_text(GOOD, encoding="utf-8")
    assert run_cli("ledger", "add", str(doc), "--ledger", str(db)).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA application_id = 0")  # as every ledger was before
    conn.close()
    before = db.read_bytes()
    run = run_cli("ledger", "list", "--ledger", str(db))
    assert run.exit_code == 0 and "1 document(s)." in run.stdout
    assert db.read_bytes() == before  # reading writes nothing
    other = tmp_path / "b.txt"
    other.write_text(GOOD.replace("14", "15"), encoding="utf-8")
    assert run_cli("ledger", "add", str(other), "--ledger", str(db)).exit_code == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_read_commands_open_the_ledger_read_only(tmp_path):
    db = tmp_path / "l.db"
    doc = tmp_path / "a.txt"
    doc.write_text(GOOD, encoding="utf-8")
    assert run_cli("ledger", "add", str(doc), "--ledger", str(db)).exit_code == 0
    with Ledger(db, read_only=True) as ledger:
        assert ledger.stats()["documents"] == 1
        with pytest.raises(LedgerError, match="readonly"):
            ledger.remove("1")
    os.chmod(db, 0o444)
    try:
        for args in (["ledger", "list"], ["ledger", "stats"], ["ledger", "show", "1"]):
            run = run_cli(*args, "--ledger", str(db))
            assert run.exit_code == 0, run.stderr
        assert run_cli("check", str(doc), "--ledger", str(db)).exit_code == 0
    finally:
        os.chmod(db, 0o644)


def _records(n: int):
    for i in range(n):
        yield {"id": f"r{i}", "date": "2023-05-04", "text": (
            f"Answer {i}. The county spent £{i % 97 + 1}.{i % 10}m on {i % 400 + 3} bridges in district {i}. "
            f"About {i % 60 + 10}% of them were repaired on time, and more than {i * 7 + 100:,} drivers use them.")}


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as reader:
            return reader.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def _children(pid: int) -> set[int]:
    try:
        return {int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_workers_and_leaves_the_ledger_consistent(tmp_path, signum, code):
    source = tmp_path / "big.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in _records(1500)), encoding="utf-8")
    db = tmp_path / "ledger.db"
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "ledger", "add", str(source), "--ledger", str(db),
                             "--jobs", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            workers |= _children(proc.pid)
            time.sleep(0.05)
        deadline = time.monotonic() + 120
        while _stored(db) < 20 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)  # let it store some documents first
        assert _stored(db) >= 20, "nothing stored in two minutes"
        assert proc.poll() is None, "add finished before the signal: make the input larger"
        assert workers
        os.kill(proc.pid, signum)
        _, stderr = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == code
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == ("factcheck: terminated" if code == 143 else "factcheck: interrupted")
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert 0 < stored < 1500
        empty = conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                             "(SELECT 1 FROM passages p WHERE p.document_id = d.id)").fetchone()[0]
        assert empty == 0  # every stored document whole
