//! Speaker resolution: from the noun phrase an attribution names to a speaker — a
//! person (by mention, surname, "Mr. X", a pronoun resolved by gender and salience, or
//! a role noun such as "the minister" matched to the person holding that role) or a
//! group/institution label in the article's own words ("Analysts", "the court") —
//! and the source phrase opening a sentence when the words before the verb are not it.

use super::context::{Ctx, DETS};
use crate::analyze::people::lexicon::{
    Gender, LEX, NON_NAME_CAPS, ORG_HEADS, PLACES, contains, is_function_word,
};
use crate::analyze::people::tokens::{TokKind, is_capitalized};
use crate::text::case::capitalize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Speaker {
    Person(usize),
    Group(String),
}

/// A speaker the rules already assigned, at a byte position (used by pronouns and follow-ons).
#[derive(Debug, Clone)]
pub(crate) struct Said {
    pub at: usize,
    pub paragraph: usize,
    pub speaker: Speaker,
}

impl Ctx<'_> {
    /// The speaker the noun phrase `s..=e` names, if it plausibly names one.
    pub fn classify(&mut self, s: usize, e: usize, log: &[Said]) -> Option<Speaker> {
        if s > e || e >= self.toks.len() {
            return None;
        }
        if let Some(poll) = self.poll_of_share(s, e) {
            return Some(poll);
        }
        if let Some(owner) = self.owned_voice(s, e, log) {
            return Some(owner);
        }
        // "Cruz and Trump said": two people speak together, as the article names them.
        if let Some(pair) = self.coordinated_people(s, e) {
            return Some(pair);
        }
        // A person mention ending the phrase ("U.S. President Donald Trump"), unless it
        // sits in a phrase after the head ("a person close to Roe" is not Roe).
        let described = self.modified_head(s, e).is_some()
            || (s..e).any(|k| self.role_takes_to(k) && (s..=k).all(|j| self.mention[j].is_none()));
        if let Some(p) = self.mention[e]
            && !described
        {
            return Some(Speaker::Person(p));
        }
        if s == e && self.is_pronoun(s) {
            return self
                .resolve_pronoun(s, log)
                .or_else(|| self.pronoun_as_speaker(s));
        }
        if described {
            return self.described_as_written(s, e);
        }
        // The head of "a spokesman for the exchange" is "spokesman".
        let head_at = (s..e)
            .find(|&k| {
                self.is_word(k)
                    && !is_capitalized(self.w(k))
                    && super::context::PP_IN_NP.contains(&self.lw(k + 1))
                    && (LEX.is_role_noun(self.w(k)) || LEX.is_group_head(self.w(k)))
            })
            .unwrap_or(e);
        let head = self.w(head_at);
        let head_l = head.to_lowercase();
        let first = self.w(s);
        let label = || capitalize(self.slice(s, e));
        if !is_capitalized(head) {
            if LEX.is_role_noun(&head_l) && !LEX.is_group_head(&head_l)
                || (LEX.is_role_noun(&head_l) && first.eq_ignore_ascii_case("the") && e == s + 1)
            {
                // "the minister said": the person who holds that role
                if let Some(p) = self.person_with_role(&head_l, self.toks[s].start) {
                    return Some(Speaker::Person(p));
                }
            }
            if LEX.is_group_head(&head_l) || LEX.is_role_noun(&head_l) {
                if e - s > 8 {
                    return None;
                }
                // "Analysts", "the court", "A spokeswoman for the British Transport Police"
                return Some(Speaker::Group(label()));
            }
            return None;
        }
        // Capitalised head: an organization, a country, or a name the people stage missed.
        let acronym =
            head.chars().count() >= 2 && head.chars().all(|c| c.is_uppercase() || c == '.');
        if !acronym
            && (contains(NON_NAME_CAPS, head) && !LEX.is_group_head(head) || is_function_word(head))
        {
            return None;
        }
        // "Hospital reports …": a lone generic noun is not a source.
        if s == e && contains(ORG_HEADS, head) && !LEX.is_group_head(head) {
            return None;
        }
        // Take the capitalised tail ("South Korean news agency Yonhap" -> "Yonhap").
        let mut a = e;
        while a > s
            && (is_capitalized(self.w(a - 1))
                || self.w(a - 1) == "&"
                || self.lw(a - 1) == "of" && a >= s + 2 && is_capitalized(self.w(a - 2)))
        {
            a -= 1;
        }
        let words: Vec<&str> = (a..=e).map(|k| self.w(k)).collect();
        let looks_like_name = (2..=3).contains(&words.len())
            && (LEX.is_first_name(words[0]) || LEX.is_east_asian_family(words[0]))
            && !words
                .iter()
                .any(|w| contains(ORG_HEADS, w) || contains(PLACES, w));
        if looks_like_name {
            return Some(Speaker::Person(self.add_person(a, e)));
        }
        if a > s && !is_capitalized(self.w(s)) && !matches!(self.lw(s), "the" | "a" | "an") {
            return None;
        }
        let start = if a > s && !is_capitalized(self.w(a - 1)) && !DET.contains(&self.lw(s)) {
            a
        } else if a > s
            && DET.contains(&self.lw(s))
            && (s + 1..a).all(|k| is_capitalized(self.w(k)))
        {
            s
        } else {
            a
        };
        let raw = self.slice(start, e);
        (!raw.is_empty()).then(|| Speaker::Group(capitalize(raw)))
    }

    /// "In a Harbor Times poll released Monday, 61 percent of riders said …" / "A Harbor
    /// Times poll found that 61 percent of riders said …": a share of those polled speaks
    /// through the poll, which is the source, as written.
    fn poll_of_share(&self, s: usize, e: usize) -> Option<Speaker> {
        if !(s..=e).any(|k| matches!(self.lw(k), "percent" | "%")) {
            return None;
        }
        let ss = self.sents[self.sent[s]].0;
        let has_poll = |a: usize, b: usize| (a..=b).any(|k| contains(POLL_NOUNS, self.lw(k)));
        let (a, b) = if self.lw(ss) == "in" && DET.contains(&self.lw(ss + 1)) {
            // the comma closing the opener, with at most two words before the share
            let c = (ss + 2..s).rev().find(|&k| self.w(k) == ",")?;
            if s - c > 3 || (c + 1..s).any(|k| !self.is_word(k) || is_capitalized(self.w(k))) {
                return None;
            }
            (ss + 1, c - 1)
        } else if DET.contains(&self.lw(ss)) && s >= ss + 3 && self.lw(s - 1) == "that" {
            let v = s - 2;
            if !contains(POLL_VERBS, self.lw(v)) {
                return None;
            }
            (ss, v - 1)
        } else {
            return None;
        };
        (b >= a
            && b - a <= 14
            && has_poll(a, b)
            && (a..=b).all(|k| self.in_quote[k].is_none())
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_POLL_SHARE,
                self.span_of(a, b),
            ))
        .then(|| Speaker::Group(capitalize(self.slice(a, b))))
    }

    /// "Cornyn's statement added", "PC World's recent analysis … concluded": a
    /// statement or publication speaks for its owner.
    fn owned_voice(&mut self, s: usize, e: usize, log: &[Said]) -> Option<Speaker> {
        if !contains(OWNED_VOICES, self.lw(e)) {
            return None;
        }
        let p = (s + 1..e)
            .rev()
            .take(3)
            .find(|&k| self.toks[k].kind == TokKind::Possessive)
            .filter(|&p| (p + 1..e).all(|k| self.is_word(k) && !is_capitalized(self.w(k))))?;
        // "Delgado's campaign said": a campaign or office is a body of people that
        // speaks for itself, not its owner's own words.
        if contains(OWNED_BODIES, self.lw(e))
            && crate::analyze::rules::fire(
                crate::analyze::rules::QUOTES_OWNED_BODY,
                self.span_of(s, e),
            )
        {
            return Some(Speaker::Group(capitalize(self.slice(s, e))));
        }
        if let Some(person) = self.mention[p - 1] {
            return Some(Speaker::Person(person));
        }
        self.classify(s, p - 1, log)
    }

    /// "a person close to Roe", "officials familiar with the talks": the phrase as
    /// written (it names no one the article knows by it).
    fn described_as_written(&self, s: usize, e: usize) -> Option<Speaker> {
        let span = self.span_of(s, e);
        (e - s <= 12
            && crate::analyze::rules::fire(crate::analyze::rules::QUOTES_PP_MODIFIED_SUBJECT, span))
        .then(|| Speaker::Group(capitalize(self.slice(s, e))))
    }

    /// "Cruz and Trump", "Sen. Jo Roe and Rep. Al Poe": a phrase of two different
    /// people joined by "and", each ending at a mention, is both of them together.
    fn coordinated_people(&self, s: usize, e: usize) -> Option<Speaker> {
        let last = self.mention[e]?;
        let a = (s + 1..e).find(|&k| self.lw(k) == "and")?;
        let first = self.mention[a - 1]?;
        let names_only = (s..=e).all(|k| {
            k == a || self.mention[k].is_some() || self.is_word(k) && is_capitalized(self.w(k))
        });
        let span = self.span_of(s, e);
        (first != last
            && names_only
            && crate::analyze::rules::fire(crate::analyze::rules::QUOTES_COORDINATED_PEOPLE, span))
        .then(|| Speaker::Group(capitalize(self.slice(s, e))))
    }

    /// Whether token `k` opens a phrase that describes a person noun before it: "in" or
    /// "with" (`phrases::is_noun_modifier_prep`), or "familiar"/"close" before "with",
    /// "to" or "in" ("a source close to the campaign").
    pub(super) fn opens_noun_pp(&self, k: usize) -> bool {
        super::phrases::is_noun_modifier_prep(self.w(k))
            || matches!(self.w(k), "familiar" | "close")
                && matches!(self.w(k + 1), "with" | "to" | "in")
    }

    /// In the phrase `s..=e`, the lower-case person, role or group noun that a
    /// describing phrase follows ("a person close to Roe", "one Democrat familiar with
    /// the talks"), when no person is named before it.
    pub(super) fn modified_head(&self, s: usize, e: usize) -> Option<usize> {
        let h = (s..e).find(|&k| self.opens_noun_pp(k + 1))?;
        let head = self.w(h);
        // A capitalised head only as a role noun ("one Democrat familiar with …"), not
        // a name ("La Stampa in Italy", "Cornell University in New York").
        let noun = LEX.is_role_noun(head)
            || !is_capitalized(head)
                && (LEX.is_person_noun(head)
                    || LEX.is_group_head(head)
                    || matches!(self.lw(h), "person" | "persons" | "people"));
        (self.is_word(h) && noun && (s..=h).all(|k| self.mention[k].is_none())).then_some(h)
    }

    /// The source that opens the sentence of verb `v` when the words right before the
    /// verb are not it: a study, report or institution followed by a modifier ("A new
    /// study documenting iodine levels in children has revealed …", "The results of the
    /// National Study, published this week, revealed …", "The security firm Acme, has
    /// said …"). The phrase must end in a capitalised word or a group/source noun, and
    /// the words up to the verb must not start another clause. Returns the phrase's
    /// speaker and its first token.
    pub fn source_subject(&mut self, v: usize, log: &[Said]) -> Option<(Speaker, usize)> {
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
        let mut head = head?;
        // "The Democratic frontrunner said", "the Arizona case states": after a determiner,
        // lower-case nouns right after the capitalised words go on with the phrase, and
        // the last of them is its head (the capitalised word only modifies it).
        let capital_head = head;
        if DETS.contains(&self.lw(start)) {
            while head + 1 < v && self.continues_noun(head + 1) {
                head += 1;
            }
        }
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
        // A head the lexicons do not know ("The NFL legend") is the speaker as written.
        let sp = self.classify(start, head, log).or_else(|| {
            (head > capital_head).then(|| Speaker::Group(capitalize(self.slice(start, head))))
        })?;
        Some((sp, start))
    }

    /// Whether the word at `k` is a lower-case noun that goes on with the noun phrase before
    /// it: no function word, participle, relative pronoun, speech verb, adverb or clause
    /// opener.
    fn continues_noun(&self, k: usize) -> bool {
        let lw = self.lw(k);
        self.is_word(k)
            && self.in_quote[k].is_none()
            && !is_capitalized(self.w(k))
            && !is_function_word(lw)
            && !(lw.chars().count() > 4 && (lw.ends_with("ing") || lw.ends_with("ed")))
            && LEX.speech_verb(lw).is_none()
            && !contains(CLAUSE_OPENERS, lw)
            && !self.is_aux_or_adverb(k)
            && !self.is_pronoun(k)
    }

    /// "according to the FBI data / state records / the polling average": after
    /// "according to" any short noun phrase is the source, in the article's words.
    pub fn source_label(&self, s: usize, e: usize) -> Option<Speaker> {
        if e < s || e - s > 8 || self.is_pronoun(e) || !self.is_word(e) {
            return None;
        }
        if is_function_word(self.w(e)) {
            return None;
        }
        Some(Speaker::Group(capitalize(self.slice(s, e))))
    }

    /// The nearest person before `at` whose role contains `noun`.
    fn person_with_role(&self, noun: &str, at: usize) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (pi, p) in self.people.iter().enumerate() {
            if !p
                .role
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w == noun)
            {
                continue;
            }
            // mentions are in text order: the last one before `at`
            let i = p.mentions.partition_point(|m| m.start < at);
            if let Some(m) = i.checked_sub(1).map(|i| p.mentions[i])
                && best.is_none_or(|(_, s)| m.start > s)
            {
                best = Some((pi, m.start));
            }
        }
        best.map(|(p, _)| p)
    }

    /// A personal pronoun no antecedent was found for ("he", "she", "they", "we", "I"):
    /// the statement is still reported, with the pronoun as written for its speaker.
    fn pronoun_as_speaker(&self, k: usize) -> Option<Speaker> {
        if !matches!(self.lw(k), "he" | "she" | "they" | "we" | "i") {
            return None;
        }
        let span = self.span_of(k, k);
        crate::analyze::rules::fire(crate::analyze::rules::QUOTES_PRONOUN_SPEAKER, span)
            .then(|| Speaker::Group(capitalize(self.w(k))))
    }

    /// he/she → the most salient compatible person; they/it → a recent group speaker.
    pub fn resolve_pronoun(&self, k: usize, log: &[Said]) -> Option<Speaker> {
        let lw = self.lw(k);
        let at = self.toks[k].start;
        let want = match lw {
            "he" => Gender::Male,
            "she" => Gender::Female,
            "they" | "it" | "we" => {
                let para = self.para[k];
                let before = &log[..log.partition_point(|s| s.at < at)];
                // A document ("The results of the study") is not what "they" or "we" refers to.
                if let Some(s) = before.iter().rev().take_while(|s| para.saturating_sub(s.paragraph) <= 2).find(|s| matches!(&s.speaker, Speaker::Group(g) if plural_ok(g, lw) && !is_document(g))) {
                    return Some(s.speaker.clone());
                }
                // The group named as the subject of the previous sentence.
                let si = self.sent[k];
                for back in 0..=1 {
                    let Some(prev) = si.checked_sub(back) else {
                        break;
                    };
                    if let Some((a, b)) = self.sentence_subject(prev)
                        && b < k
                        && self.mention[b].is_none()
                    {
                        let label = self.slice(a, b).to_string();
                        if plural_ok(&label, lw) {
                            return Some(Speaker::Group(capitalize(&label)));
                        }
                    }
                }
                return None;
            }
            _ => return None,
        };
        let ok = |p: usize| {
            self.gender
                .get(p)
                .is_some_and(|g| *g == want || *g == Gender::Unknown)
        };
        let si = self.sent[k];
        let floor_para = self.para[k].saturating_sub(2);
        // Same sentence, before the pronoun: the first person named (the subject).
        let mut j = self.sents[si]
            .0
            .max(k.saturating_sub(super::context::MAX_SENTENCE_TOKENS));
        while j < k {
            if self.in_quote[j].is_none()
                && let Some(p) = self.mention[j]
                && ok(p)
            {
                return Some(Speaker::Person(p));
            }
            j += 1;
        }
        // Earlier sentences: the first person named in the nearest sentence that names one;
        // a recent speaker of the right gender wins over a mere mention.
        let mut s = si;
        let mut budget = 6;
        while s > 0 && budget > 0 {
            s -= 1;
            budget -= 1;
            let (a, b) = self.sents[s];
            if self.para[a] < floor_para || b - a > super::context::MAX_SENTENCE_TOKENS {
                break;
            }
            let mut found = None;
            for j in a..=b {
                if self.in_quote[j].is_none()
                    && let Some(p) = self.mention[j]
                    && ok(p)
                {
                    found = Some(p);
                    break;
                }
            }
            if let Some(p) = found {
                if let Some(last) = log[..log.partition_point(|x| x.at < at)].last()
                    && let Speaker::Person(q) = last.speaker
                    && q != p
                    && ok(q)
                    && self.para[k].saturating_sub(last.paragraph) <= 1
                    && self.sentence_mentions(s).contains(&q)
                {
                    return Some(Speaker::Person(q));
                }
                return Some(Speaker::Person(p));
            }
        }
        None
    }

    fn sentence_mentions(&self, s: usize) -> Vec<usize> {
        let (a, b) = self.sents[s];
        (a..=b)
            .filter(|&j| self.in_quote[j].is_none())
            .filter_map(|j| self.mention[j])
            .collect()
    }

    /// Canonical name, aliases and role of a speaker.
    pub fn describe(&self, sp: &Speaker) -> (String, Vec<String>, String) {
        match sp {
            Speaker::Person(p) => {
                let person = &self.people[*p];
                (
                    person.name.clone(),
                    person.aliases.clone(),
                    person.role.clone(),
                )
            }
            Speaker::Group(g) => (g.clone(), Vec::new(), String::new()),
        }
    }
}

