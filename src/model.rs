//! The plain data every layer shares: a cleaned article (`Document`), what the engine
//! found in it (`Analysis`), and a stored article (`Article`).
//!
//! Every string the engine reports is either a `Span` into `Document::text` (so it is
//! verbatim by construction) or, where the answer is a composed label (a speaker's
//! canonical name, a figure's `about`), words taken from the article.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Byte offsets `[start, end)` into `Document::text`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The slice of `text` this span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A rule of the engine: an index into `analyze::rules::RULES`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleId(pub u16);

/// A small set of rules: the ones that produced and typed one finding (see
/// `analyze::rules`). It explains one run of the engine (`extract --explain`), so the
/// store drops it ([`RuleSet::clear`]): the bits live behind a box that an empty set
/// does not allocate, and a finding holds one word for its rules instead of four (the
/// findings of 10,000 stored articles held 13 MB of bits nobody reads).
#[derive(Debug, Clone, Default)]
pub struct RuleSet(Option<Box<[u64; 4]>>);

impl RuleSet {
    /// How many rules a set can hold (the registry's size limit).
    pub const CAPACITY: usize = 256;

    fn words(&self) -> [u64; 4] {
        self.0.as_deref().copied().unwrap_or_default()
    }
    pub fn insert(&mut self, id: RuleId) {
        let i = usize::from(id.0);
        self.0.get_or_insert_default()[i / 64] |= 1 << (i % 64);
    }
    pub fn remove(&mut self, id: RuleId) {
        let i = usize::from(id.0);
        if let Some(words) = &mut self.0 {
            words[i / 64] &= !(1 << (i % 64));
        }
    }
    pub fn contains(&self, id: RuleId) -> bool {
        let i = usize::from(id.0);
        self.0
            .as_ref()
            .is_some_and(|words| words[i / 64] & (1 << (i % 64)) != 0)
    }
    pub fn union_with(&mut self, other: &RuleSet) {
        if let Some(theirs) = &other.0 {
            let ours = self.0.get_or_insert_default();
            for (a, b) in ours.iter_mut().zip(theirs.iter()) {
                *a |= b;
            }
        }
    }
    pub fn is_empty(&self) -> bool {
        self.words().iter().all(|w| *w == 0)
    }
    /// Empties the set and gives back its memory.
    pub fn clear(&mut self) {
        self.0 = None;
    }
    /// The rules in the set, in id order.
    pub fn iter(&self) -> impl Iterator<Item = RuleId> + '_ {
        (0..Self::CAPACITY as u16)
            .map(RuleId)
            .filter(|id| self.contains(*id))
    }
}

// Equal by the rules held, however the empty set is kept.
impl PartialEq for RuleSet {
    fn eq(&self, other: &RuleSet) -> bool {
        self.words() == other.words()
    }
}

impl Eq for RuleSet {}

impl std::hash::Hash for RuleSet {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.words().hash(state);
    }
}

/// The input format an article arrived in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
}

/// One sentence of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into `Document::paragraphs`.
    pub paragraph: usize,
}

/// A cleaned, segmented article. `text` holds only what was kept (headline first when
/// there is one); furniture is gone, and every span points into `text`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    /// The article's own date (dateline or metadata), when one is known.
    pub date: Option<NaiveDate>,
    pub byline: Option<String>,
    pub format: Format,
    pub text: String,
    /// The headline's span in `text`, when the headline is part of the text.
    pub headline: Option<Span>,
    /// The dateline's date as written, kept as its own paragraph so date mentions stay
    /// verbatim; stages that look for statements can skip it.
    #[serde(default)]
    pub dateline: Option<Span>,
    /// Picture captions (blocks that carried an image credit): read, but not news
    /// sentences or statements.
    #[serde(default)]
    pub captions: Vec<Span>,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    pub fn slice(&self, span: Span) -> &str {
        span.of(&self.text)
    }
    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentences
            .get(index)
            .map(|s| self.slice(s.span))
            .unwrap_or("")
    }
    /// Index of the sentence containing byte offset `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }
    /// Whether sentence `index` is part of a picture caption.
    pub fn in_caption(&self, index: usize) -> bool {
        self.sentences
            .get(index)
            .is_some_and(|s| self.captions.iter().any(|c| c.overlaps(s.span)))
    }
    /// Whether sentence `index` is (part of) the headline.
    pub fn in_headline(&self, index: usize) -> bool {
        self.sentences
            .get(index)
            .is_some_and(|s| self.headline.is_some_and(|h| h.overlaps(s.span)))
    }
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

/// A statement the article attributes to someone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Canonical (fullest) name of the source: a person, or a group/institution label
    /// in the article's own words ("Analysts", "The Trump administration").
    pub speaker: String,
    pub aliases: Vec<String>,
    /// Role/title as the article gives it; empty when none.
    pub role: String,
    /// The statement's words (inside the quotation marks for direct quotes).
    pub text: Span,
    pub kind: QuoteKind,
    /// The attribution cue (speech verb, "according to"), when there is one.
    pub cue: Option<Span>,
    /// Index into `Document::sentences` of the sentence the statement starts in.
    pub sentence: usize,
    /// The rules that produced and typed this finding (`extract --explain`).
    #[serde(skip)]
    pub rules: RuleSet,
}

