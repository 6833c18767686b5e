//! Proper-noun chunks: maximal runs of capitalized words inside one sentence
//! ("American Studies Center", "University of Chile Seismological Service"), the raw
//! material the place and organization rules classify (with the lists of
//! [`super::gazetteer`]).

use super::gazetteer::{
    Heads, ORG_HEADS, ORGS, PLACE_HEADS, PLACES, is_number_word, is_title, is_title_abbreviation,
};
use super::people::lexicon::{LEX, class, classes};
use super::people::tokens::TokenView;
use crate::model::{Document, Span};
use crate::text::case::with_lower;
use std::borrow::Cow;
use std::sync::LazyLock;

/// One capitalized name-like run of words.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// The whole run, without a leading "The" and without a possessive "'s".
    pub span: Span,
    /// The words, in order (connectors such as "of" included).
    pub words: Vec<Span>,
    pub sentence: usize,
    /// The run starts the sentence (its first word may be capitalized only for that).
    pub sentence_initial: bool,
    /// The run ended in a possessive ("China's", "USGS'").
    pub possessive: bool,
    /// Answers about the chunk that several rules ask, kept once given.
    pub(crate) memo: Memo,
}

/// Yes/no answers about one chunk, each computed on first use and kept: the place and
/// organization rules ask the same question of a chunk several times (over the rounds
/// of the place rules, and from both stages). Only pure questions, or those whose rule
/// firings are the same on every call, are kept here (firings are attached as a set).
#[derive(Debug, Clone, Default)]
pub(crate) struct Memo {
    /// Two bits per question: bit `2q` known, bit `2q + 1` the answer.
    bits: std::cell::Cell<u8>,
}

/// The questions [`Memo`] keeps.
#[derive(Clone, Copy)]
pub(crate) enum Asked {
    /// `organizations::org_by_form`.
    OrgByForm = 0,
    /// `places::is_plain_name`.
    PlainPlaceName = 1,
    /// `organizations::in_role_slot`.
    InRoleSlot = 2,
}

impl Memo {
    /// The answer to `q`, from `compute` the first time.
    pub(crate) fn get(&self, q: Asked, compute: impl FnOnce() -> bool) -> bool {
        let (known, yes) = (1u8 << (2 * q as u8), 2u8 << (2 * q as u8));
        let bits = self.bits.get();
        if bits & known != 0 {
            return bits & yes != 0;
        }
        let answer = compute();
        let bits = self.bits.get() | known | if answer { yes } else { 0 };
        self.bits.set(bits);
        answer
    }
}

impl Chunk {
    pub fn text<'a>(&self, doc: &'a Document) -> &'a str {
        doc.slice(self.span)
    }
    pub fn last_word<'a>(&self, doc: &'a Document) -> &'a str {
        self.words.last().map(|w| doc.slice(*w)).unwrap_or("")
    }
}

/// Lower-case words that may sit inside a name when a capitalized word follows.
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "&", "de", "del", "la", "le", "du", "da", "di", "von", "van", "der",
    "y",
];

/// Abbreviations whose final period belongs to the word, not the sentence.
const DOTTED_WORDS: &[&str] = &[
    "Inc.", "Corp.", "Co.", "Ltd.", "St.", "Jr.", "Sr.", "Mt.", "Ft.", "Bros.", "Dept.", "Univ.",
];

/// Capitalized words that start sentences without being names.
static SENTENCE_STARTERS: LazyLock<foldhash::HashSet<&'static str>> =
    LazyLock::new(|| crate::lexicon::STOPWORDS.words().collect());

pub fn is_stopword(lower: &str) -> bool {
    SENTENCE_STARTERS.contains(lower)
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether a word written with dots is an initialism ("U.S.", "D.C.").
fn is_dotted_initialism(w: &str) -> bool {
    w.len() >= 2
        && w.ends_with('.')
        && w.split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() == 1)
}

