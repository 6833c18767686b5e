#!/usr/bin/env python3
"""Writes data/adverbs.txt: English adverbs that open a sentence before a comma
("Recently, ...", "Clearly, ...", "Therefore, ..."). Capitalized there, they look like
names; a place rule that reads "X, <known place>" as "town, state" must not take them.

Source: WordNet 3.0 (Princeton University; WordNet 3.0 licence: free to use, copy and
distribute with the copyright notice), as shipped by Debian's `wordnet-base` package in
/usr/share/wordnet.

A word is taken when it is one lower-case word of letters, at least four long, a lemma
of index.adv with at least one sense seen in WordNet's sense-tagged corpus, and not a
lemma of index.noun whose most frequent sense is a place (noun.location: "south",
"west", "overseas"), nor a compass word.

Run: apt-get install wordnet-base; python3 scripts/gen_adverbs.py
"""
import os

import wordnet

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "adverbs.txt")
HEADER = """# source: WordNet 3.0 (Princeton University), as shipped by Debian wordnet-base in /usr/share/wordnet
# licence: WordNet 3.0 licence (free to use, copy and distribute with the copyright notice)
# generated-by: scripts/gen_adverbs.py
# Adverbs of WordNet, corpus-tagged, one word of letters, that are no place noun and no
# compass word: a sentence-opening "Recently," is not a town before a state.
"""
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
           "southwest", "northward", "southward", "eastward", "westward"}
NOUN_LOCATION = "15"  # lexnames: noun.location


def main():
    lexfile = wordnet.noun_lexfiles()
    place_nouns = {w for w, _, _, first in wordnet.noun_index() if lexfile[first] == NOUN_LOCATION}
    words = {w for w, tagged in wordnet.index_entries("adv") if tagged >= 1}
    words = {w for w in words if w.isalpha() and w.islower() and len(w) >= 4}
    words -= place_nouns | COMPASS
    wordnet.write_list(OUT, HEADER, words)
    print(f"{len(words)} adverbs")


main()
