//! The `newsdesk extract --json` object: the eval FORMAT.md schema plus `sentences`,
//! and `sentence` indices on quotes and figures.
//!
//! The object is a set of borrowed `#[derive(Serialize)]` views over the document and its
//! analysis, written straight to text: no `serde_json::Value` tree is built on the way
//! (on a long document that tree cost more than writing the text). Fields are declared in
//! byte order of their names, the order the former `Value` maps (sorted) printed them in;
//! `extract_json` still returns a `Value` for callers that read it.

use crate::analyze::rules;
use crate::model::{Analysis, DateMention, Document, Figure, FigureKind, QuoteKind, RuleSet};
use serde::{Serialize, Serializer};
use serde_json::Value;

/// The whole object. Keys in sorted order (see the module doc).
#[derive(Serialize)]
struct Extract<'a> {
    byline: &'a Option<String>,
    date: Option<String>,
    dates: Vec<DateView<'a>>,
    figures: Vec<FigureView<'a>>,
    key_points: Vec<KeyPoint<'a>>,
    language: &'a Option<String>,
    organizations: Vec<Entity<'a>>,
    people: Vec<PersonView<'a>>,
    places: Vec<Entity<'a>>,
    quotes: Vec<QuoteView<'a>>,
    sentences: Vec<SentenceView<'a>>,
    title: &'a str,
}

#[derive(Serialize)]
struct SentenceView<'a> {
    end: usize,
    start: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct QuoteView<'a> {
    aliases: &'a [String],
    kind: QuoteKind,
    role: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rules: Option<Names>,
    sentence: usize,
    speaker: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct FigureView<'a> {
    about: &'a str,
    kind: FigureKind,
    qualifier: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rules: Option<Names>,
    sentence: usize,
    text: &'a str,
    unit: &'a str,
    value: Option<f64>,
    value_max: Option<f64>,
}

#[derive(Serialize)]
struct PersonView<'a> {
    aliases: &'a [String],
    name: &'a str,
    role: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rules: Option<Names>,
}

#[derive(Serialize)]
struct DateView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    rules: Option<Names>,
    sentence: usize,
    text: &'a str,
    value: &'a Option<String>,
}

#[derive(Serialize)]
struct KeyPoint<'a> {
    sentence: usize,
    text: &'a str,
}

/// An organization or place: its name alone, or `{"name", "rules"}` when explained.
struct Entity<'a> {
    name: &'a str,
    rules: Option<Names>,
}

impl Serialize for Entity<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Explained<'b> {
            name: &'b str,
            rules: &'b Names,
        }
        match &self.rules {
            None => s.serialize_str(self.name),
            Some(rules) => Explained {
                name: self.name,
                rules,
            }
            .serialize(s),
        }
    }
}

/// The rule names of one finding.
type Names = Vec<&'static str>;

/// The view of `doc` and `a`; with `explain`, every finding carries its rule names.
fn view<'a>(doc: &'a Document, a: &'a Analysis, explain: bool) -> Extract<'a> {
    let t = |s| doc.slice(s);
    let names = |set: &RuleSet| explain.then(|| rules::names(set));
    Extract {
        byline: &doc.byline,
        date: doc.date.map(|d| d.to_string()),
        dates: a
            .dates
            .iter()
            .map(|d| date_view(doc, d, names(&d.rules)))
            .collect(),
        figures: a
            .figures
            .iter()
            .map(|f| figure_view(doc, f, names(&f.rules)))
            .collect(),
        key_points: (a.key_points.iter())
            .map(|&i| KeyPoint {
                sentence: i,
                text: doc.sentence_text(i),
            })
            .collect(),
        language: &a.foreign_language,
        organizations: (a.organizations.iter())
            .map(|o| Entity {
                name: &o.name,
                rules: names(&o.rules),
            })
            .collect(),
        people: (a.people.iter())
            .map(|p| PersonView {
                aliases: &p.aliases,
                name: &p.name,
                role: &p.role,
                rules: names(&p.rules),
            })
            .collect(),
        places: (a.places.iter())
            .map(|p| Entity {
                name: &p.name,
                rules: names(&p.rules),
            })
            .collect(),
        quotes: (a.quotes.iter())
            .map(|q| QuoteView {
                aliases: &q.aliases,
                kind: q.kind,
                role: &q.role,
                rules: names(&q.rules),
                sentence: q.sentence,
                speaker: &q.speaker,
                text: t(q.text),
            })
            .collect(),
        sentences: (doc.sentences.iter())
            .map(|s| SentenceView {
                end: s.span.end,
                start: s.span.start,
                text: t(s.span),
            })
            .collect(),
        title: &doc.title,
    }
}