/// Word spans of a sentence, with sentence periods trimmed and possessives marked.
/// Returns (span, possessive).
/// The words are read off the document's tokens (`view`), as
/// `text::words::words(body, NAME_RULES)` would scan them.
fn words(doc: &Document, view: &TokenView, sentence: Span) -> Vec<(Span, bool)> {
    let body = doc.slice(sentence);
    let spans = view.name_words(&doc.text, sentence);
    let mut out = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        let (mut s, mut e) = (s - sentence.start, e - sentence.start);
        let w = &body[s..e];
        // "Mr.", "Gov.": a title abbreviation keeps its period and joins the name after it.
        if w.ends_with('.')
            && !is_dotted_initialism(w)
            && !DOTTED_WORDS.contains(&w)
            && !is_title_abbreviation(w)
        {
            e -= 1;
        }
        let _ = &mut s;
        let mut possessive = false;
        let w = &body[s..e];
        for suffix in ["'s", "’s"] {
            if w.len() > suffix.len() && w.ends_with(suffix) {
                e -= suffix.len();
                possessive = true;
                break;
            }
        }
        // "USGS' map": a trailing apostrophe right after an s.
        if !possessive {
            let rest = &body[e..];
            if (rest.starts_with('\'') || rest.starts_with('’')) && body[s..e].ends_with(['s', 'S'])
            {
                let after = rest.chars().nth(1);
                if after.is_none_or(|c| c.is_whitespace()) {
                    possessive = true;
                }
            }
        }
        if e > s {
            out.push((
                Span::new(sentence.start + s, sentence.start + e),
                possessive,
            ));
        }
    }
    out
}

/// All proper-noun chunks of the document, in text order.
pub fn chunks(doc: &Document) -> Vec<Chunk> {
    chunks_from(doc, &TokenView::new(&doc.text, &doc.paragraphs))
}

/// [`chunks`] on the document's tokens already made (`analyze` shares them).
pub fn chunks_from(doc: &Document, view: &TokenView) -> Vec<Chunk> {
    let mut out = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let ws = words(doc, view, sentence.span);
        let mut i = 0;
        while i < ws.len() {
            let (w0, _) = ws[i];
            if !is_capitalized(doc.slice(w0)) {
                i += 1;
                continue;
            }
            let start_index = i;
            // Room for a name of a few words without growing.
            let mut words_in = Vec::with_capacity(4);
            words_in.push(w0);
            let mut possessive = ws[i].1;
            let mut j = i + 1;
            while j < ws.len() {
                let prev_end = words_in.last().map(|w| w.end).unwrap_or(0);
                let (wj, pj) = ws[j];
                // "Producers' Association", "Workers' Party": a plural possessive inside
                // a name that an organization head ends.
                let plural_possessive_in_name = possessive
                    && ORG_HEADS.is_one_word_head(doc.slice(wj))
                    && matches!(&doc.text[prev_end..wj.start], "' " | "’ ");
                if possessive && !plural_possessive_in_name {
                    break;
                }
                if !plural_possessive_in_name
                    && !doc.text[prev_end..wj.start].chars().all(|c| c == ' ')
                {
                    break;
                }
                let t = doc.slice(wj);
                if is_lone_letter(t)
                    || words_in
                        .last()
                        .is_some_and(|w| is_lone_letter(doc.slice(*w)))
                {
                    break;
                }
                if is_capitalized(t)
                    || (t.chars().next().is_some_and(|c| c.is_ascii_digit())
                        && t.chars().any(|c| c.is_alphabetic()))
                {
                    words_in.push(wj);
                    possessive = pj;
                    j += 1;
                    continue;
                }
                // Connectors ("of", "of the", "&") only when a capitalized word follows.
                let mut k = j;
                while k < ws.len() && k < j + 2 && CONNECTORS.contains(&doc.slice(ws[k].0)) {
                    k += 1;
                }
                // "the" joins only after another connector ("of the", "for the").
                if k == j + 1 && doc.slice(ws[j].0) == "the" {
                    break;
                }
                if k > j && k < ws.len() && is_capitalized(doc.slice(ws[k].0)) {
                    let spaced = (j..=k).all(|x| {
                        let prev = if x == j { prev_end } else { ws[x - 1].0.end };
                        doc.text[prev..ws[x].0.start].chars().all(|c| c == ' ')
                    });
                    if spaced {
                        for x in j..k {
                            words_in.push(ws[x].0);
                        }
                        j = k;
                        continue;
                    }
                }
                break;
            }
            i = j.max(i + 1);
            // A sentence's first word is dropped when it is a function word ("The", "In").
            let sentence_initial = start_index == 0;
            while let Some(first) = words_in.first() {
                if with_lower(doc.slice(*first), |lower| {
                    is_stopword(lower) || lower == "the"
                }) {
                    words_in.remove(0);
                    while words_in
                        .first()
                        .is_some_and(|w| !is_capitalized(doc.slice(*w)))
                    {
                        words_in.remove(0);
                    }
                } else {
                    break;
                }
            }
            let (Some(first), Some(last)) = (words_in.first().copied(), words_in.last().copied())
            else {
                continue;
            };
            let raw = Chunk {
                span: Span::new(first.start, last.end),
                words: words_in,
                sentence: si,
                sentence_initial: sentence_initial && first == w0,
                possessive,
                memo: Memo::default(),
            };
            refine(doc, raw, &mut out);
        }
    }
    out
}

