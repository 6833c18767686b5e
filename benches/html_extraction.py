#!/usr/bin/env python3
"""HTML article-body extraction benchmark for newsdesk (not run in CI).

Scores `newsdesk extract --json` on the public scrapinghub article-extraction-benchmark
(181 real pages; ground truth = each page's article body) with the benchmark's metric:
word tokens (\\w+), 4-token shingles as multisets, per-page precision/recall normalised
so every page weighs the same, averaged over pages, F1 of the averages.

Usage (after `cargo build --release`):
    python3 benches/html_extraction.py BENCHMARK_DIR [--bin target/release/newsdesk] [--show N]

BENCHMARK_DIR is a checkout of github.com/scrapinghub/article-extraction-benchmark
(a bare git directory also works: files are read with `git show HEAD:PATH`).
The headline newsdesk puts first in its text is not part of the ground-truth body, so
the sentences of `headline` are left out before scoring.
"""
import argparse
import collections
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORD = re.compile(r"\w+", re.UNICODE)


def read(repo: Path, rel: str) -> bytes:
    p = repo / rel
    if p.exists():
        return p.read_bytes()
    return subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{rel}"], check=True, capture_output=True).stdout


def shingles(text: str, n: int = 4) -> collections.Counter:
    words = WORD.findall(text or "")
    if len(words) < n:
        return collections.Counter([tuple(words)] if words else [])
    return collections.Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def page_scores(truth: str, pred: str):
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def body_of(result: dict) -> str:
    sentences = result.get("sentences", [])
    title = (result.get("title") or "").strip()
    if sentences and sentences[0]["text"].strip() == title:
        sentences = sentences[1:]
    return " ".join(s["text"] for s in sentences)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("repo", type=Path)
    ap.add_argument("--bin", default="target/release/newsdesk")
    ap.add_argument("--show", type=int, default=0, help="list the N worst pages")
    args = ap.parse_args()
    truth = json.loads(read(args.repo, "ground-truth.json"))
    precisions, recalls, rows, failures = [], [], [], 0
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        for key, gold in sorted(truth.items()):
            html = gzip.decompress(read(args.repo, f"html/{key}.html.gz"))
            path = Path(tmp) / f"{key}.html"
            path.write_bytes(html)
            out = subprocess.run([args.bin, "extract", "--json", str(path)], capture_output=True)
            if out.returncode != 0:
                failures += 1
                pred = ""
            else:
                pred = body_of(json.loads(out.stdout))
            p, r = page_scores(gold.get("articleBody", ""), pred)
            precisions.append(p)
            recalls.append(r)
            rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, key, gold.get("url", "")))
    mp = sum(precisions) / len(precisions)
    mr = sum(recalls) / len(recalls)
    f1 = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
    print(f"pages {len(rows)}  F1 {f1:.4f}  precision {mp:.4f}  recall {mr:.4f}  refused {failures}  time {time.time() - started:.1f}s")
    for f, p, r, key, url in sorted(rows)[: args.show]:
        print(f"  {f:.2f} P{p:.2f} R{r:.2f} {key[:12]} {url}")


if __name__ == "__main__":
    sys.exit(main())