const DET: &[&str] = &["the", "a", "an"];
/// Words that open a new clause: a subject phrase cannot run across them to its verb.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "and", "but",
    "or", "if", "as", "although", "though", "since", "after", "before", "until", "unless",
    "whether", "so",
];
/// Statements and publications that speak for whoever owns them ("X's statement").
const OWNED_VOICES: &[&str] = &[
    "statement",
    "statements",
    "website",
    "blog",
    "letter",
    "office",
    "release",
    "tweet",
    "post",
    "account",
    "campaign",
    "analysis",
    "report",
    "study",
    "survey",
    "research",
    "review",
    "findings",
    "article",
    "paper",
    "editorial",
    "filing",
    "complaint",
    "lawsuit",
    "ruling",
    "verdict",
    "announcement",
];

/// Nouns for polls, whose shares of respondents speak through them.
const POLL_NOUNS: &[&str] = &["poll", "polls", "polling", "survey", "surveys"];
/// Verbs by which a poll reports a share ("A poll found that 61 percent said").
const POLL_VERBS: &[&str] = &["found", "finds", "showed", "shows", "show", "find"];

/// Owned voices that are bodies of people speaking for themselves ("X's campaign said"):
/// the speaker is the phrase as written, not the owner.
const OWNED_BODIES: &[&str] = &["campaign", "office"];

