"""Where `factcheck check` spends its time: per-stage CPU split, then wall, CPU and peak memory end to end.

    .venv/bin/python -m benchmarks.bench_check                        # written answers, whole corpus
    .venv/bin/python -m benchmarks.bench_check --limit 3000 --no-e2e  # the split on a slice only
    .venv/bin/python -m benchmarks.bench_check --no-split --jobs 2    # end to end only

1. The split runs the pipeline's own per-document loop in one process (`--jobs` does not apply):
   read, extract, attribute (split into the dependency parse — spaCy, including loading the model —
   and the rest: cues, frames from the parse, context), then group, rules and rendering JSON. Times are
   CPU seconds of this process (time.process_time), so other work on a shared machine does not
   inflate them.
2. End to end, as a user runs it: `factcheck check --format json --jobs N` and `factcheck extract
   --format jsonl` (--jobs 1 and N) on the same input: wall time, CPU time of all processes, the
   largest single process's peak resident set (what `/usr/bin/time -v` calls "Maximum resident set
   size") and the peak Pss of the whole process tree (pages shared by forked workers counted once).

Wall time depends on what else runs on the machine: the load average is printed with the figures;
compare builds back to back, and prefer CPU seconds when the load is high.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "written-answers"
AS_OF = "2025-07-01"

sys.path.insert(0, str(ROOT))
from benchmarks.bench_pipeline import replicated  # noqa: E402
from benchmarks.memory import measure  # noqa: E402

STAGES = ("read", "extract", "attribute: parse", "attribute: rest", "group", "rules", "render")


def split(path: str, as_of: str) -> dict:
    """CPU seconds per stage over `path`, the per-document stages batched as the pipeline batches them."""
    from factcheck import pipeline
    from factcheck.attribute import parse
    from factcheck.config import Settings
    from factcheck.dates import parse_as_of
    from factcheck.documents import iter_documents
    from factcheck.engine import evaluate_rules, load_rules, rules_need_text
    from factcheck.engine.texts import needed_text
    from factcheck.group import group_claims
    from factcheck.models import CheckResult, Coverage, DocumentSummary, RuleInfo
    from factcheck.render import render_result

    clock = time.process_time
    spent = dict.fromkeys(STAGES, 0.0)

    def timed(stage: str, fn):
        def run(*args, **kwargs):
            t0 = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[stage] += clock() - t0
        return run

    # The pipeline's own per-document loop, its stages timed where it calls them: the split follows the
    # pipeline as it changes. The text layout (made once per document, for both stages) counts as extraction.
    parse.parse_sentences = timed("attribute: parse", parse.parse_sentences)
    timed("attribute: parse", parse.available)()  # the model loads on first use: counted in the parse
    loading = spent["attribute: parse"]
    pipeline.TextLayout = timed("extract", pipeline.TextLayout)
    pipeline.extract_claims = timed("extract", pipeline.extract_claims)
    pipeline.prepare_parses = timed("attribute: rest", pipeline.prepare_parses)
    pipeline.attribute_claims = timed("attribute: rest", pipeline.attribute_claims)
    settings, rules = Settings(), load_rules()
    keep_text = rules_need_text(rules)
    reader = iter(iter_documents([path], parse_as_of(as_of), settings, []))
    docs = iter(timed("read", lambda: next(reader, None)), None)
    claims, summaries, texts, chars = [], [], {}, 0
    for doc, found in pipeline._documents_with_claims(docs, settings):
        claims.extend(found)
        summaries.append(DocumentSummary.of(doc))
        chars += len(doc.text)
        if keep_text and found:
            texts[doc.id] = needed_text(rules, found, doc.text)
    spent["attribute: rest"] -= spent["attribute: parse"] - loading  # attribution's own calls of the parse
    t0 = clock()
    groups = group_claims(claims, settings)
    t1 = clock()
    findings = evaluate_rules(rules, claims, groups, settings, texts=texts if keep_text else None)
    t2 = clock()
    result = CheckResult(claims=claims, groups=groups, findings=findings, documents=summaries,
                         coverage=Coverage(documents=len(summaries), characters=chars, claims=len(claims)),
                         rules=[RuleInfo.of(rule) for rule in rules])
    rendered = render_result(result, "json")
    spent.update(group=t1 - t0, rules=t2 - t1, render=clock() - t2)
    return {"seconds": spent, "documents": len(summaries), "characters": chars, "claims": len(claims),
            "groups": len(groups), "findings": len(findings), "output_bytes": len(rendered.encode()),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def split_in_subprocess(path: str, as_of: str) -> dict:
    """The split in a fresh interpreter, so its peak memory and model load are its own."""
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_check", "--_split", path, "--as-of", as_of],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        sys.exit(f"split run failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def end_to_end(command: str, path: str, jobs: int, as_of: str) -> dict:
    fmt = "json" if command == "check" else "jsonl"
    run = measure([sys.executable, "-m", "factcheck", command, path, "--format", fmt, "--as-of", as_of,
                   "--jobs", str(jobs)])
    if run.returncode == 2 and "skipped; the other inputs were processed" in run.stderr:
        print(f"  note: factcheck {command}: input problems reported and skipped", file=sys.stderr)
    elif run.returncode not in (0, 1):
        sys.exit(f"factcheck {command} failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return {"wall": run.seconds, "cpu": run.cpu_seconds, "max_rss_mb": run.max_rss_mb, "tree_pss_mb": run.peak_mb}


def report(stages: dict | None, e2e: dict[str, dict]) -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [f"{os.cpu_count()} cores; load average at the end: {load}"]
    if stages:
        total = sum(stages["seconds"].values())
        lines.append(f"split (CPU s, one process): {stages['documents']:,} documents, "
                     f"{stages['characters'] / 1e6:.1f}M characters, {stages['claims']:,} claims, "
                     f"{stages['groups']:,} groups, {stages['findings']:,} findings; peak {stages['peak_mb']:.0f} MB")
        for stage in STAGES:
            s = stages["seconds"][stage]
            lines.append(f"  {stage:<18} {s:8.2f} s  {100 * s / total:5.1f} %")
        lines.append(f"  {'total':<18} {total:8.2f} s")
    for label, row in e2e.items():
        lines.append(f"factcheck {label:<12} wall {row['wall']:6.1f} s  CPU {row['cpu']:6.1f} s  "
                     f"max RSS {row['max_rss_mb']:5.0f} MB  tree Pss {row['tree_pss_mb']:5.0f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL(.gz) file or directory")
    ap.add_argument("--limit", type=int, default=None, help="only the first N records")
    ap.add_argument("--jobs", type=int, default=2, help="--jobs of the end-to-end runs (default 2)")
    ap.add_argument("--as-of", default=AS_OF)
    ap.add_argument("--no-split", action="store_true", help="skip the per-stage split")
    ap.add_argument("--no-e2e", action="store_true", help="skip the end-to-end runs")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument("--_split", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._split:
        print(json.dumps(split(args._split, args.as_of)))
        return
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (use --corpus)")
    with replicated(args.corpus, 1, args.limit) as path:
        stages = None if args.no_split else split_in_subprocess(str(path), args.as_of)
        e2e: dict[str, dict] = {}
        if not args.no_e2e:
            e2e[f"check -j{args.jobs}"] = end_to_end("check", str(path), args.jobs, args.as_of)
            for jobs in sorted({1, args.jobs}):
                e2e[f"extract -j{jobs}"] = end_to_end("extract", str(path), jobs, args.as_of)
    print(report(stages, e2e))
    if args.json:
        args.json.write_text(json.dumps({"split": stages, "e2e": e2e, "load": os.getloadavg()}, indent=1))


if __name__ == "__main__":
    main()
