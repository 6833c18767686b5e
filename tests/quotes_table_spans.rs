//! Table of statement-span cases for the quote engine, our own sentences: where a
//! reported statement ends when a second attribution is joined to it in the same
//! sentence ("…, and a third said …", "… but noted that …", "…; 30 percent said …",
//! "…, while the crews say …", "…, saying …"), and where it starts: the subject or
//! main clause before an attribution set inside the sentence ("The club, she said, is
//! “doing better”"). Split from
//! `quotes_table.rs` (file size), like `quotes_table_speakers.rs`. Each case lists every
//! statement expected: a missing statement, a wrong speaker or kind, or an extra
//! statement fails it.

use newsdesk::analyze;
use newsdesk::ingest::{IngestOptions, ingest};

mod table_support;
use table_support::{D, I, QuoteCase as Case};

const CASES: &[Case] = &[
    // --- an attribution set inside the sentence that ends in a listener or a short
    // phrase splits the statement like a bare "…, X said, …" (quotes.aside_attribution)
    (
        "Pier fees\n\nThe new harbour fee, Rosa Dunmore told reporters, was never put \
         to a vote.",
        &[
            ("Rosa Dunmore", "The new harbour fee", I),
            ("Rosa Dunmore", "was never put to a vote", I),
        ],
    ),
    (
        "Pier repairs\n\nIn some ways, Rosa Dunmore said in an interview, the repairs \
         will cost less than the new pier.",
        &[
            ("Rosa Dunmore", "In some ways", I),
            (
                "Rosa Dunmore",
                "the repairs will cost less than the new pier",
                I,
            ),
        ],
    ),
    // ... and a short tail opened by a present or irregular past verb is the
    // predicate of the head (quotes.predicate_tail)
    (
        "Pier law\n\nAny plan to sell the old pier, Rosa Dunmore said, becomes void in May.",
        &[
            ("Rosa Dunmore", "Any plan to sell the old pier", I),
            ("Rosa Dunmore", "becomes void in May", I),
        ],
    ),
    (
        "Pier years\n\nThe years that followed, Rosa Dunmore said, brought a shift.",
        &[
            ("Rosa Dunmore", "The years that followed", I),
            ("Rosa Dunmore", "brought a shift", I),
        ],
    ),
    // ... and when the rest after the attribution holds a quotation, the short head is
    // still the speaker's statement; a bare conjunction or setting phrase is not
    (
        "Pier size\n\nPerhaps, Rosa Dunmore said, the town has \"grown too fast.\"",
        &[
            ("Rosa Dunmore", "Perhaps", I),
            ("Rosa Dunmore", "grown too fast.", D),
        ],
    ),
    (
        "Pier size\n\nIn 2008, Rosa Dunmore said, the town had \"grown too fast.\"",
        &[("Rosa Dunmore", "grown too fast.", D)],
    ),
    // ... but "told" with a thing, not a listener, is no attribution of a statement
    (
        "Pier tale\n\nAt the last meeting of the year, Rosa Dunmore told the old story \
         of the pier, which was built in 1890.",
        &[],
    ),
    // --- a statement inside a relative clause set off by commas ends where the clause
    // closes; the main clause's own attribution belongs to the person before "who"
    (
        "Pier sale\n\nIda Lark, who said the ferry would stay, said she knew of no plan \
         to sell the pier.",
        &[
            ("Ida Lark", "the ferry would stay", I),
            ("Ida Lark", "she knew of no plan to sell the pier", I),
        ],
    ),
    (
        "Vote count\n\nMara Quist, who had said the count was rigged, told reporters \
         she would not appeal the result.",
        &[
            ("Mara Quist", "the count was rigged", I),
            ("Mara Quist", "she would not appeal the result", I),
        ],
    ),
    // ... but a comma opening an aside of the statement's own is not the clause's end
    (
        "Pier vote\n\nThe chair thanked Ana Ruiz, who said Tom Reyes, under fire from \
         members, would resign.",
        &[(
            "Ana Ruiz",
            "Tom Reyes, under fire from members, would resign",
            I,
        )],
    ),
    // --- a statement reported by a cue after it starts after an attribution of its own
    // in the stretch before: a fronted "as X revealed," or a clause joined by "and"
    (
        "Pier deeds\n\nAs this paper revealed, the pier is not owned by the city at all, \
         according to old deeds.",
        &[("Old deeds", "the pier is not owned by the city at all", I)],
    ),
    (
        "Pier crews\n\nThe crews met the mayor on Monday, as the Courier reported, and \
         they will return to the pier in June, two officials said.",
        &[("Two officials", "they will return to the pier in June", I)],
    ),
    // ... and the earlier statement running over it ends before the joint: two statements
    (
        "Gap\n\nHis campaign manager, Jo Weir, says the senator can still close the gap in \
         delegates, which stood at 263 before the vote, according to the Courier.",
        &[
            (
                "Jo Weir",
                "the senator can still close the gap in delegates",
                I,
            ),
            ("The Courier", "which stood at 263 before the vote", I),
        ],
    ),
    (
        "New aide\n\nThe council announced last week that it hired a former aide, Ana Ruiz, \
         who has been outspoken about the ferry, according to the Courier.",
        &[
            ("The council", "it hired a former aide, Ana Ruiz", I),
            ("The Courier", "who has been outspoken about the ferry", I),
        ],
    ),
    (
        "Pier funds\n\nRoe said that the city, which had a surplus, would cut the pier fee, \
         officials said.",
        &[(
            "Roe",
            "the city, which had a surplus, would cut the pier fee",
            I,
        )],
    ),
    // --- the head before an attribution set inside the sentence: a bare speech-verb
    // word in it is a noun ("breaking point")
    (
        "Board memo\n\nThe breaking point, Ivo Ash wrote, came on Friday, when the board \
         sent out a memo.",
        &[
            ("Ivo Ash", "The breaking point", I),
            (
                "Ivo Ash",
                "came on Friday, when the board sent out a memo",
                I,
            ),
        ],
    ),
    // --- a second attribution joined by a comma and a conjunction
    (
        "Ferry budget\n\nThe harbour board said the ferry was on track to break even, \
         and Nils Oberg, the board's finance officer, said he expected a surplus next year.",
        &[
            (
                "The harbour board",
                "the ferry was on track to break even",
                I,
            ),
            ("Nils Oberg", "he expected a surplus next year", I),
        ],
    ),
    (
        "Rink poll\n\nMost skaters said the new rink was too small for games, and more \
         than 3 in 10 said the old one should stay open.",
        &[
            ("Skaters", "the new rink was too small for games", I),
            ("3 in 10", "the old one should stay open", I),
        ],
    ),
    (
        "Fare survey\n\nMost riders said the new fare was fair, and a third of them said \
         it was far too high for families.",
        &[
            ("Riders", "the new fare was fair", I),
            ("A third of them", "it was far too high for families", I),
        ],
    ),
    (
        "Pier repairs\n\nOdile Brand said the pier would reopen in June, but the council \
         said the repairs could take a year.",
        &[
            ("Odile Brand", "the pier would reopen in June", I),
            ("The council", "the repairs could take a year", I),
        ],
    ),
    (
        "Channel depth\n\nThe harbour master said the channel was dredged in May, while \
         the ferry crews say it is still too shallow for the boats.",
        &[
            ("The harbour master", "the channel was dredged in May", I),
            (
                "The ferry crews",
                "it is still too shallow for the boats",
                I,
            ),
        ],
    ),
    // --- by a semicolon
    (
        "Club vote\n\nSix in 10 members said the club should stay open; 30 percent said it \
         should close by the spring.",
        &[
            ("Six in 10 members", "the club should stay open", I),
            ("30 percent", "it should close by the spring", I),
        ],
    ),
    // --- the comma closing an adverbial clause before the second subject
    (
        "Pier closure\n\nAfter the mayor announced the closure of the old pier, the council \
         said it would pay for the repairs.",
        &[
            ("The mayor", "the closure of the old pier", I),
            ("The council", "it would pay for the repairs", I),
        ],
    ),
    // --- a shared subject: a conjunction or a participle right before the second cue
    (
        "Ferry fees\n\nAnn Lee said the fees rose last year but noted that the boats are new.",
        &[
            ("Ann Lee", "the fees rose last year", I),
            ("Ann Lee", "the boats are new", I),
        ],
    ),
    (
        "Inspection row\n\nThe ferry company rejected the harbour board's findings, saying \
         the boats had passed every inspection this year.",
        &[
            ("The ferry company", "the harbour board's findings", I),
            (
                "The ferry company",
                "the boats had passed every inspection this year",
                I,
            ),
        ],
    ),
    // --- a capitalised speech-verb form inside a name ("United States", "Gulf
    // States") is no verb: the clause after an inner attribution goes on past it
    (
        "Trade talks\n\nThe new tariffs will hurt the orchards, Senator Ada Voss said, \
         and the United States will lose its markets in Asia.",
        &[
            ("Ada Voss", "The new tariffs will hurt the orchards", I),
            (
                "Ada Voss",
                "the United States will lose its markets in Asia",
                I,
            ),
        ],
    ),
    (
        "Shipping lanes\n\nThe new tolls are a mistake, Senator Ada Voss said, because \
         the Gulf States depend on the canal for their fuel.",
        &[
            ("Ada Voss", "The new tolls are a mistake", I),
            ("Ada Voss", "the Gulf States depend on the canal", I),
        ],
    ),
    // --- not joined: an attribution inside the statement stays part of it
    (
        "Budget plan\n\nLee said the plan, which critics say is too costly, would pass \
         before the summer.",
        &[(
            "Lee",
            "the plan, which critics say is too costly, would pass before the summer",
            I,
        )],
    ),
    // --- the head of a statement split by its attribution, before a predicate
    (
        "Club news\n\nAnn Lee runs the club. The golf club, she said, is “doing much \
         better than it has in years.”",
        &[
            ("Ann Lee", "The golf club", I),
            ("Ann Lee", "doing much better than it has in years", D),
        ],
    ),
    (
        "Club news\n\nAnn Lee runs the club. The new fees, Lee added in an interview, \
         were “a mistake we will fix.”",
        &[
            ("Ann Lee", "The new fees", I),
            ("Ann Lee", "a mistake we will fix", D),
        ],
    ),
    (
        "Club news\n\nAnn Lee runs the club. The records show, Lee said, that “nobody \
         paid the fees.”",
        &[
            ("Ann Lee", "The records show", I),
            ("Ann Lee", "nobody paid the fees", D),
        ],
    ),
    // not a head: an adverbial before a clause of its own, and narration before a
    // quotation that the attribution introduces
    (
        "Club news\n\nAnn Lee runs the club. In 2008, Lee said, the fund made the club a \
         “main sponsor” of the open.",
        &[("Ann Lee", "main sponsor", D)],
    ),
    (
        "Club news\n\nIn a statement, Ann Lee said, “The club will stay open.”",
        &[("Ann Lee", "The club will stay open", D)],
    ),
    // a speech-verb word after a possessive in a short head is a noun
    (
        "Club news\n\nAnn Lee runs the club. In her state, Lee said, most golf clubs \
         lose money every winter.",
        &[
            ("Ann Lee", "In her state", I),
            ("Ann Lee", "most golf clubs lose money every winter", I),
        ],
    ),
    // a head that opens the quotation is its first words; one that sets the scene
    // (a medium, a date, a time or setting opener, one word) is not
    (
        "Club news\n\nAnn Lee runs the club. In cases of theft, Lee said, “the members \
         pay for the loss.”",
        &[
            ("Ann Lee", "In cases of theft", I),
            ("Ann Lee", "the members pay for the loss", D),
        ],
    ),
    (
        "Club news\n\nAnn Lee runs the club. After the storm passed, she said, “Everybody \
         came back to help.”",
        &[
            ("Ann Lee", "After the storm passed", I),
            ("Ann Lee", "Everybody came back to help", D),
        ],
    ),
    (
        "Club news\n\nAnn Lee runs the club. Two years ago, she said, “We had no money at \
         all.”",
        &[("Ann Lee", "We had no money at all", D)],
    ),
    (
        "Club news\n\nAnn Lee runs the club. In her newsletter, she wrote, “We had no \
         money at all.”",
        &[("Ann Lee", "We had no money at all", D)],
    ),
    (
        "Club news\n\nAnn Lee runs the club. At the same time, she said, “We had no money \
         at all.”",
        &[("Ann Lee", "We had no money at all", D)],
    ),
    // --- the clause after an attribution set inside the sentence: a speech-verb word
    // used as a noun or gerund in it is no second attribution, a real one ends it
    (
        "Harbour talks\n\nThe visit to the harbour, officials said, was aimed at \
         explaining the new mooring fees.",
        &[
            ("Officials", "The visit to the harbour", I),
            (
                "Officials",
                "was aimed at explaining the new mooring fees",
                I,
            ),
        ],
    ),
    (
        "Harbour talks\n\nOver the winter, the harbour master said, the old pier looked \
         safe from any challenge.",
        &[
            ("The harbour master", "Over the winter", I),
            (
                "The harbour master",
                "the old pier looked safe from any challenge",
                I,
            ),
        ],
    ),
    (
        "Harbour talks\n\nOver the winter, the harbour master said, the old pier held up \
         well, but the ferry crews say it needs new piles.",
        &[
            ("The harbour master", "Over the winter", I),
            ("The harbour master", "the old pier held up well", I),
            ("The ferry crews", "it needs new piles", I),
        ],
    ),
    (
        "Harbour talks\n\nWhen the board met in May, the harbour master said, most state \
         grants looked safe from cuts.",
        &[
            ("The harbour master", "When the board met in May", I),
            (
                "The harbour master",
                "most state grants looked safe from cuts",
                I,
            ),
        ],
    ),
    // "and" before a clause or predicate, "to" before a verb: the tail goes on
    (
        "Harbour talks\n\nThe pier was built in 1910, the harbour master said, and it \
         has never flooded.",
        &[
            ("The harbour master", "The pier was built in 1910", I),
            ("The harbour master", "and it has never flooded", I),
        ],
    ),
    (
        "Harbour talks\n\nIt is the board's duty, the harbour master said, to keep the \
         pier open in winter.",
        &[
            ("The harbour master", "It is the board's duty", I),
            ("The harbour master", "to keep the pier open in winter", I),
        ],
    ),
    (
        "Harbour talks\n\nThe pier will stay open all winter, the harbour master said, to \
         the members of the board.",
        &[(
            "The harbour master",
            "The pier will stay open all winter",
            I,
        )],
    ),
    // a restrictive relative clause's own attribution inside a reported statement
    (
        "Ferry fees\n\nOdile Brand said the pier needs repairs that the engineers said \
         would cost $2 million.",
        &[
            (
                "Odile Brand",
                "the pier needs repairs that the engineers said would cost $2 million",
                I,
            ),
            ("The engineers", "would cost $2 million", I),
        ],
    ),
    // "said that …": the complement "that" opens no relative clause
    (
        "Ferry fees\n\nOdile Brand said that for years some critics had been predicting \
         the end of the ferry, but it would not happen.",
        &[(
            "Odile Brand",
            "for years some critics had been predicting the end of the ferry, but it would \
             not happen",
            I,
        )],
    ),
    // "(According to X, …)": the bracket opening the sentence changes nothing
    (
        "Harbour thefts\n\nThe board met on Monday. (According to the harbour police, \
         the port keeps no records of the thefts.)",
        &[(
            "The harbour police",
            "the port keeps no records of the thefts",
            I,
        )],
    ),
    // a one-word answer before a second attribution is a statement of its own
    (
        "Ferry poll\n\nMost riders said yes, but 40 percent of the crews say the new \
         timetable is too tight.",
        &[
            ("Riders", "yes", I),
            (
                "40 percent of the crews",
                "the new timetable is too tight",
                I,
            ),
        ],
    ),
    // an aside between commas right after the cue, then "that"
    (
        "Pier repairs\n\nOdile Brand says, however, that the pier will reopen in June.",
        &[("Odile Brand", "the pier will reopen in June", I)],
    ),
    (
        "Pier repairs\n\nThe council noted, with some relief, that the repairs cost less \
         than planned.",
        &[("The council", "the repairs cost less than planned", I)],
    ),
    // "<number> of …" after the attribution describes the source
    (
        "Ferry vote\n\nMost members backed the new timetable for the summer, according to \
         the chairs of the Lowport and Eastham clubs, two of the largest clubs on the coast.",
        &[(
            "The chairs of the Lowport and Eastham clubs",
            "Most members backed the new timetable for the summer",
            I,
        )],
    ),
];

