//! Speakers of reported speech that the plain subject walk of `phrases::subject_of`
//! misses: a subject set off from its verb by an aside ("Ann Lee, the
//! union's lawyer since 2010, said …", "Roe — who ran twice — told …"), an adverb the
//! auxiliary list lacks ("has since said"), a relative clause with no comma
//! ("farmers who say …"); the clause after "X said," opening a sentence; the head
//! of a statement split by its attribution; and the clause after a verb that a
//! quotation took as its cue.

use super::attribution::Found;
use super::context::MEDIUM_NOUNS;
use super::context::{Ctx, DETS, LEADS};
use super::indirect::TOLD_OBJECTS;
use super::speakers::{Said, Speaker};
use crate::analyze::people::lexicon::{LEX, VerbClass, is_function_word};
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::analyze::rules::{self, fire};
use crate::text::case::capitalize;

/// Adverbs between a subject and its speech verb that the auxiliary list does not hold
/// ("has since said", "now says", "even insist", "have long argued").
const VERB_ADVERBS: &[&str] = &[
    "since", "now", "even", "just", "long", "ever", "all", "both",
];

/// Dashes that set off an aside ("Roe — a former aide — said"); a hyphen does too when
/// spaces stand around it, alone or doubled ("Roe - a former aide - said", "Roe -- …").
const DASHES: &[&str] = &["—", "–", "―", "--"];

/// How many tokens an aside between a subject and its verb may span.
const MAX_ASIDE: usize = 36;

