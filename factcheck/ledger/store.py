"""The ledger: a plain SQLite database of every statement checked before, its claims and its passages.

Schema (see migrations.py for the exact SQL; open it with `sqlite-utils` or `datasette factcheck.db`):

    documents     one row per distinct text (UNIQUE sha256): doc id and path as first added, date, source,
                  speaker, url, title, department, characters, meta (JSON), sections (JSON), added_at, text
    claims        one row per numeric claim, every Claim field as a column (document_id -> documents.id;
                  fields added to Claim later land in `extra`, JSON); id is "<sha256[:12]>:<start>"
    claim_tokens  (token, claim_id): the words of each claim's topic_key, for blocking in `check --ledger`
    passages      the sentences of each document (document_id, start, end, text) ...
    passages_fts  ... and their FTS5 index (external content, porter stemming), used by `verify`
    migrations    (id, name, applied_at): the named schema migrations applied, in order

Guarantees: WAL journal and a busy timeout, so readers never block the writer or see half a document;
one transaction per added document (kill the process at any point and every stored document still has
all its claims and passages); a document is identified by the SHA-256 of its text, so adding the same
text twice stores it once.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from ..errors import LedgerError
from ..models import Claim, Document, DocumentMeta, DocumentSummary, Section
from ..text.passages import split_passages
from .migrations import migrate, pending_migrations

DEFAULT_LEDGER = "factcheck.db"
LEDGER_ENV = "FACTCHECK_LEDGER"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
# PRAGMA application_id of a factcheck ledger ("FCLG"): `file` names it, and a database of another
# application is refused before anything is written to it. Ledgers made before it was set have 0 and a
# `migrations` table: they are stamped when next opened for writing.
APPLICATION_ID = int.from_bytes(b"FCLG", "big")

# Claim fields stored as their own columns; anything else Claim grows goes to `extra`.
CLAIM_COLUMNS = ("id", "doc", "start", "end", "line", "column", "text", "sentence", "sentence_start", "kind",
                 "unit", "value", "lo", "hi", "bound", "qualifier", "precision", "related", "relation", "date",
                 "date_origin", "topic", "topic_key", "topic_local", "metric", "period", "role", "cumulative")
_BOOLEAN_COLUMNS = ("cumulative", "topic_local")
_TOKEN_RE = re.compile(r"[a-z0-9]{3,}")

T = TypeVar("T")


def _q(column: str) -> str:
    return f'"{column}"'


_CLAIM_INSERT = (f"INSERT OR IGNORE INTO claims (document_id, {', '.join(_q(c) for c in CLAIM_COLUMNS)}, extra) "
                 f"VALUES ({', '.join('?' * (len(CLAIM_COLUMNS) + 2))})")


@dataclass
class AddOutcome:
    """What happened to one document given to `Ledger.add`."""

    document_id: int
    doc: str
    sha256: str
    added: bool  # False: the same text was already in the ledger
    claims: int


@dataclass
class Passage:
    """A sentence of a stored document, as the full-text index returns it."""

    id: int
    document_id: int
    start: int
    end: int
    text: str
    rank: float = 0.0


@dataclass
class StoredDocument:
    """A ledger row of `documents`, without its text unless asked for."""

    id: int
    summary: DocumentSummary
    added_at: str
    claims: int
    sections: list[Section]
    text: str | None = None

    def date_at(self, offset: int) -> str | None:
        """The statement date at `offset`: the dated section it falls in, else the document's date."""
        found = None
        for section in self.sections:
            if section.start <= offset:
                found = section.date or found
        return found or self.summary.date


