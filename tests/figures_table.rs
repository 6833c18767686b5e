//! Table-driven checks of figure recognition: each family of figure with its exact
//! normalized value, kind and unit, and each kind of number that must not be reported.

use newsdesk::analyze::figures::extract;
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::{Document, Figure, FigureKind, Sentence, Span};

fn figures_of(text: &str) -> (String, Vec<Figure>) {
    // A line that is all page furniture (e.g. a font-size widget) is refused by ingest;
    // the figures grammar still has to reject it on its own, so such a line is analysed
    // as a one-sentence document built here. A case is never passed by being refused.
    let doc = match ingest(text.as_bytes(), &IngestOptions::default()) {
        Ok(doc) => doc,
        Err(_) => bare_document(text),
    };
    let figs = extract(&doc);
    (doc.text.clone(), figs)
}

/// One paragraph, one sentence, no headline: the text exactly as given.
fn bare_document(text: &str) -> Document {
    let span = Span::new(0, text.len());
    Document {
        text: text.to_string(),
        paragraphs: vec![span],
        sentences: vec![Sentence { span, paragraph: 0 }],
        ..Document::default()
    }
}

/// (sentence, expected span, kind, value, unit)
const FIGURES: &[(&str, &str, &str, Option<f64>, &str)] = &[
    // money
    (
        "It left a fragile $660 billion trade relationship.",
        "$660 billion",
        "money",
        Some(660e9),
        "USD",
    ),
    (
        "The firm raised US$5.2bn from investors.",
        "US$5.2bn",
        "money",
        Some(5.2e9),
        "USD",
    ),
    (
        "He was released on US$ 20,000 bail.",
        "US$ 20,000",
        "money",
        Some(20000.0),
        "USD",
    ),
    (
        "Each drive was worth $ 200 in value.",
        "$ 200",
        "money",
        Some(200.0),
        "USD",
    ),
    (
        "The club paid €3m for the striker.",
        "€3m",
        "money",
        Some(3e6),
        "EUR",
    ),
    (
        "The grant was £1.2 million last year.",
        "£1.2 million",
        "money",
        Some(1.2e6),
        "GBP",
    ),
    (
        "A ticket costs HK$40 at the gate.",
        "HK$40",
        "money",
        Some(40.0),
        "HKD",
    ),
    (
        "The bank lent 5 billion yuan to the miner.",
        "5 billion yuan",
        "money",
        Some(5e9),
        "CNY",
    ),
    (
        "Trade reached 660 billion dollars in the period.",
        "660 billion dollars",
        "money",
        Some(660e9),
        "USD",
    ),
    (
        "The plan will cost $1.5-2 billion over a decade.",
        "$1.5-2 billion",
        "money",
        Some(1.5e9),
        "USD",
    ),
    (
        "The shares fell to four cents at the low.",
        "four cents",
        "money",
        Some(0.04),
        "USD",
    ),
    (
        "Exports were worth over AU$2.1 billion in total.",
        "over AU$2.1 billion",
        "money",
        Some(2.1e9),
        "AUD",
    ),
    (
        "The insurance cap rises to $250,000 under the bill.",
        "$250,000",
        "money",
        Some(250000.0),
        "USD",
    ),
    (
        "Crude closed at $77.11 in New York.",
        "$77.11",
        "money",
        Some(77.11),
        "USD",
    ),
    (
        "He smuggled goods worth more than £2 billion into the port.",
        "more than £2 billion",
        "money",
        Some(2e9),
        "GBP",
    ),
    (
        "Investors lost almost $1 trillion in minutes.",
        "almost $1 trillion",
        "money",
        Some(1e12),
        "USD",
    ),
    (
        "The fund holds A$300 million in bonds.",
        "A$300 million",
        "money",
        Some(3e8),
        "AUD",
    ),
    (
        "Prices start at C$15 in Toronto.",
        "C$15",
        "money",
        Some(15.0),
        "CAD",
    ),
    (
        "The loan was USD 40 million.",
        "USD 40 million",
        "money",
        Some(4e7),
        "USD",
    ),
    (
        "The deal is valued at ¥500 billion.",
        "¥500 billion",
        "money",
        Some(5e11),
        "JPY",
    ),
    (
        "The charity received 2.5 million euros last year.",
        "2.5 million euros",
        "money",
        Some(2.5e6),
        "EUR",
    ),
    (
        "A cup of tea now costs 90 pence in London.",
        "90 pence",
        "money",
        Some(0.9),
        "GBP",
    ),
    (
        "The settlement was $12.5m, lawyers said.",
        "$12.5m",
        "money",
        Some(12.5e6),
        "USD",
    ),
    (
        "They signed a billion-dollar contract.",
        "billion-dollar",
        "money",
        Some(1e9),
        "USD",
    ),
    (
        "The city spent between $5 million and $7 million on repairs.",
        "$5 million",
        "money",
        Some(5e6),
        "USD",
    ),
    (
        "The cost is roughly 300,000 rupees per family.",
        "roughly 300,000 rupees",
        "money",
        Some(300000.0),
        "INR",
    ),
    // percentages and points
    (
        "China refines over 90% of the world's rare earths.",
        "over 90%",
        "percent",
        Some(90.0),
        "%",
    ),
    (
        "Inflation rose 3.5 percent in May.",
        "3.5 percent",
        "percent",
        Some(3.5),
        "%",
    ),
    (
        "Only 12 per cent of salt is iodised.",
        "12 per cent",
        "percent",
        Some(12.0),
        "%",
    ),
    (
        "Unemployment was up 2.3 percentage points on the year.",
        "2.3 percentage points",
        "percent",
        Some(2.3),
        "percentage points",
    ),
    (
        "The Dow fell 998.5 points in minutes.",
        "998.5 points",
        "quantity",
        Some(998.5),
        "points",
    ),
    (
        "Its goal is less than one percent of users.",
        "less than one percent",
        "percent",
        Some(1.0),
        "%",
    ),
    (
        "The index dropped 3.24% on Thursday.",
        "3.24%",
        "percent",
        Some(3.24),
        "%",
    ),
    (
        "The party won approximately 56 percent of the vote.",
        "approximately 56 percent",
        "percent",
        Some(56.0),
        "%",
    ),
    (
        "Turnout was 61.5 pct across the region.",
        "61.5 pct",
        "percent",
        Some(61.5),
        "%",
    ),
    (
        "Rates rose by 25 basis points in March.",
        "25 basis points",
        "quantity",
        Some(25.0),
        "basis points",
    ),
    (
        "Support ranged from 40 to 45 percent in the polls.",
        "40 to 45 percent",
        "percent",
        Some(40.0),
        "%",
    ),
    (
        "Serious deficiency costs 15 IQ points on average.",
        "15 IQ points",
        "quantity",
        Some(15.0),
        "IQ points",
    ),
    (
        "The stock fell almost a thousand points at one stage.",
        "almost a thousand points",
        "quantity",
        Some(1000.0),
        "points",
    ),
    // counts
    // A name or abbreviation before the counted noun belongs to the phrase.
    (
        "The ship carried 2,400 U.S. sailors home.",
        "2,400 U.S. sailors",
        "count",
        Some(2400.0),
        "U.S. sailors",
    ),
    (
        "Nine Super Bowl rings sat in the case.",
        "Nine Super Bowl rings",
        "count",
        Some(9.0),
        "Super Bowl rings",
    ),
    (
        "About 40 Fortune 500 companies signed the pledge.",
        "About 40 Fortune 500 companies",
        "count",
        Some(40.0),
        "Fortune 500 companies",
    ),
    (
        "At least 1,200 people were evacuated.",
        "At least 1,200 people",
        "count",
        Some(1200.0),
        "people",
    ),
    (
        "The crash killed three people on board.",
        "three people",
        "count",
        Some(3.0),
        "people",
    ),
    (
        "Police arrested a dozen protesters on Sunday.",
        "a dozen protesters",
        "count",
        Some(12.0),
        "protesters",
    ),
    (
        "A survey of 1709 schoolchildren was carried out.",
        "1709 schoolchildren",
        "count",
        Some(1709.0),
        "schoolchildren",
    ),
    (
        "India will reclassify 22 nuclear reactors as civilian.",
        "22 nuclear reactors",
        "count",
        Some(22.0),
        "nuclear reactors",
    ),
    (
        "More than two billion people live in such areas.",
        "More than two billion people",
        "count",
        Some(2e9),
        "people",
    ),
    (
        "Around 300 police buses blocked the plaza.",
        "Around 300 police buses",
        "count",
        Some(300.0),
        "police buses",
    ),
    (
        "As many as 180 people were on the train.",
        "As many as 180 people",
        "count",
        Some(180.0),
        "people",
    ),
    (
        "The bill passed with 74 yeas in the Senate.",
        "74 yeas",
        "count",
        Some(74.0),
        "yeas",
    ),
    (
        "Microsoft has replaced it with three newer versions.",
        "three newer versions",
        "count",
        Some(3.0),
        "newer versions",
    ),
    (
        "The report lists 277 vulnerabilities in the browser.",
        "277 vulnerabilities",
        "count",
        Some(277.0),
        "vulnerabilities",
    ),
    (
        "Twenty-five workers were trapped underground.",
        "Twenty-five workers",
        "count",
        Some(25.0),
        "workers",
    ),
    (
        "Officials counted two hundred and fifty ballots by hand.",
        "two hundred and fifty ballots",
        "count",
        Some(250.0),
        "ballots",
    ),
    (
        "The 131-page document was found on a street.",
        "131-page",
        "count",
        Some(131.0),
        "pages",
    ),
    (
        "The plane crashed, killing all six aboard.",
        "six aboard",
        "count",
        Some(6.0),
        "people",
    ),
    (
        "Attendance 70073",
        "Attendance 70073",
        "count",
        Some(70073.0),
        "spectators",
    ),
    (
        "The incident echoes two other incidents this year.",
        "two other incidents",
        "count",
        Some(2.0),
        "other incidents",
    ),
    (
        "The storm destroyed 4,500 homes across the province.",
        "4,500 homes",
        "count",
        Some(4500.0),
        "homes",
    ),
    (
        "Some 30,000 anti-government protesters marched.",
        "Some 30,000 anti-government protesters",
        "count",
        Some(30000.0),
        "anti-government protesters",
    ),
    (
        "The company will cut 1.2 million jobs worldwide.",
        "1.2 million jobs",
        "count",
        Some(1.2e6),
        "jobs",
    ),
    (
        "The army deployed 2 bn rounds of ammunition.",
        "2 bn rounds",
        "count",
        Some(2e9),
        "rounds",
    ),
    // quantities with units
    (
        "Australia exported 46,600 tonnes of uranium.",
        "46,600 tonnes",
        "quantity",
        Some(46600.0),
        "tonnes",
    ),
    (
        "The field pumps 1.5 million barrels a day.",
        "1.5 million barrels",
        "quantity",
        Some(1.5e6),
        "barrels",
    ),
    (
        "The quake struck 64 kilometers west of the town.",
        "64 kilometers",
        "quantity",
        Some(64.0),
        "km",
    ),
    (
        "A five mile cordon was set up.",
        "five mile",
        "quantity",
        Some(5.0),
        "miles",
    ),
    (
        "Winds reached 120 mph near the coast.",
        "120 mph",
        "quantity",
        Some(120.0),
        "mph",
    ),
    (
        "The plant will produce 450 MW of power.",
        "450 MW",
        "quantity",
        Some(450.0),
        "MW",
    ),
    (
        "Police seized 30 kg of cocaine.",
        "30 kg",
        "quantity",
        Some(30.0),
        "kg",
    ),
    (
        "The temperature fell to 5 degrees overnight.",
        "5 degrees",
        "quantity",
        Some(5.0),
        "degrees",
    ),
    (
        "The aftershock had a 5.6 magnitude on the scale.",
        "5.6 magnitude",
        "quantity",
        Some(5.6),
        "magnitude",
    ),
    (
        "It was a magnitude 6.2 earthquake.",
        "magnitude 6.2",
        "quantity",
        Some(6.2),
        "magnitude",
    ),
    (
        "With a magnitude of 4.3, it hit near Talca.",
        "magnitude of 4.3",
        "quantity",
        Some(4.3),
        "magnitude",
    ),
    (
        "Branson spoke roughly 200 meters from the site.",
        "roughly 200 meters",
        "quantity",
        Some(200.0),
        "m",
    ),
    (
        "Challenger exploded 73 seconds after liftoff.",
        "73 seconds",
        "quantity",
        Some(73.0),
        "s",
    ),
    (
        "Negotiations lasted twelve years in all.",
        "twelve years",
        "quantity",
        Some(12.0),
        "years",
    ),
    (
        "He sat in a cell for the next 30 hours.",
        "the next 30 hours",
        "quantity",
        Some(30.0),
        "hours",
    ),
    (
        "Milk has been the main source for at least four decades.",
        "at least four decades",
        "quantity",
        Some(4.0),
        "decades",
    ),
    (
        "The brothel was a seven-storey building.",
        "seven-storey",
        "quantity",
        Some(7.0),
        "storeys",
    ),
    (
        "Members sign a billion-year contract.",
        "billion-year",
        "quantity",
        Some(1e9),
        "years",
    ),
    (
        "The DJIA fell 300 points and closed at 10,520 after the fall.",
        "10,520",
        "quantity",
        Some(10520.0),
        "points",
    ),
    (
        "The fire burned 2,000 hectares of forest.",
        "2,000 hectares",
        "quantity",
        Some(2000.0),
        "hectares",
    ),
    (
        "The depth was 90.8 kilometers below the surface.",
        "90.8 kilometers",
        "quantity",
        Some(90.8),
        "km",
    ),
    (
        "The tank holds 3,000 litres of water.",
        "3,000 litres",
        "quantity",
        Some(3000.0),
        "litres",
    ),
    // ratios and fractions
    (
        "Amending the bill required 3/5 of the Senate.",
        "3/5",
        "ratio",
        Some(0.6),
        "fraction",
    ),
    (
        "Almost half of all children are deficient.",
        "Almost half",
        "ratio",
        Some(0.5),
        "fraction",
    ),
    (
        "Women get about half as much as they need.",
        "about half",
        "ratio",
        Some(0.5),
        "fraction",
    ),
    (
        "Two-thirds of voters backed the plan.",
        "Two-thirds",
        "ratio",
        Some(2.0 / 3.0),
        "fraction",
    ),
    (
        "One in five adults smokes.",
        "One in five",
        "ratio",
        Some(0.2),
        "fraction",
    ),
    (
        "A third of the budget goes to defence.",
        "A third",
        "ratio",
        Some(1.0 / 3.0),
        "fraction",
    ),
    (
        "Three quarters of the staff voted to strike.",
        "Three quarters",
        "ratio",
        Some(0.75),
        "fraction",
    ),
    (
        "Nine out of ten dentists agree.",
        "Nine out of ten",
        "ratio",
        Some(0.9),
        "fraction",
    ),
    (
        "The bill needed only a 1/2 majority.",
        "1/2",
        "ratio",
        Some(0.5),
        "fraction",
    ),
    (
        "More than half the population lives in cities.",
        "More than half",
        "ratio",
        Some(0.5),
        "fraction",
    ),
    // ranks
    (
        "It is the country's third-largest bank.",
        "third-largest bank",
        "rank",
        Some(3.0),
        "rank",
    ),
    (
        "Internet Explorer is usually the #2 browser.",
        "#2",
        "rank",
        Some(2.0),
        "rank",
    ),
    (
        "IE could fall to fourth place this year.",
        "fourth place",
        "rank",
        Some(4.0),
        "rank",
    ),
    (
        "He was questioned on the 33rd floor of the building.",
        "33rd floor",
        "rank",
        Some(33.0),
        "floor",
    ),
    (
        "It was the second lowest grade of classification.",
        "second lowest grade",
        "rank",
        Some(2.0),
        "rank",
    ),
    (
        "Drogba headed in his 28th of the campaign.",
        "28th",
        "rank",
        Some(28.0),
        "",
    ),
    (
        "The team finished in first place in the league.",
        "first place",
        "rank",
        Some(1.0),
        "rank",
    ),
    // ages
    (
        "The 62-year-old was arrested at home.",
        "62-year-old",
        "age",
        Some(62.0),
        "years",
    ),
    (
        "A man aged 42 was charged with theft.",
        "aged 42",
        "age",
        Some(42.0),
        "years",
    ),
    (
        "Their nine-month-old child died in May.",
        "nine-month-old",
        "age",
        Some(9.0),
        "months",
    ),
    (
        "Thomas Sam, 42, and his wife were charged.",
        "42",
        "age",
        Some(42.0),
        "years",
    ),
    (
        "The woman who died was an 84 year old lady.",
        "84 year old",
        "age",
        Some(84.0),
        "years",
    ),
    (
        "Children aged 8–10 years were surveyed.",
        "aged 8–10 years",
        "age",
        Some(8.0),
        "years",
    ),
    (
        "The eczema developed at the age of four months.",
        "four months",
        "age",
        Some(4.0),
        "months",
    ),
    (
        "The boy is 10 years old and lives in Leeds.",
        "10 years old",
        "age",
        Some(10.0),
        "years",
    ),
    // scores
    (
        "Chelsea won the final 2-1 on Sunday.",
        "2-1",
        "score",
        None,
        "",
    ),
    // ranges
    (
        "The project will take 8–10 years to finish.",
        "8–10 years",
        "quantity",
        Some(8.0),
        "years",
    ),
    (
        "Between 5 and 10 percent of the crop was lost.",
        "Between 5 and 10 percent",
        "percent",
        Some(5.0),
        "%",
    ),
    (
        "Temperatures of 35-40 degrees are expected.",
        "35-40 degrees",
        "quantity",
        Some(35.0),
        "degrees",
    ),
    // number words and mixed forms
    (
        "The merger created 1.2 million new accounts.",
        "1.2 million new accounts",
        "count",
        Some(1.2e6),
        "new accounts",
    ),
    (
        "Rescuers found forty-two survivors.",
        "forty-two survivors",
        "count",
        Some(42.0),
        "survivors",
    ),
    (
        "Tickets cost 20€ at the door.",
        "20€",
        "money",
        Some(20.0),
        "EUR",
    ),
    (
        "The fee is 100 USD per night.",
        "100 USD",
        "money",
        Some(100.0),
        "USD",
    ),
    (
        "Temperatures fell to -5 degrees overnight.",
        "-5 degrees",
        "quantity",
        Some(-5.0),
        "degrees",
    ),
    (
        "The economy shrank by −0.3% in the quarter.",
        "−0.3%",
        "percent",
        Some(-0.3),
        "%",
    ),
    (
        "Between 20 to 30 people were hurt.",
        "20 to 30 people",
        "count",
        Some(20.0),
        "people",
    ),
    (
        "About 1.5m people watched the final.",
        "About 1.5m people",
        "count",
        Some(1.5e6),
        "people",
    ),
    (
        "The album sold 2 million in its first week.",
        "2 million",
        "count",
        Some(2e6),
        "",
    ),
    (
        "London hit 30C on Tuesday.",
        "30C",
        "quantity",
        Some(30.0),
        "°C",
    ),
    (
        "Only ½ of the funds arrived.",
        "½",
        "ratio",
        Some(0.5),
        "fraction",
    ),
    (
        "A magnitude-6.1 earthquake struck southern Peru.",
        "magnitude-6.1",
        "quantity",
        Some(6.1),
        "magnitude",
    ),
    (
        "The quake kills 12 in Peru.",
        "12",
        "count",
        Some(12.0),
        "people",
    ),
    (
        "The 1,700-strong army unit arrived.",
        "1,700-strong",
        "count",
        Some(1700.0),
        "army unit",
    ),
    (
        "A million visitors came last summer.",
        "A million visitors",
        "count",
        Some(1e6),
        "visitors",
    ),
    (
        "The rally drew three thousand supporters.",
        "three thousand supporters",
        "count",
        Some(3000.0),
        "supporters",
    ),
];

