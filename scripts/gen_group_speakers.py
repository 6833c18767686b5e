#!/usr/bin/env python3
"""Writes data/group_speakers_wordnet.txt: nouns that name people or groups of people,
which can be a statement's source when no person is named ("Farmers say …", "the
committee said …"). Read with the hand-kept data/group_speakers.txt.

Source: WordNet 3.0 (Princeton University, WordNet 3.0 licence — free to use, copy and
distribute with the copyright notice), as shipped by Debian's `wordnet-base` package in
/usr/share/wordnet.

A noun is taken when its most frequent sense (the first in index.noun) is in the
lexicographer file noun.person (18) or noun.group (14) and the sense-tagged corpus has
seen it at least MIN_TAGGED times; each is written with its regular or irregular
(noun.exc) plural. Lines are sorted.

Run: apt-get install wordnet-base; python3 scripts/gen_group_speakers.py
"""
import os
import re

import wordnet

OUT = os.path.join(os.path.dirname(__file__), "..", "data", "group_speakers_wordnet.txt")
WORD = re.compile(r"^[a-z]{3,}$")
MIN_TAGGED = 1
LEX_FILES = {"14", "18"}


def main():
    irregular = wordnet.irregular_plurals()
    lexfile = wordnet.noun_lexfiles()
    words = set()
    for lemma, _senses, tagged, first in wordnet.noun_index():
        if not WORD.match(lemma):
            continue
        if tagged >= MIN_TAGGED and lexfile.get(first) in LEX_FILES:
            words.add(lemma)
            words.add(wordnet.plural(lemma, irregular))
    with open(OUT, "w") as f:
        f.write("# source: WordNet 3.0 (Princeton University), as shipped by Debian wordnet-base in /usr/share/wordnet\n")
        f.write("# licence: WordNet 3.0 licence (free to use, copy and distribute with the copyright notice)\n")
        f.write("# generated-by: scripts/gen_group_speakers.py\n")
        f.write("# Nouns whose most frequent sense names a person or a group of people, with plurals.\n")
        for w in sorted(words):
            f.write(w + "\n")


main()
