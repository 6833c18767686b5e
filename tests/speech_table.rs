//! Table of reported-speech cases (issue 13): indirect statements whose source is a
//! group, a survey share, a statement or report, or a person introduced by a cue other
//! than "said that" ("according to", "told X that", "denied", "announced" …). The
//! sentences are our own. Each case lists every statement expected; a case fails on a
//! missing statement, a wrong speaker or kind, or an extra statement.

use newsdesk::model::QuoteKind;

mod table_support;
use table_support::{I, QuoteCase as Case};

const CASES: &[Case] = &[
    // --- an infinitive speech verb after "went on to" / "took to <medium> to"
    (
        "The union has taken to the local radio to argue the rota is unfair. \
         The mayor went on to say that the ferry would run all winter. \
         The clerk did not go on to say the dock was sold.",
        &[
            ("The union", "the rota is unfair", I),
            ("The mayor", "the ferry would run all winter", I),
        ],
    ),
    // --- a quantifier standing alone as the subject; a noun-like verb form is no cue
    (
        "The dock will close in June. Some say the fishing fleet will move north. \
         Most states stayed quiet.",
        &[("Some", "the fishing fleet will move north", I)],
    ),
    (
        "The yard shut last spring, and many argue the harbour can survive.",
        &[("Many", "the harbour can survive", I)],
    ),
    // --- a progressive speech verb after a form of "be" is finite; a negated one is not
    (
        "The ferry union is saying that the new rota breaks the contract.",
        &[("The ferry union", "the new rota breaks the contract", I)],
    ),
    (
        "Parents have been arguing for months that the school run is unsafe. \
         Nobody is saying the bus will stop.",
        &[("Parents", "the school run is unsafe", I)],
    ),
    // --- a group noun from the generated list, lower-case inside the sentence
    (
        "The strike went ahead after nurses said the wards were unsafe at night.",
        &[("Nurses", "the wards were unsafe at night", I)],
    ),
    (
        "Rents rose again this year, and landlords say the new tax is to blame.",
        &[("Landlords", "the new tax is to blame", I)],
    ),
    // --- the subject's head comes before a participial or relative modifier
    (
        "A new study tracking debt among rural farmers has revealed that most farms lose money.",
        &[("A new study", "most farms lose money", I)],
    ),
    (
        "A report prepared by lawyers for the pensioners says the fund was raided twice.",
        &[("A report", "the fund was raided twice", I)],
    ),
    // --- an inverted subject opened by a quantifier: the clause after it is its statement
    (
        "For a few years, many growers say, the frost will keep coming later.",
        &[
            ("Many growers", "For a few years", I),
            ("Many growers", "the frost will keep coming later", I),
        ],
    ),
    // --- a speech noun after a possessive is no cue; the clause is the inversion's
    (
        "The council's claim that the board had hidden the costs hurt the crews, Hale said.",
        &[(
            "Hale",
            "The council's claim that the board had hidden the costs hurt the crews",
            I,
        )],
    ),
    // --- a group opening the sentence, with a relative clause or an aside before the verb
    (
        "Residents of the valley who have lived there for years say the cracks keep spreading.",
        &[("Residents", "the cracks keep spreading", I)],
    ),
    (
        "Dairy farmers, like their wheat-growing neighbours, say the drought has emptied the wells.",
        &[("Dairy farmers", "the drought has emptied the wells", I)],
    ),
    // --- "<clause>, X said." followed by a quote: the clause is still X's
    (
        "Ferry vote\n\nThe ferry will stop at the island twice a day from May, Ama Boateng said. \
         \"It is the best we can do.\"",
        &[
            (
                "Ama Boateng",
                "The ferry will stop at the island twice a day",
                I,
            ),
            ("Ama Boateng", "It is the best we can do", QuoteKind::Direct),
        ],
    ),
    // --- "according to" a source no noun-phrase walk names
    (
        "The mill closed twice in the 1990s, according to state records.",
        &[("State records", "The mill closed twice in the 1990s", I)],
    ),
    (
        "The orchard changed hands in 1987, according to her family's papers.",
        &[(
            "Her family's papers",
            "The orchard changed hands in 1987",
            I,
        )],
    ),
    (
        "According to early counts compiled for the county by a volunteer group, turnout fell \
         in every ward.",
        &[(
            "Early counts compiled for the county by a volunteer group",
            "turnout fell in every ward",
            I,
        )],
    ),
    // --- a participle after a comma or dash: who speaks on
    (
        "\"The plan is late,\" the mayor said, adding that the bridge would stay closed until May.",
        &[
            ("The mayor", "The plan is late", QuoteKind::Direct),
            ("The mayor", "the bridge would stay closed until May", I),
        ],
    ),
    (
        "The departments declined to provide any documents, saying they cannot discuss the case.",
        &[("The departments", "they cannot discuss the case", I)],
    ),
    (
        "Jane Roe changed her mind on the spot – saying she would vote for the plan after all.",
        &[("Jane Roe", "she would vote for the plan after all", I)],
    ),
    // --- a share of the people surveyed
    (
        "Even worse, 36 percent of residents said they were willing to move away.",
        &[(
            "36 percent of residents",
            "they were willing to move away",
            I,
        )],
    ),
    (
        "About 4 in 10 say they want the next council to spend more.",
        &[(
            "About 4 in 10",
            "they want the next council to spend more",
            I,
        )],
    ),
    // --- a speech verb coordinated with an earlier verb of a group's
    (
        "The water board has closed two wells and says the rest are safe to use.",
        &[("The water board", "the rest are safe to use", I)],
    ),
    // --- the clause before an attribution that introduces a quote
    (
        "When the new rule takes effect, Dr. Mara Clark added, \"it will at least feel like a fair market.\"",
        &[
            ("Mara Clark", "When the new rule takes effect", I),
            (
                "Mara Clark",
                "it will at least feel like a fair market",
                QuoteKind::Direct,
            ),
        ],
    ),
    (
        "In a statement on Friday, Mayor Ilse Varga said, \"The harbor stays open.\"",
        &[("Ilse Varga", "The harbor stays open", QuoteKind::Direct)],
    ),
    // --- a possessive determiner opens the inverted subject; a day word after the verb
    (
        "The bakery had sold out by noon on both days, her brother added.",
        &[(
            "Her brother",
            "The bakery had sold out by noon on both days",
            I,
        )],
    ),
    (
        "The council raised more than $3 million during the last three months, its treasurer announced Saturday.",
        &[(
            "Its treasurer",
            "The council raised more than $3 million",
            I,
        )],
    ),
    // --- a lower-case modifier before a capitalised group noun
    (
        "The bridge toll will not survive the winter session, veteran Liberals said.",
        &[(
            "Veteran Liberals",
            "The bridge toll will not survive the winter session",
            I,
        )],
    ),
    // --- a title-case line: "X Says Y"
    (
        "Ferry news\n\nHarbor Master Says Night Ferry Will Return In May\n\nThe board met on Monday.",
        &[("Harbor Master", "Night Ferry Will Return In May", I)],
    ),
    (
        "Ferry news\n\nIsland Families Report Longer Waits At The Quay\n\nThe board met on Monday.",
        &[],
    ),
    // --- the tail after an attribution may hold a verb of thinking
    (
        "Without a car of her own, Nadia Brook said, she thought she would miss the last ferry.",
        &[
            ("Nadia Brook", "Without a car of her own", I),
            (
                "Nadia Brook",
                "she thought she would miss the last ferry",
                I,
            ),
        ],
    ),
    // --- "<clause>, X told <listener>."
    (
        "The bridge will stay shut through the spring, a city spokesman told reporters Monday.",
        &[(
            "A city spokesman",
            "The bridge will stay shut through the spring",
            I,
        )],
    ),
    // --- a relative clause with no comma: its antecedent says it
    (
        "Water bills rose again in the valley, angering farmers who say the canal fees are unfair.",
        &[("Farmers", "the canal fees are unfair", I)],
    ),
    // --- an appositive after the phrase opening the sentence, with no name in it
    (
        "The harbour master, a veteran of three storms and two strikes, said the pier would stay shut until June.",
        &[(
            "The harbour master",
            "the pier would stay shut until June",
            I,
        )],
    ),
    // --- an adverb the auxiliary list lacks, and an aside set off by dashes
    (
        "The ferry company has since said the fares will not change this year.\n\n\
         Ilse Brandt \u{2014} who chaired the panel for a decade \u{2014} told the board the audit was late.",
        &[
            (
                "The ferry company",
                "the fares will not change this year",
                I,
            ),
            ("Ilse Brandt", "the audit was late", I),
        ],
    ),
    // --- a line opened by a speaker label and a colon; a column title is no speaker
    (
        "Harbour talks resume\n\n\
         The Latest: Ferry crews return to the table\n\n\
         ORTIZ: We want the night shifts paid at the old rate.\n\n\
         BRANDT: The board has no money left for that.",
        &[
            ("Ortiz", "We want the night shifts paid at the old rate", I),
            ("Brandt", "The board has no money left for that", I),
        ],
    ),
    // --- "X said," opening a sentence: the clause after the comma
    (
        "The harbour board noted, the fees had doubled since the spring of last year.",
        &[(
            "The harbour board",
            "the fees had doubled since the spring of last year",
            I,
        )],
    ),
    // --- a short head before an attribution set inside the sentence is part of it
    (
        "At the time, the ferry captains said, the harbour had no working lights at all.",
        &[
            ("The ferry captains", "At the time", I),
            (
                "The ferry captains",
                "the harbour had no working lights at all",
                I,
            ),
        ],
    ),
];

#[test]
fn reported_speech_table() {
    table_support::assert_quote_table(CASES);
}
