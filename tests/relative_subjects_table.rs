//! Table of subjects carried to a speech verb by a restrictive "who" clause or a
//! quantifier's "of them" (issue 13, quotes.relative_subject): the phrase opening the
//! sentence speaks, in the article's words, never a person named inside the clause;
//! and of subjects of two conjuncts (quotes.conjoined_subject).
//! The sentences are our own. Each case lists every statement expected; a case fails
//! on a missing statement, a wrong speaker or kind, or an extra statement.

mod table_support;
use table_support::{I, QuoteCase as Case};

const CASES: &[Case] = &[
    (
        "Ferry row\n\nThose who have studied the harbour plans acknowledge that they are costly.",
        &[(
            "Those who have studied the harbour plans",
            "they are costly",
            I,
        )],
    ),
    (
        "Ferry row\n\nBut some who advocate lower fares argue that the board is wrong.",
        &[("Some who advocate lower fares", "the board is wrong", I)],
    ),
    // a person named inside the clause is not the speaker
    (
        "Ferry row\n\nMayor Ilse Varga spoke first. Captains who have worked with Varga say \
         the pier is safe.",
        &[("Captains who have worked with Varga", "the pier is safe", I)],
    ),
    (
        "Ferry row\n\nThe pilots who ruled out a strike, for instance, said the pay was fair.",
        &[("The pilots who ruled out a strike", "the pay was fair", I)],
    ),
    (
        "Ferry row\n\nMost of them said they had loved working on the ferry.",
        &[("Most of them", "they had loved working on the ferry", I)],
    ),
    // a share with a relative "who" before the verb: the group is the share alone
    (
        "Ferry poll\n\nAbout half backed the plan, compared with 23 percent who said the old \
         timetable was better.",
        &[("23 percent", "the old timetable was better", I)],
    ),
    // --- quotes.conjoined_subject: two conjuncts speak as one group
    (
        "Ferry row\n\nThe pier is weak on its northern side, captains and harbour \
         officials told the Courier.",
        &[(
            "Captains and harbour officials",
            "The pier is weak on its northern side",
            I,
        )],
    ),
    (
        "Ferry row\n\nThe review will end in May, current and former officials said.",
        &[(
            "Current and former officials",
            "The review will end in May",
            I,
        )],
    ),
    // a person described by two roles stays that person
    (
        "Ferry row\n\nHarbour pilot and former captain Ilse Varga said the pier was safe.",
        &[("Ilse Varga", "the pier was safe", I)],
    ),
    // a plural head with an "-s" verb is no subject-verb pair
    (
        "Ferry row\n\nThose who fish the harbour says nothing at all about it.",
        &[],
    ),
];

#[test]
fn relative_subjects_table() {
    table_support::assert_quote_table(CASES);
}
