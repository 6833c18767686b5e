//! Indirect (reported) statements: speaker + speech verb + (that-)clause ("Roe said the
//! plan failed", "X told Reuters that …"), inversions with the attribution after or
//! inside the clause ("…, researchers say." / "…, said General Roe." / "In May, Roe
//! said, the plan failed."), "according to X", and the clause that goes on after an
//! attribution set inside a sentence.

use super::attribution::Found;
use super::context::Ctx;
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::{LEX, SpeechVerb, VerbClass, is_function_word};
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};
use crate::model::RuleId;

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
/// Speech-verb lemmas that never introduce a reported clause here.
pub(super) const NO_CLAUSE_LEMMAS: &[&str] = &[
    "call", "describe", "defend", "think", "hope", "fear", "answer", "post", "project", "point",
];
/// Objects of "told"/"asked" before the clause ("told reporters the plan …"), and the
/// listeners of an attribution set inside its sentence ("…, Roe told reporters, …").
pub(super) const TOLD_OBJECTS: &[&str] = &[
    "him",
    "her",
    "them",
    "me",
    "us",
    "reporters",
    "journalists",
    "officials",
    "supporters",
];
/// Day words after a speech verb ("said Friday …", "said today …"): the weekday names of
/// the shared lexicon and the days relative to now.
fn is_day_word(w: &str) -> bool {
    crate::lexicon::is_weekday(w) || matches!(w, "today" | "yesterday" | "tonight")
}
/// Words that open an adverbial, not a statement, at the start of a sentence.
const OPENERS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "as", "though", "although", "while", "when",
    "if", "since", "besides", "because", "with", "by", "for", "from", "to", "until", "unless",
];
/// First words of an opening phrase that sets the scene of a quote rather than saying
/// something ("In a statement, X said, “…”", "Later, X wrote, “…”").
const SETTING_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "with",
    "by",
    "for",
    "from",
    "to",
    "over",
    "under",
    "through",
    "via",
    "within",
    "without",
    "across",
    "later",
    "earlier",
    "asked",
    "according",
    "less",
    "more",
    "then",
    "now",
    "speaking",
    "quite",
    "shortly",
    "soon",
];
/// Quantifiers that open an inverted subject before its noun ("…, many economists say").
const INVERSION_QUANTIFIERS: &[&str] = &["many", "some", "most", "several", "few", "other"];
/// Words before a speech verb inside a statement that make it no new attribution ("they
/// have been asked to …", "wants to say …").
pub(super) const PASSIVE_OR_INFINITIVE: &[&str] =
    &["to", "be", "been", "being", "was", "were", "is", "are"];
const COPULAS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "to", "that", "not",
];

