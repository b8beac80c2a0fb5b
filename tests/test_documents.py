"""Reading inputs through the CLI: every format works, and every bad input is one clear line, exit 2,
no traceback, while the other inputs of the same run are still processed."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest

from factcheck import extract_claims
from factcheck.documents import iter_documents
from factcheck.errors import InputError


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text("The county funded 40 schools.\n", encoding="utf-8")
    return path


def values(stdout: str) -> list[float]:
    return [json.loads(line)["value"] for line in stdout.splitlines() if line.strip()]


def error_of(run) -> dict:
    """The structured error a machine-format run writes to stderr."""
    return json.loads(run.stderr)["error"]


def test_text_mode_error_reads_path_colon_line(cli, tmp_path):
    records = tmp_path / "answers.jsonl"
    records.write_text('{"id": "a", "text": "We built 12 bridges."}\n{oops\n', encoding="utf-8")
    run = cli("extract", str(records), "--format", "csv")
    assert run.exit_code == 2
    assert run.stderr.startswith(f"factcheck: error: {records}:2: malformed JSON")
    assert "12.0" in run.stdout


def assert_one_error_and_good_processed(run, *needles: str) -> None:
    assert run.exit_code == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    for needle in needles:
        assert needle in lines[0]
    assert 40.0 in values(run.stdout)  # the good file was still read


@pytest.mark.parametrize(("name", "content", "needle"), [
    ("binary.txt", b"\x00\x01\x02\x03 PNG-ish", "binary"),
    ("latin1.txt", "caf\u00e9 sold 12 cakes".encode("latin-1"), "UTF-8"),
    ("empty.txt", b"", "empty"),
    ("blank.md", b"   \n\n", "empty"),
    ("unclosed.md", b"---\ntitle: x\nWe hired 5 nurses.\n", "never closed"),
    ("badyaml.md", b"---\ntitle: [oops\n---\nWe hired 5 nurses.\n", "YAML"),
    ("baddate.md", b"---\ntitle: Note\ndate: 2023-02-30\n---\nWe hired 5 nurses.\n", "2023-02-30"),
    ("notgzip.jsonl.gz", b"this is not gzip", "compressed"),
])
def test_bad_file_is_one_line_and_others_are_processed(cli, tmp_path, good, name, content, needle):
    bad = tmp_path / name
    bad.write_bytes(content)
    run = cli("extract", str(bad), str(good), "--format", "jsonl", "--as-of", "2024-01-01")
    assert_one_error_and_good_processed(run, name, needle)


def test_impossible_front_matter_date_names_its_line(cli, tmp_path, good):
    bad = tmp_path / "note.md"
    bad.write_text("---\ntitle: Note\ndate: 2023-02-30\n---\nWe hired 5 nurses.\n", encoding="utf-8")
    run = cli("extract", str(bad), str(good), "--format", "jsonl")
    assert_one_error_and_good_processed(run, "2023-02-30")
    assert (error_of(run)["path"], error_of(run)["line"]) == (str(bad), 3)


def test_malformed_json_line_names_file_and_line_and_keeps_the_other_records(cli, tmp_path, good):
    records = tmp_path / "answers.jsonl"
    records.write_text('{"id": "a", "text": "We built 12 bridges."}\n{"id": "b", "text": \n'
                       '{"id": "c", "text": "We dug 7 tunnels."}\n', encoding="utf-8")
    run = cli("extract", str(records), str(good), "--format", "jsonl")
    assert_one_error_and_good_processed(run, "JSON")
    assert (error_of(run)["path"], error_of(run)["line"]) == (str(records), 2)
    assert values(run.stdout) == [12.0, 7.0, 40.0]


def test_record_without_text_is_reported(cli, tmp_path, good):
    records = tmp_path / "answers.jsonl"
    records.write_text('{"id": "a", "body": "no text field"}\n', encoding="utf-8")
    run = cli("extract", str(records), str(good), "--format", "jsonl")
    assert_one_error_and_good_processed(run, "text")
    assert (error_of(run)["path"], error_of(run)["line"]) == (str(records), 1)


def test_missing_path(cli, tmp_path, good):
    run = cli("extract", str(tmp_path / "absent.txt"), str(good), "--format", "jsonl")
    assert_one_error_and_good_processed(run, "absent.txt", "no such file")


def test_directory_without_documents(cli, tmp_path, good):
    empty = tmp_path / "nothing"
    empty.mkdir()
    run = cli("extract", str(empty), str(good), "--format", "jsonl")
    assert_one_error_and_good_processed(run, "nothing")


def test_impossible_as_of_is_a_usage_error(cli, good):
    run = cli("extract", str(good), "--as-of", "2024-13-40")
    assert run.exit_code == 2
    assert "2024-13-40" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_json_mode_errors_are_json_on_stderr(cli, tmp_path, good):
    run = cli("extract", str(tmp_path / "absent.txt"), str(good), "--format", "json")
    assert run.exit_code == 2
    error = json.loads(run.stderr)["error"]
    assert error["path"].endswith("absent.txt")


def test_stdin_is_read(cli):
    run = cli("extract", "-", "--format", "jsonl", input="Officers made 310 arrests.\n")
    assert run.exit_code == 0
    assert values(run.stdout) == [310.0]


def test_directories_are_read_recursively_in_order(cli, tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("We planted 11 trees.", encoding="utf-8")
    (tmp_path / "b" / "c.md").write_text("---\ndate: 2020-05-01\n---\nWe opened 3 parks.", encoding="utf-8")
    (tmp_path / "b" / "skip.csv").write_text("1,2,3", encoding="utf-8")
    run = cli("extract", str(tmp_path), "--format", "jsonl")
    assert run.exit_code == 0
    claims = [json.loads(line) for line in run.stdout.splitlines()]
    assert [(c["value"], c["date"]) for c in claims] == [(11.0, None), (3.0, "2020-05-01")]


def test_gzipped_json_lines_with_metadata(tmp_path):
    path = tmp_path / "answers.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "q1", "text": "Answered (2024-03)\n\nWe trained 80 nurses.",
                              "date_answered": "", "addressee": "Health"}) + "\n")
        out.write(json.dumps({"id": "q2", "text": "   "}) + "\n")  # blank statements are skipped
    docs = list(iter_documents([str(path)], as_of=date(2025, 1, 1)))
    assert [d.id for d in docs] == [f"{path}#q1"]
    assert docs[0].meta.source == "Health"
    assert docs[0].sections[0].date == "2024-03"


def test_library_raises_input_error_without_a_problem_list(tmp_path):
    with pytest.raises(InputError):
        list(iter_documents([str(tmp_path / "absent.txt")], as_of=date(2025, 1, 1)))


def test_windows_line_endings_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Staffing note\r\nWe hired 4 wardens.\r\n")
    [doc] = iter_documents([str(path)], as_of=date(2025, 1, 1))
    assert "\r" not in doc.text
    [claim] = extract_claims(doc)
    assert (claim.line, claim.column, doc.text[claim.start:claim.end]) == (2, 10, "4")


def test_claim_lines_count_front_matter_so_annotations_land_on_the_file_line(tmp_path):
    from factcheck import extract_claims, iter_documents

    md = tmp_path / "statement.md"
    md.write_text("---\ndate: 2021-04-01\nspeaker: A Minister\n---\nIntro line.\n\nWe opened 12 new clinics.\n")
    [doc] = iter_documents([str(md)], date(2024, 1, 1))
    [claim] = extract_claims(doc)
    file_lines = md.read_text().splitlines()
    assert file_lines[claim.line - 1][claim.column - 1:].startswith("12 new clinics")
    assert doc.text[claim.start:claim.end] == claim.text  # offsets stay in the body
