"""The evaluator: stable finding ids, deterministic order, messages that say who said what and when."""

from __future__ import annotations

from factcheck.documents import read_text
from factcheck.engine import load_rules
from factcheck.models import DocumentMeta
from factcheck.pipeline import check_documents

RULES = {r.id: r for r in load_rules()}
SENTENCE = "Prison spending saw an increase from £7 billion to £6 billion."


def findings(*texts: str, rule: str = "change-endpoints"):
    docs = [read_text(t, doc_id=f"doc-{n}.txt", meta=DocumentMeta(source="debate", date="2019-05-01"))
            for n, t in enumerate(texts)]
    return check_documents(docs, rules=[RULES[rule]]).findings


def test_finding_id_survives_unrelated_edits_before_the_claims():
    [before] = findings(SENTENCE)
    [after] = findings("An unrelated opening paragraph was added here.\n\n" + SENTENCE)
    assert before.id == after.id
    assert before.id.startswith("change-endpoints:")


def test_finding_id_changes_when_the_evidence_changes():
    [a] = findings(SENTENCE)
    [b] = findings(SENTENCE.replace("£6 billion", "£5 billion"))
    assert a.id != b.id


def test_message_says_who_and_when_and_assumptions_are_filled():
    [f] = findings(SENTENCE)
    assert "£7 billion (debate, 2019-05-01)" in f.message
    assert f.assumptions and all(a.strip() for a in f.assumptions)


def test_findings_sorted_by_document_and_offset():
    docs = [read_text(t, doc_id=f"doc-{n}.txt") for n, t in
            enumerate(["Fine text.", "Costs saw a rise from £9 billion to £8 billion. " + SENTENCE, SENTENCE])]
    result = check_documents(docs, rules=[RULES["change-endpoints"]])
    claims = {c.id: c for c in result.claims}
    where = [(claims[f.claims[0]].doc, claims[f.claims[0]].start) for f in result.findings]
    assert len(where) == 3 and where == sorted(where)
    assert where[0][0] == "doc-1.txt"


def test_text_is_kept_only_when_a_rule_needs_it():
    text = "The pilot runs in the 4 coastal towns: Whitby, Scarborough, Filey, Bridlington and Redcar."
    assert len(findings(text, rule="list-count-mismatch")) == 1
    assert RULES["list-count-mismatch"].needs_text and not RULES["change-endpoints"].needs_text
