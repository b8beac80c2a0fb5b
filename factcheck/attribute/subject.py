"""Subject: the thing a figure belongs to, read off the sentence's dependency tree.

Candidates are the sentence's noun phrases that name something (a proper-noun phrase with its compounds,
and a number that says which part: "Riverside Fund", "Kirkby Observatory upgrade", "Bank of England", "ACRS
Pathway 1") and anaphors that stand for one
("it", "there", "the fund", "the company"). The figure's subject is, in order:
1. the pot a figure is drawn from: the object of "from", "through", "via" or "as part of" (role part);
2. a giver with a named recipient: "The X Fund has given £12m to Portsmouth" (subject X, role part,
   recipient Portsmouth); a giver that is only an actor ("Ministers gave the X Fund £10m") is not the
   subject, the receiving X is;
3. a name the money is for ("£1.1bn for the Harbour upgrade"); when that is a body, a place or a class of
   them in the plural ("for IDBs", "to support Afghans"), it is the recipient of a part, not what is sized;
4. otherwise the candidate nearest the figure in the tree (ties: the earlier phrase, then the nearer
   one in the text) — the subject of "X has a budget of £10m", the possessor in "X's £10m budget",
   the head the figure modifies in "the £10m X", the object of "for X" or "to X".
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from ..text.vocabulary import MONTHS_LOWER, SEASONS_LOWER, WEEKDAYS_LOWER
from ..topics import ACTOR_WORDS, DESIGNATOR, NON_SUBJECT_WORDS, NOT_SUBJECTS, PLACES, STOP, singular, vocab
from .parse import Parsed

# Words that make a phrase an actor speaking or paying, never what a figure is about.
_ACTORS = ACTOR_WORDS | vocab("""
ministers officials government council councils spokesman spokeswoman spokesperson researchers survey donor
donors we i you he she they report analysis
""")
PRONOUNS = vocab("it its they their there them our")  # "our": the organisation the statement speaks for
_DETERMINERS = vocab("the this that these")  # "their rent" is theirs: its owner is the mention
# Verbs that hand money or things over: their giver is the pot, the receiver gets a part of it.
_GIVE = re.compile(r"^(?:giv|gave|given|award|allocat|grant|hand|distribut|paid|pay|provid|lent|lend|sen[dt]|"
                   r"donat|invest|commit)", re.I)
_FROM = vocab("from through via")
_TO = vocab("to for into towards")
_PURPOSE = vocab("for towards into")
_ANAPHOR_REACH = 4  # arcs: an anaphor further from the figure is about something else in the sentence
_MODIFIERS = {"compound", "amod", "nmod", "flat", "npadvmod"}


@dataclass
class Mention:
    """A noun phrase that can be a subject: named, or an anaphor to resolve."""

    head: int  # token index
    start: int  # char offsets in the sentence
    end: int
    text: str
    named: bool
    anaphor: bool = False
    head_word: str = ""  # singular lower-case head noun: "fund"


@dataclass
class Subject:
    mention: Mention
    part: bool = False  # reached as the pot a part is drawn from or given out of
    recipient: str | None = None
    via: str = "nearest"  # how it was chosen, for the explanation
    thing: str | None = None  # what of the subject's the money is: "investment programme" in "X's £2bn programme"
    owner: bool = False  # the mention is the possessor of what the figure sizes: "its £2bn budget", "our £3m plan"


# Heads of bodies and places: money "for" one of them is given to it ("£8.8m for Adoption England", "£2m
# for Kent County Council"), where money for a programme or a works is its size ("£1.1bn for the Harbour
# upgrade"). A name whose head says neither ("for Gram Setu") is read as what the money is for.
_BODY_HEADS = PLACES | vocab("""
council councils authority authorities agency agencies board boards trust trusts charity charities college
colleges academy academies university universities school schools hospital hospitals company companies firm
firms group association institute commission office department ministry police service services county city
borough district region partnership partnerships club society
""")
# Nouns that say what a sum measures, not which thing it pays for: "X's £10m budget" is X's size.
MEASURE_NOUNS = vocab("""
budget budgets cost costs funding revenue revenues spending spend value worth investment income sales turnover
profit profits money amount total sum figure price fee fees allocation pot purse endowment kitty reserve reserves
pool envelope goal goals target targets aim ceiling cap
""")
# Names of times, not things: "Tuesday night", "Monday", "Spring 2024".
_TIME_WORDS = WEEKDAYS_LOWER | SEASONS_LOWER | MONTHS_LOWER | vocab("""
night morning afternoon evening weekend week day month year quarter
""")


def thing_of(p: Parsed, fig: int, skip: set[int]) -> str | None:
    """The common noun a sum is the size of: "the £1.8 billion investment programme", "an upgrade worth
    £1.4 billion" -> "investment programme", "upgrade". None for a name or a measure word ("£10m budget")."""
    tok = p.tokens[fig]
    head = tok.head
    if tok.dep in ("pobj", "npadvmod") and p.tokens[head].text.lower() == "worth":
        head = p.tokens[head].head
    elif tok.dep not in ("compound", "nmod", "amod", "nummod", "quantmod") or head < fig:
        return None
    n = p.tokens[head]
    if n.pos != "NOUN" or not n.text.islower() or n.text in MEASURE_NOUNS or n.text in _TIME_WORDS \
            or n.dep in ("attr", "appos"):  # "£40m last year": a time, not a thing
        return None  # "X is now a £2bn programme", "X, a £2bn programme,": the phrase says what X is
    words = [i for i in _phrase(p, head, skip) if p.tokens[i].text.islower() and p.tokens[i].pos in ("NOUN", "ADJ")]
    if not words or words[-1] != head:
        return None
    return " ".join(p.tokens[i].text for i in words)


