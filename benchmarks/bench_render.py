"""Time every result format on a large synthetic result (renderers must stay linear in claims and findings).

    .venv/bin/python -m benchmarks.bench_render [--topics 2000] [--written-answers [--jobs N]]

Each topic has three dated claims and one finding, like the fixture in tests/render_fixture.py.
--written-answers also checks the written-answers corpus (24,386 real answers) and reports the size of its
HTML report, which must stay under 2 MB (the appendix of other subjects is capped).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from factcheck.models import CheckResult, Claim, DocumentMeta, DocumentSummary, Finding, Group
from factcheck.render import RESULT_FORMATS, html, render_result

WRITTEN_ANSWERS = (Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "written-answers"
                   / "commons-written-answers-2023-09_2025-06.jsonl.gz")
REPORT_LIMIT_BYTES = 2_000_000


def synthetic_result(topics: int) -> CheckResult:
    claims, groups, findings, documents = [], [], [], []
    for t in range(topics):
        ids = []
        for k, year in enumerate((2019, 2021, 2023)):
            doc = f"statements/{t:05d}-{year}.txt"
            sentence = f"The programme number {t} was given £{100 * (k + 1)} million in {year}."
            start = sentence.index("£")
            text = f"£{100 * (k + 1)} million"
            meta = DocumentMeta(date=f"{year}-06-01", source="Press release", speaker="A minister")
            claim = Claim(id=f"{t:06x}{k}:{start}", doc=doc, start=start, end=start + len(text), column=start + 1,
                          text=text, sentence=sentence, kind="money", unit="GBP", value=100e6 * (k + 1),
                          lo=100e6 * (k + 1), hi=100e6 * (k + 1), date=meta.date, source=meta,
                          topic=f"programme {t}")
            claims.append(claim)
            ids.append(claim.id)
            documents.append(DocumentSummary(id=doc, path=doc, sha256="0" * 64, meta=meta, date=meta.date))
        groups.append(Group(id=f"g{t}", topic=f"programme {t}", kind="money", unit="GBP", claims=ids))
        findings.append(Finding(id=f"changed-total:{t:012x}", rule="changed-total", severity="warning",
                                message=f"Programme {t} is given three different totals.", claims=ids,
                                group=f"g{t}", topic=f"programme {t}", assumptions=["Same period."]))
    return CheckResult(claims=claims, groups=groups, findings=findings, documents=documents)


def written_answers_report(jobs: int, corpus: Path = WRITTEN_ANSWERS) -> int:
    """Size in bytes of the HTML report of the written-answers corpus (printed with its parts)."""
    from factcheck.pipeline import check

    began = time.perf_counter()
    result = check([str(corpus)], as_of="2025-07-01", jobs=jobs)
    checked = time.perf_counter() - began
    began = time.perf_counter()
    page = html.render(result).encode("utf-8")
    rendered = time.perf_counter() - began
    appendix = page.find(b'<section class="appendix">')
    print(f"written answers: {len(result.findings):,} findings, {len(result.groups):,} groups; checked in "
          f"{checked:.1f} s, rendered in {rendered:.2f} s")
    print(f"written answers report: {len(page) / 1e6:.2f} MB (limit {REPORT_LIMIT_BYTES / 1e6:.0f} MB; "
          f"appendices {(len(page) - appendix) / 1e6 if appendix >= 0 else 0:.2f} MB) "
          f"{'ok' if len(page) <= REPORT_LIMIT_BYTES else 'OVER THE LIMIT'}")
    return len(page)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=2000)
    parser.add_argument("--written-answers", action="store_true", help="also measure the corpus report's size")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for --written-answers")
    args = parser.parse_args()
    if args.written_answers:
        written_answers_report(args.jobs)
    result = synthetic_result(args.topics)
    print(f"{len(result.claims)} claims, {len(result.findings)} findings")
    for fmt in RESULT_FORMATS:
        began = time.perf_counter()
        out = render_result(result, fmt)
        print(f"{fmt:<7} {time.perf_counter() - began:6.2f} s  {len(out) / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
