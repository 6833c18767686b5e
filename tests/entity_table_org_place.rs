//! More organization and place cases written for issue #14 (the first table,
//! `entity_table.rs`, is near the file-size limit): names of our own, never from the
//! dev articles — bodies named after "of", nationality words and bare head words before
//! "officials", organizations whose name ends in a place word, pollsters and broadcasters
//! by what they make, and a nationality before a country.

use newsdesk::analyze::analyze;
use newsdesk::ingest::{IngestOptions, ingest};

#[derive(Clone, Copy, Debug)]
enum Kind {
    Org,
    Place,
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
    // places.before_known / places.list_member: a sentence-opening adverb before a comma
    // is no town before its state (data/adverbs.txt, WordNet).
    (
        "Recently, Vermont raised its fuel tax. Meanwhile, Kanata, Ontario, grew.",
        Place,
        &["Vermont", "Kanata"],
        &["Recently", "Meanwhile"],
    ),
    (
        "Clearly, Maine and Oregon differ on the question.",
        Place,
        &["Maine", "Oregon"],
        &["Clearly"],
    ),
    (
        "The Department of Justice opened an inquiry into the sale.",
        Org,
        &["Department of Justice"],
        &["Department of"],
    ),
    (
        "Canadian officials declined to comment on the talks.",
        Org,
        &[],
        &["Canadian"],
    ),
    (
        "A super PAC spokeswoman declined to comment.",
        Org,
        &[],
        &["PAC"],
    ),
    (
        "City officials in Brevik met on Monday.",
        Org,
        &[],
        &["City"],
    ),
    (
        "The interview aired on the BBC News Channel on Friday.",
        Org,
        &["BBC News Channel"],
        &[],
    ),
    (
        "The interview aired on the BBC News Channel on Friday.",
        Place,
        &[],
        &["BBC News Channel"],
    ),
    (
        "The photograph was supplied by Getty Images.",
        Org,
        &["Getty Images"],
        &[],
    ),
    (
        "His State of the Union address ran long.",
        Org,
        &[],
        &["State of the Union"],
    ),
    (
        "The figures come from a Brenmoor poll released on Sunday.",
        Org,
        &["Brenmoor"],
        &[],
    ),
    (
        "The clip aired on Kestrel TV's late-night comedy series.",
        Org,
        &["Kestrel TV"],
        &[],
    ),
    (
        "A Tuesday poll showed a tight race.",
        Org,
        &[],
        &["Tuesday"],
    ),
    (
        "The regiment was sent to British Honduras in 1941.",
        Place,
        &["British Honduras"],
        &[],
    ),
    (
        "The regiment was sent to British Honduras in 1941.",
        Org,
        &[],
        &["British Honduras"],
    ),
    // An unknown acronym after "the" that modifies a noun is no organization by that alone.
    (
        "Senators read the QRV draft of the bill before the vote.",
        Org,
        &[],
        &["QRV"],
    ),
    (
        "Members of the LGBT community marched in Dorvale on Sunday.",
        Org,
        &[],
        &["LGBT"],
    ),
    // … but one heading its phrase is.
    (
        "A lawyer for the QRV said the fund would appeal.",
        Org,
        &["QRV"],
        &[],
    ),
    // Names from the generated list (WordNet, stock-index companies).
    (
        "Shares of Thermo Fisher Scientific fell after the report.",
        Org,
        &["Thermo Fisher Scientific"],
        &[],
    ),
    (
        "The National Rifle Association spent heavily in the race.",
        Org,
        &["National Rifle Association"],
        &[],
    ),
    (
        "She studied law at Harvard before moving to Ohio.",
        Org,
        &["Harvard"],
        &[],
    ),
    // A town's name that a university also carries stays the town.
    (
        "The rally in Hartford drew a large crowd.",
        Org,
        &[],
        &["Hartford"],
    ),
    // An acronym as a speaker, an addressee or an employer is an organization.
    (
        "The firm was hired in May, and KWB said in a statement that it regretted nothing.",
        Org,
        &["KWB"],
        &[],
    ),
    (
        "The senator told WQRT on Monday that she would run.",
        Org,
        &["WQRT"],
        &[],
    ),
    (
        "She met the ZNT chairwoman without notes.",
        Org,
        &["ZNT"],
        &[],
    ),
    (
        "Parents asked about the KIDS program at the meeting.",
        Org,
        &[],
        &["KIDS"],
    ),
    // Datelines: the city is a place, the agency in brackets an organization.
    (
        "Ferry fares rise\n\nBRENWICK, Ont. (Wirex) — Fares on the harbor ferry will rise in June.",
        Place,
        &["BRENWICK"],
        &[],
    ),
    (
        "Ferry fares rise\n\nBRENWICK, Ont. (Wirex) — Fares on the harbor ferry will rise in June.",
        Org,
        &["Wirex"],
        &["BRENWICK"],
    ),
    (
        "Budget vote\n\nDENVER — The council voted on Tuesday.\n\nThe Denver vote was close.",
        Place,
        &["Denver"],
        &["DENVER"],
    ),
    (
        "Budget vote\n\nEXCLUSIVE — The council voted on Tuesday.",
        Place,
        &[],
        &["EXCLUSIVE"],
    ),
    // An acronym spelled out in brackets after it is whatever its expansion is.
    (
        "Bees fed on QRF [quick release fructose, a syrup] lived longer. The QRF was cheap.",
        Org,
        &[],
        &["QRF"],
    ),
    (
        "Staff of the KWM (Kestrel Water Board) met. The KWM said rates would rise.",
        Org,
        &["Kestrel Water Board"],
        &[],
    ),
    // "the XYZ of …" names a thing of something, not an organization.
    (
        "The clip is shot from the ZQV of the driver.",
        Org,
        &[],
        &["ZQV"],
    ),
    // AP-style state abbreviations (generated from PyPI us): the town before one is a place.
    (
        "Voters in Marlow Creek, Fla., lined up before dawn.",
        Place,
        &["Marlow Creek", "Fla."],
        &[],
    ),
    // Generated organization heads: a name ending in a plural that many companies end in.
    (
        "A lawyer for Brindle Creek Brands declined to comment.",
        Org,
        &["Brindle Creek Brands"],
        &[],
    ),
    // Teams: a plural name before "fan(s)", or after "the" in a sentence about sport.
    (
        "He has been a Harriers fan since he was six.",
        Org,
        &["Harriers"],
        &[],
    ),
    (
        "Sports fans packed the hall on Friday.",
        Org,
        &[],
        &["Sports"],
    ),
    (
        "He played for the Dunmore Otters in 2014.",
        Org,
        &["Dunmore Otters"],
        &[],
    ),
    // Advocacy groups named for their members and cause.
    (
        "The watchdog group Hikers for Clean Rivers sued the county on Monday.",
        Org,
        &["Hikers for Clean Rivers"],
        &[],
    ),
    (
        "Director of Friends for Fair Play, Jo Marsh, spoke at the hearing.",
        Org,
        &["Friends for Fair Play"],
        &[],
    ),
    (
        "Parents Against Noise will protest outside the depot.",
        Org,
        &["Parents Against Noise"],
        &[],
    ),
    (
        "Strategists for Jane Roe agreed that the answer hurt her.",
        Org,
        &[],
        &["Strategists for Jane Roe"],
    ),
    // Offices named after their officer.
    (
        "A deputy with the Lake County Coroner's Office said the road was closed.",
        Org,
        &["Lake County Coroner's Office"],
        &[],
    ),
    (
        "Staff at the Marshal's office refused to comment.",
        Org,
        &[],
        &["Marshal's office"],
    ),
    (
        "The Los Angeles Coroner's Office named the victim. \
         The LA Coroner's Office later released a photo.",
        Org,
        &["Los Angeles Coroner's Office"],
        &["LA Coroner's Office"],
    ),
    // An acronym that employs someone, or says when it was told something.
    (
        "The claim was repeated on Friday by WKBQ's Dana Pell.",
        Org,
        &["WKBQ"],
        &[],
    ),
    (
        "QRTF's chief economist expects rates to rise.",
        Org,
        &["QRTF"],
        &[],
    ),
    (
        "Jo Roe told KZMT Monday that she would run.",
        Org,
        &["KZMT"],
        &["KZMT Monday"],
    ),
    // Carriers named for what they run (heads generated from WordNet).
    (
        "The night service is run by Norland Trains and the coast road by Brask Buses.",
        Org,
        &["Norland Trains", "Brask Buses"],
        &["Norland"],
    ),
    // A title-case headline opening with a person's name.
    (
        "Mayor Jo Pellman spoke on Monday.\n\nJo Pellman Gets More Bad News\n\nThe council voted against her.",
        Org,
        &[],
        &["Jo Pellman Gets More Bad News"],
    ),
    (
        "Mayor Jo Pellman spoke on Monday. The Jo Pellman Foundation gave $5,000.",
        Org,
        &["Jo Pellman Foundation"],
        &[],
    ),
    // A state abbreviation after a town is one place, and makes the town one.
    (
        "The mill in Tampa, Fla., closed, and the one in Lenholt, Ky., stayed open.",
        Place,
        &["Tampa", "Lenholt"],
        &["Fla", "Ky"],
    ),
    // A later short form of one longer name is that name, listed once.
    (
        "The Brantwick Gazette broke the story. A reporter for the Gazette said more would come.",
        Org,
        &["Brantwick Gazette"],
        &["Gazette"],
    ),
    (
        "The Ann R. Kessler Foundation gave $5 million. The Kessler Foundation said it would give more.",
        Org,
        &["Ann R. Kessler Foundation"],
        &["Kessler Foundation"],
    ),
    (
        "The Democratic Party and the Ohio Democratic Party both raised money in May.",
        Org,
        &["Democratic Party", "Ohio Democratic Party"],
        &[],
    ),
    // A sentence's first word is capitalized for its place.
    (
        "Government officials said the port would reopen.",
        Org,
        &[],
        &["Government"],
    ),
];

/// The names of the given kind that the engine reports for `text`.
fn names(text: &str, kind: Kind) -> Vec<String> {
    let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("ingest");
    let a = analyze(&doc);
    let list = match kind {
        Org => &a.organizations,
        Place => &a.places,
    };
    list.iter().map(|e| e.name.clone()).collect()
}

#[test]
fn organization_and_place_table() {
    table_support::assert_table(CASES, |(text, kind, want, not)| {
        let got = names(text, *kind);
        let missing: Vec<&&str> = want
            .iter()
            .filter(|w| !got.iter().any(|g| g == *w))
            .collect();
        let unwanted: Vec<&&str> = not.iter().filter(|n| got.iter().any(|g| g == *n)).collect();
        let problems = if missing.is_empty() && unwanted.is_empty() {
            Vec::new()
        } else {
            vec![format!(
                "({kind:?}) missing {missing:?}, unwanted {unwanted:?}, got {got:?}"
            )]
        };
        (text.to_string(), problems)
    });
}
