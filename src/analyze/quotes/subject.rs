//! The last resort for a quote inside a sentence that no attribution pattern read: the
//! sentence's own subject said it ("Will described the plan as a “caricature”", "One
//! aide inside the campaign tried to play it down, calling the remarks “no big deal”",
//! "Critics are crying “fraud”"). The subject may be a person, a pronoun, or a
//! description kept in the article's words ("a senior administration official").

use super::attribution::Found;
use super::context::{Ctx, DETS};
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::{LEX, is_function_word};
use crate::analyze::people::tokens::{TokKind, is_capitalized};

/// Words that may open a sentence before its subject and are skipped ("But Roe said").
const LEAD_CONJUNCTIONS: &[&str] = &["but", "and", "so", "yet", "still", "then", "now"];

/// Words between the subject and the quote that hand the quote to someone else: a
/// relative clause or a new clause with its own subject.
const HAND_OFF: &[&str] = &[
    "who", "whom", "whose", "which", "where", "while", "whereas", ";",
];

/// Quantifiers that open a subject like a determiner ("Several pilots are …").
const QUANTIFIERS: &[&str] = &[
    "some", "several", "many", "most", "both", "all", "other", "few",
];

/// Auxiliaries that may follow a subject as its verb ("Critics are crying …").
const AUX_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "should", "must", "did", "does", "do",
];

