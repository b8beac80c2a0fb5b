"""Topic phrases: find the noun phrases a figure can be about, and normalise them into match keys.

Rule-based on purpose (regexes over one sentence, no parser or model): it has to be fast over millions
of characters, predictable, and explainable when an analyst asks "why is this claim about X?".

A candidate is a noun phrase that can name a subject:
- a *named* phrase: a run of capitalised words ("Children's Social Care Innovation Programme"),
  optionally ending in a lower-case head ("Innovation programme"), or a quoted title;
- a *vehicle* phrase: lower-case modifiers + a head such as programme/fund/scheme/plan
  ("the teaching partnership programme");
- a *subject* phrase: lower-case modifiers + funding/care/training/... ("high-needs funding");
- an *anaphor*: "this fund", "the programme", "it" — resolved by the attribute stage;
- the object of a money preposition ("£6 billion for high needs", "funding ... for X").
Each gets a strength; the attribute stage adds how closely it is tied to the figure.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .text.vocabulary import FUNCTION_CAPS as FUNCTION_CAPS  # re-exported: the stages import it from here too
from .text.vocabulary import MONTHS_LOWER, WEEKDAYS_LOWER
from .text.vocabulary import STOP as STOP
from .text.vocabulary import words as vocab

# Heads that name a funding vehicle or a body: the strongest lower-case topics.
VEHICLE_HEADS = vocab("""
programme programmes program programs fund funds scheme schemes plan plans strategy strategies initiative
initiatives grant grants partnership partnerships project projects pilot pilots model pathway package deal
premium allowance bursary bursaries budget levy network framework system college academy centre center trust
board agency review competition challenge service services taskforce commission unit hub campaign campaigns
drive drives
""")
# Heads of lower-case subjects ("high-needs funding", "social care"): weaker than a vehicle.
SUBJECT_HEADS = vocab("""
funding spending investment care training support provision education research infrastructure places housing
transport benefit benefits credit relief scholarships apprenticeships gap rate spend cap limit threshold wage
wages salary pension fee fees tariff tax duty price prices
""")
# Vehicle heads an anaphor like "this fund" may stand for.
VEHICLE_CLASS = vocab("""
programme program fund scheme plan initiative grant pilot project partnership
""")

# Words that end a noun phrase when walking back from its head (verbs and adverbs the regexes meet).
VERBISH = vocab("""
announced said confirmed told allocated invested injected provided committed received spent funded launched
supported support supports covers involves set increased raised awarded given made delivering deliver
delivered give gives giving helps help helped make making ensure ensuring improve improving provide providing
bid join targeted aimed aims aim backed backing run runs
""") - SUBJECT_HEADS
# Capitalised words that are people's titles or institutions speaking, not subjects.
ACTOR_WORDS = vocab("""
secretary minister ministers lord lady baroness sir dr mr mrs ms mp mps hon friend member members gentleman
speaker chancellor spokesperson ceo chair chairman director directors government department ministry treasury
parliament house commons lords chamber committee prime state majesty
""")
PLACES = vocab("""
england scotland wales ireland britain uk gb london europe eu nhs
""") - {"nhs"}
# Capitalised words that are dates or document furniture, never a subject on their own.
NOT_SUBJECTS = MONTHS_LOWER | WEEKDAYS_LOWER | vocab("""
answer answers question questions phase table annex figure total value note
notes source sources yes no round rounds stage tranche wave part section schedule kg km
""") | {"official report", "written statement", "written question", "united kingdom", "great britain",
       "northern ireland", "the united kingdom", "house of commons", "house of lords"}
# Measures, units and fiscal events: what a figure is counted in or announced at, never what it is about
# ("£870 million GVA", "£6,950 plus VAT", "120 FTE", "announced in the Spring Budget").
NON_SUBJECT_WORDS = vocab("""
gva gdp gni gnp vat fte ftes percent cent pence per kg km mg ml tonne tonnes metre metres meter meters hour hours
mile miles litre litres mw gw twh kwh spring summer autumn winter budget statement spending review fiscal event
estimates supplementary
""")
_IDIOM_NOUNS = vocab("""
response addition total order line place respect relation particular practice principle part turn return full
advance time future recent comparison contrast light view terms favour accordance recognition period periods
""")
_PEOPLE = vocab("people children pupils students families adults patients residents households individuals women men")
_ADVERBS = vocab("now today currently already then still yet also again there here ago")
_MONEY_TOKENS = vocab("""
million billion thousand trillion bn m k mn pound pounds pence p gbp usd eur
""")
# Measure words stripped from keys so "high-needs funding" and "high needs" meet.
_MEASURE_TOKENS = vocab("""
funding investment spending money allocation budget grant cash
""")
_KEY_STOP = STOP | vocab("""
new additional extra further overall total ambitious successful current existing first second next so-called
key major whole entire annual
one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty fifty hundred multi year
years month months week weeks day days lower upper minimum maximum
""")

# A word in any alphabet ("Sertão", "Zürich"): a letter, then letters or digits, joined by apostrophes or hyphens.
WORD_RE = re.compile(r"[^\W\d_][^\W_]*(?:['’-][^\W_]+)*['’]?")
_IT_SUBJECT = re.compile(r"\s+(has|have|had|is|was|will|'s|’s|provides|provided|covers|supports|supported|funds|"
                         r"funded|received|receives|spent|spends|invested)\b")
_QUOTED_RE = re.compile(r"[“\"‘]([A-Z][^”\"’]{2,80}?)[”\"’]")


@dataclass
class Candidate:
    """A noun phrase in a sentence that could be what a figure is about."""

    start: int  # offsets into the sentence
    end: int
    text: str
    strength: float
    head: str
    anaphor: bool = False  # "this fund", "the programme", "it": stands for an earlier mention
    named: bool = False


_SINGULAR_ENDINGS = ("ss", "us", "is", "ics")  # class, bus, analysis, economics: singular as they stand
_INVARIANT = frozenset({"news"})
# Singular nouns in -men, which inflect would read as plurals of -man.
_MEN_SINGULARS = frozenset({"specimen", "omen", "abdomen", "acumen", "regimen", "stamen", "semen", "lumen",
                            "bitumen", "hymen", "albumen", "cognomen", "dolmen", "examen"})


@functools.cache
def _inflect() -> Any:
    """The inflect module, imported on first use (`factcheck extract` never needs it) and without its
    runtime type checks: inflect 7 wraps 23 methods in typeguard's @typechecked, which re-parses the
    whole module's source for each (1.9 s of every run, against 0.04 s). We pass it plain strings."""
    try:
        import typeguard
    except ImportError:  # an inflect without typeguard: nothing to skip
        import inflect

        return inflect
    checked = typeguard.typechecked
    typeguard.typechecked = lambda target=None, **_: target if target is not None else (lambda f: f)
    try:
        import inflect
    finally:
        typeguard.typechecked = checked
    return inflect