/// How a statement whose speaker the article does not name is shown to a reader: a
/// question put in the passive ("Asked whether …, Lee said") has an empty `speaker`.
pub const UNNAMED_SPEAKER: &str = "(asker not named)";

impl Quote {
    /// The speaker as a reader sees it: the name, or [`UNNAMED_SPEAKER`] when the
    /// article names none.
    pub fn speaker_label(&self) -> &str {
        if self.speaker.is_empty() {
            UNNAMED_SPEAKER
        } else {
            &self.speaker
        }
    }
}

/// Kinds of figure, as in the eval FORMAT.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FigureKind {
    Money,
    Percent,
    Count,
    Quantity,
    Ratio,
    Rank,
    Age,
    Score,
    YearSpan,
    Other,
}

impl FigureKind {
    pub const ALL: [FigureKind; 10] = [
        FigureKind::Money,
        FigureKind::Percent,
        FigureKind::Count,
        FigureKind::Quantity,
        FigureKind::Ratio,
        FigureKind::Rank,
        FigureKind::Age,
        FigureKind::Score,
        FigureKind::YearSpan,
        FigureKind::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Count => "count",
            FigureKind::Quantity => "quantity",
            FigureKind::Ratio => "ratio",
            FigureKind::Rank => "rank",
            FigureKind::Age => "age",
            FigureKind::Score => "score",
            FigureKind::YearSpan => "year-span",
            FigureKind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<FigureKind> {
        FigureKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// A number a reader would put under "key figures".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub text: Span,
    pub kind: FigureKind,
    /// Normalized value (scaled); for a range the lower bound; `None` for scores/lists.
    pub value: Option<f64>,
    /// Upper bound of a range.
    pub value_max: Option<f64>,
    /// ISO currency code, "%", or the counted thing / physical unit.
    pub unit: String,
    /// "over", "about", "nearly", "more than", "up to", … as written.
    pub qualifier: Option<String>,
    /// What the figure measures, in words from the sentence.
    pub about: String,
    pub sentence: usize,
    /// Higher is more "key"; used to rank and cut the key-figures list.
    pub score: f32,
    /// The rules that produced and typed this finding (`extract --explain`).
    #[serde(skip)]
    pub rules: RuleSet,
}

/// A named person with the role the article gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub role: String,
    pub mentions: Vec<Span>,
    /// The rules that produced and typed this finding (`extract --explain`).
    #[serde(skip)]
    pub rules: RuleSet,
}

/// A named organization or place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct NamedEntity {
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    /// The rules that produced and typed this finding (`extract --explain`).
    #[serde(skip)]
    pub rules: RuleSet,
}

/// A date or time expression, resolved where the text fixes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: Span,
    /// ISO form (YYYY, YYYY-MM, YYYY-MM-DD, START/END) or `None` when unresolved.
    pub value: Option<String>,
    pub sentence: usize,
    /// The rules that produced and typed this finding (`extract --explain`).
    #[serde(skip)]
    pub rules: RuleSet,
}

/// Everything the engine found in one document. Computed once at load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Analysis {
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
    pub people: Vec<Person>,
    pub organizations: Vec<NamedEntity>,
    pub places: Vec<NamedEntity>,
    pub dates: Vec<DateMention>,
    /// Sentence indices of the extractive summary, in article order.
    pub key_points: Vec<usize>,
    /// ISO 639-3 code when the language was detected reliably and is not English.
    pub foreign_language: Option<String>,
    /// Stemmed search terms per sentence, so questions and searches never re-read text.
    #[serde(default)]
    pub terms: TermIndex,
    /// The body's fingerprint (`analyze::fingerprint`), to spot the same story added twice.
    #[serde(default)]
    pub fingerprint: Vec<u32>,
}

/// Per-sentence search terms of one document (see `analyze::terms`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TermIndex {
    /// (term id, sentence index, occurrences in that sentence), sorted.
    pub postings: Vec<(u32, u32, u16)>,
    /// Number of terms in each sentence.
    pub lengths: Vec<u16>,
}

/// A stored article: its source, its cleaned document and its analysis.
#[derive(Debug, Clone)]
pub struct Article {
    /// Short id, unique within its guild (e.g. "a12").
    pub id: String,
    pub added_at: DateTime<Utc>,
    pub added_by: Option<String>,
    /// Where it came from: a file name, a URL, or "pasted text".
    pub origin: String,
    pub doc: Document,
    pub analysis: Analysis,
}

impl Article {
    pub fn title(&self) -> &str {
        if self.doc.title.is_empty() {
            "(untitled)"
        } else {
            &self.doc.title
        }
    }
}
