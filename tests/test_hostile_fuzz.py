"""Fuzzing: every command on generated hostile input ends in seconds, within a memory cap, with exit
0, 1 or 2 and no traceback. Shapes are kept small: growth with size is benchmarks/bench_hostile.py's job."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.hostile_shapes import write_hostile_inputs
from factcheck.documents import read_text
from factcheck.engine import load_rules
from factcheck.pipeline import check_documents

ROOT = Path(__file__).resolve().parent.parent
MEMORY_CAP = 3 << 30  # address space of the process (workers included, each its own)
SECONDS = 240  # for every input of a command together, on a busy shared machine


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _factcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=SECONDS, preexec_fn=_limit_memory)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    write_hostile_inputs(folder / "inputs", n=200)
    return folder


@pytest.mark.parametrize("command", [
    ("extract", "inputs", "inputs/zero.txt", "--format", "jsonl", "--jobs", "1"),
    ("check", "inputs", "inputs/zero.txt", "--format", "json", "--jobs", "2"),
    ("check", "inputs", "inputs/zero.txt", "--format", "text", "--jobs", "1", "--as-of", "0001-01-01"),
    ("ledger", "add", "inputs", "inputs/zero.txt", "--ledger", "fuzz.db", "--jobs", "2"),
], ids=lambda c: " ".join(c[:2]) + " " + " ".join(c[-2:]))
def test_every_command_on_every_hostile_input_ends_cleanly(hostile, command):
    done = _factcheck(*command, cwd=hostile)
    assert done.returncode in (0, 1, 2), done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    problems = [line for line in done.stderr.splitlines() if line.strip()]
    named = {Path(json.loads(p)["error"]["path"]).name if p.startswith("{") else p.split(": ")[2].split(":")[0]
             for p in problems}
    names = {Path(n).name for n in named}
    # each unusable input is named, on a line of its own (the readable ones were processed)
    assert names == {"records.jsonl", "front-matter-bomb.md", "endless-line.jsonl.gz", "zero.txt", "binary.txt"}
    assert done.returncode == 2
    if command[0] == "extract":
        assert len({json.loads(line)["doc"] for line in done.stdout.splitlines()}) >= 10


VERIFY_SHAPES = ("opening-quotes", "control-characters", "sentences-on-one-line", "blank-lines", "table-rows")


def test_verify_a_draft_of_each_hostile_shape_it_reads(hostile):
    drafts = [d for d in sorted((hostile / "inputs").glob("text-*.txt")) if d.stem.endswith(VERIFY_SHAPES)]
    assert len(drafts) == len(VERIFY_SHAPES)
    for draft in drafts:
        done = _factcheck("verify", "--file", str(draft), "--corpus", str(ROOT / "seeds"), "--format", "json",
                          cwd=hostile)
        assert done.returncode in (0, 1, 2), (draft.name, done.stderr[-2000:])
        assert "Traceback" not in done.stderr, draft.name


RULES = load_rules()
# Text made of the characters the patterns care about: digits, currency, stops, quotes, brackets, qualifiers.
PIECES = st.sampled_from(["£", "$", "€", "1", "5,000", "2.5", "m", "bn", "%", " per cent", "million", "one in ",
                          "more than ", "nearly ", "from ", " to ", " and ", "between ", ".", "!", "?", "…", "“",
                          "”", "(", ")", "|", "\n", "\n\n", " ", "-", "–", "(3 years ago)", "Council", "the fund",
                          "rose", "fell", "by", "half", "two thirds", "per", "\t", "\x1b[31m", "::error::", "\ud7ff"])


@settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=400).map("".join))
def test_the_pipeline_never_raises_on_text_built_from_what_the_patterns_read(text):
    doc = read_text(text, "fuzz.txt", as_of=date(2024, 1, 1))
    result = check_documents([doc], rules=RULES)
    for claim in result.claims:
        assert doc.text[claim.start:claim.end] == claim.text


@settings(max_examples=40, deadline=5000)
@given(st.text(max_size=2000))
def test_the_pipeline_never_raises_on_any_text(text):
    if not text.strip():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return  # a lone surrogate is refused by the readers, never handed to the stages
    check_documents([read_text(text, "fuzz.txt", as_of=date(2024, 1, 1))], rules=RULES)
