//! Reported speech found by rules chosen for how many articles they fix (issue 13,
//! fourth round): a head of one or two words before a mid-sentence "according to X,"
//! with the predicate after the source, and "But according to X, …" opening a
//! sentence; "<name, group or document>, which argued …"; ", while saying …";
//! "state"/"states" and "pledged" used as nouns or modifiers, which cue nothing; "said
//! no", "said she would"; "Noting that …, X …";
//! "accused him of …". The sentences are our own. Each case lists every statement expected; a
//! case fails on a missing statement, a wrong speaker or kind, or an extra statement.

mod table_support;
use table_support::{I, QuoteCase as Case};

const CASES: &[Case] = &[
    // --- a head of one or two words, then the predicate after the source
    (
        "The cost, according to the audit, has doubled since May.",
        &[
            ("The audit", "has doubled since May", I),
            ("The audit", "The cost", I),
        ],
    ),
    (
        "Turnout, according to the county clerk, rose sharply in the hill towns.",
        &[
            ("The county clerk", "rose sharply in the hill towns", I),
            ("The county clerk", "Turnout", I),
        ],
    ),
    // --- an opening conjunction leaves "according to X" at the sentence start
    (
        "But according to the harbour master, the pier will reopen in June.",
        &[("The harbour master", "the pier will reopen in June", I)],
    ),
    // --- a short head with the source ending the sentence is no statement
    ("Fares rose, according to the union.", &[]),
    // --- "<name, group or document>, which argued …": the noun phrase before "which"
    (
        "The Quay Gazette, which argued that the fares were unfair, has lost the case.",
        &[("The Quay Gazette", "the fares were unfair", I)],
    ),
    (
        "The ruling followed a request by the Quay Gazette, which argued that the files were public.",
        &[("The Quay Gazette", "the files were public", I)],
    ),
    // --- an adverb between "which" and the verb; the statement ends with the clause
    (
        "The Quay Gazette, which originally said the fares would rise, has changed course.",
        &[("The Quay Gazette", "the fares would rise", I)],
    ),
    // --- but a thing that cannot speak is no antecedent
    (
        "The tax, which said nothing about ferries, was repealed.",
        &[],
    ),
    // --- ", while saying …": the comma leaves the participle with the sentence's subject
    (
        "Rosa Dunmore left the meeting early, while saying that the new pier would help the town.",
        &[("Rosa Dunmore", "the new pier would help the town", I)],
    ),
    // --- a one- or two-word statement that ends the sentence after "say"
    ("Rosa Dunmore said no.", &[("Rosa Dunmore", "no", I)]),
    (
        "The board met at noon. Rosa Dunmore said she would.",
        &[("Rosa Dunmore", "she would", I)],
    ),
    // --- but not any short object
    ("Rosa Dunmore said nothing.", &[]),
    ("Rosa Dunmore said it.", &[]),
    // --- a reporting participle opening the sentence: the main clause's subject
    (
        "Noting that the pier had failed twice, Rosa Dunmore asked for a new one.",
        &[("Rosa Dunmore", "the pier had failed twice", I)],
    ),
    // --- but a participle of a verb that reports nothing opens a setting
    (
        "Holding up the ferry timetable, Rosa Dunmore left the stage.",
        &[],
    ),
    // --- an object pronoun with the charge after it, like a noun phrase
    (
        "The harbour master accused him of hiding the ferry logs.",
        &[("The harbour master", "him of hiding the ferry logs", I)],
    ),
    ("The harbour master accused him.", &[]),
    // --- "state"/"states" as the political unit and "pledged delegates" cue nothing
    ("Clinton won three state primaries on Tuesday.", &[]),
    ("Coastal states swing toward the ferry party.", &[]),
    (
        "The ferry party leads in pledged delegates by a wide margin.",
        &[],
    ),
    // --- but the verb still reports its clause
    (
        "The harbour law states that every pier must be lit.",
        &[("The harbour law", "every pier must be lit", I)],
    ),
];

#[test]
fn speech_frequency_round() {
    table_support::assert_quote_table(CASES);
}
