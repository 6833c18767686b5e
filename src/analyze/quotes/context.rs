//! The token-level view the attribution rules work on: tokens with their paragraph
//! and sentence, which quoted segment (if any) each token lies in, which person each
//! token names, and noun-phrase walks (the subject before a verb, the speaker after
//! one). Sentences are recomputed here from tokens, outside quotation marks, so the
//! rules do not depend on the document's sentence splitter being perfect.

use super::marks::{Segment, is_mark_char, mark_len};
use crate::analyze::people::lexicon::{Gender, LEX, NON_NAME_CAPS, contains, is_function_word};
use crate::analyze::people::tokens::{Tok, TokKind, TokenView, is_capitalized};
use crate::model::{Document, Person};

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
const DETS: &[&str] = &["the", "a", "an"];
/// Words that open a new clause: a subject phrase cannot run across them to its verb.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "and", "but",
    "or", "if", "as", "although", "though", "since", "after", "before", "until", "unless",
    "whether", "so",
];

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
    defined_acronyms: std::collections::HashSet<&'a str>,
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
                &text[w[0].start..w[0].end] == "("
                    && &text[w[2].start..w[2].end] == ")"
                    && w[1].kind == TokKind::Word
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

    fn split_sentences(&mut self) {
        let n = self.toks.len();
        let mut sent = vec![0; n];
        let mut sents = Vec::new();
        let mut start = 0;
        for k in 0..n {
            sent[k] = sents.len();
            let last = k + 1 == n;
            let boundary = last
                || self.para[k + 1] != self.para[k]
                || (self.is_terminator(k) && self.in_quote[k].is_none() && self.starts_sentence(k + 1))
                // "… abandoned.) Other reports …": a bracketed sentence ends at its bracket.
                || (self.w(k) == ")" && k > 0 && self.is_terminator(k - 1) && self.in_quote[k].is_none() && self.starts_sentence(k + 1))
                || (self.is_mark(k)
                    && self.in_quote[k].is_some()
                    && k > 0
                    && self.ends_in_terminator(k)
                    && self.in_quote.get(k + 1).is_some_and(|q| q.is_none() || q != &self.in_quote[k])
                    && self.starts_sentence(k + 1)
                    && !self.is_attribution_start(k + 1));
            if boundary {
                sents.push((start, k));
                start = k + 1;
            }
        }
        self.sent = sent;
        self.sents = sents;
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
        (k..k + 5).any(|j| {
            self.is_word(j)
                && LEX.speech_verb(self.w(j)).is_some_and(|v| !v.gerund)
                && (k..j).all(|i| self.is_word(i))
        }) && !(k..k + 5).any(|j| self.is_terminator(j) && j < k + 2)
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
        let mention = crate::model::Span::new(self.toks[s].start, self.toks[e].end);
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

    fn is_aux_or_adverb(&self, k: usize) -> bool {
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

    /// The subject noun phrase of the verb at `v`, as a token range.
    pub fn subject_of(&self, v: usize) -> Option<(usize, usize)> {
        let mut k = v;
        while k > 0
            && self.same_sent(k - 1, v)
            && self.is_aux_or_adverb(k - 1)
            && self.in_quote[k - 1].is_none()
        {
            k -= 1;
        }
        if k == 0 || !self.same_sent(k - 1, v) {
            return None;
        }
        // "Nasdaq, meanwhile, says": skip a parenthetical adverb.
        if k >= 3 && self.w(k - 1) == "," && self.w(k - 3) == "," && self.is_aux_or_adverb(k - 2) {
            k -= 3;
            while k > 0
                && self.same_sent(k - 1, v)
                && self.is_aux_or_adverb(k - 1)
                && self.in_quote[k - 1].is_none()
            {
                k -= 1;
            }
            if k == 0 {
                return None;
            }
        }
        // "The World Health Organisation (WHO) recommends": skip the bracketed acronym.
        if k >= 4 && self.w(k - 1) == ")" && self.w(k - 3) == "(" {
            k -= 3;
        }
        // "X, who had told …": the person before the relative pronoun.
        if self.lw(k - 1) == "who" && k >= 3 && self.w(k - 2) == "," {
            if let Some(p) = self.mention[k - 3] {
                return Some((self.mention_start(k - 3, p), k - 3));
            }
            return None;
        }
        // "X stated that … and believed …": the sentence's subject.
        if matches!(self.lw(k - 1), "and" | "but") {
            let (ss, _) = self.sents[self.sent[v]];
            for j in ss..(ss + 8).min(k) {
                if self.in_quote[j].is_some() {
                    continue;
                }
                if let Some(p) = self.mention[j] {
                    let mut e = j;
                    while self.mention.get(e + 1).copied().flatten() == Some(p) {
                        e += 1;
                    }
                    return Some((j, e));
                }
                if self.is_pronoun(j) && j == ss {
                    return Some((j, j));
                }
            }
            return None;
        }
        // "Wu Xinbo, director of ..., said": the person before the appositive.
        if self.w(k - 1) == "," {
            let mut j = k - 1;
            let floor = v.saturating_sub(30);
            while j > floor && self.same_sent(j - 1, v) {
                j -= 1;
                if self.in_quote[j].is_some() {
                    break;
                }
                if self.is_word(j)
                    && LEX.speech_verb(self.w(j)).is_some()
                    && !is_capitalized(self.w(j))
                {
                    break;
                }
                if let Some(p) = self.mention[j] {
                    return Some((self.mention_start(j, p), j));
                }
            }
            return None;
        }
        let e = k - 1;
        if !(self.is_word(e) || self.toks[e].kind == TokKind::Possessive)
            || self.in_quote[e].is_some()
        {
            return None;
        }
        if is_function_word(self.w(e)) && !self.is_pronoun(e) && !self.is_defined_acronym(e) {
            return None;
        }
        if self.is_pronoun(e) {
            return Some((e, e));
        }
        let mut s = e;
        let mut n = 0;
        while s > 0 && self.same_sent(s - 1, v) && n < 10 {
            let j = s - 1;
            if self.in_quote[j].is_some() {
                break;
            }
            let t = self.toks[j];
            let lw = self.lw(j);
            let ok = match t.kind {
                TokKind::Possessive => true,
                TokKind::Punct => lw == "&" || lw == "-",
                TokKind::Word => {
                    if DETS.contains(&lw) {
                        // include the determiner; continue only inside "of the ..."
                        s = j;
                        if j > 0 && PP_IN_NP.contains(&self.lw(j - 1)) {
                            n += 1;
                            continue;
                        }
                        break;
                    }
                    if PP_IN_NP.contains(&lw) {
                        true
                    } else if lw == "and" {
                        j > 0 && is_capitalized(self.w(j - 1)) && is_capitalized(self.w(j + 1))
                    } else if is_function_word(lw) {
                        false
                    } else if is_capitalized(self.w(j)) {
                        true
                    } else {
                        // "The report's authors": a word before a possessive is a noun.
                        let possessed = self
                            .toks
                            .get(j + 1)
                            .is_some_and(|t| t.kind == TokKind::Possessive);
                        possessed
                            || LEX.speech_verb(lw).is_none()
                                && !lw.ends_with("ed")
                                && !lw.ends_with("ing")
                    }
                }
            };
            if !ok {
                break;
            }
            s = j;
            n += 1;
        }
        while s < e && (PP_IN_NP.contains(&self.lw(s)) || !self.is_word(s)) {
            s += 1;
        }
        Some((s, e))
    }

    /// The source that opens the sentence of verb `v` when the words right before the
    /// verb are not it: a study, report or institution followed by a modifier ("A new
    /// study documenting iodine levels in children has revealed …", "The results of the
    /// National Study, published this week, revealed …", "The security firm Acme, has
    /// said …"). The phrase must end in a capitalised word or a group/source noun, and
    /// the words up to the verb must not start another clause. Returns the phrase's
    /// speaker and its first token.
    pub fn source_subject(
        &mut self,
        v: usize,
        log: &[super::speakers::Said],
    ) -> Option<(super::speakers::Speaker, usize)> {
        let (ss, _) = *self.sents.get(*self.sent.get(v)?)?;
        let mut k = ss;
        while k < v
            && !self.is_word(k)
            && self.in_quote[k].is_none()
            && self.toks[k].kind == TokKind::Punct
            && !matches!(self.w(k), ",")
        {
            k += 1;
        }
        if k >= v || self.in_quote[k].is_some() {
            return None;
        }
        let start = k;
        if DETS.contains(&self.lw(k))
            || matches!(
                self.lw(k),
                "some" | "other" | "many" | "several" | "most" | "both" | "all"
            )
        {
            k += 1;
        }
        let mut head = None;
        let mut n = 0;
        while k < v && n < 12 {
            let lw = self.lw(k);
            match self.toks[k].kind {
                TokKind::Possessive => {}
                TokKind::Punct if lw == "&" => {}
                TokKind::Punct => break,
                TokKind::Word => {
                    if lw == "of" {
                        // "The results of the National Study": only into a name.
                        let nx = if DETS.contains(&self.lw(k + 1)) {
                            k + 2
                        } else {
                            k + 1
                        };
                        if !(nx < v && is_capitalized(self.w(nx))) {
                            break;
                        }
                    } else if DETS.contains(&lw) && k > start && self.lw(k - 1) == "of" {
                    } else if is_function_word(lw) {
                        break;
                    } else if is_capitalized(self.w(k)) || LEX.is_group_head(lw) {
                        head = Some(k);
                    } else if lw.chars().count() > 4 && (lw.ends_with("ing") || lw.ends_with("ed"))
                        || LEX.speech_verb(lw).is_some()
                    {
                        break;
                    }
                }
            }
            k += 1;
            n += 1;
        }
        let head = head?;
        if head - start > 10 || v - head > 20 {
            return None;
        }
        // The gap to the verb: modifiers only, with at most a comma closing them.
        for j in head + 1..v {
            if self.in_quote[j].is_some() {
                return None;
            }
            match self.toks[j].kind {
                TokKind::Punct if self.w(j) == "," => {
                    if !(j + 1..v).all(|i| self.is_aux_or_adverb(i)) {
                        return None;
                    }
                }
                TokKind::Punct => return None,
                TokKind::Possessive => {}
                TokKind::Word => {
                    let lw = self.lw(j);
                    if contains(CLAUSE_OPENERS, lw)
                        || LEX.speech_verb(lw).is_some()
                        || self.mention[j].is_some()
                        || self.is_pronoun(j)
                    {
                        return None;
                    }
                }
            }
        }
        let sp = self.classify(start, head, log)?;
        Some((sp, start))
    }

    /// The person or pronoun opening the sentence of token `k`, before `k` ("Roe
    /// continued:", "He spoke for an hour, saying …"): a pronoun as first word, or a person
    /// mention reached through capitalised words and modifiers only.
    pub fn opening_subject(&self, k: usize) -> Option<(usize, usize)> {
        let (ss, _) = *self.sents.get(*self.sent.get(k)?)?;
        let mut a = ss;
        while a < k && !self.is_word(a) && self.in_quote[a].is_none() {
            a += 1;
        }
        if a >= k || self.in_quote[a].is_some() {
            return None;
        }
        if matches!(self.lw(a), "he" | "she" | "they") {
            return Some((a, a));
        }
        for j in a..(a + 8).min(k) {
            if let Some(p) = self.mention[j] {
                let mut e = j;
                while e + 1 < k && self.mention[e + 1] == Some(p) {
                    e += 1;
                }
                return Some((j, e));
            }
            let lw = self.lw(j);
            if !self.is_word(j) || (is_function_word(lw) && !DETS.contains(&lw)) {
                return None;
            }
            if LEX.speech_verb(lw).is_some() {
                return None;
            }
        }
        None
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
        let form = self.lw(v);
        let bare = LEX
            .speech_verb(form)
            .is_some_and(|sv| LEX.lemma(sv) == form);
        !(bare && matches!(self.lw(s), "a" | "an" | "he" | "she" | "it"))
    }

    /// "WHO" after "the World Health Organisation (WHO)": a name, not the relative pronoun.
    pub fn is_defined_acronym(&self, k: usize) -> bool {
        self.is_word(k) && self.defined_acronyms.contains(self.w(k))
    }

    pub fn is_pronoun(&self, k: usize) -> bool {
        matches!(self.lw(k), "he" | "she" | "they" | "it" | "we" | "i")
    }

    /// A speaker noun phrase starting at `k` (after "said"): a pronoun, a titled name, or a
    /// determiner phrase up to punctuation.
    pub fn np_after(&self, k: usize) -> Option<(usize, usize)> {
        if k >= self.toks.len() || self.in_quote[k].is_some() {
            return None;
        }
        if self.is_pronoun(k) {
            return Some((k, k));
        }
        let mut e = k;
        let mut n = 0;
        while e < self.toks.len()
            && self.para[e] == self.para[k]
            && n < 12
            && self.in_quote[e].is_none()
        {
            let t = self.toks[e];
            let lw = self.lw(e);
            let ok = match t.kind {
                TokKind::Possessive => true,
                TokKind::Punct => lw == "&",
                TokKind::Word => {
                    if DETS.contains(&lw) {
                        e == k || PP_IN_NP.contains(&self.lw(e - 1))
                    } else if e == k
                        && matches!(
                            lw,
                            "some" | "other" | "many" | "most" | "several" | "both" | "all"
                        )
                    {
                        true
                    } else if PP_IN_NP.contains(&lw) {
                        e > k
                    } else if lw == "and" {
                        e > k && is_capitalized(self.w(e - 1)) && is_capitalized(self.w(e + 1))
                    } else {
                        // "according to some reports": after a determiner a verb form is a noun.
                        let noun_slot = e > k && LEX.is_group_head(lw);
                        !is_function_word(lw)
                            && !(LEX.speech_verb(lw).is_some()
                                && !is_capitalized(self.w(e))
                                && !noun_slot)
                    }
                }
            };
            if !ok {
                break;
            }
            e += 1;
            n += 1;
        }
        if e == k {
            return None;
        }
        let mut end = e - 1;
        while end > k && (PP_IN_NP.contains(&self.lw(end)) || DETS.contains(&self.lw(end))) {
            end -= 1;
        }
        // A name is followed by an appositive: stop at the name.
        Some((k, end))
    }

    /// Text of tokens `s..=e`.
    pub fn slice(&self, s: usize, e: usize) -> &'a str {
        &self.text[self.toks[s].start..self.toks[e].end]
    }

    /// The first-mentioned noun phrase of sentence `si` when it names a group or organization.
    pub fn sentence_subject(&self, si: usize) -> Option<(usize, usize)> {
        let &(s, e) = self.sents.get(si)?;
        let mut k = s;
        while k <= e && !self.is_word(k) {
            k += 1;
        }
        // "On September 29, Scientology officials went …": skip an opening phrase.
        if is_function_word(self.w(k))
            && !self.is_pronoun(k)
            && !matches!(self.lw(k), "the" | "a" | "an")
        {
            let comma = (k..(k + 8).min(e)).find(|&j| self.w(j) == ",")?;
            k = comma + 1;
        }
        let (a, b) = self.np_after(k)?;
        // Cut the phrase at its head: the last capitalised word or group noun
        // ("Union leaders met" -> "Union leaders").
        let b = (a..=b).rev().find(|&j| {
            is_capitalized(self.w(j)) || LEX.is_group_head(self.w(j)) || LEX.is_role_noun(self.w(j))
        })?;
        let head = self.w(b);
        (is_capitalized(self.w(a)) && !contains(NON_NAME_CAPS, self.w(a))
            || LEX.is_group_head(head))
        .then_some((a, b))
    }
}
