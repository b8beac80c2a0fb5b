"""A small mixed corpus for the scale tests (--jobs, --engine dask): every input kind, some bad."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SENTENCES = [
    "The trust spent £{n}m on {k} new ambulances last year.",
    "Waiting lists fell by {p}% after more than {k} extra clinics opened.",
    "Nearly {k} pupils took the test, and about {p} per cent passed.",
    "The council set aside £{n} million for {k} bridges.",
    "Attendance rose {p} percentage points to {q}%.",
]


def _text(seed: int, sentences: int = 6) -> str:
    parts = []
    for i in range(sentences):
        template = SENTENCES[(seed + i) % len(SENTENCES)]
        parts.append(template.format(n=seed % 97 + i, k=(seed * 7 + i) % 900 + 3, p=(seed + i) % 40 + 1,
                                     q=(seed * 3 + i) % 90 + 5))
    return " ".join(parts)


def write_corpus(tmp_path: Path) -> list[str]:
    """Plain text, front matter, JSONL with a bad line, gzip JSONL, an empty file and a missing path."""
    (tmp_path / "notes").mkdir()
    for i in range(5):
        (tmp_path / "notes" / f"n{i}.txt").write_text(_text(i), encoding="utf-8")
    (tmp_path / "notes" / "release.md").write_text(
        "---\ndate: 2021-06-04\nsource: Ministry of Roads\n---\n" + _text(11), encoding="utf-8")
    (tmp_path / "notes" / "empty.txt").write_text("  \n", encoding="utf-8")
    lines = [json.dumps({"id": f"r{i}", "date": f"2022-03-{i % 27 + 1:02d}", "text": _text(i + 20)}) for i in range(30)]
    lines.insert(7, "{not json")
    lines.insert(12, "")
    (tmp_path / "answers.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(tmp_path / "more.jsonl.gz", "wt", encoding="utf-8") as out:
        for i in range(40):
            out.write(json.dumps({"id": i, "text": _text(i + 60, 3)}) + "\n")
    return [str(tmp_path / "notes"), str(tmp_path / "answers.jsonl"), str(tmp_path / "missing.txt"),
            str(tmp_path / "more.jsonl.gz")]