/// A single capital letter without a period ("R" in "(R Minnesota)").
fn is_lone_letter(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|x| x.is_uppercase()) && c.next().is_none() && w != "I"
}

/// A sub-chunk of `c` over words `from..to`.
fn sub(c: &Chunk, from: usize, to: usize, possessive: bool) -> Option<Chunk> {
    let words: Vec<Span> = c.words.get(from..to)?.to_vec();
    let (first, last) = (*words.first()?, *words.last()?);
    Some(Chunk {
        span: Span::new(first.start, last.end),
        words,
        sentence: c.sentence,
        sentence_initial: c.sentence_initial && from == 0,
        possessive,
        memo: Memo::default(),
    })
}

/// Whether words form a complete name on their own: a known organization or place, or
/// a name ending in an organization or place head.
fn complete_name(doc: &Document, c: &Chunk) -> bool {
    let text = c.text(doc);
    ORGS.lookup(text).is_some()
        || PLACES.lookup(text).is_some()
        || ends_with_head(doc, c, &ORG_HEADS)
        || ends_with_head(doc, c, &PLACE_HEADS)
}

/// "XYZ" in "told XYZ Monday": a word of two to six capitals (digits and "&" allowed).
fn is_all_caps_word(w: &str) -> bool {
    (2..=6).contains(&w.len())
        && w.chars().any(|c| c.is_ascii_uppercase())
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
}

/// "One State Department lawyer", "Former CIA director": a sentence-opening ordinary word
/// or number before a known organization is no part of it; the organization without it.
/// A place or nationality word belongs to the name ("Ohio Democratic Party").
fn after_opening_word(doc: &Document, c: &Chunk) -> Option<Chunk> {
    // Most chunks do not open their sentence: ask that before building the rest.
    if !c.sentence_initial {
        return None;
    }
    let first = doc.slice(*c.words.first()?);
    let rest = sub(c, 1, c.words.len(), c.possessive)?;
    let cut = ORGS.lookup(rest.text(doc)).is_some()
        && ORGS.lookup(c.text(doc)).is_none()
        && with_lower(first, |w| LEX.is_common_word(w) || is_number_word(w))
        && classes(first) & class::PLACE == 0;
    cut.then_some(rest)
}

