//! What kind of answer a "how much / how many" question wants, and whether a figure is
//! that kind: money for a value or a cost, a count of the thing the question counts
//! ("how many people" → a count of people, never of votes or tonnes), a percentage for a
//! share, an age for "how old", a length or a duration for "how far / how long".

use crate::analyze::terms;
use crate::model::{Figure, FigureKind};

/// The measure a question asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// A sum of money (value, cost, worth, price, pay).
    Money,
    /// A share or rate.
    Percent,
    /// An age.
    Age,
    /// A distance or size ("how far", "how deep", "how high").
    Size,
    /// A length of time ("how long").
    Duration,
    /// A number of things; the term ids of the counted noun and its synonyms, when the
    /// question names it.
    Count(Vec<u32>),
    /// "How much" with nothing that fixes the measure: money, a quantity or a share.
    Amount,
    /// "How much uranium …": an amount of the named thing (a quantity, count or sum of
    /// it), never a share; the term ids of the noun.
    AmountOf(Vec<u32>),
}

/// Question words that make "how much" a question about money.
const MONEY_WORDS: &[&str] = &[
    "cost",
    "costs",
    "worth",
    "value",
    "valued",
    "price",
    "priced",
    "pay",
    "paid",
    "spend",
    "spent",
    "money",
    "fund",
    "funding",
    "funds",
    "budget",
    "invest",
    "investing",
    "investment",
    "subsidy",
    "fine",
    "fined",
    "insured",
    "raise",
    "raised",
    "earn",
    "earned",
    "revenue",
    "sales",
    "profit",
    "loss",
    "losses",
    "trade",
    "dollars",
    "euros",
    "pounds",
    "stake",
    "deal",
    "bailout",
    "damages",
    "compensation",
    "tax",
    "taxes",
];
/// Nouns that count people.
const PEOPLE_NOUNS: &[&str] = &[
    "people",
    "persons",
    "person",
    "men",
    "women",
    "children",
    "workers",
    "passengers",
    "residents",
    "protesters",
    "protestors",
    "victims",
    "students",
    "employees",
    "staff",
    "soldiers",
    "troops",
    "members",
    "commuters",
    "pupils",
    "patients",
    "firefighters",
    "officers",
    "senators",
    "lawmakers",
    "users",
];
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades",
];
const SIZE_UNITS: &[&str] = &[
    "km",
    "kilometers",
    "kilometres",
    "kilometer",
    "kilometre",
    "miles",
    "mile",
    "meters",
    "metres",
    "m",
    "feet",
    "ft",
    "cm",
    "inches",
    "hectares",
    "acres",
];

fn words_of(question: &str) -> Vec<String> {
    terms::words(question).collect()
}

/// The measure a "how much / how many / what share" question wants.
pub fn measure_of(question: &str) -> Measure {
    let w = words_of(question);
    let has = |s: &str| w.iter().any(|x| x == s);
    let after = |s: &str| w.iter().position(|x| x == s).and_then(|i| w.get(i + 1));
    if has("percentage") || has("percent") || has("share") || has("proportion") || has("rate") {
        return Measure::Percent;
    }
    if w.windows(2).any(|p| p[0] == "how" && p[1] == "old") || has("age") {
        return Measure::Age;
    }
    if w.windows(2).any(|p| p[0] == "how" && p[1] == "long") {
        return Measure::Duration;
    }
    if w.windows(2)
        .any(|p| p[0] == "how" && matches!(p[1].as_str(), "far" | "deep" | "high" | "tall"))
    {
        return Measure::Size;
    }
    if has("many") || has("number") {
        let noun = after("many").or_else(|| after("of"));
        let counted: Vec<u32> = noun
            .filter(|n| terms::term(n).is_some())
            .map(|n| {
                // The noun itself (a synonym list would let "votes" count senators).
                let mut ids: Vec<u32> = terms::term(n).into_iter().collect();
                if PEOPLE_NOUNS.contains(&n.as_str()) {
                    ids.extend(PEOPLE_NOUNS.iter().filter_map(|p| terms::term(p)));
                }
                ids
            })
            .unwrap_or_default();
        return Measure::Count(counted);
    }
    if w.iter().any(|x| MONEY_WORDS.contains(&x.as_str())) {
        return Measure::Money;
    }
    // "How much uranium does …": the word after "much" names the thing measured, unless it
    // is a verb or pronoun ("how much did …", "how much is …").
    if let Some(id) = after("much")
        .filter(|n| !NOT_A_MEASURED_NOUN.contains(&n.as_str()))
        .and_then(|n| terms::term(n))
    {
        return Measure::AmountOf(vec![id]);
    }
    Measure::Amount
}

