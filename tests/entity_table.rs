//! Table of person, organization, place and role cases written for issue #14 (none taken
//! from the dev articles): names from many languages found from context and shape even
//! when no list knows them, roles in their common shapes, and the negatives the issue
//! names — places inside people's names, parts of organizations' names, titles of
//! works and awards, one person listed once.

use newsdesk::analyze::analyze;
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::Analysis;

#[derive(Clone, Copy)]
enum Kind {
    Person,
    Org,
    Place,
    /// A person and words their role must contain: "Name=role words".
    Role,
}
use Kind::*;

mod table_support;

/// (text, kind, names that must be found, names that must not be found as this kind)
type Case = (
    &'static str,
    Kind,
    &'static [&'static str],
    &'static [&'static str],
);

const CASES: &[Case] = &[
    // --- People from unknown names, by context and shape.
    (
        "The ceremony was attended by Ottavio Lugli and his sister.",
        Person,
        &["Ottavio Lugli"],
        &[],
    ),
    (
        "She worked with Zbigniew Wróblewski for a decade.",
        Person,
        &["Zbigniew Wróblewski"],
        &[],
    ),
    (
        "The film was directed by Tuomas Kärkkäinen in 1998.",
        Person,
        &["Tuomas Kärkkäinen"],
        &[],
    ),
    (
        "Oyelaran Adebisi, 46, was arrested on Friday.",
        Person,
        &["Oyelaran Adebisi"],
        &[],
    ),
    (
        "Quilliam Ostrander, who founded the shop, declined to comment.",
        Person,
        &["Quilliam Ostrander"],
        &[],
    ),
    (
        "He is the son of Vasyl Hrytsenko, a farmer.",
        Person,
        &["Vasyl Hrytsenko"],
        &[],
    ),
    (
        "The photo was taken by Grzegorz Brzęczyszczykiewicz at dusk.",
        Person,
        &["Grzegorz Brzęczyszczykiewicz"],
        &[],
    ),
    (
        "Mr. Okonkwo-Bassey arrived late.",
        Person,
        &["Okonkwo-Bassey"],
        &[],
    ),
    (
        "Dr Siobhán Ní Bhriain leads the team.",
        Person,
        &["Siobhán Ní Bhriain"],
        &[],
    ),
    (
        "Witnesses named Ludmila Kovaleva, Aigerim Zhaksylykova and Rustam Nazarov.",
        Person,
        &["Ludmila Kovaleva", "Aigerim Zhaksylykova", "Rustam Nazarov"],
        &[],
    ),
    (
        "Thandiwe Mthembu said the results were clear.",
        Person,
        &["Thandiwe Mthembu"],
        &[],
    ),
    (
        "Sources close to Haruki Tanabe confirmed the move.",
        Person,
        &["Haruki Tanabe"],
        &[],
    ),
    (
        "Kwame Asante-Darko told reporters the vote was fair.",
        Person,
        &["Kwame Asante-Darko"],
        &[],
    ),
    (
        "The study was led by Ingrid Søndergaard of the institute.",
        Person,
        &["Ingrid Søndergaard"],
        &[],
    ),
    (
        "General Abd al-Rahim Haddad took power in the coup.",
        Person,
        &["Abd al-Rahim Haddad"],
        &["Abd"],
    ),
    (
        "Novelist María de la Fuente signed copies.",
        Person,
        &["María de la Fuente"],
        &[],
    ),
    (
        "The theorem is named after Jean-Baptiste d'Orville.",
        Person,
        &["Jean-Baptiste d'Orville"],
        &[],
    ),
    (
        "Her children, Ottilie and Bartholomew, live abroad.",
        Person,
        &["Ottilie", "Bartholomew"],
        &[],
    ),
    (
        "Carmen Ibáñez arrived. Later Ibáñez said she was tired.",
        Person,
        &["Carmen Ibáñez"],
        &["Ibáñez"],
    ),
    // --- One person listed once.
    (
        "Jane Mary Goode was born in 1970. Jane Goode later moved.",
        Person,
        &["Jane Mary Goode"],
        &["Jane Goode"],
    ),
    (
        "Teodoro Mbeki spoke first; Mr. Mbeki then left.",
        Person,
        &["Teodoro Mbeki"],
        &["Mbeki"],
    ),
    // --- Places inside people's names, works and awards are not people or places.
    (
        "Actress Valeska Paris won the role.",
        Person,
        &["Valeska Paris"],
        &[],
    ),
    (
        "Actress Valeska Paris won the role.",
        Place,
        &[],
        &["Paris"],
    ),
    (
        "Florence Okafor visited the clinic on Tuesday.",
        Place,
        &[],
        &["Florence"],
    ),
    (
        "She won the Golden Lotus Award in 2003.",
        Person,
        &[],
        &["Golden Lotus Award", "Golden Lotus"],
    ),
    (
        "The band toured with the Midnight Chronicles show.",
        Person,
        &[],
        &["Midnight Chronicles"],
    ),
    (
        "He wrote for the San Francisco Bulletin for years.",
        Person,
        &[],
        &["Francisco Bulletin"],
    ),
    (
        "The families met in Preston and Carlisle on Sunday.",
        Person,
        &[],
        &["Preston", "Carlisle"],
    ),
    (
        "Reporters gathered in Chelsea on Monday.",
        Person,
        &[],
        &["Chelsea"],
    ),
    (
        "The lecture at Harvard University was full.",
        Place,
        &[],
        &["Harvard"],
    ),
    (
        "Monday in March was cold.",
        Person,
        &[],
        &["Monday", "March"],
    ),
    ("U. S. troops left the base.", Person, &[], &["U. S."]),
    // --- Organizations.
    (
        "The Harbour Pilots' Association met the Fishermen's Union on Monday.",
        Org,
        &["Harbour Pilots' Association"],
        &["Association"],
    ),
    (
        "The Houston Astros signed the pitcher.",
        Org,
        &["Houston Astros"],
        &[],
    ),
    (
        "The Houston Astros signed the pitcher.",
        Place,
        &[],
        &["Houston"],
    ),
    (
        "He played for the Toronto Blue Jays and the Chicago White Sox.",
        Org,
        &["Toronto Blue Jays", "Chicago White Sox"],
        &[],
    ),
    (
        "She studied at Harvard University and Kyoto University.",
        Org,
        &["Harvard University", "Kyoto University"],
        &["Harvard"],
    ),
    (
        "The Norwegian Refugee Council (NRC) sent aid.",
        Org,
        &["Norwegian Refugee Council"],
        &[],
    ),
    (
        "Funding came from the Wellcome Trust.",
        Org,
        &["Wellcome Trust"],
        &[],
    ),
    (
        "Texas Democrats met in Austin.",
        Org,
        &[],
        &["Texas Democrats"],
    ),
    (
        "The Ministry of Fisheries issued a warning.",
        Org,
        &["Ministry of Fisheries"],
        &[],
    ),
    (
        "Researchers at the Max Planck Institute published the data.",
        Org,
        &["Max Planck Institute"],
        &[],
    ),
    // --- Places.
    (
        "The flood hit Dhaka and Chittagong.",
        Place,
        &["Dhaka", "Chittagong"],
        &[],
    ),
    (
        "Protests spread from Lagos to Ibadan.",
        Place,
        &["Lagos", "Ibadan"],
        &[],
    ),
    (
        "Snow fell in Ulaanbaatar overnight.",
        Place,
        &["Ulaanbaatar"],
        &[],
    ),
    (
        "The convoy stopped near Trzcianka before dawn.",
        Place,
        &["Trzcianka"],
        &[],
    ),
    ("The talks moved to Medellín.", Place, &["Medellín"], &[]),
    (
        "Fighting continued 40 kilometres north of Zhytomyr.",
        Place,
        &["Zhytomyr"],
        &[],
    ),
    (
        "Fans drove to Porto Alegre for the match.",
        Place,
        &["Porto Alegre"],
        &[],
    ),
    (
        "The ship docked in Surabaya, Indonesia.",
        Place,
        &["Surabaya", "Indonesia"],
        &[],
    ),
    (
        "Storms hit Queensland and New South Wales.",
        Place,
        &["Queensland", "New South Wales"],
        &[],
    ),
    ("He grew up in Kazan.", Place, &["Kazan"], &[]),
    // --- Roles.
    (
        "Kenyan Ambassador Wanjiru Kamau opened the session.",
        Role,
        &["Wanjiru Kamau=Ambassador"],
        &[],
    ),
    (
        "Ana Folau, a campaigner at the housing trust, spoke.",
        Role,
        &["Ana Folau=campaigner"],
        &[],
    ),
    (
        "The judge, Mary T. Lindqvist, adjourned the case.",
        Role,
        &["Mary T. Lindqvist=judge"],
        &[],
    ),
    (
        "Prime Minister Jacinda Moana addressed the house.",
        Role,
        &["Jacinda Moana=Prime Minister"],
        &[],
    ),
    (
        "Economist Rafael Quintero said growth would slow.",
        Role,
        &["Rafael Quintero=Economist"],
        &[],
    ),
    (
        "Olusegun Adeyemi, chief executive of the port authority, resigned.",
        Role,
        &["Olusegun Adeyemi=chief executive"],
        &[],
    ),
    (
        "Coach Dragan Petrović praised the players.",
        Role,
        &["Dragan Petrović=Coach"],
        &[],
    ),
    (
        "Senator Orrin Haldane (R-Utah) objected.",
        Role,
        &["Orrin Haldane=Senator"],
        &[],
    ),
    (
        "Ewa Kowalczyk, 52, a nurse from Gdańsk, was injured.",
        Role,
        &["Ewa Kowalczyk=nurse"],
        &[],
    ),
    (
        "Heinrich Vogt is the director of the museum.",
        Role,
        &["Heinrich Vogt=director"],
        &[],
    ),
    // --- Round 2: roles after "as", venues, languages, organizations' short forms.
    (
        "Tomasz Wierzbicki was forced to resign as transport minister in June.",
        Role,
        &["Tomasz Wierzbicki=transport minister"],
        &[],
    ),
    (
        "Amara Nwosu served as the chief executive of a shipping firm for a decade.",
        Role,
        &["Amara Nwosu=chief executive"],
        &[],
    ),
    (
        "The fair was held at the Lakeshore Convention Centre for three days.",
        Place,
        &["Lakeshore Convention Centre"],
        &[],
    ),
    (
        "The fair was held at the Lakeshore Convention Centre for three days.",
        Org,
        &[],
        &["Lakeshore Convention Centre"],
    ),
    (
        "Delegates stayed at the Marisol Hotel near the harbour.",
        Place,
        &["Marisol Hotel"],
        &[],
    ),
    (
        "She published two essays in Icelandic and one in Portuguese.",
        Place,
        &[],
        &["Icelandic", "Portuguese"],
    ),
    (
        "He taught Swahili at a village school before he left.",
        Org,
        &[],
        &["Swahili"],
    ),
    (
        "Rhee studied at Wexcombe University. Years later she returned to teach at Wexcombe.",
        Place,
        &[],
        &["Wexcombe"],
    ),
    (
        "In 1990 she became a Fellow of the Lindqvist Society.",
        Org,
        &["Lindqvist Society"],
        &["Fellow of the Lindqvist Society"],
    ),
    (
        "He taught at the University of Tarvania and Kellmoor University.",
        Org,
        &["University of Tarvania", "Kellmoor University"],
        &["University of Tarvania and Kellmoor University"],
    ),
    (
        "She spoke at the Institute of Glass and Ceramics last year.",
        Org,
        &["Institute of Glass and Ceramics"],
        &["Institute of Glass"],
    ),
    (
        "He joined the Society for Maritime Systems Research in 2001.",
        Org,
        &["Society for Maritime Systems Research"],
        &["Society for Maritime Systems"],
    ),
    (
        "On Monday the Federation of Nurses and the ACLU marched together.",
        Org,
        &["Federation of Nurses", "ACLU"],
        &["Federation of Nurses and the ACLU"],
    ),
    (
        "Odile Marchetti, Democrat of Vermont, voted against the bill.",
        Place,
        &["Vermont"],
        &["Democrat of Vermont"],
    ),
    (
        "The gala was opened by First Lady Amaya Okonkwo on Friday.",
        Role,
        &["Amaya Okonkwo=First Lady"],
        &[],
    ),
    (
        "Stocks slid again. Rafe Lindqvist an analyst at Harwell Partners, said the fall was overdone.",
        Role,
        &["Rafe Lindqvist=analyst"],
        &[],
    ),
    (
        "The column ran in the San Francisco Examiner the next morning.",
        Place,
        &[],
        &["San Francisco Examiner"],
    ),
    (
        "Her thesis was written in FrameSketch, a tool she built herself.",
        Place,
        &[],
        &["FrameSketch"],
    ),
    (
        "The band played at Midnight in the old hall.",
        Place,
        &[],
        &["Midnight"],
    ),
    (
        "After the war the family moved south to Vellanor, a small spa town.",
        Place,
        &["Vellanor"],
        &[],
    ),
    (
        "He grew up in a village near Ostravel. He was educated at Ostravel School.",
        Place,
        &["Ostravel"],
        &[],
    ),
    (
        "On Sunday two Royal Navy Sea King helicopters searched the bay.",
        Org,
        &["Royal Navy"],
        &["Royal Navy Sea King"],
    ),
    (
        "On Sunday two Royal Navy Sea King helicopters searched the bay.",
        Place,
        &[],
        &["Royal Navy Sea"],
    ),
    // --- Places: slots that hold people, groups, employers and dates, not places.
    (
        "The senator took questions from Mr. Okafor and later from Mrs. Lindqvist.",
        Place,
        &[],
        &["Mr", "Mrs", "Mr.", "Mrs."],
    ),
    (
        "Support grew, with help from Democrats in Tampa and from Republicans in Ocala.",
        Place,
        &["Tampa", "Ocala"],
        &["Democrats", "Republicans"],
    ),
    (
        "Talks between Serbs and Albanians stalled again.",
        Place,
        &[],
        &["Serbs", "Albanians"],
    ),
    (
        "The dispute between Kowalczyk and the ministry dragged on.",
        Place,
        &[],
        &["Kowalczyk"],
    ),
    (
        "\"The sell-off was overdone,\" said Ingrid Halvorsen, a senior analyst at Kestrelmoor.",
        Org,
        &["Kestrelmoor"],
        &[],
    ),
    (
        "Piotr Zieliński, a lecturer in political science at Vassarby, disagreed.",
        Place,
        &[],
        &["Vassarby"],
    ),
    (
        "The rally at Kinross Arena Sunday drew thousands of supporters.",
        Place,
        &["Kinross Arena"],
        &["Kinross Arena Sunday"],
    ),
    (
        "Turnout was high across the South and lower in the Midwest.",
        Place,
        &["South", "Midwest"],
        &[],
    ),
    // --- Organizations: teams, newspapers by their head word, names after "of".
    (
        "\"We will not sell,\" the owner told the Times on Monday.",
        Org,
        &["Times"],
        &[],
    ),
    (
        "In 2019 he was traded to the Lakeshore Comets, a minor league affiliate.",
        Org,
        &["Lakeshore Comets"],
        &[],
    ),
    (
        "The club's new coach joined the Glenmore Harriers in May.",
        Org,
        &["Glenmore Harriers"],
        &[],
    ),
    (
        "The Silver Anchor Prize of the Baltic Maritime Society went to Ana Castro.",
        Org,
        &["Baltic Maritime Society"],
        &["Silver Anchor Prize of the Baltic Maritime Society"],
    ),
    (
        "Voters asked the Independent candidate about taxes.",
        Org,
        &[],
        &["Independent"],
    ),
    (
        "The nursery on the corner sold the Morning Glories every spring.",
        Org,
        &[],
        &["Morning Glories"],
    ),
    // --- Venues: a place where only located in, an organization where it acts.
    (
        "The sketches hang at Oslo's Nordvik Museum of Design until June.",
        Place,
        &["Nordvik Museum of Design"],
        &[],
    ),
    (
        "The Nordvik Museum of Design said it would buy the sketches.",
        Org,
        &["Nordvik Museum of Design"],
        &[],
    ),
    // --- Places by form and slot; titles of works are not places.
    (
        "The herders crossed the Plains of Tarsk at dawn.",
        Place,
        &["Plains of Tarsk"],
        &[],
    ),
    (
        "Traffic stalled for hours on the Queen Adaeze Causeway.",
        Place,
        &["Queen Adaeze Causeway"],
        &[],
    ),
    (
        "Pilgrims gathered near the Masjid Al-Noor after prayers.",
        Place,
        &["Masjid Al-Noor"],
        &[],
    ),
    (
        "Their exports to the USA in 1990 doubled.",
        Place,
        &["USA"],
        &[],
    ),
    (
        "She published \"Verbs in Old Frisian Poetry\" in 1992.",
        Place,
        &[],
        &["Old Frisian Poetry"],
    ),
    (
        "Players spent hours in Starfall: The Broken Crown last year.",
        Place,
        &[],
        &["Starfall"],
    ),
    (
        "She won the regional title in Duet Improvisation.",
        Place,
        &[],
        &["Duet Improvisation"],
    ),
];

