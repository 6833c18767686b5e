//! Dev-corpus floors for organizations and places (issue 5): the engine's F1 on the
//! articles in tests/fixtures/articles, scored with the eval's matching rules.

mod common;
use common::eval::{assert_floors, score_fixtures};

#[test]
fn organizations_and_places_stay_above_the_dev_floor() {
    let tallies = score_fixtures(Some("organizations"));
    assert_floors(&tallies, &[("organizations", 0.80), ("places", 0.90)]);
}
