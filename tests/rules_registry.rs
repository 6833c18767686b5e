//! The rule registry (`analyze::rules`): every rule fires on at least one test case (the
//! fixture articles, or a sentence of our own below), every rule is used in the file its
//! entry names, findings carry the rules that made them, and `NEWSDESK_RULES` switches a
//! rule off in the `extract` command.

mod common;

use newsdesk::analyze::{self, rules};
use newsdesk::ingest::{IngestOptions, ingest};
use newsdesk::model::Analysis;
use std::path::Path;
use std::process::Command;

/// Our own sentences, each aimed at rules the fixtures may not reach.
const OWN_CASES: &[&str] = &[
    "Council hires new auditor\n\n\
     The city of Westbrook said on Tuesday it had hired a new auditor. \
     \"We will publish every contract,\" said Mayor Alice Brennan. \
     \"It is a new start,\" Brennan said. \
     According to the council, the audit will cost $2.5 million. \
     The budget fell by 3.5 percent, officials said.",
    "Westbrook council sets out its plans\n\n\
     The council published its plans on 5 March 2024.\n\n\
     The bridge will reopen next month after the repairs are complete, said Mayor Alice Brennan.\n\n\
     Quelliq Darmaten, a spokesman for the agency, confirmed the plan on Friday.\n\n\
     Overnight temperatures fell to minus 5 degrees, and 1 in 5 homes lost power. \
     Water use rose by ½ a point.",
    "Ferry service to end\n\n\
     She said the ferry would stop running in May because the boats are too old to repair.",
    "Harbor board votes on dredging\n\n\
     Senator Dana Okafor (D-Ore.) said the dredging would \"wreck the estuary\" and \
     cost the town \"every summer visitor\" it has.\n\n\
     \"We will fight this,\" Okafor said. \"The harbor is not for sale.\"\n\n\
     \"Nobody asked the fishermen what they think.\" — Tomasz Brandvold\n\n\
     Mayor Ilse Varga said the plan is final. \"Nobody can change it.\"\n\n\
     Okafor said the board had ignored the fishing families in the county, \"every summer \
     visitor\" and the ferry crews who work the harbor \"day and night\". \
     The board approved the plan on a 4-3 vote, Okafor said in a statement. \
     The plan is final, said Mayor Ilse Varga, the chair of the harbor board.",
    "Harbor board keeps its minutes closed\n\n\
     Okafor said the board had ignored the fishing families, the ferry crews, the shop \
     owners, the boat builders, the summer visitors, the school, the two churches, the \
     lifeboat volunteers, the harbor pilots and the old net menders on the quay in the \
     spring and summer months, all \"without a single public hearing at all\" and \
     \"behind closed doors\". \
     The harbor residents, who said the channel was too shallow for the new ferries, \
     voted against the plan.",
    "Westbrook names a new treasurer\n\n\
     Odile Marchetti studied at Pellworth University and later taught at Pellworth. \
     Marchetti resigned as city treasurer in May. Her family later moved to Brantwick.",
    "Harbor board hires a pilot\n\n\
     Mayor Ilse Varga of Westbrook welcomed the new harbor pilot on Monday.",
    "Ferry timetable criticised\n\n\
     \"The timetable is a mess,\" said Odile Brannigan, who sat on the harbour board under \
     Mayor Lionel Achterberg. \"Nobody can plan a week ahead.\" \
     The dockworkers' union is crying \"sabotage\" over the new rules. \
     \"Nobody told us!\" a ferry passenger yelled. \
     \"We were never told about the closure,\" the harbour newsletter complained.",
    "Bridge repairs run late\n\n\
     The repairs are late, Mayor Alice Brennan said, and the bridge will stay closed until the spring. \
     The work will cost $4 million, according to Acme Surveys, the firm that drew up the plans.",
    "Ferry timetable cut\n\n\
     \"The boats are old,\" the harbor master said, adding that two of them would be sold. \
     The ferry companies declined to give figures, saying the talks were still going on. \
     About 4 in 10 say they would pay more for a faster boat. \
     The ferry board has sold one boat and says the other two will run until June. \
     While the fares went up twice, the harbor master said, \"nobody stopped sailing.\" \
     The night ferry will not survive the winter, veteran Liberals said.",
    "Ferry news\n\nHarbor Master Says Night Ferry Will Return In May\n\nThe board met on Monday. \
     The last boat leaves at nine, a ferry spokesman told reporters.",
    "Dam vote delayed\n\nGovernor Tom Lark left early.\n\n\
     \"We tried,\" said a senior Lark adviser. \"It is over,\" said Lark ally Dina Rusk.",
    "Dam vote delayed\n\nGovernor Tom Lark left early.\n\n\
     \"We tried,\" a source close to Lark said.",
    "Refugee policy\n\n\"Our efforts have not been enough,\" Amy Pope, deputy adviser, said.",
    "Ferry row\n\nMayor Ilse Varga and Governor Tom Lark met.\n\nVarga and Lark said the ferry would run.",
    "Turnout rose across the South, said Ingrid Halvorsen, a senior analyst at Kestrelmoor.",
    "In 2019 he was traded to the Lakeshore Comets, the owner told the Times.",
    "Crews of the older boats who have sailed them for years say the engines need replacing.",
    "Dam repairs finished\n\n\
     Governor Helen Okafor toured the valley.\n\n\
     \"The levees held,\" Tomas Brandt, an engineer who advised Okafor, said on Tuesday.",
    "Harbor fair opens\n\nHarbor Radio host Ilse Varga opened the fair on Saturday.",
    "Dredging row\n\n\
     Senator Ruth Calloway spoke first.\n\n\
     \"The channel is too shallow,\" said former Calloway aide Petra Lindqvist.",
    "Ferry fares rise\n\n\
     BRENWICK, Ont. (Wirex) — Fares on the harbor ferry will rise in June.",
    "He was a Harriers fan as a boy.",
    "Bridge row\n\n\
     Mayor Ilse Varga praised Tomas Brandt on Friday, saying, \"He kept the bridge open all winter.\"",
    "Quay row\n\"The quay is sound,\" Dana Okafor said. \"It will last.\"\n\
     Brandt said the pier is safe.\n\
     Petra Lindqvist answered: \"It will not.\" \"It is rotten.\" \
     Okafor then told the board that the survey was old.",
    "Quay repairs\n\nMayor Ilse Varga (D) spoke last.\n\n\
     \"The quay is sound,\" Varga (D) said. As Varga put it: \"It will outlast us all.\"",
    "Quay lease\n\nMayor Ilse Varga signed the lease.\n\n\
     Dana Okafor, who thinks the Varga office rushed it, called the lease \"a gift to the builders.\"",
    "Quay poll\n\n\"The fares are fair,\" Ilse Varga, 61, of Brantwick, Ont., said.",
    "Quay vote\n\nDana Okafor, a harbor elder, praised Ilse Varga, calling her \"a fine mayor.\"",
    "Quay vote\n\nMayor Ilse Varga and Dana Okafor argued in May.\n\n\
     Speaking at the quay in Brantwick, Varga went after Okafor, calling her \"a total failure.\"",
    "Ferry fares hold\n\n\
     Water bills rose again in the valley, angering farmers who say the canal fees are unfair. \
     The harbour master, a veteran of three storms and two strikes, said the pier would stay shut. \
     The ferry company has since said the fares will not change this year.\n\n\
     BRANDT: The board has no money left for the night shifts.\n\n\
     The harbour board noted, the fees had doubled since the spring of last year. \
     At the time, the ferry captains said, the harbour had no working lights at all.",
    "Fees double\n\n\
     The ferry crews tried to stop the plan, with one of their adverts asking, \
     \u{201c}Is the plan fair to the island?\u{201d}\u{a0}\n\
     The harbour board noted that the fees had doubled since the spring of last year.",
    "Dock rota row\n\nThe ferry union is saying that the new rota breaks the contract.",
    "Harbour vote\n\nThe dock will close. Some say the fleet will move north.",
    "Ferry plans\n\nThe mayor went on to say that the ferry would run all winter.",
    "Depot plan draws protest\n\n\
     Parents Against Noise will protest outside the depot. \
     A deputy with the Lake County Coroner's Office said the road was closed. \
     Government officials said the depot would open in May. \
     The claim was repeated on Friday by WKBQ's Dana Pell.\n\n\
     Dana Pell Gets More Bad News\n\n\
     The depot board met again.",
    "Ferry fares\n\nThe mayor told his audience last week, however, that the fares would hold.",
    "Ferry poll\n\nThe poll closed. Two in three said the ferry fares were too high.",
    "Ferry plan\n\nThe charm of the ferry plan itself, the mayor argued, is an illusion.",
    "Ferry trust\n\nAs the Quay Gazette noted, trust in the harbour board is collapsing.",
    "Ferry dates\n\nRosa Dunmore on Tuesday said the ferry would run until June.",
    "Pier plans\n\nRosa Dunmore, a former state legislator, said the pier should be rebuilt. \
     The inspector, who spoke on the condition of anonymity, said that the hull was cracked. \
     A harbour aide said comments from the mayor were consistent with her views. \
     Since last spring, according to the union, the ferry crews have lost 400 jobs.",
    "Ferry crews wait\n\nMayor Tom Lark spoke on Monday.\n\nThe crews are more \
     “hopeful” about the ferry than they were in the spring, Lark said.",
    "Quay letter\n\nIn a letter to the board, Lark asked the council to cancel the contract.",
    "Quay statement\n\nThe harbour board issued a statement saying that the pier would reopen.",
    "Quay talks\n\nMayor Tom Lark ended the meeting with the board by saying the ferry would run. \
     Other harbour officials echoed those remarks, saying the plan for the quay is inadequate.",
    "Ferry crash\n\nThree crew members are still in hospital. Hospital reports late on \
     Friday indicate that two of them are badly hurt.",
    "Ferry row\n\nMayor Tom Lark continued to say he had never seen the letter.",
    "Fare survey\n\n\
     Most riders said the new fare was fair, and a third of them said it was far too high.",
    "Club news\n\nAnn Lee runs the club. The new fees, Lee added in an interview, \
     were “a mistake we will fix.”",
    "Club fees\n\nIt is her job, Ann Lee said, to keep the club open all winter.",
    "Club fees\n\nAnn Lee said the pier needs repairs that the engineers said would cost $2 million.",
    "Harbor plan\n\nThe harbor plan was drawn up by engineer Marta Hall last spring.",
    "Ferry row\n\n\
     Mayor Ilse Varga asked about the cost of the new pier. \
     Asked about the timetable, the harbour master said, \"We will see.\"\n\n\
     Most of them said the timetable was late.\n\n\
     The pier is weak, captains and harbour officials told the Courier.\n\n\
     Insiders said: the cost and the delay make a quick fix unlikely.",
    "Ferry costs\n\nThe cost, according to the audit, has doubled since May. \
     The Quay Gazette, which argued that the fares were unfair, has lost the case. \
     Clinton won three state primaries on Tuesday. Rosa Dunmore said no. \
     Noting that the pier had failed twice, Rosa Dunmore asked for a new one. \
     The harbour master accused him of hiding the ferry logs.",
    "Ferry budget\n\nThe harbour board said the ferry was on track to break even, \
     and Nils Oberg, the board's finance officer, said he expected a surplus next year.",
    "Pier deeds\n\nAs this paper revealed, the pier is not owned by the city at all, \
     according to old deeds.",
    "Pier fees\n\nThe new fee, Rosa Dunmore told reporters, was never put to a vote.",
    "Ferry poll\n\nMayor Ilse Varga - a critic of the plan since May - said the ferry was \
     too slow. The letter warned that the fares would double in May. Among commuters, \
     about a third, 33 percent, say the boat is too slow.",
    "Pier club\n\nThe ferry club, Rosa Dunmore said, \u{201c}is doing much better.\u{201d}",
    "Ferry office\n\nIlse Varga, the harbour chair, announced the creation of a new ferry office.",
    "Ferry rumours\n\nLarkline, which runs the night boats, denied the report.",
    "Ferry poll\n\nIn a Quay Times poll released Monday, 61 percent of riders said \
     the boats were late. \u{201c}It will pass,\u{201d} said a longtime adviser to the mayor. \
     The mayor is ahead, according to a Quay Times/KTVX News survey.",
];

