"""Benchmark the attribute and group stages over real written answers.

    .venv/bin/python benchmarks/bench_group.py [--docs 12000] [--corpus PATH]

Reads and extracts the first N and first 2N records (not timed), then times attribute + group over
each and prints claims/s, the time ratio (about 2 for linear cost, about 4 if anything compared all
pairs) and the peak memory the two stages allocate (tracemalloc, measured in a separate pass).
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
from itertools import islice
from pathlib import Path

from factcheck.attribute import attribute_claims
from factcheck.config import Settings
from factcheck.group import group_claims
from factcheck.models import Claim, Document
from factcheck.pipeline import extract_documents

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/corpus/written-answers"


def load(corpus: Path, n: int) -> list[tuple[Document, list[Claim]]]:
    paths = sorted(str(p) for p in corpus.glob("*.jsonl*"))
    return list(islice(extract_documents(paths, as_of="2025-07-01"), n))


def run(batch: list[tuple[Document, list[Claim]]], settings: Settings) -> tuple[float, float, int, int, int]:
    """Seconds in attribute and in group, claims, claims with a topic, groups."""
    start = time.process_time()
    claims: list[Claim] = []
    for doc, doc_claims in batch:
        claims.extend(attribute_claims(doc, list(doc_claims)))
    middle = time.process_time()
    groups = group_claims(claims, settings)
    end = time.process_time()
    return middle - start, end - middle, len(claims), sum(1 for c in claims if c.topic), len(groups)


def best_of(runs: int, batch: list[tuple[Document, list[Claim]]], settings: Settings) -> tuple:
    """The fastest of a few runs (CPU time of this process: the machine may be shared with other work)."""
    return min((run(batch, settings) for _ in range(runs)), key=lambda r: r[0] + r[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=12000, help="records in the first run (the second has twice as many)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--runs", type=int, default=3, help="repeat each size and keep the fastest")
    args = ap.parse_args()
    settings = Settings()
    docs = load(args.corpus, 2 * args.docs)
    gc.collect()
    gc.freeze()  # the loaded corpus is not garbage: keep the collector from rescanning it on every pass
    half = docs[:len(docs) // 2]
    rows = []
    for label, batch in (("N", half), ("2N", docs)):
        attr_s, group_s, n_claims, n_topic, n_groups = best_of(args.runs, batch, settings)
        seconds = attr_s + group_s
        rows.append(seconds)
        print(f"{label:>2}: {len(batch):6d} docs {n_claims:7d} claims: attribute {attr_s:5.2f}s + group {group_s:5.2f}s"
              f" = {n_claims / seconds:6.0f} claims/s; with topic {n_topic / max(n_claims, 1):.0%}; {n_groups} groups")
    print(f"time ratio 2N/N: {rows[1] / rows[0]:.2f} (linear ~2, quadratic ~4)")
    tracemalloc.start()
    run(docs, settings)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory allocated by attribute+group over 2N: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
