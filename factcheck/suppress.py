"""Inline suppressions: a writer accepts one finding where it is, as `# noqa` does for ruff.

    <!-- factcheck: ignore differing-totals -- the 2019 figure was revised -->     (Markdown, HTML)
    factcheck: ignore[differing-totals] -- the 2019 figure was revised           (plain text, own line)

Several rule ids are separated by commas; none means every rule. The comment covers claims on its own
line and on the line after it. A suppression that silences nothing is reported, so stale ones are found.
One shown inside a fenced code block (``` or ~~~), as documentation shows it, is not a suppression.
"""

from __future__ import annotations

import re

from .models import Suppression

_RULES = r"(?P<rules>[A-Za-z][A-Za-z0-9_,\s-]*?)"
_REASON = r"(?:\s+--\s*(?P<reason>.*?))?"
_HTML = re.compile(r"<!--\s*factcheck:\s*ignore(?:\[(?P<brules>[^\]]*)\]|\s+" + _RULES + r"|)" + _REASON + r"\s*-->")
_PLAIN = re.compile(r"^[ \t]*(?:#|//)?[ \t]*factcheck:[ \t]*ignore"
                    r"(?:\[(?P<brules>[^\]\n]*)\]|[ \t]+(?P<rules>[A-Za-z][A-Za-z0-9_, \t-]*?)|)"
                    r"(?:[ \t]+--[ \t]*(?P<reason>[^\n]*?))?[ \t]*$", re.MULTILINE)


def find_suppressions(text: str, line_offset: int = 0) -> list[Suppression]:
    """Every suppression comment in `text`, with the file line it is on."""
    if "factcheck:" not in text:
        return []
    found: dict[int, Suppression] = {}
    fenced = _fenced_lines(text)
    for pattern in (_HTML, _PLAIN):
        for m in pattern.finditer(text):
            text_line = text.count("\n", 0, m.start()) + 1
            if text_line in fenced:
                continue
            line = text_line + line_offset
            raw = m.group("brules") if m.group("brules") is not None else (m.group("rules") or "")
            rules = [r for r in re.split(r"[\s,]+", raw.strip()) if r and r not in ("all", "*")]
            reason = (m.group("reason") or "").strip() or None
            found.setdefault(line, Suppression(line=line, rules=rules, reason=reason))
    return [found[line] for line in sorted(found)]


_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")


def _fenced_lines(text: str) -> set[int]:
    """1-based lines inside Markdown fenced code blocks (fences included)."""
    inside, fence, lines = False, "", set()
    for number, line in enumerate(text.split("\n"), 1):
        m = _FENCE.match(line)
        if m and (not inside or (m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence))):
            inside, fence = not inside, m.group(1)
            lines.add(number)
        elif inside:
            lines.add(number)
    return lines