/// Splits a raw run into the names it holds: strips leading titles before "of"
/// ("Vice President of Taxpayers for Common Sense") and trailing role words ("Museum of
/// Flight CEO"); splits coordinated names ("Belgium and Finland", "Goalscorers for
/// Chelsea FC") unless the whole is one name ("Securities and Exchange Commission"); and
/// splits a name that runs on after its organization head ("Royal Air Force Sea King").
fn refine(doc: &Document, c: Chunk, out: &mut Vec<Chunk>) {
    let word = |i: usize| doc.slice(c.words[i]);
    let n = c.words.len();
    if n > 1
        && !is_capitalized(word(0))
        && let Some(rest) = sub(&c, 1, n, c.possessive)
    {
        return refine(doc, rest, out);
    }
    if let Some(rest) = after_opening_word(doc, &c) {
        return refine(doc, rest, out);
    }
    // "West Palm Beach Tuesday": a weekday after a name dates the sentence.
    if n > 1
        && crate::lexicon::WEEKDAYS.contains(&word(n - 1))
        && (n > 2 || PLACES.lookup(word(0)).is_some() || is_all_caps_word(word(0)))
        && let Some(head) = sub(&c, 0, n - 1, false)
    {
        return refine(doc, head, out);
    }
    // Leading titles followed by "of".
    let mut t = 0;
    while t < n && is_title(word(t)) {
        t += 1;
    }
    // "Fellow of the Royal Society", "Professor of Linguistics": a role noun before "of".
    if t == 0 && n > 2 && word(1) == "of" && LEX.is_role_noun(word(0)) {
        t = 1;
    }
    if t > 0
        && t + 1 < n
        && word(t) == "of"
        && let Some(rest) = sub(&c, t + 1, n, c.possessive)
    {
        return refine(doc, rest, out);
    }
    if let Some(r) = org_after_of(doc, &c) {
        return refine(doc, r, out);
    }
    // A name running on after its organization head, before a trailing title is cut
    // ("Royal Air Force Sea King" is the air force, not a sea).
    if n > 1
        && is_title(word(n - 1))
        && !complete_name(doc, &c)
        && let Some((l, r)) = split_run_on(doc, &c)
    {
        out.push(l);
        return refine(doc, r, out);
    }
    // Trailing role words, but not the object of "of" or "for" ("Department of Justice",
    // "Center for Justice"): a name never ends in its preposition.
    if n > 1
        && (n < 3 || !matches!(word(n - 2), "of" | "for"))
        && (is_title(word(n - 1)) || ["CEO", "CFO", "COO", "CTO"].contains(&word(n - 1)))
        && !complete_name(doc, &c)
        && let Some(head) = sub(&c, 0, n - 1, false)
    {
        return refine(doc, head, out);
    }
    if complete_name(doc, &c) {
        // Two complete names coordinated: "the Nuclear Suppliers Group and the Missile …".
        for i in 1..n.saturating_sub(1) {
            if matches!(word(i), "and" | "for") {
                let (Some(l), Some(r)) = (sub(&c, 0, i, false), sub(&c, i + 1, n, c.possessive))
                else {
                    continue;
                };
                let r = strip_leading_the(doc, r);
                // "Goalscorers for Chelsea FC": a description for a complete name;
                // "University of X and Y University": two names.
                let l_named = complete_name(doc, &l) || head_before_of(doc, &l, &ORG_HEADS);
                if (l_named || word(i) == "for") && complete_name(doc, &r) {
                    out.push(l);
                    return refine(doc, r, out);
                }
            }
        }
        out.push(c);
        return;
    }
    for i in 1..n.saturating_sub(1) {
        if matches!(word(i), "and" | "for")
            && let (Some(l), Some(r)) = (sub(&c, 0, i, false), sub(&c, i + 1, n, c.possessive))
        {
            let r = strip_leading_the(doc, r);
            // "Taxpayers for Common Sense" stays whole: its right side is not a name by form.
            if word(i) == "for" && !complete_name(doc, &r) && !head_before_of(doc, &r, &ORG_HEADS) {
                continue;
            }
            // "Congress of Arts and Sciences": one word after "and" completes the "of" phrase.
            // Not when the right side is a name of its own: "… of Ohio and Demos",
            // "… of Teachers and the AFL-CIO".
            let r_word = word(n - 1);
            if word(i) == "and"
                && i + 2 == n
                && !complete_name(doc, &r)
                && !r_word
                    .chars()
                    .all(|ch| ch.is_uppercase() || !ch.is_alphabetic())
                && PLACES.lookup(word(i - 1)).is_none()
                && head_before_of(doc, &l, &ORG_HEADS)
            {
                continue;
            }
            if word(i) == "and" && second_field(doc, &l, &r) {
                continue;
            }
            refine(doc, l, out);
            return refine(doc, r, out);
        }
    }
    // A name running on after its organization head.
    if let Some((l, r)) = split_run_on(doc, &c) {
        out.push(l);
        return refine(doc, r, out);
    }
    out.push(c);
}

