"""Time against input size for the pathological shapes: growth should be linear (the last column near 1).

    .venv/bin/python -m benchmarks.bench_hostile [--sizes 2000,4000,8000] [--shape NAME] [--stages]

For each shape of benchmarks/hostile_shapes.py the whole pipeline (read, extract, attribute, group,
rules) runs in this process on one document at each size; printed are the characters, the seconds, the
microseconds per character and the growth factor: (time ratio) / (size ratio) between consecutive sizes,
1.0 for linear, 2.0 for quadratic. `--stages` splits the time by stage. Then the readers' limits: a
.jsonl.gz that expands to one endless line and a symlink to /dev/zero, timed through the CLI.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from factcheck.attribute import attribute_claims
from factcheck.documents import read_text
from factcheck.engine import load_rules
from factcheck.extract import extract_claims
from factcheck.pipeline import check_documents
from factcheck.verify import scan_quotes

from .hostile_shapes import TEXT_SHAPES

AS_OF = date(2024, 1, 1)


def time_shape(make, n: int, rules: list, stages: bool) -> tuple[int, float, dict[str, float]]:
    text = make(n)
    split: dict[str, float] = {}
    start = time.perf_counter()
    doc = read_text(text, "shape.txt", as_of=AS_OF)
    if stages:
        t = time.perf_counter()
        claims = extract_claims(doc)
        split["extract"] = time.perf_counter() - t
        t = time.perf_counter()
        attribute_claims(doc, claims)
        split["attribute"] = time.perf_counter() - t
        t = time.perf_counter()
        scan_quotes(text)
        split["verify quotes"] = time.perf_counter() - t
    check_documents([doc], rules=rules)
    return len(text), time.perf_counter() - start, split


def bench_shapes(sizes: list[int], only: str | None, stages: bool) -> None:
    rules = load_rules()
    time_shape(TEXT_SHAPES["sentences on one line"], 10, rules, stages)  # load models and caches untimed
    print(f"{'shape':<30}{'chars':>10}{'seconds':>10}{'µs/char':>10}{'growth':>8}")
    for name, make in TEXT_SHAPES.items():
        if only and only not in name:
            continue
        previous: tuple[int, float] | None = None
        for n in sizes:
            chars, seconds, split = time_shape(make, n, rules, stages)
            growth = ""
            if previous and previous[1] > 0.02:
                growth = f"{(seconds / previous[1]) / (chars / previous[0]):.2f}"
            detail = "  " + ", ".join(f"{k} {v:.2f}s" for k, v in split.items()) if split else ""
            print(f"{name:<30}{chars:>10,}{seconds:>10.2f}{seconds / chars * 1e6:>10.1f}{growth:>8}{detail}",
                  flush=True)
            previous = (chars, seconds)


def bench_limits() -> None:
    """The readers refuse what no limit would otherwise stop, in time that grows with the bytes read."""
    exe = [sys.executable, "-m", "factcheck", "extract", "--format", "jsonl", "--jobs", "1"]
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in (64, 256):
            bomb = Path(tmp) / f"endless-{megabytes}.jsonl.gz"
            with gzip.open(bomb, "wb") as fh:
                block = b"x" * (1 << 20)
                for _ in range(megabytes):
                    fh.write(block)
            start = time.perf_counter()
            done = subprocess.run([*exe, str(bomb)], capture_output=True, text=True)
            print(f"{'gzip to one endless line':<30}{megabytes:>7} MB{time.perf_counter() - start:>10.2f}s  "
                  f"exit {done.returncode}: {done.stderr.strip()[:90]}", flush=True)
        zero = Path(tmp) / "zero.txt"
        zero.symlink_to("/dev/zero")
        start = time.perf_counter()
        done = subprocess.run([*exe, str(zero)], capture_output=True, text=True)
        print(f"{'/dev/zero behind a symlink':<30}{'':>10}{time.perf_counter() - start:>10.2f}s  "
              f"exit {done.returncode}: {done.stderr.strip()[:90]}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000,4000,8000", help="repetitions of each shape (comma-separated)")
    parser.add_argument("--shape", default=None, help="only shapes whose name contains this")
    parser.add_argument("--stages", action="store_true", help="split the time by stage")
    parser.add_argument("--no-limits", action="store_true", help="skip the reader-limit runs")
    args = parser.parse_args()
    bench_shapes([int(s) for s in args.sizes.split(",")], args.shape, args.stages)
    if not args.no_limits:
        bench_limits()


if __name__ == "__main__":
    main()