@functools.cache
def _english() -> Any:
    return _inflect().engine()


@functools.cache
def _irregular_plurals() -> frozenset[str]:
    """Plurals that do not end in s ("women", "children", "data"), from inflect's own tables."""
    inflect = _inflect()
    plurals = {p for forms in inflect.pl_sb_irregular.values() for p in forms.split("|")}
    for name in dir(inflect):  # the classical tables: criteria, phenomena, alumni, ...
        if name.startswith(("pl_sb_C_", "pl_sb_U_")) and name.endswith("_list"):
            plurals.update(_classical_plural(name, w) for w in getattr(inflect, name))
    plurals.update(("people", "mice", "lice", "teeth", "feet", "geese"))  # inflect's special cases
    return frozenset(p for p in plurals if p and not p.endswith("s"))


def _classical_plural(table: str, word: str) -> str:
    """pl_sb_U_on_a_list holds 'criterion': its plural swaps the ending the table names ('on' -> 'a')."""
    parts = table.split("_")  # pl sb U on a list
    if len(parts) == 6 and word.endswith(parts[3]):
        return word[: len(word) - len(parts[3])] + parts[4]
    return ""


@functools.lru_cache(maxsize=1 << 16)
def singular(word: str) -> str:
    """English singular of a lower-case word for matching keys, by inflect's rules and exceptions: "buses" ->
    "bus", "bursaries" -> "bursary", "women" -> "woman", "children" -> "child"; "series", "gas", "bias" and
    "news" stay. A word is left alone when it is already its plural's singular."""
    if len(word) <= 3 or word.endswith(_SINGULAR_ENDINGS) or word in _INVARIANT:
        return word
    if not word.endswith("s") and word not in _irregular_plurals() and (
            not word.endswith("men") or word in _MEN_SINGULARS):
        return word  # the common case, without asking inflect
    english = _english()
    result = english.singular_noun(word)
    if not result or result == word:
        return word
    if word.endswith("s") and english.singular_noun(english.plural_noun(word)) == word:
        return word  # "gas": its plural "gases" comes back to it, so it is singular already
    return result


