"""The SQLite ledger of everything said before: documents, claims and a full-text index of passages.

    from factcheck.ledger import Ledger
    with Ledger("factcheck.db", create=True) as ledger:
        ...

See store.py for the schema and guarantees, migrations.py for how the schema evolves.
"""

from ..text.passages import split_passages
from .migrations import MIGRATIONS, migrate
from .store import DEFAULT_LEDGER, LEDGER_ENV, AddOutcome, Ledger, Passage, StoredDocument, ledger_path

__all__ = ["DEFAULT_LEDGER", "LEDGER_ENV", "MIGRATIONS", "AddOutcome", "Ledger", "Passage", "StoredDocument",
           "ledger_path", "migrate", "split_passages"]
