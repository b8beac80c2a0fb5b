"""verify --file reads a draft as a person does: every quotation, wrapped or not, in a block quote or not."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.verify import Verifier, corpus_ledger, scan_quotes

RECORD = {
    "ferries.md": ("---\ndate: 2021-03-04\nsource: Island Transport Board\n---\n"
                   "The board will spend £52 million on four hybrid ferries for the northern isles over six "
                   "years. Crossings to the smaller islands will rise from 14 a week to 21 a week once the "
                   "vessels enter service, and fares for residents will be frozen until 2026.\n"),
    "libraries.txt": ("Volunteers now run 37 of the county's 112 branch libraries, and the council expects "
                      "opening hours to fall by about 15% at the others during the summer.\n"),
}

# A draft of my own: one quotation verbatim, one with a changed figure, one never said, one paraphrased,
# one scare quote; each long enough to wrap.
PARAGRAPHS = [
    "The chair of the board told islanders that “the board will spend £52 million on four hybrid ferries "
    "for the northern isles over six years”, a promise repeated at the meeting.",
    "Later the board said \"crossings to the smaller islands will rise from 14 a week to 28 a week once the "
    "vessels enter service\", although officials were more cautious in private.",
    "A councillor added: ‘every branch library in the county will stay open seven days a week from next "
    "spring, with 40 new librarians’ - a claim nobody else has made.",
    "> Volunteers now run 37 of the county's 112 branch libraries, and the council thinks opening hours "
    "to fall by about 15% at the others",
    "Critics called the plan \"a lifeline\" for remote communities.",
]
EXPECTED = ["verbatim", "figures_differ", "not_found", "paraphrase"]


@pytest.fixture(scope="module")
def record(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("record")
    for name, text in RECORD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def verifier(record) -> Verifier:
    return Verifier(corpus_ledger([str(record)]))


def _verdicts(cli, draft: Path, record: Path) -> tuple[int, list[tuple[str, str]], list[str]]:
    run = cli("verify", "--file", str(draft), "--corpus", str(record), "--format", "json")
    data = json.loads(run.stdout)
    return (run.exit_code, [(" ".join(q["quote"].split()), q["verdict"]) for q in data["quotes"]],
            [s["quote"] for s in data["skipped"]])


def test_unwrapped_draft_gets_every_verdict(cli, record, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    code, verdicts, skipped = _verdicts(cli, draft, record)
    assert [v for _, v in verdicts] == EXPECTED
    assert skipped == ["a lifeline"]
    assert code == 1


@settings(max_examples=12, deadline=None)
@given(width=st.integers(min_value=24, max_value=110), indent=st.sampled_from(["", "  "]))
def test_hard_wrapping_never_changes_a_verdict(record, tmp_path_factory, width, indent):
    folder = tmp_path_factory.mktemp("drafts")
    flat, wrapped = folder / "flat.md", folder / "wrapped.md"
    flat.write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    wrapped_paragraphs = []
    for p in PARAGRAPHS:
        quoted = p.startswith("> ")
        body = textwrap.fill(p[2:] if quoted else p, width=width, break_on_hyphens=False,
                             break_long_words=False, subsequent_indent=indent)
        wrapped_paragraphs.append("\n".join("> " + line for line in body.split("\n")) if quoted else body)
    wrapped.write_text("\n\n".join(wrapped_paragraphs) + "\n", encoding="utf-8")
    assert _verdicts(run_cli, wrapped, record) == _verdicts(run_cli, flat, record)


def test_quotations_as_a_reader_sees_them():
    draft = ("# A \"heading\" stands alone\n\n"
             "He said \"we will build\n   forty homes\" and ‘we’ll stop’ but not the '90s or 5'10\" men.\n\n"
             "> “A block quote that\n> wraps over lines”\n\n"
             "```\nprint(\"code is not prose\")\n```\n")
    found, unclosed = scan_quotes(draft)
    assert [(q.line, q.text) for q in found] == [
        (1, "heading"), (3, "we will build forty homes"), (4, "we’ll stop"),
        (6, "A block quote that wraps over lines")]
    assert unclosed == []


def test_a_quotation_continued_in_the_next_paragraph_is_one_quotation():
    draft = "“The first paragraph of a long speech\n\n“and the second, where it ends.”\n"
    found, unclosed = scan_quotes(draft)
    assert [q.text for q in found] == ["The first paragraph of a long speech and the second, where it ends."]
    assert unclosed == []


def test_unclosed_quotation_is_reported_with_its_line(cli, record, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("Intro.\n\nThe board said “the board will spend £52 million on four\nhybrid ferries.\n\n"
                     "Then a new paragraph with no closing mark.\n", encoding="utf-8")
    found, unclosed = scan_quotes(draft.read_text())
    assert found == [] and [(u.line, u.column, u.mark) for u in unclosed] == [(3, 16, "“")]
    run = cli("verify", "--file", str(draft), "--corpus", str(record))
    assert run.exit_code == 1
    assert "draft.md:3:16: quotation opened with “ is never closed" in run.stdout


def test_many_unclosed_quotes_are_each_reported_once():
    found, unclosed = scan_quotes("x “" * 5000 + "\n\nA new paragraph.\n")
    assert found == [] and len(unclosed) == 5000
    assert [u.column for u in unclosed[:3]] == [3, 6, 9]


def test_paraphrase_shows_which_words_differ(verifier):
    result = verifier.verify("The board is to spend £52 million on four hybrid ferries for the northern isles "
                             "over six years.")
    assert result.verdict == "paraphrase"
    assert [(w.quoted, w.recorded) for w in result.wording] == [("is to", "will")]


def test_as_of_dates_relative_headers(cli, tmp_path):
    statement = tmp_path / "notes.txt"
    statement.write_text("(2 years ago)\nThe trust opened 9 new maternity units across the region last year, "
                         "the largest expansion in a decade.\n", encoding="utf-8")
    quote = "The trust opened 9 new maternity units across the region last year"
    run = cli("verify", quote, "--corpus", str(statement), "--as-of", "2020-06-30", "--format", "json")
    assert json.loads(run.stdout)["matches"][0]["date"].startswith("2018")
    run = cli("verify", quote, "--corpus", str(statement), "--as-of", "2020-02-31")
    assert run.exit_code == 2 and "--as-of" in run.stderr


def test_paths_are_shown_relative_to_the_working_directory(cli, record, tmp_path, monkeypatch):
    monkeypatch.chdir(record.parent)
    run = cli("verify", "Volunteers now run 37 of the county's 112 branch libraries",
              "--corpus", str(record.resolve()))
    assert f"source:   {record.name}/libraries.txt:1 " in run.stdout, run.stdout
