"""Extraction speed and memory over the written-answers corpus (streamed, one document at a time).

    .venv/bin/python benchmarks/bench_extract.py [--limit N] [--startup N] [PATH ...]

Prints MB/s and claims/s of `extract_claims` alone (reading and dating excluded), the same for the
whole read+extract stream, documents/s, and peak memory. Default corpus: ../shared/corpus/written-answers.
Times are CPU seconds of this process (time.process_time), so a busy machine does not distort them.
`--startup N` also times N runs of `factcheck extract` on a one-line file (wall clock: what a CI step
pays per call, start-up included) and prints the fastest and the median.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from factcheck.documents import iter_documents
from factcheck.extract import extract_claims

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "written-answers"


def run(paths: list[str], limit: int | None, trace: bool) -> dict[str, float]:
    """Stream documents through extraction; time extraction separately from reading."""
    if trace:
        tracemalloc.start()
    docs = chars = claims = 0
    extract_seconds = 0.0
    wall = time.process_time()
    for doc in iter_documents(paths, as_of=date(2025, 7, 1)):
        t0 = time.process_time()
        claims += len(extract_claims(doc))
        extract_seconds += time.process_time() - t0
        docs += 1
        chars += len(doc.text)
        if limit and docs >= limit:
            break
    wall = time.process_time() - wall
    peak_traced = tracemalloc.get_traced_memory()[1] if trace else 0
    if trace:
        tracemalloc.stop()
    megabytes = chars / 1e6
    return {
        "documents": docs, "characters": chars, "claims": claims,
        "extract_seconds": extract_seconds, "wall_seconds": wall,
        "extract_mb_per_s": megabytes / extract_seconds if extract_seconds else 0.0,
        "extract_claims_per_s": claims / extract_seconds if extract_seconds else 0.0,
        "extract_docs_per_s": docs / extract_seconds if extract_seconds else 0.0,
        "pipeline_mb_per_s": megabytes / wall if wall else 0.0,
        "pipeline_docs_per_s": docs / wall if wall else 0.0,
        "peak_traced_mb": peak_traced / 1e6,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def startup(runs: int) -> tuple[float, float]:
    """(fastest, median) wall seconds of `factcheck extract` on a one-line file, in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one.txt"
        path.write_text("The fund has supported over 50 projects worth £4.7m.\n", encoding="utf-8")
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "factcheck", "extract", str(path), "--format", "jsonl"],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="files or directories (default: the written-answers corpus)")
    parser.add_argument("--limit", type=int, default=None, help="stop after N documents")
    parser.add_argument("--trace-memory", action="store_true",
                        help="also measure peak Python allocations with tracemalloc (slows the run down)")
    parser.add_argument("--startup", type=int, default=0, metavar="N",
                        help="also time N runs of `factcheck extract` on a one-line file")
    args = parser.parse_args(argv)
    paths = args.paths or [str(DEFAULT_CORPUS)]
    if not args.paths and not DEFAULT_CORPUS.exists():
        print(f"corpus not found: {DEFAULT_CORPUS}", file=sys.stderr)
        return 2
    r = run(paths, args.limit, args.trace_memory)
    print(f"documents {r['documents']:,}  characters {r['characters']:,}  claims {r['claims']:,}")
    print(f"extract only : {r['extract_mb_per_s']:.1f} MB/s  {r['extract_claims_per_s']:,.0f} claims/s  "
          f"{r['extract_docs_per_s']:,.0f} documents/s  ({r['extract_seconds']:.2f} s)")
    print(f"read+extract : {r['pipeline_mb_per_s']:.1f} MB/s  {r['pipeline_docs_per_s']:,.0f} documents/s  "
          f"({r['wall_seconds']:.2f} s)")
    memory = f"peak RSS {r['max_rss_mb']:.0f} MB"
    if args.trace_memory:
        memory += f"  peak traced allocations {r['peak_traced_mb']:.1f} MB"
    print(memory)
    if args.startup:
        fastest, median = startup(args.startup)
        print(f"start-up     : factcheck extract on one line: fastest {fastest:.2f} s, median {median:.2f} s "
              f"({args.startup} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
