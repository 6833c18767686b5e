//! Direct-quote attribution patterns: quote + verb + speaker ("…," said Wu Xinbo),
//! quote + speaker + verb ("…," Combs said), speaker + verb + colon/comma + quote, and
//! a speech or stance verb governing a partial quote in the same sentence (praised
//! “progress”, accused China of waging an “economic war”); plus the checks that make a
//! quoted phrase a name or title rather than a statement. Indirect statements are in
//! `indirect`; follow-on quotes in the parent module.

use super::context::{Ctx, DETS};
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::{LEX, VerbClass, is_function_word};
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};

/// A direct or indirect attribution found by the rules.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub speaker: Speaker,
    /// Token of the attribution cue (the verb, or "according").
    pub cue: Option<usize>,
}

/// Words right before a quote that make it a name or title, not a statement.
/// Words that open a subordinate clause after a quote ("… until Roe spoke"); "as" ("…, as
/// Roe put it") and "though" ("…," though, Roe said) are left out.
const AFTER_QUOTE_SUBORDINATORS: &[&str] = &[
    "until", "before", "after", "when", "while", "because", "since", "unless", "although", "once",
    "whenever", "if",
];

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
        // `is_function_word` lower-cases the word itself.
        !inner.ends_with(['.', '!', '?'])
            && inner.split_whitespace().nth(1).is_some()
            && inner
                .split_whitespace()
                .filter(|w| w.chars().count() >= 4 && !is_function_word(w))
                .all(is_capitalized)
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

    /// "…," said X / "…," X said.
    pub fn after_attribution(&mut self, si: usize, log: &[Said]) -> Option<Found> {
        let c = self.close_tok(si)?;
        let inner = self.segs[si].inner;
        // "…, ‘not what we want,’” Roe said": look through a nested quote's closing mark.
        let last_char = self.text[..self.segs[si].close?]
            .trim_end()
            .trim_end_matches(['’', '\'', '›'])
            .chars()
            .last()?;
        let mut k = c + 1;
        let mut closed = false;
        if self.w(k) == "," || self.w(k) == "—" {
            k += 1;
        } else if !matches!(last_char, ',' | '?' | '!' | '—' | '–' | '-' | '…') {
            closed = true;
            // "…." X said — only for a full statement, not a scare-quoted phrase.
            // "“… a battle of niches” Roe said": a missing comma, same reading.
            let words = inner.of(self.text).split_whitespace().count();
            let bare = last_char.is_alphanumeric() && words >= 4;
            if !(last_char == '.' && words >= 4 || bare) {
                return None;
            }
        }
        if k >= self.toks.len() || self.para[k] != self.para[c] || self.in_quote[k].is_some() {
            return None;
        }
        if self.lw(k) == "according" && self.lw(k + 1) == "to" {
            return self.after_according_to(k, inner, log);
        }
        // “…” — Jane Roe: a name under a quote, alone on the rest of its line.
        if let Some(found) = self.dash_byline(c, log) {
            return Some(found);
        }
        // Pattern A: said X
        if self.is_say_verb(k) {
            let mut j = k + 1;
            while self.is_word(j) && matches!(self.lw(j), "also" | "later" | "then" | "earlier") {
                j += 1;
            }
            if let Some((s, e)) = self.np_after(j) {
                let e = self.speaker_name_end(s, e);
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
                    .or_else(|| self.described_speaker(s, e, inner))
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
        let v = self.x_said_verb(k)?;
        // A quote closed by its own full stop keeps "X said" only in its own sentence
        // (see `Ctx::starts_new_statement`).
        if self.negated(v) || closed && !self.same_sent(c, v) {
            return None;
        }
        if let Some(found) = self.inverted_after_tail(v, inner, log) {
            return Some(found);
        }
        let (s, e) = self
            .speaker_subject(v)
            .or_else(|| self.unknown_name_before_appositive(k, v))?;
        if s < k {
            return None;
        }
        let sp = self
            .classify(s, e, log)
            .or_else(|| self.described_speaker(s, e, inner))?;
        fire(rules::QUOTES_AFTER_X_SAID, inner).then_some(Found {
            speaker: sp,
            cue: Some(v),
        })
    }

    /// "…", according to X: `k` is "according".
    fn after_according_to(
        &mut self,
        k: usize,
        inner: crate::model::Span,
        log: &[Said],
    ) -> Option<Found> {
        let (s, e) = self.np_after(k + 2)?;
        let e = self.speaker_name_end(s, e);
        let sp = self.classify(s, e, log)?;
        fire(rules::QUOTES_AFTER_ACCORDING_TO, inner).then_some(Found {
            speaker: sp,
            cue: Some(k),
        })
    }

    /// The speech verb of "X said" starting at token `k` after a quote: within the
    /// paragraph, past at most two commas (an appositive) and a short bracket after the
    /// name ("Sen. Jane Roe (D-Ore.) said").
    fn x_said_verb(&self, k: usize) -> Option<usize> {
        let mut commas = 0;
        let mut bracket_close = None;
        for j in k..(k + 30).min(self.toks.len()) {
            if self.para[j] != self.para[k] || self.in_quote[j].is_some() {
                break;
            }
            if bracket_close.is_some_and(|b| j <= b) {
                continue;
            }
            let t = self.toks[j];
            if self.w(j) == "," && j > k && j < k + 25 && self.age_or_place_comma(k, j) {
                continue;
            }
            if self.w(j) == "," && commas < 2 && j > k && j < k + 25 {
                commas += 1;
                continue;
            }
            // "…," Sen. Jane Roe (D-Ore.) said: a short tag after the name is skipped.
            if self.w(j) == "(" && j > k {
                bracket_close = (j + 1..(j + 8).min(self.toks.len()))
                    .find(|&b| self.w(b) == ")")
                    .filter(|&b| {
                        (j + 1..b).all(|i| self.in_quote[i].is_none() && self.w(i) != "(")
                            && fire(rules::QUOTES_BRACKET_TAG, self.span_of(j, b))
                    });
                if bracket_close.is_some() {
                    continue;
                }
            }
            // The period of a state abbreviation inside a place pair ("Tulsa, Okla.,").
            if self.w(j) == "."
                && (j.saturating_sub(3)..j)
                    .any(|c| c > k && self.w(c) == "," && self.place_pair_end(k, c) == Some(j + 1))
            {
                continue;
            }
            if t.kind == TokKind::Punct && self.w(j) != "&" {
                break;
            }
            if commas == 0 && j >= k + 12 {
                break;
            }
            // "“…” until the mayor spoke": a subordinate clause after the quote is not
            // its attribution.
            if AFTER_QUOTE_SUBORDINATORS.contains(&self.lw(j)) {
                break;
            }
            if j > k && self.is_say_verb(j) && !self.in_name(j) && !self.noun_after_article(k, j) {
                return Some(j);
            }
        }
        None
    }

    /// "a failed state", "an annual report": the bare form of a speech verb right after a
    /// phrase that opens with "a"/"an" is a noun, not a verb agreeing with that phrase.
    fn noun_after_article(&self, from: usize, v: usize) -> bool {
        self.bare_speech_form(v)
            && (v.saturating_sub(3).max(from + 1)..v)
                .rev()
                .take_while(|&i| self.is_word(i))
                .any(|i| matches!(self.lw(i), "a" | "an"))
    }

    /// "“A hard sell” for the mayor, said Jane Roe": the quote's sentence runs on past
    /// it and ends in ", said X" — the speaker is the name after the verb `v`, not a
    /// name in the words between the quote and the comma.
    fn inverted_after_tail(
        &mut self,
        v: usize,
        inner: crate::model::Span,
        log: &[Said],
    ) -> Option<Found> {
        if v == 0 || self.w(v - 1) != "," || !matches!(self.lw(v), "said" | "says") {
            return None;
        }
        let (s, e) = self.np_after(v + 1)?;
        let e = self.speaker_name_end(s, e);
        let sp = self.classify(s, e, log)?;
        fire(rules::QUOTES_AFTER_SAID_X, inner).then_some(Found {
            speaker: sp,
            cue: Some(v),
        })
    }

    /// "…," Amy Vole, deputy adviser, said: no person is known in the words before the
    /// verb `v`, but a given name and one or two capitalised words open them (from `k`)
    /// and a comma closes those — a name the people stage missed (its last word being a
    /// title such as "Pope" or "King"). Returns the name's tokens.
    fn unknown_name_before_appositive(&self, k: usize, v: usize) -> Option<(usize, usize)> {
        let c = (k + 2..(k + 4).min(v)).find(|&j| self.w(j) == ",")?;
        let ok = LEX.is_first_name(self.w(k))
            && (k + 1..c).all(|j| self.is_word(j) && is_capitalized(self.w(j)))
            && (k..v).all(|j| self.mention[j].is_none() && self.in_quote[j].is_none())
            && fire(
                rules::QUOTES_UNKNOWN_NAME_APPOSITIVE,
                self.span_of(k, c - 1),
            );
        ok.then_some((k, c - 1))
    }

    /// "…," Jane Roe, 41, of Dayton, Ohio, said: the comma at `j` (after `k`) closes an
    /// age or a "City, State" pair, which belong to the name's appositive and do not
    /// count towards the commas allowed between a name and its verb.
    fn age_or_place_comma(&self, k: usize, j: usize) -> bool {
        // ", 41," — a number of at most three digits between two commas.
        let age = j >= k + 2
            && self.w(j - 2) == ","
            && self.w(j - 1).len() <= 3
            && self.w(j - 1).bytes().all(|b| b.is_ascii_digit());
        let closes_pair = (j.saturating_sub(4)..j)
            .any(|c| c > k && self.w(c) == "," && self.place_pair_end(k, c) == Some(j));
        (age || self.place_pair_end(k, j).is_some() || closes_pair)
            && fire(rules::QUOTES_SAID_AGE_PLACE, self.span_of(k, j))
    }

    /// "of Dayton, Ohio," / "in Tulsa, Okla.,": when the comma at `c` sits inside a
    /// place pair opened by a preposition after `k` (one or two capitalised words, a
    /// comma, one or two capitalised words, an optional period, a comma), the comma
    /// closing the pair.
    fn place_pair_end(&self, k: usize, c: usize) -> Option<usize> {
        let cap = |i: usize| {
            self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word) && is_capitalized(self.w(i))
        };
        if c < k + 2 || !cap(c - 1) || !cap(c + 1) {
            return None;
        }
        let opened = (c.saturating_sub(3)..c - 1)
            .any(|i| i > k && matches!(self.lw(i), "of" | "in" | "from"));
        if !opened {
            return None;
        }
        let mut e = c + 1;
        if cap(e + 1) {
            e += 1;
        }
        // "Okla." with its period split off by the tokenizer.
        if self.w(e + 1) == "." && self.toks[e + 1].start == self.toks[e].end {
            e += 1;
        }
        (self.w(e + 1) == ",").then_some(e + 1)
    }

    /// A speaker phrase no name or role list knows, kept as written ("said the man who
    /// …", "a young woman exclaimed"), for the quote `inner`.
    fn described_speaker(&self, s: usize, e: usize, inner: crate::model::Span) -> Option<Speaker> {
        self.descriptive(s, e)
            .filter(|_| fire(rules::QUOTES_DESCRIBED_SPEAKER, inner))
    }

    /// “…” — Jane Roe / "…" ― Roe, a teacher: the quote closing at token `c` is
    /// followed by a dash and a name that ends the paragraph or sentence (or is followed
    /// by its description after a comma).
    fn dash_byline(&mut self, c: usize, log: &[Said]) -> Option<Found> {
        let d = c + 1;
        if !matches!(self.w(d), "—" | "―" | "–" | "-") || self.para.get(d) != Some(&self.para[c])
        {
            return None;
        }
        let (s, e) = self.np_after(d + 1)?;
        let e = self.speaker_name_end(s, e);
        let ends = e + 1 >= self.toks.len()
            || self.para[e + 1] != self.para[e]
            || matches!(self.w(e + 1), "." | "," | ";")
            || self.text[self.toks[e].end..self.toks[e + 1].start].contains('\n');
        if !ends || !is_capitalized(self.w(s)) || self.is_pronoun(s) {
            return None;
        }
        let sp = self.classify(s, e, log)?;
        fire(
            rules::QUOTES_DASH_BYLINE,
            self.segs[self.in_quote[c]?].inner,
        )
        .then_some(Found {
            speaker: sp,
            cue: None,
        })
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
            // "Secretary of State Roe:" — a word after "of" or an article is a noun there
            // ("of state", "the comment"), not the verb.
            let noun_slot = k > 0 && (self.lw(k - 1) == "of" || DETS.contains(&self.lw(k - 1)));
            if !noun_slot && self.speech_verb_word(k) {
                v = Some(k);
                break;
            }
            // "as Jane Roe put it: “…”": the idiom stands for a speech verb.
            if k > 0
                && self.lw(k) == "it"
                && self.lw(k - 1) == "put"
                && fire(rules::QUOTES_PUT_IT, self.span_of(k - 1, k))
            {
                v = Some(k - 1);
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
            .gerund_subject(v)
            .and_then(|(s, e)| self.classify(s, e, log))
            .filter(|_| fire(rules::QUOTES_COLON_PARTICIPLE, inner))
            .or_else(|| {
                self.speaker_subject(v)
                    .and_then(|(s, e)| self.classify(s, e, log))
            }) {
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
                let e = self.speaker_name_end(s, e);
                // "the Crown prosecutor, Mark Tedeschi": the name after the role.
                if self.mention[e].is_none() && self.w(e + 1) == "," {
                    if let Some(p) = self.mention.get(e + 2).copied().flatten() {
                        return Some(Speaker::Person(p));
                    }
                    if let Some((ns, ne)) = self.np_after(e + 2) {
                        let ne = self.speaker_name_end(ns, ne);
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
        // A title ("The Internet Explorer 6 Countdown") or a quote after a preposition
        // ("says on “…”") names something; it is not what the speaker said.
        if self.names_a_work(si) {
            return None;
        }
        // A short quote is a speaker's phrase only near its verb, unless the verb is a
        // plain "said"-type verb whose clause runs on to it ("Roe said the board, after
        // months of delay, had been “reckless”").
        let short = inner.split_whitespace().nth(3).is_none();
        let reach = 45;
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
            let far = short && n > 9;
            if far && (verb.gerund || verb.class != VerbClass::Clause) {
                continue;
            }
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
            let Some((s, e)) = self.gerund_subject(k).or_else(|| self.speaker_subject(k)) else {
                continue;
            };
            if verb.gerund
                && !(s > 0 && matches!(self.lw(s - 1), "with" | ","))
                && !self.after_comma(k)
                || !self.verb_agrees(k, s)
            {
                continue;
            }
            let rule = if far {
                rules::QUOTES_GOVERNING_SAID_FAR
            } else {
                rules::QUOTES_GOVERNING_VERB
            };
            if let Some(sp) = self
                .classify(s, e, log)
                .filter(|_| fire(rule, self.segs[si].inner))
            {
                return Some(Found {
                    speaker: sp,
                    cue: Some(k),
                });
            }
        }
        None
    }
}