fn analyze_text(text: &str) -> Analysis {
    let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("ingest");
    analyze::analyze(&doc)
}

#[test]
fn every_rule_fires_on_some_test_case() {
    for (name, bytes) in common::fixtures::articles() {
        let doc =
            ingest(&bytes, &IngestOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        analyze::analyze(&doc);
    }
    for text in OWN_CASES {
        analyze_text(text);
    }
    let fired = rules::fired_on_this_thread();
    let silent: Vec<&str> = rules::RULES
        .iter()
        .filter(|r| !fired.contains(r.id))
        .map(|r| r.name)
        .collect();
    assert!(silent.is_empty(), "rules that never fired: {silent:?}");
}

#[test]
fn every_rule_is_applied_where_its_entry_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analyze");
    for r in rules::RULES {
        let (file, function) = r.site.split_once("::").expect("site is file::function");
        let source = std::fs::read_to_string(root.join(file))
            .unwrap_or_else(|e| panic!("{}: {file}: {e}", r.name));
        assert!(
            source.contains(r.constant),
            "{} is not applied in {file}",
            r.name
        );
        assert!(
            source.contains(&format!("fn {function}")),
            "{}: {file} has no function {function}",
            r.name
        );
    }
}

#[test]
fn findings_carry_the_rules_that_made_them() {
    let a = analyze_text(OWN_CASES[0]);
    let said = a
        .quotes
        .iter()
        .find(|q| q.speaker.contains("Brennan") && q.rules.contains(rules::QUOTES_AFTER_SAID_X));
    assert!(said.is_some(), "quotes: {:?}", a.quotes);
    let money = a
        .figures
        .iter()
        .find(|f| f.rules.contains(rules::FIGURES_MONEY))
        .expect("a money figure");
    assert!(!money.rules.contains(rules::FIGURES_PERCENT));
    for p in &a.people {
        assert!(!p.rules.is_empty(), "{} has no rules", p.name);
    }
}

