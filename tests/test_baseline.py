"""Baselines (accept known findings, report new ones) and the progress bar's promise to stay off stdout."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from render_fixture import build_result

from factcheck.baseline import filter_new, load_baseline, write_baseline
from factcheck.errors import InputError
from factcheck.models import Finding
from factcheck.progress import progress


def test_round_trip_and_only_new_findings_remain(tmp_path: Path) -> None:
    result = build_result()
    path = tmp_path / "baseline.json"
    assert write_baseline(path, result) == 3
    known = load_baseline(path)
    assert known == {f.id for f in result.findings}
    new = Finding(id="changed-total:ffffffffffff", rule="changed-total", severity="warning", message="new", claims=[])
    assert filter_new([*result.findings, new], known) == [new]


def test_baseline_file_is_sorted_and_readable(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, build_result())
    text = path.read_text(encoding="utf-8")
    assert text.index("changed-total:") < text.index("cumulative-count-fell:") < text.index("differing-change:")
    assert '"message": "Community Diagnostics Fund is given as £100 million' in text


@pytest.mark.parametrize(("content", "expected"), [
    (None, "baseline not found"),
    ("{not json", "baseline is not valid JSON"),
    ('{"findings": []}', "not a factcheck baseline"),
    ('{"factcheck_baseline": 1, "findings": [{"rule": "x"}]}', "must be a list of objects with an \"id\""),
    (b"\xff\xfe\x00", "not UTF-8"),
])
def test_bad_baseline_is_one_line_input_error(tmp_path: Path, content: str | bytes | None, expected: str) -> None:
    path = tmp_path / "baseline.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_baseline(path)
    rendered = info.value.render()
    assert expected in rendered and str(path) in rendered and "\n" not in rendered


ids = st.text(alphabet="abcdef0123456789-:", min_size=1, max_size=12)


@given(st.lists(ids, unique=True), st.data())
def test_filter_new_is_exactly_the_findings_outside_the_baseline(all_ids: list[str], data) -> None:
    known = set(data.draw(st.lists(st.sampled_from(all_ids), unique=True))) if all_ids else set()
    findings = [Finding(id=i, rule="r", severity="info", message="m", claims=[]) for i in all_ids]
    assert [f.id for f in filter_new(findings, known)] == [i for i in all_ids if i not in known]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_when_stderr_is_not_a_terminal(monkeypatch) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert list(progress(range(5), desc="reading")) == [0, 1, 2, 3, 4]
    assert err.getvalue() == ""


def test_progress_draws_on_a_terminal_stderr(monkeypatch, capsys) -> None:
    err = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert list(progress(range(3), desc="reading", total=3)) == [0, 1, 2]
    assert "reading" in err.getvalue()
    assert capsys.readouterr().out == ""  # never on stdout
