"""Benchmark the pipeline: per-stage time, MB/s, claims/s and memory, at 1x and Nx the input size.

    .venv/bin/python -m benchmarks.bench_pipeline                     # written answers, 1x and 10x
    .venv/bin/python -m benchmarks.bench_pipeline --scale 1 --limit 2000 --jobs 1
    .venv/bin/python -m benchmarks.bench_pipeline --profile           # pyinstrument per stage, 1x

What it runs, for each scale (the Nx input is the corpus replicated N times into a temporary
directory, each copy made distinct so claim ids do not collide; it is deleted afterwards):

1. stages: read, extract, attribute, group, rules and render (JSON), one after the other in one
   process (`--jobs` does not apply), timed separately. Peak memory is the process's high-water mark
   at the end of each stage. At scales above --check-scale-max only read/extract/attribute run
   (streamed, nothing kept), since group/rules need every claim in memory.
2. end to end, as a user runs it: `factcheck extract` (and `factcheck check` up to
   --check-scale-max) with `--jobs`, wall time and peak memory of the whole process tree (Pss).
3. with quantulum3 installed (the `bench` extra): its throughput and seed-gold accuracy next to
   factcheck's extraction.

MB/s counts million characters of document text per second.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "written-answers"
AS_OF = "2025-07-01"

sys.path.insert(0, str(ROOT))
from benchmarks.memory import measure, peak_rss_mb  # noqa: E402, I001


# ---- input ---------------------------------------------------------------------------------------------

def _records(corpus: Path, limit: int | None) -> list[bytes]:
    files = sorted(corpus.rglob("*.jsonl.gz")) + sorted(corpus.rglob("*.jsonl")) if corpus.is_dir() else [corpus]
    lines: list[bytes] = []
    for path in files:
        opener = gzip.open if str(path).endswith(".gz") else open
        with opener(path, "rb") as stream:
            for line in stream:
                if line.strip():
                    lines.append(line)
                    if limit and len(lines) >= limit:
                        return lines
    return lines


@contextmanager
def replicated(corpus: Path, scale: int, limit: int | None, keep: Path | None = None):
    """A directory holding `scale` copies of the corpus (first `limit` records), as gzip JSONL."""
    if scale == 1 and not limit:
        yield corpus
        return
    target = keep or Path(tempfile.mkdtemp(prefix=f"factcheck-bench-{scale}x-"))
    target.mkdir(parents=True, exist_ok=True)
    marker = target / f".made-{scale}x-{limit or 'all'}"
    try:
        if not marker.exists():
            for old in target.glob("copy-*.jsonl.gz"):
                old.unlink()
            lines = _records(corpus, limit)
            for copy in range(scale):
                with gzip.open(target / f"copy-{copy:03d}.jsonl.gz", "wb", compresslevel=1) as out:
                    for line in lines:
                        out.write(_distinct(line, copy) if copy else line)
            marker.touch()
        yield target
    finally:
        if keep is None:
            shutil.rmtree(target, ignore_errors=True)


def _distinct(line: bytes, copy: int) -> bytes:
    """Copy `copy` of a record with its own id and hash (trailing spaces: the same claims).

    A line that is not a JSON record is copied as it is, so the Nx input has N times its problems too.
    """
    try:
        record = json.loads(line)
        record["id"] = f"{record.get('id')}-c{copy}"
        record["text"] = record["text"] + " " * copy
    except (ValueError, TypeError, KeyError):
        return line if line.endswith(b"\n") else line + b"\n"
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


# ---- stages, in one process ----------------------------------------------------------------------------

def run_stages(path: str, as_of: str, full: bool, profile: bool = False) -> dict:
    """Each stage timed on its own (jobs=1). full=False: streamed read/extract/attribute only.

    Stage times are process CPU time, so other work on the machine does not inflate them.
    """
    from factcheck.attribute import attribute_claims
    from factcheck.config import Settings
    from factcheck.dates import parse_as_of
    from factcheck.documents import iter_documents
    from factcheck.engine import evaluate_rules, load_rules, rules_need_text
    from factcheck.extract import extract_claims
    from factcheck.group import group_claims
    from factcheck.models import CheckResult, Coverage, DocumentSummary
    from factcheck.render import render_result

    profiler = _profiler(profile)
    settings, as_of_date = Settings(), parse_as_of(as_of)
    rules = load_rules()
    texts: dict[str, str] | None = {} if full and rules_need_text(rules) else None
    spent = {"read": 0.0, "extract": 0.0, "attribute": 0.0}
    stats: dict = {"stages": {}}
    chars = n_claims = n_docs = 0
    claims, summaries = [], []
    clock = time.process_time
    docs = iter(iter_documents([path], as_of_date, settings, []))
    while True:
        t0 = clock()
        doc = next(docs, None)
        t1 = clock()
        spent["read"] += t1 - t0
        if doc is None:
            break
        found = extract_claims(doc)
        t2 = clock()
        found = attribute_claims(doc, found)
        spent["extract"] += t2 - t1
        spent["attribute"] += clock() - t2
        chars += len(doc.text)
        n_claims += len(found)
        n_docs += 1
        if full:
            claims.extend(found)
            summaries.append(DocumentSummary.of(doc))
            if texts is not None and found:
                texts[doc.id] = doc.text
    memory = peak_rss_mb()
    for stage, seconds in spent.items():
        stats["stages"][stage] = {"seconds": seconds, "peak_mb": memory}
    if full:
        t0 = clock()
        groups = group_claims(claims, settings)
        t1 = clock()
        stats["stages"]["group"] = {"seconds": t1 - t0, "peak_mb": peak_rss_mb()}
        t1 = clock()
        findings = evaluate_rules(rules, claims, groups, settings, texts=texts)
        t2 = clock()
        stats["stages"]["rules"] = {"seconds": t2 - t1, "peak_mb": peak_rss_mb()}
        result = CheckResult(claims=claims, groups=groups, findings=findings, documents=summaries,
                             coverage=Coverage(documents=n_docs, characters=chars, claims=n_claims))
        rendered = render_result(result, "json")
        stats["stages"]["render"] = {"seconds": clock() - t2, "peak_mb": peak_rss_mb()}
        stats.update(groups=len(groups), findings=len(findings), output_mb=len(rendered) / 1e6)
    stats.update(chars=chars, claims=n_claims, documents=n_docs)
    if profiler is not None:
        profiler.stop()
        stats["profile"] = profiler.output_text(unicode=True, color=False, show_all=False)
    return stats


def _profiler(enabled: bool):
    if not enabled:
        return None
    try:
        from pyinstrument import Profiler
    except ImportError:
        sys.exit("--profile needs pyinstrument: pip install -e '.[bench]'")
    profiler = Profiler(interval=0.002)
    profiler.start()
    return profiler


def stages_in_subprocess(path: str, as_of: str, full: bool, profile: bool) -> dict:
    """Run the stage timings in a fresh interpreter, so peak memory is this input's alone."""
    argv = [sys.executable, "-m", "benchmarks.bench_pipeline", "--_stages", path, "--as-of", as_of]
    argv += ["--_full"] if full else []
    argv += ["--profile"] if profile else []
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        sys.exit(f"stage run failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


# ---- end to end ----------------------------------------------------------------------------------------

def end_to_end(command: str, path: str, jobs: int, as_of: str, extra: list[str]) -> dict:
    factcheck = [sys.executable, "-m", "factcheck"]
    fmt = "jsonl" if command == "extract" else "json"
    run = measure([*factcheck, command, path, "--format", fmt, "--as-of", as_of, "--jobs", str(jobs), *extra])
    if run.returncode == 2 and "skipped; the other inputs were processed" in run.stderr:
        print(f"  note: {run.stderr.count(chr(10))} input problems reported and skipped", file=sys.stderr)
    elif run.returncode not in (0, 1):
        sys.exit(f"factcheck {command} failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return {"seconds": run.seconds, "cpu_seconds": run.cpu_seconds, "peak_mb": run.peak_mb}


# ---- report --------------------------------------------------------------------------------------------

def _rate(amount: float, seconds: float) -> str:
    return f"{amount / seconds:,.0f}" if seconds > 0 else "-"


def _cell(row: dict | None, chars: int, claims: int) -> str:
    if row is None:
        return f"{'(not run)':>44}"
    s = row["seconds"]
    if s < 0.005:  # a placeholder stage: a rate would be noise
        return f"{s:8.2f}s {'-':>8} {'-':>10} {row['peak_mb']:8.0f}MB"
    cpu = f" (cpu {row['cpu_seconds']:.1f}s)" if "cpu_seconds" in row else ""
    return f"{s:8.2f}s {chars / 1e6 / s:8.2f} {_rate(claims, s):>10} {row['peak_mb']:8.0f}MB{cpu}"


def report(results: dict[int, dict], jobs: int) -> str:
    scales = sorted(results)
    head = "".join(f" | {f'{s}x: time':>9} {'MB/s':>8} {'claims/s':>10} {'peak':>10}" for s in scales)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [f"{os.cpu_count()} cores, load average now {load}. Stage rows: CPU time in one process; "
             "factcheck rows: wall time (and CPU of all processes) of the command.",
             f"{'stage':<26}{head}", "-" * (26 + 47 * len(scales))]
    for stage in ("read", "extract", "attribute", "group", "rules", "render"):
        cells = [_cell(results[s]["stages"]["stages"].get(stage), results[s]["stages"]["chars"],
                       results[s]["stages"]["claims"]) for s in scales]
        lines.append(f"{stage:<26}" + "".join(" | " + c for c in cells))
    lines.append("-" * (26 + 47 * len(scales)))
    for label in ("extract -j1", f"extract -j{jobs}", f"check -j{jobs}", f"check dask -j{jobs}"):
        if not any(label in results[s]["e2e"] for s in scales):
            continue
        cells = [_cell(results[s]["e2e"].get(label), results[s]["stages"]["chars"],
                       results[s]["stages"]["claims"]) for s in scales]
        lines.append(f"{'factcheck ' + label:<26}" + "".join(" | " + c for c in cells))
    lines.append("")
    for s in scales:
        st = results[s]["stages"]
        lines.append(f"{s}x: {st['documents']:,} documents, {st['chars'] / 1e6:.1f}M characters, "
                     f"{st['claims']:,} claims" + (f", {st['groups']:,} groups, {st['findings']:,} findings"
                                                   if "groups" in st else ""))
    if len(scales) > 1:
        lo, hi = scales[0], scales[-1]
        for label in results[lo]["e2e"]:
            a, b = results[lo]["e2e"][label], results[hi]["e2e"].get(label)
            if b:
                chars_lo, chars_hi = results[lo]["stages"]["chars"], results[hi]["stages"]["chars"]
                per_char = (b["seconds"] / chars_hi) / (a["seconds"] / chars_lo)
                lines.append(f"{label}: time per character {hi}x/{lo}x = {per_char:.2f} (1.00 is linear); "
                             f"peak memory {hi}x/{lo}x = {b['peak_mb'] / a['peak_mb']:.2f}")
    return "\n".join(lines)


def quantulum_section(path: str, as_of: str, sample: int) -> str:
    from benchmarks import quantulum_compare as qc
    from factcheck.documents import iter_documents

    if not qc.available():
        return "quantulum3 not installed (pip install -e '.[bench]'): comparison skipped"
    docs = []
    for doc in iter_documents([path], date.fromisoformat(as_of), None, []):
        docs.append(doc)
        if len(docs) >= sample:
            break
    speed = qc.throughput(docs)
    eval_dir, seeds = SHARED / "eval", SHARED / "corpus" / "seeds"
    lines = [f"quantulum3 comparison ({len(docs):,} documents, "
             f"{sum(len(d.text) for d in docs) / 1e6:.2f}M characters; extraction only, one core):"]
    lines.append(f"  throughput: factcheck {speed['factcheck']:.2f} MB/s, quantulum3 {speed['quantulum3']:.3f} MB/s "
                 f"-> factcheck is {speed['factcheck'] / speed['quantulum3']:.0f}x faster")
    if (eval_dir / "seeds-gold.yaml").exists():
        ours = qc.seed_scores(eval_dir, seeds, qc.factcheck_figures)
        theirs = qc.seed_scores(eval_dir, seeds, lambda d: qc.quantulum_figures(d.text))
        for name, s in (("factcheck", ours), ("quantulum3", theirs)):
            lines.append(f"  seed gold (value + span, kind ignored): {name:<10} "
                         f"P={s['precision']:.2f} R={s['recall']:.2f} F1={s['f1']:.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL(.gz) file or directory")
    ap.add_argument("--scale", default="1,10", help="comma-separated replication factors (default 1,10)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N records")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="--jobs for the end-to-end runs")
    ap.add_argument("--as-of", default=AS_OF)
    ap.add_argument("--check-scale-max", type=int, default=1,
                    help="run group/rules/render and `check` only up to this scale (they hold every claim)")
    ap.add_argument("--dask", action="store_true",
                    help="also run `check --engine dask` (a local cluster of --jobs workers)")
    ap.add_argument("--profile", action="store_true",
                    help="also print a pyinstrument profile of the stages (a separate run)")
    ap.add_argument("--quantulum-sample", type=int, default=300, help="documents for the quantulum3 comparison "
                    "(0: skip)")
    ap.add_argument("--keep-data", type=Path, default=None, help="build replicated inputs here and keep them")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument("--_stages", help=argparse.SUPPRESS)
    ap.add_argument("--_full", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args._stages:  # child mode: one stage run, JSON on stdout
        print(json.dumps(run_stages(args._stages, args.as_of, args._full, args.profile)))
        return
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (use --corpus)")
    scales = sorted({int(s) for s in args.scale.split(",")})
    results: dict[int, dict] = {}
    for scale in scales:
        keep = args.keep_data / f"{scale}x" if args.keep_data else None
        with replicated(args.corpus, scale, args.limit, keep) as path:
            full = scale <= args.check_scale_max
            print(f"[{scale}x] stages ...", file=sys.stderr, flush=True)
            stages = stages_in_subprocess(str(path), args.as_of, full, profile=False)
            if args.profile and scale == scales[0]:  # a run of its own: the profiler slows what it watches
                print(f"[{scale}x] profile ...", file=sys.stderr, flush=True)
                print(stages_in_subprocess(str(path), args.as_of, full, profile=True)["profile"])
            e2e = {}
            for jobs in sorted({1, args.jobs}):
                print(f"[{scale}x] factcheck extract --jobs {jobs} ...", file=sys.stderr, flush=True)
                e2e[f"extract -j{jobs}"] = end_to_end("extract", str(path), jobs, args.as_of, [])
            if full:
                print(f"[{scale}x] factcheck check --jobs {args.jobs} ...", file=sys.stderr, flush=True)
                e2e[f"check -j{args.jobs}"] = end_to_end("check", str(path), args.jobs, args.as_of, [])
            if full and args.dask:
                print(f"[{scale}x] factcheck check --engine dask --jobs {args.jobs} ...", file=sys.stderr, flush=True)
                e2e[f"check dask -j{args.jobs}"] = end_to_end("check", str(path), args.jobs, args.as_of,
                                                             ["--engine", "dask"])
            results[scale] = {"stages": stages, "e2e": e2e}
    print(report(results, args.jobs))
    if args.quantulum_sample:
        with replicated(args.corpus, 1, args.limit) as path:
            print()
            print(quantulum_section(str(path), args.as_of, args.quantulum_sample))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