fn extract(env: Option<&str>, args: &[&str], text: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.txt");
    std::fs::write(&path, text).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    cmd.env_remove("NEWSDESK_RULES");
    if let Some(spec) = env {
        cmd.env("NEWSDESK_RULES", spec);
    }
    cmd.arg("extract").args(args).arg(&path).output().unwrap()
}

#[test]
fn newsdesk_rules_switches_a_rule_off() {
    let text = OWN_CASES[0];
    let on = extract(None, &["--explain"], text);
    assert!(on.status.success());
    let on = String::from_utf8_lossy(&on.stdout);
    assert!(on.contains("quotes.after_said_x"), "{on}");
    assert!(on.contains("figures.money"), "{on}");

    let off = extract(
        Some("-quotes.after_said_x,-figures.money"),
        &["--explain"],
        text,
    );
    assert!(off.status.success());
    let off = String::from_utf8_lossy(&off.stdout);
    assert!(!off.contains("quotes.after_said_x"), "{off}");
    assert!(!off.contains("figures.money"), "{off}");

    let bad = extract(Some("-quotes.no_such_rule"), &["--json"], text);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("quotes.no_such_rule"));
}

#[test]
fn explained_json_adds_rules_and_keeps_the_schema() {
    let text = OWN_CASES[0];
    let plain: serde_json::Value =
        serde_json::from_slice(&extract(None, &["--json"], text).stdout).unwrap();
    let explained: serde_json::Value =
        serde_json::from_slice(&extract(None, &["--json", "--explain"], text).stdout).unwrap();
    assert!(plain["quotes"][0].get("rules").is_none());
    assert_eq!(
        plain["quotes"].as_array().map(Vec::len),
        explained["quotes"].as_array().map(Vec::len)
    );
    assert!(explained["quotes"][0]["rules"].is_array());
    assert_eq!(plain["figures"][0]["text"], explained["figures"][0]["text"]);
}