/// Known gaps, kept visible: an unknown Vietnamese family name written with its
/// diacritics and no context, sentence-initial unknown names joined only by an ordinary
/// verb, an organization whose head word comes first in another language, and an
/// occupation missing from the role-noun list ("Painter X").
/// `cargo test --release --test entity_table -- --ignored` lists them.
const GAPS: &[Case] = &[
    (
        "Painter Pieter van der Berghe exhibited in Ghent.",
        Person,
        &["Pieter van der Berghe"],
        &[],
    ),
    (
        "The award went to Nguyễn Thị Lan last year.",
        Person,
        &["Nguyễn Thị Lan"],
        &[],
    ),
    (
        "Santosh Raghunathan met Priyanka Venkatesan at the fair.",
        Person,
        &["Santosh Raghunathan", "Priyanka Venkatesan"],
        &[],
    ),
    (
        "Shares of Banco Santander fell.",
        Org,
        &["Banco Santander"],
        &[],
    ),
];

fn analysis(text: &str) -> Option<Analysis> {
    let doc = ingest(text.as_bytes(), &IngestOptions::default()).ok()?;
    Some(analyze(&doc))
}

/// The names of the given kind, each with its aliases, and the role of each person.
fn names(a: &Analysis, kind: Kind) -> Vec<(Vec<String>, String)> {
    match kind {
        Person | Role => a
            .people
            .iter()
            .map(|p| {
                let mut all = vec![p.name.clone()];
                all.extend(p.aliases.iter().cloned());
                (all, p.role.clone())
            })
            .collect(),
        Org => a
            .organizations
            .iter()
            .map(|o| (vec![o.name.clone()], String::new()))
            .collect(),
        Place => a
            .places
            .iter()
            .map(|o| (vec![o.name.clone()], String::new()))
            .collect(),
    }
}