impl Ctx<'_> {
    /// The speaker of the finite speech verb `v` when `subject_of` found none: past an
    /// adverb or a dashed aside, a relative clause without a comma, or an appositive
    /// after the phrase that opens the sentence.
    pub fn reported_subject(&mut self, v: usize, log: &[Said]) -> Option<Speaker> {
        let mut k = self.subject_end(v)?;
        while k > 1 && self.same_sent(k - 1, v) && VERB_ADVERBS.contains(&self.lw(k - 1)) {
            k = self.subject_end(k - 1)?;
        }
        if k > 1 && self.is_aside_dash(k - 1) {
            k = self.dash_aside_start(self.dash_run_start(k - 1), v)?;
            k = self.subject_end(k).unwrap_or(k);
        }
        // "farmers who say …" / "critics who argue that …": a relative clause reports its
        // antecedent's words only with "say" or a "that" clause ("a rival who has
        // rejected the plan" is no statement).
        let says = LEX
            .speech_verb(self.w(v))
            .is_some_and(|sv| LEX.lemma(sv) == "say")
            || self.lw(v + 1) == "that";
        let (s, e, rule) = if self.lw(k - 1) == "who" && k >= 2 && self.w(k - 2) != "," {
            if !says {
                return None;
            }
            let (s, e) = self.np_before(v, k - 2)?;
            (s, e, rules::QUOTES_WHO_NO_COMMA)
        } else if matches!(self.w(k - 1), "," | ")") || self.is_aside_dash(k - 1) {
            let (s, e) = self.opening_np(v, k - 1)?;
            (s, e, rules::QUOTES_OPENING_NP_ASIDE)
        } else {
            let (s, e) = self.np_before(v, k - 1)?;
            if self.is_modifier_object(s, e, v) {
                return None;
            }
            (s, e, rules::QUOTES_SUBJECT_PAST_ADVERB)
        };
        let sp = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))
            .or_else(|| self.descriptive(s, e))?;
        fire(rule, self.span_of(s, e)).then_some(sp)
    }

    /// The dash opening the aside closed by the dash at `close`, in the sentence of `v`
    /// and at most [`MAX_ASIDE`] tokens back, with no quotation inside.
    fn dash_aside_start(&self, close: usize, v: usize) -> Option<usize> {
        let open = (close.saturating_sub(MAX_ASIDE)..close)
            .rev()
            .take_while(|&j| self.same_sent(j, v) && self.in_quote[j].is_none())
            .find(|&j| self.is_aside_dash(j))?;
        let open = self.dash_run_start(open);
        (open > 0
            && self.is_word(open - 1)
            && (DASHES.contains(&self.w(open))
                || fire(rules::QUOTES_HYPHEN_ASIDE, self.span_of(open, close))))
        .then_some(open)
    }

    /// Whether token `j` is a dash setting off an aside: a dash of [`DASHES`], or a
    /// hyphen with spaces around it or around the pair it belongs to (" - ", " -- ").
    fn is_aside_dash(&self, j: usize) -> bool {
        let w = self.w(j);
        if DASHES.contains(&w) {
            return true;
        }
        if w != "-" || self.is_word(j) {
            return false;
        }
        let a = self.dash_run_start(j);
        let mut b = j;
        while b + 1 < self.toks.len()
            && self.w(b + 1) == "-"
            && self.toks[b + 1].start == self.toks[b].end
        {
            b += 1;
        }
        let spaced = |at: usize| self.text[at..].starts_with(char::is_whitespace);
        b <= a + 1
            && self.toks[a].start > 0
            && self.text[..self.toks[a].start].ends_with(char::is_whitespace)
            && spaced(self.toks[b].end)
    }

    /// The first hyphen of a doubled hyphen ("--") that token `j` belongs to.
    fn dash_run_start(&self, j: usize) -> usize {
        let mut a = j;
        while a > 0 && self.w(a - 1) == "-" && self.toks[a - 1].end == self.toks[a].start {
            a -= 1;
        }
        a
    }

    /// The noun phrase opening the sentence of `v` when an aside ending at `close` (a
    /// comma, bracket or dash) follows it: "Ann Lee, the union's lawyer since 2010,
    /// said". The phrase ends right before the first comma, bracket or dash of the
    /// sentence (past an opening phrase closed by a comma, "In an interview, …"), and no
    /// other speech verb or quotation stands between it and `v`.
    fn opening_np(&self, v: usize, close: usize) -> Option<(usize, usize)> {
        let (ss, _) = self.sents[self.sent[v]];
        let mut a = ss;
        while a < close && !self.is_word(a) {
            a += 1;
        }
        if LEADS.contains(&self.lw(a)) && is_capitalized(self.w(a)) {
            a += 1;
        }
        // "In an interview, Roe, a lawyer, said": an opening phrase gives way.
        let lw = self.lw(a);
        let opener = is_function_word(lw) && !DETS.contains(&lw) && !self.is_pronoun(a)
            || lw.ends_with("ly") && self.w(a + 1) == ",";
        if opener && self.mention[a].is_none() {
            a = (a..(a + 10).min(close)).find(|&j| self.w(j) == ",")? + 1;
        }
        let stop = (a..close.min(a + 9))
            .find(|&j| !self.is_word(j) && self.toks[j].kind != TokKind::Possessive)?;
        if !(self.w(stop) == "," || self.w(stop) == "(" || self.is_aside_dash(stop))
            || stop <= a
            || v - stop > MAX_ASIDE
        {
            return None;
        }
        let clean = (stop..v).all(|j| {
            self.in_quote[j].is_none()
                && self.w(j) != ";"
                && !(self.is_word(j)
                    && !is_capitalized(self.w(j))
                    && LEX.speech_verb(self.w(j)).is_some_and(|sv| !sv.gerund))
        });
        let e = stop - 1;
        let head_ok = self.mention[e].is_some()
            || is_capitalized(self.w(e))
            || LEX.is_group_head(self.lw(e))
            || LEX.is_role_noun(self.lw(e));
        (clean && head_ok && self.is_word(e)).then_some((a, e))
    }
    /// "Roe said, the plan failed." / "But the board noted, the fees had doubled.": a
    /// clause verb right after the subject opening the sentence (`s..=e`) and followed by
    /// a comma reports the clause after the comma.
    pub fn said_comma_clause(
        &mut self,
        v: usize,
        s: usize,
        e: usize,
        log: &[Said],
    ) -> Option<(Found, usize, usize)> {
        let (_, a) = self.sentence_opening(v, s)?;
        if a != s || s > e || e >= v || self.w(v + 1) != "," || self.is_mark(v + 2) {
            return None;
        }
        let (cs, ce) = self.tail_after(v)?;
        let sp = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))?;
        fire(rules::QUOTES_SAID_COMMA_CLAUSE, self.span_of(cs, ce)).then_some((
            Found {
                speaker: sp,
                cue: Some(v),
            },
            cs,
            ce,
        ))
    }
    /// "The outreach, they said, raised new worries." / "At the time, she said, the
    /// plan …": when the statement of cue `k` starts at `cs` right after the comma closing
    /// an attribution set inside the sentence, the one to three words before the comma
    /// opening that attribution are the statement's head.
    pub fn head_fragment(&self, k: usize, cs: usize) -> Option<(usize, usize)> {
        if cs == 0 || self.w(cs - 1) != "," {
            return None;
        }
        let (ss, _) = *self.sents.get(*self.sent.get(k)?)?;
        let c = (ss..k).rev().take(10).find(|&j| self.w(j) == ",")?;
        let mut a = ss;
        while a < c && !self.is_word(a) {
            a += 1;
        }
        // "Of course, as Roe noted, the plan …": an "as" clause is no attribution the
        // head belongs to (see `as_noted`).
        if self.lw(c + 1) == "as" {
            return None;
        }
        let words = (a..c).filter(|&j| self.is_word(j)).count();
        // "The breaking point, Roe wrote, …": a bare speech-verb word in the head is a
        // noun; an inflected one would be an attribution of its own.
        let clean = (a..c).all(|j| {
            self.in_quote[j].is_none()
                && !self.is_mark(j)
                && !self.inner_cue(j)
                && self.lw(j) != "according"
        });
        // "In Iowa two weeks ago, according to X, …": the opening phrase of an
        // "according to" (see `according::opener_before_according`) may be longer, and
        // so may a subject whose predicate the statement is ("The three issues facing
        // the town, respondents said, are …").
        let subject = PREDICATE_OPENERS.contains(&self.lw(cs));
        let most = if self.lw(k) == "according" || subject {
            8
        } else {
            3
        };
        if !(1..=most).contains(&words) || !clean || !self.is_word(c - 1) {
            return None;
        }
        fire(rules::QUOTES_HEAD_FRAGMENT, self.span_of(a, c - 1)).then_some((a, c - 1))
    }
    /// A speech verb at `k` that a quotation before it took as its cue across a line
    /// break ("“…?”⏎The board noted that the fees had doubled.") still reports the
    /// clause after it: the forward clause only, when no quotation stands before the
    /// verb in its sentence.
    pub fn clause_after_quote_cue(
        &mut self,
        k: usize,
        log: &[Said],
    ) -> Option<(Found, usize, usize)> {
        let (ss, _) = *self.sents.get(*self.sent.get(k)?)?;
        if (ss..k).any(|j| self.in_quote[j].is_some()) {
            return None;
        }
        let hit = self.indirect_at(k, log)?;
        (hit.1 > k && fire(rules::QUOTES_CUE_ALSO_REPORTS, self.span_of(hit.1, hit.2)))
            .then_some(hit)
    }
}

