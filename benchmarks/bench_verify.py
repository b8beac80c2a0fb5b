"""Benchmark `verify` on a ledger of the whole written-answers corpus (24,386 records).

    .venv/bin/python benchmarks/bench_verify.py [--ledger PATH] [--rebuild] [--jobs N] [--quotes N] [--seed S]

Builds the ledger (or reuses it when it already holds the corpus), then verifies ~50 quotes: sentences taken
from records (verbatim, re-punctuated, elided, clauses swapped, a figure changed) and invented ones. Prints
the ledger build time, the median and 95th-percentile time per quote, and how often each kind of quote got
the verdict it should (taken quotes should find their own record; invented ones should be not_found).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import time
from pathlib import Path

from factcheck.documents import read_text
from factcheck.extract import extract_claims
from factcheck.ledger import Ledger
from factcheck.pipeline import record
from factcheck.verify import Verifier, normalise, scan_quotes, word_count

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "written-answers"

# Invented statements (never said): they should come back not_found.
INVENTED = [
    "The department will recruit 4,500 additional lighthouse keepers along the Norfolk coast by next spring.",
    "We have spent £73 million on floating classrooms for island communities since the scheme began.",
    "More than 12,000 volunteers have joined the national hedgehog census, an increase of 40 per cent.",
    "Our new rail link between Truro and Inverness will carry 9 million passengers a year.",
    "The Government has planted 2.3 billion oak trees in urban car parks over the last decade.",
    "Every primary school will receive a free telescope and £5,000 for astronomy clubs this year.",
    "Waiting times for passport renewals fell to 3 days after we hired 800 extra staff in Swindon.",
    "We are committed to doing more for people and we will keep working hard on this issue.",
    "The minister said the matter is being looked at very carefully and more will be said in due course.",
    "Fishing quotas for mackerel rose by 17% after the agreement we signed with Iceland in the spring.",
    "Nearly half of all new homes in Cornwall are now heated by seaweed boilers funded by the Treasury.",
    "We have trained 650 police dogs to detect counterfeit banknotes at ports across the country.",
    "The Royal Mint will issue a commemorative £7 coin to mark the centenary of the shipping forecast.",
    "Around 30,000 pensioners have taken up our offer of free tango lessons in community halls.",
    "Our investment of £1.9 billion in cable cars will connect every market town in the Pennines.",
    "The Government keeps all of these matters under review and will update the House in due course.",
    "We have doubled funding for the rural broadband balloon programme to £48 million.",
    "Over 70 per cent of civil servants now work from canal boats at least two days a week.",
    "The number of apprentices in the clockmaking sector has risen to 2,400, the highest on record.",
    "It is important that we continue to work with our partners to deliver for the people of this country.",
]

_SENTENCE = re.compile(r"[A-Z][^.!?\n]{60,260}[.](?=\s|$)")


def build(path: Path, rebuild: bool, jobs: int) -> tuple[float, int]:
    files = sorted(str(p) for p in CORPUS.glob("*.jsonl.gz"))
    if rebuild and path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    with Ledger(path, create=True) as ledger:
        if ledger.stats()["documents"] < 20_000:
            for _ in record(files, ledger, problems=[], jobs=jobs):
                pass
        documents = ledger.stats()["documents"]
    return time.perf_counter() - started, documents


def sample_sentences(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """(record id, sentence) pairs from the answers, the answer part only (after "Answered")."""
    picked: list[tuple[str, str]] = []
    files = sorted(CORPUS.glob("*.jsonl.gz"))
    records = []
    for f in files:
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh if line.strip())
    rng.shuffle(records)
    for rec in records:
        answer = rec["text"].split("Answered", 1)[-1]
        sentences = [s for s in _SENTENCE.findall(answer) if word_count(s) >= 12]
        with_figures = [s for s in sentences
                        if any(any(ch.isdigit() for ch in c.text) for c in extract_claims(read_text(s)))]
        if with_figures:
            picked.append((rec["id"], rng.choice(with_figures)))
        if len(picked) >= n:
            break
    return picked


def perturb(kind: str, sentence: str, rng: random.Random) -> str:
    if kind == "repunctuated":
        return sentence.replace(",", "").replace("'", "’").rstrip(".") + "!"
    if kind == "elided":
        words = sentence.split()
        a = len(words) // 3
        b = a + max(2, len(words) // 4)
        # an elision that cuts through a figure ("£784 ... million") or its qualifier ("over ... £25m")
        # changes what the quote says; a journalist's "..." leaves figures whole
        while b < len(words) - 2 and any(ch.isdigit() for ch in words[a - 1] + words[a] + words[b] + words[b - 1]):
            a, b = a + 1, b + 1
        return " ".join(words[:a]) + " ... " + " ".join(words[b:])
    if kind == "reordered" and ", " in sentence:
        head, tail = sentence.rstrip(".").split(", ", 1)
        return f"{tail[0].upper()}{tail[1:]}, {head[0].lower()}{head[1:]}."
    if kind == "figure_changed":  # change the first digit of the first figure the extractor sees
        claims = [c for c in extract_claims(read_text(sentence)) if any(ch.isdigit() for ch in c.text)]
        if claims:
            c = claims[0]
            digits = re.sub(r"\d", lambda d: str((int(d.group()) + 3) % 10), c.text, count=1)
            return sentence[:c.start] + digits + sentence[c.end:]
    return sentence


def time_quote_scan(n: int = 60_000) -> None:
    """Finding the quotations of a draft is linear: drafts of n opening marks and never a closing one, and
    of n short quotations wrapped over lines, take time in proportion to n."""
    for label, draft in (("unclosed “", "x “" * n), ("wrapped quotes", 'He said "we\nwill" then. ' * n)):
        for size in (n // 4, n):
            start = time.perf_counter()
            scan_quotes(draft[: len(draft) * size // n])
            print(f"quote scan, {size:>7,} {label}: {time.perf_counter() - start:.3f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ledger", default="/tmp/factcheck-bench/written-answers.db")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--quotes", type=int, default=30, help="how many quotes to take from records")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for building the ledger")
    parser.add_argument("--seed", type=int, default=7, help="which records to take quotes from")
    parser.add_argument("--verbose", action="store_true", help="show the matches of unexpected verdicts")
    args = parser.parse_args()
    time_quote_scan()
    path = Path(args.ledger)
    path.parent.mkdir(parents=True, exist_ok=True)
    seconds, documents = build(path, args.rebuild, args.jobs)
    print(f"ledger: {path} ({documents:,} documents); build/reuse took {seconds:.1f}s")

    rng = random.Random(args.seed)
    kinds = ["verbatim", "repunctuated", "elided", "reordered", "figure_changed"]
    quotes: list[tuple[str, str | None, str, str]] = []
    for i, (rec_id, sentence) in enumerate(sample_sentences(args.quotes, rng)):
        kind = kinds[i % len(kinds)]
        quotes.append((kind, rec_id, sentence, perturb(kind, sentence, rng)))
    quotes += [("invented", None, "", q) for q in INVENTED]

    times: list[float] = []
    outcome: dict[str, list[int]] = {}
    with Ledger(path) as ledger:
        verifier = Verifier(ledger)
        for kind, rec_id, original, quote in quotes:
            started = time.perf_counter()
            result = verifier.verify(quote)
            times.append(time.perf_counter() - started)
            source = result.matches[0].doc if result.verdict != "not_found" else None
            if kind == "invented":
                good = result.verdict == "not_found"
            else:
                # the record itself, or another record that says the same sentence (answers repeat)
                right_doc = source is not None and (source.endswith(f"#{rec_id}") or normalise(original)
                                                    in normalise(result.matches[0].passage))
                good = right_doc and (result.verdict == "figures_differ") == (kind == "figure_changed")
            outcome.setdefault(kind, [0, 0])[0] += good
            outcome[kind][1] += 1
            mark = "ok " if good else "BAD"
            print(f"{mark} {times[-1] * 1000:6.0f} ms  {kind:<15} {result.verdict:<15} {quote[:70]!r}")
            if not good and args.verbose:
                print(f"      quote:  {quote}\n      source: {original}")
                for m in result.matches[:2]:
                    print(f"      match:  {m.score} {m.chance} {m.doc} {m.passage[:300]!r}")
                    print(f"              {[(d.kind, d.quoted, d.recorded) for d in m.differences]}")
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"\n{len(times)} quotes: median {statistics.median(times) * 1000:.0f} ms, "
          f"95th percentile {p95 * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms")
    for kind, (good, total) in outcome.items():
        print(f"  {kind:<15} {good}/{total} as expected")


if __name__ == "__main__":
    main()
