//! Table of speaker-phrase cases for the quote engine, our own sentences: a name that
//! modifies the speaker's noun ("a senior Lark adviser"), a phrase describing the
//! speaker ("one Democrat familiar with the talks"), a name the people stage does not
//! know before an appositive, two people speaking together, a campaign or office speaking
//! as itself, and `'''` closing a single quote inside a two-apostrophe double quote.
//! Split from `quotes_table.rs` (file size).
//! Each case lists every statement expected: a missing statement, a wrong speaker or
//! kind, or an extra statement fails it.

mod table_support;
use table_support::{D, I, QuoteCase as Case};

const CASES: &[Case] = &[
    // --- a capitalised modifier is not the speaker: the lower-case head after it is part
    // of the phrase ("The Green frontrunner"), and "the Green state" holds no verb "state"
    (
        "Harbor plans\n\nThe Green frontrunner wrote for a local weekly that the port is \
         neglected. Officials in Westmark, the Danish state across the bay, began work.",
        &[("The Green frontrunner", "the port is neglected", I)],
    ),
    // --- after the quote, a noun that spells like a speech verb ("a failed state") or a
    // cue inside a subordinate clause ("until the mayor spoke") is no attribution
    (
        "Harbor plans\n\nGovernor Tom Lark says the dredging \"did not succeed,\" and the \
         port has become a failed state. Lark says he was \"kind of on the fence\" until \
         the mayor spoke.",
        &[
            ("Tom Lark", "did not succeed", D),
            ("Tom Lark", "kind of on the fence", D),
        ],
    ),
    // --- a name modifying the speaker's noun is not the speaker
    (
        "Budget talks stall\n\nGovernor Tom Lark left the capital on Monday.\n\n\
         “We have done all we can,” said a senior Lark adviser. \
         “They will come back,” said Lark ally Dina Rusk. \
         “The numbers never added up,” said one Lark confidant.",
        &[
            ("A senior Lark adviser", "We have done all we can", D),
            ("Dina Rusk", "They will come back", D),
            ("One Lark confidant", "The numbers never added up", D),
        ],
    ),
    // an unknown name after "<name> campaign spokesman"
    (
        "Budget talks stall\n\nGovernor Tom Lark left the capital on Monday.\n\n\
         “Nobody wanted this,” said Lark campaign spokesman Orrin Vatz.",
        &[("Orrin Vatz", "Nobody wanted this", D)],
    ),
    // "said Lark later" is still Lark's: a name before a word that is no noun
    (
        "Budget talks stall\n\nGovernor Tom Lark left the capital on Monday.\n\n\
         “It was a long night,” said Lark afterwards.",
        &[("Tom Lark", "It was a long night", D)],
    ),
    // --- a phrase describing the speaker noun ("in …", "familiar with …", "close to …")
    (
        "Budget talks stall\n\nGovernor Tom Lark left the capital on Monday.\n\n\
         “It will pass,” said one Democrat familiar with the talks. \
         “He is tired,” said a person close to the Larks.",
        &[
            ("One Democrat familiar with the talks", "It will pass", D),
            ("A person close to the Larks", "He is tired", D),
        ],
    ),
    (
        "Budget talks stall\n\nGovernor Tom Lark left the capital on Monday.\n\n\
         “We are done,” a source close to Lark said. \
         “Will he be back next week?” a young staffer in the room wondered.",
        &[
            ("A source close to Lark", "We are done", D),
            (
                "A young staffer in the room",
                "Will he be back next week?",
                D,
            ),
        ],
    ),
    // --- a name the people stage does not know, before an appositive
    (
        "Refugee policy\n\n“Our efforts have not been enough,” Amy Pope, deputy \
         homeland security adviser, said on a call with reporters.",
        &[("Amy Pope", "Our efforts have not been enough", D)],
    ),
    // --- `'''`: a single quote closing inside a two-apostrophe double quote
    (
        "Ferry row\n\n''I would call it 'a farce,''' said Mayor Ilse Varga. ''Nobody asked us.''",
        &[
            ("Ilse Varga", "I would call it 'a farce,'", D),
            ("Ilse Varga", "Nobody asked us.", D),
        ],
    ),
    // --- a hyphen with spaces around it, alone or doubled, sets off an aside between
    // the subject and its speech verb like a dash
    (
        "Ferry row\n\nMayor Ilse Varga - a critic of the plan since May - said the ferry \
         was too slow. The harbour board -- which runs the pier -- noted that the fares \
         had doubled.",
        &[
            ("Ilse Varga", "the ferry was too slow", I),
            ("The harbour board", "the fares had doubled", I),
        ],
    ),
    // --- a determiner and lower-case nouns opening the clause of a said-type verb are
    // the source as written; a verb before "to" reports nothing
    (
        "Ferry row\n\nThe harbour board met on Monday. The letter warned that the fares \
         would double in May. That person said the ferry had been late for weeks. The \
         latest delay adds to the worry that the ferry will stop.",
        &[
            ("The letter", "the fares would double in May", I),
            ("That person", "the ferry had been late for weeks", I),
        ],
    ),
    // --- a count of people ("43 said"), a share restated in numbers between commas
    // ("about a third, 33 percent, say") and a hyphenated share ("two-thirds") speak
    (
        "Ferry poll\n\nMost riders back the ferry, and 43 said they would pay more for it. \
         Among commuters, about a third, 33 percent, say the boat is too slow. About \
         two-thirds say the fares are fair.",
        &[
            ("43", "they would pay more for it", I),
            ("About a third", "the boat is too slow", I),
            ("About two-thirds", "the fares are fair", I),
        ],
    ),
    // --- a described subject inside an inversion ("…, the skippers noted, …"); after a
    // clause, "a" opens an appositive, not a source ("…, a plan announced in March")
    (
        "Ferry row\n\nThe ferry ran late all week. In some ways, the skippers noted, the \
         delays were the fault of the harbour board. The ferry will stop running in the \
         winter, a plan announced in March.",
        &[
            ("The skippers", "In some ways", I),
            (
                "The skippers",
                "the delays were the fault of the harbour board",
                I,
            ),
        ],
    ),
    // --- a time phrase between the subject and its speech verb is skipped
    (
        "Ferry row\n\nMayor Ilse Varga spoke at the pier.\n\nVarga, the harbour chair, \
         last week announced the launch of a new night ferry. Tom Lark on Monday said the \
         fares would not rise this year.",
        &[
            ("Ilse Varga", "the launch of a new night ferry", I),
            ("Tom Lark", "the fares would not rise this year", I),
        ],
    ),
    // --- an announced thing after the verb ("the creation of", "a plan to") is its
    // object: the name and appositive before the comma are no inverted statement
    // (quotes.skip_announced_thing)
    (
        "Ferry office\n\nIlse Varga, the harbour chair, announced the creation of a new \
         ferry office.",
        &[("Ilse Varga", "the creation of a new ferry office", I)],
    ),
    (
        "Ferry fares\n\nTom Lark, a board member, announced a plan to cut the night fares.",
        &[("Tom Lark", "a plan to cut the night fares", I)],
    ),
    // --- a name and its description before ", <verb> the report" are the verb's
    // subject, no inverted statement of "the report" (quotes.skip_name_description)
    (
        "Ferry rumours\n\nLarkline, which runs the night boats, denied the report.",
        &[],
    ),
    // --- two people joined by "and" speak together
    (
        "Ferry row\n\nMayor Ilse Varga and Governor Tom Lark met on Monday.\n\n\
         Varga and Lark said the ferry would run again in May.",
        &[("Varga and Lark", "the ferry would run again in May", I)],
    ),
    // --- "X's campaign said", "X's office said": the body speaks, not its owner X
    (
        "Ferry row\n\nMayor Ilse Varga wants the ferry back by May.\n\n\
         Varga's campaign said it raised $2 million for the vote. \
         “The mayor will not resign,” Varga’s office said in a statement.",
        &[
            ("Varga's campaign", "it raised $2 million for the vote", I),
            ("Varga’s office", "The mayor will not resign", D),
        ],
    ),
    // --- a slash between two capitalised words joins one source; a "to" phrase after a
    // lower-case role noun ("adviser to Varga") belongs to the speaker, who is not Varga
    (
        "Ferry row\n\nMayor Ilse Varga wants the ferry back by May.\n\n\
         Varga leads the race with 41 percent, according to a Harbor Times/KTVX News \
         survey. “It will never happen,” said a longtime adviser to Varga.",
        &[
            (
                "A Harbor Times/KTVX News survey",
                "Varga leads the race with 41 percent",
                I,
            ),
            ("A longtime adviser to Varga", "It will never happen", D),
        ],
    ),
    // --- a share of those polled speaks through the poll named before it
    (
        "Ferry poll\n\nIn a Quay Times poll released Monday, 61 percent of riders said \
         they would pay more. A Quay Times poll in June found that 72 percent of voters \
         said the ferry was too slow. Even so, 36 percent of riders said they were happy.",
        &[
            (
                "A Quay Times poll released Monday",
                "they would pay more",
                I,
            ),
            ("A Quay Times poll in June", "the ferry was too slow", I),
            ("36 percent of riders", "they were happy", I),
        ],
    ),
    // --- ", said X" closing the sentence a quote runs on into: X speaks, not a name
    // between the quote and the comma
    (
        "Ferry row\n\nMayor Ilse Varga wants the ferry back by May.\n\n\
         \"That is a tall order\" for Varga, said Tom Lark, a former harbour master.",
        &[("Tom Lark", "That is a tall order", D)],
    ),
    // --- ", X said" closing the sentence a quoted phrase sits in: X said it, not the
    // sentence's subject
    (
        "Ferry row\n\nMayor Tom Lark spoke on Monday.\n\nMany harbour workers are more \
         “hopeful” about the ferry than last year and more willing to wait, Lark said.",
        &[("Tom Lark", "hopeful", D)],
    ),
    // --- the same with the verb first: ", said X" after the quoted phrase
    (
        "Ferry row\n\nThe board has used “soft words” in its talks with the crews, said \
         Ilse Varga, a shipping expert at Dover University.",
        &[("Ilse Varga", "soft words", D)],
    ),
];

#[test]
fn speaker_phrase_table() {
    table_support::assert_quote_table(CASES);
}
