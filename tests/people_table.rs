//! Table of people and role cases written for the people stage: names confirmed by a
//! first-name or family-name gazetteer, honorifics, titles, appositives and speech
//! verbs; roles from pre-modifiers, appositives (before and after the name),
//! possessives and predicates; aliases; people sharing a surname kept apart; and
//! organizations, places and sentence openers kept out.

use newsdesk::analyze::people;
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::Person;

mod table_support;

/// (text, expected people as (name, words the role must contain — "" for no role), names that must not be people)
type Case = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
);

const CASES: &[Case] = &[
    // A kinship noun that an owner holds names the unknown name after it, however long.
    (
        "The firm passed to his eldest son Marten Vos Keller in 1990. Her aunt, Odile \
         Brasseur Lantz, kept the books.",
        &[("Marten Vos Keller", ""), ("Odile Brasseur Lantz", "")],
        &[],
    ),
    // "Mr. X" joins the man of that surname, "Mrs. X" the woman.
    (
        "Tomas Varga and his wife, Ilona Varga, spoke at the hearing. Mr. Varga said little. \
         Mrs. Varga wept.",
        &[("Tomas Varga", ""), ("Ilona Varga", "")],
        &[],
    ),
    // A regnal number after a given name belongs to the name; "World War II" names no one.
    (
        "The bridge was opened by Margrethe II in 1998, and her cousin Carl XVI Gustaf \
         came too. The bridge outlived World War II.",
        &[("Margrethe II", ""), ("Carl XVI Gustaf", "")],
        &["Margrethe", "War II"],
    ),
    // A town after "from"/"in" that reads as given name + role word is no person.
    (
        "Voters from Marion Judge, Ohio, and in Clifton Dean, S.C., cheered Lena Judge.",
        &[("Lena Judge", "")],
        &["Marion Judge", "Clifton Dean"],
    ),
    // A role word before one ordinary English word names a company or a document.
    (
        "Shares of General Electric fell after the President Executive Order on steel. \
         The Deputy Secretaries met too, and General Ann Crowe, an Army officer, spoke.",
        &[("Ann Crowe", "General")],
        &["Electric", "Order", "Secretaries"],
    ),
    // Ordinary English words, none a given name or surname, name no one.
    (
        "Planned Savings said on Monday that Judicial Review warned Tara Quist.",
        &[("Tara Quist", "")],
        &["Planned Savings", "Judicial Review"],
    ),
    (
        "The ruling came from judges of the Fourth Circuit and Dana Holt, a lawyer.",
        &[("Dana Holt", "lawyer")],
        &["Fourth Circuit"],
    ),
    // A plural common word (or one inside the run) before a given name is not part of
    // the name.
    (
        "Liberals Nora Vance and Celebrities Paul Okafor Attack Tax Plan. \
         Later, Floridians Jeb Vance spoke. Jeb Vance left.",
        &[("Nora Vance", ""), ("Jeb Vance", "")],
        &["Floridians Jeb Vance", "Celebrities Paul Okafor"],
    ),
    // A noun for a kind of person or a compound modifier opening the run is cut off the
    // name; a run that ends in an ordinary word (a headline) names no one.
    (
        "Billionaire Petra Lindqvist bought the paper. Ohio-based Colm Duggan wrote it. \
         Lindqvist and Duggan met.",
        &[("Petra Lindqvist", ""), ("Colm Duggan", "")],
        &["Billionaire Petra Lindqvist", "Ohio-based Colm Duggan"],
    ),
    // A headline's speech verb ends the name before it; the capitalized clause after it
    // names no one.
    (
        "Marta Quill Says Harbor Tax Will Fail. Quill spoke on Monday.",
        &[("Marta Quill", "")],
        &["Marta Quill Says Harbor", "Harbor Tax"],
    ),
    (
        "Mayor Says Guest Grace Pressure Is High.",
        &[],
        &["Grace Pressure"],
    ),
    (
        "Reporters waited for General Ham, who said the Marine Assembly was over.",
        &[("Ham", "General")],
        &["Assembly"],
    ),
    // A family name that is also a role word, after a given name.
    (
        "Nora Bishop opened the hearing. Later, Walter Dean, a retired surgeon, spoke.",
        &[("Nora Bishop", ""), ("Walter Dean", "retired surgeon")],
        &["Bishop opened"],
    ),
    (
        "The memo reached the Lopez Chief of Staff office and The Dover Chief, a weekly.",
        &[],
        &["Lopez Chief", "Dover Chief"],
    ),
    // A sentence-opening adverb in -ly is not part of the name after it.
    (
        "Oskar Berg met voters on Monday. Interestingly Berg said nothing about taxes.",
        &[("Oskar Berg", "")],
        &["Interestingly Berg"],
    ),
    (
        "Apparently Tomasz Nowak, a wealthy industrialist, left early.",
        &[("Tomasz Nowak", "wealthy industrialist")],
        &["Apparently Tomasz Nowak"],
    ),
    // A brand or given name before a plural common noun names a company, not a person
    // (plural heads generated from WordNet 3.0 by scripts/gen_role_nouns.py).
    (
        "Passengers on Marina Trains were stranded, said Oskar Lindqvist.",
        &[("Oskar Lindqvist", "")],
        &["Marina Trains"],
    ),
    (
        "Shares of Harmony Enterprises rose 4 percent, said Nadia Haddad.",
        &[("Nadia Haddad", "")],
        &["Harmony Enterprises"],
    ),
    (
        "Beatriz Colleges opened a new campus.",
        &[],
        &["Beatriz Colleges"],
    ),
    (
        "U.S. President Donald Trump praised the talks.",
        &[("Donald Trump", "U.S. President")],
        &["U.S. President Donald Trump"],
    ),
    (
        "“It works,” said Wu Xinbo, director of the American Studies Center at Fudan University.",
        &[(
            "Wu Xinbo",
            "director of the American Studies Center at Fudan University",
        )],
        &["Fudan University", "American Studies Center"],
    ),
    (
        "Cory Combs, an analyst at Trivium China, disagreed.",
        &[("Cory Combs", "analyst at Trivium China")],
        &["Trivium China", "China"],
    ),
    (
        "The Australian foreign minister, Alexander Downer, has confirmed the policy.",
        &[("Alexander Downer", "Australian foreign minister")],
        &["Australian"],
    ),
    (
        "The director of the IAEA, Mohamed ElBaradei, called India a partner.",
        &[("Mohamed ElBaradei", "director of the IAEA")],
        &["India", "IAEA"],
    ),
    (
        "Justice Minister Kim Kyung Han warned protesters.",
        &[("Kim Kyung Han", "Justice Minister")],
        &[],
    ),
    (
        "Chief investment officer at Fort Pitt Capital Group Charlie Smith said the machines took over.",
        &[(
            "Charlie Smith",
            "Chief investment officer at Fort Pitt Capital Group",
        )],
        &["Fort Pitt Capital Group"],
    ),
    (
        "Procter & Gamble spokeswoman Jennifer Chelune spoke about the incident.",
        &[("Jennifer Chelune", "Procter & Gamble spokeswoman")],
        &["Procter"],
    ),
    (
        "The organization was founded by science fiction writer L. Ron Hubbard.",
        &[("L. Ron Hubbard", "science fiction writer")],
        &[],
    ),
    (
        "Mary Holt, who heads the dockworkers union, said the strike goes on.",
        &[("Mary Holt", "heads the dockworkers union")],
        &[],
    ),
    (
        "Priya Raman is the chief economist at Northgate Bank.",
        &[("Priya Raman", "chief economist at Northgate Bank")],
        &["Northgate Bank"],
    ),
    (
        "Governor of Washington Chris Gregoire said the museum deserved it.",
        &[("Chris Gregoire", "Governor of Washington")],
        &["Washington"],
    ),
    (
        "Senior researcher Mu Li, of the University of NSW's school of public health, said children were at risk.",
        &[("Mu Li", "Senior researcher")],
        &["University of NSW"],
    ),
    (
        "Professor Cres Eastman, Director of the National Iodine Nutrition study, and Chairman of the Australian Centre for Control of Iodine Deficiency Disorders, says iodine matters.",
        &[("Cres Eastman", "Chairman of the Australian Centre")],
        &["Australian Centre"],
    ),
    (
        "Steve Whitmore, a representative for the LA Sheriff's office, told LA Weekly the case was open.",
        &[(
            "Steve Whitmore",
            "representative for the LA Sheriff's office",
        )],
        &["LA Weekly"],
    ),
    (
        // An appositive whose comma was left out, opened by "a/an" and closed by a comma
        // (in PolNeAR train, no "Name a/an <role noun> …," clause is anything else).
        "Corliss Abernathy a bond strategist for Ferrand Hale, commented on the fall.",
        &[("Corliss Abernathy", "bond strategist for Ferrand Hale")],
        &[],
    ),
    (
        // "a/an" after a name without a role noun after it is no appositive.
        "Voters called Dana Whitcombe a liar on Tuesday.",
        &[("Dana Whitcombe", "")],
        &[],
    ),
    (
        "The nation's former vice-minister for security, Li Jizhou, has a suspended sentence.",
        &[("Li Jizhou", "former vice-minister for security")],
        &[],
    ),
    (
        "Daniel Montalvo, 19, a member of the group, was arrested.",
        &[("Daniel Montalvo", "member of the group")],
        &[],
    ),
    (
        "Virgin owner Richard Branson came to the site. Mr Branson praised the driver.",
        &[("Richard Branson", "Virgin owner")],
        &["Virgin", "Mr Branson"],
    ),
    (
        "Representative Jim Ramstad (R Minnesota) changed his vote.",
        &[("Jim Ramstad", "Representative (R Minnesota)")],
        &["Minnesota"],
    ),
    (
        "Kaufman spoke with senator Mark Warner from Virginia.",
        &[("Mark Warner", "senator from Virginia")],
        &["Virginia"],
    ),
    // aliases and mentions
    (
        "Prime Minister Anthony Albanese visited Perth. Albanese met miners there.",
        &[("Anthony Albanese", "Prime Minister")],
        &["Albanese", "Perth"],
    ),
    (
        "Mr. Downer said the policy stands.",
        &[("Downer", "")],
        &["Mr. Downer"],
    ),
    (
        "President Bush signed the agreement.",
        &[("Bush", "President")],
        &[],
    ),
    // people sharing a surname stay apart
    (
        "Justice Minister Kim Kyung-soo spoke first. Later, protester Kim Min-ji spoke.",
        &[
            ("Kim Kyung-soo", "Justice Minister"),
            ("Kim Min-ji", "protester"),
        ],
        &["Kim"],
    ),
    (
        "Hillary Clinton and Bill Clinton arrived together.",
        &[("Hillary Clinton", ""), ("Bill Clinton", "")],
        &["Clinton"],
    ),
    // organizations, places, groups and openers are not people
    (
        "Analysts say Beijing's rules mirror U.S. efforts. Microsoft said it would comply.",
        &[],
        &["Analysts", "Beijing", "Microsoft", "U.S."],
    ),
    (
        "The Australian National Iodine Nutrition Study was published in the Medical Journal of Australia.",
        &[],
        &[
            "Australian National Iodine Nutrition Study",
            "Medical Journal of Australia",
        ],
    ),
    (
        "On Monday, New South Wales and Western Australia reported more cases.",
        &[],
        &["New South Wales", "Western Australia", "Monday"],
    ),
    (
        "The Sea Org requires members to sign a contract with Freedom Magazine.",
        &[],
        &["Sea Org", "Freedom Magazine"],
    ),
];

