"""Topic keys singularise with inflect's rules and exceptions, and `ledger rebuild` takes stored keys along."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import topics
from factcheck.ledger import Ledger
from factcheck.pipeline import record
from factcheck.topics import singular, topic_key


@pytest.mark.parametrize(("plural", "expected"), [
    ("buses", "bus"), ("bus", "bus"), ("series", "series"), ("species", "species"), ("women", "woman"),
    ("woman", "woman"), ("children", "child"), ("bursaries", "bursary"), ("gases", "gas"), ("gas", "gas"),
    ("bias", "bias"), ("analysis", "analysis"), ("analyses", "analysis"), ("news", "news"),
    ("lives", "life"), ("potatoes", "potato"), ("criteria", "criterion"), ("ferries", "ferry"),
    ("specimen", "specimen"), ("chairmen", "chairman"), ("economics", "economics"), ("classes", "class"),
])
def test_singular(plural: str, expected: str) -> None:
    assert singular(plural) == expected


def test_plural_and_singular_share_a_key() -> None:
    assert topic_key("free buses for older women") == topic_key("free bus for older woman")
    assert topic_key("the TV series budget") == topic_key("TV series budget")


@given(st.from_regex(r"[a-z]{1,12}", fullmatch=True))
def test_singular_is_idempotent(word: str) -> None:
    assert singular(singular(word)) == singular(word)


def _old_singular(word: str) -> str:
    """The hand-written rule before inflect ("buses" -> "buse")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def test_ledger_rebuild_moves_stored_claims_to_the_new_keys(tmp_path, monkeypatch, cli) -> None:
    statement = tmp_path / "transport.md"
    statement.write_text("---\ndate: 2023-05-02\nsource: County transport board\n---\n"
                         "The county will spend £4 million on electric buses for rural routes.\n", encoding="utf-8")
    db = str(tmp_path / "l.db")
    monkeypatch.setattr(topics, "singular", _old_singular)  # as stored by an older factcheck
    with Ledger(db, create=True) as store:
        list(record([str(statement)], store))
        assert any("buse" in (c.topic_key or "").split() for c in store.claims())
    monkeypatch.undo()
    run = cli("ledger", "rebuild", "--ledger", db)
    assert run.exit_code == 0, run.stderr
    with Ledger(db) as store:
        keys = [c.topic_key or "" for c in store.claims()]
        assert any("bus" in k.split() for k in keys) and not any("buse" in k.split() for k in keys), keys
        fresh = [c.model_copy(update={"id": "new:1", "doc": "new.md"}) for c in store.claims() if c.topic_key]
        assert store.candidate_claims(fresh)  # `check --ledger` finds the stored claims by the new key
