//! Peer test suites for key figures: the Recognizers-Text English currency, dimension and
//! percentage specs and quantulum3's test quantities (copies in tests/fixtures/peer/, MIT
//! licence, notices kept there). Each expected quantity is looked for among the figures
//! the engine reports for the input sentence; the test prints recall of value and of text
//! per model and fails below the floors of issue 15.

use newsdesk::analyze::figures::extract;
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::{Figure, FigureKind};
use serde_json::Value;
use std::collections::HashMap;

fn figures_of(text: &str) -> (String, Vec<Figure>) {
    match ingest(text.as_bytes(), &IngestOptions::default()) {
        Ok(doc) => {
            let figs = extract(&doc);
            (doc.text.clone(), figs)
        }
        Err(_) => (String::new(), Vec::new()),
    }
}

fn close(got: f64, want: f64) -> bool {
    (got - want).abs() <= 0.01 * want.abs().max(1e-9)
}

/// The value matches the figure's value, its upper bound or (for a range, as quantulum3
/// reports it) the middle of the two.
fn value_matches(f: &Figure, want: f64) -> bool {
    let mut got = vec![];
    got.extend(f.value);
    got.extend(f.value_max);
    if let (Some(a), Some(b)) = (f.value, f.value_max) {
        got.push((a + b) / 2.0);
    }
    got.into_iter().any(|g| close(g, want))
}

fn parse_value(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim_end_matches('%').parse().ok(),
        _ => None,
    }
}

/// The span as written, without a leading qualifier ("more than").
fn text_matches(text: &str, f: &Figure, want: &str) -> bool {
    let got = f.text.of(text);
    let bare = match &f.qualifier {
        Some(q) => got.get(q.len()..).unwrap_or(got).trim_start(),
        None => got,
    };
    got.eq_ignore_ascii_case(want.trim()) || bare.eq_ignore_ascii_case(want.trim())
}

struct Tally {
    cases: usize,
    value: usize,
    text: usize,
    misses: Vec<String>,
}

fn recognizers_text(model: &str) -> Tally {
    let path = format!(
        "{}/tests/fixtures/peer/recognizers-text/{model}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut t = Tally {
        cases: 0,
        value: 0,
        text: 0,
        misses: vec![],
    };
    for c in &cases {
        let input = c["Input"].as_str().unwrap();
        let (text, figs) = figures_of(input);
        for r in c["Results"].as_array().unwrap() {
            let want = parse_value(&r["Value"]).unwrap();
            let unit = r["Unit"].as_str().unwrap_or("");
            // A sum of cents is reported in the main unit.
            let minor = matches!(unit, "Cent" | "Penny" | "Pence");
            t.cases += 1;
            let v = figs
                .iter()
                .any(|f| value_matches(f, want) || (minor && value_matches(f, want / 100.0)));
            let want_text = r["Text"].as_str().unwrap();
            let x = figs.iter().any(|f| text_matches(&text, f, want_text));
            t.value += v as usize;
            t.text += x as usize;
            if !v {
                t.misses.push(format!("{input:?}: {want_text:?} = {want}"));
            }
        }
    }
    t
}

