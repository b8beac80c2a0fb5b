"""Property tests: whatever the text, passages slice it cleanly and the ledger gives back the claims it got."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import read_text
from factcheck.ledger import Ledger, split_passages
from factcheck.pipeline import document_claims

WORDS = st.sampled_from(["the", "fund", "spent", "£4.7m", "on", "12", "schools", "about", "40%", "nearly",
                         "one hundred", "projects", "in", "2019", "more than", "3,500", "people", ".", ",", "\n\n",
                         "“", "”", "…", "billion", "per cent", "up", "from", "to"])


@given(st.text(max_size=400))
def test_passages_are_ordered_trimmed_slices(text):
    spans = split_passages(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and any(ch.isalnum() for ch in piece)
        previous_end = end


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=60).map(" ".join))
def test_ledger_gives_back_the_claims_it_stored(text):
    if not text.strip():
        return
    doc = read_text(text, doc_id="statement.txt")
    claims = document_claims(doc)
    with Ledger(":memory:") as ledger:
        outcome = ledger.add(doc, claims)
        assert outcome.added and not ledger.add(doc, claims).added  # the same text is stored once
        assert list(ledger.claims(outcome.document_id)) == claims
        for passage_id in range(1, ledger.stats()["passages"] + 1):
            row = ledger.conn.execute('SELECT start, "end", text FROM passages WHERE id = ?', (passage_id,)).fetchone()
            assert text[row[0]:row[1]] == row[2]
