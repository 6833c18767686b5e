//! Reported speech whose speaker the earlier rounds missed (issue 13, third round):
//! several holders of a role speaking as a group ("her advisers said …"), and the
//! shapes added after it in this file. The sentences are our own. Each case lists every
//! statement expected; a case fails on a missing statement, a wrong speaker or kind,
//! or an extra statement.

use newsdesk::model::QuoteKind;

mod table_support;

const I: QuoteKind = QuoteKind::Indirect;

/// (article text, expected statements as (speaker, words inside the statement, kind)).
type Case = (
    &'static str,
    &'static [(&'static str, &'static str, QuoteKind)],
);

const CASES: &[Case] = &[
    // --- the plural of a role noun names a group that speaks
    (
        "The count ended late. Her advisers said the recount would change nothing.",
        &[("Her advisers", "the recount would change nothing", I)],
    ),
    (
        "Staffers said the office had run out of paper by noon.",
        &[("Staffers", "the office had run out of paper by noon", I)],
    ),
    // --- "-woman" nouns take "-women"
    (
        "The women say the crossing is still unlit after dark.",
        &[("The women", "the crossing is still unlit after dark", I)],
    ),
];

#[test]
fn reported_speech_third_round() {
    table_support::assert_table(CASES, |(text, want)| {
        let got = table_support::quotes_of(text);
        (text.to_string(), table_support::quote_problems(&got, want))
    });
}