/// "Lifetime Achievement Award of the Society for X", "Conservation of Energy": no
/// organization head before "of" and an organization's name after it — the
/// organization is the name after "of"; what comes before names a thing of it.
fn org_after_of(doc: &Document, c: &Chunk) -> Option<Chunk> {
    let word = |i: usize| doc.slice(c.words[i]);
    let n = c.words.len();
    let of = (1..n.saturating_sub(1)).find(|&i| word(i) == "of")?;
    let skip = (0..of).any(|k| ORG_HEADS.is_one_word_head(word(k)))
        // "House of Representatives" is a head of its own.
        || ORG_HEADS
            .ending_in(word(of + 1))
            .any(|h| h.len() == 3 && h[0] == word(of - 1) && h[1] == "of")
        || (of + 1..n).any(|k| word(k) == "and")
        || ORGS.lookup(c.text(doc)).is_some()
        || PLACES.lookup(c.text(doc)).is_some();
    if skip {
        return None;
    }
    let r = strip_leading_the(doc, sub(c, of + 1, n, c.possessive)?);
    // A bare head ("State of the Union", "Conservation of Energy") is returned too: the
    // organization stage drops it, and the thing named after it is no organization.
    (ORGS.lookup(r.text(doc)).is_some()
        || (r.words.len() == 1 && ORG_HEADS.is_one_word_head(r.text(doc)))
        || ends_with_head(doc, &r, &ORG_HEADS)
        || head_before_of(doc, &r, &ORG_HEADS))
    .then_some(r)
}

/// "Institute of History and Philology of Academia Sinica": after "and", a second field
/// with its own "of" and no head of its own completes a name with a head before "of".
fn second_field(doc: &Document, l: &Chunk, r: &Chunk) -> bool {
    head_before_of(doc, l, &ORG_HEADS)
        && !complete_name(doc, r)
        && r.words.len() > 1
        && !r
            .words
            .iter()
            .any(|w| ORG_HEADS.is_one_word_head(doc.slice(*w)))
        && PLACES.lookup(doc.slice(r.words[0])).is_none()
        && ORGS.lookup(doc.slice(r.words[0])).is_none()
}

/// "Royal Air Force Sea King": a complete name ending in an organization head, then
/// more capitalized words, which name something else.
fn split_run_on(doc: &Document, c: &Chunk) -> Option<(Chunk, Chunk)> {
    let word = |i: usize| doc.slice(c.words[i]);
    let n = c.words.len();
    for i in (1..n.saturating_sub(1)).rev() {
        let head_ends_here = ORG_HEADS
            .ending_in(word(i))
            .any(|h| h.len() <= i + 1 && (0..h.len()).all(|k| word(i + 1 - h.len() + k) == h[k]));
        // "Society for General Systems Research": a head inside the "for"/"of" phrase of
        // a longer name does not end it.
        let in_phrase = (1..i).any(|k| matches!(word(k), "of" | "for"));
        // "State College Spikes": one plural word after the head is a team's nickname.
        let nickname = i + 2 == n
            && word(n - 1).ends_with('s')
            && !word(n - 1).ends_with("ss")
            && word_before(doc, c.span.start).as_deref() == Some("the")
            && in_sports_sentence(doc, c.sentence);
        if head_ends_here && !in_phrase && !nickname && is_capitalized(word(i + 1)) {
            let (Some(l), Some(r)) = (sub(c, 0, i + 1, false), sub(c, i + 1, n, c.possessive))
            else {
                continue;
            };
            if complete_name(doc, &l) {
                return Some((l, r));
            }
        }
    }
    None
}

