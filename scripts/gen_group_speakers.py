#!/usr/bin/env python3
"""Writes data/group_speakers_wordnet.txt: nouns that name people or groups of people,
which can be a statement's source when no person is named ("Farmers say …", "the
committee said …"). Read with the hand-kept data/group_speakers.txt.

Source: WordNet 3.0 (Princeton University, WordNet 3.0 licence — free to use, copy and
distribute with the copyright notice), as shipped by Debian's `wordnet-base` package in
/usr/share/wordnet.

A noun is taken when its most frequent sense (the first in index.noun) is in the
lexicographer file noun.person (18) or noun.group (14) and the sense-tagged corpus has
seen it at least MIN_TAGGED times, or when it shares that commonest synset, a person's, with a
noun so taken (a spelling variant the corpus never tagged: "adviser" beside "advisor"); each
is written with its regular or irregular (noun.exc) plural, "-man" nouns with "-men".
The plurals of data/role_nouns.txt's nouns are added too ("advisers", "staffers",
"insiders", "spokeswomen"): several holders of a role speak as a group. Institution
heads are added as written (singular): nouns one of whose first INSTITUTION_SENSES
senses is a noun.group synset below "organization" (08008335: "a group of people who
work together") that writes the noun in lower case ("office" as in "the budget
office", "panel", "embassy", "hospital", "foundation", "automaker"); a noun whose first
sense is a quantity (noun.quantity, 23: "five" as a team) is left out. Lines are
sorted.

Run: apt-get install wordnet-base; python3 scripts/gen_group_speakers.py
"""
import os
import re

import wordnet

OUT = os.path.join(os.path.dirname(__file__), "..", "data", "group_speakers_wordnet.txt")
WORD = re.compile(r"^[a-z]{3,}$")
MIN_TAGGED = 1
LEX_FILES = {"14", "18"}
PERSON = "18"
GROUP = "14"
QUANTITY = "23"
ORGANIZATION = "08008335"
INSTITUTION_SENSES = 2


ROLE_NOUNS = os.path.join(os.path.dirname(__file__), "..", "data", "role_nouns.txt")


def plural(word, irregular):
    """WordNet's plural, with "-men" for "-man"/"-woman" nouns noun.exc leaves out."""
    if word not in irregular and word.endswith("man") and not word.endswith("human"):
        return word[:-3] + "men"
    return wordnet.plural(word, irregular)


def role_nouns():
    """The one-word lower-case nouns of data/role_nouns.txt."""
    with open(ROLE_NOUNS) as f:
        return [w for w in (line.strip() for line in f) if WORD.match(w)]


def institution_heads():
    """Nouns naming an institution in one of their first senses (see the module doc)."""
    synsets = wordnet.noun_synsets()
    heads = set()
    for lemma, _tagged, offsets in wordnet.noun_senses():
        if not WORD.match(lemma) or not offsets or synsets[offsets[0]][0] == QUANTITY:
            continue
        for offset in offsets[:INSTITUTION_SENSES]:
            lexfile, _hypernyms, words = synsets[offset]
            if (
                lexfile == GROUP
                and lemma in words
                and ORGANIZATION in wordnet.hypernym_closure(synsets, offset)
            ):
                heads.add(lemma)
                break
    return heads


def main():
    irregular = wordnet.irregular_plurals()
    lexfile = wordnet.noun_lexfiles()
    index = [row for row in wordnet.noun_index() if WORD.match(row[0])]
    taken = {
        first
        for _lemma, _senses, tagged, first in index
        if tagged >= MIN_TAGGED and lexfile.get(first) in LEX_FILES
    }
    words = set()
    for lemma, _senses, tagged, first in index:
        variant = first in taken and lexfile.get(first) == PERSON
        if tagged >= MIN_TAGGED and first in taken or variant:
            words.add(lemma)
            words.add(plural(lemma, irregular))
    for noun in role_nouns():
        words.add(plural(noun, irregular))
    words |= institution_heads()
    with open(OUT, "w") as f:
        f.write("# source: WordNet 3.0 (Princeton University), as shipped by Debian wordnet-base in /usr/share/wordnet\n")
        f.write("# licence: WordNet 3.0 licence (free to use, copy and distribute with the copyright notice)\n")
        f.write("# generated-by: scripts/gen_group_speakers.py\n")
        f.write("# Nouns whose most frequent sense names a person or a group of people, with plurals;\n")
        f.write("# plurals of the role nouns of data/role_nouns.txt; nouns naming an institution\n")
        f.write("# in one of their first two senses (noun.group below organization).\n")
        for w in sorted(words):
            f.write(w + "\n")


main()