fn figure_view<'a>(doc: &'a Document, f: &'a Figure, rules: Option<Names>) -> FigureView<'a> {
    FigureView {
        about: &f.about,
        kind: f.kind,
        qualifier: &f.qualifier,
        rules,
        sentence: f.sentence,
        text: doc.slice(f.text),
        unit: &f.unit,
        value: f.value,
        value_max: f.value_max,
    }
}

fn date_view<'a>(doc: &'a Document, d: &'a DateMention, rules: Option<Names>) -> DateView<'a> {
    DateView {
        rules,
        sentence: d.sentence,
        text: doc.slice(d.text),
        value: &d.value,
    }
}

/// The `extract --json` text (pretty-printed, no trailing newline); with `explain`, a
/// `rules` list (rule names) on every quote, figure, person, organization, place and date,
/// and organizations and places become objects (`{"name", "rules"}`), which the eval
/// scripts also accept.
pub fn extract_json_text(doc: &Document, a: &Analysis, explain: bool) -> String {
    let mut whole = view(doc, a, explain);
    if doc.text.len() < SPLIT_FROM {
        return pretty(&whole, doc.text.len() * 3 + 4096);
    }
    // A long document writes its sentence list (half the text) on a helper thread while
    // this one writes the rest around a placeholder, then puts the list in its place.
    let sentences = std::mem::take(&mut whole.sentences);
    let (rest, list) = crate::parallel::join(
        || pretty(&whole, doc.text.len() + 4096),
        || indented(&pretty(&sentences, doc.text.len() * 2)),
    );
    splice_sentences(rest, &list)
}

/// Text length (bytes) from which [`extract_json_text`] splits its work.
const SPLIT_FROM: usize = 64 * 1024;

/// `value` as pretty-printed JSON.
fn pretty<T: Serialize>(value: &T, capacity: usize) -> String {
    let mut out = Vec::with_capacity(capacity);
    serde_json::to_writer_pretty(&mut out, value)
        .expect("the extract view serializes (no map keys, no I/O)");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// `list` (JSON written alone) indented one level deeper, as it would be inside the
/// object. JSON strings hold no raw line break, so every `\n` starts a line.
fn indented(list: &str) -> String {
    let mut out = String::with_capacity(list.len() * 9 / 8);
    for (i, line) in list.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\n  ");
        }
        out.push_str(line);
    }
    out
}

/// `rest` (the object written with an empty sentence list) with `list` (the list,
/// [`indented`]) in that list's place.
fn splice_sentences(rest: String, list: &str) -> String {
    // `sentences` is the last key but one at the top level (keys are sorted; `title` is
    // last and a string, which holds no raw line break, so only the key's line matches).
    const KEY: &str = "\n  \"sentences\": []";
    let Some(at) = rest.rfind(KEY) else {
        return rest;
    };
    let cut = at + KEY.len() - "[]".len();
    [&rest[..cut], list, &rest[cut + "[]".len()..]].concat()
}

/// [`extract_json`] with a `rules` list on every finding (see [`extract_json_text`]).
pub fn extract_json_explained(doc: &Document, a: &Analysis) -> Value {
    serde_json::to_value(view(doc, a, true)).expect("the extract view serializes")
}

/// The `extract --json` object as a `serde_json::Value`, for callers that read it.
pub fn extract_json(doc: &Document, a: &Analysis) -> Value {
    serde_json::to_value(view(doc, a, false)).expect("the extract view serializes")
}
