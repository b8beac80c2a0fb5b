"""Baselines: accept today's findings once, then report only new ones (`check --baseline FILE`).

A baseline is a small JSON file of finding ids (with rule and message so a reviewer can read it).
Finding.id is stable across unrelated edits, so a known finding stays known after a document changes
elsewhere; a finding whose claims change gets a new id and is reported again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError
from .models import CheckResult, Finding

BASELINE_VERSION = 1


def write_baseline(path: str | Path, result: CheckResult) -> int:
    """Record every finding of `result` in `path`; returns how many were written."""
    entries = sorted(({"id": f.id, "rule": f.rule, "message": f.message} for f in result.findings),
                     key=lambda e: e["id"])
    unique = list({e["id"]: e for e in entries}.values())
    # The documents seen, so a later run with --baseline knows which text is new (and points findings at it).
    documents = sorted({d.sha256 for d in result.documents})
    data = {"factcheck_baseline": BASELINE_VERSION, "findings": unique, "documents": documents}
    try:
        Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write baseline: {exc.strerror}", path=str(path)) from None
    return len(unique)


def load_baseline(path: str | Path) -> frozenset[str]:
    """The finding ids recorded in `path`; a missing or malformed file is a one-line InputError."""
    return load_baseline_with_documents(path)[0]


def load_baseline_with_documents(path: str | Path) -> tuple[frozenset[str], frozenset[str]]:
    """(finding ids, SHA-256 of the documents seen) recorded in `path` (older baselines have no documents)."""
    hint = "write one with --write-baseline"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("baseline not found", path=str(path), hint=hint) from None
    except OSError as exc:
        raise InputError(f"cannot read baseline: {exc.strerror}", path=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("baseline is not UTF-8 text", path=str(path), hint=hint) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"baseline is not valid JSON: {exc.msg}", path=str(path), line=exc.lineno,
                         hint=hint) from None
    except RecursionError:
        raise InputError("baseline JSON is nested too deeply", path=str(path), hint=hint) from None
    except ValueError as exc:  # an integer past the interpreter's digit limit
        raise InputError(f"baseline holds an unusable JSON value: {str(exc).split(';')[0]}", path=str(path),
                         hint=hint) from None
    if not isinstance(data, dict) or data.get("factcheck_baseline") != BASELINE_VERSION:
        raise InputError(f"not a factcheck baseline (expected \"factcheck_baseline\": {BASELINE_VERSION})",
                         path=str(path), hint=hint)
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(isinstance(e, dict) and isinstance(e.get("id"), str)
                                                 for e in findings):
        raise InputError("baseline \"findings\" must be a list of objects with an \"id\"", path=str(path),
                         hint=hint)
    documents = data.get("documents", [])
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        raise InputError("baseline \"documents\" must be a list of SHA-256 strings", path=str(path), hint=hint)
    return frozenset(e["id"] for e in findings), frozenset(documents)


def filter_new(findings: Iterable[Finding], baseline: frozenset[str] | set[str]) -> list[Finding]:
    """The findings not recorded in the baseline, in their original order."""
    return [f for f in findings if f.id not in baseline]