/// Auxiliaries and copulas that open a predicate whose subject stood before an
/// attribution set inside the sentence ("Time, Roe added, was on their side").
pub(super) const PREDICATE_OPENERS: &[&str] = &[
    "is", "was", "are", "were", "will", "would", "could", "can", "may", "might", "should", "must",
    "has", "had", "have", "remains", "remained",
];

/// Irregular past forms that open such a predicate ("…, he said, brought a shift").
const PREDICATE_PAST_FORMS: &[&str] = &[
    "became", "brought", "made", "took", "gave", "kept", "held", "left", "began", "grew", "fell",
    "rose", "won", "lost", "went", "came", "got", "seemed",
];

impl Ctx<'_> {
    /// Whether the tail after an attribution set inside the sentence, starting at
    /// `start`, is a predicate ("…, Roe argued, is largely an illusion", "…, he said,
    /// brought a big shift"): then a short tail (two words or more) still completes the
    /// statement, as its subject stands before the attribution.
    pub fn predicate_tail(&self, start: usize) -> bool {
        let w = self.lw(start);
        let lower = !is_capitalized(self.w(start));
        let verb = PREDICATE_OPENERS.contains(&w)
            || PREDICATE_PAST_FORMS.contains(&w)
            || lower
                && w.len() > 4
                && (w.ends_with("ed") || w.ends_with("es") && !w.ends_with("ies"));
        verb && fire(rules::QUOTES_PREDICATE_TAIL, self.span_of(start, start))
    }
}

