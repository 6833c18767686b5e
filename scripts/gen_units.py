#!/usr/bin/env python3
"""Generate data/units_quantulum3.txt and data/currencies_quantulum3.txt from
quantulum3's unit table (https://github.com/nielstron/quantulum3, quantulum3/units.json,
MIT licence, (c) 2016 Marco Lagi, nielstron, sohrabtowfighi, grhawk, Rodrigo Castro).

Currency symbols quantulum3 lacks ("₡", "₾", "元") come from Microsoft Recognizers-Text,
Patterns/English/English-NumbersWithUnit.yaml (github.com/microsoft/Recognizers-Text, MIT
licence, (c) Microsoft Corporation): its currency prefix and suffix lists joined with its
name-to-ISO-code map; only the forms with no letters are taken (letter forms are words
the hand table and quantulum3 already give, or ambiguous ones that list marks).

Usage: python3 scripts/gen_units.py PATH/TO/quantulum3/units.json [PATH/TO/English-NumbersWithUnit.yaml]

The hand-kept data/units.txt and data/currencies.txt win where both name a form; these
files add the rest. Forms left out: dimensionless units (those are counted nouns),
single-letter symbols (the hand table decides those with context), and surfaces that are
everyday English words far more often than units in news text ("span", "drop", "real").
"""
import json
import re
import sys

# Entity -> the kind the engine gives a figure with this unit.
KIND = {"time": "duration"}
SKIP_ENTITIES = {"dimensionless", "currency", "typographical element"}
# Everyday words that quantulum3 also lists as a unit name or symbol.
AMBIGUOUS = {
    "span", "drop", "cup", "quarter", "shake", "real", "won", "ell", "league", "second",
    "mill", "mil", "penny", "rand", "stone", "hand", "point", "line", "pica", "gross",
    "pair", "dozen", "score", "sheet", "ream", "pace", "step", "chain", "rod", "pole",
    "perch", "link", "bolt", "bale", "bag", "case", "can", "stere", "peck", "dram", "grain",
    "shot", "jigger", "pony", "barn", "tex", "mole", "bar", "are", "gal", "min", "sec",
    "rad", "rem", "ton", "kilo", "gross", "unit", "units", "watt", "cc", "pt", "qt", "hr",
    "hs", "yr", "nit", "lux", "phot", "stilb", "poise",
    "stokes", "debye", "gauss", "oersted", "maxwell", "gilbert", "henry", "tesla", "weber",
    "siemens", "faraday", "curie", "roentgen", "gray", "sievert", "becquerel", "rutherford",
    "kelvin", "newton", "joule", "pascal", "ohm", "volt", "ampere", "coulomb", "farad",
    "hertz", "lambert", "rayleigh", "nucleotide", "shannon", "nat", "ban", "dit", "hartley",
    "torr", "planck", "atmosphere", "atmospheres", "gee", "galileo", "hp", "in", "am", "at",
    "as", "per", "sq", "cu", "fl", "oz fl", "d", "st", "pk", "lea",
}
PREFIXES = {"k": "kilo", "c": "centi", "m": "milli", "M": "mega", "G": "giga", "T": "tera",
            "n": "nano", "µ": "micro"}
IRREGULAR = {"foot": "feet", "century": "centuries", "inch": "inches", "millennium": "millennia",
             "kilohertz": "kilohertz", "hertz": "hertz", "lux": "lux", "siemens": "siemens"}


def plural(s):
    words = s.split(" ")
    head = words[-1]
    if head in IRREGULAR:
        words[-1] = IRREGULAR[head]
    elif head.endswith(("s", "x", "z", "ch", "sh")):
        words[-1] = head + "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        words[-1] = head[:-1] + "ies"
    else:
        words[-1] = head + "s"
    # "kilometres per hour": the plural goes on the first noun of a "per" unit.
    if " per " in s:
        first, rest = s.split(" per ", 1)
        return plural(first) + " per " + rest
    return " ".join(words)


def usable(form):
    f = form.strip()
    if not f or f.lower() in AMBIGUOUS:
        return False
    if len(f) == 1:
        return False
    if any(c in f for c in "|#*"):
        return False
    return True


