"""Reading WordNet 3.0 noun data as the Debian package wordnet-base ships it
(/usr/share/wordnet), for the generators of data/ (licence: WordNet 3.0 licence, free
to use, copy and distribute with the copyright notice; recorded in data/README.md)."""
import os
import re

WN = "/usr/share/wordnet"


def irregular_plurals():
    """{singular: plural} from WordNet's exception list (noun.exc)."""
    irregular = {}
    with open(os.path.join(WN, "noun.exc")) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                irregular.setdefault(parts[1], parts[0])
    return irregular


def plural(word, irregular):
    """The plural of a noun: WordNet's exception, else the regular English ending."""
    if word in irregular:
        return irregular[word]
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def noun_lexfiles():
    """{synset offset: lexicographer file number (as written, e.g. "14")}."""
    lexfile = {}
    with open(os.path.join(WN, "data.noun")) as f:
        for line in f:
            if not line.startswith(" "):
                parts = line.split()
                lexfile[parts[0]] = parts[1]
    return lexfile


def noun_index():
    """(lemma, sense count, corpus-tagged sense count, offset of the commonest sense)
    for each noun of index.noun."""
    with open(os.path.join(WN, "index.noun")) as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            p_cnt = int(parts[3])
            yield parts[0], int(parts[2]), int(parts[5 + p_cnt]), parts[6 + p_cnt]