/// Words after "and" that open the clause or predicate going on with a statement after
/// its attribution ("…, he said, and she left", "…, the airline added, and had passed
/// …").
const AND_CLAUSE_OPENERS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "the", "this", "that", "his", "her", "their",
    "its", "with", "there",
];

/// Words after "to" that are no verb of an infinitive ("…, Roe said, to the crowd").
const NOT_INFINITIVE: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "him", "them", "me", "us", "whom", "which", "date",
];

impl Ctx<'_> {
    /// Whether the tail starting at `start` after an attribution set inside the sentence
    /// goes on with the statement although it opens with "and" or "to": "and" before a
    /// clause or a predicate ("…, he said, and she gripped his hand"), "to" before a
    /// verb ("It is his job, he said, to talk to Congress"), not before a noun phrase
    /// ("…, she said, to reporters").
    pub fn tail_continues(&self, start: usize) -> bool {
        let next = self.w(start + 1);
        let lnext = self.lw(start + 1);
        let ok = match self.lw(start) {
            "and" => AND_CLAUSE_OPENERS.contains(&lnext) || PREDICATE_OPENERS.contains(&lnext),
            "to" => {
                self.is_word(start + 1)
                    && !is_capitalized(next)
                    && !NOT_INFINITIVE.contains(&lnext)
                    && !(lnext.ends_with('s') && !lnext.ends_with("ss"))
                    && !lnext.starts_with(|c: char| c.is_ascii_digit())
            }
            _ => false,
        };
        ok && fire(rules::QUOTES_TAIL_CONTINUES, self.span_of(start, start + 1))
    }
}

/// Forms of "be" that make a speech verb in "-ing" progressive ("is saying", "have
/// been arguing").
const PROGRESSIVE_BE: &[&str] = &["is", "are", "was", "were", "been", "am", "'s", "'re"];

/// Words before a subject that make its clause a question or a pseudo-cleft ("What Roe
/// is saying is …", "Why is Roe saying …"), not a statement.
const WH_WORDS: &[&str] = &[
    "what", "whatever", "why", "how", "who", "which", "where", "when", "if", "whether",
];

/// Subjects that deny the statement ("Nobody is saying …", "No one is arguing …").
const NOBODY: &[&str] = &["nobody", "no", "none", "neither", "few"];

