//! Attribution patterns. Direct quotes: quote + verb + speaker ("…," said Wu Xinbo),
//! quote + speaker + verb ("…," Combs said), speaker + verb + colon/comma + quote,
//! a speech or stance verb governing a partial quote in the same sentence (praised
//! “progress”, accused China of waging an “economic war”), and an unattributed
//! follow-on quote taking the previous speaker. Indirect statements: speaker + verb +
//! (that-)clause, "X told Reuters that …", "…, X said." inversions, "according to X",
//! and participle frames ("…, with Trump warning the summit could be canceled").

use super::context::Ctx;
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::{LEX, VerbClass, is_function_word};
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};
use crate::model::{RuleId, Span};

/// A direct or indirect attribution found by the rules.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub speaker: Speaker,
    /// Token of the attribution cue (the verb, or "according").
    pub cue: Option<usize>,
}

/// Words right before a quote that make it a name or title, not a statement.
const NAMING: &[&str] = &[
    "called",
    "dubbed",
    "nicknamed",
    "named",
    "titled",
    "entitled",
    "so-called",
    "termed",
    "branded",
    "labelled",
    "labeled",
];
const CLAUSE_PREPS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "to", "with", "by", "for", "from", "of",
    "about", "as", "into", "via", "through", "over", "when", "while", "late", "earlier", "later",
    "this", "last", "on",
];
/// Words before "that" that make it an adverbial conjunction ("to the point that",
/// "so that", "in order that"), not the start of a reported clause.
const NON_CONTENT_THAT: &[&str] = &[
    "point", "extent", "degree", "order", "so", "such", "now", "given", "except", "provided",
];
/// Words that open an adverbial phrase, not a reported clause, after an attribution
/// ("…, Roe said, in an interview").
const TAIL_NON_CLAUSE: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "to",
    "with",
    "by",
    "for",
    "from",
    "of",
    "about",
    "via",
    "through",
    "over",
    "adding",
    "citing",
    "referring",
    "speaking",
    "and",
    "or",
    "who",
    "which",
    "according",
    "as",
    "than",
    "then",
    "per",
];
const COPULAS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "to", "who", "which", "that", "not",
];

