//! Table of questions as reported speech (issue 13): "X asked (Y) whether/about …" is
//! X's question; a passive "asked" ("Asked whether …, Y said", "Y was asked about …")
//! names its asker only by "by <agent>", and otherwise the question has the unnamed
//! speaker (an empty label), never the person who answered. The sentences are our own.
//! Each case lists every statement expected; a case fails on a missing statement, a
//! wrong speaker or kind, or an extra statement.

mod table_support;
use table_support::{D, I, QuoteCase as Case};

const CASES: &[Case] = &[
    // --- quotes.asked_question: the subject of an active "asked" puts the question
    (
        "Ferry row\n\nMayor Ilse Varga asked the harbour board whether the pier could \
         stay open through the winter.",
        &[(
            "Ilse Varga",
            "whether the pier could stay open through the winter",
            I,
        )],
    ),
    (
        "Ferry row\n\nCouncillor Tomasz Brandvold asked about the cost of the new \
         breakwater at Tuesday's meeting.",
        &[(
            "Tomasz Brandvold",
            "about the cost of the new breakwater",
            I,
        )],
    ),
    (
        "Ferry row\n\nThe fishermen's union asked on Monday why the quota had been cut \
         again.",
        &[(
            "The fishermen's union",
            "why the quota had been cut again",
            I,
        )],
    ),
    // a setting between the listener and the question is not the question
    (
        "Ferry row\n\nTomas Lark asked Ilse Varga on Friday whether she would release the \
         minutes.",
        &[("Tomas Lark", "whether she would release the minutes", I)],
    ),
    // "for" inside the listener's phrase opens the request
    (
        "Ferry row\n\nThe Harbour Trust asked the High Court for quick action on the pier.",
        &[("The Harbour Trust", "for quick action on the pier", I)],
    ),
    // a negated "ask" asks nothing
    (
        "Ferry row\n\nThe board did not ask whether the pier was safe.",
        &[],
    ),
    // "asking for anonymity" is no question
    (
        "Ferry row\n\n“The pier is rotten,” said a harbour pilot, asking for anonymity \
         because he works for the board.",
        &[("A harbour pilot", "The pier is rotten", D)],
    ),
    // --- quotes.asked_passive: the answerer is not the asker
    (
        "Ferry row\n\nAsked whether the ferry would run in May, Mayor Ilse Varga said, \
         “We will see.”",
        &[
            ("", "whether the ferry would run in May", I),
            ("Ilse Varga", "We will see.", D),
        ],
    ),
    (
        "Ferry row\n\nMayor Ilse Varga was asked about the ferry timetable during a \
         council meeting on Tuesday.",
        &[("", "about the ferry timetable", I)],
    ),
    (
        "Ferry row\n\n“We will see,” Mayor Ilse Varga said when asked on local radio if \
         the ferry would run in May.",
        &[
            ("Ilse Varga", "We will see", D),
            ("", "if the ferry would run in May", I),
        ],
    ),
    // the agent after "by" is the asker
    (
        "Ferry row\n\nAsked by Tomasz Brandvold whether the pier was safe, Mayor Ilse \
         Varga said, “It is.”",
        &[
            ("Tomasz Brandvold", "whether the pier was safe", I),
            ("Ilse Varga", "It is.", D),
        ],
    ),
    // a question with no opening word is not taken
    (
        "Ferry row\n\nMayor Ilse Varga was asked a lot of things at the meeting.",
        &[],
    ),
];

#[test]
fn questions_table() {
    table_support::assert_quote_table(CASES);
}