impl Ctx<'_> {
    /// The subject of the sentence the quote `si` sits in, when the quote does not open
    /// that sentence and the subject is followed by its verb before the quote.
    pub fn subject_attribution(&mut self, si: usize, log: &[Said]) -> Option<Found> {
        let o = self.open_tok(si);
        let (ss, se) = *self.sents.get(*self.sent.get(o)?)?;
        let k = self.subject_start(ss, o)?;
        let (s, e, v) = self.subject_and_verb(k, o)?;
        // "It is noted that …": an expletive "it" is nobody.
        if s == e && self.lw(s) == "it" && matches!(self.lw(v), "is" | "was" | "has") {
            return None;
        }
        if self.negated(v) || self.handed_off(e, v, o, se) {
            return None;
        }
        let speaker = self.classify(s, e, log)?;
        Some(Found {
            speaker,
            cue: Some(v),
        })
    }

    /// Whether the quote at `o` belongs to someone else than the subject ending at `e`, with verb
    /// `v`: a relative or new clause between, another person acting between, or an attribution after the quote in its sentence (ending `se`).
    fn handed_off(&self, e: usize, v: usize, o: usize, se: usize) -> bool {
        let subject = self.mention[e];
        for j in v + 1..o {
            if self.in_quote[j].is_some() {
                continue;
            }
            if HAND_OFF.contains(&self.lw(j)) {
                return true;
            }
            // "… are said to be in a “critical condition”": a passive report has no speaker.
            if j > v
                && matches!(
                    self.lw(j - 1),
                    "is" | "are" | "was" | "were" | "be" | "been"
                )
                && self.is_word(j)
                && !self.lw(j).ends_with("ing")
                && LEX.speech_verb(self.w(j)).is_some()
            {
                return true;
            }
            if let Some(p) = self.mention[j]
                && Some(p) != subject
                && self.mention.get(j + 1).copied().flatten() != Some(p)
                && self.is_verb_like(j + 1)
            {
                return true;
            }
        }
        // "…," said X / "…" X said later in the sentence: that attribution was not read.
        let after = self.close_tok(self.in_quote[o].unwrap_or(0)).unwrap_or(o);
        (after + 1..=se.min(after + 12))
            .any(|j| self.in_quote[j].is_none() && self.is_word(j) && self.speech_verb_word(j))
            || self.closing_said(after, se).is_some()
    }

    /// "Workers are more “hopeful” about the ferry than last year, Lark said.": the
    /// sentence (tokens up to `se`) ends, after the quote closing at `after`, in ", X
    /// said" — X, not the sentence's subject, said the words. Returns the verb.
    fn closing_said(&self, after: usize, se: usize) -> Option<usize> {
        let v = (after + 1..=se).rev().find(|&j| self.is_word(j))?;
        (self.in_quote[v].is_none()
            && matches!(self.lw(v), "said" | "says")
            && (v.saturating_sub(6).max(after + 1)..v).any(|j| self.w(j) == ","))
        .then_some(v)
    }

    /// The speaker of ", X said" closing the sentence of quote `si` (see
    /// [`Self::closing_said`]): X, when a comma opens X's phrase after the quote.
    pub fn closing_attribution(&mut self, si: usize, log: &[Said]) -> Option<Found> {
        let o = self.open_tok(si);
        let (_, se) = *self.sents.get(*self.sent.get(o)?)?;
        // "the ''Leave'' movement": one capitalised word names something.
        let inner = self.segs[si].inner.of(self.text);
        if self.word_count(si) < 2 && inner.starts_with(char::is_uppercase) {
            return None;
        }
        let after = self.close_tok(si)?;
        let Some(v) = self.closing_said(after, se) else {
            return self.closing_said_inverted(after, se, log);
        };
        let (s, e) = self.speaker_subject(v)?;
        if s <= after + 1 || self.w(s - 1) != "," || self.negated(v) {
            return None;
        }
        let speaker = self.classify(s, e, log)?;
        Some(Found {
            speaker,
            cue: Some(v),
        })
    }

    /// "The board used “soft words” with the crews, said Ilse Varga, an expert.": the
    /// first ", said X" after the quote closing at `after`, in its sentence (ending `se`).
    fn closing_said_inverted(&mut self, after: usize, se: usize, log: &[Said]) -> Option<Found> {
        let c = (after + 1..se).find(|&j| self.in_quote[j].is_some() || self.w(j) == ",")?;
        let v = c + 1;
        if self.in_quote[c].is_some() || !matches!(self.lw(v), "said" | "says") {
            return None;
        }
        let (s, e) = self.np_after(v + 1)?;
        let e = self.speaker_name_end(s, e);
        let speaker = self.classify(s, e, log)?;
        Some(Found {
            speaker,
            cue: Some(v),
        })
    }

    /// The first token of the subject: the sentence's first word, past a leading
    /// conjunction or an opening phrase closed by a comma ("On Tuesday, …").
    fn subject_start(&self, ss: usize, o: usize) -> Option<usize> {
        let mut k = ss;
        while k < o && !self.is_word(k) && self.in_quote[k].is_none() {
            k += 1;
        }
        if k >= o || self.in_quote[k].is_some() {
            return None;
        }
        // "But Roe …" skips the conjunction; "So far 12 passengers …" opens a phrase.
        let next = self.lw(k + 1);
        if LEAD_CONJUNCTIONS.contains(&self.lw(k))
            && (is_capitalized(self.w(k + 1))
                || DETS.contains(&next)
                || QUANTIFIERS.contains(&next)
                || self.is_pronoun(k + 1))
        {
            k += 1;
        }
        let opener = is_function_word(self.lw(k))
            && !self.is_pronoun(k)
            && !DETS.contains(&self.lw(k))
            && !QUANTIFIERS.contains(&self.lw(k))
            && self.mention[k].is_none();
        if opener {
            let comma = (k..(k + 10).min(o)).find(|&j| self.w(j) == ",")?;
            k = comma + 1;
        }
        (k < o && self.is_word(k) && self.in_quote[k].is_none()).then_some(k)
    }

    /// The subject noun phrase starting at `k` and its verb, before the quote at `o`: a
    /// pronoun, or a run of names, determiners, modifiers and nouns whose last word is a
    /// name, a role or a group noun, followed (past an appositive set off by commas,
    /// auxiliaries and adverbs) by a verb.
    fn subject_and_verb(&self, k: usize, o: usize) -> Option<(usize, usize, usize)> {
        let mut head = None;
        let mut j = k;
        if self.is_pronoun(k) {
            head = Some(k);
        } else {
            while j < o && j < k + 10 {
                let lw = self.lw(j);
                let t = self.toks[j];
                let nounish = self.mention[j].is_some()
                    || t.kind == TokKind::Word
                        && (is_capitalized(self.w(j)) && !is_function_word(lw)
                            || self.plural_noun_before_verb(j)
                            || LEX.is_role_noun(lw)
                            || LEX.is_group_head(lw));
                if nounish {
                    head = Some(j);
                } else if t.kind == TokKind::Possessive
                    || matches!(lw, "&" | "-" | "of" | "for")
                    || j == k && (DETS.contains(&lw) || QUANTIFIERS.contains(&lw))
                    || matches!(lw, "’" | "'") && j > k && self.lw(j - 1).ends_with('s')
                    || t.kind == TokKind::Word
                        && !is_function_word(lw)
                        && (head.is_none() || !self.is_verb_like(j))
                {
                    // part of the phrase: a possessive, a preposition into a name, a
                    // determiner, a modifier.
                } else {
                    break;
                }
                j += 1;
            }
        }
        let mut e = head?;
        let mut v = e + 1;
        if let Some(pe) = self.noun_pp_end(e, v, o) {
            // "a staffer in the room wondered": the phrase after the noun is its own.
            e = pe;
            v = pe + 1;
        } else if self.w(v) == "," && self.mention[e].is_some() {
            // "Roe, a former aide, …": skip the appositive to its closing comma.
            v = (v + 1..(v + 16).min(o)).find(|&i| self.w(i) == ",")? + 1;
        }
        while v < o && self.is_aux_or_adverb(v) && !AUX_VERBS.contains(&self.lw(v)) {
            v += 1;
        }
        let content_word = self.is_word(v)
            && !is_capitalized(self.w(v))
            && !is_function_word(self.lw(v))
            && !LEX.is_role_noun(self.lw(v))
            && !LEX.is_group_head(self.lw(v));
        (v < o && (content_word || self.is_verb_like(v))).then_some((k, e, v))
    }

    /// "a staffer in the room wondered": when a lower-case person or role noun `e` is
    /// followed at `p` by a phrase describing it ("in …", "familiar with …"), the last
    /// token of that phrase (before the first verb-like word, within six tokens and
    /// before `o`).
    fn noun_pp_end(&self, e: usize, p: usize, o: usize) -> Option<usize> {
        if !self.opens_noun_pp(p) || self.modified_head(e, p) != Some(e) {
            return None;
        }
        let from = if super::phrases::is_noun_modifier_prep(self.w(p)) {
            p + 1
        } else {
            p + 2
        };
        let v = (from..(from + 6).min(o)).find(|&j| !self.is_word(j) || self.is_verb_like(j))?;
        let ok = v > from
            && self.is_verb_like(v)
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_PP_MODIFIED_SUBJECT,
                self.span_of(e, v - 1),
            );
        ok.then_some(v - 1)
    }

    /// A word in "-s" right before an auxiliary or a verb in "-ed" is a plural noun
    /// ("harbour pilots are", "pilots warned").
    fn plural_noun_before_verb(&self, j: usize) -> bool {
        let lw = self.lw(j);
        let next = self.lw(j + 1);
        lw.ends_with('s')
            && !lw.ends_with("ss")
            && !is_function_word(lw)
            && self.is_word(j + 1)
            && (AUX_VERBS.contains(&next)
                || next.ends_with("ed")
                || LEX.speech_verb(next).is_some())
    }

    /// A lower-case word that can be a finite verb: an auxiliary, a speech verb, or a
    /// word in "-ed" or "-s" (not a role or group noun).
    fn is_verb_like(&self, j: usize) -> bool {
        if !self.is_word(j) || self.in_quote[j].is_some() || is_capitalized(self.w(j)) {
            return false;
        }
        let lw = self.lw(j);
        if AUX_VERBS.contains(&lw) || LEX.speech_verb(lw).is_some() {
            return true;
        }
        !is_function_word(lw)
            && !LEX.is_role_noun(lw)
            && !LEX.is_group_head(lw)
            && (lw.ends_with("ed") || lw.ends_with('s') && !lw.ends_with("ss"))
    }

    /// "“…,” an angry Roe retorted." / "“…!” beamed Jane Roe.": a quote closing on a
    /// comma, "?" or "!" and followed in its paragraph by a subject and any verb, or by a
    /// verb and its subject — the attribution, whatever the verb.
    pub fn after_any_verb(&mut self, si: usize, log: &[Said]) -> Option<Found> {
        if self.names_a_work(si) {
            return None;
        }
        // Only a quote opening its sentence: a phrase quoted inside a clause ("…
        // defended “New York values,” saying the city …") is that clause's.
        let o = self.open_tok(si);
        if self.sents[self.sent[o]].0 != o && !(o > 0 && self.w(o - 1) == ":") {
            return None;
        }
        let c = self.close_tok(si)?;
        // The text up to the closing mark: the quote's own span leaves out the comma
        // that closes it ("“It is late,” Roe sighed").
        let inner = self.text[self.segs[si].inner.start..self.segs[si].close?]
            .trim_end()
            .trim_end_matches(['’', '\'', '›']);
        let mut k = c + 1;
        if self.w(k) == "," {
            k += 1;
        } else if !inner.ends_with([',', '?', '!']) {
            return None;
        }
        if k >= self.toks.len() || self.para[k] != self.para[c] || self.in_quote[k].is_some() {
            return None;
        }
        let (_, se) = self.sents[self.sent[k]];
        let limit = (se + 1).min(k + 20);
        // Verb first: "beamed Jane Roe", "shot back the mayor".
        let mut v = k;
        if self.is_verb_like(v) || self.lw(v).ends_with("ed") && !is_capitalized(self.w(v)) {
            if matches!(self.lw(v + 1), "back" | "out" | "up") {
                v += 1;
            }
            if let Some((s, e)) = self.np_after(v + 1) {
                let e = self.trim_name_np(s, e);
                let first = self.lw(s);
                let np_like =
                    is_capitalized(self.w(s)) || DETS.contains(&first) || self.mention[s].is_some();
                if np_like && !self.is_pronoun(s) {
                    let speaker = self
                        .classify(s, e, log)
                        .or_else(|| self.descriptive(s, e))?;
                    return Some(Found {
                        speaker,
                        cue: Some(k),
                    });
                }
            }
            return None;
        }
        // Subject first: "an angry Roe retorted", "one user commented".
        let (s, e, v) = self.subject_and_verb(k, limit)?;
        if self.negated(v) {
            return None;
        }
        let speaker = self
            .classify(s, e, log)
            .or_else(|| self.descriptive(s, e))?;
        Some(Found {
            speaker,
            cue: Some(v),
        })
    }

    /// A speaker described rather than named ("a young woman", "one user", "the
    /// congressional report"), kept in the article's words: a short phrase opening with a
    /// determiner or quantifier and ending in a noun.
    pub fn descriptive(&self, s: usize, e: usize) -> Option<Speaker> {
        let first = self.lw(s);
        let opens = DETS.contains(&first) || QUANTIFIERS.contains(&first) || first == "one";
        let ends = self.is_word(e) && !is_function_word(self.lw(e)) && !is_capitalized(self.w(e));
        (opens && ends && e > s && e - s < 8)
            .then(|| Speaker::Group(crate::text::case::capitalize(self.slice(s, e))))
    }
}
