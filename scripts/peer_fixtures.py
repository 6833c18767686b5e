#!/usr/bin/env python3
"""Copy the peer test cases the figures engine is meant to pass into tests/fixtures/peer/.

Sources (both MIT licence; the notices are copied next to the cases):
- Microsoft Recognizers-Text, Specs/NumberWithUnit/English/{Currency,Dimension}Model.json
  and Specs/Number/English/PercentModel.json (github.com/microsoft/Recognizers-Text)
- quantulum3, quantulum3/_lang/en_US/tests/quantities.json (github.com/nielstron/quantulum3)

Usage: python3 scripts/peer_fixtures.py RT_SPECS_DIR Q3_QUANTITIES_JSON

Case kinds left out by design (see tests/fixtures/peer/README.md):
- a unit named with no number ("the % of increase", "a metric ton is ...");
- inverted percent forms ("percent of 10"), which are not written in prose;
- cases Recognizers-Text's own .NET engine does not support (NotSupported: dotnet);
- scientific notation ("4e14 s-1", "2.48×10−5");
- bare years and identifiers reported as dimensionless numbers ("English 101", "i7 860",
  "in 2013"), which FORMAT.md says are not figures, and bare spelled numbers with no unit
  or noun ("There are two in my car");
- a restatement in other units in brackets ("10kg (25lbs)"): the engine reports the pair
  as one figure, as FORMAT.md's "6 feet (1.8 m)" asks;
- "am"/"pm" as attometre/picometre ("2.1 pm"), which prose reads as clock times;
- rates and products quantulum3 derives from dimensions ("$15.4/hour", "50 Wh", "45 Js")
  rather than naming in its own unit table;
- dozens and grosses as units: "a dozen eggs" is 12 eggs to a reader, not 1 dozen.
"""
import json
import os
import re
import sys

OUT = "tests/fixtures/peer"


def rt(specs, model, sub):
    cases = json.load(open(os.path.join(specs, sub, "English", model + ".json"), encoding="utf-8-sig"))
    kept = []
    for c in cases:
        flags = (c.get("NotSupported", "") + c.get("NotSupportedByDesign", "")).lower()
        if "dotnet" in flags:
            continue
        res = [r for r in c.get("Results", [])
               if r.get("Resolution", {}).get("value") not in (None, "null")]
        res = [r for r in res if not re.match(r"^per ?cents? of", r["Text"].lower())]
        if not res:
            continue
        kept.append({"Input": c["Input"], "Results": [
            {"Text": r["Text"], "Value": r["Resolution"]["value"],
             "Unit": r["Resolution"].get("unit", "")} for r in res]})
    return kept


# Units quantulum3 derives from dimensions ("dollar per hour", "watt hour") rather than
# names in its own table (units.json); the engine reads named units only.
DERIVED = {"count per week", "dollar per hour", "dollar per kilogram", "watt hour",
           "megawatt hour", "joule second", "candela second"}
SCI = re.compile(r"\d[eE][-+−]?\d|×\s*10|\^")


def q3(path):
    kept = []
    for c in json.load(open(path, encoding="utf-8")):
        res = []
        for r in c["res"]:
            s = r["surface"]
            if SCI.search(s) or SCI.search(c["req"]) and r["unit"] == "dimensionless":
                continue
            if r["unit"] == "dimensionless" and re.fullmatch(r"\d+", s):
                # A bare numeral: a year, an identifier or a number with no unit.
                continue
            if r["unit"] == "dimensionless" and not re.search(
                    r"\d|half|halves|third|quarter|fifth|sixth|eighth|tenth", s, re.I):
                # A bare spelled number ("two", "a hundred and two"): no unit, no noun.
                continue
            if re.search(r"\(\s*" + re.escape(s) + r"\s*\)", c["req"]) and s[:1].isdigit():
                # A restatement in other units, "10kg (25lbs)": one paired figure here.
                continue
            if re.search(r"\d\s*(am|pm)$", s):
                # "2.1 pm" as picometres: read as a clock time in prose.
                continue
            if r["unit"] in DERIVED:
                # A rate or product quantulum3 builds from dimensions, not a named unit.
                continue
            if r["unit"] in ("dozen", "baker's dozen", "gross"):
                # "a dozen eggs" is 12 eggs to a reader (FORMAT.md), not 1 dozen.
                continue
            if not re.search(r"\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|"
                             r"hundred|thousand|million|dozen|half|third|quarter|sixth|\ba\b",
                             s, re.I):
                continue
            res.append({"surface": s, "value": r["value"], "unit": r["unit"]})
        if res:
            kept.append({"req": c["req"], "res": res})
    return kept


def main(specs, q3_path):
    os.makedirs(OUT + "/recognizers-text", exist_ok=True)
    os.makedirs(OUT + "/quantulum3", exist_ok=True)
    for model, sub in [("CurrencyModel", "NumberWithUnit"), ("DimensionModel", "NumberWithUnit"),
                       ("PercentModel", "Number")]:
        cases = rt(specs, model, sub)
        with open(f"{OUT}/recognizers-text/{model}.json", "w", encoding="utf-8") as f:
            json.dump(cases, f, ensure_ascii=False, indent=1)
        print(model, len(cases), "cases")
    cases = q3(q3_path)
    with open(f"{OUT}/quantulum3/quantities.json", "w", encoding="utf-8") as f:
        json.dump(cases, f, ensure_ascii=False, indent=1)
    print("quantulum3", len(cases), "cases")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
