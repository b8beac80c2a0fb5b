"""Finding ids come from content, not paths: baselines and code-scanning alerts survive a moved folder."""

from __future__ import annotations

import json
import shutil

from conftest import ROOT

from factcheck.documents import read_text
from factcheck.engine import load_rules
from factcheck.models import DocumentMeta
from factcheck.pipeline import check_documents

RULES = {r.id: r for r in load_rules()}


def _ids(cli, *args: str) -> set[str]:
    run = cli("check", *args, "--as-of", "2024-12-01", "--format", "json", "--fail-on", "never")
    assert run.exit_code == 0, run.stderr
    return {f["id"] for f in json.loads(run.stdout)["findings"]}


def test_ids_unchanged_when_the_folder_is_renamed_or_given_as_an_absolute_path(cli, tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "statements")
    monkeypatch.chdir(tmp_path)
    relative = _ids(cli, "statements")
    assert relative
    (tmp_path / "statements").rename(tmp_path / "archive-2024")
    assert _ids(cli, "archive-2024") == relative
    assert _ids(cli, str(tmp_path / "archive-2024")) == relative
    monkeypatch.chdir(ROOT)
    assert _ids(cli, str(tmp_path / "archive-2024")) == relative


def test_the_same_sentence_in_two_documents_gives_two_findings_with_their_own_ids():
    sentence = "Ferry subsidies saw a fall from £30 million to £45 million last year."
    docs = [read_text(text, doc_id=name, meta=DocumentMeta(date="2021-02-01"))
            for name, text in (("a.txt", sentence), ("b.txt", "Our summary.\n\n" + sentence))]
    findings = check_documents(docs, rules=[RULES["change-endpoints"]]).findings
    assert len(findings) == 2 and len({f.id for f in findings}) == 2
    [alone] = check_documents(docs[:1], rules=[RULES["change-endpoints"]]).findings
    assert alone.id.startswith("change-endpoints:")
