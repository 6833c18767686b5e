//! Noun-phrase walks over the token view: the subject before a speech verb (across
//! auxiliaries, parenthetical adverbs, appositives, relative "who" and coordinated
//! verbs), the speaker phrase after one, the person opening a sentence, and the group
//! a sentence is about. They return token ranges; `speakers` turns a range into a
//! speaker.

use super::context::{Ctx, DETS, PP_IN_NP};
use crate::analyze::people::lexicon::{LEX, NON_NAME_CAPS, contains, is_function_word};
use crate::analyze::people::tokens::{TokKind, is_capitalized};

/// Prepositions that open a phrase inside a modifier ("… among farmers", "… in Ohio").
const MODIFIER_PREPS: &[&str] = &[
    "in",
    "among",
    "on",
    "with",
    "about",
    "across",
    "into",
    "over",
    "under",
    "near",
    "around",
    "between",
    "by",
    "to",
    "throughout",
    "within",
    "against",
];

/// Prepositions that open a place or topic phrase after a person noun ("a staffer in
/// the room", "an aide familiar with the talks"); not "on", "to" or "by", which as often
/// attach to the verb ("the mayor on Tuesday", "the senator to apologize").
pub(super) fn is_noun_modifier_prep(w: &str) -> bool {
    matches!(w, "in" | "inside" | "within" | "with")
}

/// Possessive determiners that open a subject ("his brother", "their lawyers").
const POSSESSIVE_DETS: &[&str] = &["his", "her", "their", "its", "our", "my", "your"];

/// A participle ("charting", "polled") or a relative pronoun opening a modifier.
fn is_participle_or_relative(lw: &str) -> bool {
    matches!(lw, "who" | "that" | "which")
        || lw.len() > 4 && (lw.ends_with("ing") || lw.ends_with("ed"))
}

