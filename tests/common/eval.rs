//! A port of the eval scorer's matching rules (FORMAT.md: names ignore case, punctuation
//! and titles; spans match by containment or 60 % word overlap; values within 1 %), so
//! tests can hold the engine to a floor on the articles in tests/fixtures/articles
//! without depending on anything outside the repository.

#![allow(dead_code)]

use newsdesk::ingest::{IngestOptions, ingest};
use regex::Regex;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "prime",
    "minister",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "gen",
    "general",
    "col",
    "capt",
    "lt",
    "sgt",
    "rev",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "chancellor",
    "secretary",
    "judge",
    "justice",
    "mayor",
    "chairman",
    "chairwoman",
    "chief",
    "the",
    "u.s.",
    "us",
];

pub const AREAS: [&str; 8] = [
    "quotes",
    "quote_spans",
    "figures",
    "figure_kinds",
    "people",
    "roles",
    "organizations",
    "places",
];

fn fold(s: &str) -> String {
    let s: String = s.nfkc().collect();
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2013}', '\u{2014}'], "-")
        .to_lowercase()
}

fn words(s: &str) -> Vec<String> {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[a-z0-9]+(?:['.][a-z0-9]+)*").unwrap());
    WORD.find_iter(&fold(s))
        .map(|m| m.as_str().to_string())
        .collect()
}

fn name_key(s: &str) -> Vec<String> {
    let mut toks: Vec<String> = words(s)
        .into_iter()
        .filter(|t| !TITLES.contains(&t.as_str()) && !TITLES.contains(&t.trim_end_matches('.')))
        .collect();
    if toks.last().is_some_and(|t| t == "s") {
        toks.pop();
    }
    toks
}

pub fn same_name(pred: &str, gold_names: &[String]) -> bool {
    let p = name_key(pred);
    if p.is_empty() {
        return false;
    }
    gold_names.iter().any(|g| {
        let gk = name_key(g);
        if gk.is_empty() {
            return false;
        }
        if p == gk {
            return true;
        }
        let sub = |a: &[String], b: &[String]| a.iter().all(|x| b.contains(x));
        (sub(&p, &gk) || sub(&gk, &p)) && p.contains(gk.last().unwrap())
    })
}

pub fn span_match(pred: &str, gold: &str) -> bool {
    let (pw, gw) = (words(pred), words(gold));
    let (p, g) = (pw.join(" "), gw.join(" "));
    if p.is_empty() || g.is_empty() {
        return false;
    }
    if p.contains(&g) || g.contains(&p) {
        return true;
    }
    if gw.len() >= 4 {
        let hits = gw.iter().filter(|w| pw.contains(w)).count();
        return hits as f64 / gw.len() as f64 >= 0.6;
    }
    false
}

fn value_match(p: &Value, g: &Value) -> bool {
    match (p.as_f64(), g.as_f64()) {
        _ if g.is_null() || p.is_null() => true,
        (Some(p), Some(0.0)) => p.abs() < 1e-9,
        (Some(p), Some(g)) => ((p - g) / g).abs() <= 0.01,
        _ => false,
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Tally {
    pub fn f1(&self) -> f64 {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            0.0
        };
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Misses of one area in one case: gold items not found, predictions not matched.
#[derive(Debug, Default)]
pub struct Misses {
    pub missed: Vec<Value>,
    pub extra: Vec<Value>,
}

fn greedy(
    preds: &[Value],
    golds: &[Value],
    ok: impl Fn(&Value, &Value) -> bool,
    t: &mut Tally,
) -> Misses {
    let mut used = vec![false; preds.len()];
    let mut m = Misses::default();
    for g in golds {
        match (0..preds.len()).find(|&i| !used[i] && ok(&preds[i], g)) {
            Some(i) => used[i] = true,
            None => m.missed.push(g.clone()),
        }
    }
    m.extra = preds
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(p, _)| p.clone())
        .collect();
    let tp = golds.len() - m.missed.len();
    t.tp += tp;
    t.fp += preds.len() - tp;
    t.fn_ += m.missed.len();
    m
}

fn arr(v: &Value, key: &str) -> Vec<Value> {
    v.get(key)
        .and_then(|a| a.as_array())
        .cloned()
        .unwrap_or_default()
}
fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(|x| x.as_str()).unwrap_or("")
}
fn as_name(v: &Value) -> String {
    v.as_str()
        .map(str::to_string)
        .unwrap_or_else(|| s(v, "name").to_string())
}
fn names_of(v: &Value, name_key: &str) -> Vec<String> {
    let mut n = vec![s(v, name_key).to_string()];
    n.extend(
        arr(v, "aliases")
            .iter()
            .filter_map(|a| a.as_str().map(str::to_string)),
    );
    n
}

/// Scores one prediction against one gold file, adding to `tallies`; returns misses per area.
pub fn score_case(
    gold: &Value,
    pred: &Value,
    tallies: &mut BTreeMap<&'static str, Tally>,
) -> BTreeMap<&'static str, Misses> {
    let mut misses = BTreeMap::new();
    let (gq, pq) = (arr(gold, "quotes"), arr(pred, "quotes"));
    let q_ok = |p: &Value, g: &Value| {
        span_match(s(p, "text"), s(g, "text"))
            && same_name(s(p, "speaker"), &names_of(g, "speaker"))
    };
    misses.insert(
        "quotes",
        greedy(&pq, &gq, q_ok, tallies.entry("quotes").or_default()),
    );
    greedy(
        &pq,
        &gq,
        |p, g| span_match(s(p, "text"), s(g, "text")),
        tallies.entry("quote_spans").or_default(),
    );

    let (gf, pf) = (arr(gold, "figures"), arr(pred, "figures"));
    let f_ok = |p: &Value, g: &Value| {
        span_match(s(p, "text"), s(g, "text"))
            && value_match(
                p.get("value").unwrap_or(&Value::Null),
                g.get("value").unwrap_or(&Value::Null),
            )
    };
    misses.insert(
        "figures",
        greedy(&pf, &gf, f_ok, tallies.entry("figures").or_default()),
    );
    greedy(
        &pf,
        &gf,
        |p, g| f_ok(p, g) && p.get("kind") == g.get("kind"),
        tallies.entry("figure_kinds").or_default(),
    );

    let (gp, pp) = (arr(gold, "people"), arr(pred, "people"));
    let p_ok = |p: &Value, g: &Value| same_name(s(p, "name"), &names_of(g, "name"));
    misses.insert(
        "people",
        greedy(&pp, &gp, p_ok, tallies.entry("people").or_default()),
    );
    let gr: Vec<Value> = gp
        .iter()
        .filter(|g| !s(g, "role").is_empty())
        .cloned()
        .collect();
    let pr: Vec<Value> = pp
        .iter()
        .filter(|p| !s(p, "role").is_empty())
        .cloned()
        .collect();
    let role_ok = |p: &Value, g: &Value| {
        let prw = words(s(p, "role"));
        let gw = words(s(g, "role"));
        p_ok(p, g)
            && !gw.is_empty()
            && gw.iter().filter(|w| prw.contains(w)).count() as f64 / gw.len() as f64 >= 0.5
    };
    misses.insert(
        "roles",
        greedy(&pr, &gr, role_ok, tallies.entry("roles").or_default()),
    );

    for area in ["organizations", "places"] {
        let g: Vec<Value> = arr(gold, area)
            .iter()
            .map(|x| Value::String(as_name(x)))
            .collect();
        let p: Vec<Value> = arr(pred, area)
            .iter()
            .map(|x| Value::String(as_name(x)))
            .collect();
        let ok = |a: &Value, b: &Value| {
            let (a, b) = (a.as_str().unwrap_or(""), b.as_str().unwrap_or(""));
            name_key(a) == name_key(b) || same_name(a, &[b.to_string()])
        };
        misses.insert(area, greedy(&p, &g, ok, tallies.entry(area).or_default()));
    }
    misses
}

/// The engine's `extract --json` object for one article file, computed in-process.
pub fn predict(path: &Path) -> Value {
    let bytes = std::fs::read(path).expect("fixture readable");
    let doc = ingest(
        &bytes,
        &IngestOptions {
            name_hint: Some(path.display().to_string()),
            title: None,
        },
    )
    .expect("fixture ingests");
    let analysis = newsdesk::analyze::analyze(&doc);
    newsdesk::render::json::extract_json(&doc, &analysis)
}

pub fn fixtures_dir() -> PathBuf {
    super::fixtures::articles_dir()
}

/// Scores every gold case in tests/fixtures/articles. Prints the table and the misses of
/// `show_area` (if given) so a failing floor says why.
pub fn score_fixtures(show_area: Option<&str>) -> BTreeMap<&'static str, Tally> {
    let mut tallies: BTreeMap<&'static str, Tally> =
        AREAS.iter().map(|a| (*a, Tally::default())).collect();
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.with_extension("txt").exists())
        .collect();
    names.sort();
    for gold_path in names {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let pred = predict(&gold_path.with_extension("txt"));
        let misses = score_case(&gold, &pred, &mut tallies);
        if let Some(area) = show_area {
            let name = gold_path.file_stem().unwrap().to_string_lossy();
            if let Some(m) = misses.get(area) {
                for g in &m.missed {
                    eprintln!("{name} {area} MISSED {g}");
                }
                for p in &m.extra {
                    eprintln!("{name} {area} EXTRA  {p}");
                }
            }
        }
    }
    for (area, t) in &tallies {
        eprintln!(
            "{area:14} F1 {:.3}  tp/fp/fn {}/{}/{}",
            t.f1(),
            t.tp,
            t.fp,
            t.fn_
        );
    }
    tallies
}

/// Asserts each `(area, floor)`; fails with the table printed above.
pub fn assert_floors(tallies: &BTreeMap<&'static str, Tally>, floors: &[(&str, f64)]) {
    let short: Vec<String> = floors
        .iter()
        .filter(|(a, f)| tallies[a].f1() < *f)
        .map(|(a, f)| format!("{a} F1 {:.3} < {f}", tallies[a].f1()))
        .collect();
    assert!(
        short.is_empty(),
        "below the dev-corpus floor: {}",
        short.join("; ")
    );
}
