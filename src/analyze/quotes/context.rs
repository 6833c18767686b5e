//! The token-level view the attribution rules work on: tokens with their paragraph
//! and sentence, which quoted segment (if any) each token lies in, and which person
//! each token names (noun-phrase walks over it are in `phrases`). Sentences are
//! recomputed here from tokens, outside quotation marks, so the rules do not depend on
//! the document's sentence splitter being perfect.

use super::marks::{Segment, is_mark_char, mark_len};
use crate::analyze::people::lexicon::{Gender, LEX, contains};
use crate::analyze::people::tokens::{Tok, TokKind, TokenView, is_capitalized};
use crate::model::{Document, Person, Span};

/// Conjunctions opening a sentence before its subject ("But Roe, …").
pub(super) const LEADS: &[&str] = &["but", "and", "so", "yet", "still"];

const AUX_ADVERBS: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "will",
    "would",
    "could",
    "may",
    "might",
    "later",
    "then",
    "previously",
    "reportedly",
    "again",
    "further",
    "repeatedly",
    "recently",
    "once",
    "earlier",
    "today",
    "yesterday",
    "had",
    "did",
    "does",
    "do",
    "has",
    "already",
    "publicly",
    "privately",
    "separately",
    "subsequently",
    "often",
    "frequently",
    "initially",
    "originally",
    "first",
    "last",
    "finally",
    "however",
    "meanwhile",
    "too",
    "though",
    "instead",
    "nonetheless",
    "nevertheless",
    "moreover",
    "still",
];
const NEGATIONS: &[&str] = &[
    "not", "never", "n't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "wouldn't",
    "won't",
];
/// Longer "sentences" are not prose (lists, tables, runaway input); rules that scan a
/// whole sentence skip them, which keeps the engine linear on hostile input.
pub(crate) const MAX_SENTENCE_TOKENS: usize = 150;
pub(crate) const PP_IN_NP: &[&str] = &["of", "for", "at", "from"];
pub(crate) const DETS: &[&str] = &["the", "a", "an"];

pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    view: &'a TokenView,
    pub toks: &'a [Tok],
    pub para: &'a [usize],
    pub sent: Vec<usize>,
    /// Token range [start, end] of each recomputed sentence.
    pub sents: Vec<(usize, usize)>,
    pub segs: Vec<Segment>,
    /// Segment index for tokens inside a quote (marks included).
    pub in_quote: Vec<Option<usize>>,
    /// Person index for tokens that name a person.
    pub mention: Vec<Option<usize>>,
    pub people: Vec<Person>,
    pub gender: Vec<Gender>,
    /// Acronyms the article defines in brackets ("the World Health Organisation (WHO)"),
    /// so "WHO say …" names a speaker even though "who" is a function word.
    defined_acronyms: foldhash::HashSet<&'a str>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        doc: &'a Document,
        view: &'a TokenView,
        people: &[Person],
        segs: Vec<Segment>,
    ) -> Ctx<'a> {
        let text = doc.text.as_str();
        let toks = view.toks.as_slice();
        let mut in_quote = vec![None; toks.len()];
        for (si, s) in segs.iter().enumerate() {
            let end = s
                .close
                .map(|c| c + mark_len(text, c))
                .unwrap_or(s.inner.end);
            let a = toks.partition_point(|t| t.start < s.open);
            let b = toks.partition_point(|t| t.start < end);
            for slot in in_quote.iter_mut().take(b).skip(a) {
                *slot = Some(si);
            }
        }
        let defined_acronyms = toks
            .windows(3)
            .filter(|w| {
                // One-byte punctuation tokens, compared as bytes.
                let is = |t: &Tok, b: u8| t.end == t.start + 1 && text.as_bytes()[t.start] == b;
                is(&w[0], b'(') && is(&w[2], b')') && w[1].kind == TokKind::Word
            })
            .map(|w| &text[w[1].start..w[1].end])
            .filter(|a| a.chars().count() >= 2 && a.chars().all(|c| c.is_uppercase()))
            .collect();
        let mut ctx = Ctx {
            text,
            view,
            toks,
            para: &view.para,
            sent: Vec::new(),
            sents: Vec::new(),
            segs,
            in_quote,
            mention: Vec::new(),
            people: people.to_vec(),
            gender: Vec::new(),
            defined_acronyms,
        };
        ctx.split_sentences();
        ctx.index_mentions();
        ctx
    }

    /// "a Harbor Times/KTVX News poll": a slash written between two capitalised words,
    /// with no space on either side, joins two names into one source.
    pub(super) fn slash_joins_names(&self, j: usize) -> bool {
        j > 0
            && j + 1 < self.toks.len()
            && self.w(j) == "/"
            && self.toks[j - 1].end == self.toks[j].start
            && self.toks[j].end == self.toks[j + 1].start
            && is_capitalized(self.w(j - 1))
            && is_capitalized(self.w(j + 1))
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_SLASH_JOINED_NAMES,
                self.span_of(j - 1, j + 1),
            )
    }

    /// "a longtime adviser to Roe", "the chief aide to the governor": a lower-case role
    /// noun at `j` whose "to" phrase names whom the role serves, part of the noun phrase.
    pub(super) fn role_takes_to(&self, j: usize) -> bool {
        self.is_word(j)
            && !is_capitalized(self.w(j))
            && LEX.is_role_noun(self.w(j))
            && self.lw(j + 1) == "to"
            && self.is_word(j + 2)
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_ROLE_TO_PHRASE,
                self.span_of(j, j + 2),
            )
    }

    /// The text span from the start of token `s` to the end of token `e`.
    pub(super) fn span_of(&self, s: usize, e: usize) -> Span {
        Span::new(self.toks[s].start, self.toks[e].end)
    }

    pub fn w(&self, k: usize) -> &'a str {
        self.toks
            .get(k)
            .map(|t| &self.text[t.start..t.end])
            .unwrap_or("")
    }
    /// The lowercased token, computed once per token.
    pub fn lw(&self, k: usize) -> &str {
        self.view.lower(k)
    }
    pub fn is_word(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == TokKind::Word)
    }
    /// The start of the sentence of `v` and its first word before `limit`, past a
    /// conjunction opening it ("But Roe, …"); `limit` when no word comes first.
    pub fn sentence_opening(&self, v: usize, limit: usize) -> Option<(usize, usize)> {
        let (ss, _) = *self.sents.get(*self.sent.get(v)?)?;
        let mut a = ss;
        while a < limit && !self.is_word(a) {
            a += 1;
        }
        if a < limit && LEADS.contains(&self.lw(a)) {
            a += 1;
        }
        Some((ss, a))
    }
    pub fn is_mark(&self, k: usize) -> bool {
        let mut chars = self.w(k).chars();
        self.toks.get(k).is_some_and(|t| t.kind != TokKind::Word)
            && chars.next().is_some_and(is_mark_char)
            && chars.next().is_none()
    }
    pub fn is_terminator(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == TokKind::Punct)
            && matches!(self.w(k), "." | "?" | "!")
    }

    /// A line break between token `k` and the next: in texts whose paragraphs are single
    /// lines, a quote closed by its own full stop at the end of a line ends its sentence
    /// even when the next line opens with "Roe replied: …" (rule
    /// `quotes.line_end_closes_quote`).
    pub fn line_break_after(&self, k: usize) -> bool {
        let (Some(a), Some(b)) = (self.toks.get(k), self.toks.get(k + 1)) else {
            return false;
        };
        self.text[a.end..b.start].contains('\n')
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_LINE_END_CLOSES_QUOTE,
                crate::model::Span::new(a.start, b.end),
            )
    }

    fn split_sentences(&mut self) {
        let n = self.toks.len();
        let mut sent = Vec::with_capacity(n);
        let mut sents = Vec::new();
        let mut start = 0;
        let mut dateline_dash = None;
        for k in 0..n {
            sent.push(sents.len());
            if k == start && (k == 0 || self.para[k - 1] != self.para[k]) {
                dateline_dash = self.dateline_dash(k);
            }
            let last = k + 1 == n;
            // A word is no terminator, bracket nor mark: only the first tests can end a
            // sentence at it.
            let word = self.toks[k].kind == TokKind::Word;
            let boundary = last
                // "ROTTERDAM, May 14 — Makers say …": the dateline is not the subject.
                || dateline_dash == Some(k)
                || self.para[k + 1] != self.para[k]
                || (!word && self.ends_sentence_at(k));
            if boundary {
                sents.push((start, k));
                start = k + 1;
            }
        }
        self.sent = sent;
        self.sents = sents;
    }

    /// Whether the sentence ends at token `k`, not a word, by its punctuation: a
    /// terminator, a bracket closing a bracketed sentence, or a quote mark closing a
    /// quote's own sentence.
    fn ends_sentence_at(&self, k: usize) -> bool {
        (self.is_terminator(k) && self.in_quote[k].is_none() && self.starts_sentence(k + 1))
                // "… abandoned.) Other reports …": a bracketed sentence ends at its bracket.
                || (self.w(k) == ")" && k > 0 && self.is_terminator(k - 1) && self.in_quote[k].is_none() && self.starts_sentence(k + 1))
                || (self.in_quote[k].is_some()
                    && self.is_mark(k)
                    && k > 0
                    && self.ends_in_terminator(k)
                    && self.in_quote.get(k + 1).is_some_and(|q| q.is_none() || q != &self.in_quote[k])
                    && self.starts_sentence(k + 1)
                    && (!self.is_attribution_start(k + 1) || self.line_break_after(k)))
    }

    /// The dash closing a dateline that opens the paragraph at `k` ("ROTTERDAM, May 14
    /// —", "LIMA (Reuters) -"): a place in capitals, then at most ten tokens with no
    /// sentence end before the dash.
    fn dateline_dash(&self, k: usize) -> Option<usize> {
        let first = self.w(k);
        let caps = first.chars().count() >= 2
            && first
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '-');
        if !(self.is_word(k) && caps) {
            return None;
        }
        (k + 1..(k + 12).min(self.toks.len()))
            .take_while(|&j| self.para[j] == self.para[k] && !self.is_terminator(j))
            .find(|&j| matches!(self.w(j), "—" | "–" | "--" | "-") && !self.is_word(j))
            .filter(|&j| j + 1 < self.toks.len() && self.para[j + 1] == self.para[k])
    }

    /// The closing mark at `k` follows a sentence terminator, perhaps across the other
    /// half of a two-token mark (`.''`) or a nested closing mark (`.’”`).
    fn ends_in_terminator(&self, k: usize) -> bool {
        let mut j = k - 1;
        if self.is_mark(j) && self.in_quote[j].is_some() && j > 0 {
            j -= 1;
        }
        self.is_terminator(j)
    }

    fn starts_sentence(&self, k: usize) -> bool {
        let w = self.w(k);
        (self.is_word(k)
            && (is_capitalized(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit())))
            || (self.is_mark(k) && self.in_quote[k].is_some())
            || (w == "(" && self.is_word(k + 1) && is_capitalized(self.w(k + 1)))
    }

    /// `Name said` / `he said` right after a closing mark belongs to the quote's sentence.
    fn is_attribution_start(&self, k: usize) -> bool {
        let verb = (k..k + 5).find(|&j| {
            self.is_word(j)
                && LEX.speech_verb(self.w(j)).is_some_and(|v| !v.gerund)
                && (k..j).all(|i| self.is_word(i))
        });
        verb.is_some_and(|v| !self.starts_new_statement(v))
            && !(k..k + 5).any(|j| self.is_terminator(j) && j < k + 2)
    }

    /// After a quote closed by its own full stop, the verb at `v` attributes that quote
    /// only when nothing but a short adjunct follows it to the end of its sentence ("Roe
    /// said on Tuesday."): a verb with its own object, clause or quote ("The star then
    /// recalled an incident that …", "Mills writes back, “…”") starts a new sentence.
    fn starts_new_statement(&self, v: usize) -> bool {
        let mut j = v + 1;
        while j < self.toks.len() && self.para[j] == self.para[v] && !self.is_terminator(j) {
            if self.in_quote[j].is_some()
                || self.is_word(j) && matches!(self.lw(j), "that" | "if")
                || j > v + 9
            {
                return crate::analyze::rules::fire(
                    crate::analyze::rules::QUOTES_CLOSED_QUOTE_NEW_VERB,
                    self.span_of(v, j),
                );
            }
            j += 1;
        }
        false
    }

    fn index_mentions(&mut self) {
        let mut mention = vec![None; self.toks.len()];
        let mut gender = Vec::with_capacity(self.people.len());
        for (pi, p) in self.people.iter().enumerate() {
            for m in &p.mentions {
                let a = self.toks.partition_point(|t| t.start < m.start);
                let b = self.toks.partition_point(|t| t.start < m.end);
                for slot in mention.iter_mut().take(b).skip(a) {
                    if self.toks.get(a).is_some() {
                        *slot = Some(pi);
                    }
                }
            }
            let mut g = p
                .name
                .split_whitespace()
                .next()
                .and_then(|f| LEX.first_name_gender(f))
                .unwrap_or(Gender::Unknown);
            if LEX.is_east_asian_family(p.name.split_whitespace().next().unwrap_or(""))
                && p.name.split_whitespace().count() >= 2
            {
                g = Gender::Unknown;
            }
            for a in &p.aliases {
                if let Some(h) = a.split_whitespace().next().and_then(|h| LEX.honorific(h))
                    && h != Gender::Unknown
                {
                    g = h;
                }
            }
            // An honorific written right before any mention.
            for m in &p.mentions {
                let a = self.toks.partition_point(|t| t.start < m.start);
                if a > 0
                    && let Some(h) = LEX.honorific(self.w(a - 1))
                    && h != Gender::Unknown
                {
                    g = h;
                }
            }
            gender.push(g);
        }
        self.mention = mention;
        self.gender = gender;
    }

    /// Adds a person named by tokens `s..=e` (a speaker the people stage missed).
    pub fn add_person(&mut self, s: usize, e: usize) -> usize {
        let name = self.text[self.toks[s].start..self.toks[e].end].to_string();
        if let Some(i) = self.people.iter().position(|p| p.name == name) {
            return i;
        }
        let mention = self.span_of(s, e);
        let words: Vec<&str> = name.split_whitespace().collect();
        let aliases = if words.len() >= 2 {
            vec![words[words.len() - 1].to_string()]
        } else {
            Vec::new()
        };
        self.people.push(Person {
            name: name.clone(),
            aliases,
            role: String::new(),
            mentions: vec![mention],
            rules: Default::default(),
        });
        let g = words
            .first()
            .and_then(|f| LEX.first_name_gender(f))
            .unwrap_or(Gender::Unknown);
        self.gender.push(g);
        let pi = self.people.len() - 1;
        for k in s..=e {
            self.mention[k] = Some(pi);
        }
        pi
    }

    pub fn same_sent(&self, a: usize, b: usize) -> bool {
        self.sent.get(a).is_some() && self.sent.get(a) == self.sent.get(b)
    }

    pub fn is_aux_or_adverb(&self, k: usize) -> bool {
        if !self.is_word(k) {
            return false;
        }
        let lw = self.lw(k);
        contains(AUX_ADVERBS, lw)
            || (lw.ends_with("ly")
                && !is_capitalized(self.w(k))
                && lw.len() > 4
                && !LEX.is_group_head(lw))
    }

    /// Whether the verb at `v` is negated ("did not say").
    pub fn negated(&self, v: usize) -> bool {
        let mut k = v;
        let mut n = 0;
        while k > 0 && n < 3 {
            k -= 1;
            n += 1;
            let lw = self.lw(k);
            if contains(NEGATIONS, lw) || lw.ends_with("n't") {
                return true;
            }
            if !self.is_aux_or_adverb(k) {
                break;
            }
        }
        false
    }

    /// First token of the mention of person `p` that ends at token `j`.
    pub fn mention_start(&self, j: usize, p: usize) -> usize {
        let mut s = j;
        while s > 0 && self.mention[s - 1] == Some(p) {
            s -= 1;
        }
        s
    }

    /// "a Chinese promise": a bare verb form after "a"/"an" is a noun, not a verb.
    pub fn verb_agrees(&self, v: usize, s: usize) -> bool {
        let bare = self.bare_speech_form(v);
        // "the German state next to …": after "the", a capitalised singular word before
        // the bare form ("German", not "Germans" or "FBI") makes it a noun.
        let singular_name_before = v > s + 1 && self.lw(s) == "the" && {
            let w = self.w(v - 1);
            is_capitalized(w) && !w.ends_with('s') && w.chars().any(char::is_lowercase)
        };
        !(bare && (matches!(self.lw(s), "a" | "an" | "he" | "she" | "it") || singular_name_before))
    }

    /// Whether the word at `v` is a speech verb in its bare form ("state", "say"), which
    /// is also how the nouns "state" and "post" are written.
    pub fn bare_speech_form(&self, v: usize) -> bool {
        let form = self.lw(v);
        LEX.speech_verb(form)
            .is_some_and(|sv| LEX.lemma(sv) == form)
    }

    /// "the United States", "the Gulf States", "the Washington Post": a capitalised word
    /// after a capitalised word that is not a person's name is part of a name, not a
    /// verb (a title-case headline, "Jane Roe Says …", keeps its verb).
    pub fn in_name(&self, k: usize) -> bool {
        k > 0
            && self.same_sent(k - 1, k)
            && is_capitalized(self.w(k))
            && is_capitalized(self.w(k - 1))
            && self.mention[k - 1].is_none()
    }

    /// Whether the word at `k` is a speech-verb form that is not a word of a name ("says",
    /// but not the "States" of "the United States"; see [`Ctx::in_name`]).
    pub fn speech_verb_word(&self, k: usize) -> bool {
        LEX.speech_verb(self.w(k)).is_some() && !self.in_name(k)
    }

    /// "WHO" after "the World Health Organisation (WHO)": a name, not the relative pronoun.
    pub fn is_defined_acronym(&self, k: usize) -> bool {
        self.is_word(k) && self.defined_acronyms.contains(self.w(k))
    }

    pub fn is_pronoun(&self, k: usize) -> bool {
        matches!(self.lw(k), "he" | "she" | "they" | "it" | "we" | "i")
    }

    /// Text of tokens `s..=e`.
    pub fn slice(&self, s: usize, e: usize) -> &'a str {
        &self.text[self.toks[s].start..self.toks[e].end]
    }
}

/// Nouns closing a phrase of medium between a subject and its verb ("in a blog post",
/// "on Twitter", "in an interview", "in a statement").
pub(super) const MEDIUM_NOUNS: &[&str] = &[
    "post",
    "interview",
    "interviews",
    "statement",
    "letter",
    "email",
    "op-ed",
    "tweet",
    "tweets",
    "speech",
    "memo",
    "video",
    "appearance",
    "column",
    "essay",
    "filing",
    "release",
    "broadcast",
    "podcast",
    "twitter",
    "facebook",
    "instagram",
    "radio",
    "television",
    "tv",
];
