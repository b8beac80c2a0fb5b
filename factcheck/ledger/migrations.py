"""Named schema migrations, applied in order, each in its own transaction and recorded in `migrations`.

A migration is never edited once released: change the schema by appending a new one. Opening a ledger
applies whatever is missing, so running it twice does nothing the second time. A ledger that records a
migration this version does not know was written by a newer factcheck and is refused rather than guessed at.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from ..errors import LedgerError

# (name, statements). Statements run one by one inside the migration's transaction
# (sqlite3's executescript would commit half-way, so it is not used here).
MIGRATIONS: list[tuple[str, tuple[str, ...]]] = [
    ("0001_documents_claims_passages", (
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            doc TEXT NOT NULL,
            path TEXT NOT NULL,
            date TEXT,
            source TEXT,
            speaker TEXT,
            url TEXT,
            title TEXT,
            department TEXT,
            characters INTEGER NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}',
            sections TEXT NOT NULL DEFAULT '[]',
            added_at TEXT NOT NULL,
            text TEXT NOT NULL
        )""",
        "CREATE INDEX documents_doc ON documents(doc)",
        "CREATE INDEX documents_date ON documents(date)",
        """CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            doc TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            line INTEGER,
            "column" INTEGER,
            text TEXT NOT NULL,
            sentence TEXT,
            sentence_start INTEGER,
            kind TEXT NOT NULL,
            unit TEXT,
            value REAL NOT NULL,
            lo REAL,
            hi REAL,
            bound TEXT,
            qualifier TEXT,
            precision REAL,
            related TEXT,
            relation TEXT,
            date TEXT,
            date_origin TEXT,
            topic TEXT,
            topic_key TEXT,
            metric TEXT,
            period TEXT,
            role TEXT,
            cumulative INTEGER NOT NULL DEFAULT 0,
            extra TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX claims_document ON claims(document_id)",
        "CREATE INDEX claims_kind ON claims(kind, unit)",
        # Blocking index: one row per word of a claim's topic_key, so `check --ledger` loads only the
        # claims that share a topic word with a new claim instead of the whole ledger.
        """CREATE TABLE claim_tokens (
            token TEXT NOT NULL,
            claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE
        )""",
        "CREATE INDEX claim_tokens_token ON claim_tokens(token)",
        "CREATE INDEX claim_tokens_claim ON claim_tokens(claim_id)",
        """CREATE TABLE passages (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        )""",
        "CREATE INDEX passages_document ON passages(document_id, start)",
        # External-content FTS5 index kept in step by triggers: the layout sqlite-utils' enable-fts
        # makes (content=[passages] spelled as it spells it), so sqlite-utils and datasette search `passages` as is.
        """CREATE VIRTUAL TABLE passages_fts USING fts5(
            text, content=[passages], content_rowid=[id], tokenize='porter unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
            INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
        END""",
        """CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
            INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END""",
        """CREATE TRIGGER passages_au AFTER UPDATE ON passages BEGIN
            INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
        END""",
    )),
    # Claim gained `topic_local` (the topic was read from this sentence alone); give it a column and move
    # the values stored meanwhile out of `extra`.
    ("0002_claims_topic_local", (
        "ALTER TABLE claims ADD COLUMN topic_local INTEGER NOT NULL DEFAULT 0",
        """UPDATE claims SET topic_local = coalesce(json_extract(extra, '$.topic_local'), 0),
                            extra = json_remove(extra, '$.topic_local')
           WHERE json_extract(extra, '$.topic_local') IS NOT NULL""",
    )),
    # Document gained `line_offset` (front matter lines before the text), so a rebuild keeps file lines.
    ("0003_documents_line_offset", (
        "ALTER TABLE documents ADD COLUMN line_offset INTEGER NOT NULL DEFAULT 0",
    )),
]

KNOWN = {name for name, _ in MIGRATIONS}


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations this database records, oldest first ([] for a new database)."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='migrations'").fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY id")]


def pending_migrations(conn: sqlite3.Connection, path: str) -> list[str]:
    """The migrations this factcheck would apply (read only; a newer ledger's unknown one is an error)."""
    done = applied_migrations(conn)
    unknown = [name for name in done if name not in KNOWN]
    if unknown:
        raise LedgerError(f"ledger has schema migration {unknown[0]!r}, unknown to this factcheck", path=path,
                          hint="it was written by a newer factcheck; upgrade factcheck")
    return [name for name, _ in MIGRATIONS if name not in done]


def migrate(conn: sqlite3.Connection, path: str) -> list[str]:
    """Apply the missing migrations, each in one transaction; returns the names applied now.

    `conn` must be in autocommit mode (isolation_level=None) so the transactions here are the only ones.
    """
    done = applied_migrations(conn)
    unknown = [name for name in done if name not in KNOWN]
    if unknown:
        raise LedgerError(f"ledger has schema migration {unknown[0]!r}, unknown to this factcheck", path=path,
                          hint="it was written by a newer factcheck; upgrade factcheck")
    if not done:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        if tables:
            raise LedgerError("SQLite database is not a factcheck ledger (it has tables but no migrations)",
                              path=path, hint="give a new file name, or a ledger made by `factcheck ledger add`")
    applied = []
    for name, statements in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-check inside the write lock: another process may have migrated meanwhile.
            if name in applied_migrations(conn):
                conn.execute("COMMIT")
                continue
            conn.execute("""CREATE TABLE IF NOT EXISTS migrations (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)""")
            for statement in statements:
                conn.execute(statement)
            conn.execute("INSERT INTO migrations(name, applied_at) VALUES (?, ?)",
                         (name, datetime.now(UTC).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