def _fold(text: str) -> str:
    """Accents dropped, so "Sertão" and "Sertao" key alike (letters of other alphabets are kept)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


# The number that says which part of a named thing a key is: "1" in "acr pathway 1", "2b" (a year is a figure).
DESIGNATOR = re.compile(r"\d{1,2}[a-z]?")


def _key_tokens(text: str) -> list[str]:
    text = _fold(text).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group(0) == "'s" else "s", text)
    tokens = []
    raws = re.split(r"[\W_]+", text.strip())
    for at, raw in enumerate(raws):
        if tokens and at == len(raws) - 1 and DESIGNATOR.fullmatch(raw):
            tokens.append(raw)  # "ACRS Pathway 1": the number says which part of the name, so it is kept
            continue
        if not raw or raw in _KEY_STOP or raw in _MONEY_TOKENS or any(ch.isdigit() for ch in raw):
            continue
        tok = singular(raw)
        if tok in _KEY_STOP:  # "seconds" is only a stop word once singular; keeps topic_key idempotent
            continue
        if tok in ("program", "programme"):
            tok = "programme"
        tokens.append(tok)
    return tokens


def topic_key(text: str | None) -> str | None:
    """Normalised form for matching: "The £200 million Innovation Programme" -> "innovation programme"."""
    if not text:
        return None
    tokens = _key_tokens(text)
    kept = [t for t in tokens if t not in _MEASURE_TOKENS]
    tokens = kept or tokens
    if all(t in NON_SUBJECT_WORDS or t in MONTHS_LOWER for t in tokens):
        return None  # "GVA", "per cent", "April", "Autumn Budget": a measure or a date, not a subject
    return " ".join(tokens) or None


def described_tokens(topic: str) -> frozenset[str]:
    """Key tokens of the lower-case words inside a name ("helicopter" in "Kestrel helicopter programme"):
    they describe the thing the capitalised words name, so a source may leave them out ("the Kestrel
    programme"). Empty for a phrase with no capitalised name word."""
    words = re.findall(r"[A-Za-z][\w'’-]*", topic)
    if not any(w[0].isupper() and w.lower() not in _KEY_STOP for w in words):
        return frozenset()
    return frozenset(t for w in words if w[0].islower() for t in _key_tokens(w))


_FUNCTION_CAPS_AND_I = FUNCTION_CAPS | {"i"}  # built once, not per word


def _is_cap(word: str) -> bool:
    return word[0].isupper()


def _classify_head(head: str) -> float:
    h = head.lower()
    if h in VEHICLE_HEADS:
        return 2.5
    if h in SUBJECT_HEADS:
        return 1.5
    return 0.0


def sentence_candidates(sentence: str, proper: set[str]) -> list[Candidate]:
    """Candidate topic phrases of one sentence, left to right.

    `proper` holds words the document capitalises mid-sentence: a sentence-initial capital counts as a
    name only when it is one of them ("Peterborough has received..." but not "High-needs funding is...").
    """
    words = [(m.start(), m.end(), m.group(0)) for m in WORD_RE.finditer(sentence)]
    out: list[Candidate] = []
    used_until = -1
    first_start = words[0][0] if words else 0
    i = 0
    n = len(words)
    while i < n:
        s, e, w = words[i]
        initial = s == first_start
        next_is_cap = i + 1 < n and sentence[e:words[i + 1][0]] == " " and _is_cap(words[i + 1][2]) \
            and words[i + 1][2].lower() not in FUNCTION_CAPS
        if _is_cap(w) and not (initial and (w.lower() in FUNCTION_CAPS
                                            or (w.strip("’'") not in proper and not next_is_cap))) \
                and w.lower() not in _FUNCTION_CAPS_AND_I and s > used_until:
            j = i
            # Extend over capitalised words and connectors followed by a capitalised word.
            while j + 1 < n:
                gap = sentence[words[j][1]:words[j + 1][0]]
                nxt = words[j + 1][2]
                if gap.strip(" -&") == "" and _is_cap(nxt):
                    j += 1
                    continue
                if (gap == " " and nxt.lower() in {"of", "for", "and", "the", "on", "in", "to"} and j + 2 < n
                        and sentence[words[j + 1][1]:words[j + 2][0]] == " " and _is_cap(words[j + 2][2])
                        and words[j + 2][2].lower() not in FUNCTION_CAPS):
                    j += 2
                    continue
                break
            # A trailing lower-case head ("Innovation programme", "Hertfordshire innovation project").
            k = j
            for look in range(1, 4):
                if j + look >= n or sentence[words[j + look - 1][1]:words[j + look][0]] not in (" ", "-"):
                    break
                lw = words[j + look][2]
                if lw.lower() in STOP or _is_cap(lw):
                    break
                if lw.lower() in VEHICLE_HEADS:
                    k = j + look
                    break
            run = words[i:k + 1]
            text = sentence[run[0][0]:run[-1][1]]
            lowered = {x[2].lower().strip("’'").removesuffix("’s").removesuffix("'s") for x in run}
            after = sentence[run[-1][1]:run[-1][1] + 14].lower()
            is_actor = bool(lowered & ACTOR_WORDS) or re.match(r"\s*(announced|said|says|told|confirmed|stated)\b",
                                                                after) is not None
            # "April to June", "GVA", "Autumn Budget and Spending Review"
            furniture = all(x[2].lower() in NOT_SUBJECTS | STOP | NON_SUBJECT_WORDS for x in run)
            if not is_actor and not furniture and not (len(run) == 1 and text.lower() in PLACES) \
                    and text.lower() not in NOT_SUBJECTS:
                head = run[-1][2]
                strength = 3.0 if head.lower() in VEHICLE_HEADS or head.lower() in SUBJECT_HEADS else 2.0
                if len(run) == 1 and text.isupper() and len(text) <= 2:
                    strength = 1.0
                out.append(Candidate(s, run[-1][1], text, strength, singular(head.lower()), named=True))
            elif is_actor and k > j:
                # "the Department's capital budget": the lower-case phrase after the actor is still a subject
                used_until = words[j][1]
                i = j + 1
                continue
            used_until = run[-1][1]
            i = k + 1
            continue
        lw = w.lower()
        if s > used_until and (lw in VEHICLE_HEADS or lw in SUBJECT_HEADS) and not _is_cap(w[0]):
            # Compound heads ("teaching partnership programme") end at the last head word.
            start_i = i
            look = i
            while look + 1 < n and look - i < 3 and sentence[words[look][1]:words[look + 1][0]] == " ":
                nw = words[look + 1][2]
                if _is_cap(nw) or nw.lower() in STOP or nw.lower() in VERBISH:
                    break
                look += 1
                if nw.lower() in VEHICLE_HEADS or nw.lower() in SUBJECT_HEADS:
                    i = look
                    s, e, w = words[i]
                    lw = w.lower()
            # Walk back over lower-case modifiers.
            j = start_i
            while j - 1 >= 0 and i - (j - 1) <= 5:
                gap = sentence[words[j - 1][1]:words[j][0]]
                pw = words[j - 1][2]
                if gap not in (" ", "-") or pw.lower() in STOP or pw.lower() in VERBISH or pw.endswith("ly") \
                        or (_is_cap(pw) and words[j - 1][0] != first_start) or words[j - 1][1] <= used_until:
                    break
                if pw.lower() in _MONEY_TOKENS or (pw.endswith("ed") and pw.lower() not in {"need", "speed"}):
                    break
                j -= 1
            strength = _classify_head(lw)
            before = sentence[max(0, words[j][0] - 24):words[j][0]].lower()
            det = re.search(r"\b(the|this|that|these|those|its|their|our|such)\s+$", before)
            if j == i:
                if det and lw in VEHICLE_HEADS:
                    det_start = words[j][0] - len(det.group(0))
                    out.append(Candidate(det_start, e, sentence[det_start:e], 0.5, singular(lw), anaphor=True))
                elif lw in VEHICLE_HEADS and re.search(r"\b(?:a|an)\s+(?:new\s+)?$", before):
                    out.append(Candidate(s, e, w, 0.8, singular(lw)))  # "a programme": something new, not a carry-over
                elif det and lw in {"gap", "rate"}:
                    out.append(Candidate(s, e, w, 1.0, lw))  # "the gap": a subject within this document
                elif lw in {"bursaries", "bursary", "scholarships", "apprenticeships"} or (
                        lw in VEHICLE_HEADS and re.search(r"[£$€]\S*\s*(?:million|billion|m|bn)?\s*$", before)):
                    out.append(Candidate(s, e, w, 1.5 if lw in VEHICLE_HEADS else 1.0, singular(lw)))
            else:
                out.append(Candidate(words[j][0], e, sentence[words[j][0]:e], strength, singular(lw)))
            used_until = e
        elif lw == "it" and _IT_SUBJECT.match(sentence, e):
            out.append(Candidate(s, e, w, 0.5, "it", anaphor=True))
        i += 1
    # Quoted titles: “Unlocking Talent, Fulfilling Potential”.
    for m in _QUOTED_RE.finditer(sentence):
        title = m.group(1).strip(" ,.")
        if sum(1 for x in WORD_RE.findall(title) if _is_cap(x)) >= 2:
            out = [c for c in out if not (m.start() <= c.start < m.end())]
            out.append(Candidate(m.start(), m.end(), sentence[m.start():m.end()], 3.0, "title", named=True))
    out.sort(key=lambda c: c.start)
    return out


def object_phrase(sentence: str, start: int) -> Candidate | None:
    """The noun phrase starting at `start` (after a preposition): "high needs", "the Virtual Staff College"."""
    m = re.match(r"(?:(?:the|a|an|its|their|our|this|these|local)\s+)?", sentence[start:])
    pos = start + (m.end() if m else 0)
    words = []
    for wm in WORD_RE.finditer(sentence, pos):
        gap = sentence[(words[-1].end() if words else pos):wm.start()]
        if gap.strip(" -") != "":
            break
        lw = wm.group(0).lower()
        if lw in {"and", "of"}:
            if not words:
                break
            words.append(wm)
            continue
        if (not _is_cap(wm.group(0)) and (lw in STOP or lw in VERBISH or lw in _ADVERBS or lw.endswith("ly"))) \
                or (_is_cap(wm.group(0)) and lw in FUNCTION_CAPS) or len(words) >= 8:
            break
        words.append(wm)
    while words and words[-1].group(0).lower() in {"and", "of"}:
        words.pop()
    if not words:
        return None
    text = sentence[words[0].start():words[-1].end()]
    head = words[-1].group(0)
    if len(words) == 1 and head.lower() in VEHICLE_HEADS and m and m.group(0).strip().lower() in {
            "the", "this", "these", "its", "their", "our"}:
        return Candidate(start, words[0].end(), sentence[start:words[0].end()], 0.5, singular(head.lower()),
                         anaphor=True)
    lead = " ".join(w.group(0).lower() for w in words[:2])
    if (len(words) == 1 and head.lower() in NOT_SUBJECTS | PLACES) or head.lower() in _PEOPLE \
            or lead in NOT_SUBJECTS or words[0].group(0).lower() in PLACES:
        return None  # "funding for children": who benefits, not what the money is
    first = words[0].group(0).lower()
    verb_ing = first.endswith("ing") and first not in SUBJECT_HEADS | VEHICLE_HEADS and not _is_cap(words[0].group(0))
    if first in _IDIOM_NOUNS or (verb_ing and (len(words) == 1 or words[1].group(0) == "and")):
        return None  # "in response to", "in addition to", "for growing and improving": not a subject
    if not re.search(r"[a-z]", text) or head.lower() in {"year", "years", "month", "months", "week", "weeks",
                                                          "areas", "area", "country", "sector", "england", "uk"}:
        return None
    strength = _classify_head(head) or 1.5
    if len(words) == 1 and m and m.group(0).strip().lower() in {"a", "an"}:
        strength = 0.8  # "in a pilot": something new and unnamed
    named = any(_is_cap(w.group(0)) for w in words)
    if named:
        strength = 3.0 if head.lower() in VEHICLE_HEADS else 2.0
        if {w.group(0).lower() for w in words} & ACTOR_WORDS:
            return None
    return Candidate(words[0].start(), words[-1].end(), text, strength, singular(head.lower()), named=named)


def initials_match(name: str, abbr: str) -> str | None:
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