def _db_errors(fn: Callable[..., T]) -> Callable[..., T]:
    """sqlite3 errors from a damaged or locked database become one-line LedgerErrors naming the file."""

    @functools.wraps(fn)
    def wrapper(self: Ledger, *args: Any, **kwargs: Any) -> T:
        try:
            return fn(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise LedgerError(f"ledger database error: {exc}", path=self.path) from None

    return wrapper


def _check_is_sqlite(path: str) -> None:
    """Refuse anything that is not an SQLite file before SQLite touches it, so it stays untouched."""
    p = Path(path)
    if p.is_dir():
        raise LedgerError("is a directory, not a ledger file", path=path)
    try:
        with p.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LedgerError(f"cannot read ledger: {exc.strerror}", path=path) from None
    if header and header != SQLITE_HEADER:
        raise LedgerError("not an SQLite database", path=path,
                          hint="give the path of a ledger made by `factcheck ledger add`, or a new file name")


def _check_application(conn: sqlite3.Connection, path: str) -> None:
    """Refuse a database that belongs to another application, before anything is written to it."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return
    hint = "give a new file name, or a ledger made by `factcheck ledger add`"
    if app_id:
        raise LedgerError(f"not a factcheck ledger (SQLite application_id {app_id:#010x})", path=path, hint=hint)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "migrations" not in tables:
        raise LedgerError("not a factcheck ledger (an SQLite database with other tables)", path=path, hint=hint)


def _retry_while_locked(step: Callable[[], object]) -> None:
    """Run `step`, retrying while another process holds the database.

    Two processes opening a new ledger at once can meet while one switches it to WAL or migrates it;
    there SQLite may answer "database is locked" at once instead of waiting (it does so where waiting
    could deadlock). Both steps are safe to repeat: migrations re-check inside their write lock.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.01
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


class Ledger:
    """A factcheck ledger database. `Ledger(path, create=True)` makes a new one if the file is missing."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_LEDGER, create: bool = False,
                 read_only: bool = False) -> None:
        """read_only: for commands that only read (list, show, stats, check --ledger, verify): nothing is
        written, so a ledger on a read-only file or medium opens; one that needs a schema migration is
        opened for writing once to apply it."""
        self.path = str(path)
        memory = self.path == ":memory:"
        if not memory:
            if not Path(self.path).exists():
                if not create:
                    raise LedgerError("no such ledger", path=self.path,
                                      hint="create one with `factcheck ledger add PATH... --ledger FILE`")
                read_only = False
            else:
                _check_is_sqlite(self.path)
        self.read_only = read_only and not memory
        self.conn = self._connect(memory)
        self._documents: dict[int, StoredDocument] = {}

    def _connect(self, memory: bool) -> sqlite3.Connection:
        if self.read_only:
            conn = self._open_read_only()
            if conn is not None:
                return conn
            self.read_only = False  # behind the schema: migrate once, read-write
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise LedgerError(f"cannot open ledger: {exc}", path=self.path) from None
        conn.row_factory = sqlite3.Row
        try:
            # Read before any pragma that writes, so a damaged file or another application's database is
            # refused untouched.
            _retry_while_locked(lambda: conn.execute("SELECT count(*) FROM sqlite_master").fetchone())
            _check_application(conn, self.path)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            _retry_while_locked(lambda: self._prepare(conn, memory))
        except sqlite3.Error as exc:
            conn.close()
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise LedgerError("ledger is read-only and needs a schema migration by this factcheck",
                                  path=self.path, hint="open it once where it can be written") from None
            raise LedgerError(f"cannot open ledger: {exc}", path=self.path,
                              hint="the file may be damaged or not a ledger") from None
        except LedgerError:
            conn.close()
            raise
        return conn

    def _open_read_only(self) -> sqlite3.Connection | None:
        """A read-only connection, or None when the ledger needs migrating first. A WAL database whose
        directory cannot be written (no -shm can be made) is opened as immutable."""
        uri = Path(self.path).resolve().as_uri()
        last: sqlite3.Error | None = None
        for mode in ("mode=ro", "mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(f"{uri}?{mode}", uri=True, isolation_level=None,
                                       timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
                conn.row_factory = sqlite3.Row
                _retry_while_locked(lambda c=conn: c.execute("SELECT count(*) FROM sqlite_master").fetchone())
            except sqlite3.Error as exc:
                last = exc
                continue
            try:
                _check_application(conn, self.path)
                if pending_migrations(conn, self.path):
                    conn.close()
                    return None
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            except sqlite3.Error as exc:
                conn.close()
                raise LedgerError(f"cannot open ledger: {exc}", path=self.path,
                                  hint="the file may be damaged or not a ledger") from None
            except LedgerError:
                conn.close()
                raise
            return conn
        raise LedgerError(f"cannot open ledger: {last}", path=self.path)

    def _prepare(self, conn: sqlite3.Connection, memory: bool) -> None:
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # in WAL: atomic, durable up to a crash of the OS
        migrate(conn, self.path)
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    # -- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------
    @_db_errors
    def has(self, sha256: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone() is not None

    @_db_errors
    def add(self, doc: Document, claims: Sequence[Claim]) -> AddOutcome:
        """Store one document with its claims and passages in one transaction (or nothing at all)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (doc.sha256,)).fetchone()
            if row is not None:
                self.conn.execute("ROLLBACK")
                return AddOutcome(row[0], doc.id, doc.sha256, added=False, claims=0)
            document_id = self._insert_document(doc)
            self._insert_claims(document_id, claims)
            self.conn.executemany(
                'INSERT INTO passages (document_id, start, "end", text) VALUES (?, ?, ?, ?)',
                [(document_id, s, e, doc.text[s:e]) for s, e in split_passages(doc.text)])
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        return AddOutcome(document_id, doc.id, doc.sha256, added=True, claims=len(claims))

    def _insert_document(self, doc: Document) -> int:
        summary = DocumentSummary.of(doc)
        meta = doc.meta
        cur = self.conn.execute(
            "INSERT INTO documents (sha256, doc, path, date, source, speaker, url, title, department, characters,"
            " meta, sections, added_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.sha256, doc.id, doc.path, summary.date, meta.source, meta.speaker, meta.url, meta.title,
             meta.department, len(doc.text), meta.model_dump_json(exclude_none=True),
             json.dumps([s.model_dump(exclude_none=True) for s in doc.sections]),
             datetime.now(UTC).isoformat(timespec="seconds"), doc.text))
        document_id = int(cur.lastrowid or 0)
        if doc.line_offset:  # since 0003; in the same transaction as the insert
            self.conn.execute("UPDATE documents SET line_offset = ? WHERE id = ?", (doc.line_offset, document_id))
        return document_id

    def _insert_claims(self, document_id: int, claims: Sequence[Claim]) -> None:
        rows, tokens = [], []
        for claim in claims:
            data = claim.model_dump(mode="json")
            data.pop("source", None)  # the document's metadata, stored once on `documents`
            extra = {k: v for k, v in data.items() if k not in CLAIM_COLUMNS and v is not None}
            rows.append((document_id, *(data.get(c) for c in CLAIM_COLUMNS), json.dumps(extra)))
            tokens.extend((token, claim.id) for token in topic_tokens(claim.topic_key))
        self.conn.executemany(_CLAIM_INSERT, rows)
        self.conn.executemany("INSERT INTO claim_tokens (token, claim_id) VALUES (?, ?)", tokens)

    @_db_errors
    def replace_claims(self, document_id: int, claims: Sequence[Claim]) -> None:
        """Swap a stored document's claims for new ones (after an upgrade of factcheck), in one transaction."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute("DELETE FROM claims WHERE document_id = ?", (document_id,))
            self._insert_claims(document_id, claims)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def stored_documents(self) -> Iterator[tuple[int, Document]]:
        """Every stored document as the pipeline reads it (text, metadata, dated sections), one at a time."""
        ids = [row[0] for row in self._execute("SELECT id FROM documents ORDER BY id")]
        for document_id in ids:
            row = self._execute("SELECT doc, path, sha256, meta, sections, text, line_offset FROM documents"
                                " WHERE id = ?",
                                (document_id,)).fetchone()
            if row is None:  # removed meanwhile by another process
                continue
            yield document_id, Document(
                id=row["doc"], path=row["path"], text=row["text"], sha256=row["sha256"],
                meta=DocumentMeta.model_validate_json(row["meta"]),
                sections=[Section.model_validate(s) for s in json.loads(row["sections"])],
                line_offset=row["line_offset"])

    @_db_errors
    def _execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, args)

    @_db_errors
    def remove(self, ref: str) -> StoredDocument:
        """Delete a document with its claims and passages; returns what was removed."""
        stored = self.find(ref)
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute("DELETE FROM documents WHERE id = ?", (stored.id,))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self._documents.pop(stored.id, None)
        return stored

    # -- reading ---------------------------------------------------------------------------------
    def _stored(self, row: sqlite3.Row, with_text: bool = False) -> StoredDocument:
        meta = DocumentMeta.model_validate_json(row["meta"])
        summary = DocumentSummary(id=row["doc"], path=row["path"], sha256=row["sha256"], meta=meta,
                                  date=row["date"], characters=row["characters"])
        sections = [Section.model_validate(s) for s in json.loads(row["sections"])]
        return StoredDocument(id=row["id"], summary=summary, added_at=row["added_at"], claims=row["claims"],
                              sections=sections, text=row["text"] if with_text else None)

    _DOC_SELECT = ("SELECT d.id, d.sha256, d.doc, d.path, d.date, d.characters, d.meta, d.sections, d.added_at, "
                   "{text} AS text, (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims "
                   "FROM documents d ")

    @_db_errors
    def documents(self) -> list[StoredDocument]:
        """Every stored document (no text), oldest statement first."""
        rows = self.conn.execute(self._DOC_SELECT.format(text="NULL") + "ORDER BY d.date IS NULL, d.date, d.id")
        return [self._stored(r) for r in rows]

    @_db_errors
    def find(self, ref: str, with_text: bool = False) -> StoredDocument:
        """A document by ledger id (`12`), SHA-256 prefix (at least 4 hex digits) or doc id as added."""
        select = self._DOC_SELECT.format(text="d.text" if with_text else "NULL")
        rows: list[sqlite3.Row] = []
        if ref.isdigit():
            rows = self.conn.execute(select + "WHERE d.id = ?", (int(ref),)).fetchall()
        if not rows and re.fullmatch(r"[0-9a-fA-F]{4,64}", ref):
            rows = self.conn.execute(select + "WHERE d.sha256 LIKE ? LIMIT 2", (ref.lower() + "%",)).fetchall()
        if not rows:
            rows = self.conn.execute(select + "WHERE d.doc = ? LIMIT 2", (ref,)).fetchall()
        if not rows:
            raise LedgerError(f"no document {ref!r} in the ledger", path=self.path,
                              hint="`factcheck ledger list` shows ids and hashes")
        if len(rows) > 1:
            raise LedgerError(f"{ref!r} matches more than one document", path=self.path,
                              hint="give more digits of the hash, or the ledger id")
        return self._stored(rows[0], with_text)

    @_db_errors
    def document(self, document_id: int) -> StoredDocument:
        """A document by ledger id, cached (verify asks for the same few many times)."""
        if document_id not in self._documents:
            row = self.conn.execute(self._DOC_SELECT.format(text="NULL") + "WHERE d.id = ?", (document_id,)).fetchone()
            if row is None:
                raise LedgerError(f"no document {document_id} in the ledger", path=self.path)
            self._documents[document_id] = self._stored(row)
        return self._documents[document_id]

    @_db_errors
    def document_of_claim(self, claim_id: str) -> StoredDocument:
        row = self.conn.execute("SELECT document_id FROM claims WHERE id = ?", (claim_id,)).fetchone()
        if row is None:
            raise LedgerError(f"no claim {claim_id!r} in the ledger", path=self.path)
        return self.document(row[0])

    @_db_errors
    def claims(self, document_id: int | None = None) -> list[Claim]:
        """Stored claims (of one document, or all), in (document, start) order."""
        where, args = ("WHERE document_id = ? ", (document_id,)) if document_id is not None else ("", ())
        rows = self.conn.execute(f"SELECT * FROM claims {where}ORDER BY document_id, start", args).fetchall()
        return self._claims_from(rows)

    def _claims_from(self, rows: list[sqlite3.Row]) -> list[Claim]:
        missing = sorted({r["document_id"] for r in rows} - set(self._documents))
        for i in range(0, len(missing), 500):  # fetch their documents' metadata in a few queries, not one each
            chunk = missing[i:i + 500]
            for doc_row in self.conn.execute(self._DOC_SELECT.format(text="NULL") +
                                             f"WHERE d.id IN ({', '.join('?' * len(chunk))})", chunk):
                self._documents[doc_row["id"]] = self._stored(doc_row)
        claims = []
        for row in rows:
            data = {c: row[c] for c in CLAIM_COLUMNS}
            for column in _BOOLEAN_COLUMNS:
                data[column] = bool(data[column])
            data.update(json.loads(row["extra"]))
            data["source"] = self._documents[row["document_id"]].summary.meta
            claims.append(Claim.model_validate(data))
        return claims

    @_db_errors
    def candidate_claims(self, new_claims: Sequence[Claim], max_block_size: int | None = None) -> list[Claim]:
        """Stored claims that share a topic word and kind with a new claim: the only ones that can group.

        Linear in the claims returned, not in the ledger's size. A word in the topics of more than
        `max_block_size` stored claims is too common to narrow anything; it is used for a claim only when
        all of that claim's words are that common (then its rarest one).
        """
        kinds = sorted({c.kind for c in new_claims})
        per_claim = [topic_tokens(c.topic_key) for c in new_claims]
        tokens = sorted({t for ts in per_claim for t in ts})
        if not tokens:
            return []
        spread = {t: 0 for t in tokens}
        if max_block_size:
            spread.update(self.conn.execute(
                f"SELECT token, count(*) FROM claim_tokens WHERE token IN ({', '.join('?' * len(tokens))}) "
                "GROUP BY token", tokens).fetchall())  # answered from the token index alone
        chosen: set[str] = set()
        for ts in per_claim:
            usable = [t for t in ts if not max_block_size or spread[t] <= max_block_size]
            chosen.update(usable or sorted(ts, key=lambda t: spread[t])[:1])
        rows = self.conn.execute(
            # `+kind` keeps SQLite from scanning every claim of that kind: the token index drives the search
            f"SELECT * FROM claims WHERE +kind IN ({', '.join('?' * len(kinds))}) AND id IN "
            f"(SELECT claim_id FROM claim_tokens WHERE token IN ({', '.join('?' * len(chosen))})) "
            "ORDER BY document_id, start", [*kinds, *sorted(chosen)])
        return self._claims_from(rows.fetchall())

    @_db_errors
    def search(self, fts_query: str, limit: int = 50) -> list[Passage]:
        """Passages matching an FTS5 query, best (lowest bm25) first."""
        rows = self.conn.execute(
            'SELECT p.id, p.document_id, p.start, p."end", p.text, bm25(passages_fts) AS rank '
            "FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
            "WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?", (fts_query, limit))
        return [Passage(*row) for row in rows]

    @_db_errors
    def passage_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM passages").fetchone()[0])

    @_db_errors
    def passage_frequency(self, phrase: str) -> int:
        """How many passages contain `phrase` (words or a number, matched as the index tokenizes them)."""
        query = '"' + phrase.replace('"', '""') + '"'
        return int(self.conn.execute("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?",
                                     (query,)).fetchone()[0])

    @_db_errors
    def neighbours(self, passage: Passage, before: int = 1, after: int = 1) -> list[Passage]:
        """The passage with up to `before`/`after` sentences of the same document around it, in order."""
        rows = self.conn.execute(
            'SELECT id, document_id, start, "end", text FROM passages WHERE id BETWEEN ? AND ? '
            "AND document_id = ? ORDER BY id", (passage.id - before, passage.id + after, passage.document_id))
        return [Passage(*row) for row in rows]

    @_db_errors
    def passage_text(self, document_id: int, start: int, end: int) -> str:
        row = self.conn.execute("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                                (start + 1, end - start, document_id)).fetchone()
        return row[0] if row else ""

    @_db_errors
    def line_of(self, document_id: int, offset: int) -> int:
        """1-based line of a character offset in a stored document's file (front matter counted)."""
        row = self.conn.execute(
            "SELECT length(substr(text, 1, ?)) - length(replace(substr(text, 1, ?), char(10), '')) + line_offset "
            "FROM documents WHERE id = ?", (offset, offset, document_id)).fetchone()
        return (row[0] or 0) + 1 if row else 1

    @_db_errors
    def stats(self) -> dict[str, Any]:
        """What the ledger holds: counts, claims by kind, statement date range, size on disk."""
        one = self.conn.execute(
            "SELECT count(*), coalesce(sum(characters), 0), min(date), max(date), "
            "sum(date IS NULL) FROM documents").fetchone()
        kinds = dict(self.conn.execute("SELECT kind, count(*) FROM claims GROUP BY kind ORDER BY kind").fetchall())
        size = 0
        if self.path != ":memory:":
            size = sum(Path(self.path + suffix).stat().st_size for suffix in ("", "-wal")
                       if Path(self.path + suffix).exists())
        migrations = [r[0] for r in self.conn.execute("SELECT name FROM migrations ORDER BY id")]
        return {
            "ledger": self.path, "documents": one[0], "characters": one[1],
            "claims": sum(kinds.values()), "claims_by_kind": kinds,
            "passages": self.conn.execute("SELECT count(*) FROM passages").fetchone()[0],
            "first_date": one[2], "last_date": one[3], "undated_documents": one[4] or 0,
            "size_bytes": size, "schema": migrations,
        }


def topic_tokens(topic_key: str | None) -> list[str]:
    """The words of a topic key that blocking uses (three or more letters/digits, lower case)."""
    return sorted(set(_TOKEN_RE.findall(topic_key.lower()))) if topic_key else []


def ledger_path(path: str | None) -> str:
    """The ledger file to use: the given path, else $FACTCHECK_LEDGER, else factcheck.db."""
    return path or os.environ.get(LEDGER_ENV) or DEFAULT_LEDGER
