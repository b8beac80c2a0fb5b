"""Pathological inputs, by shape, at any size: what an attacker or an unlucky user feeds factcheck.

Each shape is a function of n (repetitions) returning the text of one input file. `bench_hostile.py`
times them at growing n to show growth is linear; `tests/test_hostile_fuzz.py` runs every command on
each at a small n under time and memory limits. The sentences are invented for this purpose.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

# name -> (suffix, text for n repetitions). Text shapes are one line unless their point is line breaks.
TEXT_SHAPES: dict[str, Callable[[int], str]] = {
    "qualifier run": lambda n: "more than " * n,
    "range run": lambda n: "from 1 to 2 " * n,
    "fraction run": lambda n: "one in " * n,
    "money list in one sentence": lambda n: "The trust spent " + "£1m, " * n + "in all.",
    "exclamation marks": lambda n: "!" * n,
    "dots then a letter": lambda n: "." * n + "a",
    "sentences on one line": lambda n: "The fund has 5 projects. " * n,
    "prose without line breaks": lambda n: ("The county council spent £4.5 million on 12 new bridges in 2023, "
                                            "about 8% more than the year before; nearly 300 staff were hired. ")
                                           * n,
    "relative date headers": lambda n: "(3 years, 2 months ago)\n\nThe ferry carried 40 cars.\n\n" * n,
    "blank lines": lambda n: "\n" * n + "The ferry carried 40 cars.\n",
    "spaced stops": lambda n: ". " * n + "x",
    "digit commas": lambda n: "1," * n,
    "number words": lambda n: "two hundred and " * n,
    "opening quotes": lambda n: "“" * n + " The ferry carried 40 cars.",
    "table rows": lambda n: "| Region | Cars |\n|---|---|\n" + "| North | 40 |\n" * n,
    "control characters": lambda n: "The ferry \x1b[2J carried \x07 40 cars.\x7f\u202e\n" * n,
}

# Records that break JSON readers, one line each (n: nesting depth or digit count).
RECORD_SHAPES: dict[str, Callable[[int], str]] = {
    "deep JSON record": lambda n: '{"text": "The ferry carried 40 cars.", "x": ' + "[" * n + "]" * n + "}",
    "huge integer": lambda n: '{"text": "The ferry carried 40 cars.", "n": ' + "7" * n + "}",
    "lone surrogate": lambda n: '{"text": "The ferry \\ud800 carried 40 cars."}',
    "nested metadata": lambda n: '{"text": "The ferry carried 41 cars.", "source": ' + "[" * 50 + "]" * 50 + "}",
}


def yaml_alias_bomb(levels: int = 9) -> str:
    """A few lines of YAML aliases that expand to 9**levels items once walked."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\ntitle: *a{levels}\n"


def write_hostile_inputs(folder: Path, n: int) -> list[Path]:
    """Every shape as a file in `folder` (text shapes at n repetitions), plus the files that go with them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (name, make) in enumerate(TEXT_SHAPES.items()):
        path = folder / f"text-{i:02d}-{name.replace(' ', '-')}.txt"
        path.write_text(make(n), encoding="utf-8")
        paths.append(path)
    good = json.dumps({"text": "The ferry carried 40 cars.", "id": "good"})
    records = folder / "records.jsonl"
    records.write_text("\n".join([good] + [make(min(n, 100_000)) for make in RECORD_SHAPES.values()] + [good]) + "\n",
                       encoding="utf-8")
    bomb = folder / "front-matter-bomb.md"
    bomb.write_text("---\n" + yaml_alias_bomb() + "---\nThe ferry carried 40 cars.\n", encoding="utf-8")
    endless = folder / "endless-line.jsonl.gz"
    with gzip.open(endless, "wb") as fh:
        fh.write(b'{"text": "' + b"x" * (2 << 20) + b'"}\n' + good.encode() + b"\n")
    zero = folder / "zero.txt"
    zero.symlink_to("/dev/zero")
    binary = folder / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    return [*paths, records, bomb, endless, zero, binary]
