//! Reported speech whose speaker the earlier rounds missed (issue 13, third round):
//! several holders of a role speaking as a group ("her advisers said …"); the listener
//! of "tell" as a noun phrase, a time phrase or an aside before the clause ("told his
//! audience last week, however, that …"); shares of a surveyed group ("Two in three
//! said …", "Those surveyed say …", "A majority of voters say …"); a short predicate after an
//! attribution set inside the sentence ("…, Roe argued, is an illusion"); "As the
//! paper noted, …". The sentences are our own. Each case lists every
//! statement expected; a case fails on a missing statement, a wrong speaker or kind,
//! or an extra statement.

use newsdesk::model::QuoteKind;

mod table_support;

const I: QuoteKind = QuoteKind::Indirect;

/// (article text, expected statements as (speaker, words inside the statement, kind)).
type Case = (
    &'static str,
    &'static [(&'static str, &'static str, QuoteKind)],
);

const CASES: &[Case] = &[
    // --- the plural of a role noun names a group that speaks
    (
        "The count ended late. Her advisers said the recount would change nothing.",
        &[("Her advisers", "the recount would change nothing", I)],
    ),
    (
        "Staffers said the office had run out of paper by noon.",
        &[("Staffers", "the office had run out of paper by noon", I)],
    ),
    // --- "-woman" nouns take "-women"
    (
        "The women say the crossing is still unlit after dark.",
        &[("The women", "the crossing is still unlit after dark", I)],
    ),
    // --- the listener of "tell" as a possessive or group noun phrase
    (
        "At the rally the mayor told his audience they would keep the ferry.",
        &[("The mayor", "they would keep the ferry", I)],
    ),
    (
        "Rosa Dunmore told friends she was tired of the night shifts.",
        &[("Rosa Dunmore", "she was tired of the night shifts", I)],
    ),
    // --- a request keeps its listener ("asked supporters to …")
    (
        "Rosa Dunmore asked supporters to print the harbour plans.",
        &[("Rosa Dunmore", "supporters to print the harbour plans", I)],
    ),
    // --- a time phrase before the clause, after the verb or the listener
    (
        "Rosa Dunmore said last week she would not run for the harbour board.",
        &[("Rosa Dunmore", "she would not run for the harbour board", I)],
    ),
    (
        "Rosa Dunmore told the Quay Gazette earlier this month the fares would rise.",
        &[("Rosa Dunmore", "the fares would rise", I)],
    ),
    // --- "this" opening the clause is its subject, and so is a time phrase before a verb
    (
        "Rosa Dunmore told reporters this was the last ferry of the year.",
        &[("Rosa Dunmore", "this was the last ferry of the year", I)],
    ),
    (
        "Rosa Dunmore said this year will be the hardest for the fleet.",
        &[(
            "Rosa Dunmore",
            "this year will be the hardest for the fleet",
            I,
        )],
    ),
    // --- a short aside in commas before "that"
    (
        "Rosa Dunmore told the Quay Gazette, however, that the pier would stay open.",
        &[("Rosa Dunmore", "the pier would stay open", I)],
    ),
    // --- a share of a surveyed group in words, and a share opened by "a"
    (
        "The harbour poll closed on Friday. Two in three said the ferry fares were too high.",
        &[("Two in three", "the ferry fares were too high", I)],
    ),
    (
        "About one in five voters say they would skip the harbour vote.",
        &[(
            "About one in five voters",
            "they would skip the harbour vote",
            I,
        )],
    ),
    (
        "Those surveyed say the pier should stay open at night.",
        &[("Those surveyed", "the pier should stay open at night", I)],
    ),
    (
        "A majority of the fishermen say the new quotas are unfair.",
        &[(
            "A majority of the fishermen",
            "the new quotas are unfair",
            I,
        )],
    ),
    // --- a singular subject opened by "a" still needs an agreeing verb
    ("A ferry say the harbour is closed.", &[]),
    // --- a short predicate after an attribution set inside the sentence
    (
        "The charm of the ferry plan itself, Rosa Dunmore argued, is largely an illusion.",
        &[
            ("Rosa Dunmore", "The charm of the ferry plan itself", I),
            ("Rosa Dunmore", "is largely an illusion", I),
        ],
    ),
    // --- an "as" clause closed by a speech verb reports the clause after its comma
    (
        "As the Quay Gazette noted, trust in the harbour board is collapsing.",
        &[(
            "The Quay Gazette",
            "trust in the harbour board is collapsing",
            I,
        )],
    ),
    (
        "Of course, as another survey noted, the average age of the crews was 58.",
        &[("Another survey", "the average age of the crews was 58", I)],
    ),
];

#[test]
fn reported_speech_third_round() {
    table_support::assert_table(CASES, |(text, want)| {
        let got = table_support::quotes_of(text);
        (text.to_string(), table_support::quote_problems(&got, want))
    });
}
