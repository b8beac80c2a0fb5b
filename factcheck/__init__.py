"""factcheck: check that the numbers in public statements agree with each other.

Library API (the CLI is a thin layer over these):

    from factcheck import read_text, extract_claims, check
    claims = extract_claims(read_text("The fund has supported over 50 projects."))

    from factcheck import Ledger, Verifier, record
    with Ledger("factcheck.db", create=True) as ledger:
        list(record(["statements/"], ledger))          # store documents and their claims
        print(Verifier(ledger).verify("the fund has backed more than 50 projects").verdict)
"""

from .config import Settings, load_settings
from .documents import iter_documents, read_text
from .engine import evaluate_rules, load_rules
from .errors import ExitCode, FactcheckError, InputError, LedgerError, RuleFileError, UsageError
from .extract import extract_claims
from .ledger import Ledger
from .models import CheckResult, Claim, Document, Finding, Group
from .pipeline import check, extract_documents, record
from .verify import Verifier

__version__ = "0.1.0"

__all__ = [
    "CheckResult", "Claim", "Document", "ExitCode", "FactcheckError", "Finding", "Group", "InputError",
    "Ledger", "LedgerError", "RuleFileError", "Settings", "UsageError", "Verifier", "check", "evaluate_rules",
    "extract_claims", "extract_documents", "iter_documents", "load_rules", "load_settings", "read_text", "record",
]
