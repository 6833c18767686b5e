//! The test scorer agrees with the eval's matching rules on hand-made cases, so the
//! dev-corpus floors in the other tests mean what FORMAT.md says.

mod common;
use common::eval::*;
use serde_json::json;
use std::collections::BTreeMap;

#[test]
fn names_ignore_titles_and_accept_shorter_forms_sharing_the_last_word() {
    // Chinese names put the surname first: "Wu" matches "Wu Xinbo" only through an alias.
    assert!(!same_name("Mr. Wu", &["Wu Xinbo".into()]));
    assert!(same_name("Trump", &["Donald Trump".into()]));
    assert!(same_name(
        "U.S. President Donald Trump",
        &["Donald Trump".into()]
    ));
    assert!(!same_name("Donald", &["Donald Trump".into()]));
    assert!(same_name("Wu", &["Wu Xinbo".into(), "Wu".into()]));
}

#[test]
fn spans_match_by_containment_or_word_overlap() {
    assert!(span_match("“progress”", "progress"));
    assert!(span_match(
        "the summit could be canceled",
        "the summit could be canceled if tensions continue to rise"
    ));
    assert!(!span_match("progress", "economic war"));
    assert!(span_match(
        "alpha beta gamma delta epsilon",
        "alpha beta gamma zeta"
    ));
}

#[test]
fn a_perfect_prediction_scores_one_and_an_empty_one_zero() {
    let gold = json!({
        "quotes": [{"speaker": "Wu Xinbo", "aliases": ["Wu"], "text": "negotiations alone are insufficient", "kind": "direct"}],
        "figures": [{"text": "$660 billion", "kind": "money", "value": 660e9, "unit": "USD"}],
        "people": [{"name": "Wu Xinbo", "role": "director of the American Studies Center"}],
        "organizations": ["Fudan University"], "places": ["China"]
    });
    let mut t = BTreeMap::new();
    score_case(&gold, &gold, &mut t);
    for area in AREAS {
        assert_eq!(t[area].f1(), 1.0, "{area}");
    }
    let mut t = BTreeMap::new();
    score_case(&gold, &json!({}), &mut t);
    assert_eq!(t["quotes"].fn_, 1);
    assert_eq!(t["figures"].f1(), 0.0);
    let wrong_value =
        json!({"figures": [{"text": "$660 billion", "kind": "money", "value": 66e9}]});
    let mut t = BTreeMap::new();
    score_case(&gold, &wrong_value, &mut t);
    assert_eq!((t["figures"].tp, t["figures"].fp), (0, 1));
}
