//! Who-answers: the person a role question names ("who was the driver?"), the leader of
//! an organization ("who runs Lumen?"), and the one who did something ("who scored?") —
//! the subject before the event's word, or the agent after "by" in the passive.

use super::typed::{THRESHOLD, anchors_of, candidates, topic, unsure};
use super::{AskAnswer, found, not_found};
use crate::analyze::people::lexicon::LEX;
use crate::analyze::terms;
use crate::model::{Article, Person};
use crate::query::Evidence;
use crate::query::index::ScopeIndex;

/// Words that end a role and start what it belongs to ("the boss of Northsound").
const ROLE_ENDS: &[&str] = &["of", "at", "for", "from", "in", "with", "on"];

/// The role words of a "who is/was the <role> (of …)" target: the words after the
/// article, up to a preposition, when their head is a common noun. `None` when the
/// target is a name.
fn role_words(target: &str) -> Option<Vec<String>> {
    let mut words = target.split_whitespace();
    let first = words.next()?.to_lowercase();
    if !matches!(first.as_str(), "the" | "a" | "an") {
        return None;
    }
    let role: Vec<String> = words
        .take_while(|w| !ROLE_ENDS.contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect();
    // "the driver", "the Australian foreign minister", "the Prime Minister": the head is
    // a common noun (lower case, or a role noun however it is written); "the Beatles" is
    // a name.
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase) || w.starts_with('\'');
    let head = role.last()?;
    // The engine's role-noun set (the whole word: "Gov." is not read as "gov").
    let is_role_noun = |w: &str| !w.ends_with('.') && LEX.is_role_noun(w);
    (lower(head) || is_role_noun(head)).then_some(role)
}

/// Whether a "who is/was X" target is a role ("the driver", "the boss of Lumen")
/// rather than a name.
pub fn is_role_question(target: &str) -> bool {
    role_words(target).is_some()
}

/// "Who was the driver?": the person whose role the article gives as that (or a word
/// standing for it), in the article the question is about; the one whose role and
/// sentence hold most of the question's other words when several have it. Nobody else:
/// a person merely near the word is not the answer.
pub fn who_has_role(index: &ScopeIndex, q: &str, target: &str) -> AskAnswer {
    let topic = topic(index, q);
    let Some(words) = role_words(target) else {
        return not_found();
    };
    let Some(head) = words.last().map(|w| w.to_lowercase()) else {
        return not_found();
    };
    let mut heads: Vec<u32> = terms::term(&head).into_iter().collect();
    heads.extend(crate::query::synonyms::related(&head));
    // "the defence lawyer", "the president of South Korea": the role's other words and
    // what it is of must be in the person's role or the sentence that gives it.
    let modifiers: Vec<u32> = terms::terms(&words[..words.len() - 1].join(" "));
    let qualifier: Vec<u32> = target
        .split_whitespace()
        .skip_while(|w| !ROLE_ENDS.contains(&w.to_lowercase().as_str()))
        .skip(1)
        .flat_map(terms::terms)
        .collect();
    let mut best: Option<(usize, String, Evidence)> = None;
    for (slot, a) in index.articles() {
        if !topic.allows(slot) {
            continue;
        }
        for p in &a.analysis.people {
            let role_terms = terms::terms(&p.role);
            if p.role.is_empty() || !role_terms.iter().any(|t| heads.contains(t)) {
                continue;
            }
            let Some((s, _)) = role_sentence(a, p) else {
                continue;
            };
            let mut held = role_terms.clone();
            held.extend(terms::terms(a.doc.sentence_text(s)));
            let qualified = qualifier.iter().filter(|t| held.contains(t)).count();
            if !modifiers.iter().all(|t| held.contains(t))
                || (!qualifier.is_empty() && (qualified == 0 || 2 * qualified < qualifier.len()))
            {
                continue;
            }
            let score = topic.groups.iter().filter(|g| g.holds(slot, s)).count();
            if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                best = Some((
                    score,
                    format!("{} ({})", p.name, p.role),
                    Evidence::new(a, s),
                ));
            }
        }
    }
    match best {
        Some((_, answer, evidence)) => found(answer, vec![evidence]),
        None => unsure(index, &topic, "who that is"),
    }
}

/// Verbs of "who runs X" with the role nouns that answer them.
const LEADING: &[(&[&str], &[&str])] = &[
    (
        &[
            "runs", "run", "ran", "leads", "lead", "led", "heads", "head", "headed", "directs",
            "directed", "chairs", "chaired", "manages", "managed",
        ],
        &[
            "chief",
            "executive",
            "ceo",
            "director",
            "head",
            "chairman",
            "chairwoman",
            "chair",
            "president",
            "leader",
            "boss",
            "manager",
            "founder",
            "owner",
            "principal",
            "governor",
            "mayor",
            "commissioner",
            "administrator",
        ],
    ),
    (
        &["owns", "own", "owned", "founded", "started"],
        &["owner", "founder", "co-founder", "proprietor"],
    ),
];

/// "Who runs Lumen?", "Who owns Virgin?": the verb's role nouns and the thing led, when
/// the question has that shape.
pub fn leading_question(q: &str) -> Option<(&'static [&'static str], String)> {
    let words: Vec<&str> = q
        .trim()
        .trim_end_matches(['?', '.', '!'])
        .split_whitespace()
        .collect();
    let (first, verb) = (words.first()?, words.get(1)?);
    if !first.eq_ignore_ascii_case("who") {
        return None;
    }
    let verb = verb.to_lowercase();
    let (_, roles) = LEADING
        .iter()
        .find(|(verbs, _)| verbs.contains(&verb.as_str()))?;
    let led = words[2..].join(" ");
    (!led.is_empty()).then_some((*roles, led))
}

