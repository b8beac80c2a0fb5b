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
from ..text.layout import TextLayout
from ..text.sentences import proper_words
from ..topics import (
    ACTOR_WORDS,
    NOT_SUBJECTS,
    VEHICLE_HEADS,
    initials_match,
    sentence_candidates,
    singular,
    topic_key,
    vocab,
)

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

    def full_name(self, text: str, before: int | None = None) -> str:
        """The long form of an alias ("CRIF" -> "Coastal Resilience Innovation Fund"), or of a short name
        the statement gave in full earlier ("the Kootenay fund", "Meadowlark's" after "Meadowlark Meals"),
        else the text."""
        alias = self.aliases.get(text.strip())
        if alias is not None or before is None:
            return alias or text
        return self._expanded(text, before) or text

    def _expanded(self, text: str, before: int) -> str | None:
        """The one longer name, said earlier in the section (or in the headline), that starts with the short
        name's first word and holds its words in order, with the same head if the short name has one."""
        short = _name_words(text)
        if not short or not short[0][:1].isupper():
            return None
        acronym = len(short) == 1 and 2 <= len(short[0]) <= 6 and short[0].isupper()
        at = bisect_right(self.sections, before)
        section_start = self.sections[at - 1] if at else 0
        i = bisect_left(self.offsets, before)
        seen = [name for off, (name, _) in zip(self.offsets[:i], self.names[:i], strict=True) if off >= section_start]
        found: dict[str, str] = {}
        for name in [*seen, *([self.headline] if self.headline else [])]:
            long = _name_words(name)
            spelt = initials_match(name, short[0]) if acronym else None
            if spelt:  # "NCL" after "the Northern Circuit League"
                found.setdefault(" ".join(w.lower() for w in long), spelt)
            elif len(long) > len(short) and _starts_and_follows(short, long):
                found.setdefault(" ".join(w.lower() for w in long), name)
        # "Heathfield Homes" and "Heathfield Homes annual review": the longer one is the shorter with more words
        keys = [k for k in found if not any(k != o and k.startswith(o + " ") for o in found)]
        return found[keys[0]] if len(keys) == 1 else None

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
        if self.headline and (head in _CLASS_HEADS or head in VEHICLE_HEADS or head == _head_word(self.headline)):
            return self.headline  # "the project", with no project named before it: what the statement is about
        return None


def _name_words(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z][\w-]*", re.sub(r"['’]s\b", "", text))
    return [w for w in words if w.lower() not in ("the", "a", "an", "its", "their", "our", "this")]


def _starts_and_follows(short: list[str], long: list[str]) -> bool:
    """"Kootenay fund" in "Kootenay Wildfire Recovery Fund": same first word, the rest in order, and the
    same last word (the head) when the short form has more than one word."""
    low_s, low_l = [w.lower() for w in short], [w.lower() for w in long]
    if low_s[0] != low_l[0] or (len(low_s) > 1 and singular(low_s[-1]) != singular(low_l[-1])):
        return False
    if low_l.count(low_s[0]) > 1:
        return False  # "Northwind Ferries and Northwind Ports": which Northwind is not said
    it = iter(low_l[1:])
    return all(w in it for w in low_s[1:])


def _head_word(text: str) -> str:
    words = re.findall(r"[A-Za-z]+", text)
    return singular(words[-1].lower()) if words else ""


def _headline(doc: Document, mid_sentence: set[str]) -> str | None:
    """The subject a title or headline names (the first named phrase in it); `mid_sentence`: the words the
    document capitalises mid-sentence (text.sentences.proper_words)."""
    lines = [doc.meta.title or ""]
    # the first line that is not a publication line ("Press release, 5 May 2022.")
    first = next((ln for ln in doc.text.splitlines()[:4] if ln.strip() and not is_publication_line(ln)), "")
    if len(first) <= 150 and not first.rstrip().endswith((".", "?")):
        lines.append(first.lstrip("# ").strip())
    for line in lines:
        capitals = re.findall(r"[A-Z][\w’'-]+", line)
        # "Audit observations on the Vindhya corridor": a headline's first word is capitalised anyway, and
        # names something only when the document also capitalises it mid-sentence
        proper = mid_sentence | set(capitals[1:] if capitals and line.startswith(capitals[0]) else capitals)
        for cand in sentence_candidates(line, proper):
            if cand.named and cand.strength >= 2.0 and not set(cand.text.lower().split()) & ACTOR_WORDS \
                    and cand.text.lower() not in NOT_SUBJECTS:
                # "Heathfield Homes annual review": the name is the capitalised run, the rest says what the
                # document is
                words = cand.text.split()
                cut = next((i for i, w in enumerate(words) if i and w[:1].islower()), len(words))
                return " ".join(words[:cut])
    return None


def read_context(doc: Document, layout: TextLayout | None = None) -> Context:
    """What the whole document tells about its subjects: aliases, headline, dated sections.
    `layout`: the document's analysed text, when the caller has it."""
    ctx = Context(sections=[s.start for s in doc.sections])
    for m in _ALIAS.finditer(doc.text):
        full = initials_match(m.group("name"), m.group("abbr"))
        if full:
            ctx.aliases.setdefault(m.group("abbr"), full)
    ctx.headline = _headline(doc, layout.proper_words if layout is not None else proper_words(doc.text))
    return ctx
