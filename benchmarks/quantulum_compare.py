"""factcheck's extraction next to quantulum3 (a general quantity parser): speed and seed-gold accuracy.

Accuracy is scored as ../shared/eval/score_seeds.py scores extraction — a gold claim is found by an
extracted figure of equal value (0.1 %) whose span overlaps the gold text; unmatched figures are false
positives unless the gold lists them under `ignore` — except that `kind` is not compared, because
quantulum3 has units, not factcheck's kinds. Both tools are scored the same way here.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import yaml

from factcheck.documents import iter_documents
from factcheck.extract import extract_claims
from factcheck.models import Document

Figure = tuple[int, int, float]  # start, end, value
TOL = 1e-3


def available() -> bool:
    try:
        with warnings.catch_warnings():  # it warns that its optional classifier is missing
            warnings.simplefilter("ignore")
            import quantulum3.parser  # noqa: F401
    except ImportError:
        return False
    return True


def quantulum_figures(text: str) -> list[Figure]:
    from quantulum3 import parser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(q.span[0], q.span[1], float(q.value)) for q in parser.parse(text)]


def factcheck_figures(doc: Document) -> list[Figure]:
    return [(c.start, c.end, c.value) for c in extract_claims(doc)]


def throughput(docs: Sequence[Document]) -> dict[str, float]:
    """MB/s (million characters per second) of each extractor over the same documents."""
    chars = sum(len(d.text) for d in docs)
    quantulum_figures("warm up: £5 million and 12%")  # first call loads unit tables
    out = {}
    for name, run in (("factcheck", factcheck_figures), ("quantulum3", lambda d: quantulum_figures(d.text))):
        start = time.perf_counter()
        for doc in docs:
            run(doc)
        out[name] = chars / 1e6 / (time.perf_counter() - start)
    return out


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOL * max(abs(b), 1e-9)


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def seed_scores(eval_dir: Path, corpus_dir: Path, extractor: Callable[[Document], list[Figure]]) -> dict[str, float]:
    """Precision, recall and F1 of `extractor` on the seed gold (value + overlapping span)."""
    gold = yaml.safe_load((eval_dir / "seeds-gold.yaml").read_text(encoding="utf-8"))
    files = sorted(str(p) for p in corpus_dir.glob("*.txt"))
    docs = {Path(d.path).name[:3]: d for d in iter_documents(files, date.fromisoformat(gold["as_of"]))}
    figures = {key: extractor(doc) for key, doc in docs.items()}
    used: set[tuple[str, int]] = set()
    required = [g for g in gold["claims"] if not g.get("optional")]
    found = 0
    for g in gold["claims"]:
        spans = _spans(docs[g["doc"]].text, g["text"])
        for i, (start, end, value) in enumerate(figures[g["doc"]]):
            if (g["doc"], i) in used or not _close(value, g["value"]):
                continue
            if any(_overlaps((start, end), s) for s in spans):
                used.add((g["doc"], i))
                found += 0 if g.get("optional") else 1
                break
    ignored = {(n["doc"], s) for n in gold.get("ignore", []) for s in _spans(docs[n["doc"]].text, n["text"])}
    false_pos = 0
    for key, figs in figures.items():
        for i, (start, end, _) in enumerate(figs):
            if (key, i) in used or any(k == key and _overlaps((start, end), s) for k, s in ignored):
                continue
            false_pos += 1
    precision = found / (found + false_pos) if found + false_pos else 0.0
    recall = found / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
