"""Group stage: claims about the same topic and metric, across documents.

How two topic keys become one subject (keys come from topics.topic_key):
1. Blocking: a key is only compared with keys that share a *rare* token with it (a token used by at most
   Settings.max_block_size distinct keys, and not a generic head like "programme"), so the work grows
   with the number of keys times a bounded block size, never with all pairs.
2. Equal: the keys have the same tokens up to spelling (rapidfuzz token_sort_ratio >= topic_match_threshold
   and each differing token has a near twin), or differ only by generic heads ("pause" ~ "pause programme").
3. Short form: every token of the shorter key is in the longer one, they share the head noun, and the
   shorter key still has a distinctive token (not generic, not a place) and is the longer key's tail:
   "innovation programme" ~ "children social care innovation programme", but not "amazon fund" ~ "andes
   amazon biodiverse landscape fund", not "flood coastal innovation programme" ~ "flood coastal resilience
   innovation programme" (a wider name: the umbrella that holds it), not "social care" (head "care" vs
   "programme") and not "programme" (nothing distinctive).
   A name may also drop the lower-case words that describe it: "Kestrel programme" ~ "Kestrel helicopter
   programme" (same head, the dropped word written in lower case wherever the long form is written), but
   not "Riverside Fund" ~ "Riverside Housing Fund", whose dropped word is part of the name.
   A short form that fits several unrelated subjects is ambiguous and joins none of them.
4. A key too generic to name a subject on its own ("schools", "bursary": one lower-case token or only
   generic words) groups across statements only when the measure and the period are the same (and a
   period is stated); a topic the attribute stage marked `topic_local` (a table's row label in a generic
   row, a sentence's bare opening noun) or a claim whose measure is unknown (a bare "percent" or count)
   groups the claims of its own document only.

A numbered part ("acr pathway 1", "phase 2") meets only the same part: it is never its whole's short or long
form, nor another part.

A group is then (subject, kind, currency for money, metric): "£6 billion high-needs funding" and
"increased ... by £130 million" stay apart (metric "funding" vs "funding increase"), and so do
50 projects and 72 local authorities of the same programme. Claims with no topic are not grouped by subject;
the pipeline reports them as `unattributed_claims`, and they meet other such claims only by measure and a
stated period with a year ("new homes ... since 2019"), the checks asking the sentences to describe them
alike.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from .attribute.measure import measure_key
from .config import Settings
from .models import Claim, Group
from .topics import DESIGNATOR, PLACES, SUBJECT_HEADS, VEHICLE_HEADS, described_tokens, singular, vocab

# Words that name a kind of thing rather than which one: never a reason to put two topics together.
_GENERIC_WORDS = vocab("""
programme gap sector area country region nation people children child family families pupil school staff worker
department government number figure rate level amount sum proportion share increase total year local national
public new overall current resource capital revenue core departmental annual main
""")


@functools.cache
def generic_words() -> frozenset[str]:
    """Generic words, with the heads' singulars, made on first use (singular() loads inflect, which
    `factcheck extract` should not pay for)."""
    return frozenset({singular(w) for w in VEHICLE_HEADS | SUBJECT_HEADS}) | _GENERIC_WORDS


_COUNT_QUALIFIERS = vocab("new more additional extra further other such innovative different separate existing")
_UNKNOWN_MEASURES = frozenset({"percent", "count", "amount", "percentage point", "ratio", "change"})


@functools.cache
def _vehicles() -> frozenset[str]:
    return frozenset(singular(w) for w in VEHICLE_HEADS) | {"programme"}


# Places and compass words: where a subject is, never on their own which subject it is.
_PLACE_WORDS = PLACES | vocab("""
north south east west northern southern eastern western midland central greater city county
""")


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent.setdefault(x, x)
        if parent != x:
            parent = self.parent[x] = self.find(parent)
        return parent

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller string wins, so the representative does not depend on input order.
            self.parent[max(ra, rb)] = min(ra, rb)


def is_specific(topic: str | None, key: str | None) -> bool:
    """Can this topic identify a subject across statements, or only within its own document?"""
    if not key:
        return False
    tokens = key.split()
    if not [t for t in tokens if t not in generic_words()]:
        return False
    return len(tokens) >= 2 or any(ch.isupper() for ch in (topic or ""))


def _relation(a: str, b: str, threshold: float, described: frozenset[str] = frozenset()) -> str | None:
    """"equal", "short" (a is a short form of b) or None. `described`: b's tokens that are lower-case words
    describing a name in every form b is written in."""
    ta, tb = a.split(), b.split()
    sa, sb = set(ta), set(tb)
    if sa == sb:
        return "equal"
    if any(DESIGNATOR.fullmatch(t) for t in sa ^ sb):
        return None  # "ACRS Pathway 1", "Phase 2": a numbered part of a thing is not the thing, nor its other parts
    if sa < sb:
        extra = sb - sa
        if extra <= _vehicles() and not (len(extra) > 1 and extra <= described):
            return "equal"  # "pause" ~ "pause programme", but not "X" ~ "X pilot scheme" (a thing of X's)
        if len(ta) == 1 and tb[0] == ta[0] and ta[0] not in generic_words() and ta[0] not in _PLACE_WORDS:
            return "short"  # a name's first word used alone ("Meadowlark's budget" ~ "Meadowlark Meal Initiative")
        # The short form must keep the long key's head and a distinctive word (one common word or a place
        # elsewhere in the long key, "amazon fund" in "andes amazon biodiverse landscape fund", names
        # something else), and either be a one-word reference at its end ("the Innovation Programme") or
        # leave out only lower-case words that describe the name. A name that drops leading or inner
        # capitalised words is a wider name ("Affordable Homes Programme" beside "Social and Affordable Homes
        # Programme", "Flood and Coastal Innovation Programme" beside "Flood and Coastal Resilience Innovation
        # Programme", one of the programmes it holds), unless they are an owner put before a thing ("Campus
        # Masterplan").
        distinctive = [t for t in ta if t not in generic_words() and t not in _PLACE_WORDS]
        owned_thing = sa <= described and len(sb - described) >= 2  # a name of two words or more before it
        named_tail = tb[-len(ta):] == ta and (len(distinctive) == 1 or owned_thing)
        if ta[-1] == tb[-1] and distinctive and (named_tail or extra <= described):
            return "short"
        return None
    # Spelling variants only: every differing token has a near twin ("organisation" / "organization");
    # "health innovation programme" and "transport innovation programme" look alike but are not.
    only_a, only_b = sa - sb, sb - sa
    if len(only_a) == len(only_b) and fuzz.token_sort_ratio(a, b) >= threshold and all(
            max(fuzz.ratio(x, y) for y in only_b) >= threshold for x in only_a):
        return "equal"
    return None


def cluster_topics(keys: list[str], settings: Settings, aliases: list[list[str]] | None = None,
                   described: dict[str, frozenset[str]] | None = None) -> dict[str, str]:
    """Map each specific topic key to a cluster representative (itself a key).

    aliases: sets of keys the documents say name one subject ("the X Fund (XF)": "x fund", "xf").
    described: per key, the tokens written as lower-case descriptive words inside a name (see _relation).
    """
    described = described or {}
    uf = _UnionFind()
    keys = sorted(set(keys) | {k for names in aliases or [] for k in names})
    for k in keys:
        uf.find(k)
    df: Counter[str] = Counter(t for k in keys for t in set(k.split()))
    blocks: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        for t in set(k.split()):
            if t not in generic_words() and df[t] <= settings.max_block_size:
                blocks[t].append(k)
    equal_pairs: list[tuple[str, str]] = []
    shorts: dict[str, set[str]] = defaultdict(set)
    seen: set[tuple[str, str]] = set()
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pair = (a, b) if len(a.split()) <= len(b.split()) else (b, a)
                if pair in seen:
                    continue
                seen.add(pair)
                rel = _relation(pair[0], pair[1], settings.topic_match_threshold,
                                described.get(pair[1], frozenset()))
                if rel == "equal":
                    equal_pairs.append(pair)
                elif rel == "short":
                    shorts[pair[0]].add(pair[1])
    for a, b in equal_pairs:
        uf.union(a, b)
    for names in aliases or []:
        for other in names[1:]:
            uf.union(names[0], other)
    # Short forms join the one subject they fit; one that fits several is left alone.
    attach = {}
    for short, longs in shorts.items():
        # a long form that is the short one with words after it is a thing of it ("flood coastal innovation
        # programme capital programme"); the one it abbreviates is the other
        inside = {x for x in longs if not x.startswith(short + " ")}
        roots = {uf.find(x) for x in inside or longs}
        if len(roots) == 1:
            attach[short] = roots.pop()
    for short, root in sorted(attach.items()):
        uf.union(short, root)
    return {k: uf.find(k) for k in keys}


def _acronyms(claims: list[Claim], specific: set[str], threshold: float) -> list[list[str]]:
    """An acronym one statement uses ("NCL") and the one name elsewhere whose initials spell it ("Northern
    Circuit League"): the same subject, as when a statement writes "the Northern Circuit League (NCL)"."""
    written = {c.topic.strip(): c.topic_key for c in claims if c.topic and c.topic_key in specific}
    acronyms = {t: k for t, k in written.items() if 2 <= len(t) <= 6 and t.isalpha() and t.isupper()}
    by_initials: dict[str, set[str]] = defaultdict(set)  # initials of a name's tails -> its keys
    for text, key in written.items():
        words = text.split()
        for start in range(len(words) - 1):
            tail = words[start:]
            by_initials["".join(w[0] for w in tail if w[:1].isupper())].add(key)
            by_initials["".join(w[0].upper() for w in tail if w[:1].isalpha())].add(key)
    out = []
    for text, key in sorted(acronyms.items()):
        names = sorted(by_initials.get(text, set()) - {key}, key=lambda k: (len(k.split()), k))
        # one name, or one name and its longer forms ("Escudo Sertão" and "Escudo Sertão campaign")
        if names and all(_relation(names[0], other, threshold) in ("equal", "short") for other in names[1:]):
            out.append([*names, key])
    return out


def metric_key(claim: Claim) -> str:
    """What is measured, reduced for matching: singular words, counts without qualifiers like "new"."""
    return _metric_key(claim.metric or claim.kind, claim.kind)


@functools.lru_cache(maxsize=65536)  # a corpus has far fewer distinct metrics than claims
def _metric_key(metric: str, kind: str) -> str:
    return measure_key(metric, kind)


def _merge_metrics(keys: set[str], threshold: float) -> dict[str, str]:
    """Near-identical metric keys in one subject ("organisation" / "organization") become one."""
    canon: dict[str, str] = {}
    reps: list[str] = []
    for k in sorted(keys):
        for r in reps:
            if fuzz.ratio(k, r) >= threshold and k.split()[-1][:4] == r.split()[-1][:4]:
                canon[k] = r
                break
        else:
            reps.append(k)
            canon[k] = k
    return canon


def _unit(claim: Claim) -> str | None:
    """What must match besides subject and measure: the currency of money, "%" for a share."""
    return claim.unit if claim.kind == "money" else ("%" if claim.kind == "percent" else None)


def _display_topic(topics: list[str]) -> str:
    """The most complete form: a name over a lower-case phrase, then the longest, then alphabetical."""
    return max(topics, key=lambda t: (any(w[:1].isupper() for w in t.split()), len(t), t))


def group_claims(claims: list[Claim], settings: Settings | None = None) -> list[Group]:
    """Groups of claim ids that are about the same subject and measure (every attributed claim in one group)."""
    settings = settings or Settings()
    attributed = [c for c in claims if c.topic_key]
    specific = {c.topic_key for c in attributed if is_specific(c.topic, c.topic_key) and not c.topic_local}
    aliases = sorted({tuple(c.topic_aliases) for c in attributed if c.topic_aliases and len(c.topic_aliases) > 1})
    described: dict[str, frozenset[str]] = {}
    for c in attributed:
        key = c.topic_key
        if key and key in specific and c.topic:
            words = described_tokens(c.topic)
            described[key] = described[key] & words if key in described else words
    acronyms = _acronyms(attributed, specific, settings.topic_match_threshold)
    clusters = cluster_topics(sorted(k for k in specific if k), settings, [list(a) for a in aliases] + acronyms,
                              described)
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in attributed:
        key = c.topic_key or ""
        # An unknown measure ("percent" of what? a bare count) is only compared within its own statement.
        known = metric_key(c) not in _UNKNOWN_MEASURES
        if c.topic_local or not known:
            subject = f"{c.doc}\x00{key}"
        elif not is_specific(c.topic, key):
            # a generic subject ("schools") names one thing across statements only with its measure and period
            subject = f"\x01{key}\x00{metric_key(c)}\x00{c.period}" if c.period else f"{c.doc}\x00{key}"
        else:
            subject = clusters.get(key, f"{c.doc}\x00{key}")
        buckets[(subject, c.kind, _unit(c))].append(c)
    # A claim that names no subject ("We have built 300,000 new homes since 2019") meets others only by its
    # measure and a stated period with a year in it: what the sentence says it counts, and when.
    for c in claims:
        if not c.topic_key and c.kind != "number" and c.period and re.search(r"\d", c.period) \
                and metric_key(c) not in _UNKNOWN_MEASURES:
            buckets[(f"\x02{metric_key(c)}\x00{c.period.lower()}", c.kind, _unit(c))].append(c)
    groups: list[Group] = []
    for (subject, kind, unit), members in buckets.items():
        canon = _merge_metrics({metric_key(c) for c in members}, settings.metric_match_threshold)
        by_metric: dict[str, list[Claim]] = defaultdict(list)
        for c in members:
            by_metric[canon[metric_key(c)]].append(c)
        for mkey, group_claims_ in by_metric.items():
            group_claims_.sort(key=lambda c: (c.date or "", c.doc, c.start))
            digest = hashlib.sha1(f"{subject}|{kind}|{unit}|{mkey}".encode()).hexdigest()[:12]
            metric = Counter(c.metric for c in group_claims_ if c.metric).most_common(1)
            groups.append(Group(
                id=f"g-{digest}",
                topic=_display_topic([c.topic for c in group_claims_ if c.topic]) if any(c.topic for c in group_claims_)
                else f"{metric[0][0] if metric else mkey} ({group_claims_[0].period}, no subject named)",
                metric=metric[0][0] if metric else None,
                kind=kind, unit=unit, claims=list(dict.fromkeys(c.id for c in group_claims_)),
            ))
    first = {c.id: (c.doc, c.start) for c in claims}
    groups.sort(key=lambda g: (first[g.claims[0]], g.id))
    return groups
