"""verify: each verdict, each kind of figure change, quotes never said, and the CLI contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.ledger import Ledger
from factcheck.pipeline import record
from factcheck.verify import Verifier, corpus_ledger, find_quotes, normalise

ROADS = ("---\ndate: 2022-06-01\nspeaker: Jane Doe\nsource: Department for Transport\n---\n"
         "The department has committed £860m to resurfacing rural roads over the next four years. "
         "More than 1,000 miles of carriageway will be repaired, and 36 per cent of the work will be finished "
         "by next summer. We expect nearly one hundred councils to bid for the first round.\n")
HOUSING = ("---\ndate: 2023-01-10\nsource: Ministry of Housing\n---\n"
           "Our housing fund has provided £6 million to help first-time buyers in coastal towns. "
           "Since the scheme opened, 2,450 families have received support. Officials estimate that about 12% "
           "of applicants were turned away because the money ran out.\n")
WARDS = "The hospital trust hired 320 nurses in the spring and opened two new wards during the winter months.\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("record")
    for name, text in {"roads.md": ROADS, "housing.md": HOUSING, "wards.txt": WARDS}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def verifier(corpus) -> Verifier:
    return Verifier(corpus_ledger([str(corpus)]))


@pytest.mark.parametrize("quote", [
    "The department has committed £860m to resurfacing rural roads over the next four years.",
    "“the Department has committed £860m to resurfacing rural roads - over the next four years”",
    "The department has committed £860m ... over the next four years",
    "The department has committed £860m to resurfacing rural roads ... We expect nearly one hundred councils to bid",
    "Since the scheme opened 2,450 families have received support!",
])
def test_verbatim(verifier, quote):
    result = verifier.verify(quote)
    assert result.verdict == "verbatim", result
    assert result.differences == []


@pytest.mark.parametrize("quote", [
    "Over the next four years, the department has committed £860m to resurfacing rural roads.",  # reordered
    "The department has committed £860 million to resurfacing rural roads over the next four years.",
    "36% of the work will be finished by next summer, and more than 1,000 miles of carriageway repaired.",
    "The housing fund provided £6m to help first-time buyers in coastal towns.",
    # two sentences joined without marking what was left out between them
    "The department has committed £860m to resurfacing rural roads. We expect nearly one hundred councils to bid.",
])
def test_paraphrase_keeps_the_figures(verifier, quote):
    result = verifier.verify(quote)
    assert result.verdict == "paraphrase", result
    assert result.matches[0].confident


def test_number_words_equal_digits(verifier):
    result = verifier.verify("We expect nearly 100 councils to bid for the first round of funding.")
    assert result.verdict == "paraphrase", result


@pytest.mark.parametrize(("quote", "kind", "quoted", "recorded"), [
    ("The department has committed £680m to resurfacing rural roads over the next four years.",
     "value", "£680m", "£860m"),
    ("Our housing fund has provided £6 billion to help first-time buyers in coastal towns.",
     "scale", "£6 billion", "£6 million"),
    ("More than 100 miles of carriageway will be repaired, and 36 per cent of the work will be finished.",
     "value", "More than 100", "More than 1,000"),
    ("Under 1,000 miles of carriageway will be repaired, and 36 per cent of the work will be finished.",
     "qualifier", "Under 1,000", "More than 1,000"),
    ("Our housing fund has provided $6 million to help first-time buyers in coastal towns.",
     "unit", "$6 million", "£6 million"),
])
def test_figures_differ(verifier, quote, kind, quoted, recorded):
    result = verifier.verify(quote)
    assert result.verdict == "figures_differ", result
    assert [(d.kind, d.quoted.lower(), d.recorded.lower()) for d in result.differences] == [
        (kind, quoted.lower(), recorded.lower())]
    assert result.matches[0].doc.endswith(("roads.md", "housing.md"))


def test_more_than_versus_less_than(verifier):
    result = verifier.verify("Less than 1,000 miles of carriageway will be repaired, and 36 per cent finished.")
    assert [d.kind for d in result.differences] == ["qualifier"]


@pytest.mark.parametrize("quote", [
    "The department will build 40 new bridges across the Thames before the end of the decade.",
    "We will continue to work hard for people across the country over the next years.",
    "rural roads",  # too short to attribute, however well it matches
    "£860m",
    "the work will be finished",
])
def test_never_a_confident_wrong_source(verifier, quote):
    result = verifier.verify(quote)
    assert result.verdict == "not_found", result
    assert not any(m.confident for m in result.matches)


def test_match_carries_its_source_and_slices_the_document(verifier, corpus):
    result = verifier.verify("More than 1,000 miles of carriageway will be repaired")
    best = result.matches[0]
    assert (best.speaker, best.source, best.date) == ("Jane Doe", "Department for Transport", "2022-06-01")
    body = ROADS.split("---\n", 2)[2]
    assert body[best.start:best.end] == best.passage
    assert best.score >= 90 and best.line == 6  # the file's line: 5 lines of front matter come first


def test_ledger_and_corpus_agree(tmp_path, corpus):
    db = tmp_path / "l.db"
    with Ledger(db, create=True) as ledger:
        list(record([str(corpus)], ledger))
    with Ledger(db) as ledger:
        result = Verifier(ledger).verify("Our housing fund has provided £6 billion to help first-time buyers")
    assert result.verdict == "figures_differ"


def test_cli_single_quote_json(cli, corpus):
    run = cli("verify", "The department has committed £680m to resurfacing rural roads over the next four years",
              "--corpus", str(corpus), "--format", "json")
    assert run.exit_code == 1, run.stderr
    data = json.loads(run.stdout)
    assert {"quote", "verdict", "matches", "differences"} <= set(data)
    assert data["verdict"] == "figures_differ"
    assert (data["differences"][0]["quoted"], data["differences"][0]["recorded"]) == ("£680m", "£860m")
    assert {"doc", "start", "end", "passage", "source", "speaker", "date", "score"} <= set(data["matches"][0])


def test_cli_text_marks_the_differing_figures(cli, corpus):
    run = cli("verify", "Our housing fund has provided £6 billion to help first-time buyers in coastal towns",
              "--corpus", str(corpus))
    assert run.exit_code == 1
    assert "quoted:   Our housing fund has provided [£6 billion]" in run.stdout
    assert "recorded: Our housing fund has provided [£6 million]" in run.stdout
    assert "housing.md:5" in run.stdout


def test_cli_article(cli, corpus, tmp_path):
    article = tmp_path / "draft.md"
    article.write_text(
        "---\ntitle: \"Minister pledges money for rural roads over four years\"\n---\n"
        "# Roads\n\nThe minister said: “The department has committed £860m to resurfacing rural roads over the "
        "next four years.”\nShe called it \"levelling up\".\n", encoding="utf-8")
    run = cli("verify", "--file", str(article), "--corpus", str(corpus))
    assert run.exit_code == 0, run.stdout + run.stderr
    assert "verbatim" in run.stdout and "skipped: too short" in run.stdout

    article.write_text(article.read_text() + "A source added: \"Officials estimate that about 21% of applicants "
                       "were turned away because the money ran out.\" Another: ‘Every lighthouse in Wales will "
                       "get a new lamp and 14 keepers by the spring of next year.’\n", encoding="utf-8")
    run = cli("verify", "--file", str(article), "--corpus", str(corpus), "--format", "json")
    assert run.exit_code == 1
    data = json.loads(run.stdout)
    assert [(q["line"], q["verdict"]) for q in data["quotes"]] == [
        (6, "verbatim"), (8, "figures_differ"), (8, "not_found")]  # the title in front matter is no quote
    assert data["skipped"][0]["quote"] == "levelling up"


@pytest.mark.parametrize("args", [
    ["verify"],  # neither quote nor --file
    ["verify", "a quote", "--file", "x.md"],
    ["verify", "--file", "missing.md", "--corpus", "."],
    ["verify", "some words of a quote here", "--corpus", "no/such/dir"],
    ["verify", "some words of a quote here", "--ledger", "no-such.db"],
])
def test_cli_bad_input_exit_2(cli, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = cli(*args)
    assert run.exit_code == 2, run
    assert run.stderr.startswith("factcheck: error:")


def test_find_quotes_ignores_apostrophes():
    text = "He didn’t say ‘we’ll fund 40 schools’ but he did say “we fund 30” and \"we fund 20\"."
    assert [q for _, q in find_quotes(text)] == ["we’ll fund 40 schools", "we fund 30", "we fund 20"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_quote_gets_a_verdict_without_raising(verifier, quote):
    result = verifier.verify(quote)
    assert result.verdict in ("verbatim", "paraphrase", "figures_differ", "not_found")


@given(st.text(max_size=300), st.text(alphabet=",.;:!?'\"“”‘’()- \n", max_size=5))
def test_normalising_ignores_punctuation_case_and_digits(text, punctuation):
    norm = normalise(text)
    assert normalise(norm) == norm  # idempotent
    assert "  " not in norm and norm == norm.strip()
    assert normalise(text.upper() + punctuation) == normalise(text.upper())
    assert normalise("Spent £860m, on 40 “new” schools") == normalise("spent £680m on 10 new schools!")


def test_round_figures_are_not_loose_matches(tmp_path):
    record = tmp_path / "care.txt"
    record.write_text("The discharge fund adds an extra £600 million this year and £1 billion next year for "
                      "councils and care boards.\n", encoding="utf-8")
    verifier = Verifier(corpus_ledger([str(record)]))
    result = verifier.verify("The discharge fund adds an extra £900 million this year and £1 billion next year "
                             "for councils and care boards.")
    assert result.verdict == "figures_differ"
    assert [(d.quoted, d.recorded) for d in result.differences] == [("£900 million", "£600 million")]


@pytest.mark.parametrize(("quote", "verdict"), [
    ("Since the scheme opened, 2,450 families ... received support.", "verbatim"),  # the noun elided
    ("Since the scheme opened, 2,450 households have received support.", "figures_differ"),  # another noun
])
def test_counted_nouns(verifier, quote, verdict):
    result = verifier.verify(quote)
    assert result.verdict == verdict, result


def test_a_changed_figure_pairs_with_the_one_in_its_place():
    from factcheck.verify import _figures, compare_figures
    quote = "This includes an extra £7 million this year for home care visits"
    passage = ("The council has committed at least £16 million to care overall. This includes an extra £6 million "
               "this year for home care visits.")
    differences = compare_figures(_figures(quote), _figures(passage), quote, passage)
    assert [(d.kind, d.quoted, d.recorded) for d in differences] == [("value", "£7 million", "£6 million")]


def test_cli_text_golden(cli, corpus):
    run = cli("verify", "Our housing fund has provided £6 billion to help first-time buyers in coastal towns.",
              "--corpus", str(corpus))
    assert run.exit_code == 1
    assert run.stdout.replace(str(corpus), "REC") == (
        "figures differ: the passage is on record with other figures\n"
        "  quoted:   Our housing fund has provided [£6 billion] to help first-time buyers in coastal towns.\n"
        "  recorded: Our housing fund has provided [£6 million] to help first-time buyers in coastal towns.\n"
        "  source:   REC/housing.md:5 (ledger document 1) — Ministry of Housing, 2023-01-10 (score 99)\n"
        "  differs:  £6 billion quoted, £6 million on record: a different scale (thousand/million/billion)\n")


SENTENCES = [
    "The department has committed £860m to resurfacing rural roads over the next four years.",
    "Officials estimate that about 12% of applicants were turned away because the money ran out.",
    "The hospital trust hired 320 nurses in the spring and opened two new wards during the winter months.",
]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(SENTENCES), st.sampled_from(["upper", "lower", "curly", "no-commas", "spaces", "dash"]))
def test_typography_never_changes_a_verbatim_verdict(verifier, sentence, style):
    quote = {"upper": sentence.upper(), "lower": sentence.lower(), "curly": f"“{sentence}”",
             "no-commas": sentence.replace(",", ""), "spaces": sentence.replace(" ", "  "),
             "dash": sentence.replace(" the ", " – the ", 1)}[style]
    result = verifier.verify(quote)
    assert result.verdict == "verbatim", (quote, result)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(SENTENCES), st.integers(min_value=1, max_value=9))
def test_any_changed_digit_is_a_figure_difference(verifier, sentence, shift):
    digit = next(i for i, ch in enumerate(sentence) if ch.isdigit())
    changed = sentence[:digit] + str((int(sentence[digit]) + shift) % 10) + sentence[digit + 1:]
    result = verifier.verify(changed)
    assert result.verdict == "figures_differ", (changed, result)
    assert result.differences[0].kind in ("value", "scale")


def test_match_line_is_the_file_line_of_a_front_matter_statement(cli, tmp_path):
    import json

    md = tmp_path / "release.md"
    md.write_text("---\ndate: 2023-06-01\nspeaker: Minister for Ports\n---\nA short intro.\n\n"
                  "The Port Resilience Fund will invest £48 million in eleven harbours over four years.\n")
    run = cli("verify", "The Port Resilience Fund will invest £48 million in eleven harbours",
              "--corpus", str(md), "--format", "json")
    best = json.loads(run.stdout)["matches"][0]
    assert md.read_text().splitlines()[best["line"] - 1].startswith("The Port Resilience Fund")