/// The statements of the whole analysis (spans completed to their clause).
fn statements_of(text: &str) -> Vec<String> {
    let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("case text ingests");
    analyze::analyze(&doc)
        .quotes
        .iter()
        .map(|q| doc.slice(q.text).to_string())
        .collect()
}

/// (article text, words that must open a statement of their own and so stand in no
/// statement that starts earlier).
const NOT_RUN_INTO: &[(&str, &str)] = &[
    (
        "Ferry fees\n\nAnn Lee said the fees rose last year but noted that the boats are new.",
        "noted",
    ),
    (
        "Fare survey\n\nMost riders said the new fare was fair, and a third of them said \
         it was far too high for families.",
        "third",
    ),
    (
        "Inspection row\n\nThe ferry company rejected the harbour board's findings, saying \
         the boats had passed every inspection this year.",
        "saying",
    ),
    // the paraphrase runs on past its partial quote to the closing mark, not beyond
    (
        "Ferry row\n\nTom Varga said the old ferry in the harbour was now “a floating \
         wreck” and told reporters that the crews had quit in protest over the pay.",
        "told",
    ),
];

#[test]
fn statement_span_table() {
    table_support::assert_quote_table(CASES);
}

#[test]
fn a_statement_ends_before_the_next_attribution() {
    table_support::assert_table(NOT_RUN_INTO, |(text, cue)| {
        let problems = statements_of(text)
            .into_iter()
            .filter(|t| t.split_whitespace().any(|w| w == *cue))
            .map(|t| format!("{t:?} runs into the attribution at {cue:?}"))
            .collect();
        (text.to_string(), problems)
    });
}