impl Ctx<'_> {
    /// "Roe is saying that the plan failed." / "Critics have been arguing the fees are too
    /// high.": a speech verb in "-ing" right after a form of "be" is finite; it reports
    /// its (that-)clause for the subject before the auxiliaries, unless negated or opened
    /// by a question word.
    pub fn progressive_statement(
        &mut self,
        v: usize,
        log: &[Said],
    ) -> Option<(Found, usize, usize)> {
        let verb = LEX.speech_verb(self.w(v))?;
        if !verb.gerund
            || verb.class != VerbClass::Clause
            || v == 0
            || !PROGRESSIVE_BE.contains(&self.lw(v - 1))
            || self.negated(v - 1)
            || self.negated(v)
        {
            return None;
        }
        let be = v - 1;
        let (ss, sent_end) = *self.sents.get(*self.sent.get(v)?)?;
        if sent_end - ss > super::context::MAX_SENTENCE_TOKENS {
            return None;
        }
        let lemma = LEX.lemma(verb).to_string();
        let c = self.clause_start(v, &lemma, sent_end)?;
        let (c, end) = self.clause_extent(c, sent_end)?;
        let (s, e) = self.speaker_subject(be)?;
        if s > 0 && WH_WORDS.contains(&self.lw(s - 1))
            || self.in_quote[s].is_some()
            || NOBODY.contains(&self.lw(s))
        {
            return None;
        }
        let sp = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))?;
        fire(rules::QUOTES_PROGRESSIVE_SAID, self.span_of(c, end)).then_some((
            Found {
                speaker: sp,
                cue: Some(v),
            },
            c,
            end,
        ))
    }
}

/// Quantifiers that stand alone as a subject speaking for an unnamed group ("Some say
/// …", "Many argued …", "Another says …").
const QUANTIFIERS: &[&str] = &["some", "many", "most", "another", "several", "both"];

/// Words after which a clause opens ("…, but some say …", "…, and many argue …").
const CLAUSE_OPENERS: &[&str] = &[",", "and", "but", "while", "though", "although", "yet", ";"];

/// Speech-verb forms that after a quantifier are nouns ("Some states remained …",
/// "most state parties …", "many reports …", "some claims …").
const NOUN_FORMS: &[&str] = &[
    "state", "states", "report", "reports", "claim", "claims", "note", "notes", "charge",
    "charges", "comment", "comments", "reply", "replies", "answer", "answers", "warn",
];

impl Ctx<'_> {
    /// "Some say the plan failed." / "…, but many argue the fee is too high.": a
    /// quantifier standing alone right before speech verb `v` (past auxiliaries), at the
    /// start of its sentence or of a clause, is the speaker.
    pub fn quantifier_subject(&self, v: usize) -> Option<Speaker> {
        let k = self.subject_end(v)?;
        let e = k.checked_sub(1)?;
        if !QUANTIFIERS.contains(&self.lw(e))
            || self.in_quote[e].is_some()
            || NOUN_FORMS.contains(&self.lw(v))
        {
            return None;
        }
        let (ss, a) = self.sentence_opening(v, e)?;
        let opens = a == e || e > ss && CLAUSE_OPENERS.contains(&self.lw(e - 1));
        if !opens {
            return None;
        }
        fire(rules::QUOTES_QUANTIFIER_SUBJECT, self.span_of(e, e))
            .then(|| Speaker::Group(capitalize(self.w(e))))
    }
}

/// Past forms of "take" in "took to Twitter to say" / "has taken to the airwaves to argue".
const TOOK: &[&str] = &["took", "takes", "take", "taken"];

/// How many words the medium in "took to <medium> to say" may span.
const MAX_MEDIUM: usize = 4;

impl Ctx<'_> {
    /// "Roe went on to say the plan failed." / "Roe took to Twitter to argue that …": the
    /// speaker of an infinitive speech verb at `v` is the subject of "went on" or of
    /// "took to <medium>" before it, when that verb is not negated.
    pub fn infinitive_subject(&mut self, v: usize, log: &[Said]) -> Option<Speaker> {
        let g = self.infinitive_governor(v)?;
        if self.negated(g) || !self.same_sent(g, v) {
            return None;
        }
        let (s, e) = self.speaker_subject(g)?;
        let sp = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))?;
        fire(rules::QUOTES_INFINITIVE_SAID, self.span_of(g, v)).then_some(sp)
    }

    /// The verb governing the infinitive speech verb at `v`: "went" in "went on to say",
    /// "took" in "took to Twitter to say"; none when that verb is negated.
    pub fn infinitive_governor(&self, v: usize) -> Option<usize> {
        if v < 3 || self.lw(v - 1) != "to" || is_capitalized(self.w(v)) {
            return None;
        }
        let g = if matches!(self.lw(v - 3), "went" | "goes" | "go" | "gone")
            && self.lw(v - 2) == "on"
        {
            v - 3
        } else if let Some(g) = self.stance_governor(v) {
            g
        } else {
            (v.saturating_sub(MAX_MEDIUM + 3)..v - 3).find(|&j| {
                TOOK.contains(&self.lw(j))
                    && self.lw(j + 1) == "to"
                    && (j + 2..v - 1).all(|m| self.is_word(m) && self.same_sent(m, v))
            })?
        };
        (!self.negated(g)).then_some(g)
    }
}

