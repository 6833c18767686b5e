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

WN = "/usr/share/wordnet"
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


def index(pos):
    """(lemma, synset offsets, tagged sense count) of index.POS."""
    with open(os.path.join(WN, f"index.{pos}")) as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split()
            n_ptr = int(p[3])
            tagged = int(p[5 + n_ptr])
            offsets = p[6 + n_ptr:]
            yield p[0], offsets, tagged


def lexfile(offset):
    """The lexicographer file number of a noun synset."""
    with open(os.path.join(WN, "data.noun")) as f:
        f.seek(int(offset))
        return int(f.readline().split()[1])


NOUN_LOCATION = 15  # lexnames: noun.location


def main():
    place_nouns = {w for w, offs, _ in index("noun") if offs and lexfile(offs[0]) == NOUN_LOCATION}
    words = {w for w, _, tagged in index("adv") if tagged >= 1}
    words = {w for w in words if w.isalpha() and w.islower() and len(w) >= 4}
    words -= place_nouns | COMPASS
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for w in sorted(words):
            f.write(w + "\n")
    print(f"{len(words)} adverbs")


main()
