//! Dev-corpus floors for figures (issue 4): span+value F1 and span+value+kind F1 on the
//! articles in tests/fixtures/articles, scored with the eval's matching rules. The floor
//! sits a little below what the engine reaches, so a regression fails loudly.

mod common;
use common::eval::{assert_floors, score_fixtures};

#[test]
fn figures_stay_above_the_dev_floor() {
    let tallies = score_fixtures(Some("figures"));
    assert_floors(&tallies, &[("figures", 0.95), ("figure_kinds", 0.94)]);
}