/// "Who runs X": the person whose role is a leading one (chief executive, director,
/// owner …) and whose role, or the sentence giving it, names X.
pub fn who_leads(index: &ScopeIndex, q: &str, roles: &[&str], led: &str) -> AskAnswer {
    let topic = topic(index, q);
    let led_terms: Vec<u32> = terms::terms(led);
    if led_terms.is_empty() {
        return not_found();
    }
    // Most of the led thing's words ("Lumen" for "Lumen Semiconductor").
    let holds_led = |text: &str| {
        let held = terms::terms(text);
        let n = led_terms.iter().filter(|t| held.contains(t)).count();
        2 * n >= led_terms.len() && n > 0
    };
    for (slot, a) in index.articles() {
        if !topic.allows(slot) {
            continue;
        }
        for p in &a.analysis.people {
            let role_words: Vec<String> = p
                .role
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map(str::to_lowercase)
                .collect();
            if !role_words.iter().any(|w| roles.contains(&w.as_str())) {
                continue;
            }
            let Some((s, gives_role)) = role_sentence(a, p) else {
                continue;
            };
            if holds_led(&p.role) || gives_role && holds_led(a.doc.sentence_text(s)) {
                return found(
                    format!("{} ({})", p.name, p.role),
                    vec![Evidence::new(a, s)],
                );
            }
        }
    }
    unsure(index, &topic, "who that is")
}

/// Auxiliaries that make the next verb passive ("was found", "has been sold").
const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];

/// "Who did X": the person or organization doing it — the subject just before the
/// event's word in its clause, or the agent after "by" — not merely someone in the
/// sentence.
pub fn who_did(index: &ScopeIndex, q: &str) -> AskAnswer {
    let topic = topic(index, q);
    let lower = q.to_lowercase();
    let asks_passive = lower
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| PASSIVE_AUXILIARIES.contains(&w));
    for (slot, s, _) in candidates(&topic, THRESHOLD) {
        let a = index.article(slot);
        let sentence = a.doc.sentences[s].span;
        let text = a.doc.slice(sentence);
        // The event word: the question's first topic word ("died" in "who died in …").
        let Some(event) = topic.groups.first() else {
            continue;
        };
        let near = anchors_of(a, s, |t| event.ids.contains(&t));
        let Some(&verb_at) = near.first() else {
            continue;
        };
        // "A document was found … by someone": in the passive, the name before the verb
        // is what it happened to; only "by X" names who did it.
        // ("Who was arrested?" asks for what it happened to: then the name before the
        // verb is the answer.)
        let passive = !asks_passive
            && text[..verb_at]
                .split_whitespace()
                .rev()
                .take(2)
                .any(|w| PASSIVE_AUXILIARIES.contains(&w.to_lowercase().as_str()));
        let mut named: Vec<(usize, &str)> = Vec::new();
        let people = a.analysis.people.iter().map(|p| (&p.name, &p.mentions));
        let orgs = a
            .analysis
            .organizations
            .iter()
            .map(|o| (&o.name, &o.mentions));
        for (name, mentions) in people.chain(orgs) {
            let named_in_question = lower.contains(&name.to_lowercase())
                || mentions
                    .iter()
                    .any(|m| lower.contains(&a.doc.slice(*m).to_lowercase()));
            if named_in_question {
                continue;
            }
            for m in mentions.iter().filter(|m| sentence.contains(**m)) {
                named.push((m.start - sentence.start, name.as_str()));
            }
        }
        for qt in a.analysis.quotes.iter().filter(|qt| qt.sentence == s) {
            if let Some(cue) = qt.cue.filter(|c| sentence.contains(*c))
                && !lower.contains(&qt.speaker.to_lowercase())
            {
                named.push((cue.start - sentence.start, qt.speaker.as_str()));
            }
        }
        // The subject: the nearest name before the event word with no clause break
        // (a semicolon, a sentence-internal full stop) between them; else "by X" after it.
        let subject = named
            .iter()
            .filter(|_| !passive)
            .filter(|(at, _)| *at < verb_at)
            .filter(|(at, _)| !text[*at..verb_at].contains([';', ':']))
            .filter(|(at, _)| verb_at - at <= 80)
            // "… a give and go with Abou Diaby …": a name after a preposition is not
            // the one doing it.
            .filter(|(at, _)| {
                let head = text[..*at].trim_end().to_lowercase();
                !["with", "to", "of", "from", "for", "against", "by", "and"]
                    .iter()
                    .any(|p| head.ends_with(&format!(" {p}")) || head == *p)
            })
            .max_by_key(|(at, _)| *at)
            .or_else(|| {
                let by = text[verb_at..].find(" by ")? + verb_at + 4;
                named
                    .iter()
                    .find(|(at, _)| *at == by || (*at > by && *at <= by + 4))
            });
        if let Some((_, name)) = subject {
            return found(name.to_string(), vec![Evidence::new(a, s)]);
        }
    }
    unsure(index, &topic, "who did that")
}

/// The sentence that gives a person's role (one of their mentions' sentences holding the
/// role's words), else their first mention's; and whether it gives the role.
fn role_sentence(a: &Article, p: &Person) -> Option<(usize, bool)> {
    let mut sentences = p.mentions.iter().filter_map(|m| a.doc.sentence_at(m.start));
    let first = sentences.next()?;
    let gives = |i: usize| a.doc.sentence_text(i).contains(p.role.as_str());
    if gives(first) {
        return Some((first, true));
    }
    Some(
        sentences
            .find(|&i| gives(i))
            .map_or((first, false), |i| (i, true)),
    )
}