impl Ctx<'_> {
    /// Applies rule `id` to the statement over tokens `a..=b` (see `analyze::rules`).
    pub(super) fn tag(&self, id: RuleId, a: usize, b: usize) -> bool {
        fire(id, self.span_of(a, b))
    }

    /// Indirect statement cued by the verb at `v`: returns the speaker and the reported
    /// clause as a token range.
    pub fn indirect_at(&mut self, v: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        let verb = LEX.speech_verb(self.w(v))?;
        if self.cue_is_noun(v) {
            return None;
        }
        let lemma = LEX.lemma(verb).to_string();
        if is_capitalized(self.w(v)) && verb.class == VerbClass::Clause && !verb.gerund {
            return self.headline_statement(v, log);
        }
        if verb.gerund && !self.is_clause_cue(v, &lemma) {
            return self
                .progressive_statement(v, log)
                .or_else(|| self.opening_participle(v, log));
        }
        if let Some(hit) = self.medium_participle(v, log) {
            return Some(hit);
        }
        if !self.is_clause_cue(v, &lemma)
            && (NO_CLAUSE_LEMMAS.contains(&lemma.as_str()) || self.infinitive_governor(v).is_none())
        {
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
        // "…, his campaign announced Saturday.": a day word before the end changes nothing.
        let mut n = v + 1;
        while n <= sent_end && is_day_word(self.lw(n)) {
            n += 1;
        }
        // "…, the senator told Politico." / "…, a spokesman told reporters Monday.": the
        // object of "tell" ends the sentence.
        if lemma == "tell"
            && let Some(after) = self.told_object_end(n, sent_end)
            && (after > sent_end || matches!(self.w(after), "." | ";"))
            && self.tag(rules::QUOTES_INDIRECT_X_TOLD_Y, v, after.min(sent_end))
        {
            return self.inversion(v, log);
        }
        let next = self.w(n);
        // "Lee says, however, that …": an aside between commas, then "that".
        let aside = (n == v + 1 && next == ",")
            .then(|| self.aside_then_that(n, sent_end))
            .flatten();
        if aside.is_none()
            && (n > sent_end
                || matches!(next, "." | "," | ";") && !(next == "," && self.is_mark(n + 1)))
        {
            return self.inversion(v, log).or_else(|| self.as_noted(v, log));
        }
        // Forward: verb (object) (that) clause.
        let Some(c) = aside.or_else(|| self.clause_start(v, &lemma, sent_end)) else {
            // "<clause>, Roe said in a statement.": an inversion with a trailing phrase.
            if !self.ends_in_short_phrase(v, sent_end) {
                return self.aside_inversion(v, n, &lemma, sent_end, log);
            }
            return self.inversion(v, log).filter(|(_, cs, ce)| {
                !OPENERS.contains(&self.lw(*cs))
                    && self.tag(rules::QUOTES_INDIRECT_X_SAID_PHRASE, *cs, *ce)
            });
        };
        let (c, end) = self
            .clause_extent(c, sent_end)
            .or_else(|| self.short_answer(v, &lemma, c, sent_end))?;
        let end = self.relative_clause_end(v, c, end);
        let sp = self.clause_speaker(v, verb, c, log)?;
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

    /// "While prices rose, he said, “the plan held.”": the verb at `v` introduced the
    /// quote after it, and the clause before the attribution (four words or more, no
    /// quotation) is the same speaker's statement.
    pub fn opener_before_quote(&mut self, v: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        let verb = LEX.speech_verb(self.w(v))?;
        let lemma = LEX.lemma(verb).to_string();
        let quote_next = self.is_mark(v + 1) || self.w(v + 1) == "," && self.is_mark(v + 2);
        if !quote_next || !self.is_clause_cue(v, &lemma) {
            return None;
        }
        let (sent_start, _) = self.sents[self.sent[v]];
        let (s, _) = self.subject_of(v)?;
        let ce = s.checked_sub(2)?;
        if ce < sent_start || (sent_start..=ce).filter(|&j| self.is_word(j)).count() < 4 {
            return None;
        }
        // "In a statement Thursday, X said, “…”", "Holding up a book, X said": a
        // setting, not a statement.
        let first = self.lw(sent_start);
        if SETTING_OPENERS.contains(&first)
            || first.ends_with("ing")
            || (sent_start..=ce).any(|j| self.w(j) == ";")
        {
            return None;
        }
        let hit = self.inversion(v, log)?;
        (hit.1 == sent_start && self.tag(rules::QUOTES_OPENER_BEFORE_QUOTE, hit.1, hit.2))
            .then_some(hit)
    }

    /// The verb at `v` is followed by a short phrase that ends its sentence ("said in a
    /// statement.", "said on Monday at a rally."): a preposition, then at most eight
    /// words with no "that" and no other speech verb.
    fn ends_in_short_phrase(&self, v: usize, sent_end: usize) -> bool {
        let next = self.lw(v + 1);
        if next == "to" || !CLAUSE_PREPS.contains(&next) || sent_end > v + 10 {
            return false;
        }
        (v + 1..=sent_end).all(|j| {
            self.in_quote[j].is_none()
                && self.lw(j) != "that"
                && !(self.is_word(j) && self.speech_verb_word(j))
        })
    }

    /// Whether the speech verb at `v` (lemma `lemma`) can cue a reported clause: not
    /// capitalised, not negated, not a verb that takes no clause, not a noun before
    /// another verb ("investigators reports say"), not after a copula.
    fn is_clause_cue(&self, v: usize, lemma: &str) -> bool {
        if is_capitalized(self.w(v)) || self.negated(v) || NO_CLAUSE_LEMMAS.contains(&lemma) {
            return false;
        }
        // "investigators reports say": the first of two verbs is a noun.
        if self.next_speech_word_is_verb(v) || self.speech_noun_before_timed_verb(v) {
            return false;
        }
        // "the council's claim that …": after a possessive the word is a noun.
        if v > 0 && self.toks[v - 1].kind == TokKind::Possessive {
            return false;
        }
        let prev = v.checked_sub(1).map(|p| self.lw(p)).unwrap_or_default();
        !(COPULAS.contains(&prev) && !self.is_defined_acronym(v - 1))
    }

    /// First token of the clause a forward cue at `v` reports: past the object of
    /// "tell"/"ask", a "that", or a phrase ending in "that" ("said on Monday that").
    pub(super) fn clause_start(&self, v: usize, lemma: &str, sent_end: usize) -> Option<usize> {
        let mut c = v + 1;
        // "Insiders said: the lead is large": an unquoted clause after a colon.
        if self.w(c) == ":"
            && c < sent_end
            && self.is_word(c + 1)
            && self.in_quote[c + 1].is_none()
            && self.tag(rules::QUOTES_COLON_CLAUSE, c, c + 1)
        {
            return Some(c + 1);
        }
        // "said Friday during a visit …": a day word is when, not what.
        while is_day_word(self.lw(c)) && c < sent_end {
            c += 1;
        }
        // "said last week (that) …" (see `told`)
        c = self.past_time_phrase(c, sent_end).unwrap_or(c);
        let prep = CLAUSE_PREPS.contains(&self.lw(c)) && !self.this_opens_clause(c);
        let mut object_done = false;
        if matches!(lemma, "tell" | "ask") && !prep {
            (c, object_done) = self.after_told_object(c, sent_end)?;
        }
        if object_done {
            // the clause starts right after the object
        } else if lemma == "tell" || prep || lemma == "ask" && CLAUSE_PREPS.contains(&self.lw(c)) {
            // "asked Varga on Friday whether …": past the listener a phrase is no clause
            // unless "that" follows (the question rules take the rest).
            // "spoke in a cottage that overlooks the bay": after an intransitive verb and
            // a place phrase, "that" opens a relative clause.
            if matches!(lemma, "speak" | "talk") {
                return None;
            }
            c = self.that_within(c, sent_end)?;
        } else if self.lw(c) == "that" && !self.is_clitic(c + 1) {
            c += 1;
        }
        // "that, at their height, the losses …"
        if self.w(c) == "," {
            c += 1;
        }
        if c > sent_end || !self.is_word(c) || self.in_quote[c].is_some() || self.lw(c) == "to" {
            return None;
        }
        Some(c)
    }

    /// "told CBC News the department will …", "told Montalvo he would …": skips the
    /// object of "tell"/"ask" starting at `c`. Returns where the clause (or a phrase
    /// before it) starts and whether the clause starts right there.
    fn after_told_object(&self, c: usize, sent_end: usize) -> Option<(usize, bool)> {
        let mut j = c;
        if let Some(e) = self.listener_phrase_end(j, sent_end) {
            j = e;
        } else if self.is_word(j) && TOLD_OBJECTS.contains(&self.lw(j)) {
            j += 1;
        } else if self.is_word(j) && is_capitalized(self.w(j)) {
            while self.is_word(j) && is_capitalized(self.w(j)) && j <= sent_end {
                j += 1;
            }
        } else if matches!(self.lw(j), "the" | "a") && self.is_word(j + 1) {
            // "told the New York Times that …", "asked the city council to …": the whole
            // noun phrase, not its first word.
            j = self.np_after(j).map_or(j + 2, |(_, e)| (e + 1).max(j + 2));
        }
        if !(j > c && j <= sent_end) {
            return Some((c, false));
        }
        if self.request_infinitive(c, j, sent_end) {
            return Some((c, true));
        }
        j = self.past_time_phrase(j, sent_end).unwrap_or(j);
        if let Some(t) = self.aside_then_that(j, sent_end) {
            return Some((t, true));
        }
        if self.lw(j) == "that" {
            j += 1;
        }
        if self.is_word(j) && (!CLAUSE_PREPS.contains(&self.lw(j)) || self.this_opens_clause(j)) {
            Some((j, true))
        } else if CLAUSE_PREPS.contains(&self.lw(j)) {
            Some((j, false))
        } else {
            None
        }
    }

    /// "that’s": a clitic after "that" makes it the clause's subject, not a conjunction.
    fn is_clitic(&self, j: usize) -> bool {
        self.toks
            .get(j)
            .is_some_and(|t| t.kind == TokKind::Possessive)
            || matches!(self.lw(j), "’s" | "'s")
    }

    /// The token after the object of "tell" starting at `c` ("reporters", "Politico",
    /// "The Wall Street Journal", "a Senate panel"), past a day word after it.
    pub(super) fn told_object_end(&self, c: usize, sent_end: usize) -> Option<usize> {
        let mut j = c;
        if !self.is_word(j) || self.in_quote[j].is_some() {
            return None;
        }
        if TOLD_OBJECTS.contains(&self.lw(j)) {
            j += 1;
        } else if is_capitalized(self.w(j)) || matches!(self.lw(j), "the" | "a" | "an") {
            let (_, e) = self.np_after(j)?;
            j = e + 1;
        } else {
            return None;
        }
        while j <= sent_end && is_day_word(self.lw(j)) {
            j += 1;
        }
        Some(j)
    }

    /// The token after a "that" opening a reported clause within a short phrase from
    /// `c` ("said on Monday that …"); a quoted title may sit in the phrase.
    fn that_within(&self, c: usize, sent_end: usize) -> Option<usize> {
        for j in c..(c + 14).min(sent_end + 1) {
            if self.in_quote[j].is_some() {
                continue;
            }
            if self.toks[j].kind == TokKind::Punct && !matches!(self.w(j), "," | "’s" | "'s") {
                return None;
            }
            if self.lw(j) == "that" {
                // "complained … to the point that …": an adverbial, not what was said.
                if j > 0 && NON_CONTENT_THAT.contains(&self.lw(j - 1)) {
                    return None;
                }
                return Some(j + 1);
            }
        }
        None
    }

    /// The reported clause from `c`: to the sentence end, or just before a quotation
    /// that starts it late, or before a trailing ", according to"; a quotation opening
    /// the clause gives way to the statement after it. At least three words.
    pub(super) fn clause_extent(&self, c: usize, sent_end: usize) -> Option<(usize, usize)> {
        let mut end = sent_end;
        let mut start = c;
        for j in c..=sent_end {
            if self.in_quote[j].is_some() {
                let words = (c..j).filter(|&i| self.is_word(i)).count();
                if words >= 6 {
                    end = j - 1;
                    break;
                }
                start = self.statement_after_quotes(j, sent_end)?;
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
        if start > end || (start..=end).filter(|&i| self.is_word(i)).count() < 3 {
            return None;
        }
        Some((start, end))
    }

    /// "Lark, who said the ferry would stay, has left the board": a statement inside a
    /// relative clause set off by commas (cue at `v`, clause `c..=end`) ends where the
    /// relative clause closes, at a comma before the main clause's verb.
    fn relative_clause_end(&self, v: usize, c: usize, end: usize) -> usize {
        let mut r = v;
        while r > 0
            && (matches!(self.lw(r - 1), "has" | "had" | "have" | "also" | "once")
                || self.lw(r - 1).len() > 4 && self.lw(r - 1).ends_with("ly"))
        {
            r -= 1;
        }
        let relative = r >= 2 && matches!(self.lw(r - 1), "who" | "which") && self.w(r - 2) == ",";
        if !relative {
            return end;
        }
        let main_verb = |j: usize| {
            let w = self.w(j);
            self.is_word(j)
                && !is_capitalized(w)
                && (matches!(
                    self.lw(j),
                    "is" | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "had"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "did"
                        | "does"
                        | "also"
                        | "now"
                        | "then"
                ) || LEX.speech_verb(w).is_some_and(|sv| !sv.gerund)
                    || (w.ends_with("ed") && w.len() > 4))
        };
        // The first comma of the statement closes the clause; a comma opening an aside of
        // the statement's own ("Jo Roe, under fire, would resign") leaves it whole.
        (c..end)
            .find(|&j| self.w(j) == ",")
            .filter(|&j| j >= c + 3 && main_verb(j + 1))
            .map_or(end, |j| j - 1)
    }

    /// The quote at `j` opens the clause: what follows the sentence's last quote, if it
    /// is a statement of its own (six words or more) and no other cue takes it.
    fn statement_after_quotes(&self, j: usize, sent_end: usize) -> Option<usize> {
        let last_quoted = (j..=sent_end)
            .rev()
            .find(|&i| self.in_quote[i].is_some())
            .unwrap_or(j);
        let mut after = last_quoted + 1;
        while after <= sent_end && !self.is_word(after) {
            after += 1;
        }
        let rest_words = (after..=sent_end).filter(|&i| self.is_word(i)).count();
        let rest_has_cue = (after..=sent_end).any(|i| self.is_word(i) && self.speech_verb_word(i));
        // "… is “the sleeper issue”, and potentially a serious one": a
        // coordinated tail continues the quoted predicate; it has no clause of its own.
        let coordinated_tail = matches!(self.lw(after), "and" | "or" | "nor")
            && !(self.is_pronoun(after + 1) || self.lw(after + 1) == "that");
        if rest_words < 6 || rest_has_cue || after > sent_end || coordinated_tail {
            return None;
        }
        Some(after)
    }

    /// Who speaks through the forward cue at `v` whose clause starts at `c`: the verb's
    /// subject (or the person opening the sentence, for a participle after a comma), or
    /// a source phrase opening the sentence.
    fn clause_speaker(
        &mut self,
        v: usize,
        verb: SpeechVerb,
        c: usize,
        log: &[Said],
    ) -> Option<Speaker> {
        // "Those who studied the plans say …": the phrase a relative clause carries.
        if !verb.gerund
            && let Some(sp) = self.relative_subject(v)
        {
            return Some(sp);
        }
        let subject = self.gerund_subject(v).or_else(|| self.speaker_subject(v));
        if let Some((s, _)) = subject
            && (verb.gerund
                && !(s > 0 && matches!(self.lw(s - 1), "with" | ","))
                && !self.participle_break(v)
                || !self.speech_agrees(v, s))
        {
            return None;
        }
        if verb.class == VerbClass::Object
            && is_function_word(self.w(c))
            && !matches!(
                self.lw(c),
                "the" | "a" | "an" | "his" | "her" | "their" | "its"
            )
            && !self.pronoun_object_of(c)
        {
            return None;
        }
        // "current and former officials said …": both conjuncts speak.
        if let Some((s, e)) = subject
            && let Some((_, sp)) = self.conjoined_subject(s, e, log)
        {
            return Some(sp);
        }
        // "About one in five voters say": the whole share, not "five voters".
        let share = self.share_subject(v);
        match share.or_else(|| {
            subject.and_then(|(s, e)| self.classify(s, e, log).or_else(|| self.group_phrase(s, e)))
        }) {
            Some(sp) => Some(sp),
            None if !verb.gerund
                && let Some(sp) = self.subject_past_phrase(v, log) =>
            {
                Some(sp)
            }
            None if subject.is_none()
                && !verb.gerund
                && let Some(sp) = self.reported_subject(v, log) =>
            {
                Some(sp)
            }
            None if let Some(sp) = self.infinitive_subject(v, log) => Some(sp),
            None if verb.gerund
                && let Some(sp) = self.participle_opening_speaker(v, log) =>
            {
                Some(sp)
            }
            None if let Some(sp) = self.quantifier_subject(v) => Some(sp),
            None if let Some((s, _, sp)) = self.quantity_subject(v) => {
                self.speech_agrees(v, s).then_some(sp)
            }
            None if !verb.gerund
                && let Some(sp) = self.long_subject(v, log) =>
            {
                Some(sp)
            }
            None if !verb.gerund => {
                let (sp, s) = self.source_or_described(v, log)?;
                if !self.verb_agrees(v, s) {
                    return None;
                }
                Some(sp)
            }
            None => None,
        }
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
        if self.announced_thing(s) {
            return None;
        }
        let e = self.trim_name_np(s, e);
        let ends = e + 1 > sent_end || matches!(self.w(e + 1), "." | "," | ";");
        let ce = v - 2;
        let clean = !(sent_start..=ce).any(|j| self.in_quote[j].is_some());
        if !(ends && clean && (sent_start..=ce).filter(|&j| self.is_word(j)).count() >= 4)
            || self.name_and_description(sent_start, ce)
        {
            return None;
        }
        let sp = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))?;
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
    pub(super) fn inversion(&mut self, v: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        let verb = LEX.speech_verb(self.w(v))?;
        let (sent_start, _) = self.sents[self.sent[v]];
        let (s, e) = self.subject_of(v).unwrap_or((v, v));
        // "…, many economists say, …": a quantifier opens the subject.
        let s = if s > 0 && INVERSION_QUANTIFIERS.contains(&self.lw(s - 1)) {
            s - 1
        } else {
            s
        };
        // "…, teachers and union officials told the paper.": both conjuncts speak.
        let (s, coordinated) = match self.conjoined_subject(s, e, log) {
            Some((a, sp)) => (a, Some(sp)),
            None => (s, None),
        };
        // "…, people close to the mayor said, …": the walk stopped inside the modifier.
        let long = (s > 0 && self.w(s - 1) != ",")
            .then(|| (v.saturating_sub(14)..v).rev().find(|&j| self.w(j) == ","))
            .flatten()
            .filter(|&c| c > sent_start + 1)
            .and_then(|c| Some((c + 1, self.long_subject_at(c + 1, v, log)?)));
        let (s, long_sp) = match long {
            Some((k, sp)) => (k, Some(sp)),
            None if s == v => return None,
            None => (s, None),
        };
        if s == 0 || self.w(s - 1) != "," || verb.class != VerbClass::Clause || s <= sent_start + 1
        {
            return self.said_comma_clause(v, s, e, log);
        }
        let ce = s - 2;
        if self.is_mark(ce) || (sent_start..=ce).any(|j| self.in_quote[j].is_some()) {
            return None;
        }
        let (cs, ce) = if (sent_start..=ce).filter(|&j| self.is_word(j)).count() >= 4 {
            (self.backward_start(sent_start, ce), ce)
        } else {
            self.tail_after(v).or_else(|| self.head_before_quote(v))?
        };
        let sp = match long_sp.or(coordinated) {
            Some(sp) => sp,
            None => self
                .classify(s, e, log)
                .or_else(|| self.group_phrase(s, e))
                .or_else(|| self.described_inverted(v))?,
        };
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
            || TAIL_NON_CLAUSE.contains(&self.lw(start)) && !self.tail_continues(start)
            || LEX.speech_verb(self.w(start)).is_some()
        {
            return None;
        }
        // "…, said Jane Roe, the lawyer for the state" / "…, according to Acme, the firm
        // that runs it" / "…, according to two chairs, one of them …": after the
        // attribution an article, a role noun or "<number> of" opens the source's
        // description, not a clause.
        let verb_first = comma > k + 1
            && (LEX.speech_verb(self.w(k)).is_some() && !(k > 0 && self.is_word(k - 1))
                || self.lw(k) == "according");
        if verb_first
            && (matches!(self.lw(start), "a" | "an" | "the")
                || LEX.is_role_noun(self.lw(start))
                || self.is_number_word(start) && self.lw(start + 1) == "of")
            && fire(
                rules::QUOTES_SKIP_APPOSITIVE_TAIL,
                self.span_of(start, sent_end),
            )
        {
            return None;
        }
        let mut end = sent_end;
        while end > start && self.toks[end].kind == TokKind::Punct {
            end -= 1;
        }
        // A verb of thinking or hoping inside the tail ("she thought she would …") is
        // part of the statement; a reporting verb starts a new attribution, before
        // whose joint the tail ends (see `joined::tail_end`).
        let end = self.tail_end(start, end)?;
        let clean = (start..=end).all(|j| self.in_quote[j].is_none() && self.lw(j) != "according");
        let words = (start..=end).filter(|&j| self.is_word(j)).count();
        let short_ok = words >= 2 && self.predicate_tail(start);
        ((words >= 5 || short_ok) && clean && self.tag(rules::QUOTES_TAIL_AFTER, start, end))
            .then_some((start, end))
    }
}
