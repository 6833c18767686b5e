//! Table of reported-speech cues and subjects (issue 13), one block per rule of the
//! speech side: which words and constructions cue a reported statement and who its
//! subject is. The sentences are our own. Each case lists every statement expected; a
//! case fails on a missing statement, a wrong speaker or kind, or an extra statement.

mod table_support;
use table_support::{I, QuoteCase as Case};

const CASES: &[Case] = &[
    // --- quotes.request_infinitive: "asked/told <object> to <verb>" is a request or an
    // order; the statement is the listener with the infinitive
    (
        "In a letter to the board, Lark asked the council to cancel the contract for the ferry.",
        &[("Lark", "the council to cancel the contract", I)],
    ),
    (
        "Two unions on Monday asked the Harbour Court to block the new rules for the quay.",
        &[("Two unions", "the Harbour Court to block the new rules", I)],
    ),
    (
        "The mayor told Ilse Varga to close the pier before the storm.",
        &[(
            "The mayor",
            "Ilse Varga to close the pier before the storm",
            I,
        )],
    ),
    // an object before "to" and a noun is no request
    ("The mayor told the story to friends at the harbour.", &[]),
    // --- quotes.colon_clause: an unquoted clause after "said:" is the statement
    (
        "Ferry row\n\nInsiders said: the cost, the delay and the weather make a quick fix unlikely.",
        &[(
            "Insiders",
            "the cost, the delay and the weather make a quick fix unlikely",
            I,
        )],
    ),
    (
        "Ferry row\n\nA reporter asked: Did they talk about the ferry fares at the meeting?",
        &[(
            "A reporter",
            "Did they talk about the ferry fares at the meeting",
            I,
        )],
    ),
    // --- quotes.medium_participle: a participle after the noun of a medium speaks for
    // the subject of the verb before it
    (
        "The harbour board issued a statement saying that the pier would reopen in May.",
        &[("The harbour board", "the pier would reopen in May", I)],
    ),
    (
        "Minutes later, the union sent an email Wednesday saying the talks had failed.",
        &[("The union", "the talks had failed", I)],
    ),
    // a medium noun with no determiner and verb before it is no such cue
    ("Email saying the pier was closed went out.", &[]),
    // --- quotes.prep_participle: a participle after "by"/"while"/"after" inside the
    // sentence speaks for the subject opening it
    (
        "Quay talks\n\nMayor Tom Lark ended the meeting with the board by saying the ferry \
         would run again in May.",
        &[("Tom Lark", "the ferry would run again in May", I)],
    ),
    // inside a bracket the participle belongs to the aside
    (
        "The vote (which Lark won by arguing the ferry was safe) makes this a test for the mayor.",
        &[],
    ),
    // --- quotes.participle_opening_np: a participle after a comma speaks for the noun
    // phrase opening the sentence; a participle that takes an object reports nothing
    (
        "Other harbour officials echoed those remarks, saying the plan for the quay is inadequate.",
        &[(
            "Other harbour officials",
            "the plan for the quay is inadequate",
            I,
        )],
    ),
    (
        "Other harbour officials echoed those remarks, rejecting a plan favored by the mayor.",
        &[],
    ),
    // --- institution heads from the WordNet generator (scripts/gen_group_speakers.py):
    // a noun naming an institution is a statement's source
    (
        "The budget office said the new costs came from the harbour tax cuts.",
        &[(
            "The budget office",
            "the new costs came from the harbour tax cuts",
            I,
        )],
    ),
    (
        "Ferry row\n\nThe embassy said the two crews would be flown home on Friday.",
        &[(
            "The embassy",
            "the two crews would be flown home on Friday",
            I,
        )],
    ),
    // --- quotes.noun_before_timed_verb: an -s speech-verb word before a time phrase and
    // a speech verb is a plural noun, that verb's subject
    (
        "Ferry crash\n\nThree crew members are still in hospital. Hospital reports late on \
         Friday indicate that two of them are badly hurt.",
        &[("Hospital reports", "two of them are badly hurt", I)],
    ),
    // --- quotes.stance_governor: the verb or predicate before "to" lends its subject
    (
        "Ferry row\n\nMayor Tom Lark continued to say he had never seen the letter. \
         Voters were slightly more likely to say they preferred the old timetable.",
        &[
            ("Tom Lark", "he had never seen the letter", I),
            ("Voters", "they preferred the old timetable", I),
        ],
    ),
    (
        "Ferry row\n\nMayor Tom Lark went out of his way to say that the ferry would run in May.",
        &[("Tom Lark", "the ferry would run in May", I)],
    ),
    // a verb that takes an object reports nothing
    (
        "Ferry row\n\nMayor Tom Lark continues to maintain a strong lead in the harbour ward.",
        &[],
    ),
    // --- a reported clause ends where a new subject and speech verb open a second
    // statement (quotes.joined_attribution); a relative clause stays in the first
    (
        "Ferry poll\n\nMost riders said the fares were fair, but 55 percent of the crews \
         say the pay is too low.",
        &[
            ("Riders", "the fares were fair", I),
            ("55 percent of the crews", "the pay is too low", I),
        ],
    ),
    (
        "Ferry poll\n\nThe harbour board said the new fee, which critics say is unfair, \
         will pay for the pier.",
        &[(
            "The harbour board",
            "the new fee, which critics say is unfair, will pay for the pier",
            I,
        )],
    ),
];

#[test]
fn speech_cues_table() {
    table_support::assert_quote_table(CASES);
}