def _phrase(p: Parsed, head: int, skip: set[int]) -> list[int]:
    """The head and its left modifiers (compounds, adjectives, names), minus figures and punctuation."""
    out = {head}
    stack = [head]
    # a name goes on through a named possessor: "Children's Social Care Innovation Programme"
    # ... and through "and" inside it: "Social and Affordable Homes Programme"
    modifiers = _MODIFIERS | ({"poss", "case", "conj", "cc"} if p.tokens[head].pos == "PROPN" else set())
    while stack:
        i = stack.pop()
        for c in p.children[i]:
            t = p.tokens[c]
            if c < head and t.dep in modifiers and c not in skip and t.pos not in ("NUM", "SYM", "PUNCT") \
                    and not t.text[:1].isdigit() and t.text not in "£$€¥₹":
                out.add(c)
                stack.append(c)
    while min(out) > 0 and (j := min(out) - 1) not in skip and p.tokens[j].pos == "PROPN" \
            and p.tokens[j].text[:1].isupper() and p.tokens[head].pos == "PROPN":
        out.add(j)  # adjacent names are one name
    idxs = sorted(out)
    if p.tokens[head].pos == "PROPN":
        while len(idxs) > 1 and p.tokens[idxs[0]].text.islower():
            idxs = idxs[1:]  # "10-year Social and Affordable Homes Programme": the name starts at a capital
    nxt = head + 1
    if len(idxs) > 1 and not p.tokens[head].text[:1].isupper() and nxt < len(p.tokens) \
            and p.tokens[nxt].tag in ("DT", "PRP$"):
        idxs = idxs[:-1]  # "Brackley recycle their ...": a verb read as a noun ends no name
        head = idxs[-1]
    # keep the contiguous run ending at the head ("Riverside Fund", not "£10m ... Fund")
    run = [idxs[-1]]
    for i in reversed(idxs[:-1]):
        if i == run[0] - 1:
            run.insert(0, i)
        else:
            break
    # "Bank of England", "University of Leeds": a name that goes on with "of" + name
    tok = p.tokens[head]
    if tok.pos == "PROPN" and run[-1] == head:
        # "ACRS Pathway 1", "Phase 2", "Tranche B": a number or letter after a name says which part of it
        nxt = head + 1
        if nxt < len(p.tokens) and nxt not in skip and p.tokens[nxt].head == head \
                and _DESIGNATOR.fullmatch(p.tokens[nxt].text):
            run = [*run, nxt]
    if tok.pos == "PROPN":
        for c in p.children[head]:
            if c > head and p.tokens[c].dep == "prep" and p.tokens[c].text.lower() == "of" and c == run[-1] + 1:
                objs = [g for g in p.children[c] if p.tokens[g].dep == "pobj" and p.tokens[g].pos == "PROPN"]
                if objs:
                    tail = _phrase(p, objs[0], skip)
                    if tail and tail[0] == c + 1:
                        run = [*run, c, *tail]
    return run


