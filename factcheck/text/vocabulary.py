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
# Sentence-initial capitals that are ordinary words, never names.
FUNCTION_CAPS = words("""
the a an this that these those in on at since for with by from to of our we it its i however although although
but and so as while when where if there here what which who how why yes no further furthermore moreover
meanwhile also all each every some many most right last next today yesterday currently additionally
""")
