"""Number-word parsers against ours: correctness on the forms extraction needs, and speed.

    pip install text2num word2number number-parser && python benchmarks/number_words_compare.py

(README: "Numbers in words". Our parser is factcheck/extract/numbers.py, its words in
factcheck/text/vocabulary.py; run it where factcheck is installed.)
"""
import contextlib
import time

from number_parser import parse_number as np_parse
from text_to_num import text2num
from word2number import w2n

from factcheck.extract.numbers import parse_words

CASES = [("seventeen", 17), ("three thousand and six", 3006), ("two hundred and fifty thousand", 250000),
         ("seven hundred twenty-one thousand twelve", 721012), ("twenty-one thousand eleven", 21011),
         ("a hundred and two", 102), ("three million, two hundred and forty", 3000240),
         ("thirty-one million two hundred fifty-six thousand seven hundred twenty-one", 31256721),
         ("two point two million", 2200000), ("three billions", 3e9), ("three thousand millions", 3e9),
         ("three crore twelve lakh", 31200000), ("two hundred dozens", 2400), ("a dozen", 12),
         ("nought", 0), ("ninety-nine", 99), ("one hundred thousand", 100000), ("four crore", 4e7),
         ("fifty-six thousand seven hundred twenty-one", 56721), ("one point three", 1.3)]

def run(name, fn):
    ok = 0
    fails = []
    for text, want in CASES:
        try:
            got = fn(text)
        except Exception as e:
            got = f"error {type(e).__name__}"
        if isinstance(got, (int, float)) and abs(got - want) < 1e-6:
            ok += 1
        else:
            fails.append((text, got))
    t = time.perf_counter()
    for _ in range(200):
        for text, _w in CASES:
            with contextlib.suppress(Exception):
                fn(text)
    us = (time.perf_counter() - t) / (200 * len(CASES)) * 1e6
    print(f"{name:14s} {ok}/{len(CASES)} correct, {us:.1f} µs/phrase; wrong: {fails[:6]}")

run("factcheck", lambda t: parse_words(t)[0])
run("text2num", lambda t: text2num(t, "en"))
run("word2number", lambda t: w2n.word_to_num(t))
run("number-parser", lambda t: float(np_parse(t)))