# Which part of a named thing: "1", "2b", "IV", "B" (not a year: "Programme 2024" is when, and a year is a figure).
_DESIGNATOR = re.compile(DESIGNATOR.pattern + r"|[IVX]{1,4}|[A-Z]")


def _is_name_word(p: Parsed, i: int) -> bool:
    t = p.tokens[i]
    if t.pos == "PROPN" and t.text[:1].isupper():
        return True
    return t.text[:1].isupper() and t.start > 0 and t.text.lower() not in STOP and t.pos in ("NOUN", "ADJ")


def mentions(p: Parsed, skip: set[int]) -> list[Mention]:
    """Named phrases and anaphors of a sentence (tokens in `skip`, the figures, left out)."""
    out: list[Mention] = []
    for i, t in enumerate(p.tokens):
        if i in skip:
            continue
        low = t.text.lower()
        if (t.pos == "PRON" and low in PRONOUNS) or (low == "there" and t.dep == "advmod"):
            if t.dep == "pobj" and p.tokens[t.head].text.lower() == "of":
                continue  # "most of it", "half of them": the quantity, not its owner
            out.append(Mention(i, t.start, t.end, t.text, False, anaphor=True, head_word=low))
            continue
        if t.pos not in ("NOUN", "PROPN") or (t.dep in ("compound", "flat") and t.head not in skip):
            continue  # part of a longer phrase (unless what it modifies is a figure: "the X Farm £340m")
        if t.pos == "PROPN" and t.dep in ("nmod", "conj") and t.head > i and p.tokens[t.head].pos == "PROPN":
            continue  # "Social" in "Social and Affordable Homes Programme"
        if t.pos == "PROPN" and i + 1 < len(p.tokens) and i + 1 not in skip and p.tokens[i + 1].pos == "PROPN" \
                and p.tokens[i + 1].text[:1].isupper() and p.tokens[i + 1].start == t.end + 1:
            continue  # "Bayside Aquarium": one name, however the parser attached its words
        run = _phrase(p, i, skip)
        words = [p.tokens[j].text for j in run]
        lowered = {w.lower().removesuffix("'s").removesuffix("’s") for w in words}
        text = p.text[p.tokens[run[0]].start:p.tokens[run[-1]].end]
        named = any(_is_name_word(p, j) for j in run)
        if words[0].lower().rstrip(".") in _PRICE_BASIS:
            continue  # "£13,661.92 ex VAT", "incl. VAT": what the price includes, not what it is for
        if named:
            if lowered & _ACTORS or lowered <= _TIME_WORDS | STOP or (len(run) == 1 and text.lower() in PLACES) \
                    or all(w in NOT_SUBJECTS | STOP | NON_SUBJECT_WORDS for w in lowered):
                continue  # an actor, a time, a country: who spoke, when, where — not what
            if len(text) < 2 or (len(run) == 1 and len(text) <= 2 and text.isupper() and text in {"Q", "A"}):
                continue
            out.append(Mention(i, p.tokens[run[0]].start, p.tokens[run[-1]].end, text, True,
                               head_word=singular(t.text.lower())))
            continue
        dets = [c for c in p.children[i] if p.tokens[c].dep in ("det", "poss")
                and p.tokens[c].text.lower() in _DETERMINERS]
        if dets and not lowered & _ACTORS:
            start = p.tokens[min(dets[0], run[0])].start
            out.append(Mention(i, start, p.tokens[run[-1]].end, p.text[start:p.tokens[run[-1]].end], False,
                               anaphor=True, head_word=singular(t.text.lower())))
    return out


_PRICE_BASIS = vocab("ex exc excl inc incl")
_EXCLUDING = vocab("excluding except besides excepting bar barring")


def excluded(p: Parsed, i: int) -> bool:
    """Whether a phrase hangs from "excluding" or "except" ("£7.1m, excluding British Sign Language and
    Welsh"): what a figure leaves out is not what it is about."""
    for _ in range(6):
        h = p.tokens[i].head
        if h == i:
            return False
        i = h
        if p.tokens[i].text.lower() in _EXCLUDING:
            return True
    return False