fn strip_leading_the(doc: &Document, c: Chunk) -> Chunk {
    if c.words.len() > 1 && doc.slice(c.words[0]) == "the" {
        sub(&c, 1, c.words.len(), c.possessive).unwrap_or(c)
    } else {
        c
    }
}

/// Words of a sentence about sport, where "the <Name>s" is a team.
const SPORTS_WORDS: &[&str] = &[
    "team",
    "teams",
    "season",
    "seasons",
    "game",
    "games",
    "league",
    "leagues",
    "affiliate",
    "coach",
    "coached",
    "played",
    "plays",
    "playing",
    "player",
    "players",
    "baseball",
    "football",
    "basketball",
    "hockey",
    "soccer",
    "rugby",
    "cricket",
    "drafted",
    "traded",
    "roster",
    "pitcher",
    "quarterback",
    "striker",
    "goalkeeper",
    "inning",
    "innings",
    "playoffs",
    "playoff",
    "championship",
    "stadium",
    "fans",
    "club",
    "clubs",
    "signed",
    "debut",
];

/// Whether the chunk's sentence holds a word of sport.
pub fn in_sports_sentence(doc: &Document, sentence: usize) -> bool {
    doc.sentence_text(sentence)
        .split(|c: char| !c.is_alphabetic())
        .any(|w| with_lower(w, |w| SPORTS_WORDS.contains(&w)))
}
/// The letters `s` opens with, up to its first character that is no letter (as
/// `s.chars().take_while(char::is_alphabetic)` would collect them, without a copy).
pub fn letters_opening(s: &str) -> &str {
    s.find(|c: char| !c.is_alphabetic())
        .map_or(s, |end| &s[..end])
}

/// The chunk containing `span`, if any (chunks are in text order).
pub fn chunk_containing(chunks: &[Chunk], span: Span) -> Option<usize> {
    let i = chunks.partition_point(|c| c.span.end < span.end);
    (i < chunks.len() && chunks[i].span.contains(span)).then_some(i)
}

/// Whether the chunk's last words are one of `heads` (and the chunk is longer than it).
pub fn ends_with_head(doc: &Document, chunk: &Chunk, heads: &Heads) -> bool {
    let n = chunk.words.len();
    let Some(last) = chunk.words.last() else {
        return false;
    };
    heads.ending_in(doc.slice(*last)).any(|h| {
        h.len() < n
            && chunk.words[n - h.len()..]
                .iter()
                .zip(h)
                .all(|(w, hw)| doc.slice(*w) == hw)
    })
}

/// Whether any of the chunk's words (before its last) is one of `heads`, followed by "of":
/// "University of Chile", "Bank of America".
pub fn head_before_of(doc: &Document, chunk: &Chunk, heads: &Heads) -> bool {
    chunk.words.windows(2).any(|pair| {
        matches!(doc.slice(pair[1]), "of" | "for") && heads.is_one_word_head(doc.slice(pair[0]))
    })
}

/// The lower-cased word just before `at` in the text (skipping spaces), if any:
/// borrowed from the text when it has no capital (most words), so no copy is made.
pub fn word_before(doc: &Document, at: usize) -> Option<Cow<'_, str>> {
    let before = doc.text[..at].trim_end_matches(' ');
    if before.len() == at && at > 0 {
        // Something other than a space sits right before.
        return None;
    }
    let w = &before[word_start(before)..];
    if w.is_empty() {
        None
    } else if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            Some(Cow::Owned(w.to_ascii_lowercase()))
        } else {
            Some(Cow::Borrowed(w))
        }
    } else {
        Some(Cow::Owned(w.to_lowercase()))
    }
}