fn people_of(text: &str) -> Vec<Person> {
    let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("case text ingests");
    people::extract(&doc)
}

#[test]
fn people_and_roles_table() {
    table_support::assert_table(CASES, |(text, want, not_people)| {
        let got = people_of(text);
        let mut problems = Vec::new();
        for (name, role) in want.iter() {
            match got.iter().find(|p| p.name == *name) {
                None => problems.push(format!("missing {name:?}")),
                Some(p)
                    if role.is_empty()
                        && !p.role.is_empty()
                        && !text.contains(&format!("{} {}", p.role, name)) =>
                {
                    problems.push(format!("{name:?} has unexpected role {:?}", p.role))
                }
                Some(p) if !p.role.contains(role) => {
                    problems.push(format!("{name:?} role {:?} lacks {role:?}", p.role))
                }
                _ => {}
            }
        }
        for bad in not_people.iter() {
            if got.iter().any(|p| p.name == *bad) {
                problems.push(format!("{bad:?} is not a person"));
            }
        }
        if got.len() != want.len() {
            problems.push(format!(
                "expected {} people, got {:?}",
                want.len(),
                got.iter().map(|p| &p.name).collect::<Vec<_>>()
            ));
        }
        (text.to_string(), problems)
    });
}

#[test]
fn aliases_and_mentions() {
    let got = people_of(
        "Virgin owner Richard Branson came to the site. Mr Branson praised the driver. Branson left.",
    );
    let p = got
        .iter()
        .find(|p| p.name == "Richard Branson")
        .expect("Branson found");
    assert!(p.aliases.iter().any(|a| a == "Branson"), "{:?}", p.aliases);
    assert!(
        p.aliases.iter().any(|a| a == "Mr Branson"),
        "{:?}",
        p.aliases
    );
    assert_eq!(p.mentions.len(), 3, "{:?}", p.mentions);

    let got = people_of("Wu Xinbo spoke first. Later Wu spoke again.");
    let p = got
        .iter()
        .find(|p| p.name == "Wu Xinbo")
        .expect("Wu Xinbo found");
    assert!(
        p.aliases.iter().any(|a| a == "Wu"),
        "family name first: {:?}",
        p.aliases
    );
}

