//! Places and organizations on made-up sentences: gazetteer names with aliases, head
//! words, acronyms, context slots, and the cases that must not count.

use newsdesk::analyze::analyze;
use newsdesk::ingest::{IngestOptions, ingest};

fn run(text: &str) -> (Vec<String>, Vec<String>) {
    let doc = ingest(text.as_bytes(), &IngestOptions::default()).expect("plain text ingests");
    let a = analyze(&doc);
    (
        a.places.iter().map(|p| p.name.clone()).collect(),
        a.organizations.iter().map(|o| o.name.clone()).collect(),
    )
}

#[test]
fn country_aliases_report_the_fullest_form_the_article_uses() {
    let (places, _) = run(
        "Talks resumed in the United States on Monday.\n\nThe U.S. delegation later flew to Britain.",
    );
    assert!(places.contains(&"United States".to_string()), "{places:?}");
    assert_eq!(
        places
            .iter()
            .filter(|p| p.as_str() == "United States")
            .count(),
        1,
        "{places:?}"
    );
    assert!(places.contains(&"Britain".to_string()), "{places:?}");
}

#[test]
fn an_abbreviation_used_as_a_modifier_is_not_a_place_mention() {
    let (places, _) = run("U.S. officials met their counterparts on Monday to discuss tariffs.");
    assert!(!places.iter().any(|p| p == "United States"), "{places:?}");
}

#[test]
fn places_inside_organization_names_do_not_count() {
    let (places, orgs) =
        run("Researchers at the University of Nowhere in Peru said the Bank of Ghana agreed.");
    assert!(
        orgs.contains(&"University of Nowhere".to_string()),
        "{orgs:?}"
    );
    assert!(orgs.contains(&"Bank of Ghana".to_string()), "{orgs:?}");
    assert!(places.contains(&"Peru".to_string()), "{places:?}");
    assert!(!places.contains(&"Ghana".to_string()), "{places:?}");
}

#[test]
fn unknown_places_are_found_by_their_slot() {
    let (places, _) = run(
        "The quake struck 40 kilometers north of Zorbania, near Quelltown, and was felt in towns such as Ambersby, Fennick and Lortha.\n\nThe parcel was found on Millbrook Road in Hallsworth, Ontario.",
    );
    for want in [
        "Zorbania",
        "Quelltown",
        "Ambersby",
        "Fennick",
        "Lortha",
        "Millbrook Road",
        "Hallsworth",
        "Ontario",
    ] {
        assert!(
            places.contains(&want.to_string()),
            "missing {want}: {places:?}"
        );
    }
}

#[test]
fn organizations_by_head_acronym_gazetteer_and_slot() {
    let (_, orgs) = run(
        "\"We are worried,\" said Jane Roe, an analyst at Brightwater Partners. The Federal Deposit Insurance Corporation (FDIC) said the FDIC would act. Reuters reported that Qantix Ltd. and the Ministry of Fisheries disagreed.",
    );
    for want in [
        "Brightwater Partners",
        "Federal Deposit Insurance Corporation",
        "Reuters",
        "Qantix Ltd.",
        "Ministry of Fisheries",
    ] {
        assert!(orgs.contains(&want.to_string()), "missing {want}: {orgs:?}");
    }
    assert!(
        !orgs.iter().any(|o| o == "FDIC"),
        "the acronym is an alias, not a second organization: {orgs:?}"
    );
}

#[test]
fn coordinated_names_split_and_compound_names_stay_whole() {
    let (places, orgs) =
        run("Exports go to Belgium and Finland, said the Securities and Exchange Commission.");
    assert!(
        places.contains(&"Belgium".to_string()) && places.contains(&"Finland".to_string()),
        "{places:?}"
    );
    assert!(
        orgs.contains(&"Securities and Exchange Commission".to_string()),
        "{orgs:?}"
    );
}

#[test]
fn titles_months_and_defined_non_organizations_are_not_entities() {
    let (places, orgs) = run(
        "In March the Nuclear Non-Proliferation Treaty (NPT) was signed. The NPT bans tests, said President Ann Smith.",
    );
    assert!(!orgs.iter().any(|o| o == "NPT"), "{orgs:?}");
    assert!(!places.iter().any(|p| p == "March"), "{places:?}");
}

#[test]
fn key_points_are_three_to_five_body_sentences_in_order_without_furniture() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let doc =
            ingest(&std::fs::read(&path).unwrap(), &IngestOptions::default()).expect("ingests");
        let a = analyze(&doc);
        let k = &a.key_points;
        assert!((3..=5).contains(&k.len()), "{}: {k:?}", path.display());
        assert!(
            k.windows(2).all(|w| w[0] < w[1]),
            "{}: not in article order {k:?}",
            path.display()
        );
        for &i in k {
            let s = doc.sentence_text(i);
            assert!(
                !doc.headline
                    .is_some_and(|h| h.overlaps(doc.sentences[i].span)),
                "{}: headline {s:?}",
                path.display()
            );
            assert!(
                !s.contains("Image:")
                    && !s.starts_with("Share")
                    && s.split_whitespace().count() >= 6,
                "{}: furniture {s:?}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 15);
}
