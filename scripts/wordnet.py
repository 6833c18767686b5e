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


def index_entries(pos):
    """(lemma, corpus-tagged sense count) for each lemma of index.POS."""
    with open(os.path.join(WN, f"index.{pos}")) as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            yield parts[0], int(parts[5 + int(parts[3])])


def write_list(path, header, words):
    """Writes a data/ word list: its header, then the words sorted, one a line."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for w in sorted(words):
            f.write(w + "\n")


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


def noun_synsets():
    """{synset offset: (lexicographer file number, [hypernym offsets], {lower-case words
    as the synset writes them})} from data.noun; a capitalised word (a name, an
    acronym) is left out of the set."""
    synsets = {}
    with open(os.path.join(WN, "data.noun")) as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            w_cnt = int(parts[3], 16)
            words = {parts[4 + 2 * k] for k in range(w_cnt)}
            i = 4 + 2 * w_cnt
            p_cnt = int(parts[i])
            i += 1
            hypernyms = []
            for _ in range(p_cnt):
                symbol, offset, pos = parts[i], parts[i + 1], parts[i + 2]
                i += 4
                if symbol in ("@", "@i") and pos == "n":
                    hypernyms.append(offset)
            synsets[parts[0]] = (parts[1], hypernyms, {w for w in words if w.islower()})
    return synsets


def hypernym_closure(synsets, offset):
    """Every synset above `offset` by hypernym links."""
    seen, stack = set(), [offset]
    while stack:
        for h in synsets.get(stack.pop(), (None, [], None))[1]:
            if h not in seen:
                seen.add(h)
                stack.append(h)
    return seen


def noun_senses():
    """(lemma, corpus-tagged sense count, [synset offsets in sense order]) for each noun
    of index.noun."""
    with open(os.path.join(WN, "index.noun")) as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            s_cnt, p_cnt = int(parts[2]), int(parts[3])
            yield parts[0], int(parts[5 + p_cnt]), parts[6 + p_cnt : 6 + p_cnt + s_cnt]