/// Nouns for documents and publications: sources that speak, but never as "they"/"we".
const DOCUMENT_HEADS: &[&str] = &[
    "report",
    "reports",
    "study",
    "studies",
    "survey",
    "poll",
    "results",
    "findings",
    "analysis",
    "article",
    "articles",
    "paper",
    "papers",
    "research",
    "review",
    "audit",
    "inquiry",
    "document",
    "documents",
    "statement",
    "website",
    "data",
];

/// Whether a group label names a document: its head (the word before any "of") is a
/// document noun or ends a capitalised title such as "… Nutrition Study".
fn is_document(label: &str) -> bool {
    let head_part = label.split(" of ").next().unwrap_or(label);
    let head = head_part
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    DOCUMENT_HEADS.contains(&head.as_str())
}

/// Whether a group label agrees with the pronoun: "they" wants a plural or collective.
fn plural_ok(label: &str, pronoun: &str) -> bool {
    let head = label.split_whitespace().last().unwrap_or("").to_lowercase();
    let plural = head.ends_with('s') && !head.ends_with("ss")
        || matches!(
            head.as_str(),
            "police" | "people" | "staff" | "government" | "party" | "administration"
        );
    match pronoun {
        "they" | "we" => plural || is_capitalized(label),
        _ => !plural || is_capitalized(&head),
    }
}