/// Words after which an "as" clause may open ("…, as Roe noted, …", "But as …").
const AS_OPENERS: &[&str] = &[",", "and", "but", "just", "so", "yet", ";", "—"];

impl Ctx<'_> {
    /// "As the paper noted, the plan failed." / "…, as Roe said, the fees doubled.": a
    /// speech verb at `v` closing an "as" clause reports the clause after its comma for
    /// the noun phrase between "as" and the verb.
    pub fn as_noted(&mut self, v: usize, log: &[Said]) -> Option<(Found, usize, usize)> {
        let (ss, sent_end) = *self.sents.get(*self.sent.get(v)?)?;
        let verb = LEX.speech_verb(self.w(v))?;
        if verb.class != VerbClass::Clause || verb.gerund || self.w(v + 1) != "," {
            return None;
        }
        let (mut s, e) = self.subject_of(v)?;
        // "As another study noted": a determiner the walk left out.
        if s > ss && matches!(self.lw(s - 1), "another" | "one" | "a" | "an" | "the") {
            s -= 1;
        }
        let a = s.checked_sub(1)?;
        let opens = a == ss || a > ss && AS_OPENERS.contains(&self.lw(a - 1));
        if self.lw(a) != "as" || !opens || (s..v).any(|j| self.in_quote[j].is_some()) {
            return None;
        }
        let (cs, ce) = self.clause_extent(v + 2, sent_end)?;
        let clean = (cs..=ce).all(|j| {
            !(self.is_word(j) && !is_capitalized(self.w(j)) && LEX.speech_verb(self.w(j)).is_some())
        });
        if !clean || !self.is_word(cs) || cs != v + 2 {
            return None;
        }
        let sp = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))
            .or_else(|| self.descriptive(s, e))?;
        fire(rules::QUOTES_AS_NOTED, self.span_of(cs, ce)).then_some((
            Found {
                speaker: sp,
                cue: Some(v),
            },
            cs,
            ce,
        ))
    }
}

/// Words opening a phrase of time, place or medium between a subject and its speech
/// verb ("Roe on Tuesday said", "Roe in a blog post said", "Roe earlier Thursday said",
/// "Roe last week said", "Roe's allies have in the past said").
const MID_PHRASE_OPENERS: &[&str] = &[
    "on", "in", "at", "during", "earlier", "later", "late", "last", "this", "early",
];

/// Words of a time phrase between a subject and its verb ("earlier this week", "on
/// Tuesday night", "in the past", "in recent days"), besides `told::TIME_NOUNS`.
const TIME_WORDS: &[&str] = &[
    "on", "in", "at", "the", "earlier", "later", "late", "last", "this", "early", "past", "recent",
    "days", "weeks", "months", "years",
];

/// Whether `w` belongs to a time phrase between a subject and its verb.
fn is_time_word(w: &str) -> bool {
    TIME_WORDS.contains(&w) || super::told::TIME_NOUNS.contains(&w)
}