impl Ctx<'_> {
    /// The subject noun phrase of the verb at `v`, as a token range.
    pub fn subject_of(&self, v: usize) -> Option<(usize, usize)> {
        let k = self.subject_end(v)?;
        // "X, who had told …": the person before the relative pronoun.
        if self.lw(k - 1) == "who" && k >= 3 && self.w(k - 2) == "," {
            if let Some(p) = self.mention[k - 3] {
                return Some((self.mention_start(k - 3, p), k - 3));
            }
            // "the campaign's lawyers, who said …": the noun phrase before the comma.
            let (s, e) = self.np_before(v, k - 3)?;
            return crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_WHO_ANTECEDENT,
                self.span_of(s, e),
            )
            .then_some((s, e));
        }
        // "The Gazette, which argued …": a named body or a group before it.
        if self.lw(k - 1) == "which" && k >= 3 && self.w(k - 2) == "," {
            let (s, e) = self.np_before(v, k - 3)?;
            let head = self.lw(e);
            let speaks = is_capitalized(self.w(e))
                || LEX.is_group_head(head)
                || super::context::MEDIUM_NOUNS.contains(&head);
            return (speaks
                && crate::analyze::rules::fire(
                    crate::analyze::rules::QUOTES_WHICH_ANTECEDENT,
                    self.span_of(s, e),
                ))
            .then_some((s, e));
        }
        // "X stated that … and believed …": the sentence's subject.
        if matches!(self.lw(k - 1), "and" | "but") {
            return self.coordinated_subject(v, k);
        }
        // "Wu Xinbo, director of ..., said": the person before the appositive.
        if self.w(k - 1) == "," {
            return self
                .appositive_subject(v, k)
                .or_else(|| self.relative_clause_owner(v, k));
        }
        let (s, e) = self.np_before(v, k - 1)?;
        if let Some(np) = self.pp_modified_subject(s, e, v) {
            return Some(np);
        }
        if self.is_modifier_object(s, e, v) {
            return None;
        }
        Some((s, e))
    }

    /// "a staffer in the room said", "another aide familiar with the talks said": when
    /// the noun phrase starting at `s` before verb `v` follows a preposition (with
    /// "familiar"/"close" before it) that follows a person or role noun, the subject is
    /// that noun with its determiner and the phrase after it.
    fn pp_modified_subject(&self, s: usize, e: usize, v: usize) -> Option<(usize, usize)> {
        let p = s.checked_sub(1)?;
        let o = if p > 0 && matches!(self.w(p - 1), "familiar" | "close") {
            p - 1
        } else {
            p
        };
        if !self.opens_noun_pp(o) {
            return None;
        }
        let h = o.checked_sub(1)?;
        if !self.same_sent(h, v)
            || self.in_quote[h].is_some()
            || self.modified_head(h, o) != Some(h)
        {
            return None;
        }
        let (mut a, _) = self.np_before(v, h)?;
        if a > 0 && self.same_sent(a - 1, v) && matches!(self.lw(a - 1), "another" | "one") {
            a -= 1;
        }
        let opens = DETS.contains(&self.lw(a)) || matches!(self.lw(a), "another" | "one");
        (opens
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_PP_MODIFIED_SUBJECT,
                self.span_of(a, e),
            ))
        .then_some((a, e))
    }

    /// "A new survey charting debt among rural farmers has found …": the noun phrase
    /// `s..=e` before verb `v` is the object of a preposition inside a participial or
    /// relative modifier of an earlier noun, so it is not the verb's subject (the
    /// subject's head is the noun before the modifier; `source_subject` finds it).
    pub fn is_modifier_object(&self, s: usize, e: usize, v: usize) -> bool {
        let head = self.w(e);
        let common_head =
            !is_capitalized(head) && (LEX.is_group_head(head) || LEX.is_role_noun(head));
        if s == 0 || !common_head || self.mention[e].is_some() {
            return false;
        }
        let p = s - 1;
        if !self.same_sent(p, v) || !self.is_word(p) || !MODIFIER_PREPS.contains(&self.lw(p)) {
            return false;
        }
        let (ss, _) = self.sents[self.sent[v]];
        let modifier = (ss.max(p.saturating_sub(10))..p).rev().find(|&j| {
            !self.is_word(j)
                || self.in_quote[j].is_some()
                || j > ss && !is_capitalized(self.w(j)) && is_participle_or_relative(self.lw(j))
        });
        modifier.is_some_and(|j| {
            self.is_word(j)
                && self.in_quote[j].is_none()
                && crate::analyze::rules::fire(
                    crate::analyze::rules::QUOTES_SUBJECT_BEFORE_MODIFIER,
                    self.span_of(s, e),
                )
        })
    }

    /// Steps back from `j` over auxiliaries and adverbs in the sentence of `v`.
    fn skip_aux_back(&self, mut j: usize, v: usize) -> usize {
        while j > 0
            && self.same_sent(j - 1, v)
            && self.is_aux_or_adverb(j - 1)
            && self.in_quote[j - 1].is_none()
        {
            j -= 1;
        }
        j
    }

    /// The token after the subject of verb `v` (`k`: the subject ends at `k - 1`), past
    /// auxiliaries, a parenthetical adverb and a bracketed acronym.
    pub fn subject_end(&self, v: usize) -> Option<usize> {
        let mut k = self.skip_aux_back(v, v);
        if k == 0 || !self.same_sent(k - 1, v) {
            return None;
        }
        // "Roe, the party's chair, last week announced": skip a time phrase.
        if let Some(t) = self.time_phrase_before(k, v) {
            k = self.skip_aux_back(t, v);
            if k == 0 {
                return None;
            }
        }
        // "Nasdaq, meanwhile, says": skip a parenthetical adverb.
        if k >= 3 && self.w(k - 1) == "," && self.w(k - 3) == "," && self.is_aux_or_adverb(k - 2) {
            k = self.skip_aux_back(k - 3, v);
            if k == 0 {
                return None;
            }
        }
        // "The World Health Organisation (WHO) recommends": skip the bracketed acronym.
        if k >= 4 && self.w(k - 1) == ")" && self.w(k - 3) == "(" {
            k -= 3;
        } else if let Some(open) = self.short_bracket_before(k - 1)
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_BRACKET_TAG,
                self.span_of(open, k - 1),
            )
        {
            // "Sen. Mike Lee (R-Utah) said": skip a party–state tag or other short aside.
            k = open;
        }
        Some(k)
    }

    /// The first token of a time phrase ending right before `k` in the sentence of `v`
    /// ("last week", "this past week", "on Monday", "a month later"), after a word.
    fn time_phrase_before(&self, k: usize, v: usize) -> Option<usize> {
        let e = k.checked_sub(1)?;
        let noun = |j: usize| {
            let w = self.lw(j);
            super::told::TIME_NOUNS.contains(&w.trim_end_matches('s'))
        };
        // Not before a participle ("a campaign on Wednesday asking …"), not "Super Tuesday".
        if self.lw(v).ends_with("ing") {
            return None;
        }
        let t = if crate::lexicon::is_weekday(self.w(e)) {
            if e > 0 && self.lw(e - 1) == "on" {
                e - 1
            } else if e > 0 && is_capitalized(self.w(e - 1)) {
                return None;
            } else {
                e
            }
        } else if e >= 1 && noun(e) && matches!(self.lw(e - 1), "last" | "this" | "next" | "past") {
            if e >= 2 && self.lw(e - 1) == "past" && self.lw(e - 2) == "this" {
                e - 2
            } else {
                e - 1
            }
        } else if e >= 2
            && self.lw(e) == "later"
            && noun(e - 1)
            && matches!(self.lw(e - 2), "a" | "one" | "two" | "three")
        {
            e - 2
        } else {
            return None;
        };
        // "late last week": the modifier goes with the phrase.
        let t = if t > 0 && matches!(self.lw(t - 1), "late" | "early") {
            t - 1
        } else {
            t
        };
        let ok = t > 0
            && self.same_sent(t - 1, v)
            && (t..=e).all(|j| self.in_quote[j].is_none())
            && (self.is_word(t - 1) || self.w(t - 1) == ",")
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_TIME_BEFORE_VERB,
                self.span_of(t, e),
            );
        ok.then_some(t)
    }

    /// The "(" of a short bracket (at most six tokens inside, no quote, same sentence)
    /// closing at token `close`, when a word stands before it.
    fn short_bracket_before(&self, close: usize) -> Option<usize> {
        if self.w(close) != ")" || self.in_quote[close].is_some() {
            return None;
        }
        let open = (close.saturating_sub(8)..close)
            .rev()
            .find(|&j| matches!(self.w(j), "(" | ")"))?;
        let ok = self.w(open) == "("
            && open >= 1
            && self.same_sent(open - 1, close)
            && self.is_word(open - 1)
            && (open..=close).all(|j| self.in_quote[j].is_none());
        ok.then_some(open)
    }

    /// "X stated that … and believed …": the person (or a pronoun) opening the sentence
    /// of `v`, looked for before `k`.
    fn coordinated_subject(&self, v: usize, k: usize) -> Option<(usize, usize)> {
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
        // "The State Department has deemed … and says it …": a group or organization
        // opening the sentence.
        let (a, b) = self.group_subject(self.sent[v])?;
        (b + 1 < k
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_COORDINATED_GROUP,
                self.span_of(a, b),
            ))
        .then_some((a, b))
    }

    /// "Lark, who said the ferry would stay, added that …": the person before a relative
    /// clause set off by commas that ends with the comma at `k - 1`.
    fn relative_clause_owner(&self, v: usize, k: usize) -> Option<(usize, usize)> {
        let mut j = k.checked_sub(2)?;
        while j >= 3 && self.same_sent(j, v) && self.in_quote[j].is_none() {
            if matches!(self.lw(j), "who" | "whom") && self.w(j - 1) == "," {
                let p = self.mention[j - 2]?;
                return Some((self.mention_start(j - 2, p), j - 2));
            }
            j -= 1;
        }
        None
    }

    /// "Wu Xinbo, director of ..., said": the nearest person before the appositive that
    /// ends with the comma at `k - 1`.
    fn appositive_subject(&self, v: usize, k: usize) -> Option<(usize, usize)> {
        let mut j = k - 1;
        let floor = v.saturating_sub(30);
        // "The official, who spoke on the condition of anonymity, said": used when no person is found.
        let mut relative = None;
        while j > floor && self.same_sent(j - 1, v) {
            j -= 1;
            if self.in_quote[j].is_some() {
                break;
            }
            if self.is_speech_word(j)
                && !is_capitalized(self.w(j))
                && !self.speech_word_in_description(j)
            {
                break;
            }
            if let Some(p) = self.mention[j] {
                return Some((self.mention_start(j, p), j));
            }
            if relative.is_none() {
                relative = self.relative_antecedent(v, j);
            }
        }
        relative
    }

    /// The noun phrase ending at token `e`, right before verb `v`: a pronoun, or
    /// capitalised words, nouns, possessives and "of"/"for" phrases back to a determiner.
    pub fn np_before(&self, v: usize, e: usize) -> Option<(usize, usize)> {
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
                    if DETS.contains(&lw) || POSSESSIVE_DETS.contains(&lw) {
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
        a = self.after_participial_opener(a, k);
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
            // "Secretary of State Jane Roe" / "former secretary of state Jane Roe": "of"
            // inside a title, after a capitalised word or a role noun.
            let title_of = lw == "of"
                && j > a
                && (is_capitalized(self.w(j - 1)) && is_capitalized(self.w(j + 1))
                    || LEX.is_role_noun(self.lw(j - 1)) && self.is_word(j + 1));
            if !self.is_word(j) || (is_function_word(lw) && !DETS.contains(&lw) && !title_of) {
                return None;
            }
            if LEX.speech_verb(lw).is_some() && !(j > a && self.lw(j - 1) == "of") {
                return None;
            }
        }
        None
    }

    /// "Speaking at a rally in Ames, Roe …" / "Asked about the vote, Roe …": a sentence
    /// opening at `a` with a participle phrase closed by a comma before `k` has its
    /// subject after that comma; otherwise `a`.
    fn after_participial_opener(&self, a: usize, k: usize) -> usize {
        let lw = self.lw(a);
        let participle = is_capitalized(self.w(a))
            && self.mention[a].is_none()
            && lw.chars().count() > 4
            && (lw.ends_with("ing") || lw.ends_with("ed"));
        if !participle {
            return self.after_adverbial_opener(a, k);
        }
        // The comma before the subject: the first one followed by a person, a pronoun or
        // a determiner ("Speaking in Salem, Ohio, Roe …" skips the place's comma).
        let end = (a + 1..k.min(a + 20))
            .find(|&j| self.in_quote[j].is_some())
            .unwrap_or(k.min(a + 20));
        let commas: Vec<usize> = (a + 1..end)
            .filter(|&j| self.w(j) == "," && j + 1 < k && self.is_word(j + 1))
            .collect();
        let Some(&c) = commas
            .iter()
            .find(|&&j| {
                self.mention[j + 1].is_some()
                    || self.is_pronoun(j + 1)
                    || DETS.contains(&self.lw(j + 1))
            })
            .or(commas.first())
        else {
            return a;
        };
        let span = self.span_of(a, c);
        if crate::analyze::rules::fire(crate::analyze::rules::QUOTES_PARTICIPIAL_OPENER, span) {
            c + 1
        } else {
            a
        }
    }

    /// "Hours later, Roe …" / "Back in 1999, Roe …" / "Throughout the race, she …": an
    /// opening phrase with no person in it, closed by a comma right before a person or a
    /// pronoun, is not the subject; the subject starts after the comma.
    fn after_adverbial_opener(&self, a: usize, k: usize) -> usize {
        let Some(c) =
            (a + 1..k.min(a + 12)).find(|&j| !self.is_word(j) || self.in_quote[j].is_some())
        else {
            return a;
        };
        let subject_next = c + 1 < k
            && (self.mention[c + 1].is_some() || matches!(self.lw(c + 1), "he" | "she" | "they"));
        let plain =
            (a..c).all(|j| self.mention[j].is_none() && LEX.speech_verb(self.lw(j)).is_none());
        if self.w(c) != "," || self.in_quote[c].is_some() || !subject_next || !plain {
            return a;
        }
        let span = self.span_of(a, c);
        if crate::analyze::rules::fire(crate::analyze::rules::QUOTES_PARTICIPIAL_OPENER, span) {
            c + 1
        } else {
            a
        }
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
                TokKind::Punct => lw == "&" || self.slash_joins_names(e),
                TokKind::Word => {
                    if DETS.contains(&lw)
                        || e > k && POSSESSIVE_DETS.contains(&lw) && self.in_noun_pp(k, e - 1)
                    {
                        e == k
                            || PP_IN_NP.contains(&self.lw(e - 1))
                            || self.in_noun_pp(k, e - 1)
                            || e >= k + 2 && self.lw(e - 1) == "to" && self.role_takes_to(e - 2)
                    } else if e == k
                        && matches!(
                            lw,
                            "some" | "other" | "many" | "most" | "several" | "both" | "all"
                        )
                        || e > k && self.in_noun_pp(k, e)
                    {
                        true
                    } else if PP_IN_NP.contains(&lw) {
                        e > k
                    } else if lw == "to" {
                        e > k && self.role_takes_to(e - 1)
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
        while end > k
            && (PP_IN_NP.contains(&self.lw(end))
                || DETS.contains(&self.lw(end))
                || self.lw(end) == "to"
                || self.in_noun_pp(k, end))
        {
            end -= 1;
        }
        // A name is followed by an appositive: stop at the name.
        Some((k, end))
    }

    /// Whether token `j` of a speaker phrase starting at `k` is the opener of a phrase
    /// describing the noun before it ("familiar", "close" or their preposition, or "in"/
    /// "with" after a person noun): "said one aide familiar with the talks".
    fn in_noun_pp(&self, k: usize, j: usize) -> bool {
        let opener = |o: usize| {
            o > k && self.opens_noun_pp(o) && self.modified_head(k, o).is_some_and(|h| h + 1 == o)
        };
        opener(j) || j > k + 1 && matches!(self.w(j - 1), "familiar" | "close") && opener(j - 1)
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

    /// The group or organization opening sentence `si` ([`Self::sentence_subject`]),
    /// unless it is a lone capitalised opener ("Publicly, …", "Asked about …",
    /// "Following …").
    fn group_subject(&self, si: usize) -> Option<(usize, usize)> {
        let (a, b) = self.sentence_subject(si)?;
        let lw = self.lw(a);
        let opener = a == b
            && (self.w(b + 1) == ","
                || lw.ends_with("ly")
                || lw.ends_with("ing")
                || lw.ends_with("ed"));
        (!opener).then_some((a, b))
    }

    /// "…, saying (that) …": a participle after a comma reports the words of the person
    /// opening the sentence.
    ///
    /// When the words before the comma are themselves an attribution ("“…,” she said,
    /// adding that …", "X told CBS on Sunday, saying …"), its speaker speaks on; when
    /// the sentence opens with a group or organization ("The departments declined to
    /// comment, saying …"), that group does.
    pub fn gerund_subject(&self, v: usize) -> Option<(usize, usize)> {
        let verb = LEX.speech_verb(self.w(v))?;
        if !verb.gerund {
            return None;
        }
        if !self.after_break(v) {
            return self.prep_participle_subject(v);
        }
        let span = |(s, e): (usize, usize)| self.span_of(s, e);
        // "<clause>, Roe said, adding …": the attribution right before the participle
        // speaks on, even when the clause before it opens with someone else's name.
        if let Some(hit) = self.attribution_before(v) {
            return crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_PARTICIPLE_AFTER_ATTRIBUTION,
                span(hit),
            )
            .then_some(hit);
        }
        if self.after_comma(v)
            && let Some(hit) = self.opening_subject(v)
        {
            return Some(hit);
        }
        let si = *self.sent.get(v)?;
        let (a, b) = self.group_subject(si)?;
        (b < v
            && self.in_quote[a].is_none()
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_PARTICIPLE_SENTENCE_SUBJECT,
                span((a, b)),
            ))
        .then_some((a, b))
    }

    /// A comma (also one closing a quotation, ",”") or a dash right before `v`.
    pub fn after_break(&self, v: usize) -> bool {
        if v == 0 {
            return false;
        }
        let p = self.w(v - 1);
        matches!(p, "," | "–" | "—" | "--")
            || v >= 2 && self.is_mark(v - 1) && self.w(v - 2) == "," && self.in_quote[v].is_none()
    }

    /// The speaker phrase of an attribution ending right before the comma in front of
    /// the participle at `v`: "“…,” she said, adding …" (the subject of "said"), "…,
    /// said Jane Roe, adding …" (the name after it), "X told CBS on Sunday, saying …".
    fn attribution_before(&self, v: usize) -> Option<(usize, usize)> {
        let comma = v - 1;
        let floor = comma.saturating_sub(12);
        let verb = (floor..comma).rev().find(|&j| {
            self.in_quote[j].is_some()
                || self.is_word(j)
                    && LEX
                        .speech_verb(self.w(j))
                        .is_some_and(|sv| !sv.gerund && !is_capitalized(self.w(j)))
                    && !self.after_determiner(j)
        })?;
        if self.in_quote[verb].is_some() || !self.same_sent(verb, v) {
            return None;
        }
        // "Jane Roe, a Cole supporter, praised Kim Lee, calling …": a comma closing an
        // appositive of a person before the verb leaves that person the subject, and the
        // name after the verb its object.
        if verb >= 1
            && self.w(verb - 1) == ","
            && let Some((s, e)) = self.speaker_subject(verb)
            && self.mention[s].is_some()
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_PARTICIPLE_APPOSITIVE_SUBJECT,
                self.span_of(s, e),
            )
        {
            return Some((s, e));
        }
        // "…, said Jane Roe, adding": the speaker follows the verb.
        if verb >= 1
            && (self.w(verb - 1) == "," || self.is_mark(verb - 1))
            && let Some((s, e)) = self.np_after(verb + 1).filter(|&(_, e)| e < comma)
            && !self.is_word(e + 1)
        {
            let e = self.trim_name_np(s, e);
            return Some((s, e));
        }
        self.subject_of(verb)
    }

    /// The word at `j` follows a determiner or a possessive, even across one capitalised
    /// modifier ("a Twitter comment", "her statement"; not "the mayor said"): a noun,
    /// not a speech verb.
    fn after_determiner(&self, j: usize) -> bool {
        let det = |i: usize| {
            matches!(
                self.lw(i),
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
            )
        };
        j >= 1 && det(j - 1)
            || j >= 2
                && det(j - 2)
                && is_capitalized(self.w(j - 1))
                && self.mention[j - 1].is_none()
                && !LEX.is_role_noun(self.lw(j - 1))
    }

    pub fn after_comma(&self, v: usize) -> bool {
        v > 0 && self.w(v - 1) == ","
    }

    /// After "said", keep a titled name and drop what follows it ("said Wu Xinbo, director…"
    /// is cut by the comma already; "said Mr. Downer in an interview" by the preposition).
    pub fn trim_name_np(&self, s: usize, e: usize) -> usize {
        // "a person close to Cole": the name is inside the phrase describing the head.
        if self.modified_head(s, e).is_some() {
            return e;
        }
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
}