def rt_symbols(path):
    """Non-letter currency forms from Recognizers-Text: (form, ISO code)."""
    lists, codes, section = {}, {}, None
    for line in open(path, encoding="utf-8-sig"):
        if re.match(r"^[A-Za-z]", line):
            section = line.split(":")[0]
            continue
        m = re.match(r"^    ([^#:][^:]*): (.*)$", line.rstrip("\n"))
        if not m:
            continue
        name, value = m.group(1).strip(), m.group(2).strip()
        if section in ("CurrencySuffixList", "CurrencyPrefixList"):
            lists.setdefault(name, []).extend(value.split("|"))
        elif section == "CurrencyNameToIsoCodeMap":
            codes[name] = value
    out = []
    for name, forms in lists.items():
        code = codes.get(name)
        if not code or code.startswith("_"):
            continue
        for f in forms:
            f = f.strip()
            if f and not any(c.isalpha() and c.isascii() for c in f) and f != "$":
                out.append((f, code))
    return out


def main(path, rt_path=None):
    units = json.load(open(path, encoding="utf-8"))
    rows, cur_rows, seen, seen_cur = [], [], set(), set()

    def add(form, name, kind):
        key = form if any(c.isupper() for c in form) else form.lower()
        if usable(form) and key not in seen:
            seen.add(key)
            rows.append(f"{form}|{name}|{kind}")

    for name, u in units.items():
        entity = u.get("entity")
        if entity == "currency":
            code = u.get("currency_code")
            if not code:
                continue
            for sym in u.get("symbols", []):
                pos = "code" if sym.isalpha() and sym.isupper() and len(sym) == 3 else "symbol"
                if sym.isalpha() and pos == "symbol":
                    continue
                if sym not in seen_cur:
                    seen_cur.add(sym)
                    cur_rows.append(f"{sym}|{code}|{pos}")
            for s in u.get("surfaces", []):
                for form in (s, plural(s)):
                    if usable(form) and form not in seen_cur:
                        seen_cur.add(form)
                        cur_rows.append(f"{form}|{code}|word")
            continue
        if name == "percentage":
            for form in u.get("surfaces", []) + u.get("symbols", []):
                add(form, "%", "percent")
            continue
        if entity in SKIP_ENTITIES or entity is None or name.lower() in AMBIGUOUS:
            continue
        kind = KIND.get(entity, "quantity")
        surfaces = u.get("surfaces", [])
        for s in surfaces:
            add(s, name, kind)
            add(plural(s), name, kind)
        for sym in u.get("symbols", []):
            add(sym, name, kind)
        for p in u.get("prefixes", []) or []:
            if p not in PREFIXES:
                continue
            for s in surfaces[:2]:
                full = PREFIXES[p] + s
                add(full, PREFIXES[p] + surfaces[0], kind)
                add(plural(full), PREFIXES[p] + surfaces[0], kind)
            for sym in u.get("symbols", []):
                if sym.isalpha():
                    add(p + sym, PREFIXES[p] + (surfaces[0] if surfaces else name), kind)
    if rt_path:
        for form, code in rt_symbols(rt_path):
            if form not in seen_cur:
                seen_cur.add(form)
                cur_rows.append(f"{form}|{code}|symbol")
    head = ("# source: quantulum3 units.json (github.com/nielstron/quantulum3); Microsoft Recognizers-Text English-NumbersWithUnit.yaml\n"
            "# licence: MIT (quantulum3; Recognizers-Text)\n"
            "# generated-by: scripts/gen_units.py\n"
            "# Generated by scripts/gen_units.py from quantulum3 units.json "
            "(github.com/nielstron/quantulum3, MIT licence,\n"
            "# (c) 2016 Marco Lagi, nielstron, sohrabtowfighi, grhawk, Rodrigo Castro). "
            "Do not edit by hand.\n"
            "# Currency symbols missing there: Microsoft Recognizers-Text English-NumbersWithUnit.yaml\n"
            "# (github.com/microsoft/Recognizers-Text, MIT licence, (c) Microsoft Corporation).\n")
    with open("data/units_quantulum3.txt", "w", encoding="utf-8") as f:
        f.write(head + "# `surface|unit reported|kind`, as data/units.txt.\n")
        f.write("\n".join(rows) + "\n")
    with open("data/currencies_quantulum3.txt", "w", encoding="utf-8") as f:
        f.write(head + "# `form|ISO code|position`, as data/currencies.txt.\n")
        f.write("\n".join(cur_rows) + "\n")
    print(len(rows), "units,", len(cur_rows), "currency forms")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
