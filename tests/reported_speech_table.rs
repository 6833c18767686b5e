//! Reported speech whose speaker the earlier rounds missed (issue 13, third round):
//! several holders of a role speaking as a group ("her advisers said …"); the listener
//! of "tell" as a noun phrase, a time phrase or an aside before the clause ("told his
//! audience last week, however, that …"); shares of a surveyed group ("Two in three
//! said …", "Those surveyed say …", "A majority of voters say …"); a short predicate after an
//! attribution set inside the sentence ("…, Roe argued, is an illusion"); "As the
//! paper noted, …"; a phrase of time or medium before the verb ("Roe on Tuesday said"). The sentences are our own. Each case lists every
//! statement expected; a case fails on a missing statement, a wrong speaker or kind,
//! or an extra statement.

mod table_support;
use table_support::{I, QuoteCase as Case};

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
    // --- a phrase of time or medium between the subject and its verb
    (
        "Rosa Dunmore on Tuesday said the ferry would run until June.",
        &[("Rosa Dunmore", "the ferry would run until June", I)],
    ),
    (
        "Rosa Dunmore in a blog post said she would close the quay.",
        &[("Rosa Dunmore", "she would close the quay", I)],
    ),
    // --- "state" after "in the" is a noun, not a verb with a phrase before it
    ("The crews she represented in the state were unhappy.", &[]),
    // --- a speech-verb word inside the description before the verb is a noun or the
    // verb of a relative clause, not a second speech verb
    (
        "Rosa Dunmore, a former state legislator, said the pier should be rebuilt.",
        &[("Rosa Dunmore", "the pier should be rebuilt", I)],
    ),
    (
        "Hal Brenner, who heads a project on river traffic, said the locks were too small.",
        &[("Hal Brenner", "the locks were too small", I)],
    ),
    (
        "Hal Brenner, who spoke at the quay on Monday, said the ferry would be late.",
        &[("Hal Brenner", "the ferry would be late", I)],
    ),
    (
        "Ilse Varga, a sailor who described herself as a night owl, said she liked the late boats.",
        &[("Ilse Varga", "she liked the late boats", I)],
    ),
    // --- no person before ", who": the noun phrase there speaks
    (
        "The inspector, who spoke on the condition of anonymity, said that the hull was cracked.",
        &[("The inspector", "the hull was cracked", I)],
    ),
    // --- after a past-tense speech verb a plural speech-verb word is a noun
    (
        "A harbour aide said comments from the mayor were consistent with her views.",
        &[(
            "A harbour aide",
            "comments from the mayor were consistent with her views",
            I,
        )],
    ),
    // --- but a plural noun before a present verb stays the subject
    (
        "The harbour reports say the pier is unsafe.",
        &[("The harbour reports", "the pier is unsafe", I)],
    ),
    // --- a short opening phrase before a mid-sentence "according to": the clause after
    // the source is the statement, the opening phrase its head
    (
        "Since last spring, according to the union, the ferry crews have lost 400 jobs.",
        &[
            ("The union", "the ferry crews have lost 400 jobs", I),
            ("The union", "Since last spring", I),
        ],
    ),
    // --- but a subject before it keeps its predicate
    (
        "The ferry crews, according to the union, have lost 400 jobs.",
        &[
            ("The union", "The ferry crews", I),
            ("The union", "have lost 400 jobs", I),
        ],
    ),
    // --- a person further back still wins over a number before ", who"
    (
        "Hal Brenner, 52, who was visiting the island, said the ferry was full.",
        &[("Hal Brenner", "the ferry was full", I)],
    ),
];

#[test]
fn reported_speech_third_round() {
    table_support::assert_quote_table(CASES);
}