fn check(text: &str, kind: Kind, want: &[&str], not: &[&str]) -> Vec<String> {
    let Some(a) = analysis(text) else {
        return vec!["the text did not ingest".to_string()];
    };
    let got = names(&a, kind);
    let mut problems = Vec::new();
    for w in want {
        let (name, role) = w.split_once('=').unwrap_or((w, ""));
        match got.iter().find(|(n, _)| n[0] == name) {
            None => problems.push(format!("missing {name:?}")),
            Some((_, r)) if !r.to_lowercase().contains(&role.to_lowercase()) => {
                problems.push(format!("{name:?} has role {r:?}, wants {role:?}"))
            }
            Some(_) => {}
        }
    }
    for n in not {
        if got.iter().any(|(g, _)| g[0] == *n) {
            problems.push(format!("unwanted {n:?}"));
        }
    }
    if !problems.is_empty() {
        let listed: Vec<&String> = got.iter().map(|(n, _)| &n[0]).collect();
        problems.push(format!("got {listed:?}"));
    }
    problems
}

#[test]
#[ignore = "known gaps of issue #14, listed for the next round"]
fn entity_gaps() {
    let failing: Vec<String> = GAPS
        .iter()
        .filter(|(text, kind, want, not)| !check(text, *kind, want, not).is_empty())
        .map(|(text, ..)| text.to_string())
        .collect();
    assert!(failing.is_empty(), "gaps still open: {failing:#?}");
}

#[test]
fn entity_table() {
    assert!(CASES.len() >= 60, "the table keeps at least 60 cases");
    table_support::assert_table(CASES, |(text, kind, want, not)| {
        (text.to_string(), check(text, *kind, want, not))
    });
}