/// Words after "how much" that do not name the thing measured.
const NOT_A_MEASURED_NOUN: &[&str] = &[
    "is", "was", "are", "were", "did", "does", "do", "will", "would", "could", "can", "has",
    "have", "had", "should", "more", "less", "of", "it", "they", "he", "she", "we", "you", "the",
    "a", "an", "this", "that", "money",
];

/// Words that end the noun phrase after a number.
const NOUN_PHRASE_STOPS: &[&str] = &[
    "in", "at", "on", "for", "to", "from", "by", "with", "and", "or", "but", "as", "than", "was",
    "were", "is", "are", "had", "have", "has", "will", "would",
];

/// Whether `figure` (in a sentence whose words after the number are `following`) is the
/// measure asked for.
pub fn fits(measure: &Measure, figure: &Figure, following: &str) -> bool {
    let unit = figure.unit.to_lowercase();
    let unit_words: Vec<String> = terms::words(&unit).collect();
    let unit_in = |list: &[&str]| unit_words.iter().any(|u| list.contains(&u.as_str()));
    match measure {
        Measure::Money => figure.kind == FigureKind::Money,
        Measure::Percent => figure.kind == FigureKind::Percent,
        Measure::Age => figure.kind == FigureKind::Age,
        Measure::Duration => {
            figure.kind == FigureKind::YearSpan
                || (figure.kind == FigureKind::Quantity || figure.kind == FigureKind::Count)
                    && unit_in(TIME_UNITS)
        }
        Measure::Size => figure.kind == FigureKind::Quantity && unit_in(SIZE_UNITS),
        // "How much did it fall": an amount, never a length of time.
        Measure::Amount => {
            matches!(figure.kind, FigureKind::Money | FigureKind::Percent)
                || figure.kind == FigureKind::Quantity && !unit_in(TIME_UNITS)
        }
        Measure::Count(counted) => {
            matches!(figure.kind, FigureKind::Count | FigureKind::Quantity)
                && names_the_noun(counted, figure, following)
        }
        Measure::AmountOf(thing) => {
            matches!(
                figure.kind,
                FigureKind::Count | FigureKind::Quantity | FigureKind::Money
            ) && names_the_noun(thing, figure, following)
        }
    }
}

/// Whether the figure counts or measures the noun whose term ids are `noun` (any noun
/// when none is named): its unit, what it is about, or the noun phrase that continues
/// it ("12 of the senators", "40 more officers"). A preposition or the end of a clause
/// stops that phrase, so "two votes in the Senate" does not count senators.
fn names_the_noun(noun: &[u32], figure: &Figure, following: &str) -> bool {
    if noun.is_empty() {
        return true;
    }
    let mut near_words: Vec<&str> = Vec::new();
    for word in following.split_whitespace().take(4) {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        if bare.is_empty() || NOUN_PHRASE_STOPS.contains(&lower.as_str()) {
            break;
        }
        near_words.push(bare);
        if word.ends_with(['.', ',', ';', ':', '?', '!']) {
            break;
        }
    }
    let near = near_words.join(" ");
    let held = |text: &str| terms::terms(text).iter().any(|t| noun.contains(t));
    held(&figure.unit) || held(&near) || held(&figure.about)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_name_their_measure() {
        assert_eq!(measure_of("How much is the deal worth?"), Measure::Money);
        assert_eq!(
            measure_of("what share of the vote did she get"),
            Measure::Percent
        );
        assert_eq!(measure_of("How old is the museum?"), Measure::Age);
        assert!(
            matches!(measure_of("How many people were hurt?"), Measure::Count(c) if !c.is_empty())
        );
        assert!(
            matches!(measure_of("How much water does it use?"), Measure::AmountOf(c) if !c.is_empty())
        );
        assert_eq!(measure_of("How much did the shares fall?"), Measure::Amount);
    }
}