impl Ctx<'_> {
    /// Whether token `j` belongs to a phrase of time ("early on Saturday morning", "last
    /// week", "in May", "in 2019").
    pub(super) fn is_time_phrase_word(&self, j: usize) -> bool {
        let w = self.lw(j);
        is_time_word(w)
            || crate::lexicon::is_weekday(w)
            || crate::lexicon::is_month(w)
            || w.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// How many tokens a phrase between a subject and its verb may span.
const MAX_MID_PHRASE: usize = 6;

impl Ctx<'_> {
    /// The speaker of the speech verb `v` when a short phrase of time, place or medium
    /// stands between its subject and the verb ("Ann Lee on Tuesday said …", "Ann Lee
    /// in a blog post said …", "Lee's allies have in the past said …"): the noun phrase
    /// before the phrase, when it is a speaker on its own.
    pub fn subject_past_phrase(&mut self, v: usize, log: &[Said]) -> Option<Speaker> {
        let k = self.subject_end(v)?;
        let last = k.checked_sub(1)?;
        let lo = last.saturating_sub(MAX_MID_PHRASE);
        let p = (lo..=last)
            .rev()
            .take_while(|&j| self.is_word(j) && self.same_sent(j, v) && self.in_quote[j].is_none())
            .filter(|&j| MID_PHRASE_OPENERS.contains(&self.lw(j)) && !is_capitalized(self.w(j)))
            .last()?;
        // Only a phrase of time ("on Tuesday", "last week", "in the past") or of medium
        // ("in a blog post", "on Twitter"), with no person named inside.
        let time = (p..=last).all(|j| {
            let w = self.lw(j);
            is_time_word(w)
                || crate::lexicon::is_weekday(w)
                || crate::lexicon::is_month(w)
                || w.starts_with(|c: char| c.is_ascii_digit())
        });
        // The phrase ends in its head: "in 11 states" or "in the state" is no phrase
        // before a verb but a noun ("states") after one.
        let head = self.lw(last);
        let time_head = !matches!(head, "on" | "in" | "at" | "the" | "this" | "last" | "late")
            && (is_time_word(head)
                || crate::lexicon::is_weekday(head)
                || crate::lexicon::is_month(head));
        let medium = MEDIUM_NOUNS.contains(&head) && self.lw(p) != "at";
        let plain = (time && time_head || medium) && (p..=last).all(|j| self.mention[j].is_none());
        if !plain || p == 0 || !self.same_sent(p - 1, v) {
            return None;
        }
        // "Lee's allies have in the past said": past an auxiliary before the phrase.
        let mut e = p - 1;
        while e > 0 && matches!(self.lw(e), "has" | "have" | "had") {
            e -= 1;
        }
        let (s, e) = self.np_before(v, e)?;
        if self.is_modifier_object(s, e, v) {
            return None;
        }
        let sp = self
            .classify(s, e, log)
            .or_else(|| self.group_phrase(s, e))?;
        fire(rules::QUOTES_SUBJECT_PAST_PHRASE, self.span_of(p, last)).then_some(sp)
    }
}

/// Words opening a short phrase after the verb of an attribution set inside its
/// sentence ("…, Roe said in an interview, …", "…, Roe argued on Monday, …").
const ASIDE_PHRASE_OPENERS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "with", "by", "for", "from", "via", "through",
    "over", "earlier", "later", "this", "last",
];

/// Possessives before the noun of such a phrase ("in his email").
const PHRASE_POSSESSIVES: &[&str] = &["his", "her", "their", "its", "our", "my"];

/// How many tokens the phrase after the verb of such an attribution may span.
const MAX_ASIDE_PHRASE: usize = 9;

