"""Document context: what a statement as a whole says its figures are about.

- aliases: "the Coastal Resilience Innovation Fund (CRIF)" makes "CRIF" a name of the fund, in this
  document and (through the claims' `topic_aliases`) in every other one;
- the headline or title subject: the default subject of the document's figures;
- earlier mentions: "it", "there", "the fund", "the company" stand for the last compatible name before
  them in the same dated section.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..dates import is_publication_line
from ..models import Document
from ..topics import ACTOR_WORDS, NOT_SUBJECTS, sentence_candidates, singular, topic_key, vocab

_NAME_WORD = r"[A-Z][\w’'&.-]*"
_LINK = r"(?:of|for|and|the|on|in|&)"
_ALIAS = re.compile(r"(?P<name>" + _NAME_WORD + r"(?:\s+(?:" + _LINK + r"\s+)*" + _NAME_WORD + r"){1,9})\s*"
                    r"\((?P<abbr>[A-Z][A-Za-z&]{1,9})\)")
# Anaphor heads that stand for any named organisation, whatever its name ends in.
_CLASS_HEADS = vocab("""
company firm business group organisation organization body charity council authority operator provider
institution association trust utility developer manufacturer it they there its their our
""")
_RECENT = 1_500  # characters back that "it" / "there" may reach
_FAR = 4_000  # and "the fund"


@dataclass
class Context:
    aliases: dict[str, str] = field(default_factory=dict)  # short form as written -> full name as written
    headline: str | None = None
    offsets: list[int] = field(default_factory=list)  # named mentions in text order
    names: list[tuple[str, str]] = field(default_factory=list)  # (text, singular lower-case head word)
    sections: list[int] = field(default_factory=list)

    def add(self, offset: int, text: str) -> None:
        """A name found by the parse (kept in text order)."""
        pos = bisect_left(self.offsets, offset)
        if pos < len(self.offsets) and self.offsets[pos] == offset:
            return
        self.offsets.insert(pos, offset)
        self.names.insert(pos, (text, _head_word(text)))

    def full_name(self, text: str) -> str:
        """The long form of an alias ("CRIF" -> "Coastal Resilience Innovation Fund"), else the text."""
        return self.aliases.get(text.strip(), text)

    def aliases_of(self, text: str) -> list[str]:
        """Every key the subject goes by in this document (its own and its alias's)."""
        full = self.full_name(text)
        keys = {topic_key(full)} | {topic_key(short) for short, long in self.aliases.items() if long == full}
        return sorted(k for k in keys if k)

    def resolve(self, head: str, before: int) -> str | None:
        """The name an anaphor ("it", "the fund") stands for: the last compatible one before it."""
        at = bisect_right(self.sections, before)  # sections are in text order; a bisect, as a hostile text
        section_start = self.sections[at - 1] if at else 0  # can hold tens of thousands of date headers
        reach = _RECENT if head in ("it", "its", "they", "their", "there") else _FAR
        i = bisect_left(self.offsets, before) - 1
        while i >= 0 and self.offsets[i] >= max(section_start, before - reach):
            text, name_head = self.names[i]
            if head in _CLASS_HEADS or head == name_head or head in text.lower().split():
                return text
            i -= 1
        if self.headline and (head in _CLASS_HEADS or head == _head_word(self.headline)):
            return self.headline
        return None


def _head_word(text: str) -> str:
    words = re.findall(r"[A-Za-z]+", text)
    return singular(words[-1].lower()) if words else ""


def _initials_match(name: str, abbr: str) -> str | None:
    """The tail of `name` whose initials spell `abbr` ("the Coastal Resilience Innovation Fund", "CRIF")."""
    words = name.split()
    letters = [c for c in abbr.upper() if c.isalpha()]
    for start in range(len(words)):
        tail = words[start:]
        caps = [w[0].upper() for w in tail if w[:1].isupper()]
        every = [w[0].upper() for w in tail]
        if caps == letters or every == letters:
            return " ".join(tail)
    return None


def _headline(doc: Document) -> str | None:
    """The subject a title or headline names (the first named phrase in it)."""
    lines = [doc.meta.title or ""]
    # the first line that is not a publication line ("Press release, 5 May 2022.")
    first = next((ln for ln in doc.text.splitlines()[:4] if ln.strip() and not is_publication_line(ln)), "")
    if len(first) <= 150 and not first.rstrip().endswith((".", "?")):
        lines.append(first.lstrip("# ").strip())
    for line in lines:
        for cand in sentence_candidates(line, set(re.findall(r"[A-Z][\w’'-]+", line))):
            if cand.named and cand.strength >= 2.0 and not set(cand.text.lower().split()) & ACTOR_WORDS \
                    and cand.text.lower() not in NOT_SUBJECTS:
                return cand.text
    return None


def read_context(doc: Document) -> Context:
    """What the whole document tells about its subjects: aliases, headline, dated sections."""
    ctx = Context(sections=[s.start for s in doc.sections])
    for m in _ALIAS.finditer(doc.text):
        full = _initials_match(m.group("name"), m.group("abbr"))
        if full:
            ctx.aliases.setdefault(m.group("abbr"), full)
    ctx.headline = _headline(doc)
    return ctx
