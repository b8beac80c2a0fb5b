"""English words every stage knows: month and day names, function words, sentence-initial capitals.

One place for each list, so the stages cannot drift apart (a month the extractor knows and the grouper
does not). Lists that serve one purpose only (a check's own stop list) stay with that purpose; the
words of the language itself live here.
"""

from __future__ import annotations


def words(block: str) -> frozenset[str]:
    """A set of words written as a whitespace-separated block (easier to read and extend than a list)."""
    return frozenset(block.split())


# ---- the calendar ------------------------------------------------------------------------------------
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTH_SHORT = tuple(name[:3] for name in MONTH_NAMES)  # "Jan" .. "Dec": how a date label abbreviates
# The abbreviations written with a full stop ("Sept. 2024"); "May" is never abbreviated.
MONTH_ABBREVIATIONS = (*(m for m in MONTH_SHORT if m != "May"), "Sept")
MONTH_WORDS = frozenset(MONTH_NAMES) | frozenset(MONTH_ABBREVIATIONS)  # as written, capitalised
MONTHS_LOWER = frozenset(name.lower() for name in MONTH_NAMES)
# A month name or its abbreviation, as a regex group (case as written; add re.IGNORECASE or (?i:) to taste).
MONTH_PATTERN = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                 r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
FULL_MONTH_PATTERN = "(?:" + "|".join(MONTH_NAMES) + ")"  # a month spelled out
WEEKDAYS_LOWER = words("monday tuesday wednesday thursday friday saturday sunday")
SEASONS_LOWER = words("spring summer autumn winter")

# ---- function words ----------------------------------------------------------------------------------
# Function words that never name a subject (articles, pronouns, prepositions, auxiliaries, quantifiers).
STOP = words("""
a an the this that these those its it their our my your his her we they you i he she them us of for and or nor
in on at to into onto towards toward from by with within without over under about around some such as than
then so also is are was were be been being has have had will would shall should can could may might must do
does did not no but if which who whom whose what when where while all any each every both either neither more
most less least very much many few other another same own only just there here up down out since per via
between through during before after across against among amongst including include includes included
""")
# Words a text search passes over (quote checking): the common English stop words, and what reported speech
# and parliamentary answers add ("said", "hon", "per cent"). Wider than STOP: pronouns and "said" matter less
# to a search than to a subject.
SEARCH_STOP_WORDS = words("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up very
was we were what when where which while who whom why will with would you your yours yourself yourselves
said says say will shall may might must per cent percent mr mrs ms hon
""")
# Sentence-initial capitals that are ordinary words, never names.
FUNCTION_CAPS = words("""
the a an this that these those in on at since for with by from to of our we it its i however although although
but and so as while when where if there here what which who how why yes no further furthermore moreover
meanwhile also all each every some many most right last next today yesterday currently additionally
""")

# ---- numbers in words -------------------------------------------------------------------------------
UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
ZERO_WORDS = {"nought": 0, "naught": 0, "nil": 0}  # zero alone; not part of a larger number in words
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# Scale words, plural too ("three billions", "two hundred dozens"); the Indian lakh and crore.
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "lac": 1e5, "lkh": 1e5,
          "crore": 1e7, "cr": 1e7, "koti": 1e7, "krore": 1e7, "dozen": 12.0}
SCALES |= {f"{w}s": v for w, v in SCALES.items() if w not in ("cr", "koti")}
SCALES |= {"lacs": 1e5}
# Abbreviated scales written after digits: "£4.7m", "$3bn", "50k"; capitals only glued: "3M", "$10K", "€10B".
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "mm": 1e6, "t": 1e12}
# Denominators of fractions written in words: "two thirds", "a quarter", "three fifths".
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
                "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}


# Phrases that say a count is part of a group (pattern text, combined by the extractor and the checks).
# "Of the 640 people employed on site, some 710 were ...": a sentence that opens on its whole.
OPENS_ON_WHOLE = r"Of\s+(?:the|these|those|all|its|their|our)\s+"
# "some 710", "about 171,000": a word that rounds the figure after it.
ROUNDING_WORD = r"(?:some|about|around|nearly|almost|only|just|roughly|over|more than)"
# "7,400 of them were women": the count of a group just named.
OF_A_GROUP = r"of\s+(?:them|these|those|whom)\b"
# "its largest to date": a superlative ranks a figure; the words after it do not make a running total.
SUPERLATIVES = ("best", "largest", "biggest", "highest", "lowest", "smallest", "greatest", "most")