/// Where the word ending `before` starts: after the last character that is neither
/// alphanumeric nor a hyphen. ASCII bytes are read as they are; the first other byte met
/// sends the search to the characters.
fn word_start(before: &str) -> usize {
    let bytes = before.as_bytes();
    let mut start = bytes.len();
    while let Some(&b) = start.checked_sub(1).and_then(|i| bytes.get(i)) {
        if !b.is_ascii() {
            return before
                .rfind(|c: char| !c.is_alphanumeric() && c != '-')
                .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
                .unwrap_or(0);
        }
        if !b.is_ascii_alphanumeric() && b != b'-' {
            break;
        }
        start -= 1;
    }
    start
}

/// The most words [`words_before`] reads.
const MOST_WORDS_BEFORE: usize = 6;

/// The lower-cased words before a position, nearest first ([`words_before`]): a slice
/// of at most [`MOST_WORDS_BEFORE`], kept in place (the rules ask it of most chunks).
pub struct WordsBefore<'a> {
    words: [Cow<'a, str>; MOST_WORDS_BEFORE],
    len: usize,
}

impl<'a> std::ops::Deref for WordsBefore<'a> {
    type Target = [Cow<'a, str>];
    fn deref(&self) -> &[Cow<'a, str>] {
        &self.words[..self.len]
    }
}

/// The `n` (at most [`MOST_WORDS_BEFORE`]) lower-cased words before `at`, nearest first
/// ("according to", "cities such as" → "as", "such").
pub fn words_before(doc: &Document, at: usize, n: usize) -> WordsBefore<'_> {
    let mut out = WordsBefore {
        words: std::array::from_fn(|_| Cow::Borrowed("")),
        len: 0,
    };
    let mut pos = at;
    for _ in 0..n.min(MOST_WORDS_BEFORE) {
        match word_before(doc, pos) {
            Some(w) => {
                let trimmed = doc.text[..pos].trim_end_matches(' ');
                pos = trimmed.len() - w.len();
                out.words[out.len] = w;
                out.len += 1;
            }
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sentence;

    fn doc(text: &str) -> Document {
        Document {
            text: text.to_string(),
            sentences: vec![Sentence {
                span: Span::new(0, text.len()),
                paragraph: 0,
            }],
            paragraphs: vec![Span::new(0, text.len())],
            ..Default::default()
        }
    }

    #[test]
    fn chunks_keep_connectors_and_drop_possessives() {
        let d = doc(
            "The director of the American Studies Center at Fudan University said China's rules of the University of Chile Seismological Service.",
        );
        let got: Vec<&str> = chunks(&d).iter().map(|c| c.text(&d)).collect();
        assert_eq!(
            got,
            [
                "American Studies Center",
                "Fudan University",
                "China",
                "University of Chile Seismological Service"
            ]
        );
    }

    #[test]
    fn dotted_initialisms_keep_their_dots() {
        let d = doc("Then U.S. trade barriers hit Acme Inc. and the U.S.");
        let got: Vec<&str> = chunks(&d).iter().map(|c| c.text(&d)).collect();
        assert_eq!(got, ["U.S.", "Acme Inc.", "U.S."]);
    }

    #[test]
    fn word_start_is_the_one_found_by_characters() {
        let by_chars = |before: &str| {
            before
                .rfind(|c: char| !c.is_alphanumeric() && c != '-')
                .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
                .unwrap_or(0)
        };
        for before in [
            "",
            "word",
            "two words",
            "a well-known",
            "said, according",
            "in Zürich",
            "café owner",
            "the “quoted",
            "the 2024",
            "ends with-",
            "naïve-ish",
        ] {
            assert_eq!(word_start(before), by_chars(before), "{before:?}");
        }
    }
}