impl Ctx<'_> {
    /// "<clause>, Roe told reporters, <clause>" / "<clause>, Roe said in an interview,
    /// <clause>": an attribution set inside the sentence whose verb (at `v`, its next
    /// word at `n`) is followed by a listener or a short phrase, then a comma. The
    /// statement is the clause around it, as for a bare "…, Roe said, …" (`inversion`).
    pub(super) fn aside_inversion(
        &mut self,
        v: usize,
        n: usize,
        lemma: &str,
        sent_end: usize,
        log: &[Said],
    ) -> Option<(Found, usize, usize)> {
        // "Taiwan have claims in the area, …": after "have" an -s form is a noun.
        if v > 0 && matches!(self.lw(v - 1), "have" | "has" | "had") && self.lw(v).ends_with('s') {
            return None;
        }
        let j = if lemma == "tell" {
            // "told reporters", "told The New York Times"; not "told the story of …".
            let e = self.told_object_end(n, sent_end)?;
            let a = n + usize::from(self.lw(n) == "the");
            let named = (a..e).all(|k| !self.is_word(k) || is_capitalized(self.w(k)));
            if !(TOLD_OBJECTS.contains(&self.lw(n)) || named && a < e) {
                return None;
            }
            e
        } else {
            n
        };
        let comma = if self.w(j) == "," && j > n {
            j
        } else {
            self.aside_phrase_comma(j, sent_end)?
        };
        if comma >= sent_end {
            return None;
        }
        let hit = self.inversion(v, log)?;
        fire(rules::QUOTES_ASIDE_ATTRIBUTION, self.span_of(hit.1, hit.2)).then_some(hit)
    }

    /// The comma closing a short phrase opening at `j` ("in an interview,", "on
    /// Monday at a rally,"): at most [`MAX_ASIDE_PHRASE`] words, no quotation, no "that",
    /// no speech verb.
    fn aside_phrase_comma(&self, j: usize, sent_end: usize) -> Option<usize> {
        if !ASIDE_PHRASE_OPENERS.contains(&self.lw(j)) {
            return None;
        }
        for k in j + 1..=(j + MAX_ASIDE_PHRASE).min(sent_end) {
            if self.w(k) == "," {
                return Some(k);
            }
            let word = self.is_word(k) || self.toks[k].kind == TokKind::Possessive;
            if !word
                || self.in_quote[k].is_some()
                || self.lw(k) == "that"
                || self.speech_verb_word(k) && !self.after_phrase_det(k)
            {
                return None;
            }
        }
        None
    }

    /// "in his email", "in a statement": after a determiner or possessive a
    /// speech-verb word is a noun.
    fn after_phrase_det(&self, k: usize) -> bool {
        k > 0 && (DETS.contains(&self.lw(k - 1)) || PHRASE_POSSESSIVES.contains(&self.lw(k - 1)))
    }
}

impl Ctx<'_> {
    /// "Perhaps, he said, the town has “grown too fast.”": when the rest of the sentence
    /// after an attribution set inside it holds a quotation (the quote rules take that
    /// part), the short head before the attribution (see `head_fragment`) is still the
    /// speaker's statement.
    pub(super) fn head_before_quote(&self, v: usize) -> Option<(usize, usize)> {
        let (_, sent_end) = *self.sents.get(*self.sent.get(v)?)?;
        let comma = (v + 1..(v + 14).min(sent_end))
            .find(|&j| self.toks[j].kind == TokKind::Punct || self.in_quote[j].is_some())?;
        let quoted_rest = (comma + 1..=sent_end).any(|j| self.in_quote[j].is_some());
        if self.w(comma) != "," || !self.is_word(comma + 1) || !quoted_rest {
            return None;
        }
        let (a, e) = self.head_fragment(v, comma + 1)?;
        // "But, he added, …", "In 2008, Roe said, …": a bare conjunction or a setting
        // phrase before a quoted rest is no statement of its own.
        (!HEAD_BEFORE_QUOTE_SKIP.contains(&self.lw(a))).then_some((a, e))
    }
}

/// First words of a head that is no statement when a quotation follows the
/// attribution (see `head_before_quote`).
const HEAD_BEFORE_QUOTE_SKIP: &[&str] = &[
    "but", "and", "or", "so", "yet", "in", "on", "at", "during", "after", "before", "with", "by",
    "for", "from",
];