def _distances(p: Parsed, source: int) -> list[int]:
    """Tree distance (arcs, either direction) from one token to every other."""
    dist = [-1] * len(p.tokens)
    dist[source] = 0
    queue = deque([source])
    while queue:
        i = queue.popleft()
        nbrs = [*p.children[i]]
        if p.tokens[i].head != i:
            nbrs.append(p.tokens[i].head)
        for j in nbrs:
            if dist[j] < 0:
                dist[j] = dist[i] + 1
                queue.append(j)
    return dist


def _governor(p: Parsed, fig: int) -> int | None:
    """The verb the figure hangs from (climbing through nouns and prepositions)."""
    i = fig
    for _ in range(8):
        h = p.tokens[i].head
        if h == i:
            return i if p.tokens[i].pos in ("VERB", "AUX") else None
        i = h
        if p.tokens[i].pos in ("VERB", "AUX"):
            return i
    return None


def _prep_objects(p: Parsed, head: int, words: frozenset[str]) -> list[int]:
    out = []
    for c in p.children[head]:
        t = p.tokens[c]
        if t.dep in ("prep", "dative") and t.text.lower() in words:
            out.extend(g for g in p.children[c] if p.tokens[g].dep == "pobj")
        elif t.dep == "dative" and t.pos in ("NOUN", "PROPN"):
            out.append(c)
    return out


def _as_part_of(p: Parsed, fig: int) -> list[int]:
    """"as part of X": X's index wherever the phrase hangs."""
    out = []
    for i, t in enumerate(p.tokens):
        if t.text.lower() == "part" and i > 0 and p.tokens[i - 1].text.lower() == "as":
            for c in p.children[i]:
                if p.tokens[c].text.lower() == "of":
                    out.extend(g for g in p.children[c] if p.tokens[g].dep == "pobj")
    return out


_SCOPE_PREPOSITIONS = vocab("in with within across throughout")


def scope_of(p: Parsed, found: list[Mention], subject: Mention | None) -> list[str]:
    """Names, besides the subject, that the sentence puts the figure in or with: "transactions with
    Ukraine", "projects in Western Sahara" (objects of "in", "with", "across"), among the sentence's `found`
    mentions. A name inside the subject's
    own phrase, or sharing its words ("in eastern DRC" for the DRC programme), is the subject's."""
    own = {w.lower() for w in re.findall(r"[A-Za-z]+", subject.text)} if subject else set()
    out = []
    for m in found:
        tok = p.tokens[m.head]
        if not m.named or tok.dep != "pobj" or p.tokens[tok.head].text.lower() not in _SCOPE_PREPOSITIONS:
            continue
        if subject and (subject.start <= m.start < subject.end or m.start <= subject.start < m.end):
            continue
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", m.text)}
        if words & own or not any(w[:1].isupper() for w in m.text.split()):
            continue
        out.append(m.text)
    return out


def _helped(p: Parsed, head: int) -> list[int]:
    """Objects of a purpose clause on `head`: "Afghans" in "£171m to support Afghans"."""
    out = []
    for c in p.children[head]:
        t = p.tokens[c]
        if t.dep in ("advcl", "xcomp", "acl") and t.pos == "VERB" \
                and any(p.tokens[a].dep == "aux" and p.tokens[a].text.lower() == "to" for a in p.children[c]):
            out.extend(g for g in p.children[c] if p.tokens[g].dep == "dobj")
            # "to help Ukrainians settle": the helped are the subject of the clause the verb takes
            out.extend(g for k in p.children[c] if p.tokens[k].dep == "ccomp"
                       for g in p.children[k] if p.tokens[g].dep == "nsubj")
    return out


def _is_recipient(p: Parsed, m: Mention) -> bool:
    """A body, a place, or a class of them named in the plural ("IDBs", "Afghans", "Local Enterprise
    Partnerships"): money for it is handed to it. A singular name ("the Harbour upgrade") is what money buys."""
    return m.head_word in _BODY_HEADS or p.tokens[m.head].tag == "NNPS" \
        or re.fullmatch(r"[A-Z]{2,}s", p.tokens[m.head].text) is not None


