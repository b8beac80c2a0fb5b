"""Build `currency_data.py` from CLDR (via babel): every current ISO 4217 code, symbol and English name.

Run `python -m factcheck.extract.build_currency_data` after upgrading babel (a test checks the committed
table is what the installed babel gives). The table is generated rather than read from babel at run time
so that `factcheck extract` starts without loading CLDR's locale files (babel is a test dependency only).

What goes in:
- codes: currencies that some territory uses today as legal tender;
- symbols: every symbol an English locale writes ("A$", "HK$", "₹", "kr"), and the symbols of other locales
  that carry a currency sign ("AU$", "C$", "S$", "NZD$"); a symbol several currencies share maps to the
  family their English names share ("$" -> dollar) or, if they share none, to no currency;
- names: the English name, singular and plural ("Swiss franc", "Swiss francs"), the territory name with the
  name's head noun ("Malaysia ringgit"), and the head noun alone ("ringgit"), which for a noun several
  currencies share ("dollar", "pound", "rupee") names the family, resolved per document at extraction;
- minor-unit digits where they are not 2 (KWD has 3, JPY 0).
"""

from __future__ import annotations

import pprint
import re
import sys
from collections import defaultdict
from pathlib import Path

TARGET = Path(__file__).with_name("currency_data.py")
# Head nouns that are everyday English words: "42 marks", "5 real problems", "the team won 3": never a
# currency alone (the full name, "Brazilian reals", still is).
_ENGLISH_WORDS = frozenset({"real", "reals", "mark", "marks", "won", "sol", "soles", "dong", "dongs", "kip", "kips",
                            "dram", "drams", "lev", "leva", "leu", "lei", "pula", "tala", "lari", "vatu", "som", "lek",
                            "leke", "loti", "maloti", "kina", "cedi"})
_SIGN = re.compile(r"[$£¥€₹₩₪₫₱₦₡₭₮₲₴₵₸₺₼₽฿¢]")


def _current_codes() -> set[str]:
    from babel.core import get_global

    codes = set()
    for uses in get_global("territory_currencies").values():
        for code, _start, end, tender in uses:
            if end is None and tender and code != "XXX":
                codes.add(code)
    return codes


def _head(name: str) -> str:
    return name.lower().split()[-1]


def build() -> str:
    import babel
    from babel import Locale
    from babel.core import get_global
    from babel.localedata import locale_identifiers
    from babel.numbers import get_currency_precision

    current = _current_codes()
    en = Locale("en")
    # Codes: today's, and former ones with a plain name ("DEM", "FRF": older texts use them).
    # (Not the X- codes of metals, funds and units of account, which no statement spends.)
    codes = current | {c for c, name in en.currencies.items()
                       if "(" not in name and re.fullmatch("[A-WYZ][A-Z]{2}", c)}
    singular = {c: en.currencies[c] for c in codes if c in en.currencies}
    plural = {c: en._data["currency_names_plural"][c].get("other", singular[c]) for c in singular
              if c in en._data["currency_names_plural"]}
    heads: dict[str, set[str]] = defaultdict(set)  # head noun, singular or plural -> currencies
    for code, name in singular.items():
        if code in current:
            heads[_head(name)].add(code)
            heads[_head(plural.get(code, name))].add(code)
    family_of = {noun: _head(singular[next(iter(members))]) for noun, members in heads.items()}

    names: dict[str, str] = {}

    def add_name(name: str, target: str) -> None:
        key = " ".join(name.lower().replace("’", "'").split())
        if key and not key.isdigit():
            names.setdefault(key, target)

    for code, name in singular.items():
        add_name(name, code)
        add_name(plural.get(code, name), code)
    territories = get_global("territory_currencies")
    for territory, uses in territories.items():
        in_use = [c for c, _s, end, tender in uses if end is None and tender and c in singular]
        if len(in_use) != 1 or territory not in en.territories:
            continue
        code = in_use[0]
        for noun in {_head(singular[code]), _head(plural.get(code, singular[code]))}:
            add_name(f"{en.territories[territory]} {noun}", code)
    for noun, members in heads.items():
        if noun in _ENGLISH_WORDS:
            continue
        add_name(noun, next(iter(members)) if len(members) == 1 else f"?{family_of[noun]}")

    english: dict[str, set[str]] = defaultdict(set)
    signed: dict[str, set[str]] = defaultdict(set)
    for ident in locale_identifiers():
        try:
            locale = Locale.parse(ident)
        except Exception:  # a locale babel lists but cannot load has nothing for us
            continue
        for code, symbol in locale.currency_symbols.items():
            symbol = symbol.strip().replace("\xa0", " ")
            if code not in current or not symbol or symbol == code or " " in symbol or symbol.isdigit():
                continue
            if symbol.isalpha() and symbol.isascii() and len(symbol) < 2:
                continue  # "R", "P", "K": a letter alone is too often something else
            if ident == "en" or ident.startswith("en_"):
                english[symbol].add(code)
            elif _SIGN.search(symbol) and len(symbol) <= 4:
                signed[symbol].add(code)
    symbols: dict[str, str] = {}
    for table in (english, signed):
        for symbol, members in table.items():
            if symbol in symbols:
                continue
            if symbol in en.currency_symbols.values() and len(members) > 1:
                members = {c for c in members if en.currency_symbols.get(c) == symbol} or members
            symbols[symbol] = _resolve(symbol, members, singular)

    minor = {c: get_currency_precision(c) for c in sorted(current) if get_currency_precision(c) != 2}
    families = {c: _head(singular[c]) for c in sorted(singular) if len(heads.get(_head(singular[c]), ())) > 1}
    def show(value: object) -> str:
        return pprint.pformat(value, width=100, compact=True, sort_dicts=True)

    lines = [
        f'"""Generated by build_currency_data.py from CLDR (babel {babel.__version__}); do not edit by hand."""',
        "",
        f"CODES = frozenset({show(sorted(codes))})",
        f"SYMBOLS = {show(symbols)}",
        f"NAMES = {show(names)}",
        f"MINOR_DIGITS = {show(minor)}",
        f"FAMILY = {show(families)}",
        "",
    ]
    return "\n".join(lines)


def _resolve(symbol: str, members: set[str], singular: dict[str, str]) -> str:
    """One code; or, for a symbol several currencies share, the family their names share ("?dollar")."""
    if len(members) == 1:
        return next(iter(members))
    sign = {"$": "dollar", "£": "pound", "¥": "yen"}.get(symbol[-1:]) or {"$": "dollar", "£": "pound"}.get(
        symbol[:1])
    named = {c for c in members if sign and _head(singular[c]) == sign}
    if len(named) == 1:
        return next(iter(named))  # "C$": a dollar sign, so the Canadian dollar rather than the cordoba
    heads = {_head(singular[c]) for c in members}
    return f"?{heads.pop()}" if len(heads) == 1 else "?"


def main() -> int:
    text = build()
    if "--check" in sys.argv:
        return 0 if TARGET.read_text(encoding="utf-8") == text else 1
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
