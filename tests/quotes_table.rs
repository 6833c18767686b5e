//! Table of attribution cases written for the quote engine: every pattern of issue 3
//! (quote + verb + speaker, quote + speaker + verb, speaker + verb + colon, indirect
//! that-clauses, inversions, "according to", "told X", participle frames, stance verbs),
//! pronoun, role-noun and alias resolution, split and cross-paragraph quotes, every
//! quotation-mark style, and negatives (scare quotes, titles, nicknames, inch marks,
//! apostrophes, negated and passive verbs). Each case lists every statement expected:
//! a case fails on a missing statement, a wrong speaker or kind, or an extra statement.

use newsdesk::analyze::{people, quotes};
use newsdesk::ingest::{IngestOptions, ingest};

mod table_support;
use table_support::{D, I, QuoteCase as Case};

const CASES: &[Case] = &[
    // --- a dateline opening the paragraph is not the subject
    (
        "Quota row\n\nLIMA, June 3 — Makers of nets say that the new quota will ruin the season.",
        &[("Makers", "the new quota will ruin the season", I)],
    ),
    // --- the object of "told"/"asked" is a whole noun phrase
    (
        "The mayor told the New York Times that the bridge would reopen in May.",
        &[("The mayor", "the bridge would reopen in May", I)],
    ),
    // quotes.request_infinitive: a request is reported speech (issue 13, pattern 8).
    (
        "The union has asked the fisheries ministry to delay the quota.",
        &[("The union", "the fisheries ministry to delay the quota", I)],
    ),
    // --- a person named inside the speaker's appositive is not the speaker
    (
        "Governor Helen Okafor toured the flooded valley on Monday.\n\n\
         “The levees held better than anyone expected,” Tomas Brandt, a hydrologist who \
         advised Okafor on the repairs, said on Tuesday.",
        &[("Tomas Brandt", "The levees held better", D)],
    ),
    (
        "Senator Ruth Calloway returned to the capital.\n\n\
         Dmitri Havel, Calloway's chief of staff, said: “We expect a vote by Friday.”",
        &[("Dmitri Havel", "We expect a vote by Friday", D)],
    ),
    // past a party bracket after the name
    (
        "Senator Ruth Calloway returned to the capital.\n\n\
         Dmitri Havel (R-Ind.), an aide to Calloway, said: “We expect a vote by Friday.”",
        &[("Dmitri Havel", "We expect a vote by Friday", D)],
    ),
    // --- an age and a "City, State" pair inside the name's appositive
    (
        "Poll Finds Worry\n\n\"Prices are too high,\" Lou Baker, 52, of Tulsa, Okla., \
         said after the vote.",
        &[("Lou Baker", "Prices are too high", D)],
    ),
    (
        "Poll Finds Worry\n\n\"I voted twice,\" Ben Ruiz, 29, of Des Moines, Iowa, who \
         was polled in May, said after the vote.",
        &[("Ben Ruiz", "I voted twice", D)],
    ),
    // --- a participle introducing a quote reports the clause's subject, not its object
    // even when an appositive closes with a comma right before the verb
    (
        "Roads vote\n\nMarta Kuusk, a county elder, praised Piet Aalto, calling him \
         “the best road builder we ever had.”",
        &[("Marta Kuusk", "the best road builder", D)],
    ),
    (
        "Roads vote\n\nCouncillor Rosa Ilves endorsed Piet Aalto on Sunday, saying, \
         “He has fixed more roads than anyone in the county.”",
        &[("Rosa Ilves", "He has fixed more roads", D)],
    ),
    // --- after a quote closed by its own full stop, "X told … that …" is a new statement
    (
        "Pier row\n\n“We will rebuild the pier,” said Mayor Ilse Varga. “Nobody will lose a \
         job.” Tomas Brandt later told the council that the money had run out.",
        &[
            ("Ilse Varga", "We will rebuild the pier", D),
            ("Ilse Varga", "Nobody will lose a job", D),
            ("Tomas Brandt", "the money had run out", I),
        ],
    ),
    // --- a quote ending a line is not attributed by "X replied:" on the next line
    (
        "Pier row\n“We will rebuild the pier,” Mayor Ilse Varga said. “Nobody will lose a \
         job.”\nTomas Brandt replied: “The money has run out.”",
        &[
            ("Ilse Varga", "We will rebuild the pier", D),
            ("Ilse Varga", "Nobody will lose a job", D),
            ("Tomas Brandt", "The money has run out", D),
        ],
    ),
    // --- "<clause>, X said, adding, “…”": the attribution before the participle speaks on
    (
        "Pier row\n\nDana Okafor rarely came to the meetings and left early, Petra Lindqvist \
         said, adding, “She was never interested.”",
        &[
            (
                "Petra Lindqvist",
                "Dana Okafor rarely came to the meetings",
                I,
            ),
            ("Petra Lindqvist", "She was never interested", D),
        ],
    ),
    // --- a participle phrase opening the sentence is not its subject
    (
        "Pier row\n\nMayor Ilse Varga and councillor Dana Okafor fell out in May.\n\n\
         Speaking at a town hall in Brantwick, Ohio, Varga went after Okafor, calling her \
         “a total failure.”",
        &[("Ilse Varga", "a total failure", D)],
    ),
    // --- a party-state tag between the name and "said" after a quote
    (
        "Harbor row\n\n“They have nothing to hide,” Sen. Dana Okafor (D-Ore.) said Tuesday.",
        &[("Dana Okafor", "They have nothing to hide", D)],
    ),
    // --- "as X put it:" introduces X's quote
    (
        "Harbor row\n\nSenator Dana Okafor toured the quay.\n\n\
         Or, as Okafor put it: “The pier is older than the town.”",
        &[("Dana Okafor", "The pier is older than the town", D)],
    ),
    // --- an appositive with its own verb still describes the speaker before it
    (
        "Harbor row\n\nMayor Ilse Varga spoke on Monday.\n\n\
         Tomas Brandt, who thinks Mayor Varga wasted the money, called the new pier \
         “a monument to waste.”",
        &[("Tomas Brandt", "a monument to waste", D)],
    ),
    // --- "“…,” X <any verb>": the comma closing the quote is inside the marks
    (
        "Harbor row\n\n“It is very late for the town,” Dana Okafor sighed.",
        &[("Dana Okafor", "It is very late for the town", D)],
    ),
    // --- a phrase quoted inside a clause is not attributed by the words after its comma
    (
        "Harbor row\n\nMayor Ilse Varga gave a warm defense of “harbor values,” saying the old \
         quay embodied the “spirit of the coast.”",
        &[("Ilse Varga", "spirit of the coast", D)],
    ),
    // --- a long appositive naming someone else does not stop the next quote continuing
    (
        "Harbor row\n\nMayor Ilse Varga opened the hearing.\n\n\
         “There is no job description,” Melanie Verner, who served as Mayor Varga's chief of \
         staff for six years, told the Harbor News. “You go with tradition.”",
        &[
            ("Melanie Verner", "There is no job description", D),
            ("Melanie Verner", "You go with tradition", D),
        ],
    ),
    // --- an opening phrase, a title with "of", a noun after "a" are not the subject
    (
        "Harbor row\n\nMayor Ilse Varga and Dana Okafor met in May.\n\n\
         Hours later, Varga returned the favor to Okafor, telling the Harbor News, “She is a \
         fine sailor and a fine friend.”\n\n\
         Varga posted a Twitter comment of her own, saying, “We are so excited to meet the new \
         crew!”",
        &[
            ("Ilse Varga", "She is a fine sailor", D),
            ("Ilse Varga", "We are so excited", D),
        ],
    ),
    (
        "Harbor row\n\nSecretary of State Ilse Varga clashed with Dana Okafor at the hearing, \
         saying, “What difference does it make now?”",
        &[("Ilse Varga", "What difference does it make now", D)],
    ),
    // --- a name modifying a role is not the speaker named after the role
    (
        "Senator Ruth Calloway returned to the capital.\n\n\
         “The bill is dead for this session,” said former Calloway aide Petra Lindqvist.",
        &[("Petra Lindqvist", "The bill is dead", D)],
    ),
    (
        "Mayor Ilse Varga opened the pier.\n\n\
         “Nobody was hurt,” said Varga's deputy chief of staff Oren Maalouf.",
        &[("Oren Maalouf", "Nobody was hurt", D)],
    ),
    // --- "States", "Post" inside a name are not speech verbs
    (
        "Premier Lena Vostrikova met the trade council.\n\n\
         Vostrikova told the Baltic Post, “Our ports will stay open all winter.”",
        &[("Lena Vostrikova", "Our ports will stay open", D)],
    ),
    (
        "“The tide gauges are ten years out of date,” Nora Quist, an editor at the \
         Eastmere Harbor Post, said on Monday.",
        &[("Nora Quist", "The tide gauges are ten years", D)],
    ),
    // --- quote + verb + speaker
    (
        "“We will not back down,” said Maria Lopez, a spokeswoman for the union.",
        &[("Maria Lopez", "We will not back down", D)],
    ),
    (
        "\"Prices will keep rising this year,\" said the central bank governor, Mark Carney.",
        &[("Mark Carney", "Prices will keep rising", D)],
    ),
    (
        "“It was a mistake from the start,” says Professor Alan Reid of Leeds University.",
        &[("Alan Reid", "It was a mistake", D)],
    ),
    (
        "“Why now, after all these years?” asked Senator Ed Markey.",
        &[("Ed Markey", "Why now", D)],
    ),
    (
        "“That is simply wrong!” shouted Rosa Diaz from the gallery.",
        &[("Rosa Diaz", "That is simply wrong", D)],
    ),
    (
        "\"The market will recover,\" said a spokesman for the exchange.",
        &[("A spokesman for the exchange", "The market will recover", D)],
    ),
    // --- quote + speaker + verb
    (
        "John Smith runs the shop. “The plan is dead,” Smith said.",
        &[("John Smith", "The plan is dead", D)],
    ),
    (
        "\"We lost our focus,\" coach Tim Hart said after the game.",
        &[("Tim Hart", "We lost our focus", D)],
    ),
    (
        "“We will rebuild every home,” Mayor Karen Bass told reporters.",
        &[("Karen Bass", "We will rebuild every home", D)],
    ),
    (
        "“No comment,” a police spokesman said.",
        &[("A police spokesman", "No comment", D)],
    ),
    (
        "“Rates will rise again,” the central bank warned.",
        &[("The central bank", "Rates will rise again", D)],
    ),
    (
        "“We regret the error and apologise,” the company said in a statement.",
        &[("The company", "We regret the error", D)],
    ),
    // --- speaker + verb + colon/comma + quote
    // "state" after "of" is part of the title, not a speech verb: the name is the speaker.
    (
        "The panel sat until dusk.\n\nFormer secretary of state Mara Quill:\"We heard that from the agency itself.\"",
        &[("Mara Quill", "We heard that from the agency", D)],
    ),
    (
        "Chancellor Ines Vogt said: “We have a deal on the table.”",
        &[("Ines Vogt", "We have a deal", D)],
    ),
    (
        "Peter Hall told reporters, \"The vote is going to be close.\"",
        &[("Peter Hall", "The vote is going to be close", D)],
    ),
    (
        "Pressed on the cuts, Lena Fox said: \"They are painful but necessary.\"",
        &[("Lena Fox", "They are painful but necessary", D)],
    ),
    (
        "Lena Fox, the finance minister, wrote on Monday:\n\n\"The budget is balanced for the first time in a decade.\"",
        &[("Lena Fox", "The budget is balanced", D)],
    ),
    (
        "One protester, Kim In-seok, stated, \"We are just here to express our opinions.\"",
        &[("Kim In-seok", "We are just here", D)],
    ),
    (
        "Procter & Gamble spokeswoman Jennifer Chelune spoke about the incident: \"We don't know what caused it.\"",
        &[("Jennifer Chelune", "We don't know what caused it", D)],
    ),
    // --- split quotes (one speaker, two statements)
    (
        "Cory Combs is an analyst at Trivium China.\n\n“The language is explicit,” Combs said. “It directly targets chips.”",
        &[
            ("Cory Combs", "The language is explicit", D),
            ("Cory Combs", "It directly targets chips", D),
        ],
    ),
    (
        "Rosa Diaz left early.\n\n“Enough,” she added, “is enough.”",
        &[("Rosa Diaz", "Enough", D), ("Rosa Diaz", "is enough", D)],
    ),
    // --- multi-sentence and cross-paragraph quotes
    (
        "“We are done. We are going home. Goodbye,” said Rosa Diaz.",
        &[("Rosa Diaz", "We are done. We are going home", D)],
    ),
    (
        "“The first part of the story is about the flood.\n\n“The second part is about the people who rebuilt,” said Jane Doe.",
        &[
            ("Jane Doe", "first part of the story", D),
            ("Jane Doe", "second part is about the people", D),
        ],
    ),
    (
        "“I am very happy with the result,” said Jane Doe.\n\n“This is the best day of my life so far.”",
        &[
            ("Jane Doe", "I am very happy", D),
            ("Jane Doe", "best day of my life", D),
        ],
    ),
    // --- all mark styles
    (
        "‘We will win this election,’ said Boris Johnson.",
        &[("Boris Johnson", "We will win this election", D)],
    ),
    (
        "«We are ready for the talks,» said Jean Dupont.",
        &[("Jean Dupont", "We are ready for the talks", D)],
    ),
    (
        "„We are ready for the talks“, said Jens Weber.",
        &[("Jens Weber", "We are ready for the talks", D)],
    ),
    (
        "\"He told me 'never again' and left,\" said Rosa Diaz.",
        &[("Rosa Diaz", "He told me 'never again' and left", D)],
    ),
    (
        "“He called it a ‘disaster’ twice,” said Rosa Diaz.",
        &[("Rosa Diaz", "He called it a ‘disaster’ twice", D)],
    ),
    // --- partial quotes with speech and stance verbs
    (
        "Just weeks after U.S. President Donald Trump praised “progress” in the talks, both sides argued.",
        &[("Donald Trump", "progress", D)],
    ),
    (
        "The union accused the company of “union busting” on Friday.",
        &[("The union", "union busting", D)],
    ),
    (
        "Kim Kyung Han spoke on Monday. He vowed to \"chase those who instigate violence\" and \"bring them to justice\".",
        &[
            ("Kim Kyung Han", "chase those who instigate violence", D),
            ("Kim Kyung Han", "bring them to justice", D),
        ],
    ),
    (
        "The director of the IAEA, Mohamed ElBaradei, called India \"an important partner in the regime\".",
        &[("Mohamed ElBaradei", "an important partner", D)],
    ),
    (
        "The report's authors say iodine deficiency is \"the sleeper health issue\" in the country.",
        &[("The report's authors", "the sleeper health issue", D)],
    ),
    // --- indirect: speaker + verb + that-clause
    (
        "Tom Reed said that the factory would close next year.",
        &[("Tom Reed", "the factory would close next year", I)],
    ),
    (
        "Analysts say the deal is unlikely to survive the winter.",
        &[("Analysts", "the deal is unlikely to survive", I)],
    ),
    (
        "The court said the law was unconstitutional and void.",
        &[("The court", "the law was unconstitutional", I)],
    ),
    (
        "Microsoft said it would cut a thousand jobs in Europe.",
        &[("Microsoft", "it would cut a thousand jobs", I)],
    ),
    (
        "Critics argue the law goes much too far.",
        &[("Critics", "the law goes much too far", I)],
    ),
    (
        "Police said two men were arrested at the scene.",
        &[("Police", "two men were arrested", I)],
    ),
    (
        "Laura Chen told Reuters that the talks had stalled over tariffs.",
        &[("Laura Chen", "the talks had stalled", I)],
    ),
    (
        "In a statement, Laura Chen said the talks had stalled over tariffs.",
        &[("Laura Chen", "the talks had stalled", I)],
    ),
    (
        "Laura Chen said in an interview on Tuesday that the talks had stalled.",
        &[("Laura Chen", "the talks had stalled", I)],
    ),
    (
        "Ellen Park told CBC News the department will look into the matter.",
        &[("Ellen Park", "the department will look into the matter", I)],
    ),
    (
        "Mary Holt, who heads the union, said the strike would go on for weeks.",
        &[("Mary Holt", "the strike would go on", I)],
    ),
    (
        "Jang Dae-hyun, a spokesman for the protesters, suggested that the police should stop using force.",
        &[("Jang Dae-hyun", "the police should stop using force", I)],
    ),
    (
        "The Reuters news agency reports that, at their height, the losses reached a trillion dollars.",
        &[(
            "The Reuters news agency",
            "the losses reached a trillion dollars",
            I,
        )],
    ),
    (
        "Nasdaq, meanwhile, says that all trades far from the market price will be cancelled.",
        &[(
            "Nasdaq",
            "all trades far from the market price will be cancelled",
            I,
        )],
    ),
    (
        "The World Health Organisation (WHO) recommends that every country should iodise all salt.",
        &[(
            "The World Health Organisation",
            "every country should iodise all salt",
            I,
        )],
    ),
    // --- inversions
    (
        "The factory will close next year, Tom Reed said.",
        &[("Tom Reed", "The factory will close next year", I)],
    ),
    (
        "Almost half of all primary school children are iodine deficient, researchers say.",
        &[(
            "Researchers",
            "Almost half of all primary school children",
            I,
        )],
    ),
    (
        "Ten people died in the overnight fire, the BBC reported.",
        &[("The BBC", "Ten people died in the overnight fire", I)],
    ),
    (
        "The war in the region is finally over, said General Mark Milley.",
        &[("Mark Milley", "The war in the region is finally over", I)],
    ),
    // --- according to
    (
        "According to the ministry, exports fell sharply in March.",
        &[("The ministry", "exports fell sharply in March", I)],
    ),
    (
        "Exports fell sharply in March, according to the trade ministry.",
        &[("The trade ministry", "Exports fell sharply in March", I)],
    ),
    (
        "According to Dr. Amy Stone, the virus is spreading faster than expected.",
        &[("Amy Stone", "the virus is spreading faster", I)],
    ),
    (
        "By then \"her skin was weeping and her body was weak\", according to the Sydney Morning Herald.",
        &[("The Sydney Morning Herald", "her skin was weeping", D)],
    ),
    // --- participle and gerund frames
    (
        "Markets fell on Friday, with Paul Young warning that rates could rise further.",
        &[("Paul Young", "rates could rise further", I)],
    ),
    (
        "The Trump administration has accused China of waging an “economic war,” with Donald Trump warning the summit could be canceled.",
        &[
            ("The Trump administration", "economic war", D),
            ("Donald Trump", "the summit could be canceled", I),
        ],
    ),
    // --- stance verbs with an object
    (
        "Richard Branson praised the driver of the train for staying in the cab.",
        &[(
            "Richard Branson",
            "the driver of the train for staying in the cab",
            I,
        )],
    ),
    (
        "Lai Changxing denied the charges at his trial in Xiamen.",
        &[("Lai Changxing", "the charges at his trial", I)],
    ),
    // --- pronouns
    (
        "Anna Berg, the mayor, spoke on Monday. “We are ready for the storm,” she said.",
        &[("Anna Berg", "We are ready for the storm", D)],
    ),
    (
        "Mr. Kowalski met Ms. Novak on Monday. “It went very well,” she said.",
        &[("Novak", "It went very well", D)],
    ),
    (
        "John Park and Mary Holt spoke to the press. “We will appeal the ruling,” she said.",
        &[("Mary Holt", "We will appeal the ruling", D)],
    ),
    (
        "Tom Hanks thanked Steven Spielberg on stage. He said the film had changed his life.",
        &[("Tom Hanks", "the film had changed his life", I)],
    ),
    (
        "Professor Eastman said he is alarmed by the findings. “It alarms me a great deal,” he said.",
        &[
            ("Eastman", "he is alarmed by the findings", I),
            ("Eastman", "It alarms me a great deal", D),
        ],
    ),
    (
        "Union leaders met on Friday. They said the strike would continue into next week.",
        &[("Union leaders", "the strike would continue", I)],
    ),
    (
        "Nasdaq halted trading in the afternoon. It said the halt was only temporary.",
        &[("Nasdaq", "the halt was only temporary", I)],
    ),
    // A name under a quote, after a dash, ending its line.
    (
        "“The new bridge changed my commute completely.” — Marisol Quenby\n“I walk to work now.” — Idris Falkenrath",
        &[
            ("Marisol Quenby", "The new bridge changed my commute", D),
            ("Idris Falkenrath", "I walk to work now", D),
        ],
    ),
    // A party–state tag between the name and the verb.
    (
        "Senator Ruth Abernathy (R-Kan.) said the farm bill would pass this week.",
        &[("Ruth Abernathy", "the farm bill would pass this week", I)],
    ),
    // A quote opening the sentence after a reported statement continues it.
    (
        "Mayor Tobias Reinholt said the library would reopen. “We owe it to the kids.”",
        &[
            ("Tobias Reinholt", "the library would reopen", I),
            ("Tobias Reinholt", "We owe it to the kids", D),
        ],
    ),
    // Names in the speaker's description do not take the next quote from her.
    (
        "“The ferry schedule is a mess,” said Odile Brannigan, who sat on the harbour board under Mayor Lionel Achterberg. “Nobody can plan a week ahead.”",
        &[
            ("Odile Brannigan", "The ferry schedule is a mess", D),
            ("Odile Brannigan", "Nobody can plan a week ahead", D),
        ],
    ),
    // A quote inside a sentence no other rule reads is its subject's words.
    (
        "Vera Klostermann took aim at the ferry timetable, a “slow-motion disaster” for commuters.",
        &[("Vera Klostermann", "slow-motion disaster", D)],
    ),
    (
        "The dockworkers’ union is crying “sabotage” over the new rules.",
        &[("The dockworkers’ union", "sabotage", D)],
    ),
    // …but not when the quote sits in a relative clause or a passive report.
    (
        "So far 12 passengers have been taken to the county hospital, where three are said to be in a \"critical condition\".",
        &[],
    ),
    // After a quote closing on a comma, "?" or "!", any verb with its subject attributes it.
    (
        "“That is the worst idea I have heard all year!” beamed Rosalind Achebe from the front row.",
        &[("Rosalind Achebe", "the worst idea I have heard all year", D)],
    ),
    (
        "“We were never told about the closure!” a ferry passenger yelled.",
        &[(
            "A ferry passenger",
            "We were never told about the closure",
            D,
        )],
    ),
    // A described speaker no list knows is kept as written.
    (
        "“We were never told about the closure,” the harbour newsletter complained.",
        &[(
            "The harbour newsletter",
            "We were never told about the closure",
            D,
        )],
    ),
    // A nested quote's closing mark does not hide the comma before the attribution.
    (
        "“My neighbour told me, ‘this is not what we want,’” Ilse Wilcox said. “What we are seeing is a revolt of parents.”",
        &[
            ("Ilse Wilcox", "My neighbour told me", D),
            (
                "Ilse Wilcox",
                "What we are seeing is a revolt of parents",
                D,
            ),
        ],
    ),
    // A two-word sentence in quotes after an attributed one continues it.
    (
        "“It was chaos on the quay,” Tomas Okonkwo said. “Nets everywhere.”",
        &[
            ("Tomas Okonkwo", "It was chaos on the quay", D),
            ("Tomas Okonkwo", "Nets everywhere", D),
        ],
    ),
    // A quote whose comma was left out before "X said".
    (
        "“The harbour has become a battle of niches” Marit Grubbs said on Friday.",
        &[(
            "Marit Grubbs",
            "The harbour has become a battle of niches",
            D,
        )],
    ),
    // After "said X," an article opens X's description, not another statement.
    (
        "The budget is balanced, said Petra Lindqvist, the treasurer of the county board.",
        &[("Petra Lindqvist", "The budget is balanced", I)],
    ),
    // "spoke in a place that …" is no reported clause.
    (
        "Governor Alan Mercer spoke in a barn that overlooks the river valley.",
        &[],
    ),
    // A pronoun with no antecedent keeps its statement, the pronoun as written.
    (
        "“Yes, it is true,” he said.",
        &[("He", "Yes, it is true", D)],
    ),
    // --- role nouns and aliases
    (
        "Finance Minister Olaf Brandt presented the budget. “Nothing changes for families,” the minister said.",
        &[("Olaf Brandt", "Nothing changes for families", D)],
    ),
    (
        "Prime Minister Anthony Albanese visited Perth. “It is a great city,” Mr. Albanese said.",
        &[("Anthony Albanese", "It is a great city", D)],
    ),
    (
        "Justice Minister Kim Kyung-soo spoke first. Later, protester Kim Min-ji said, \"We want answers now.\"",
        &[("Kim Min-ji", "We want answers now", D)],
    ),
    (
        "Trump's spokesman said the meeting was cancelled.",
        &[("Trump's spokesman", "the meeting was cancelled", I)],
    ),
    (
        "Senator John Cornyn issued a statement. Cornyn's statement added, \"There is no question Houston should have been selected.\"",
        &[("John Cornyn", "There is no question Houston", D)],
    ),
    (
        "Vice President of Taxpayers for Common Sense, Steve Ellis, offered his view of the bill. \"People who support these provisions will forget the cost.\"",
        &[("Steve Ellis", "People who support these provisions", D)],
    ),
    // --- documents, publications and institutions as sources
    (
        "A new survey covering farms in three northern counties has revealed that most wells are polluted.",
        &[("A new survey", "most wells are polluted", I)],
    ),
    (
        "The findings of the National Water Quality Study, released on Monday, showed nothing new. The findings of the National Water Quality Study released on Monday, revealed that rivers are warming.",
        &[(
            "The findings of the National Water Quality Study",
            "rivers are warming",
            I,
        )],
    ),
    (
        "Clinic reports from late on Sunday indicate that three patients have recovered.",
        &[("Clinic reports", "three patients have recovered", I)],
    ),
    (
        "The consumer watchdog Fairprice.org, has said that most boilers fail within ten years.",
        &[("Fairprice.org", "most boilers fail within ten years", I)],
    ),
    (
        "Harbor Weekly's annual review of its own reader surveys concluded, \"Print readers are older than ever.\"",
        &[("Harbor Weekly", "Print readers are older", D)],
    ),
    (
        "The World Hydrology Office (WHO) met in May. WHO say the aquifer is shrinking every year.",
        &[("WHO", "the aquifer is shrinking", I)],
    ),
    // --- a partial quote cutting a reported clause short is the reporter's speaker's
    (
        "The regulator says that every trade made in the first hour after the opening bell \"or shortly after\" will be voided.",
        &[
            ("The regulator", "every trade made in the first hour", I),
            ("The regulator", "or shortly after", D),
        ],
    ),
    (
        "The agency has said that its scanner found 40 faults in the code; most of them are rated \"severe\".",
        &[
            ("The agency", "its scanner found 40 faults", I),
            ("The agency", "severe", D),
        ],
    ),
    // --- nested cues: another source inside a reported clause is part of it; the same
    // speaker speaking again is a statement of its own
    (
        "The researchers say officials confirm a steady decline in quality.",
        &[("The researchers", "officials confirm a steady decline", I)],
    ),
    (
        "Mona Reyes, a union spokeswoman, urged that the talks resume soon, which she says would calm the workers.",
        &[
            ("Mona Reyes", "the talks resume soon", I),
            ("Mona Reyes", "would calm the workers", I),
        ],
    ),
    (
        "Ivan Petrov says that officials have complained to him about the budget to the point that they cannot plan ahead.",
        &[(
            "Ivan Petrov",
            "officials have complained to him about the budget",
            I,
        )],
    ),
    (
        "Critics say the drug is \"a real breakthrough for patients\", and possibly a very cheap one too.",
        &[("Critics", "a real breakthrough", D)],
    ),
    // --- "in the words of", captions inside a quote, bracketed asides
    (
        "The ship sank in minutes and, in the words of the chief engineer, Olaf Berg, \"nobody had time to reach the boats.\"",
        &[("Olaf Berg", "nobody had time to reach the boats", D)],
    ),
    (
        "At the opening, Mayor Lena Fox said, \"This bridge took ten years to plan and build.\n\nThe river crossing at dawn. Photo: City Hall.\n\n\"It will carry forty thousand cars every single day.\"",
        &[
            ("Lena Fox", "This bridge took ten years", D),
            ("Lena Fox", "forty thousand cars every single day", D),
        ],
    ),
    (
        "According to early reports, the fire started in a kitchen on the ground floor. (The cause was later disputed.) Witnesses said the blaze began \"near the roof\".",
        &[
            ("Early reports", "the fire started in a kitchen", I),
            ("Witnesses", "near the roof", D),
        ],
    ),
    // --- negatives: scare quotes, titles, nicknames, marks that are not quotes
    ("The so-called “experts” were wrong about the flood.", &[]),
    (
        "She starred in the film \"Gone with the Wind\" in 1939.",
        &[],
    ),
    (
        "Lai Changxing, dubbed the \"Bandit King\", was jailed for life.",
        &[],
    ),
    (
        "The group called \"Sea Org\" requires a billion-year contract.",
        &[],
    ),
    (
        "His book, \"The Long Walk Home\", sold well in Europe.",
        &[],
    ),
    (
        "Microsoft says on \"The Internet Explorer 6 Countdown\" that usage is falling.",
        &[("Microsoft", "usage is falling", I)],
    ),
    (
        "“We are closing the old plant,” the company said. The plan is listed on the company's \"steel for a greener future\" page.",
        &[("The company", "We are closing the old plant", D)],
    ),
    (
        "“We are closing the old plant,” said Ruth Adler. Details are on a page called Plans for \"The Green Steel Project Roadmap\" in full.",
        &[("Ruth Adler", "We are closing the old plant", D)],
    ),
    (
        "The mayor asked why ballots that should be kept in \"sealed municipal vaults\" were found in a park.",
        &[("The mayor", "why ballots that should be kept in", I)],
    ),
    ("The 12\" vinyl and a 6'2\" player were on display.", &[]),
    (
        "It's the '90s again and rock 'n' roll isn't dead in the fans' club.",
        &[],
    ),
    (
        "\"Hello world\" is the first program most students write.",
        &[],
    ),
    (
        "The weather was cold.\n\n\"Snow is coming\" was the headline in every paper.",
        &[],
    ),
    ("Smith did not say that the plan had failed.", &[]),
    ("The plan is said to be failing badly.", &[]),
    ("The rules say drivers must stop at every crossing.", &[]),
    (
        "With a Chinese promise Lai would be spared, Canada extradited him.",
        &[],
    ),
    (
        "Early investigators reports say a set of points will be the focus.",
        &[(
            "Early investigators reports",
            "a set of points will be the focus",
            I,
        )],
    ),
];

#[test]
fn attribution_table() {
    assert!(CASES.len() >= 80, "the table holds at least 80 cases");
    table_support::assert_quote_table(CASES);
}

#[test]
fn group_speakers_are_not_people() {
    let doc = ingest(
        "Analysts warn that the deal is fragile. Microsoft said it would cut jobs.".as_bytes(),
        &IngestOptions::default(),
    )
    .unwrap();
    let mut ppl = people::extract(&doc);
    let qs = quotes::extract(&doc, &mut ppl);
    assert_eq!(qs.len(), 2);
    assert!(
        ppl.is_empty(),
        "groups and companies are not people: {ppl:?}"
    );
}

#[test]
fn speakers_missing_from_people_are_added() {
    // The people stage is skipped here, so the quote stage must add the speaker itself.
    let doc = ingest(
        "“We will appeal,” said Maria Lopez.".as_bytes(),
        &IngestOptions::default(),
    )
    .unwrap();
    let mut ppl = Vec::new();
    let qs = quotes::extract(&doc, &mut ppl);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].speaker, "Maria Lopez");
    assert!(ppl.iter().any(|p| p.name == "Maria Lopez"), "{ppl:?}");
}