def find_subject(p: Parsed, fig_tokens: list[int], skip: set[int],
                 sentence_mentions: list[Mention] | None = None) -> list[Subject]:
    """Subjects the figure whose tokens are `fig_tokens` may have, best first (see the module docstring);
    the caller takes the first that names something (an anaphor may not resolve). `sentence_mentions`:
    mentions(p, skip), when the caller has them."""
    fig = p.root_of(fig_tokens)
    if fig is None:
        return []
    # "our" read as owning the figure itself ("on our new £39bn, 10-year X Programme") is a misparse: it
    # owns the thing the figure sizes, which is then the nearer candidate
    found = [m for m in (mentions(p, skip) if sentence_mentions is None else sentence_mentions)
             if m.head not in fig_tokens and not excluded(p, m.head)
             and not (m.anaphor and p.tokens[m.head].dep == "poss" and p.tokens[m.head].head in fig_tokens)]
    if not found:
        return []
    by_head = {m.head: m for m in found}
    dist = _distances(p, fig)
    verb = _governor(p, fig)
    whole = [by_head[i] for i in _prep_objects(p, fig, _FROM) + (_prep_objects(p, verb, _FROM) if verb is not None
                                                                  else []) + _as_part_of(p, fig) if i in by_head]
    subj = None
    receivers: list[Mention] = []
    if verb is not None:
        subj = next((by_head[c] for c in p.children[verb] if p.tokens[c].dep in ("nsubj", "nsubjpass")
                     and c in by_head), None)
        receivers = [by_head[i] for i in _prep_objects(p, verb, _TO) if i in by_head]
    if whole:
        pot = whole[0]
        recipient = subj or (receivers[0] if receivers else None)
        return [Subject(pot, part=True, recipient=recipient.text if recipient and recipient.named else None,
                        via="drawn from")]
    if verb is not None and subj is not None and subj.named and receivers and _GIVE.match(p.tokens[verb].text):
        rec = receivers[0]
        return [Subject(subj, part=True, recipient=rec.text if rec.named else None, via="giver")]

    # "£5m for X", "funding of £5m for X", "announced £5m for X": what the money is for
    holders = [fig]
    tok = p.tokens[fig]
    if tok.dep == "pobj" and p.tokens[tok.head].text.lower() == "of":
        holders.append(p.tokens[tok.head].head)
    elif tok.dep in ("dobj", "appos"):  # "provided £5m for X", "a grant, £75m, for X"
        holders.append(tok.head)
    if verb is not None and ((tok.head == verb and tok.dep in ("advmod", "npadvmod", "prep")) or (
            tok.dep == "pobj" and p.tokens[tok.head].text.lower() != "of"
            and p.tokens[p.tokens[tok.head].head].pos not in ("NOUN", "PROPN"))):
        holders.append(verb)  # "announced a grant, up to £75m, for X": the figure hangs from the verb
    if verb is not None and any(p.tokens[h].dep == "dobj" and p.tokens[h].head == verb for h in holders):
        holders.append(verb)  # "announced a top-up, £30m, for X": what the verb's object is for
    purpose = {i for h in holders for i in _prep_objects(p, h, _PURPOSE) if i in by_head and by_head[i].named}
    # "£171m to support Afghans": whom a purpose clause helps is a recipient when it is a body or a class
    helped = {i for h in [*holders, *([verb] if verb is not None else [])] for i in _helped(p, h)
              if i in by_head and by_head[i].named and _is_recipient(p, by_head[i])}

    def rank(m: Mention) -> tuple:
        d = dist[m.head] if dist[m.head] >= 0 else 99
        return (0 if m.head in purpose or m.head in helped else 1, d, 0 if m.named else 1,
                0 if m.start < p.tokens[fig].start else 1, abs(m.start - p.tokens[fig].start))

    ranked = sorted([m for m in found if m.named or 0 <= dist[m.head] <= _ANAPHOR_REACH], key=rank)
    if ranked and ((ranked[0].head in purpose and _is_recipient(p, ranked[0])) or ranked[0].head in helped):
        # "£8.8 million for Adoption England", "a grant of £75m for IDBs": money for a body, a place or a
        # class of them is given to it, a part with its recipient, not the body's size ("£1.1bn for the
        # Harbour upgrade" is)
        return [Subject(ranked[0], part=True, recipient=ranked[0].text, via="recipient")]
    thing = thing_of(p, fig, skip)
    sized = p.tokens[fig].head
    return [Subject(m, thing=thing, owner=p.tokens[m.head].dep == "poss" and p.tokens[m.head].head == sized)
            for m in ranked]