/// Roles that must come out exactly (sentences of our own; each failed before the
/// rule it names): party-state tags, a title that does not run on through "and" or a
/// verb, appositives closed by a relative clause, roles in "who was" clauses, and lists
/// of titled people that are not one another's roles.
const EXACT_ROLES: &[(&str, &str, &str)] = &[
    // people.party_tag: a bracketed tag alone is the role, and marks a person.
    (
        "Dagny Thorsrud (I-Vt.) abstained from the vote on Tuesday.",
        "Dagny Thorsrud",
        "(I-Vt.)",
    ),
    // people.party_tag: a tag between commas completes the title.
    (
        "Sen. Aiyana Whitehorse, D-N.M., said the vote was close.",
        "Aiyana Whitehorse",
        "Sen., D-N.M.",
    ),
    // A title never runs on through "and" to another person.
    (
        "The debate pitted Farida Haidari and Senator Koji Matsuda against each other.",
        "Koji Matsuda",
        "Senator",
    ),
    (
        "Voters backed Governor Amara Okafor and Mayor Lucía Fernández in the runoff.",
        "Lucía Fernández",
        "Mayor",
    ),
    // A verb before a capitalised title is not part of it.
    (
        "The plan would help President Ngozi Balogun win votes.",
        "Ngozi Balogun",
        "President",
    ),
    // A relative clause closes an appositive.
    (
        "Henrike Vogt, a lawyer who represented the tenants, spoke first.",
        "Henrike Vogt",
        "lawyer",
    ),
    // "who was" takes a role without an article.
    (
        "Baraka Otieno, who was Kenyan trade minister, resigned on Monday.",
        "Baraka Otieno",
        "Kenyan trade minister",
    ),
    // ... but not a verb phrase.
    (
        "Sun Li, who is challenging Mayor Ortiz, spoke at the rally.",
        "Sun Li",
        "",
    ),
    // A list of titled people: each keeps only their own title.
    (
        "Gov. Teodora Ilic, Sen. Rafael Quispe and Rep. Mei Tanaka met on Friday.",
        "Teodora Ilic",
        "Gov.",
    ),
    (
        "Gov. Teodora Ilic, Sen. Rafael Quispe and Rep. Mei Tanaka met on Friday.",
        "Mei Tanaka",
        "Rep.",
    ),
    // A titled name before a possessive stays inside the role.
    (
        "Heidi Okafor, Senator Jonas Berg's wife, declined to comment.",
        "Heidi Okafor",
        "Senator Jonas Berg's wife",
    ),
    // Role nouns generated from WordNet 3.0 (scripts/gen_role_nouns.py).
    (
        "Pollster Ingrid Halvorsen said the race was tight.",
        "Ingrid Halvorsen",
        "Pollster",
    ),
    (
        "Lindiwe Dlamini, a cartographer at the survey office, drew the map.",
        "Lindiwe Dlamini",
        "cartographer at the survey office",
    ),
    (
        "Speaker Tomás Aguirre opened the session.",
        "Tomás Aguirre",
        "Speaker",
    ),
    (
        "The hotelier Rustam Nazarov bought the building.",
        "Rustam Nazarov",
        "hotelier",
    ),
    // A verb before a title's capitalised modifiers is not part of it.
    (
        "Party leaders will endorse House Speaker Oyelaran Adeyemi next week.",
        "Oyelaran Adeyemi",
        "House Speaker",
    ),
    // ... while an adjective after an article, or a modifier written onto the next
    // word, is.
    (
        "The longtime Democratic pollster Siobhán Kearney disagreed.",
        "Siobhán Kearney",
        "longtime Democratic pollster",
    ),
    (
        "Rates rose under then-Fed Chair Arvid Lindqvist in 2006.",
        "Arvid Lindqvist",
        "then-Fed Chair",
    ),
    // people.of_affiliation: an "of" phrase completes a title, or is the role when it
    // names an organization; a place alone is not a role, and "and" before another
    // titled person ends it.
    (
        "Ingrid Olsen of the Green Party said the vote was rigged.",
        "Ingrid Olsen",
        "of the Green Party",
    ),
    (
        "Mayor Tuomas Virtanen of Springfield opened the fair.",
        "Tuomas Virtanen",
        "Mayor of Springfield",
    ),
    (
        "Senator Ana Ruiz of Ohio and Senator Kofi Boateng of Iowa voted no.",
        "Ana Ruiz",
        "Senator of Ohio",
    ),
    (
        "Ahmed Karimi of Leeds said he was pleased.",
        "Ahmed Karimi",
        "",
    ),
    // Business roles (WordNet businessperson/capitalist), and "whose" ends a role.
    (
        "Ilya Morozov, the Siberian timber magnate, bought the club.",
        "Ilya Morozov",
        "Siberian timber magnate",
    ),
    (
        "Amaka Eze, a lawyer whose firm won the case, spoke first.",
        "Amaka Eze",
        "lawyer",
    ),
    // A lower-case honorific noun is a role: "professor" after an article or before a
    // name; capitalised right before the name it stays a form of address.
    (
        "Rain is rare here, said Ingeborg Vik, a professor of geology at Tromsø University.",
        "Ingeborg Vik",
        "professor of geology at Tromsø University",
    ),
    (
        "The University of Tromsø history professor Tariq Mensah disagreed.",
        "Tariq Mensah",
        "University of Tromsø history professor",
    ),
    ("Professor Elif Demir spoke first.", "Elif Demir", ""),
    // people.person_noun_appositive: a noun naming a kind of person (WordNet noun.person)
    // heads an appositive opened by an article; age and sex words do not, nor a phrase
    // opened by a possessive ("his wife" is another person).
    (
        "“It is loud,” said Kalani Akana, a retiree from Hilo.",
        "Kalani Akana",
        "retiree from Hilo",
    ),
    (
        "Maria Tupou, a longtime Labour supporter, left the hall.",
        "Maria Tupou",
        "longtime Labour supporter",
    ),
    (
        "Mirela Popescu, an elderly lady from Cluj, waved.",
        "Mirela Popescu",
        "",
    ),
    (
        "Governor Radu Ionescu, his wife and two aides arrived.",
        "Radu Ionescu",
        "Governor",
    ),
    // people.list_role: a plural title or role before a list of names is each one's
    // role, when no mention gives the person a role of their own.
    (
        "Democratic Sens. Amara Nwosu and Keiko Tanaka voted no.",
        "Keiko Tanaka",
        "Democratic Sens.",
    ),
    (
        "Former finance ministers Olga Petrova, Jonas Berg and Ewa Nowak signed the letter.",
        "Jonas Berg",
        "Former finance ministers",
    ),
    (
        "The plan drew fire from veteran diplomats, including Mariam Haddad and Pablo Ortiz.",
        "Pablo Ortiz",
        "veteran diplomats",
    ),
    (
        "Fellow candidates Jonas Berg and Ewa Nowak spoke. Berg, a retired judge, left early.",
        "Jonas Berg",
        "retired judge",
    ),
    // A kinship noun with one modifier between owner and noun still marks the name
    // after its comma as a person, even a lone unlisted one.
    (
        "The family left after their eldest child, Oyelaran, fell ill.",
        "Oyelaran",
        "",
    ),
    // people.person_noun_title: a person noun right before a name heads its title when
    // a modifier precedes it; alone, or after a verb, it does not.
    (
        "Harbour Radio host Ines Duarte laughed.",
        "Ines Duarte",
        "Harbour Radio host",
    ),
    (
        "The mayor told friend Ines Duarte nothing.",
        "Ines Duarte",
        "",
    ),
    // A hyphenated -ed modifier opens an appositive role.
    (
        "“No,” said Tomas Rydell, a Malmö-based party strategist.",
        "Tomas Rydell",
        "Malmö-based party strategist",
    ),
    // people.role_coref: "the HEAD of ..." completes the role of the one person whose
    // role has that head; a capitalised title only with a named complement.
    (
        "The pilot Farid Benali was praised. Officials thanked the pilot of the ferry for staying calm.",
        "Farid Benali",
        "pilot of the ferry",
    ),
    (
        "President Ana Lucero spoke first. Later the president of the rowing club spoke.",
        "Ana Lucero",
        "President",
    ),
    (
        "President Ana Lucero spoke first. She was elected the president of Costa Verde in May.",
        "Ana Lucero",
        "president of Costa Verde",
    ),
    // A lone name after a plural noun is not a list ("told reporters X").
    (
        "The mayor told reporters Ewa Nowak would run.",
        "Ewa Nowak",
        "",
    ),
    // people.role_after (lead_role.rs): a verb of leading whose object is a contest is
    // no role: a rival, a margin, a poll or a field.
    (
        "Nora Vance led Paul Ortiz by nine points in the county count.",
        "Nora Vance",
        "",
    ),
    (
        "Ivo Marsh leads the crowded field with most ballots counted.",
        "Ivo Marsh",
        "",
    ),
    (
        "Greta Lund heads into the runoff with momentum.",
        "Greta Lund",
        "",
    ),
    // ... while an organization it names is one, cut before a time or a margin.
    (
        "Ruth Calder headed the Harbor Authority from 2009 until 2015.",
        "Ruth Calder",
        "headed the Harbor Authority",
    ),
    (
        "Omar Reyes, who runs the Eastfield Food Bank, said donations fell.",
        "Omar Reyes",
        "runs the Eastfield Food Bank",
    ),
    (
        "Tomas Ek runs Ruth Calder's campaign in the north.",
        "Tomas Ek",
        "runs Ruth Calder's campaign in the north",
    ),
    // A title-opening modifier ("former", "incumbent") starts the title: the verb or
    // noun before it is the sentence, not the role.
    (
        "The new poll put former Mayor Lena Ostrova ahead of the field.",
        "Lena Ostrova",
        "former Mayor",
    ),
    (
        "Both parties' slates include incumbent Governor Tariq Bello of Rhode Island.",
        "Tariq Bello",
        "incumbent Governor of Rhode Island",
    ),
    // ... while a possessor before it stays in the role.
    (
        "The agency's former director Hal Brink said little.",
        "Hal Brink",
        "agency's former director",
    ),
    // A participle opening a clause with its object or a preposition is no appositive.
    (
        "The flyer attacked Colm Reddy, questioning the senator's voting record.",
        "Colm Reddy",
        "",
    ),
    (
        "Aisha Grant toured the plant, casting herself as a friend of the workers.",
        "Aisha Grant",
        "",
    ),
    // ... while a participle before a noun is a title.
    (
        "“It works,” said Ravi Patel, managing partner at Osprey Advisers.",
        "Ravi Patel",
        "managing partner at Osprey Advisers",
    ),
    // A capitalised particle can open a name ("Al", "Le", "Van"); in lower case it cannot.
    (
        "The mayor thanked former governor Al Brennan on Monday.",
        "Al Brennan",
        "former governor",
    ),
    (
        "“We stay,” said Dara Le Brun, a union organizer.",
        "Dara Le Brun",
        "union organizer",
    ),
    // people.head_word_surname: a family name that is an organization head word, after
    // a title or before a role appositive.
    (
        "Ana Church, a former aide to the governor, disagreed.",
        "Ana Church",
        "former aide to the governor",
    ),
    (
        "The film was made by director Tomas Hall in Lisbon.",
        "Tomas Hall",
        "director",
    ),
    // A noun for a kind of person heading an appositive names an unknown name a person.
    (
        "Yusra Tahiri, a close friend of the mayor, called it unfair.",
        "Yusra Tahiri",
        "close friend of the mayor",
    ),
    (
        "Odalys Brenn, a voter born in Peru, waited in line for hours.",
        "Odalys Brenn",
        "voter born in Peru",
    ),
];