/// quantulum3's unit names keyed by every form its table gives (names, surfaces and
/// symbols, as written and lowercased, with SI prefixes) and by the names the engine's
/// own tables report for a surface ("km" for "kilometres").
fn unit_names() -> HashMap<String, String> {
    let path = format!(
        "{}/tests/fixtures/peer/quantulum3/units.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let table: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let prefixes = [
        ("k", "kilo"),
        ("c", "centi"),
        ("m", "milli"),
        ("M", "mega"),
        ("G", "giga"),
        ("T", "tera"),
        ("n", "nano"),
        ("µ", "micro"),
    ];
    let mut m = HashMap::new();
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    for (name, u) in table.as_object().unwrap() {
        let surfaces = strings(&u["surfaces"]);
        let symbols = strings(&u["symbols"]);
        let mut forms: Vec<(String, String)> = vec![(name.clone(), name.clone())];
        for f in surfaces.iter().chain(&symbols) {
            forms.push((f.clone(), name.clone()));
            forms.push((format!("{f}s"), name.clone()));
        }
        if let Some(code) = u["currency_code"].as_str() {
            forms.push((code.to_string(), name.clone()));
        }
        for p in strings(&u["prefixes"]) {
            if let Some((_, long)) = prefixes.iter().find(|(s, _)| *s == p) {
                let full = format!("{long}{name}");
                for f in &symbols {
                    forms.push((format!("{p}{f}"), full.clone()));
                }
                for f in &surfaces {
                    forms.push((format!("{long}{f}"), full.clone()));
                    forms.push((format!("{long}{f}s"), full.clone()));
                }
            }
        }
        for (form, unit) in forms {
            m.entry(form.clone()).or_insert(unit.clone());
            m.entry(form.to_lowercase()).or_insert(unit);
        }
    }
    // The engine reports one name per unit ("km", "feet", "%"): map it through a surface.
    for line in include_str!("../data/units.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let parts: Vec<&str> = line.split('|').collect();
        if parts.len() == 3
            && let Some(n) = m.get(&parts[0].to_lowercase()).cloned()
        {
            m.entry(parts[1].to_string()).or_insert(n);
        }
    }
    m.insert("%".into(), "percentage".into());
    m
}

fn unit_matches(names: &HashMap<String, String>, got: &str, want: &str) -> bool {
    if want == "dimensionless" {
        return true;
    }
    let canon = |u: &str| {
        names
            .get(u)
            .or_else(|| names.get(&u.to_lowercase()))
            .cloned()
            .unwrap_or_else(|| u.to_lowercase())
    };
    canon(got) == canon(want) || got.eq_ignore_ascii_case(want)
}

fn quantulum3() -> Tally {
    let path = format!(
        "{}/tests/fixtures/peer/quantulum3/quantities.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let names = unit_names();
    let mut t = Tally {
        cases: 0,
        value: 0,
        text: 0,
        misses: vec![],
    };
    for c in &cases {
        let input = c["req"].as_str().unwrap();
        let (text, figs) = figures_of(input);
        for r in c["res"].as_array().unwrap() {
            let want = parse_value(&r["value"]).unwrap();
            let unit = r["unit"].as_str().unwrap();
            let surface = r["surface"].as_str().unwrap();
            t.cases += 1;
            // Coins are reported as amounts of the main currency ("100 cents" = 1 USD).
            let coin = match unit {
                "cent" | "penny" => Some(0.01),
                "dime" => Some(0.1),
                _ => None,
            };
            let v = figs.iter().any(|f| match coin {
                Some(c) => value_matches(f, want * c) && f.kind == FigureKind::Money,
                None => value_matches(f, want) && unit_matches(&names, &f.unit, unit),
            });
            t.value += v as usize;
            t.text += figs.iter().any(|f| text_matches(&text, f, surface)) as usize;
            if !v {
                let got: Vec<String> = figs
                    .iter()
                    .map(|f| format!("{}={:?} {}", f.text.of(&text), f.value, f.unit))
                    .collect();
                t.misses.push(format!(
                    "{input:?}: {surface:?} = {want} {unit}; got {got:?}"
                ));
            }
        }
    }
    t
}

fn report(name: &str, t: &Tally) -> f64 {
    let v = t.value as f64 / t.cases as f64;
    let x = t.text as f64 / t.cases as f64;
    println!(
        "{name}: {} cases, value recall {v:.3}, text recall {x:.3}",
        t.cases
    );
    for m in &t.misses {
        println!("  missed {m}");
    }
    v
}

#[test]
fn recognizers_text_currency_dimension_percent() {
    let mut low = vec![];
    for model in ["CurrencyModel", "DimensionModel", "PercentModel"] {
        let t = recognizers_text(model);
        let v = report(model, &t);
        if v < 0.92 {
            low.push(format!("{model} {v:.3}"));
        }
    }
    assert!(low.is_empty(), "value recall under 0.92: {low:?}");
}

#[test]
fn quantulum3_quantities() {
    let t = quantulum3();
    let v = report("quantulum3", &t);
    assert!(v >= 0.85, "quantulum3 value+unit recall {v:.3} < 0.85");
}
