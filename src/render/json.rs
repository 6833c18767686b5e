//! The `newsdesk extract --json` object: the eval FORMAT.md schema plus `sentences`,
//! and `sentence` indices on quotes and figures.

use crate::analyze::rules;
use crate::model::{Analysis, Document};
use serde_json::{Value, json};

/// [`extract_json`] with a `rules` list (rule names) on every quote, figure, person,
/// organization, place and date; organizations and places become objects
/// (`{"name", "rules"}`), which the eval scripts also accept.
pub fn extract_json_explained(doc: &Document, a: &Analysis) -> Value {
    let mut v = extract_json(doc, a);
    let names = |set| json!(rules::names(set));
    let lists: [(&str, Vec<Value>); 4] = [
        ("quotes", a.quotes.iter().map(|q| names(&q.rules)).collect()),
        (
            "figures",
            a.figures.iter().map(|f| names(&f.rules)).collect(),
        ),
        ("people", a.people.iter().map(|p| names(&p.rules)).collect()),
        ("dates", a.dates.iter().map(|d| names(&d.rules)).collect()),
    ];
    for (key, rules) in lists {
        if let Some(items) = v.get_mut(key).and_then(Value::as_array_mut) {
            for (item, r) in items.iter_mut().zip(rules) {
                if let Some(obj) = item.as_object_mut() {
                    obj.insert("rules".into(), r);
                }
            }
        }
    }
    v["organizations"] = a
        .organizations
        .iter()
        .map(|o| json!({"name": o.name, "rules": names(&o.rules)}))
        .collect();
    v["places"] = a
        .places
        .iter()
        .map(|p| json!({"name": p.name, "rules": names(&p.rules)}))
        .collect();
    v
}

pub fn extract_json(doc: &Document, a: &Analysis) -> Value {
    let t = |s| doc.slice(s).to_string();
    json!({
        "title": doc.title,
        "date": doc.date.map(|d| d.to_string()),
        "byline": doc.byline,
        "language": a.foreign_language,
        "sentences": doc.sentences.iter().map(|s| json!({
            "text": t(s.span), "start": s.span.start, "end": s.span.end,
        })).collect::<Vec<_>>(),
        "quotes": a.quotes.iter().map(|q| json!({
            "speaker": q.speaker, "aliases": q.aliases, "role": q.role,
            "text": t(q.text), "kind": q.kind, "sentence": q.sentence,
        })).collect::<Vec<_>>(),
        "figures": a.figures.iter().map(|f| json!({
            "text": t(f.text), "kind": f.kind, "value": f.value, "value_max": f.value_max,
            "unit": f.unit, "qualifier": f.qualifier, "about": f.about, "sentence": f.sentence,
        })).collect::<Vec<_>>(),
        "people": a.people.iter().map(|p| json!({
            "name": p.name, "aliases": p.aliases, "role": p.role,
        })).collect::<Vec<_>>(),
        "organizations": a.organizations.iter().map(|o| &o.name).collect::<Vec<_>>(),
        "places": a.places.iter().map(|p| &p.name).collect::<Vec<_>>(),
        "dates": a.dates.iter().map(|d| json!({
            "text": t(d.text), "value": d.value, "sentence": d.sentence,
        })).collect::<Vec<_>>(),
        "key_points": a.key_points.iter().map(|&i| json!({
            "text": doc.sentence_text(i), "sentence": i,
        })).collect::<Vec<_>>(),
    })
}
