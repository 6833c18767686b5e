#!/usr/bin/env python3
"""Generates data/languages.txt: English names of languages, from the ISO 639 list that
Faker's person provider ships (`Provider.language_names`; Faker is MIT-licensed).

A language name is a name but never a place or an organization: "wrote in Danish",
"taught English at a school". One-word names only (a multi-word entry such as "Church
Slavic" cannot be mistaken for a one-word place), and names that are also one-word
places in data/places.txt are left out ("Chamorro" stays only if no place has it).

Usage: python3 scripts/gen_languages.py [PKG_DIR]
PKG_DIR holds the unpacked Faker wheel (faker/); without it, it is fetched with
`pip download --no-deps` into a temporary folder.
"""

import os
import subprocess
import sys
import tempfile
import zipfile

FAKER = "faker==40.63.0"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")


def faker_dir(pkg_dir):
    if not os.path.isdir(os.path.join(pkg_dir, "faker")):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", FAKER, "-d", pkg_dir],
            check=True,
        )
        for f in os.listdir(pkg_dir):
            if f.startswith("faker-") and f.endswith(".whl"):
                zipfile.ZipFile(os.path.join(pkg_dir, f)).extractall(os.path.join(pkg_dir, "faker"))
    return os.path.join(pkg_dir, "faker")


def one_word_places():
    out = set()
    with open(os.path.join(DATA, "places.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            out.update(form.strip() for form in line.split("|") if form.strip() and " " not in form.strip())
    return out


def main():
    pkg_dir = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
    sys.path.insert(0, faker_dir(pkg_dir))
    from faker.providers.person import Provider

    places = one_word_places()
    names = sorted({n for n in Provider.language_names if " " not in n and "," not in n} - places)
    with open(os.path.join(DATA, "languages.txt"), "w", encoding="utf-8") as f:
        f.write("# source: Faker 40.63.0, faker/providers/person/__init__.py Provider.language_names (ISO 639 names)\n")
        f.write("# licence: MIT (Faker)\n")
        f.write("# generated-by: scripts/gen_languages.py\n")
        f.write("# English names of languages (one word; one-word places left out): never a place\n")
        f.write("# or an organization on their own.\n")
        f.writelines(n + "\n" for n in names)
    print(f"languages.txt: {len(names)} names")


if __name__ == "__main__":
    main()
