"""The ledger: dedupe by content hash, idempotent migrations, safe refusal of bad files, CLI commands."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from factcheck.dates import parse_as_of
from factcheck.documents import iter_documents, read_text
from factcheck.errors import LedgerError
from factcheck.ledger import MIGRATIONS, Ledger, migrate, split_passages
from factcheck.models import Claim
from factcheck.pipeline import document_claims, record

STATEMENTS = {
    "budget.md": "---\ndate: 2021-03-03\nspeaker: Treasury minister\n---\n"
                 "The towns programme has been given £3.6 billion. Nearly 100 towns will receive a deal.\n",
    "roads.txt": "We will repair 50 miles of road this year at a cost of £12m. That is 8% more than last year.\n",
    "clinics.txt": "The health board opened 14 clinics in 2022, serving more than 20,000 patients.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "statements"
    folder.mkdir()
    for name, text in STATEMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(db: Path, *paths: Path) -> list:
    with Ledger(db, create=True) as ledger:
        return list(record([str(p) for p in paths], ledger, as_of="2024-01-01"))


def test_same_text_is_stored_once_even_under_another_name(tmp_path, corpus):
    db = tmp_path / "l.db"
    first = build(db, corpus)
    copy = tmp_path / "copy-of-roads.txt"
    copy.write_text(STATEMENTS["roads.txt"], encoding="utf-8")
    again = build(db, corpus, copy)
    assert [o.added for o in first] == [True, True, True]
    assert [o.added for o in again] == [False, False, False, False]
    with Ledger(db) as ledger:
        assert ledger.stats()["documents"] == 3


def test_stored_claims_are_the_pipeline_claims(tmp_path, corpus):
    db = tmp_path / "l.db"
    build(db, corpus / "budget.md")
    with Ledger(db) as ledger:
        stored = ledger.find(str(corpus / "budget.md"))
        claims = list(ledger.claims(stored.id))
    doc = next(iter_documents([str(corpus / "budget.md")], parse_as_of("2024-01-01")))
    assert claims == document_claims(doc)
    assert stored.summary.meta.speaker == "Treasury minister"
    assert stored.summary.date == "2021-03-03"


def test_migrations_are_recorded_once_and_reapplying_does_nothing(tmp_path):
    db = tmp_path / "l.db"
    Ledger(db, create=True).close()
    with Ledger(db) as ledger:
        assert migrate(ledger.conn, str(db)) == []
        names = [r[0] for r in ledger.conn.execute("SELECT name FROM migrations")]
        assert names == [name for name, _ in MIGRATIONS]
        assert ledger.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_unknown_migration_means_a_newer_factcheck(tmp_path):
    db = tmp_path / "l.db"
    with Ledger(db, create=True) as ledger:
        ledger.conn.execute("INSERT INTO migrations(name, applied_at) VALUES ('9999_future', 'x')")
    with pytest.raises(LedgerError, match="9999_future"):
        Ledger(db)


@pytest.mark.parametrize("content", [b"just some notes\n", b"SQLite format 3\x00" + b"\x07" * 3000])
def test_bad_file_is_one_line_error_exit_2_and_left_untouched(tmp_path, cli, corpus, content):
    db = tmp_path / "notes.db"
    db.write_bytes(content)
    for args in (["ledger", "add", str(corpus)], ["ledger", "list"], ["check", str(corpus)],
                 ["verify", "the fund has been given three point six billion"]):
        run = cli(*args, "--ledger", str(db))
        assert run.exit_code == 2, run
        assert len(run.stderr.strip().splitlines()) == 1 and "notes.db" in run.stderr
        assert db.read_bytes() == content
    assert not (tmp_path / "notes.db-wal").exists()


def test_other_sqlite_database_is_not_taken_over(tmp_path, cli, corpus):
    db = tmp_path / "app.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    run = cli("ledger", "add", str(corpus), "--ledger", str(db))
    assert run.exit_code == 2 and "not a factcheck ledger" in run.stderr


def test_missing_ledger_for_reading_is_an_error_not_a_new_file(tmp_path, cli):
    run = cli("ledger", "stats", "--ledger", str(tmp_path / "none.db"))
    assert run.exit_code == 2 and "no such ledger" in run.stderr
    assert not (tmp_path / "none.db").exists()


def test_cli_add_list_show_stats_remove(tmp_path, cli, corpus, monkeypatch):
    db = tmp_path / "l.db"
    monkeypatch.setenv("FACTCHECK_LEDGER", str(db))
    run = cli("ledger", "add", str(corpus), "--as-of", "2024-01-01")
    assert run.exit_code == 0, run.stderr
    assert "added 3 document(s)" in run.stdout
    assert "3 already in the ledger" in cli("ledger", "add", str(corpus)).stdout

    listed = json.loads(cli("ledger", "list", "--format", "json").stdout)["documents"]
    assert len(listed) == 3 and listed[0]["date"] == "2021-03-03"  # dated first
    roads = next(d for d in listed if d["id"].endswith("roads.txt"))

    shown = json.loads(cli("ledger", "show", roads["sha256"][:8], "--format", "json").stdout)
    assert [c["text"].strip() for c in shown["claims"]][:2] == ["50", "£12m"]
    text = cli("ledger", "show", str(roads["id"]), "--text").stdout
    assert "repair 50 miles" in text

    stats = json.loads(cli("ledger", "stats", "--format", "json").stdout)
    assert stats["documents"] == 3 and stats["claims"] == sum(d["claims"] for d in listed)
    assert stats["claims_by_kind"]["money"] >= 2
    assert (stats["first_date"], stats["schema"]) == ("2021-03-03", [name for name, _ in MIGRATIONS])
    assert "claims:" in cli("ledger", "stats").stdout

    run = cli("ledger", "remove", roads["sha256"][:8])
    assert run.exit_code == 0 and "removed" in run.stdout
    after = json.loads(cli("ledger", "stats", "--format", "json").stdout)
    assert after["documents"] == 2 and after["claims"] == stats["claims"] - roads["claims"]
    with Ledger(db) as ledger:  # claims, blocking tokens and the full-text index went with it
        assert ledger.search("repair") == []
        assert ledger.conn.execute("SELECT count(*) FROM claims WHERE doc LIKE '%roads.txt'").fetchone()[0] == 0
    missing = cli("ledger", "show", roads["sha256"][:8])
    assert missing.exit_code == 2 and "no document" in missing.stderr


def test_candidate_claims_share_a_topic_word_and_kind(tmp_path):
    doc = read_text("A. B.", doc_id="old.txt")
    def claim(start: int, kind: str, topic: str | None) -> Claim:
        return Claim(id=f"{doc.sha256[:12]}:{start}", doc=doc.id, start=start, end=start + 1, text="x",
                     sentence="x", kind=kind, value=1.0, topic_key=topic)
    stored = [claim(0, "money", "towns fund"), claim(1, "money", "roads maintenance"),
              claim(2, "count", "towns fund"), claim(3, "money", None)]
    with Ledger(tmp_path / "l.db", create=True) as ledger:
        ledger.add(doc, stored)
        new = [Claim(id="n:0", doc="new.txt", start=0, end=1, text="x", sentence="x", kind="money", value=2.0,
                     topic_key="the towns fund allocation")]
        assert [c.id for c in ledger.candidate_claims(new)] == [stored[0].id]


def test_passages_slice_the_text_back():
    text = "First sentence here. Second one, with £4m!\n\nA new paragraph? Yes."
    spans = split_passages(text)
    assert [text[s:e] for s, e in spans] == ["First sentence here.", "Second one, with £4m!",
                                             "A new paragraph?", "Yes."]


def test_sqlite_utils_sees_the_schema_and_full_text_search(tmp_path, corpus):
    sqlite_utils = pytest.importorskip("sqlite_utils")
    db = tmp_path / "l.db"
    build(db, corpus)
    database = sqlite_utils.Database(db)
    assert {"documents", "claims", "passages", "migrations"} <= set(database.table_names())
    assert database["passages"].detect_fts() == "passages_fts"
    hits = list(database["passages"].search("potholes OR clinics"))
    assert [h["text"] for h in hits] == ["The health board opened 14 clinics in 2022, serving more than 20,000 "
                                         "patients."]


def test_candidate_claims_skip_words_common_to_many_topics(tmp_path):
    doc = read_text("Many statements.", doc_id="old.txt")
    topics = [f"funding for project{i}" for i in range(6)] + ["funding for lighthouses"]
    stored = [Claim(id=f"{doc.sha256[:12]}:{i}", doc=doc.id, start=i, end=i + 1, text="x", sentence="x",
                    kind="money", value=1.0, topic_key=t) for i, t in enumerate(topics)]
    with Ledger(tmp_path / "l.db", create=True) as ledger:
        ledger.add(doc, stored)
        def new(topic: str) -> list[Claim]:
            return [Claim(id="n:0", doc="new.txt", start=0, end=1, text="x", sentence="x", kind="money",
                          value=2.0, topic_key=topic)]
        # "funding" is in 7 claims' topics (> 3): only "lighthouses" narrows the search
        assert [c.topic_key for c in ledger.candidate_claims(new("lighthouses funding"), 3)] == [topics[-1]]
        # a claim whose only word is common still finds its candidates
        assert len(ledger.candidate_claims(new("funding"), 3)) == 7


def test_parallel_add_stores_the_same_as_one_process(tmp_path, corpus, cli):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert cli("ledger", "add", str(corpus), "--ledger", str(one), "--jobs", "1").exit_code == 0
    run = cli("ledger", "add", str(corpus), str(corpus / "roads.txt"), "--ledger", str(two), "--jobs", "2",
              "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout)["already_stored"] == 1  # roads.txt twice
    def content(db: Path) -> list:
        with Ledger(db) as ledger:
            return [(d.summary.sha256, d.summary.date, d.sections, list(ledger.claims(d.id)))
                    for d in ledger.documents()]
    assert content(one) == content(two)


def test_hard_wrapped_lines_stay_one_sentence_but_lists_and_headings_do_not():
    text = ("# Roads money\nThe county will spend £12m on\nrepairing roads this year, and more\nnext year. "
            "It says so.\n- first item\n- second item\n")
    assert [text[s:e] for s, e in split_passages(text)] == [
        "# Roads money", "The county will spend £12m on\nrepairing roads this year, and more\nnext year.",
        "It says so.", "- first item", "- second item"]


def test_a_failing_migration_leaves_nothing_half_applied(tmp_path, monkeypatch):
    from factcheck.ledger import migrations

    db = tmp_path / "l.db"
    Ledger(db, create=True).close()
    broken = ("0002_broken", ("CREATE TABLE half (x)", "CREATE TABLE oops (x"))  # second statement fails
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    monkeypatch.setattr(migrations, "KNOWN", migrations.KNOWN | {"0002_broken"})
    with pytest.raises(LedgerError):
        Ledger(db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchone() is None
    assert [r[0] for r in conn.execute("SELECT name FROM migrations")] == [name for name, _ in MIGRATIONS]
    conn.close()


def test_opening_an_older_ledger_migrates_it_and_keeps_its_claims(tmp_path, monkeypatch):
    from factcheck.ledger import migrations, store

    db = tmp_path / "old.db"
    doc = read_text("The towns fund is worth £3.6 billion.", doc_id="old.txt")
    claims = [c.model_copy(update={"topic_local": True}) for c in document_claims(doc)]
    with monkeypatch.context() as m:  # a ledger written before 0002: topic_local lived in `extra`
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        m.setattr(store, "CLAIM_COLUMNS", tuple(c for c in store.CLAIM_COLUMNS if c != "topic_local"))
        m.setattr(store, "_BOOLEAN_COLUMNS", ("cumulative",))
        m.setattr(store, "_CLAIM_INSERT", store._CLAIM_INSERT.replace(', "topic_local"', "").replace("?, ", "", 1))
        with Ledger(db, create=True) as old:
            old.add(doc, claims)
    with Ledger(db) as ledger:
        names = [r[0] for r in ledger.conn.execute("SELECT name FROM migrations ORDER BY id")]
        assert names == [name for name, _ in MIGRATIONS]
        assert tuple(ledger.conn.execute("SELECT topic_local, extra FROM claims").fetchone()) == (1, "{}")
        assert list(ledger.claims()) == claims


def test_add_stores_the_readable_inputs_and_names_the_others(tmp_path, cli, corpus):
    db = tmp_path / "l.db"
    run = cli("ledger", "add", str(tmp_path / "missing.txt"), str(corpus / "roads.txt"), "--ledger", str(db))
    assert run.exit_code == 2
    assert "missing.txt" in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "added 1 document(s)" in run.stdout


def test_rebuild_extracts_stored_texts_again(tmp_path, corpus, cli):
    db = tmp_path / "l.db"
    build(db, corpus)
    with Ledger(db) as ledger:
        before = ledger.claims()
        ledger.conn.execute("UPDATE claims SET value = -1, topic_key = 'stale'")  # as an old version left them
        ledger.conn.execute("INSERT INTO claim_tokens SELECT 'stale', id FROM claims")
    run = cli("ledger", "rebuild", "--ledger", str(db), "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout) == {"ledger": str(db), "documents": 3, "claims": len(before)}
    with Ledger(db) as ledger:
        assert ledger.claims() == before
        assert ledger.conn.execute("SELECT count(*) FROM claim_tokens WHERE token = 'stale'").fetchone()[0] == 0


def test_rebuild_keeps_file_line_numbers_of_front_matter_documents(tmp_path):
    from factcheck.pipeline import rebuild

    md = tmp_path / "note.md"
    md.write_text("---\ndate: 2022-02-02\n---\nThe harbour fund is worth £7 million.\n")
    with Ledger(tmp_path / "l.db", create=True) as ledger:
        list(record([str(md)], ledger, as_of="2024-01-01"))
        before = [c.line for c in ledger.claims()]
        list(rebuild(ledger))
        assert [c.line for c in ledger.claims()] == before == [4]