impl Ctx<'_> {
    pub fn open_tok(&self, si: usize) -> usize {
        let s = &self.segs[si];
        self.toks.partition_point(|t| t.start < s.open)
    }
    pub fn close_tok(&self, si: usize) -> Option<usize> {
        let c = self.segs[si].close?;
        // The last token of the mark (`''` is two tokens).
        let last = c + super::marks::last_char_offset(self.text, c);
        let k = self.toks.partition_point(|t| t.start < last);
        (k < self.toks.len()).then_some(k)
    }

    fn is_say_verb(&self, k: usize) -> bool {
        self.is_word(k)
            && self.in_quote[k].is_none()
            && LEX
                .speech_verb(self.w(k))
                .is_some_and(|v| !v.gerund && v.class == VerbClass::Clause)
    }

    pub fn word_count(&self, si: usize) -> usize {
        self.segs[si].inner.of(self.text).split_whitespace().count()
    }

    /// A quote used as a name or title ("dubbed the “Bandit King”").
    pub fn is_naming(&self, si: usize) -> bool {
        let o = self.open_tok(si);
        let before = |n: usize| o.checked_sub(n).map(|k| self.lw(k)).unwrap_or_default();
        let b1 = before(1);
        let b2 = before(2);
        // "Microsoft's “The Countdown” site": a quote owned by a possessive names a thing.
        // A lower-case quote after a possessive is a phrase of the speaker's ("her
        // rival's “passion”"), and "it's" is no possessive.
        let capital = self.segs[si]
            .inner
            .of(self.text)
            .starts_with(|c: char| c.is_uppercase());
        // …unless a noun follows the quote (the company's “greener future” page).
        let modifies_noun = self.close_tok(si).is_some_and(|c| {
            self.is_word(c + 1)
                && !is_function_word(self.w(c + 1))
                && !is_capitalized(self.w(c + 1))
        });
        let possessed = (capital || modifies_noun)
            && o.checked_sub(1)
                .is_some_and(|k| self.toks[k].kind == TokKind::Possessive);
        possessed
            || NAMING.contains(&b1)
            || (matches!(b1, "the" | "a" | "an" | "as") && NAMING.contains(&b2))
            || (b1 == "as" && matches!(b2, "known" | "referred" | "titled"))
            || (b1 == "as" && before(3) == "such")
    }

    /// A quote in title case with no closing punctuation ("The Internet Explorer 6
    /// Countdown") names a work or campaign.
    pub fn is_title_case(&self, si: usize) -> bool {
        let inner = self.segs[si].inner.of(self.text);
        let words: Vec<&str> = inner.split_whitespace().collect();
        words.len() >= 2
            && words
                .iter()
                .filter(|w| w.chars().count() >= 4)
                .all(|w| is_capitalized(w))
            && !inner.ends_with(['.', '!', '?'])
    }

    /// A title-case quote, or one right after a preposition ("says on “…”", "stored in
    /// “approved cabinets”"), names something; on its own it is not what anyone said.
    pub fn names_a_work(&self, si: usize) -> bool {
        let o = self.open_tok(si);
        self.is_title_case(si)
            || (o > 0
                && matches!(
                    self.lw(o - 1),
                    "on" | "in" | "at" | "from" | "by" | "titled" | "entitled"
                ))
    }

    /// Applies rule `id` to the statement over tokens `a..=b` (see `analyze::rules`).
    fn tag(&self, id: RuleId, a: usize, b: usize) -> bool {
        fire(id, Span::new(self.toks[a].start, self.toks[b].end))
    }

    /// "…," said X / "…," X said.
    pub fn after_attribution(&mut self, si: usize, log: &[Said]) -> Option<Found> {
        let c = self.close_tok(si)?;
        let inner = self.segs[si].inner;
        let last_char = self.text[..self.segs[si].close?]
            .trim_end()
            .chars()
            .last()?;
        let mut k = c + 1;
        if self.w(k) == "," || self.w(k) == "—" {
            k += 1;
        } else if !matches!(last_char, ',' | '?' | '!' | '—' | '–' | '-' | '…') {
            // "…." X said — only for a full statement, not a scare-quoted phrase.
            if !(last_char == '.' && inner.of(self.text).split_whitespace().count() >= 4) {
                return None;
            }
        }
        if k >= self.toks.len() || self.para[k] != self.para[c] || self.in_quote[k].is_some() {
            return None;
        }
        // "…", according to X.
        if self.lw(k) == "according" && self.lw(k + 1) == "to" {
            let (s, e) = self.np_after(k + 2)?;
            let e = self.trim_name_np(s, e);
            let sp = self.classify(s, e, log)?;
            if !fire(rules::QUOTES_AFTER_ACCORDING_TO, inner) {
                return None;
            }
            return Some(Found {
                speaker: sp,
                cue: Some(k),
            });
        }
        // Pattern A: said X
        if self.is_say_verb(k) {
            let mut j = k + 1;
            while self.is_word(j) && matches!(self.lw(j), "also" | "later" | "then" | "earlier") {
                j += 1;
            }
            if let Some((s, e)) = self.np_after(j) {
                let e = self.trim_name_np(s, e);
                // "said a BBC executive, Caroline Thomson": the name after the role.
                if self.mention[e].is_none()
                    && self.w(e + 1) == ","
                    && let Some(p) = self.mention.get(e + 2).copied().flatten()
                {
                    let mut me = e + 2;
                    while self.mention.get(me + 1).copied().flatten() == Some(p) {
                        me += 1;
                    }
                    if !fire(rules::QUOTES_AFTER_SAID_X, inner) {
                        return None;
                    }
                    return Some(Found {
                        speaker: super::speakers::Speaker::Person(p),
                        cue: Some(k),
                    });
                }
                if let Some(sp) = self
                    .classify(s, e, log)
                    .filter(|_| fire(rules::QUOTES_AFTER_SAID_X, inner))
                {
                    return Some(Found {
                        speaker: sp,
                        cue: Some(k),
                    });
                }
            }
            return None;
        }
        // Pattern B: X said, also across an appositive ("…," Jane Roe, a former adviser
        // to the mayor, wrote).
        let mut v = None;
        let mut commas = 0;
        for j in k..(k + 30).min(self.toks.len()) {
            if self.para[j] != self.para[k] || self.in_quote[j].is_some() {
                break;
            }
            let t = self.toks[j];
            if self.w(j) == "," && commas < 2 && j > k && j < k + 25 {
                commas += 1;
                continue;
            }
            if t.kind == TokKind::Punct && self.w(j) != "&" {
                break;
            }
            if commas == 0 && j >= k + 12 {
                break;
            }
            if j > k && self.is_say_verb(j) {
                v = Some(j);
                break;
            }
        }
        let v = v?;
        if self.negated(v) {
            return None;
        }
        let (s, e) = self.subject_of(v)?;
        if s < k {
            return None;
        }
        let sp = self.classify(s, e, log)?;
        fire(rules::QUOTES_AFTER_X_SAID, inner).then_some(Found {
            speaker: sp,
            cue: Some(v),
        })
    }

    /// "…, saying (that) …": a participle after a comma reports the words of the person
    /// opening the sentence.
    fn gerund_subject(&self, v: usize) -> Option<(usize, usize)> {
        let verb = LEX.speech_verb(self.w(v))?;
        (verb.gerund && self.after_comma(v))
            .then(|| self.opening_subject(v))
            .flatten()
    }

    fn after_comma(&self, v: usize) -> bool {
        v > 0 && self.w(v - 1) == ","
    }

    /// After "said", keep a titled name and drop what follows it ("said Wu Xinbo, director…"
    /// is cut by the comma already; "said Mr. Downer in an interview" by the preposition).
    fn trim_name_np(&self, s: usize, e: usize) -> usize {
        for j in s..=e {
            if let Some(p) = self.mention[j] {
                let mut end = j;
                while end < e && self.mention[end + 1] == Some(p) {
                    end += 1;
                }
                return end;
            }
        }
        e
    }

    /// X said: "…" / X told reporters, "…" (also across a paragraph ending in ":" or ",").
    pub fn before_attribution(&mut self, si: usize, log: &[Said]) -> Option<Found> {
        let o = self.open_tok(si);
        let mut j = o.checked_sub(1)?;
        let cross_para = self.para[j] != self.para[o];
        let introduced = matches!(self.w(j), "," | ":" | "—");
        if introduced {
            j = j.checked_sub(1)?;
        } else if cross_para {
            return None;
        }
        let inner = self.segs[si].inner;
        if introduced
            && let Some(sp) = self
                .in_the_words_of(j, o, log)
                .filter(|_| fire(rules::QUOTES_IN_THE_WORDS_OF, inner))
        {
            return Some(Found {
                speaker: sp,
                cue: None,
            });
        }
        if self.lw(j) == "that" {
            j = j.checked_sub(1)?;
        }
        // The verb, possibly followed by a short object or phrase ("told reporters,"),
        // which needs the comma or colon that introduces a quotation.
        let mut v = None;
        let reach = if introduced { 6 } else { 1 };
        for back in 0..reach {
            let Some(k) = j.checked_sub(back) else { break };
            if self.in_quote[k].is_some() || (self.toks[k].kind == TokKind::Punct) {
                break;
            }
            if LEX.speech_verb(self.w(k)).is_some() {
                v = Some(k);
                break;
            }
        }
        let Some(v) = v else {
            // "Roe continued:" / "The governor released a statement:" — a quote
            // introduced by a colon belongs to the person opening that sentence.
            if introduced && self.w(j + 1) == ":" {
                let (s, e) = self.opening_subject(j)?;
                let sp = self.classify(s, e, log)?;
                return Some(Found {
                    speaker: sp,
                    cue: None,
                });
            }
            return None;
        };
        if self.negated(v) {
            return None;
        }
        let sp = match self
            .subject_of(v)
            .and_then(|(s, e)| self.classify(s, e, log))
        {
            Some(sp) => sp,
            None => self.source_subject(v, log)?.0,
        };
        fire(rules::QUOTES_COLON_INTRO, inner).then_some(Found {
            speaker: sp,
            cue: Some(v),
        })
    }

    /// "in the words of the prosecutor, Jane Roe, “…”": the person (or source) named after
    /// "in the words of" in the phrase ending at token `j`, before the quote opening at `o`.
    fn in_the_words_of(&mut self, j: usize, o: usize, log: &[Said]) -> Option<Speaker> {
        let floor = j.saturating_sub(16);
        let mut k = j;
        while k > floor + 2 && self.same_sent(k, o) && self.in_quote[k].is_none() {
            if self.lw(k) == "words"
                && self.lw(k - 1) == "the"
                && self.lw(k - 2) == "in"
                && self.lw(k + 1) == "of"
            {
                let (s, e) = self.np_after(k + 2)?;
                let e = self.trim_name_np(s, e);
                // "the Crown prosecutor, Mark Tedeschi": the name after the role.
                if self.mention[e].is_none() && self.w(e + 1) == "," {
                    if let Some(p) = self.mention.get(e + 2).copied().flatten() {
                        return Some(Speaker::Person(p));
                    }
                    if let Some((ns, ne)) = self.np_after(e + 2) {
                        let ne = self.trim_name_np(ns, ne);
                        if let Some(sp @ Speaker::Person(_)) = self.classify(ns, ne, log) {
                            return Some(sp);
                        }
                    }
                }
                return self.classify(s, e, log);
            }
            k -= 1;
        }
        None
    }

    /// A speech or stance verb earlier in the quote's sentence whose subject is a speaker.
    pub fn governing_attribution(&mut self, si: usize, log: &[Said]) -> Option<Found> {
        let o = self.open_tok(si);
        let inner = self.segs[si].inner.of(self.text);
        let words: Vec<&str> = inner.split_whitespace().collect();
        // A title ("The Internet Explorer 6 Countdown") or a quote after a preposition
        // ("says on “…”") names something; it is not what the speaker said.
        if self.names_a_work(si) {
            return None;
        }
        let reach = if words.len() <= 3 { 9 } else { 45 };
        let mut k = o;
        let mut n = 0;
        while k > 0 && n < reach {
            k -= 1;
            n += 1;
            if !self.same_sent(k, o) {
                break;
            }
            if self.in_quote[k].is_some() || !self.is_word(k) {
                continue;
            }
            let Some(verb) = LEX.speech_verb(self.w(k)) else {
                continue;
            };
            if is_capitalized(self.w(k)) || self.negated(k) {
                continue;
            }
            let prev = k.checked_sub(1).map(|p| self.lw(p)).unwrap_or_default();
            if matches!(
                prev,
                "is" | "was" | "are" | "were" | "be" | "been" | "being"
            ) {
                continue;
            }
            let Some((s, e)) = self.gerund_subject(k).or_else(|| self.subject_of(k)) else {
                continue;
            };
            if verb.gerund
                && !(s > 0 && matches!(self.lw(s - 1), "with" | ","))
                && !self.after_comma(k)
                || !self.verb_agrees(k, s)
            {
                continue;
            }
            if let Some(sp) = self
                .classify(s, e, log)
                .filter(|_| fire(rules::QUOTES_GOVERNING_VERB, self.segs[si].inner))
            {
                return Some(Found {
                    speaker: sp,
                    cue: Some(k),
                });
            }
        }
        None
    }

    /// Indirect statement cued by the verb at `v`: returns the speaker and the reported
    /// clause as a token range.
    pub fn indirect_at(&mut self, v: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        let verb = LEX.speech_verb(self.w(v))?;
        let lemma = LEX.lemma(verb).to_string();
        if is_capitalized(self.w(v))
            || self.negated(v)
            || matches!(
                lemma.as_str(),
                "call"
                    | "describe"
                    | "defend"
                    | "think"
                    | "hope"
                    | "fear"
                    | "answer"
                    | "post"
                    | "project"
                    | "point"
            )
        {
            return None;
        }
        // "investigators reports say": the first of two verbs is a noun.
        if self.is_word(v + 1) && LEX.speech_verb(self.w(v + 1)).is_some_and(|n| !n.gerund) {
            return None;
        }
        let prev = v.checked_sub(1).map(|p| self.lw(p)).unwrap_or_default();
        if COPULAS.contains(&prev) && !self.is_defined_acronym(v - 1) {
            return None;
        }
        let (sent_start, sent_end) = self.sents[self.sent[v]];
        if sent_end - sent_start > super::context::MAX_SENTENCE_TOKENS {
            return None;
        }
        // Inversion with the verb first: "<clause>, said General Mark Milley."
        if let Some(hit) = self.verb_first_inversion(v, log) {
            return Some(hit);
        }
        // Inversion: "<clause>, researchers say." / "…, Yonhap reported, but …"
        let next = self.w(v + 1);
        if v + 1 > sent_end || matches!(next, "." | "," | ";") && !self.is_mark(v + 2) {
            return self.inversion(v, log);
        }
        // Forward: verb (object) (that) clause.
        let mut c = v + 1;
        let mut object_done = false;
        if matches!(lemma.as_str(), "tell" | "ask") && !CLAUSE_PREPS.contains(&self.lw(c)) {
            // "told CBC News the department will …", "told Montalvo he would …"
            let mut j = c;
            if self.is_word(j)
                && (matches!(
                    self.lw(j),
                    "him"
                        | "her"
                        | "them"
                        | "me"
                        | "us"
                        | "reporters"
                        | "journalists"
                        | "officials"
                ))
            {
                j += 1;
            } else if self.is_word(j) && is_capitalized(self.w(j)) {
                while self.is_word(j) && is_capitalized(self.w(j)) && j <= sent_end {
                    j += 1;
                }
            } else if matches!(self.lw(j), "the" | "a") && self.is_word(j + 1) {
                j += 2;
            }
            if j > c && j <= sent_end {
                if self.lw(j) == "that" {
                    j += 1;
                }
                if self.is_word(j) && !CLAUSE_PREPS.contains(&self.lw(j)) {
                    c = j;
                    object_done = true;
                } else if CLAUSE_PREPS.contains(&self.lw(j)) {
                    c = j;
                } else {
                    return None;
                }
            }
        }
        if object_done {
            // the clause starts right after the object
        } else if lemma == "tell" || CLAUSE_PREPS.contains(&self.lw(c)) {
            let mut found = None;
            for j in c..(c + 14).min(sent_end + 1) {
                // a quoted title may sit in the phrase ("says on “…” that")
                if self.in_quote[j].is_some() {
                    continue;
                }
                if self.toks[j].kind == TokKind::Punct && !matches!(self.w(j), "," | "’s" | "'s")
                {
                    break;
                }
                if self.lw(j) == "that" {
                    // "complained … to the point that …": an adverbial, not what was said.
                    if j > 0 && NON_CONTENT_THAT.contains(&self.lw(j - 1)) {
                        break;
                    }
                    found = Some(j + 1);
                    break;
                }
            }
            c = found?;
        } else if self.lw(c) == "that" {
            c += 1;
        }
        // "that, at their height, the losses …"
        if self.w(c) == "," {
            c += 1;
        }
        if c > sent_end || !self.is_word(c) || self.in_quote[c].is_some() || self.lw(c) == "to" {
            return None;
        }
        // Clause end: the sentence end, or just before a quotation that starts it late.
        let mut end = sent_end;
        let mut start = c;
        for j in c..=sent_end {
            if self.in_quote[j].is_some() {
                let words = (c..j).filter(|&i| self.is_word(i)).count();
                if words >= 6 {
                    end = j - 1;
                    break;
                }
                // The quote opens the clause: report what follows the last quote, if
                // it is a statement of its own and no other cue takes it.
                let last_quoted = (j..=sent_end)
                    .rev()
                    .find(|&i| self.in_quote[i].is_some())
                    .unwrap_or(j);
                let mut after = last_quoted + 1;
                while after <= sent_end && !self.is_word(after) {
                    after += 1;
                }
                let rest_words = (after..=sent_end).filter(|&i| self.is_word(i)).count();
                let rest_has_cue = (after..=sent_end)
                    .any(|i| self.is_word(i) && LEX.speech_verb(self.w(i)).is_some());
                // "… is “the sleeper issue”, and potentially a serious one": a
                // coordinated tail continues the quoted predicate; it has no clause of its own.
                let coordinated_tail = matches!(self.lw(after), "and" | "or" | "nor")
                    && !(self.is_pronoun(after + 1) || self.lw(after + 1) == "that");
                if rest_words < 6 || rest_has_cue || after > sent_end || coordinated_tail {
                    return None;
                }
                start = after;
                break;
            }
            if self.lw(j) == "according" && j > c && self.w(j - 1) == "," {
                end = j - 2;
                break;
            }
        }
        while end > c
            && (self.toks[end].kind == TokKind::Punct
                || matches!(self.lw(end), "and" | "but" | "or" | "as"))
        {
            end -= 1;
        }
        let c = start;
        if c > end || (c..=end).filter(|&i| self.is_word(i)).count() < 3 {
            return None;
        }
        let subject = self.gerund_subject(v).or_else(|| self.subject_of(v));
        if let Some((s, _)) = subject
            && (verb.gerund
                && !(s > 0 && matches!(self.lw(s - 1), "with" | ","))
                && !self.after_comma(v)
                || !self.verb_agrees(v, s))
        {
            return None;
        }
        if verb.class == VerbClass::Object
            && is_function_word(self.w(c))
            && !matches!(
                self.lw(c),
                "the" | "a" | "an" | "his" | "her" | "their" | "its"
            )
        {
            return None;
        }
        let sp = match subject.and_then(|(s, e)| self.classify(s, e, log)) {
            Some(sp) => sp,
            None if !verb.gerund => {
                let (sp, s) = self.source_subject(v, log)?;
                if !self.verb_agrees(v, s) {
                    return None;
                }
                sp
            }
            None => return None,
        };
        if !self.tag(rules::QUOTES_INDIRECT_THAT, c, end) {
            return None;
        }
        Some((
            Found {
                speaker: sp,
                cue: Some(v),
            },
            c,
            end,
        ))
    }

    /// "<clause>, said General Mark Milley." — the verb before its subject.
    fn verb_first_inversion(&mut self, v: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        let verb = LEX.speech_verb(self.w(v))?;
        let (sent_start, sent_end) = self.sents[self.sent[v]];
        let prev = v.checked_sub(1).map(|p| self.lw(p)).unwrap_or_default();
        if !(prev == "," && verb.class == VerbClass::Clause && !verb.gerund && v >= sent_start + 5)
        {
            return None;
        }
        let (s, e) = self.np_after(v + 1)?;
        let e = self.trim_name_np(s, e);
        let ends = e + 1 > sent_end || matches!(self.w(e + 1), "." | "," | ";");
        let ce = v - 2;
        let clean = !(sent_start..=ce).any(|j| self.in_quote[j].is_some());
        if !(ends && clean && (sent_start..=ce).filter(|&j| self.is_word(j)).count() >= 4) {
            return None;
        }
        let sp = self.classify(s, e, log)?;
        if !self.tag(rules::QUOTES_INDIRECT_SAID_X, sent_start, ce) {
            return None;
        }
        Some((
            Found {
                speaker: sp,
                cue: Some(v),
            },
            sent_start,
            ce,
        ))
    }

    /// "<clause>, researchers say." / "…, Yonhap reported, but …" / "In May, Roe said,
    /// the plan failed." — the subject and verb after (or inside) the clause. A short
    /// opening before the attribution gives way to the clause after it.
    fn inversion(&mut self, v: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        let verb = LEX.speech_verb(self.w(v))?;
        let (sent_start, _) = self.sents[self.sent[v]];
        let (s, e) = self.subject_of(v)?;
        if s == 0 || self.w(s - 1) != "," || verb.class != VerbClass::Clause || s <= sent_start + 1
        {
            return None;
        }
        let ce = s - 2;
        if self.is_mark(ce) || (sent_start..=ce).any(|j| self.in_quote[j].is_some()) {
            return None;
        }
        let (cs, ce) = if (sent_start..=ce).filter(|&j| self.is_word(j)).count() >= 4 {
            (sent_start, ce)
        } else {
            self.tail_after(v)?
        };
        let sp = self.classify(s, e, log)?;
        if !self.tag(rules::QUOTES_INDIRECT_X_SAID, cs, ce) {
            return None;
        }
        Some((
            Found {
                speaker: sp,
                cue: Some(v),
            },
            cs,
            ce,
        ))
    }

    /// The rest of the sentence after an attribution set inside it ("…, Roe said, the
    /// plan failed." / "…, according to the report, although …"): from the comma closing
    /// the attribution that starts at `k` to the sentence end, when that is a clause of
    /// five words or more with no quotation and no new attribution of its own.
    pub fn tail_after(&self, k: usize) -> Option<(usize, usize)> {
        let (_, sent_end) = *self.sents.get(*self.sent.get(k)?)?;
        let comma = (k + 1..(k + 14).min(sent_end)).find(|&j| {
            self.w(j) == "," || self.toks[j].kind == TokKind::Punct || self.in_quote[j].is_some()
        })?;
        if self.w(comma) != "," || self.in_quote[comma].is_some() {
            return None;
        }
        let start = comma + 1;
        if start > sent_end
            || !self.is_word(start)
            || TAIL_NON_CLAUSE.contains(&self.lw(start))
            || LEX.speech_verb(self.w(start)).is_some()
        {
            return None;
        }
        let mut end = sent_end;
        while end > start && self.toks[end].kind == TokKind::Punct {
            end -= 1;
        }
        let words = (start..=end).filter(|&j| self.is_word(j)).count();
        let clean = (start..=end).all(|j| {
            self.in_quote[j].is_none()
                && !(self.is_word(j)
                    && LEX
                        .speech_verb(self.w(j))
                        .is_some_and(|v| v.class == VerbClass::Clause))
                && self.lw(j) != "according"
        });
        (words >= 5 && clean).then_some((start, end))
    }

    /// "According to X, …" / "…, according to X."
    pub fn according_to(&mut self, k: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        if self.lw(k) != "according" || self.lw(k + 1) != "to" || self.in_quote[k].is_some() {
            return None;
        }
        let (sent_start, sent_end) = self.sents[self.sent[k]];
        if sent_end - sent_start > super::context::MAX_SENTENCE_TOKENS {
            return None;
        }
        let (s, e) = self.np_after(k + 2)?;
        let e = self.trim_name_np(s, e);
        let sp = self
            .classify(s, e, log)
            .or_else(|| self.source_label(s, e))?;
        // "According to X the plan …" opens the sentence; mid-sentence, the source is
        // followed by its own modifiers ("according to a count by the AP").
        let next_is_word =
            self.is_word(e + 1) && e < sent_end && (k <= sent_start + 2 || self.w(k - 1) != ",");
        let (cs, ce) = if k == sent_start || (k > sent_start && self.is_mark(k - 1)) || next_is_word
        {
            let mut c = e + 1;
            if self.w(c) == "," {
                c += 1;
            }
            (c, sent_end)
        } else {
            if self.w(k - 1) == "," {
                (sent_start, k - 2)
            } else {
                (sent_start, k - 1)
            }
        };
        let mut ce = ce;
        while ce > cs && self.toks[ce].kind == TokKind::Punct {
            ce -= 1;
        }
        if cs > ce
            || (cs..=ce).any(|j| self.in_quote[j].is_some())
            || (cs..=ce).filter(|&j| self.is_word(j)).count() < 3
            || !self.tag(rules::QUOTES_ACCORDING_TO, cs, ce)
        {
            return None;
        }
        Some((
            Found {
                speaker: sp,
                cue: Some(k),
            },
            cs,
            ce,
        ))
    }
}