/// (sentence, number text that must not be inside any reported figure)
const NOT_FIGURES: &[(&str, &str)] = &[
    // A year that dates the noun after it is not a count of that noun.
    (
        "Output must fall below 1990 levels by the end of the decade.",
        "1990",
    ),
    ("Their 2019 accounts showed a small loss.", "2019"),
    // Counts from 1,000 up carry a comma in edited news: a bare recent year dates the noun.
    ("Several 2024 candidates skipped the forum.", "2024"),
    ("Turnout among 2020 voters was higher.", "2020"),
    // A numbered list of people: the number counts no "Nadia".
    (
        "Her ranking of the field: 4 Nadia Petrov, then the rest.",
        "4",
    ),
    // One letter of an abbreviation counts nothing.
    (
        "He closed the season with a 3.10 E.R.A. and a smile.",
        "3.10",
    ),
    // An ordinal that numbers an occasion or names a thing is not a ranking.
    (
        "NASA celebrates the 30th anniversary of the first launch.",
        "30th",
    ),
    ("The talks were held on 2025-10-23 in Madrid.", "2025"),
    (
        "The bill was introduced on March 9, 2007, by a senator.",
        "9",
    ),
    (
        "The bill was introduced on March 9, 2007, by a senator.",
        "2007",
    ),
    ("On 10/1/2008, the Senate passed the bill.", "2008"),
    ("The train hit something at 20:15 near the town.", "20"),
    ("The quake struck at 05:19 local time.", "05"),
    ("Trades near 2.40 PM were cancelled.", "2.40"),
    ("The meeting starts at 9 a.m. sharp.", "9"),
    ("The database was unveiled in 1999 as a tool.", "1999"),
    ("Beef was banned in 2003 after the discovery.", "2003"),
    ("From 2000 to 2005 exports doubled.", "2000"),
    ("The DJIA had its worst fall since 1987.", "1987"),
    ("+ ↺ − 16 px", "16"),
    ("Set the font to 12 pt for captions.", "12"),
    ("1. Open the settings page.", "1"),
    ("Call 555-0199 for details.", "555"),
    ("Call 020 7946 0958 for tickets.", "020"),
    ("It is time for IE6 users to move on.", "6"),
    ("Developers target HTML 5 for the new site.", "5"),
    ("Atlantis will fly STS-135 in June.", "135"),
    ("The 747 has transported the shuttles.", "747"),
    ("The app runs on version 2.1.3 only.", "2.1.3"),
    ("A Class 390 Pendolino train derailed.", "390"),
    ("Gagarin flew aboard Vostok 1 into space.", "1"),
    ("Columbia lifted off from Launch Pad 39A.", "39"),
    ("He lives at 10 Downing Street in London.", "10"),
    ("Division B (pp. 110-255) covers energy.", "110"),
    ("The Senate took H.R.1424 as the vehicle.", "1424"),
    ("The Standard & Poor's 500 index dropped.", "500"),
    ("Microsoft's Internet Explorer 9 is almost complete.", "9"),
    ("[Ten] years ago, a browser was born.", "Ten"),
    ("IE6 shipped nearly a decade ago with XP.", "decade"),
    ("Two days later the police arrived.", "Two"),
    ("He scored his first ever goal for the club.", "first"),
    ("The second half started much as the first.", "half"),
    ("One of the reasons is that salt is cheaper.", "One"),
    ("The deal between the two countries was signed.", "two"),
    ("The 20th century saw two world wars.", "20"),
    ("Prices peaked in the 1990s before falling.", "1990"),
    ("He was born on the 4th of July.", "4"),
    ("Lai was executed three times over in effect.", "three"),
    ("Covid-19 cases rose again.", "19"),
    ("He played for Apollo 11 fans in Houston.", "11"),
    ("The 2010 festival was cancelled.", "2010"),
    ("He was in Grade C last year.", "C"),
];