/// Capitalised words that a party word or a following role noun does not make a person.
const NO_PEOPLE: &[&str] = &[
    "Republican Presidential candidates met in Ohio.",
    "Republican Jews gathered in the hall.",
    // Listed as "al Qaeda" (data/organizations.txt): a known organization, no person.
    "Al Qaeda said it would strike again.",
    // A given name before an organization head, with no title or role: an organization.
    "Grace Church said it would open its doors.",
    // A person noun that only modifies the appositive's head ("a super PAC") is no
    // evidence, nor is an appositive after a run of ordinary words.
    "Clean Water Now, a super PAC backed by unions, spent heavily.",
];

#[test]
fn exact_roles_and_non_people() {
    let mut failures = Vec::new();
    for (text, name, role) in EXACT_ROLES {
        let got = people_of(text);
        match got.iter().find(|p| p.name == *name) {
            None => failures.push(format!("{text:?}: missing {name:?}")),
            Some(p) if p.role != *role => failures.push(format!(
                "{text:?}: {name:?} role {:?}, want {role:?}",
                p.role
            )),
            _ => {}
        }
    }
    for text in NO_PEOPLE {
        let got = people_of(text);
        if !got.is_empty() {
            let names: Vec<&str> = got.iter().map(|p| p.name.as_str()).collect();
            failures.push(format!("{text:?}: no people expected, got {names:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
