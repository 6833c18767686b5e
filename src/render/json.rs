//! The `newsdesk extract --json` object: the eval FORMAT.md schema plus `sentences`,
//! and `sentence` indices on quotes and figures.

use crate::model::{Analysis, Document};
use serde_json::{Value, json};

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