fn kind(s: &str) -> FigureKind {
    FigureKind::parse(s).unwrap_or_else(|| panic!("unknown kind {s}"))
}

#[test]
fn figure_table() {
    assert!(
        FIGURES.len() >= 100,
        "the table should hold at least 100 expressions"
    );
    let mut failures = Vec::new();
    for &(sentence, span, k, value, unit) in FIGURES {
        let (text, figs) = figures_of(sentence);
        let hit = figs.iter().find(|f| f.text.of(&text) == span);
        let Some(f) = hit else {
            let got: Vec<String> = figs
                .iter()
                .map(|f| {
                    format!(
                        "{:?} {} {:?} {}",
                        f.text.of(&text),
                        f.kind.as_str(),
                        f.value,
                        f.unit
                    )
                })
                .collect();
            failures.push(format!("{sentence:?}: no figure {span:?}; got {got:?}"));
            continue;
        };
        let value_ok = match (value, f.value) {
            (None, _) => true,
            (Some(want), Some(got)) => (want - got).abs() <= 1e-9 * want.abs().max(1.0),
            (Some(_), None) => false,
        };
        if f.kind != kind(k) || !value_ok || f.unit != unit {
            failures.push(format!(
                "{sentence:?}: {span:?} got {} {:?} {:?}, want {k} {value:?} {unit:?}",
                f.kind.as_str(),
                f.value,
                f.unit
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        FIGURES.len(),
        failures.join("\n")
    );
}

#[test]
fn not_figures_table() {
    let mut failures = Vec::new();
    for &(sentence, number) in NOT_FIGURES {
        let (text, figs) = figures_of(sentence);
        // The number must be in the analysed text, or the case tests nothing.
        assert!(
            text.contains(number),
            "{sentence:?}: {number:?} was not analysed"
        );
        for f in &figs {
            let t = f.text.of(&text);
            if t.contains(number) {
                failures.push(format!(
                    "{sentence:?}: {t:?} reported as {}",
                    f.kind.as_str()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} wrongly reported:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_key_figures_are_exactly_the_two_real_ones() {
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/articles/seed-us-china-rare-earths.txt"
    ))
    .expect("seed fixture");
    let (text, figs) = figures_of(&raw);
    let got: Vec<(&str, Option<f64>, &str)> = figs
        .iter()
        .map(|f| (f.text.of(&text), f.value, f.unit.as_str()))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.contains(&("$660 billion", Some(660e9), "USD")),
        "{got:?}"
    );
    assert!(got.contains(&("over 90%", Some(90.0), "%")), "{got:?}");
}

#[test]
fn restated_figure_is_merged_and_money_ranks_first() {
    let text = "Trade talks resume\n\nThe trade relationship is worth $660 billion a year. Officials met 12 reporters.\n\nAnalysts repeated that the relationship is worth $660 billion.";
    let (t, figs) = figures_of(text);
    let money: Vec<&Figure> = figs
        .iter()
        .filter(|f| f.kind == FigureKind::Money)
        .collect();
    assert_eq!(money.len(), 1, "restatement should merge");
    assert!(
        money[0].text.start < t.find("Analysts").unwrap_or(0),
        "first mention kept"
    );
    let ranked = newsdesk::analyze::figures::ranked(&figs);
    assert_eq!(ranked[0].kind, FigureKind::Money);
}

#[test]
fn hostile_inputs_do_not_panic() {
    for text in [
        "$",
        "$$$ 1,2,3,4 ..",
        "5-",
        "#",
        "1/0",
        "0/0 of",
        "½ ⅓ — –5–",
        "ﬁve 五 ٣",
        "9999999999999999999999999999 people",
        "a a a a billion",
        "twenty-",
        "US$",
        "-1 - - 2",
    ] {
        let _ = figures_of(text);
    }
}

/// (sentence, figure text, expected `about`): what the figure measures, as a noun phrase
/// from its sentence, or nothing.
const ABOUT: &[(&str, &str, &str)] = &[
    // A figure ending in a plural unit is a phrase of its own: neither the word after it
    // nor the phrase before it is what it measures.
    (
        "The depot lies 40 miles west of the border town.",
        "40 miles",
        "",
    ),
    (
        "With 200 days left, the mayor trails her rival badly.",
        "200 days",
        "",
    ),
    (
        "The tunnel saves drivers a 12-mile detour.",
        "12-mile",
        "detour",
    ),
    (
        "The jobless rate rose to 5.7% in the spring.",
        "5.7%",
        "jobless rate",
    ),
    (
        "Mines in the north supply 45% of the world's cobalt.",
        "45%",
        "world's cobalt",
    ),
    (
        "It left a fragile $660 billion trade relationship.",
        "$660 billion",
        "trade relationship",
    ),
    (
        "The council hired 12 new inspectors last year.",
        "12 new inspectors",
        "new inspectors",
    ),
    ("The bill passed with 74 yeas.", "74 yeas", "yeas"),
    (
        "Prices were up 25% — or more — in the capital.",
        "25%",
        "Prices",
    ),
    // A sum names what it is made of after "in" …
    (
        "The relief plan held $40 million in farm grants.",
        "$40 million",
        "farm grants",
    ),
    // … but not a time ("in recent years") or a place.
    (
        "Lenders have lost $3 billion in recent years.",
        "$3 billion",
        "Lenders",
    ),
];

#[test]
fn about_is_a_noun_phrase_or_nothing() {
    let mut failures = Vec::new();
    for &(sentence, span, want) in ABOUT {
        let (text, figs) = figures_of(sentence);
        match figs.iter().find(|f| f.text.of(&text) == span) {
            Some(f) if f.about == want => {}
            Some(f) => failures.push(format!("{sentence:?}: about {:?}, want {want:?}", f.about)),
            None => failures.push(format!("{sentence:?}: {span:?} not found")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
